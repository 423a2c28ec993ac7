"""The browser walk's 容错纠错 part (issue #15): the bureau opens a case and ticks the checklist
with evidence, finds no decision form; the inspector decides it tolerated and clears the name; the
public page, read without an account, shows the clearing."""
import re

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select


def tolerance_walk(driver, base, shots, h):
    h.log_in(driver, base, "demo-bureau")
    driver.get(base + "/tolerance")
    h.check("the demo's cases are listed", "容错〔" in driver.page_source and "予以容错" in driver.page_source)
    h.shoot(driver, shots, "96-tolerance")
    select = Select(driver.find_element(By.ID, "o-personID"))
    select.select_by_index(1)
    driver.find_element(By.ID, "o-title").send_keys("重点项目用地预审期间先行场地平整")
    driver.execute_script("document.getElementById('o-occurredOn').value = '2026-04-02'")
    driver.find_element(By.ID, "o-facts").send_keys("为保障重点项目按期开工，在用地预审办理期间先行开展场地平整，未动工建设主体工程。")
    h.submit(driver, "form[action='/tolerance']")
    h.wait_for(driver, lambda d: re.search(r"/tolerance/[0-9A-F-]{36}$", d.current_url, re.I))
    case = driver.current_url
    h.check("the case is numbered", "容错〔" in h.h1(driver))
    for item, evidence in [("publicInterest", "为项目按期开工，个人无利益"), ("noCollusion", "与企业无经济往来"), ("notForbidden", "无明令禁止")]:
        Select(driver.find_element(By.ID, "k-finding-" + item)).select_by_value("holds")
        driver.find_element(By.ID, "k-evidence-" + item).send_keys(evidence)
    h.submit_and_wait(driver, "form[action$='/checklist']")
    h.wait_for(driver, lambda d: d.current_url == case)
    h.check("the bureau gathers the checklist but does not decide", "作出认定" not in driver.page_source)
    h.log_out(driver)
    h.log_in(driver, base, "demo-inspector")
    driver.get(case)
    Select(driver.find_element(By.ID, "i-state")).select_by_value("tolerated")
    driver.find_element(By.ID, "i-decision").send_keys("出于公心、未谋私利，上级无明令禁止，予以容错。")
    h.submit(driver, "form[action$='/decision']")
    h.wait_for(driver, lambda d: "公开澄清正名" in d.page_source)
    driver.find_element(By.ID, "i-clearing").send_keys("经调查核实，该同志先行平整场地系为保障重点项目开工，不存在违纪问题，予以澄清正名。")
    h.submit(driver, "form[action$='/clearing']")
    h.wait_for(driver, lambda d: "已澄清正名" in d.page_source)
    h.shoot(driver, shots, "97-tolerance-case")
    h.log_out(driver)
    driver.get(base + "/clearings")
    h.check("the name is cleared in public, without an account", "先行平整场地系为保障重点项目开工" in driver.page_source)
    h.shoot(driver, shots, "98-clearings")
