"""The browser walk's exchange part (issue #13): a bureau imports its enterprise ledger from Excel
as it would — upload, a dry run that finds a bad row, the rows in error downloaded, fixed in a
spreadsheet library and uploaded again, imported, and found in the registry."""
import io
import os
import tempfile

import openpyxl
from selenium.webdriver.common.by import By


def ledger(path, rows):
    """A ledger as a bureau keeps it: a title merged over the columns, then the headers."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "企业台账"
    sheet["A1"] = "演示市2026年新增企业台账"
    sheet.merge_cells("A1:E1")
    sheet.append(["序号", "单位名称", "社会信用代码", "注册资金（万元）", "是否招引企业"])
    for row in rows:
        sheet.append(row)
    book.save(path)


def import_walk(driver, base, shots, walk):
    check, wait_for = walk.check, walk.wait_for
    folder = tempfile.mkdtemp(prefix="zs-walk-")
    first = os.path.join(folder, "企业台账.xlsx")
    ledger(first, [[1, "演示导入精密模具有限公司", None, 4389, "是"], [2, "演示导入新材料有限公司", None, "待定", "否"]])
    walk.log_in(driver, base, "demo-bureau")
    driver.get(base + "/enterprises")
    driver.find_element(By.CSS_SELECTOR, "a[href='/imports']").click()
    wait_for(driver, lambda d: d.current_url.endswith("/imports"))
    walk.shoot(driver, shots, "40-imports")
    driver.find_element(By.ID, "f-file").send_keys(first)
    walk.submit(driver, "form[action='/imports']")
    wait_for(driver, lambda d: "/imports/" in d.current_url)
    check("the header row under a merged title is found", "表头第 2 行" in driver.page_source, driver.find_element(By.CSS_SELECTOR, "p.muted").text)
    chosen = driver.find_element(By.CSS_SELECTOR, "#f-col1 option[selected]").get_attribute("value")
    check("单位名称 is taken for the enterprise's name", chosen == "name", chosen)
    walk.shoot(driver, shots, "41-import-mapping")
    walk.submit(driver, "form[action$='/check']")
    wait_for(driver, lambda d: "试导入结果" in d.page_source)
    check("the dry run names the bad cell by row and column", "第 4 行 D 列：“待定”不是金额" in driver.page_source)
    check("nothing can be imported while a row is in error", "确认导入" not in driver.page_source)
    walk.shoot(driver, shots, "42-import-dry-run")
    # the rows in error come back as a workbook, with what is wrong beside each
    link = driver.find_element(By.CSS_SELECTOR, "a[href$='/errors.xlsx']").get_attribute("href")
    errors = openpyxl.load_workbook(io.BytesIO(walk.fetch_bytes(driver, link)))
    sheet = errors.worksheets[0]
    check("the error file holds the bad row with its error", sheet.max_row == 2 and "不是金额" in str(sheet["A2"].value), str(sheet["A2"].value))
    # the cadre corrects the amount in the ledger and uploads it again
    second = os.path.join(folder, "企业台账-全部.xlsx")
    ledger(second, [[1, "演示导入精密模具有限公司", None, 4389, "是"], [2, "演示导入新材料有限公司", None, 1273.75, "否"]])
    driver.get(base + "/imports")
    driver.find_element(By.ID, "f-file").send_keys(second)
    walk.submit(driver, "form[action='/imports']")
    wait_for(driver, lambda d: "/imports/" in d.current_url)
    walk.submit(driver, "form[action$='/check']")
    wait_for(driver, lambda d: "试导入结果" in d.page_source)
    check("the fixed ledger dry-runs clean", "确认导入（共 2 行）" in driver.page_source)
    walk.submit(driver, "form[action$='/commit']")
    wait_for(driver, lambda d: "导入完成" in d.page_source)
    totals = driver.find_element(By.CSS_SELECTOR, "p.totals").text
    check("the import creates both enterprises", "新增 2" in totals, totals)
    walk.shoot(driver, shots, "43-import-done")
    driver.get(base + "/enterprises?q=演示导入")
    rows = driver.find_elements(By.CSS_SELECTOR, "table tbody tr")
    check("the imported enterprises are in the registry", len(rows) == 2, f"{len(rows)} rows")
    walk.log_out(driver)
