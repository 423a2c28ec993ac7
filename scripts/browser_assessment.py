"""The assessment's walk (issue #14): the bureau sets a unit's targets, reads the progress
against 序时进度, and opens the list behind a figure; a cadre reads only their unit's. Then the
year-end seating: the demo's published years (市农机局 from 零效果席 to 完成席), the bureau sets
the rules of 2023 and publishes it, and the hall is drawn. The ranking of a month is published,
then its bulletin issued, printed on A4 and downloaded."""

import base64
import os
import re
import subprocess
import tempfile

from selenium.webdriver.common.by import By


def assessment_walk(driver, base, shots, h):
    h.log_in(driver, base, "demo-bureau")
    driver.get(base + "/targets")
    h.check("the targets page lists the demo's sheets", "目标任务" in driver.page_source and "第 1 版" in driver.page_source)
    h.shoot(driver, shots, "60-targets")
    driver.find_element(By.CSS_SELECTOR, "main table a").click()
    h.wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "input[name='contractInvestment']"))
    field = driver.find_element(By.CSS_SELECTOR, "input[name='contractInvestment']")
    field.clear()
    field.send_keys("-5")
    h.submit(driver, "main form")
    h.wait_for(driver, lambda d: "field-error" in d.page_source)
    h.check("a negative target is refused in Chinese", "合同投资额请填写不小于 0 的数" in driver.page_source)
    field = driver.find_element(By.CSS_SELECTOR, "input[name='contractInvestment']")
    field.clear()
    field.send_keys("25000")
    h.shoot(driver, shots, "61-target-sheet")
    h.submit(driver, "main form")
    h.wait_for(driver, lambda d: "/targets" in d.current_url and "第 2 版" in d.page_source)
    h.check("the sheet is saved as its second version, money in one unit a column",
            "第 2 版" in driver.page_source and ("合同投资额（亿元）" in driver.page_source or "合同投资额（万元）" in driver.page_source))
    driver.get(base + "/progress")
    h.check("progress reads against 序时进度, money in one unit a column", "序时进度" in driver.page_source and ("合同投资额（亿元）" in driver.page_source or "合同投资额（万元）" in driver.page_source))
    h.shoot(driver, shots, "62-progress")
    driver.find_element(By.CSS_SELECTOR, "main table a").click()
    h.wait_for(driver, lambda d: "去年同期" in d.page_source)
    h.check("a unit's page lists what makes each figure", "计入本单位" in driver.page_source or "未下达" in driver.page_source)
    h.shoot(driver, shots, "63-unit-progress")
    h.log_out(driver)
    h.log_in(driver, base, "demo-cadre")
    driver.get(base + "/progress")
    rows = driver.find_elements(By.CSS_SELECTOR, "main tbody tr")
    h.check("a cadre reads only their own unit's progress", len(rows) == 1)
    h.log_out(driver)


