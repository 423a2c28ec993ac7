import Vapor

/// The one stylesheet, compiled into the binary so that `zhaoshang` runs from any directory and
/// an intranet needs no CDN. Served with a long cache under a content-versioned path.
enum Stylesheet {
    static let version = String(Secrets.digest(css).prefix(10))
    static let path = SiteURL.stylesheet(version: version).path

    static func route(_ app: Application) {
        serveImmutable(app, .stylesheet(version: version), type: .init(type: "text", subType: "css", parameters: ["charset": "utf-8"]), css)
    }

    /// A file compiled into the binary, under a path that changes with its content: cached for a year.
    static func serveImmutable(_ app: Application, _ url: SiteURL, type: HTTPMediaType, _ body: String) {
        app.get(url.pattern) { _ -> Response in
            var headers = HTTPHeaders()
            headers.contentType = type
            headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=31536000, immutable")
            return Response(status: .ok, headers: headers, body: .init(string: body))
        }
    }

    static let css = """
        :root{--blue:#1d4f91;--blue-dark:#163c6e;--line:#d9dee7;--bg:#f4f6f9;--text:#1f2733;--muted:#5f6b7a;--red:#b3261e;--green:#1e7b3c}
        *{box-sizing:border-box}
        body{margin:0;font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;font-size:15px;color:var(--text);background:var(--bg);line-height:1.55}
        a{color:var(--blue)}
        .topbar{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:8px;background:var(--blue);color:#fff;padding:8px 16px}
        .topbar a,.topbar .link-button{color:#fff}
        .brand{font-weight:700;font-size:17px;text-decoration:none}
        .topbar-right{display:flex;flex-wrap:wrap;align-items:center;gap:12px;font-size:14px}
        .roles{opacity:.85}
        .demo-banner{width:100%;background:#fff4ce;color:#5c4400;padding:4px 10px;font-size:13px;border-radius:3px}
        .bare .demo-banner{margin-bottom:12px}
        form.inline{display:inline;margin:0}
        .kinds a{margin-right:.9em;white-space:nowrap}.kinds a.current{font-weight:600;text-decoration:none;color:inherit}
        .link-button{background:none;border:0;padding:0;font:inherit;cursor:pointer;text-decoration:underline;white-space:nowrap}
        .shell{display:flex;min-height:calc(100vh - 48px)}
        .sidenav{width:180px;flex:none;background:#fff;border-right:1px solid var(--line)}
        .sidenav ul{list-style:none;margin:0;padding:8px 0}
        .sidenav a{display:block;padding:9px 18px;text-decoration:none;color:var(--text)}
        .sidenav a.current{background:#e8eef8;color:var(--blue);font-weight:700;border-left:3px solid var(--blue)}
        .content{flex:1;min-width:0;padding:16px 24px 40px}
        h1{font-size:21px;margin:6px 0 14px}
        h2{font-size:17px;margin:22px 0 10px}
        .crumbs ol{list-style:none;display:flex;flex-wrap:wrap;gap:6px;padding:0;margin:0;font-size:13px;color:var(--muted)}
        .crumbs li+li:before{content:"/";margin-right:6px;color:#aab}
        .panel{background:#fff;border:1px solid var(--line);border-radius:4px;padding:14px 16px;margin-bottom:14px}
        .cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(170px,1fr));gap:12px;margin-bottom:14px}
        .card{background:#fff;border:1px solid var(--line);border-radius:4px;padding:12px 14px}
        .card .num{font-size:24px;font-weight:700;color:var(--blue)}
        .card .label{color:var(--muted);font-size:13px}
        .table-wrap{overflow-x:auto;background:#fff;border:1px solid var(--line);border-radius:4px}
        table{border-collapse:collapse;width:100%;font-size:14px}
        th,td{padding:8px 10px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
        th{background:#f0f3f8;white-space:nowrap;font-weight:600}
        td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
        .toolbar{display:flex;flex-wrap:wrap;gap:10px;align-items:flex-end;margin-bottom:12px}
        .toolbar .grow{flex:1;min-width:200px}
        .toolbar input[type=month]{width:auto}
        input[type=text],input[type=password],input[type=search],input[type=number],input[type=date],input[type=month],input[type=tel],select,textarea{width:100%;padding:7px 9px;border:1px solid #b9c2cf;border-radius:3px;font:inherit;background:#fff}
        .form{background:#fff;border:1px solid var(--line);border-radius:4px;padding:16px;max-width:760px}
        .form .grid{display:grid;grid-template-columns:1fr 1fr;gap:0 16px}
        .grid-auto{display:grid;grid-template-columns:repeat(auto-fill,minmax(170px,1fr));gap:0 12px}
        .field{margin-bottom:12px;border:0;padding:0}
        .field label,.field legend{display:block;font-weight:600;margin-bottom:4px;font-size:14px}
        .checks{display:flex;flex-wrap:wrap;gap:6px 14px}
        label.check{font-weight:400;display:inline-flex;align-items:center;gap:4px}
        .req{color:var(--red)}
        .hint{color:var(--muted);font-size:12px}
        .has-error input,.has-error select,.has-error textarea{border-color:var(--red)}
        .field-error{color:var(--red);margin:4px 0 0;font-size:13px}
        button,.button{display:inline-block;padding:7px 16px;border:1px solid var(--blue);border-radius:3px;background:#fff;color:var(--blue);font:inherit;cursor:pointer;text-decoration:none}
        button.primary,.button.primary{background:var(--blue);color:#fff}
        button.danger{border-color:var(--red);color:var(--red)}
        .alert{padding:10px 12px;border-radius:3px;margin-bottom:12px}
        .alert.error{background:#fdecea;color:var(--red);border:1px solid #f3c2bd}
        .alert.ok{background:#e7f5ec;color:var(--green);border:1px solid #b9e0c6}
        .tag{display:inline-block;padding:0 6px;margin:0 4px 2px 0;border-radius:3px;background:#e8eef8;color:var(--blue);font-size:12px;white-space:nowrap}
        .tag.attracted{background:#e7f5ec;color:var(--green)}
        .tag.late{background:#fdecea;color:var(--red)}
        .tag.soon{background:#fff4ce;color:#5c4400}
        .tag.ontime{background:#e7f5ec;color:var(--green)}
        .work-kind{font-size:15px;margin:14px 0 6px}
        .worklist{list-style:none;padding:0;margin:0}
        .worklist li{display:flex;flex-wrap:wrap;align-items:baseline;gap:4px 10px;padding:6px 0;border-bottom:1px solid var(--line)}
        .worklist .due{margin-left:auto;color:var(--muted);font-size:13px;white-space:nowrap}
        .alert.warn{background:#fff4ce;color:#5c4400;border:1px solid #f0dc9a}
        .form.narrow{max-width:560px}
        details.needs{margin:4px 0 12px}
        details.needs summary{cursor:pointer;color:var(--blue);margin-bottom:8px}
        a.button.danger-on{border-color:var(--red);color:#fff;background:var(--red)}
        .muted{color:var(--muted)}
        .empty{color:var(--muted);background:#fff;border:1px dashed var(--line);padding:16px;border-radius:4px}
        .pager{display:flex;gap:14px;align-items:center;margin:12px 0}
        dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:6px 18px;margin:0}
        dl.facts dt{color:var(--muted)}
        dl.facts dd{margin:0;min-width:0;overflow-wrap:anywhere}
        .tree{list-style:none;padding-left:18px;margin:4px 0}
        .tree>li{margin:3px 0}
        .kind{color:var(--muted);font-size:12px;margin-left:6px}
        .bare{max-width:420px;margin:8vh auto;padding:0 16px}
        .login-box{background:#fff;border:1px solid var(--line);border-radius:6px;padding:22px}
        .login-box h1{text-align:center}
        .login-box button{width:100%}
        .secret{font-family:monospace;word-break:break-all;background:#f0f3f8;padding:8px;border-radius:3px}
        .actions{display:flex;flex-wrap:wrap;gap:10px;margin:10px 0}
        .board{display:grid;grid-template-columns:repeat(auto-fit,minmax(190px,1fr));gap:10px}
        .column{background:#eef1f6;border-radius:4px;padding:8px}
        .column h3{font-size:15px;margin:2px 0 8px}
        .kcard{background:#fff;border:1px solid var(--line);border-radius:4px;padding:8px;margin-bottom:8px}
        .small{font-size:12px}
        .hp{position:absolute;left:-9999px;width:1px;height:1px;overflow:hidden}
        svg.chart{display:block;width:100%;max-width:600px;height:auto;background:#fff;border:1px solid var(--line);border-radius:4px;margin-bottom:10px}
        svg.chart .bar{fill:var(--blue)}
        svg.chart text{font-size:13px;fill:var(--text)}
        .hall-figure{margin:0 0 12px}svg.hall{display:block;width:100%;max-width:720px;height:auto;background:#fff;border:1px solid var(--line);border-radius:4px}
        .tag.seat-completed{background:#d8f0d8;color:#1d5c1d}.tag.seat-signed{background:#dde8f8;color:var(--blue)}
        .tag.seat-intent{background:#fff1c9;color:#5c4400}.tag.seat-zero{background:#f7d4d4;color:var(--red)}
        ol.timeline{list-style:none;padding:0;margin:0;border-left:3px solid var(--line)}
        ol.timeline>li{background:#fff;border:1px solid var(--line);border-radius:4px;padding:8px 12px;margin:0 0 10px 14px;position:relative}
        ol.timeline>li:before{content:"";position:absolute;left:-22px;top:12px;width:11px;height:11px;border-radius:50%;background:var(--blue)}
        .timeline .when{color:var(--muted);font-size:13px}
        .timeline .what{font-weight:600}
        ul.files{margin:4px 0;padding-left:18px}
        ul.tabs{display:flex;flex-wrap:wrap;gap:4px 16px;list-style:none;padding:0;margin:0 0 12px;border-bottom:1px solid var(--line)}
        ul.tabs a{display:inline-block;padding:6px 2px;text-decoration:none}
        ul.tabs a[aria-current]{font-weight:600;border-bottom:2px solid var(--blue)}
        p.actions{display:flex;flex-wrap:wrap;gap:8px}
        code.link{display:block;word-break:break-all;margin-top:6px;font-size:13px}
        form.inline.attach{display:flex;flex-wrap:wrap;gap:8px;align-items:center;margin:6px 0 0}
        input[type=file]{display:block;max-width:100%;font:inherit}
        @media (max-width:760px){
          .shell{display:block}
          .sidenav{width:auto;border-right:0;border-bottom:1px solid var(--line);overflow-x:auto}
          .sidenav ul{display:flex;padding:0}
          .sidenav a{white-space:nowrap;padding:10px 12px}
          .sidenav a.current{border-left:0;border-bottom:3px solid var(--blue)}
          .content{padding:12px}
          .form .grid{grid-template-columns:1fr}
          td:first-child{min-width:8em}
          .who .unit{display:none}
        }
        tfoot td{font-weight:700;background:#f7f9fc}
        .badge{display:inline-block;min-width:1.6em;padding:0 6px;border-radius:10px;background:#c62828;color:#fff;font-size:12px;line-height:18px;text-align:center;font-weight:700}
        .donelist{list-style:none;padding:0;margin:8px 0}
        .donelist li{padding:4px 0;border-bottom:1px solid var(--line)}
        .bars{margin:8px 0 14px;max-width:640px}
        .bar-row{display:grid;grid-template-columns:3.5em 1fr 8em;gap:8px;align-items:center;margin:4px 0}
        .bar-row meter{width:100%;height:16px}
        .bar-value{text-align:right;font-variant-numeric:tabular-nums}
        td.date{white-space:nowrap}
        details.filters{padding:8px 14px;margin:0 0 12px}details.filters>summary{cursor:pointer;color:var(--blue);font-weight:600}
        details.filters[open]>summary{margin-bottom:8px}.chips{display:flex;flex-wrap:wrap;gap:4px}
        details.forms,details.history{background:#fff;border:1px solid var(--line);border-radius:4px;padding:8px 14px;margin:14px 0}
        details.forms>summary,details.history>summary{cursor:pointer;color:var(--blue);font-weight:600}
        ol.history-list{list-style:none;padding:0;margin:8px 0 0}ol.history-list li{padding:3px 0;border-bottom:1px solid var(--line)}
        ol.history-list .when{color:var(--muted);font-size:13px;font-variant-numeric:tabular-nums}
        th a{color:inherit;text-decoration:none}th a:hover{text-decoration:underline}th a.sorted{color:var(--blue)}
        .totals{display:flex;flex-wrap:wrap;gap:4px 18px;margin:0 0 10px}
        .totals strong{font-variant-numeric:tabular-nums}
        progress{width:100%;max-width:32rem;height:1rem}
        .exports{display:inline-flex;flex-wrap:wrap;gap:8px}.exports .button{padding:2px 10px;font-size:13px}
        @media (max-width:600px){
          .table-wrap{overflow:visible;background:none;border:0}
          .table-wrap table,.table-wrap tbody,.table-wrap tfoot,.table-wrap tr,.table-wrap td{display:block;width:auto}
          .table-wrap thead{position:absolute;left:-9999px;width:1px;height:1px;overflow:hidden}
          .table-wrap tr{background:#fff;border:1px solid var(--line);border-radius:4px;margin-bottom:8px;padding:4px 0}
          .table-wrap td{border:0;padding:3px 10px;min-width:0;overflow-wrap:anywhere}
          .table-wrap td[data-label]{display:grid;grid-template-columns:6.5em minmax(0,1fr);gap:8px}
          .table-wrap td.num{text-align:left}
          .table-wrap td[data-label]:before{content:attr(data-label);color:var(--muted);font-size:13px;font-weight:400}
          .grid-auto{grid-template-columns:1fr 1fr}
        }
        .paper{background:#fff;color:#000;border:1px solid var(--line);box-shadow:0 1px 4px rgba(0,0,0,.1);max-width:210mm;margin:0 auto 16px;
          padding:24mm 26mm 24mm 28mm;font-family:FangSong,STFangsong,"Noto Serif CJK SC","Noto Serif SC",serif;font-size:16pt;line-height:1.75}
        .paper p{margin:0;text-indent:2em}.paper p.salutation,.paper .signature p,.paper p.masthead,.paper p.issue-no,.paper p.sub{text-indent:0}
        .paper .masthead{color:#c00;text-align:center;font-family:"FZXiaoBiaoSong-B05S","Noto Serif CJK SC",serif;font-weight:900;font-size:30pt;letter-spacing:.2em;line-height:1.3}
        .paper .issue-no{text-align:center;margin:3mm 0 1mm}
        .paper .issue-line{display:flex;justify-content:space-between;border-bottom:2px solid #c00;padding:0 1em 2mm;font-size:14pt}
        .paper h2.doc-title{font-family:"FZXiaoBiaoSong-B05S","Noto Serif CJK SC",serif;font-weight:700;font-size:22pt;text-align:center;line-height:1.5;margin:9mm 0 6mm}
        .paper h3{font-family:SimHei,"Noto Sans CJK SC",sans-serif;font-size:16pt;font-weight:400;margin:3mm 0 0;text-indent:2em}
        .paper p.sub{font-family:KaiTi,STKaiti,"Noto Serif CJK SC",serif;text-indent:2em}
        .paper table.doc-table{width:100%;border-collapse:collapse;font-size:12pt;line-height:1.4;margin:2mm 0 4mm;text-indent:0}
        .paper .doc-table th,.paper .doc-table td{border:1px solid #000;padding:1mm 1.5mm;text-align:center;font-variant-numeric:tabular-nums}
        .paper .doc-table td{white-space:nowrap}.paper .doc-table td.name{text-align:left;white-space:normal}
        .paper .doc-table thead{display:table-header-group}.paper h3,.paper p.sub{break-after:avoid;page-break-after:avoid}
        .paper .doc-table tr{break-inside:avoid;page-break-inside:avoid}
        .paper .signature{text-align:right;margin:10mm 4em 0 0;break-inside:avoid}
        .paper .colophon{display:flex;justify-content:space-between;border-top:1px solid #000;border-bottom:1px solid #000;margin-top:12mm;padding:1mm 1em;font-size:14pt;break-inside:avoid}
        .paper p.basis{font-size:10.5pt;color:#444;text-indent:0;margin-top:2mm;overflow-wrap:anywhere}
        .paper p.draft-mark{color:#c00;border:1px dashed #c00;text-align:center;text-indent:0;font-size:12pt;margin-bottom:4mm}
        @media (max-width:600px){.paper{padding:14px 12px;font-size:15px}.paper .masthead{font-size:25px}.paper h2.doc-title{font-size:19px}
          .paper .issue-line,.paper .colophon{font-size:13px;padding:0 0 4px}.paper table.doc-table{font-size:12px}.paper .doc-table th,.paper .doc-table td{padding:2px;white-space:normal}}
        ol.steps{display:flex;flex-wrap:wrap;gap:6px;list-style:none;padding:0;margin:0 0 12px;counter-reset:step}
        ol.steps li{counter-increment:step;padding:3px 10px;border:1px solid var(--line);border-radius:14px;font-size:13px;color:var(--muted)}
        ol.steps li:before{content:counter(step) ". "}ol.steps li.done{color:inherit}ol.steps li.current{border-color:var(--blue);color:var(--blue);font-weight:600}
        code.digest{overflow-wrap:anywhere;font-size:12px}
        .reserve{margin:0 0 10px}.reserve>strong{display:block;margin-bottom:6px}.reserve .tag{margin-left:0}
        .row-form{display:flex;flex-wrap:wrap;gap:8px 14px;align-items:flex-end;max-width:none;padding:0;border:0;background:none}.row-form .field{flex:1 1 220px;margin:0}.row-form .actions{margin:0}
        .prewrap{white-space:pre-wrap;overflow-wrap:anywhere}.clearing{margin:0 0 12px}.clearing h2{margin:0 0 4px;font-size:17px}
        .spark{stroke:#1a5fb4;stroke-width:1.5;vertical-align:middle}.spark circle{fill:#1a5fb4}
        .slips{display:grid;grid-template-columns:repeat(auto-fill,minmax(62mm,1fr));gap:0}
        .slip{border:1px dashed #888;padding:4mm;break-inside:avoid;page-break-inside:avoid;background:#fff}
        .slip p{margin:0}.slip-head{font-size:12px}.slip-help{font-size:11px;color:#333;overflow-wrap:anywhere}
        .slip-code{font-family:"Noto Sans Mono","DejaVu Sans Mono",monospace;font-size:20px;letter-spacing:.06em;margin:2mm 0!important;font-weight:700}
        form.ballot fieldset.rate{border:1px solid var(--line);border-radius:4px;margin:0 0 10px;padding:6px 10px;background:#fff}
        form.ballot legend{font-weight:600;padding:0 4px}
        .choices{display:flex;flex-wrap:wrap;gap:6px;margin:4px 0 6px}
        label.choice{display:inline-flex;align-items:center;gap:4px;border:1px solid var(--line);border-radius:4px;padding:6px 10px;min-height:36px}
        label.choice:has(input:checked){border-color:var(--blue);background:#eef4fb}
        form.ballot input[type=text]{width:100%;box-sizing:border-box}
        .actions.sticky{position:sticky;bottom:0;background:var(--bg);padding:8px 0}
        @page bulletin{size:A4;margin:37mm 26mm 35mm 28mm}
        @page bulletin:right{@bottom-right{content:"— " counter(page) " —";font-size:14pt;vertical-align:top;padding-top:7mm;padding-right:1em}}
        @page bulletin:left{@bottom-left{content:"— " counter(page) " —";font-size:14pt;vertical-align:top;padding-top:7mm;padding-left:1em}}
        @media print{.topbar,.sidenav,.crumbs,form,.no-print,main:has(.paper)>h1,main:has(.slips)>h1{display:none}.content{padding:0}body:has(.paper){background:#fff}
          .paper{page:bulletin;border:0;box-shadow:none;padding:0;margin:0;max-width:none}.slips{grid-template-columns:repeat(3,1fr)}}
        """
}
