"""处室办理: 签收 → 回复 → 办结, who may do it, what the ledger keeps, and the 超期 mark."""

from __future__ import annotations

from datetime import UTC, datetime

from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from store.models import Assignment, AuditLog, Item, Office, Response
from tests.web.conftest import csrf_token, login, release, text
from tests.web.seed import Seeded


def assignment_id(session: Session, item: Item, office: str) -> int:
    found = session.scalar(
        select(Assignment.id).join(Office).where(Assignment.item_id == item.id, Office.name == office)
    )
    assert found is not None
    release(session)
    return found


def state(session: Session, assignment: int) -> tuple[str, datetime | None, datetime | None]:
    """Status and stamps read as columns, so the answer is fresh without expiring ``seeded`` rows."""
    row = session.execute(
        select(Assignment.status, Assignment.acknowledged_at, Assignment.closed_at).where(Assignment.id == assignment)
    ).one()
    release(session)
    return row.status, row.acknowledged_at, row.closed_at


def audit_rows(session: Session, assignment: int) -> list[tuple[str, dict[str, object], str]]:
    rows = session.scalars(
        select(AuditLog)
        .where(AuditLog.target_type == "assignment", AuditLog.target_id == str(assignment))
        .order_by(AuditLog.id)
    ).all()
    result = [(row.action, row.detail, row.actor) for row in rows]
    release(session)
    return result


def table_row(page: str, needle: str) -> str:
    """The ``<tr>`` of a table that contains ``needle``."""
    rows = [row for row in page.split("<tr")[1:] if needle in row]
    assert len(rows) == 1, needle
    return rows[0]


def casework_block(page: str, assignment: int) -> str:
    """One assignment's block in the item page's 办理进度 section."""
    start = page.index(f'id="assignment-{assignment}"')
    return page[page.rindex("<article", 0, start) : page.index("</article>", start)]


def test_acknowledge_respond_close_with_audit_rows(client: FlaskClient, seeded: Seeded, session: Session) -> None:
    heat = seeded.items["heat"]  # 信访处 leads, 供热燃气处 supports
    asg = assignment_id(session, heat, "信访处")
    login(client, "xinfang")

    inbox = text(client.get("/inbox"))
    assert f"/assignments/{asg}/acknowledge" in inbox  # 签收 right from the inbox, and back to it
    assert 'name="next" value="/inbox"' in inbox
    token = csrf_token(client, "/inbox")
    signed = client.post(f"/assignments/{asg}/acknowledge", data={"csrf_token": token, "next": "/inbox?status=all"})
    assert signed.status_code == 302
    assert signed.headers["Location"] == "/inbox?status=all"  # back where the button was
    status, acknowledged_at, _ = state(session, asg)
    assert status == "acknowledged" and acknowledged_at is not None
    assert session.scalar(select(Item.triage_status).where(Item.id == heat.id)) == "acknowledged"
    release(session)

    reply = {
        "csrf_token": csrf_token(client, f"/items/{heat.id}"),
        "text": "已联系热力公司排查管网，今日起室温恢复至18度以上。",
        "channel": "phone",
        "published_at": "2026-01-05T09:30",
    }
    answered = client.post(f"/assignments/{asg}/respond", data=reply)
    assert answered.status_code == 302
    assert answered.headers["Location"] == f"/items/{heat.id}#assignment-{asg}"
    response = session.scalar(select(Response).where(Response.assignment_id == asg))
    assert response is not None
    assert (response.text, response.channel, response.user_id) == (reply["text"], "phone", seeded.office_user.id)
    assert response.published_at == datetime(2026, 1, 5, 1, 30, tzinfo=UTC)  # typed in Beijing time
    release(session)
    assert state(session, asg)[0] == "responded"

    page = text(client.get(f"/items/{heat.id}"))
    casework = page[page.index('id="casework"') : page.index('id="route"') if 'id="route"' in page else None]
    assert "已联系热力公司排查管网" in casework and "电话回访" in casework and "信访处李强" in casework
    assert "发布于 2026-01-05 09:30" in casework
    assert f"/assignments/{asg}/close" in casework  # 办结 is offered once there is a reply

    closed = client.post(f"/assignments/{asg}/close", data={"csrf_token": csrf_token(client, f"/items/{heat.id}")})
    assert closed.status_code == 302
    status, _, closed_at = state(session, asg)
    assert status == "closed" and closed_at is not None
    assert session.scalar(select(Item.triage_status).where(Item.id == heat.id)) == "closed"
    release(session)

    assert audit_rows(session, asg) == [
        ("assignment.acknowledge", {"office": "信访处", "before": "open", "after": "acknowledged"}, "xinfang"),
        (
            "assignment.respond",
            {"office": "信访处", "before": "acknowledged", "after": "responded", "channel": "phone",
             "response": response.id},
            "xinfang",
        ),
        ("assignment.close", {"office": "信访处", "before": "responded", "after": "closed"}, "xinfang"),
    ]  # fmt: skip
    history = text(client.get(f"/items/{heat.id}"))
    assert "签收" in history and "登记回复" in history and "已回应" in history and "办结" in history