def seating_walk(driver, base, shots, h):
    h.log_in(driver, base, "demo-bureau")
    driver.get(base + "/seats")
    year = int(driver.find_element(By.CSS_SELECTOR, "main .actions a.primary").text.split()[0])
    driver.get(base + "/seats?year=%d" % (year - 1))
    source = driver.page_source
    h.check("last year's seating is published with its digest agreeing", "已发布" in source and "摘要核对一致" in source)
    h.check("市农机局 moved from 零效果席 to 完成席", "市农机局" in source and "零效果席 → " in source)
    row = [r for r in driver.find_elements(By.CSS_SELECTOR, "main tbody tr") if "市农机局" in r.text]
    h.check("市农机局's line reads 零效果席 → 完成席", len(row) == 1 and "零效果席 → 完成席" in row[0].text.replace("\n", " "))
    h.check("the hall is drawn with its four blocks", len(driver.find_elements(By.CSS_SELECTOR, "svg.hall")) == 1
            and all(s in source for s in ["完成席（", "签约席（", "意向席（", "零效果席（"]))
    h.shoot(driver, shots, "64-seating-published")
    # a year not yet published: the bureau sets its rules, then publishes it
    driver.get(base + "/seats?year=%d" % (year - 3))
    h.check("an earlier year is a draft", "草案" in driver.page_source)
    driver.find_element(By.CSS_SELECTOR, "main details summary").click()
    field = driver.find_element(By.CSS_SELECTOR, "input[name='completion']")
    field.clear()
    field.send_keys("300")
    h.submit(driver, "main details form")
    h.wait_for(driver, lambda d: "field-error" in d.page_source)
    h.check("a 完成席 share of 300% is refused in Chinese", "完成席门槛应在 50% 至 200% 之间" in driver.page_source)
    field = driver.find_element(By.CSS_SELECTOR, "input[name='completion']")
    field.clear()
    field.send_keys("100")
    h.submit(driver, "main details form")
    h.wait_for(driver, lambda d: "第 1 版" in d.page_source)
    h.check("the rules are saved as their first version", "第 1 版" in driver.page_source)
    forms = driver.find_elements(By.CSS_SELECTOR, "main > form, main form.form")
    publish = [f for f in forms if "发布" in f.text and "规则" not in f.text]
    h.check("the bureau is offered the publication", len(publish) >= 1)
    publish[-1].find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    # the draft page may say 已发布 of another year: wait for the published page's digest line
    h.wait_for(driver, lambda d: "摘要核对一致" in d.page_source or "摘要不一致" in d.page_source)
    h.check("the year is published and read back as published", "已发布" in driver.page_source and "摘要核对一致" in driver.page_source)
    h.shoot(driver, shots, "65-seating-just-published")
    driver.get(base + "/seats/hall.svg?year=%d" % (year - 1))
    h.check("the hall opens on its own as a printable picture", "年终座次" in driver.page_source and "svg" in driver.page_source)
    if shots:  # a picture, not a page: no body to measure
        driver.save_screenshot(shots + "/66-seating-hall.png")
    driver.get(base + "/seats")
    h.log_out(driver)
    h.log_in(driver, base, "demo-cadre")
    driver.get(base + "/seats?year=%d" % year)
    h.check("a cadre reads no draft", "尚未发布" in driver.page_source and not driver.find_elements(By.CSS_SELECTOR, "svg.hall"))
    driver.get(base + "/seats?year=%d" % (year - 1))
    h.check("a cadre reads a published seating", len(driver.find_elements(By.CSS_SELECTOR, "svg.hall")) == 1)
    h.log_out(driver)


def cadres_walk(driver, base, shots, h):
    from selenium.webdriver.support.ui import Select
    h.log_in(driver, base, "demo-bureau")
    driver.get(base + "/cadres")
    h.check("干部实绩 places each unit's cadres by the stated rule", "单位内排名" in driver.page_source and "计入合同投资额" in driver.page_source)
    h.shoot(driver, shots, "67-cadres")
    driver.find_element(By.CSS_SELECTOR, "main tbody tr a").click()
    h.wait_for(driver, lambda d: "指标（计入本人）" in d.page_source)
    h.check("a cadre's page lists what is credited to them", "指标（计入本人）" in driver.page_source)
    h.shoot(driver, shots, "68-cadre")
    driver.get(base + "/reserve-pool")
    h.check("the demo's pool: two in, and a withdrawal kept as a record", "在库 2 人" in driver.page_source and "移出" in driver.page_source)
    Select(driver.find_element(By.NAME, "person")).select_by_index(3)
    # blanks pass the browser's own check; the server reads them as nothing
    driver.find_element(By.NAME, "reason").send_keys("   ")
    driver.find_element(By.NAME, "decidedBy").send_keys("市委组织部")
    h.set_date(driver, "f-decidedOn", "2026-01-20")
    h.submit(driver, "main form")
    h.wait_for(driver, lambda d: "field-error" in d.page_source)
    h.check("a record without its reason is refused in Chinese", "请填写入库理由" in driver.page_source)
    h.check("what was typed is kept", "市委组织部" in driver.page_source)
    driver.find_element(By.NAME, "reason").send_keys("年度考核优秀")
    h.submit(driver, "main form")
    h.wait_for(driver, lambda d: "在库 3 人" in d.page_source)
    h.check("the record is kept and the pool reads three", "在库 3 人" in driver.page_source)
    h.shoot(driver, shots, "69-reserve-pool")
    h.log_out(driver)
    h.log_in(driver, base, "demo-cadre")
    driver.get(base + "/reserve-pool")
    h.check("a cadre does not read the pool", "无权" in driver.page_source)
    h.log_out(driver)


