"""Headers on every response, health, inbox, dashboard and the e-mail outbox."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from flask.testing import FlaskClient
from sqlalchemy import Engine

from config import Settings
from config.settings import DatabaseSettings
from responder.delivery import Message, OutboxChannel
from tests.web.conftest import login, text
from tests.web.seed import Seeded
from web import create_app
from web.security import secret_key


def test_security_headers_and_cookie_flags(client: FlaskClient, seeded: Seeded) -> None:
    response = client.get("/login")
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
    login(client)
    for path in ("/login", "/queue", f"/items/{seeded.items['gas'].id}", "/dashboard", "/inbox", "/outbox",
                 "/api/v1/items", "/healthz", "/static/app.css", "/no-such-page"):  # fmt: skip
        headers = client.get(path).headers
        csp = headers["Content-Security-Policy"]
        for directive in ("default-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"):
            assert directive in csp, (path, directive)
        assert "unsafe-inline" not in csp, path
        assert headers["X-Content-Type-Options"] == "nosniff", path
        assert headers["Referrer-Policy"] == "same-origin", path


def test_pages_have_no_inline_script(client: FlaskClient, seeded: Seeded) -> None:
    login(client)
    for path in ("/queue", f"/items/{seeded.items['gas'].id}", "/dashboard", "/inbox"):
        assert "<script" not in text(client.get(path)), path


def test_healthz(client: FlaskClient) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok", "database": "ok"}


def test_inbox_lists_the_office_overdue_first(client: FlaskClient, seeded: Seeded) -> None:
    login(client, "xinfang")
    page = text(client.get("/inbox"))
    assert "处室待办 · 信访处" in page
    overdue = page.find("拖欠农民工工资两个月未发")
    soonest = page.find("河西区友谊路某小区燃气管道泄漏")
    later = page.find("南开区华苑小区连续三天暖气不热")
    assert -1 < overdue < soonest < later
    assert "超期" in page and "row-overdue" in page
    assert "住房公积金" not in page  # not this office's
    assert client.get("/inbox?office=住房保障处").status_code == 200  # ignored for office staff
    assert "公积金" not in text(client.get("/inbox?office=住房保障处"))


def test_duty_officer_can_look_at_any_inbox(client: FlaskClient, seeded: Seeded) -> None:
    login(client)
    assert "请选择要查看的处室" in text(client.get("/inbox"))
    page = text(client.get("/inbox?office=住房保障处"))
    assert "咨询住房公积金提取需要哪些材料" in page
    assert client.get("/inbox?office=不存在").status_code == 404


def test_dashboard_counts_the_last_seven_days(client: FlaskClient, seeded: Seeded) -> None:
    login(client, "leader")
    page = text(client.get("/dashboard"))
    assert "<svg" in page
    for needle in ("紧急程度", "情感倾向", "主题", "处室分派", "每日新增", "信访处（主办）", "合计 8"):
        assert needle in page, needle
    assert "超期未办结" in page and "信访处 1 件" in page


@pytest.fixture
def outbox_client(settings: Settings, migrated_engine: Engine, tmp_path: Path) -> FlaskClient:
    private = replace(settings, data_dir=tmp_path, database=DatabaseSettings(url=settings.database_url))
    app = create_app(private, engine=migrated_engine)
    channel = OutboxChannel(tmp_path / "outbox", "yuqing@example.gov.cn")
    html = '<html><body><h1 style="color:red">舆情日报</h1><script>parent.__x=1</script></body></html>'
    channel.send(Message(recipients=("leader@example.gov.cn",), subject="【舆情日报】11月26日", text="今日新增 8 条",
                         html=html, idempotency_key="digest:2026-11-26"))  # fmt: skip
    return app.test_client()


def test_outbox_lists_and_shows_mail_in_a_sandboxed_frame(outbox_client: FlaskClient, seeded: Seeded) -> None:
    login(outbox_client, "leader")
    listing = text(outbox_client.get("/outbox"))
    assert "【舆情日报】11月26日" in listing and "共 1 封" in listing
    name = next(p.name for p in (Path(outbox_client.application.extensions["yuqing"].settings.data_dir) / "outbox")
                .glob("*.eml"))  # fmt: skip
    response = outbox_client.get(f"/outbox/{name}")
    page = text(response)
    assert "<iframe sandbox " in page
    assert 'srcdoc="&lt;html&gt;' in page  # the mail is an attribute value, escaped
    assert "<script>" not in page
    assert "今日新增 8 条" in page
    assert "style-src 'self' 'unsafe-inline'" in response.headers["Content-Security-Policy"]
    for bad in ("..%2Fsecret_key", "%2E%2E", ".tmp-x.eml", "nope.eml", "x.txt"):
        assert outbox_client.get(f"/outbox/{bad}").status_code == 404, bad


def test_secret_key_is_generated_once_and_kept_private(settings: Settings, tmp_path: Path) -> None:
    private = replace(settings, data_dir=tmp_path)
    first = secret_key(private)
    assert secret_key(private) == first and len(first) >= 32
    assert (tmp_path / "secret_key").stat().st_mode & 0o777 == 0o600
    with pytest.raises(ValueError, match="too short"):
        secret_key(replace(settings, web=replace(settings.web, secret_key="short")))
