#!/usr/bin/env python3
"""Reads every kind of export with an independent spreadsheet library (openpyxl), as a bureau's
Excel would: the workbook opens, its header row is frozen and auto-filtered, Chinese is intact,
amounts in 万元 are numbers, days are dates, the 说明 sheet names the list, the filters, the time and
the demo label; the CSV twin starts with a BOM, says the same header and holds the same rows.

usage: check_exports.py BASE_URL TOKEN
"""
import csv
import datetime
import io
import sys
import urllib.parse
import urllib.request

import openpyxl

BASE, TOKEN = sys.argv[1].rstrip("/"), sys.argv[2]
LISTS = [
    ("/api/v1/leads?state=all", "线索台账"),
    ("/api/v1/projects/ledger", "项目台账"),
    ("/api/v1/projects/funds", "到位资金台账"),
    ("/api/v1/work-orders?view=all", "诉求与督办事项"),
    ("/api/v1/activities", "招商活动"),
    ("/api/v1/enterprises?q=线路板", "企业库"),
    ("/api/v1/work-orders/board", "部门责任榜"),
    ("/api/v1/linkage", "领导包联"),
]
failures = 0


def check(name, condition, detail=""):
    global failures
    print(("ok   " if condition else "FAIL ") + name + ("" if condition else f"  {detail}"))
    failures += 0 if condition else 1


def fetch(path, fmt):
    joiner = "&" if "?" in path else "?"
    url = BASE + urllib.parse.quote(path + joiner + "format=" + fmt, safe="/?&=")
    request = urllib.request.Request(url, headers={"Authorization": "Bearer " + TOKEN})
    with urllib.request.urlopen(request, timeout=120) as response:
        return response.headers, response.read()


for path, title in LISTS:
    headers, body = fetch(path, "xlsx")
    check(f"{title}: served as a workbook", "spreadsheetml.sheet" in headers.get("Content-Type", ""), headers.get("Content-Type"))
    book = openpyxl.load_workbook(io.BytesIO(body))
    sheet = book.worksheets[0]
    check(f"{title}: the sheet is named after the list", sheet.title == title, sheet.title)
    check(f"{title}: the header row is frozen", sheet.freeze_panes == "A2", str(sheet.freeze_panes))
    check(f"{title}: the header row is auto-filtered", (sheet.auto_filter.ref or "").startswith("A1:"), str(sheet.auto_filter.ref))
    header = [c.value for c in sheet[1]]
    check(f"{title}: Chinese headers intact", all(isinstance(h, str) and any("\u4e00" <= ch <= "\u9fff" for ch in h) for h in header), str(header))
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    check(f"{title}: rows exported", len(rows) > 0, "none")
    for index, name in enumerate(header):
        values = [r[index] for r in rows if index < len(r) and r[index] is not None]
        if "万元" in name:
            # a foreign amount is written in its own currency's words, never added into 万元
            numbers = [v for v in values if isinstance(v, (int, float))]
            words = [v for v in values if isinstance(v, str)]
            check(f"{title}: {name} holds numbers", len(numbers) > 0 or not values, str(values[:3]))
            check(f"{title}: {name} text only for foreign money", all(any(u in w for u in ("美元", "欧元", "日元", "港元", "英镑")) for w in words), str(words[:3]))
            cells = [row[index] for row in sheet.iter_rows(min_row=2) if index < len(row) and isinstance(row[index].value, (int, float))]
            if cells:
                check(f"{title}: {name} shows two decimals", cells[0].number_format == "#,##0.00", cells[0].number_format)
        if name.endswith("日期") or name.endswith("时限") or name == "日期":
            check(f"{title}: {name} holds dates", all(isinstance(v, datetime.datetime) for v in values), str(values[:3]))
    info = book["说明"]
    said = "\n".join(" ".join(str(c) for c in row if c is not None) for row in info.iter_rows(values_only=True))
    check(f"{title}: 说明 names the list, the time and the demo", said.startswith(title) and "导出时间" in said and "演示数据" in said, said[:200])

    headers, body = fetch(path, "csv")
    check(f"{title}: CSV starts with a BOM", body.startswith(b"\xef\xbb\xbf"))
    lines = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    check(f"{title}: CSV says the same header", lines[1] == header, str(lines[1][:4]))
    check(f"{title}: CSV holds the same rows", len(lines) - 2 == len(rows), f"{len(lines) - 2} vs {len(rows)}")

print(f"{failures} failed")
sys.exit(1 if failures else 0)
