"""The work-order walk of the headless-browser check (issue #4), driven from browser_check.py.

An enterprise submits a demand through its one-time link → the bureau routes it → the
department signs for and answers → the enterprise reopens it → answered again → confirmed →
the accountability board shows the department with its reopening.
"""
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select


def answer(driver, h, note):
    driver.find_element(By.ID, "answer-note").send_keys(note)
    driver.find_element(By.ID, "answer-evidence").send_keys("现场验收记录")
    h.submit(driver, "form:has(input[name=step][value=answer])")
    h.wait_for(driver, lambda d: "已答复待确认" in d.page_source)


def board_row(driver, base, unit):
    """The accountability board's cells for one unit (open, overdue, late, closed, …)."""
    driver.get(base + "/work-orders/board")
    for row in driver.find_elements(By.CSS_SELECTOR, "table tbody tr"):
        cells = [c.text.strip() for c in row.find_elements(By.CSS_SELECTOR, "td")]
        if cells and cells[0] == unit:
            return cells
    return []


def condense_letters(driver, base, shots, h):
    """Supervisors' letters saying the same thing go on as one suggestion [003]."""
    h.log_in(driver, base, "demo-observer")
    for title in ["政务大厅午间无人值守", "中午办事找不到人"]:
        driver.get(base + "/work-orders/new")
        Select(driver.find_element(By.ID, "f-kind")).select_by_visible_text("监督员来信")
        driver.find_element(By.ID, "f-title").send_keys(title)
        driver.find_element(By.ID, "f-detail").send_keys("群众反映午休时段窗口无人，办事要等到下午。")
        h.submit(driver, "form[action='/work-orders']")
        h.wait_for(driver, lambda d: "办理过程" in d.page_source)
    h.log_out(driver)
    h.log_in(driver, base, "demo-bureau")
    driver.get(base + "/work-orders?view=unrouted")
    for box in driver.find_elements(By.CSS_SELECTOR, "input[name='letters[]']"):
        box.click()
    driver.find_element(By.ID, "f-title").send_keys("政务大厅实行午间不打烊")
    Select(driver.find_element(By.ID, "f-unit")).select_by_visible_text("市政务服务中心")
    h.shoot(driver, shots, "41-condense-letters")
    h.submit(driver, "form[action='/work-orders/condense']")
    h.wait_for(driver, lambda d: "办理过程" in d.page_source)
    h.check("the bureau condenses two letters into one suggestion with a deadline", "归并自 2 封监督员来信" in driver.page_source and "待签收" in driver.page_source)
    h.shoot(driver, shots, "42-suggestion")
    h.log_out(driver)


