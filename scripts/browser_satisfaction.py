"""The browser walk's 满意度月评 part (issue #15): the bureau opens next month's survey with its
frame and seed source published, draws from a typed seed and prints the invitations; two drawn
enterprises answer with their links on a phone-width page, a reused code is refused; the bureau
closes; the results, the lowest units, the year's trend and the indicators' owners read."""
import datetime
import re

from selenium.webdriver.common.by import By


def satisfaction_walk(driver, base, shots, h):
    today = datetime.date.today()
    year, month = (today.year + 1, 1) if today.month == 12 else (today.year, today.month + 1)
    h.log_in(driver, base, "demo-bureau")
    driver.get(base + "/satisfaction")
    h.check("the demo's twelve months are listed", driver.page_source.count("企业满意度测评</a>") >= 12)
    h.shoot(driver, shots, "90-satisfaction")
    for field, value in [("o-year", str(year)), ("o-month", str(month)), ("o-sampleSize", "5"), ("o-minimumAnswers", "2")]:
        element = driver.find_element(By.ID, field)
        element.clear()
        element.send_keys(value)
    driver.find_element(By.ID, "o-seedSource").send_keys("下月第一个开奖日中国福利彩票双色球开奖号码，红球为第一来源、蓝球为第二来源")
    h.submit(driver, "form[action='/satisfaction']")
    h.wait_for(driver, lambda d: re.search(r"/satisfaction/[0-9A-F-]{36}$", d.current_url, re.I))
    survey = driver.current_url
    h.check("the frame's digest is published with the month", "已公布抽样框" in driver.page_source and "code" in driver.page_source)
    driver.find_element(By.ID, "a-seed").send_keys("03 09 17 22 26 31\n14")
    h.submit(driver, "form[action$='/draw']")
    h.wait_for(driver, lambda d: "测评邀请" in h.h1(d))
    codes = [e.text for e in driver.find_elements(By.CSS_SELECTOR, ".slip-code")]
    h.check("one invitation per enterprise drawn", len(codes) == 5, str(codes))
    h.shoot(driver, shots, "91-invitations")
    h.log_out(driver)
    driver.set_window_size(390, 844)
    for index, code in enumerate(codes[:2]):
        driver.get("about:blank")
        driver.get(base + "/survey#" + code)
        h.check("the link's code fills the field", driver.find_element(By.ID, "f-code").get_attribute("value") == code)
        h.submit(driver, "form.ballot")
        h.wait_for(driver, lambda d: "提交评价" in d.page_source)
        groups = {e.get_attribute("name") for e in driver.find_elements(By.CSS_SELECTOR, "input[type=radio]")}
        for name in sorted(groups):
            choice = "satisfied" if index == 0 else "dissatisfied"
            radio = driver.find_element(By.CSS_SELECTOR, f"input[name='{name}'][value='{choice}']")
            driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", radio)
            radio.click()
        if index == 0:
            h.shoot(driver, shots, "92-survey")
        driver.find_element(By.CSS_SELECTOR, "button[value='answer']").click()
        h.wait_for(driver, lambda d: "提交成功" in d.page_source)
    driver.get(base + "/survey")
    driver.find_element(By.ID, "f-code").send_keys(codes[0])
    h.submit(driver, "form.ballot")
    h.wait_for(driver, lambda d: "测评码无效" in d.page_source)
    h.check("a used link is refused without saying more", "测评码无效、已使用" in driver.page_source)
    driver.set_window_size(1366, 900)
    h.log_in(driver, base, "demo-bureau")
    driver.get(survey)
    h.check("two of five answered", "2 / 5 家" in driver.page_source)
    h.submit(driver, "form[action$='/close']")
    h.wait_for(driver, lambda d: "本月结果" in d.page_source)
    h.shoot(driver, shots, "93-satisfaction-results")
    h.log_out(driver)
    h.log_in(driver, base, "demo-leader")
    driver.get(base + "/satisfaction/trends")
    h.check("the year's trend per unit and per indicator", "各单位" in driver.page_source and "纳税" in driver.page_source)
    h.check("the trend is drawn by the server", len(driver.find_elements(By.CSS_SELECTOR, "svg.spark")) > 10)
    h.shoot(driver, shots, "94-satisfaction-trends")
    driver.get(base + "/satisfaction/indicators")
    h.check("every indicator has its 指标长", "未设定" not in driver.page_source and "获得电力" in driver.page_source)
    h.check("a leader reads but does not set", "form[action='/satisfaction/indicators']" not in driver.page_source
            and len(driver.find_elements(By.CSS_SELECTOR, "form[action='/satisfaction/indicators']")) == 0)
    h.shoot(driver, shots, "95-indicators")
    h.log_out(driver)