def test_steps_out_of_order_are_refused(client: FlaskClient, seeded: Seeded, session: Session) -> None:
    heat = seeded.items["heat"]
    asg = assignment_id(session, heat, "信访处")
    login(client, "xinfang")
    token = csrf_token(client, f"/items/{heat.id}")

    early = client.post(f"/assignments/{asg}/close", data={"csrf_token": token}, follow_redirects=True)
    assert "请先登记回复，再办结" in text(early)
    assert state(session, asg)[0] == "open"

    client.post(f"/assignments/{asg}/acknowledge", data={"csrf_token": token})
    twice = client.post(f"/assignments/{asg}/acknowledge", data={"csrf_token": token}, follow_redirects=True)
    assert "该任务已签收" in text(twice)

    empty = client.post(f"/assignments/{asg}/respond", data={"csrf_token": token, "text": "  ", "channel": "board"})
    assert empty.status_code == 400
    assert "请填写回复内容" in text(empty)
    future = {"csrf_token": token, "text": "答复", "channel": "board", "published_at": "2099-01-01T00:00"}
    assert "发布时间不能晚于当前时间" in text(client.post(f"/assignments/{asg}/respond", data=future))
    bad_channel = {"csrf_token": token, "text": "答复", "channel": "fax"}
    refused = client.post(f"/assignments/{asg}/respond", data=bad_channel)
    assert refused.status_code == 400 and "请从列表中选择" in text(refused)
    assert session.scalars(select(Response)).all() == []
    release(session)

    client.post(f"/assignments/{asg}/respond", data={"csrf_token": token, "text": "已答复", "channel": "board"})
    client.post(f"/assignments/{asg}/close", data={"csrf_token": token})
    late = {"csrf_token": token, "text": "补充", "channel": "other"}
    refused = client.post(f"/assignments/{asg}/respond", data=late, follow_redirects=True)
    assert "已办结，不能再登记回复" in text(refused)
    assert [action for action, _, _ in audit_rows(session, asg)] == [
        "assignment.acknowledge",
        "assignment.respond",
        "assignment.close",
    ]


def test_office_cannot_act_on_another_offices_assignment(client: FlaskClient, seeded: Seeded, session: Session) -> None:
    support = assignment_id(session, seeded.items["heat"], "供热燃气处")  # item visible to 信访处, task is not theirs
    hidden = assignment_id(session, seeded.items["fund"], "住房保障处")  # item not visible to 信访处 at all
    login(client, "xinfang")
    token = csrf_token(client, f"/items/{seeded.items['heat'].id}")
    for step in ("acknowledge", "close"):
        assert client.post(f"/assignments/{support}/{step}", data={"csrf_token": token}).status_code == 403
        assert client.post(f"/assignments/{hidden}/{step}", data={"csrf_token": token}).status_code == 404
    reply = {"csrf_token": token, "text": "越权答复", "channel": "board"}
    assert client.post(f"/assignments/{support}/respond", data=reply).status_code == 403
    assert client.post(f"/assignments/{hidden}/respond", data=reply).status_code == 404
    assert client.post("/assignments/999999/acknowledge", data={"csrf_token": token}).status_code == 404
    assert state(session, support)[0] == "open" and state(session, hidden)[0] == "open"
    assert session.scalars(select(Response)).all() == []
    assert session.scalars(select(AuditLog).where(AuditLog.target_type == "assignment")).all() == []
    release(session)
    page = text(client.get(f"/items/{seeded.items['heat'].id}"))
    assert f"/assignments/{support}/acknowledge" not in page  # no button for what one may not do


