#!/usr/bin/env python3
"""Logs in on node A and uses the session on node B (sessions live in PostgreSQL).

Usage: two_nodes_check.py URL_A URL_B
"""
import re
import sys
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar


def opener(jar):
    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)


def fetch(op, url, data=None):
    try:
        response = op.open(url, data=data)
        return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def main():
    a, b = sys.argv[1].rstrip("/"), sys.argv[2].rstrip("/")
    jar = CookieJar()
    op = opener(jar)
    _, html = fetch(op, a + "/login")
    csrf = re.search(r'name="_csrf" value="([^"]*)"', html).group(1)
    form = urllib.parse.urlencode({"_csrf": csrf, "login": "demo-bureau", "password": "Demo-2026-zs"}).encode()
    status, _ = fetch(op, a + "/login", form)
    assert status == 303, f"login on A answered {status}"
    # the cookie was set for 127.0.0.1 on A's port; cookies ignore ports, so B gets it too
    status, html = fetch(op, b + "/enterprises")
    ok = status == 200 and "企业库" in html
    print("ok   session made on A is valid on B" if ok else f"FAIL session on B answered {status}")
    csrf = re.search(r'name="_csrf" value="([^"]*)"', html).group(1) if ok else ""
    status, _ = fetch(op, b + "/logout", urllib.parse.urlencode({"_csrf": csrf}).encode())
    status_a, _ = fetch(op, a + "/enterprises")
    ended = status == 303 and status_a == 303
    print("ok   logout on B ends the session on A" if ended else f"FAIL logout on B: {status}, A then answered {status_a}")
    passed = int(ok) + int(ended)
    print(f"{passed} passed, {2 - passed} failed")
    return 0 if passed == 2 else 1


if __name__ == "__main__":
    sys.exit(main())
