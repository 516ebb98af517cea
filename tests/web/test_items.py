"""The item page (hostile content stays inert) and the route / re-route action."""

from __future__ import annotations

import re

from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from store.models import Assignment, AuditLog, Item, Office
from store.types import utcnow
from tests.web.conftest import csrf_token, login, text
from tests.web.seed import Seeded, Spec, add_item
from web.sanitize import clean_html

PAYLOAD = "<script>alert(1)</script><img src=x onerror=alert(1)>"


def route_form(client: FlaskClient, item_id: int, offices: list[str], reason: str) -> dict[str, object]:
    return {"csrf_token": csrf_token(client, f"/items/{item_id}"), "offices": offices, "reason": reason}


def test_item_page_shows_analysis_assignments_and_event(client: FlaskClient, seeded: Seeded) -> None:
    login(client)
    page = text(client.get(f"/items/{seeded.items['gas'].id}"))
    needles = (
        "河西区友谊路某小区燃气管道泄漏", "燃气泄漏：现实危险", "漏气", "求助", "信访处", "供热燃气处",
        "board-grievance", "热线或留言板上的投诉", "河西区友谊路小区燃气泄漏", "友谊路小区燃气泄漏 有人头晕送医",
        "查看原文", 'rel="noopener noreferrer nofollow"', "确认分派",
    )  # fmt: skip
    for needle in needles:
        assert needle in page, needle
    # Browsers would demand *every* checkbox marked required; the "at least one" rule is server-side.
    assert not re.search(r'<input[^>]*type="checkbox"[^>]*required', page)


def test_hostile_content_never_reaches_the_page_raw(client: FlaskClient, seeded: Seeded, session: Session) -> None:
    spec = Spec("xss", PAYLOAD, "纯文本" + PAYLOAD, "其他", ("<b>tag</b>",), "投诉", 2,
                content_html="<p>正文<b>加粗</b>" + PAYLOAD + '<a href="javascript:alert(1)">链接</a></p>')  # fmt: skip
    item = add_item(session, seeded.offices, spec, utcnow())
    item.url = "javascript:alert(1)"
    item.author_name = PAYLOAD
    session.commit()
    login(client)
    for path in (f"/items/{item.id}", "/queue"):
        body = text(client.get(path))
        assert "<script" not in body, path
        assert "<img" not in body, path
        assert 'href="javascript:' not in body, path
    # The API returns the data as it is, as JSON that a browser will not sniff into HTML.
    api = client.get("/api/v1/items?urgency=2")
    assert api.mimetype == "application/json"
    assert api.headers["X-Content-Type-Options"] == "nosniff"
    assert PAYLOAD in [row["title"] for row in api.get_json()["items"]]
    page = text(client.get(f"/items/{item.id}"))
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page  # the title is shown, as text
    assert "<p>正文<b>加粗</b>" in page  # allowed formatting survives nh3
    assert "查看原文" not in page  # a javascript: source URL gets no link at all


def test_route_action_writes_assignment_and_audit_row(client: FlaskClient, seeded: Seeded, session: Session) -> None:
    login(client)
    item_id = seeded.items["facade"].id
    form = route_form(client, item_id, ["质量安全处", "宣传处"], "外墙脱落砸车，存在现实危险，质量安全处主办")
    response = client.post(f"/items/{item_id}/route", data=form)
    assert response.status_code == 302
    assert response.headers["Location"] == f"/items/{item_id}"
    page = text(client.get(response.headers["Location"]))
    assert "已分派至 质量安全处、宣传处" in page
    rows = session.execute(
        select(Office.name, Assignment.role, Assignment.status).join(Office).where(Assignment.item_id == item_id)
    ).all()
    assert sorted(rows) == [("宣传处", "主办", "open"), ("质量安全处", "主办", "open")]
    dues = session.scalars(select(Assignment.due_at).where(Assignment.item_id == item_id)).all()
    assert all(due is not None and due > utcnow() for due in dues)  # the console passes the SLA rules
    entry = session.scalar(select(AuditLog).where(AuditLog.target_type == "item", AuditLog.target_id == str(item_id)))
    assert entry is not None
    assert entry.actor == "duty"
    assert entry.reason == "外墙脱落砸车，存在现实危险，质量安全处主办"
    assert session.scalar(select(Item.triage_status).where(Item.id == item_id)) == "routed"
    assert "外墙脱落砸车，存在现实危险" in page  # the audit history on the page


def test_reroute_replaces_the_lead_office(client: FlaskClient, seeded: Seeded, session: Session) -> None:
    login(client)
    item_id = seeded.items["heat"].id
    client.post(f"/items/{item_id}/route", data=route_form(client, item_id, ["供热燃气处"], "供热问题由供热燃气处主办"))
    rows = dict(
        session.execute(select(Office.name, Assignment.status).join(Office).where(Assignment.item_id == item_id)).all()
    )
    assert rows == {"信访处": "closed", "供热燃气处": "open"}


def test_route_requires_a_reason_and_an_office(client: FlaskClient, seeded: Seeded, session: Session) -> None:
    login(client)
    item_id = seeded.items["facade"].id
    no_reason = client.post(f"/items/{item_id}/route", data=route_form(client, item_id, ["宣传处"], "  "))
    assert no_reason.status_code == 400
    assert "请填写分派理由" in text(no_reason)
    no_office = client.post(f"/items/{item_id}/route", data=route_form(client, item_id, [], "有理由"))
    assert no_office.status_code == 400
    assert "请至少选择一个处室" in text(no_office)
    unknown = client.post(f"/items/{item_id}/route", data=route_form(client, item_id, ["不存在处"], "有理由"))
    assert unknown.status_code == 400
    assert "未知处室：不存在处" in text(unknown)
    assert session.scalars(select(Assignment).where(Assignment.item_id == item_id)).all() == []
    assert session.scalars(select(AuditLog).where(AuditLog.action == "item.route")).all() == []


def test_office_staff_cannot_route_nor_see_other_offices_items(
    client: FlaskClient, seeded: Seeded, session: Session
) -> None:
    login(client, "xinfang")
    own = seeded.items["heat"].id  # 信访处 leads it
    other = seeded.items["fund"].id  # 住房保障处 only
    page = client.get(f"/items/{own}")
    assert page.status_code == 200
    assert "确认分派" not in text(page)
    assert client.get(f"/items/{other}").status_code == 404  # no existence leak
    token = csrf_token(client, f"/items/{own}")
    forbidden = client.post(f"/items/{own}/route", data={"csrf_token": token, "offices": ["宣传处"], "reason": "x"})
    assert forbidden.status_code == 403
    assert client.get("/items/999999").status_code == 404


def test_phone_and_id_numbers_in_public_text_are_masked(client: FlaskClient, seeded: Seeded, session: Session) -> None:
    content = "我的身份证120101198001011234，电话１３９１２３４５６７８，座机022-23456789"
    spec = Spec("pii", "联系电话13812345678", content, "其他", (), "投诉", 2)
    item = add_item(session, seeded.offices, spec, utcnow())
    session.commit()
    login(client)
    body = text(client.get(f"/items/{item.id}"))
    for raw in ("13812345678", "120101198001011234", "23456789", "1234-5678", "１３９１２３４５６７８"):
        assert raw not in body, raw
    assert "138****5678" in body and "120***********1234" in body and "139****5678" in body
    titles = [row["title"] for row in client.get("/api/v1/items?urgency=2").get_json()["items"]]
    assert "联系电话138****5678" in titles
    assert str(clean_html("<p>电话 138-1234-5678</p>")) == "<p>电话 138****5678</p>"  # crawled HTML too