def test_duty_officer_acts_for_any_office_and_the_item_follows_its_lead(
    client: FlaskClient, seeded: Seeded, session: Session
) -> None:
    gas = seeded.items["gas"]  # 信访处 leads, 供热燃气处 supports
    lead = assignment_id(session, gas, "信访处")
    support = assignment_id(session, gas, "供热燃气处")
    login(client)
    token = csrf_token(client, f"/items/{gas.id}")
    client.post(f"/assignments/{support}/respond", data={"csrf_token": token, "text": "已派员检修", "channel": "other"})
    assert state(session, support)[0] == "responded"
    assert session.scalar(select(Item.triage_status).where(Item.id == gas.id)) == "routed"  # the lead has not moved
    release(session)
    client.post(f"/assignments/{lead}/acknowledge", data={"csrf_token": token})
    assert session.scalar(select(Item.triage_status).where(Item.id == gas.id)) == "acknowledged"
    release(session)
    assert [actor for _, _, actor in audit_rows(session, support)] == ["duty"]


def test_overdue_is_marked_until_the_office_responds(client: FlaskClient, seeded: Seeded, session: Session) -> None:
    wages = seeded.items["wages"]  # due 3 hours ago
    asg = assignment_id(session, wages, "信访处")
    login(client, "xinfang")
    row = table_row(text(client.get("/inbox")), "拖欠农民工工资")
    assert "row-overdue" in row and "超期 3小时" in row
    block = casework_block(text(client.get(f"/items/{wages.id}")), asg)
    assert "casework is-overdue" in block and 'class="overdue-chip"' in block and "超期 3小时" in block

    token = csrf_token(client, f"/items/{wages.id}")
    client.post(f"/assignments/{asg}/respond", data={"csrf_token": token, "text": "已督促企业支付", "channel": "phone"})
    page = text(client.get(f"/items/{wages.id}"))
    assert "is-overdue" not in casework_block(page, asg) and "超期" not in casework_block(page, asg)
    assert "is-overdue" in page  # the 协办 office's clock still runs
    row = table_row(text(client.get("/inbox")), "拖欠农民工工资")  # still on the desk until 办结
    assert "row-overdue" not in row and "超期" not in row


def test_case_work_needs_the_csrf_token(client: FlaskClient, seeded: Seeded, session: Session) -> None:
    asg = assignment_id(session, seeded.items["heat"], "信访处")
    login(client, "xinfang")
    assert client.post(f"/assignments/{asg}/acknowledge").status_code == 400
    assert client.post(f"/assignments/{asg}/respond", data={"text": "无令牌", "channel": "board"}).status_code == 400
    assert client.post(f"/assignments/{asg}/acknowledge", data={"csrf_token": "forged"}).status_code == 400
    assert state(session, asg)[0] == "open"
    assert session.scalars(select(Response)).all() == []


def test_redirect_target_stays_on_site(client: FlaskClient, seeded: Seeded, session: Session) -> None:
    asg = assignment_id(session, seeded.items["heat"], "信访处")
    login(client, "xinfang")
    token = csrf_token(client, "/inbox")
    response = client.post(f"/assignments/{asg}/acknowledge", data={"csrf_token": token, "next": "//evil.example/x"})
    assert response.headers["Location"] == f"/items/{seeded.items['heat'].id}#assignment-{asg}"
