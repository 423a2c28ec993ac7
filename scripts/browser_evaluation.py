"""The browser walk's 双百双评 part (issue #15): the bureau opens a campaign, imports the two
registers from Excel, publishes their digests, draws from a typed seed, prints the slips; the drawn
cast ballots with their codes on a phone-width page, a reused code is refused; the bureau closes;
the results, the withheld cells and the ladder's decision list print."""
import os
import re
import tempfile

import openpyxl
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select


def register_book(path, year):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "名册"
    sheet.append(["年度", "名册", "姓名", "单位", "身份"])
    for i, (name, org) in enumerate([("张建国", "演示某化工有限公司"), ("李红梅", "演示某电子科技有限公司"), ("王志强", "演示某新材料有限公司"), ("赵丽", "演示某食品有限公司")]):
        sheet.append([year, "企业家", name, org, "企业负责人"])
    for name, standing in [("孙立新", "市人大代表"), ("周敏", "市政协委员"), ("吴刚", "社区群众代表")]:
        sheet.append([year, "群众代表", name, "演示市东城区", standing])
    book.save(path)


def evaluation_walk(driver, base, shots, h):
    year = "2027"
    h.log_in(driver, base, "demo-bureau")
    driver.get(base + "/evaluations")
    h.check("the demo's three years of campaigns are listed", driver.page_source.count("“双百双评”") >= 3)
    h.shoot(driver, shots, "80-evaluations")
    for field, value in [("o-year", year), ("o-drawnEntrepreneurs", "2"), ("o-drawnRepresentatives", "1"), ("o-minimumAnswers", "2")]:
        element = driver.find_element(By.ID, field)
        element.clear()
        element.send_keys(value)
    h.submit(driver, "form[action='/evaluations']")
    h.wait_for(driver, lambda d: re.search(r"/evaluations/[0-9A-F-]{36}$", d.current_url, re.I))
    campaign = driver.current_url
    h.check("the campaign opens with the series' units", "参评单位" in driver.page_source and "名册准备中" in driver.page_source)
    # the registers come in through the import engine
    folder = tempfile.mkdtemp(prefix="zs-eval-")
    path = os.path.join(folder, "双百双评名册.xlsx")
    register_book(path, year)
    driver.get(base + "/imports")
    Select(driver.find_element(By.ID, "f-kind")).select_by_value("evaluationRegister")
    driver.find_element(By.ID, "f-file").send_keys(path)
    h.submit(driver, "form[action='/imports']")
    h.wait_for(driver, lambda d: "/imports/" in d.current_url)
    h.submit(driver, "form[action$='/check']")
    h.wait_for(driver, lambda d: "试导入结果" in d.page_source)
    h.submit(driver, "form[action$='/commit']")
    h.wait_for(driver, lambda d: "导入完成" in d.page_source)
    driver.get(campaign)
    h.check("both registers are filled", "名册 4 人" in driver.page_source and "名册 3 人" in driver.page_source)
    driver.find_element(By.ID, "a-seedSource").send_keys("2027年1月5日中国福利彩票双色球开奖号码，红球为第一来源、蓝球为第二来源")
    h.submit(driver, "form[action$='/publish']")
    h.wait_for(driver, lambda d: "已公布名册摘要" in d.page_source)
    h.check("the registers' digests are published", len(driver.find_elements(By.CSS_SELECTOR, "code.digest")) == 2)
    driver.find_element(By.ID, "a-seed").send_keys("03 09 17 22 26 31\n14")
    h.submit(driver, "form[action$='/draw']")
    h.wait_for(driver, lambda d: "生成选票码" in d.page_source)
    driver.get(campaign + "/draw")
    h.check("the draw re-runs from the published inputs to the same names", "结果与抽取时记录的一致" in driver.page_source)
    h.check("the key is made from the seed as RFC 3797 says", "3.9.17.22.26.31./14./" in driver.page_source)
    h.shoot(driver, shots, "81-draw-sheet")
    driver.get(campaign)
    h.submit(driver, "form[action$='/codes']")
    h.wait_for(driver, lambda d: "选票码（" in h.h1(d))
    codes = [e.text for e in driver.find_elements(By.CSS_SELECTOR, ".slip-code")]
    h.check("one slip per person drawn", len(codes) == 3, str(codes))
    h.shoot(driver, shots, "82-slips")
    h.log_out(driver)
    # the drawn vote on a phone, without an account
    driver.set_window_size(390, 844)
    for index, code in enumerate(codes[:2]):
        # each link opened afresh (from /ballot itself a new fragment would not reload the page)
        driver.get("about:blank")
        driver.get(base + "/ballot#" + code)
        h.check("the link's code fills the field", driver.find_element(By.ID, "f-code").get_attribute("value") == code)
        h.submit(driver, "form.ballot")
        h.wait_for(driver, lambda d: "提交投票" in d.page_source)
        groups = {e.get_attribute("name") for e in driver.find_elements(By.CSS_SELECTOR, "input[type=radio]")}
        for name in sorted(groups):
            choice = "satisfied" if index == 0 else "basicallySatisfied"
            radio = driver.find_element(By.CSS_SELECTOR, f"input[name='{name}'][value='{choice}']")
            # as a thumb would: scrolled to the middle, clear of the sticky buttons
            driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", radio)
            radio.click()
        if index == 0:
            h.shoot(driver, shots, "83-ballot")
        driver.find_element(By.CSS_SELECTOR, "button[value='cast']").click()
        h.wait_for(driver, lambda d: "投票完成" in d.page_source)
    driver.get(base + "/ballot")
    driver.find_element(By.ID, "f-code").send_keys(codes[0])
    h.submit(driver, "form.ballot")
    h.wait_for(driver, lambda d: "选票码无效" in d.page_source)
    h.check("a used code is refused without saying more", "选票码无效、已使用" in driver.page_source)
    h.shoot(driver, shots, "84-ballot-refused")
    driver.set_window_size(1366, 900)
    h.log_in(driver, base, "demo-bureau")
    driver.get(campaign)
    h.check("two ballots of three are in", "2 / 3 张选票码" in driver.page_source)
    h.submit(driver, "form[action$='/close']")
    h.wait_for(driver, lambda d: "测评结果" in d.page_source)
    driver.get(campaign + "/results")
    h.check("the counts agree with the digest taken at the close", "计票摘要核对一致" in driver.page_source)
    h.shoot(driver, shots, "85-results")
    driver.get(base + "/evaluations")
    driver.find_element(By.XPATH, "//a[contains(., '2026年度')]").click()
    h.wait_for(driver, lambda d: "2026" in h.h1(d))
    driver.get(driver.current_url + "/decisions")
    h.check("the enforcement bureau, last three years running, is told its head resigns", "单位主要负责人引咎辞职" in driver.page_source)
    h.check("natural resources, last in the first and third year, writes a self-criticism", "市自然资源和规划局" in driver.page_source)
    h.shoot(driver, shots, "86-decisions")
    h.log_out(driver)
    driver.get(base + "/evaluations")
    h.log_in(driver, base, "demo-cadre")
    driver.get(base + "/evaluations/anonymity")
    h.check("everyone working here reads how anonymity is kept", "投票后选票码即删除" in driver.page_source)
    h.log_out(driver)
