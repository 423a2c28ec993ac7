"""The assessment's walk (issue #14): the bureau sets a unit's targets, reads the progress
against 序时进度, and opens the list behind a figure; a cadre reads only their unit's."""

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
