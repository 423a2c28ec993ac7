"""The assessment's walk (issue #14): the bureau sets a unit's targets, reads the progress
against 序时进度, and opens the list behind a figure; a cadre reads only their unit's. Then the
year-end seating: the demo's published years (市农机局 from 零效果席 to 完成席), the bureau sets
the rules of 2023 and publishes it, and the hall is drawn."""

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
    h.wait_for(driver, lambda d: "已发布" in d.page_source)
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
