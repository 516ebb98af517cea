"""A hotline caller's contact on the item page: masked for all, revealed only to 信访处 and admins, audited."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from config import Settings
from crawlers.hotline_import import import_export
from store.accounts import create_user
from store.models import Assignment, AuditLog, Item
from tests.crawlers.test_hotline_parse import HEADER, PHONE, ROWS, write_csv
from tests.web.conftest import csrf_token, login, release, text
from tests.web.seed import PASSWORD, Seeded

BUTTON = "查看联系方式"


@pytest.fixture
def work_order(
    tmp_path: Path, settings: Settings, factory: sessionmaker[Session], seeded: Seeded, session: Session
) -> Item:
    """GD001 imported for real and assigned to 信访处, so its staff may open it."""
    import_export(settings, factory, write_csv(tmp_path / "export.csv", HEADER, ROWS[:1], "gbk"))
    item = session.scalar(select(Item).where(Item.external_id == "GD001"))
    session.add(Assignment(item_id=item.id, office_id=seeded.offices["信访处"].id, role="主办", status="open"))
    create_user(session, "admin", PASSWORD, "admin", display_name="管理员")
    create_user(session, "fdc", PASSWORD, "office", display_name="房地产处", office=seeded.offices["房地产处"])
    release(session)
    return item


def reveal(client: FlaskClient, item: Item, reason: str = "回访来电人核实情况") -> tuple[int, str]:
    token = csrf_token(client, f"/items/{item.id}")
    response = client.post(f"/items/{item.id}/contact", data={"csrf_token": token, "reason": reason})
    return response.status_code, text(response)


def reveals(session: Session) -> list[AuditLog]:
    """The reveal rows so far; the read transaction ends at once (SQLite: it holds the write lock)."""
    release(session)
    rows = list(session.scalars(select(AuditLog).where(AuditLog.action == "reveal")))
    release(session)
    return rows


def test_everyone_sees_the_caller_masked_and_no_page_carries_the_number(
    client: FlaskClient, work_order: Item, session: Session
) -> None:
    login(client, "duty")
    page = text(client.get(f"/items/{work_order.id}"))
    assert "来电人信息" in page and "张**" in page and "138****5678" in page
    assert BUTTON not in page and "请联系信访处" in page
    for path in (f"/items/{work_order.id}", "/queue", "/inbox", "/api/v1/items", "/dashboard"):
        body = text(client.get(path))
        assert PHONE not in body and "张三丰" not in body and "友谊路1号3-201" not in body, path


@pytest.mark.parametrize("username", ["duty", "leader"])
def test_roles_without_the_right_get_no_button_and_a_403(
    client: FlaskClient, work_order: Item, session: Session, username: str
) -> None:
    login(client, username)
    assert BUTTON not in text(client.get(f"/items/{work_order.id}"))
    status, body = reveal(client, work_order)
    assert status == 403 and PHONE not in body and "无权访问" in body
    assert reveals(session) == []


def test_other_offices_cannot_reveal(client: FlaskClient, work_order: Item, session: Session) -> None:
    login(client, "fdc")
    status, body = reveal(client, work_order)
    assert status in (403, 404) and PHONE not in body
    assert reveals(session) == []


@pytest.mark.parametrize("username", ["xinfang", "admin"])
def test_petition_staff_and_admins_reveal_with_a_reason_and_leave_an_audit_row(
    client: FlaskClient, work_order: Item, session: Session, username: str
) -> None:
    login(client, username)
    page = text(client.get(f"/items/{work_order.id}"))
    assert BUTTON in page and PHONE not in page
    status, body = reveal(client, work_order, reason="  ")
    assert status == 400 and "请填写查看理由" in body and PHONE not in body
    assert reveals(session) == []
    status, body = reveal(client, work_order)
    assert status == 200
    assert PHONE in body and "张三丰" in body and "友谊路1号3-201" in body and "已记入审计日志" in body
    (entry,) = reveals(session)
    assert (entry.actor, entry.target_type, entry.target_id) == (username, "item", str(work_order.id))
    assert entry.reason == "回访来电人核实情况" and entry.at is not None
    # The next plain view is masked again and lists the reveal in the item's history, in Chinese.
    page = text(client.get(f"/items/{work_order.id}"))
    assert PHONE not in page and "查看来电人信息" in page


def test_reveal_by_get_is_not_allowed(client: FlaskClient, work_order: Item) -> None:
    login(client, "xinfang")
    assert client.get(f"/items/{work_order.id}/contact").status_code == 405
