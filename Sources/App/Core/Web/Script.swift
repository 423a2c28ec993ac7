import Vapor

/// The one script: progressive enhancement only (STYLE.md), compiled into the binary and served
/// from our own origin under a content-versioned path, so the CSP's `script-src 'self'` holds and
/// every form still submits without it.
///
/// What it does: an input marked `data-suggest="/path"` asks that path for suggestions as one
/// types (at least two characters, a quarter second after the last key) and offers them in the
/// input's datalist; picking one fills the fields named in `data-fills` ("uscc industryCode") if
/// they are empty (also when the whole name was typed), and empties what it filled if the name is
/// changed again. A button marked `data-print` prints the page (a bulletin on A4). A ballot link carries its code after `#`, which no browser sends to the server (so no request log can hold it): the script moves it into the input marked `data-hash-code` and off the address bar. An element marked `data-refresh="2"` (a long import's progress) reloads the page
/// after that many seconds; without the script its link does.
enum Script {
    static let version = String(Secrets.digest(source).prefix(10))
    static let path = SiteURL.script(version: version).path

    static func route(_ app: Application) {
        Stylesheet.serveImmutable(
            app, .script(version: version), type: .init(type: "text", subType: "javascript", parameters: ["charset": "utf-8"]), source)
    }

    static let source = """
        (function () {
          "use strict";
          var refresh = document.querySelector("[data-refresh]");
          if (refresh) {
            setTimeout(function () { window.location.reload(); },
              1000 * (parseInt(refresh.getAttribute("data-refresh"), 10) || 2));
          }
          var print = document.querySelector("[data-print]");
          if (print) { print.addEventListener("click", function () { window.print(); }); }
          var code = document.querySelector("input[data-hash-code]");
          if (code && window.location.hash.length > 1) {
            code.value = decodeURIComponent(window.location.hash.slice(1));
            if (window.history.replaceState) { window.history.replaceState(null, "", window.location.pathname); }
          }
          var inputs = document.querySelectorAll("input[data-suggest]");
          Array.prototype.forEach.call(inputs, function (input) {
            var list = document.getElementById(input.getAttribute("list"));
            var form = input.form;
            if (!list || !form || !window.fetch) { return; }
            var fills = (input.getAttribute("data-fills") || "").split(" ").filter(Boolean);
            var timer = null, asked = "", found = {};
            function fill(entry) {
              fills.forEach(function (name) {
                var field = form.elements[name];
                if (!field) { return; }
                if (entry && entry[name] && !field.value) {
                  field.value = entry[name];
                  field.setAttribute("data-filled", entry[name]);
                } else if (!entry && field.getAttribute("data-filled") === field.value) {
                  field.value = "";
                  field.removeAttribute("data-filled");
                }
              });
            }
            function show(entries) {
              while (list.firstChild) { list.removeChild(list.firstChild); }
              found = {};
              entries.forEach(function (entry) {
                var option = document.createElement("option");
                option.value = entry.name;
                option.label = entry.label;
                list.appendChild(option);
                found[entry.name] = entry;
              });
            }
            input.addEventListener("input", function () {
              var q = input.value.trim();
              fill(found[q] || null);
              clearTimeout(timer);
              if (q.length < 2 || q === asked || found[q]) { return; }
              timer = setTimeout(function () {
                asked = q;
                fetch(input.getAttribute("data-suggest") + "?q=" + encodeURIComponent(q), {
                  credentials: "same-origin", headers: { "Accept": "application/json" }
                }).then(function (response) { return response.ok ? response.json() : []; })
                  .then(function (entries) {
                    if (input.value.trim() === q) { show(entries); fill(found[q] || null); }
                  })
                  .catch(function () {});
              }, 250);
            });
          });
        })();
        """
}