def work_order_walk(driver, base, shots, h):
    h.log_in(driver, base, "demo-bureau")
    before = board_row(driver, base, "市市场监督管理局")
    driver.get(base + "/work-orders/routing")
    Select(driver.find_element(By.ID, "f-kind")).select_by_visible_text("要素保障")
    Select(driver.find_element(By.ID, "f-category")).select_by_visible_text("用水")
    Select(driver.find_element(By.ID, "f-unit")).select_by_visible_text("市住房和城乡建设局")
    h.submit(driver, "form[action='/work-orders/routing']")
    h.wait_for(driver, lambda d: "用水" in d.find_element(By.CSS_SELECTOR, "main").text)
    h.check("the bureau adds a routing rule", "市住房和城乡建设局" in driver.page_source and "市自然资源和规划局" in driver.page_source)
    h.shoot(driver, shots, "39-routing-rules")
    driver.get(base + "/work-orders/links")
    driver.find_element(By.ID, "f-enterpriseName").send_keys("演示精密机械有限公司")
    h.submit(driver, "form[action='/work-orders/links']")
    h.wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "code.link"))
    link = driver.find_element(By.CSS_SELECTOR, "code.link").text
    h.check("the bureau issues a one-time link", "/d/" in link)
    # built from PUBLIC_URL when the server has one (CI sets it), never from the Host header
    h.check("the link starts at the configured public address or is a path", link.startswith(base + "/d/") or link.startswith("/d/"))
    if link.startswith("/"):
        link = base + link
    h.shoot(driver, shots, "31-demand-links")
    h.log_out(driver)

    driver.get(link)
    driver.find_element(By.ID, "f-title").send_keys("厂房消防验收迟迟未办")
    driver.find_element(By.ID, "f-detail").send_keys("材料已提交两个月，请协调住建部门尽快验收。")
    h.shoot(driver, shots, "32-demand-form")
    h.submit(driver, "form.form")
    h.wait_for(driver, lambda d: "待分办" in d.page_source)
    h.check("the enterprise submits without an account and sees its number", "GD-" in driver.page_source)

    h.log_in(driver, base, "demo-bureau")
    driver.get(base + "/work-orders?view=unrouted")
    driver.find_element(By.PARTIAL_LINK_TEXT, "厂房消防验收迟迟未办").click()
    h.wait_for(driver, lambda d: "/work-orders/" in d.current_url and d.find_elements(By.ID, "f-unit"))
    item = driver.current_url
    Select(driver.find_element(By.ID, "f-unit")).select_by_visible_text("市市场监督管理局")
    h.submit(driver, "form:has(input[name=step][value=route])")
    h.wait_for(driver, lambda d: "待签收" in d.page_source)
    h.check("the bureau routes it to the department", "市市场监督管理局" in driver.page_source)
    h.log_out(driver)

    h.log_in(driver, base, "demo-coordinator")
    driver.get(base + "/inbox")
    h.check("the department's inbox announces the assignment", "新分办事项" in driver.page_source and "厂房消防验收迟迟未办" in driver.page_source)
    h.shoot(driver, shots, "37-inbox")
    driver.get(base + "/work-orders")
    h.check("the department finds it among its to-dos", "厂房消防验收迟迟未办" in driver.page_source)
    driver.get(item)
    h.submit(driver, "form:has(input[name=step][value=signFor])")
    h.wait_for(driver, lambda d: "已签收" in d.page_source)
    answer(driver, h, "已约定下周现场验收。")
    h.check("the department signs for and answers", "已约定下周现场验收" in driver.page_source)

    driver.get(link)
    driver.find_element(By.ID, "f-note").send_keys("验收时间仍未确定。")
    h.submit(driver, "form:has(input[name=satisfied][value='0'])")
    h.wait_for(driver, lambda d: "办理中" in d.page_source)
    h.check("the enterprise is not satisfied and reopens it", "办理中" in driver.page_source)

    driver.get(item)
    answer(driver, h, "已完成现场验收，验收意见书已送达。")
    h.log_out(driver)
    driver.get(link)
    h.submit(driver, "form:has(input[name=satisfied][value='1'])")
    h.wait_for(driver, lambda d: "已办结" in d.page_source)
    h.check("the enterprise confirms and the item closes", "已办结" in driver.page_source)
    h.shoot(driver, shots, "33-demand-status")

    h.log_in(driver, base, "demo-bureau")
    driver.get(item)
    h.check("the item's timeline keeps the reopening", "退回重办" in driver.page_source and "重办 1 次" in driver.page_source)
    h.shoot(driver, shots, "34-work-order")
    after = board_row(driver, base, "市市场监督管理局")
    # columns: unit, open, overdue, answered late, closed, average days, reopen rate, satisfaction
    h.check(
        "the accountability board counts the closing",
        len(before) == 8 and len(after) == 8 and int(after[4]) == int(before[4]) + 1 and int(after[1]) == int(before[1]),
    )
    h.shoot(driver, shots, "35-accountability-board")
    driver.get(base + "/work-orders?view=all")
    h.check("the jurisdiction's items come fifty a page", len(driver.find_elements(By.CSS_SELECTOR, "table tbody tr")) == 50)
    driver.find_element(By.CSS_SELECTOR, "a[rel=next]").click()
    h.wait_for(driver, lambda d: "第 2 页" in d.page_source)
    h.check("and the next page follows", len(driver.find_elements(By.CSS_SELECTOR, "table tbody tr")) == 50)
    driver.find_element(By.CSS_SELECTOR, "p.kinds a[href*=reformItem]").click()
    h.wait_for(driver, lambda d: "kind=reformItem" in d.current_url)
    kinds = {r.find_elements(By.CSS_SELECTOR, "td")[1].text for r in driver.find_elements(By.CSS_SELECTOR, "table tbody tr")}
    h.check("the reform list shows reform items only, with their owners", kinds == {"改革事项"})
    h.shoot(driver, shots, "43-reform-items")
    driver.get(base + "/work-orders?view=overdue")
    h.check("the bureau sees the overdue items", "超期" in driver.page_source)
    h.shoot(driver, shots, "36-work-orders-overdue")
    driver.find_element(By.CSS_SELECTOR, "table tbody tr a").click()
    h.wait_for(driver, lambda d: "办理过程" in d.page_source)
    h.check("an overdue item's timeline shows the escalation steps with their days", "逾期督办" in driver.page_source)
    h.shoot(driver, shots, "40-overdue-item")
    h.log_out(driver)

    condense_letters(driver, base, shots, h)

    h.log_in(driver, base, "demo-leader")
    driver.get(base + "/linkage")
    h.check("the leader sees who is behind on 包联", "个落后" in driver.page_source and "本月尚缺联系" in driver.page_source)
    h.shoot(driver, shots, "38-linkage")
    h.log_out(driver)