def ranking_walk(driver, base, shots, h):
    h.log_in(driver, base, "demo-bureau")
    driver.get(base + "/rankings")
    source = driver.page_source
    h.check("the last month's ranking is published, its digest agreeing", "已发布" in source and "摘要核对一致" in source)
    h.check("each kind is ranked among its own, with the change since the last period",
            "市直部门（" in source and "较上期" in source and "名次" in source)
    h.check("the tie rule is written on the page", "得分相同的" in source)
    h.shoot(driver, shots, "70-ranking")
    year = int(driver.find_element(By.CSS_SELECTOR, "main .actions a").text.split()[0]) + 1
    driver.get(base + "/rankings?period=%d-06" % (year - 1))
    h.check("a month of last year is a draft", "草案" in driver.page_source)
    driver.find_element(By.CSS_SELECTOR, "main tbody details summary").click()
    h.check("a score is explained line by line", "× 权重" in driver.page_source)
    forms = [f for f in driver.find_elements(By.CSS_SELECTOR, "main form.form") if "发布" in f.text and "保存公式" not in f.text]
    forms[-1].find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    # the draft page may say 已发布 of another year: wait for the published page's digest line
    h.wait_for(driver, lambda d: "摘要核对一致" in d.page_source or "摘要不一致" in d.page_source)
    h.check("the month is published by the bureau", "已发布" in driver.page_source and "摘要核对一致" in driver.page_source)
    h.shoot(driver, shots, "71-ranking-published")
    h.log_out(driver)


def bulletin_walk(driver, base, shots, h):
    """The bureau issues the bulletin of the month the ranking walk published: preview, issue, read
    it as a cadre, print it on A4 (the PDF's size, its pages numbered "— N —") and download it."""
    h.log_in(driver, base, "demo-bureau")
    driver.get(base + "/bulletins")
    h.check("the demo's bulletins are listed by number", "年第1期" in driver.page_source)
    h.shoot(driver, shots, "72-bulletins")
    options = driver.find_elements(By.CSS_SELECTOR, "select[name='period'] option")
    h.check("the month published a moment ago waits for its bulletin", len(options) >= 1)
    if not options:
        h.log_out(driver)
        return
    h.submit(driver, "main form.form")
    h.wait_for(driver, lambda d: "草稿" in d.page_source)
    h.check("the preview is marked a draft", "草稿 · 未印发" in driver.page_source and "招商引资工作通报" in driver.page_source)
    driver.find_element(By.CSS_SELECTOR, "main form.form button[type=submit]").click()
    h.wait_for(driver, lambda d: "/bulletins/" in d.current_url and "draft" not in d.current_url)
    source = driver.page_source
    h.check("the issued bulletin is numbered and its digest agrees", "期" in h.h1(driver) and "摘要核对一致" in source)
    h.check("it praises and criticises by the rules it prints", "二、通报表扬" in source and "三、通报批评" in source)
    url = driver.current_url
    h.shoot(driver, shots, "73-bulletin")
    data = h.fetch_bytes(driver, url + "?format=xlsx")
    h.check("the bulletin downloads as a workbook", data[:2] == b"PK", str(data[:8]))
    pdf = base64.b64decode(driver.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True})["data"])
    folder = shots or tempfile.mkdtemp()
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, "73-bulletin-print.pdf")
    with open(path, "wb") as f:
        f.write(pdf)
    info = subprocess.run(["pdfinfo", path], capture_output=True, text=True).stdout
    h.check("it prints on A4 by its own page rule", "(A4)" in info, info)
    words = subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True, text=True).stdout
    # pdftotext drops the thin spaces around the number
    numbers = re.findall(r"—\s*(\d+)\s*—", words)
    h.check("its printed pages are numbered — 1 — …", numbers[:2] == ["1", "2"], str(numbers[:4]))
    h.check("the masthead and the issuing date print", "招商引资工作通报" in words and "印发" in words)
    if shots:
        subprocess.run(["pdftoppm", "-r", "50", "-f", "1", "-l", "2", "-png", path, os.path.join(shots, "73-bulletin-print")])
    h.log_out(driver)
    h.log_in(driver, base, "demo-cadre")
    driver.get(url)
    h.check("a cadre reads the issued bulletin", "招商引资工作通报" in driver.page_source)
    h.log_out(driver)
