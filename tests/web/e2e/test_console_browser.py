"""The console in a real browser: log in, scan the queue, route and correct an item, then
sign for and answer it as the office.

Runs the real app under waitress on 127.0.0.1 against the test database, driven by
Playwright with the system Chromium (never a downloaded browser). It also proves the
CSP and the sanitiser hold in a browser: no dialog opens and no CSP violation is logged.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import waitress
from sqlalchemy import Engine
from sqlalchemy.orm import Session
from waitress import wasyncore

from config import Settings
from store.types import utcnow
from tests.web.seed import PASSWORD, SPECS, Seeded, Spec, add_item
from web import create_app

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
HERE = Path(__file__).resolve().parent
ARTIFACTS = HERE / "artifacts"
DOCS_SCREENSHOT = HERE.parents[2] / "docs" / "console.png"
HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(1)>"


@pytest.fixture
def live_server(settings: Settings, migrated_engine: Engine) -> Iterator[str]:
    yield from _serve(settings, migrated_engine)


def _serve(settings: Settings, engine: Engine) -> Iterator[str]:
    """The app under waitress in a background thread, on an ephemeral port."""
    app = create_app(settings, engine=engine)
    server = waitress.create_server(app, host="127.0.0.1", port=0, threads=4, ident="yuqing-test")
    stop = threading.Event()

    def run() -> None:
        # The loop thread closes its own sockets: closing them from the test's thread while
        # select() waits on them raised EBADF in the loop thread at every teardown.
        try:
            while not stop.is_set():
                wasyncore.loop(timeout=0.05, map=server._map, count=1)
        finally:
            for channel in list(server._map.values()):
                channel.close()
            server.task_dispatcher.shutdown()

    thread = threading.Thread(target=run, name="waitress", daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.effective_port}"
    stop.set()
    thread.join(timeout=10)
    assert not thread.is_alive(), "the waitress loop did not stop"


@pytest.fixture
def browser_page() -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.skip("system Chromium not installed: apt-get install chromium")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        context = browser.new_context(viewport={"width": 1440, "height": 900}, locale="zh-CN")
        page = context.new_page()
        page.set_default_timeout(15_000)
        try:
            yield page
        finally:
            context.close()
            browser.close()


def test_log_in_scan_the_queue_route_correct_and_answer_an_item(
    live_server: str, browser_page: object, seeded: Seeded, session: Session
) -> None:
    from playwright.sync_api import Page, expect

    page: Page = browser_page  # type: ignore[assignment]
    dialogs: list[str] = []
    console_errors: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("console", lambda msg: console_errors.append(msg.text) if msg.type == "error" else None)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)

    # Log in.
    page.goto(f"{live_server}/queue")
    expect(page).to_have_url(re.compile(r"/login\?next="))
    expect(page.get_by_role("heading", name="登录舆情监测系统")).to_be_visible()
    page.get_by_label("用户名").fill("duty")
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    expect(page).to_have_url(f"{live_server}/queue")

    # The queue lists every item, most urgent first, with tags and offices.
    rows = page.locator("table.queue tbody tr")
    expect(rows).to_have_count(len(SPECS))
    expect(rows.first.locator(".badge")).to_have_text("特急")
    heat = rows.filter(has_text="南开区华苑小区连续三天暖气不热")
    expect(heat.locator(".tag")).to_have_text(["温度不达标"])
    expect(heat.locator(".chip-lead")).to_have_text(["信访处"])
    expect(heat.locator(".chip-support")).to_have_text(["供热燃气处"])
    expect(rows.filter(has_text="外墙脱落").locator(".status")).to_have_text("待分拣")
    page.screenshot(path=str(ARTIFACTS / "queue.png"), full_page=True)
    if os.environ.get("YUQING_UPDATE_DOCS_SCREENSHOT"):  # refresh the README picture on request only
        DOCS_SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(DOCS_SCREENSHOT))

    # Open the unrouted item and route it with a reason.
    page.get_by_role("link", name="和平区老旧小区外墙脱落砸坏车辆").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("和平区老旧小区外墙脱落砸坏车辆")
    expect(page.get_by_text("尚未分派。")).to_be_visible()
    page.get_by_label("质量安全处", exact=True).check()
    page.get_by_label("分派理由").fill("外墙脱落砸车，存在现实危险，请质量安全处主办")
    page.get_by_role("button", name="确认分派").click()
    expect(page.locator(".flash-success")).to_have_text("已分派至 质量安全处")
    assignments = page.locator("section.card", has=page.get_by_role("heading", name="分派与时限"))
    expect(assignments.locator("tbody tr")).to_have_count(1)
    expect(assignments.locator("tbody tr")).to_contain_text("质量安全处")
    expect(assignments.locator("tbody tr")).to_contain_text("主办")
    expect(assignments.locator("tbody tr .deadline")).to_contain_text("剩余")
    expect(page.locator(".timeline")).to_contain_text("外墙脱落砸车，存在现实危险")
    page.screenshot(path=str(ARTIFACTS / "item_routed.png"), full_page=True)

    # Back on the queue, the item now shows its office and status.
    page.get_by_role("link", name="分拣队列").click()
    routed = page.locator("table.queue tbody tr").filter(has_text="外墙脱落")
    expect(routed.locator(".chip-lead")).to_have_text(["质量安全处"])
    expect(routed.locator(".status")).to_have_text("已分派")

    # Correct a tag: the corrected value shows, marked, with the model's original beside it.
    page.goto(f"{live_server}/items/{seeded.items['heat'].id}")
    page.get_by_label("紧急程度", exact=True).select_option("4")
    page.get_by_label("更正理由").fill("多栋楼停热，老人孩子生病")
    page.get_by_role("button", name="保存更正").click()
    expect(page.locator(".flash-success")).to_have_text("已更正：紧急程度")
    analysis = page.locator("#analysis")
    expect(analysis).to_contain_text("已人工更正")
    expect(analysis).to_contain_text("模型原值：紧急 3 级")
    expect(page.locator(".item-head .badge")).to_have_text("特急")

    # A hostile crawled post renders inert: no dialog, no CSP violation.
    spec = Spec("xss", "恶意标题" + HOSTILE, "正文" + HOSTILE, "其他", (), "投诉", 2,
                content_html="<p>正文</p>" + HOSTILE)  # fmt: skip
    hostile = add_item(session, seeded.offices, spec, utcnow())
    session.commit()
    page.goto(f"{live_server}/items/{hostile.id}")
    expect(page.get_by_role("heading", level=1)).to_contain_text("<script>alert(1)</script>")
    page.goto(f"{live_server}/queue")
    expect(page.locator("table.queue tbody tr")).to_have_count(len(SPECS) + 1)
    assert dialogs == []
    assert console_errors == []  # no CSP violation, no failed resource

    # Logging out returns to the login page, and the queue is closed again.
    page.get_by_role("button", name="退出").click()
    expect(page.get_by_text("您已安全退出。")).to_be_visible()
    page.goto(f"{live_server}/queue")
    expect(page).to_have_url(re.compile(r"/login"))

    # The office signs for the item in its inbox and answers it on the item page.
    page.goto(f"{live_server}/login")
    page.get_by_label("用户名").fill("xinfang")
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("处室待办 · 信访处")
    page.get_by_role("button", name="签收：南开区华苑小区连续三天暖气不热 室温仅14度").click()
    expect(page.locator(".flash-success")).to_have_text("信访处：已签收")
    heat_row = page.locator("table.queue tbody tr").filter(has_text="南开区华苑小区连续三天暖气不热")
    expect(heat_row).to_contain_text("已签收")
    heat_row.get_by_role("link", name="回复").click()
    page.get_by_label("回复内容").fill("已联系热力公司排查，今日起室温恢复达标。")
    page.get_by_label("回复渠道").select_option(label="电话回访")
    page.get_by_role("button", name="提交回复").click()
    expect(page.locator(".flash-success")).to_have_text("已登记信访处的回复（电话回访）")
    case = page.locator("article.casework").filter(has_text="信访处")
    expect(case.locator(".status")).to_have_text("已回应")
    expect(case.locator(".steps li")).to_have_count(3)  # 分派, 签收, 回复
    expect(case.locator(".response-text")).to_have_text("已联系热力公司排查，今日起室温恢复达标。")
    page.screenshot(path=str(ARTIFACTS / "item_responded.png"), full_page=True)
    assert dialogs == []
    assert console_errors == []


@pytest.fixture
def strict_server(settings: Settings, migrated_engine: Engine) -> Iterator[str]:
    """The same app with the second factor required, as a deployment runs it."""
    from dataclasses import replace

    yield from _serve(replace(settings, web=replace(settings.web, mfa="required")), migrated_engine)


def test_enrol_the_second_factor_then_sign_for_an_alert(
    strict_server: str, browser_page: object, seeded: Seeded, session: Session
) -> None:
    import pyotp
    from playwright.sync_api import Page, expect

    from store.models import Alert

    page: Page = browser_page  # type: ignore[assignment]
    console_errors: list[str] = []
    page.on("console", lambda msg: console_errors.append(msg.text) if msg.type == "error" else None)
    gas = seeded.items["gas"]
    session.add(Alert(kind="watch", level=3, title="【燃气安全】友谊路小区燃气泄漏",
                      detail={"reasons": ["命中关注词：燃气、泄漏"]}, dedup_key="watch:e2e",
                      item_id=gas.id, event_id=gas.event_id, created_at=utcnow()))  # fmt: skip
    session.commit()

    # Password first, then the authenticator: the first time, enrolment with a QR code.
    page.goto(f"{strict_server}/login")
    page.get_by_label("用户名").fill("duty")
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("绑定动态验证码")
    expect(page.locator(".qr svg")).to_be_visible()
    secret = page.locator("code.secret").inner_text()
    page.goto(f"{strict_server}/queue")  # nothing but the code form is reachable yet
    expect(page).to_have_url(re.compile(r"/login"))
    page.goto(f"{strict_server}/login/mfa")
    page.get_by_label("动态验证码").fill(pyotp.TOTP(secret).now())
    page.get_by_role("button", name="绑定并登录").click()
    expect(page).to_have_url(f"{strict_server}/queue")  # "/" sends the duty officer to the queue
    expect(page.locator("table.queue tbody tr")).to_have_count(len(SPECS))

    # The alert waits on 预警 until someone signs for it.
    page.get_by_role("link", name="预警").click()
    expect(page.locator(".page-head")).to_contain_text("待签收 1 条")
    page.get_by_role("button", name="签收：【燃气安全】友谊路小区燃气泄漏").click()
    expect(page.locator(".flash-success")).to_have_text("已签收：【燃气安全】友谊路小区燃气泄漏")
    expect(page.locator(".page-head")).to_contain_text("待签收 0 条")
    page.screenshot(path=str(ARTIFACTS / "alerts_signed.png"), full_page=True)
    assert console_errors == []