def enterprise_account_walk(driver, base, shots, h):
    """An enterprise's own account (SPEC §1): its workbench, a demand in its registry name, and
    the confirmation of an answer — with nothing of anyone else in its menu."""
    h.log_in(driver, base, "demo-enterprise")
    menu = driver.find_element(By.CSS_SELECTOR, "nav.sidenav").text
    h.check("the enterprise's menu holds its requests and inbox only", "我的诉求" in menu and "企业库" not in menu and "项目看板" not in menu, menu.replace("\n", " "))
    h.check("the enterprise's workbench names the enterprise it speaks for", "您代表企业" in driver.page_source and "待我确认" in driver.page_source)
    h.check("the enterprise's workbench lists answers to confirm", "办理结果待我确认" in driver.page_source)
    h.shoot(driver, shots, "46-enterprise-home")
    driver.get(base + "/work-orders/new")
    Select(driver.find_element(By.ID, "f-kind")).select_by_visible_text("企业诉求")
    driver.find_element(By.ID, "f-title").send_keys("员工通勤公交线路加密")
    driver.find_element(By.ID, "f-detail").send_keys("早晚班次间隔 40 分钟，请协调公交公司加密。")
    h.shoot(driver, shots, "47-enterprise-request")
    h.submit(driver, "form[action='/work-orders']")
    h.wait_for(driver, lambda d: "办理过程" in d.page_source)
    h.check("the enterprise submits a demand through its account", "GD-" in driver.page_source and "员工通勤公交线路加密" in driver.page_source)
    driver.get(base + "/work-orders")
    h.check("its list holds what it asked for", "员工通勤公交线路加密" in driver.page_source and "本单位待办" not in driver.page_source)
    h.shoot(driver, shots, "48-enterprise-requests")
    driver.get(base + "/")
    driver.find_element(By.CSS_SELECTOR, ".worklist li a").click()
    h.wait_for(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "form:has(input[name=step][value=confirm])"))
    h.submit(driver, "form:has(input[name=step][value=confirm])")
    h.wait_for(driver, lambda d: "已办结" in d.page_source)
    h.check("the enterprise confirms an answer from its workbench", "已办结" in driver.page_source)
    h.log_out(driver)
