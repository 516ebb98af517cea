"""更正标签: a correction writes a Label and an audit row, and every view shows the corrected value."""

from __future__ import annotations

from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from store.models import AuditLog, Label
from tests.web.conftest import csrf_token, login, release, text
from tests.web.seed import Seeded

CURRENT_HEAT = {"urgency": "3", "sentiment": "neg", "topic": "供热", "request_type": "投诉"}


def correction(client: FlaskClient, item_id: int, reason: str = "", **changes: str) -> dict[str, str]:
    """The correction form as the page posts it: every select at its current value but ``changes``."""
    return {"csrf_token": csrf_token(client, f"/items/{item_id}"), **CURRENT_HEAT, **changes, "reason": reason}


def test_correction_writes_label_and_audit_row_and_shows_everywhere(
    client: FlaskClient, seeded: Seeded, session: Session
) -> None:
    login(client)
    item_id = seeded.items["heat"].id
    form = correction(client, item_id, "来电核实：多栋楼停热，已有老人送医", urgency="4", request_type="求助")
    response = client.post(f"/items/{item_id}/corrections", data=form)
    assert response.status_code == 302
    assert response.headers["Location"] == f"/items/{item_id}"

    labels = session.scalars(select(Label).where(Label.item_id == item_id).order_by(Label.id)).all()
    assert [(label.field, label.value, label.user_id) for label in labels] == [
        ("urgency", "4", seeded.duty.id),
        ("request_type", "求助", seeded.duty.id),
    ]  # sentiment and topic were left as they were: no label
    entries = session.scalars(select(AuditLog).where(AuditLog.action == "item.correct").order_by(AuditLog.id)).all()
    assert [entry.detail for entry in entries] == [
        {"field": "urgency", "before": 3, "after": 4, "model": 3},
        {"field": "request_type", "before": "投诉", "after": "求助", "model": "投诉"},
    ]
    assert {entry.reason for entry in entries} == {"来电核实：多栋楼停热，已有老人送医"}
    assert {(entry.target_type, entry.target_id) for entry in entries} == {("item", str(item_id))}
    release(session)

    page = text(client.get(f"/items/{item_id}"))
    assert "已更正：紧急程度、诉求类型" in page
    assert page.count("已人工更正") >= 2
    assert "值班员王敏" in page
    assert "模型原值" in page
    analysis_card = page[page.index('id="analysis"') : page.index('id="corrections"')]
    assert "4 级" in analysis_card and "特急" in analysis_card
    assert "3 级" in analysis_card  # the model's original stays visible
    assert "更正标签" in page and "来电核实：多栋楼停热" in page  # in the audit history

    # The queue sorts by the corrected urgency: the item joins the 特急 rows at the top.
    queue = text(client.get("/queue"))
    heat_at = queue.index("南开区华苑小区连续三天暖气不热")
    assert heat_at < queue.index("和平区老旧小区外墙脱落砸坏车辆")  # the other 紧急 (3) item
    assert "已人工更正" in queue

    body = client.get("/api/v1/items?urgency=4").get_json()
    heat = next(row for row in body["items"] if row["id"] == item_id)
    assert heat["urgency"] == 4 and heat["request_type"] == "求助"
    assert heat["corrected"] == {"urgency": 4, "request_type": "求助"}
    model = {"version": "test-1", "urgency": 3, "sentiment": "neg", "topic": "供热", "request_type": "投诉"}
    assert heat["model"] == model
    assert heat["sentiment"] == {"score": 0.1, "label": "neg"}
    assert item_id not in [row["id"] for row in client.get("/api/v1/items?urgency=3").get_json()["items"]]
    untouched = client.get("/api/v1/items?urgency=1").get_json()["items"][0]
    assert untouched["corrected"] == {}


def test_latest_correction_wins_and_unchanged_form_writes_nothing(
    client: FlaskClient, seeded: Seeded, session: Session
) -> None:
    login(client)
    item_id = seeded.items["heat"].id
    client.post(f"/items/{item_id}/corrections", data=correction(client, item_id, topic="物业管理", sentiment="neu"))
    client.post(
        f"/items/{item_id}/corrections",
        data=correction(client, item_id, topic="房屋质量与安全", sentiment="neu"),
    )
    assert session.scalars(select(Label.value).where(Label.field == "topic").order_by(Label.id)).all() == [
        "物业管理",
        "房屋质量与安全",
    ]
    assert session.scalars(select(Label.value).where(Label.field == "sentiment")).all() == ["neu"]  # not re-written
    release(session)

    unchanged = correction(client, item_id, topic="房屋质量与安全", sentiment="neu")
    response = client.post(f"/items/{item_id}/corrections", data=unchanged, follow_redirects=True)
    assert "标签未改变" in text(response)
    assert len(session.scalars(select(Label)).all()) == 3
    release(session)

    # The queue filters by the corrected topic, not the model's.
    assert "暖气不热" in text(client.get("/queue?topic=房屋质量与安全"))
    assert "暖气不热" not in text(client.get("/queue?topic=供热"))
    row = client.get("/api/v1/items?topic=房屋质量与安全").get_json()["items"]
    assert [(r["id"], r["topic"], r["corrected"]["topic"]) for r in row if r["id"] == item_id] == [
        (item_id, "房屋质量与安全", "房屋质量与安全")
    ]


def test_unknown_values_are_refused(client: FlaskClient, seeded: Seeded, session: Session) -> None:
    login(client)
    item_id = seeded.items["heat"].id
    for bad in ({"topic": "不存在的主题"}, {"urgency": "9"}, {"sentiment": "angry"}, {"request_type": ""}):
        response = client.post(f"/items/{item_id}/corrections", data=correction(client, item_id, **bad))
        assert response.status_code == 400, bad
        assert '<p class="field-error">请从列表中选择</p>' in text(response), bad
    assert session.scalars(select(Label)).all() == []
    assert session.scalars(select(AuditLog).where(AuditLog.action == "item.correct")).all() == []


def test_office_staff_cannot_correct(client: FlaskClient, seeded: Seeded, session: Session) -> None:
    login(client, "xinfang")
    item_id = seeded.items["heat"].id  # 信访处 leads it, so the page is visible
    page = text(client.get(f"/items/{item_id}"))
    assert "保存更正" not in page
    response = client.post(f"/items/{item_id}/corrections", data=correction(client, item_id, urgency="4"))
    assert response.status_code == 403
    assert session.scalars(select(Label)).all() == []


def test_correction_needs_the_csrf_token(client: FlaskClient, seeded: Seeded, session: Session) -> None:
    login(client)
    item_id = seeded.items["heat"].id
    form = {k: v for k, v in correction(client, item_id, urgency="4").items() if k != "csrf_token"}
    response = client.post(f"/items/{item_id}/corrections", data=form)
    assert response.status_code == 400
    assert "安全令牌" in text(response)
    forged = client.post(f"/items/{item_id}/corrections", data={**form, "csrf_token": "forged"})
    assert forged.status_code == 400
    assert session.scalars(select(Label)).all() == []


def test_the_dashboard_counts_corrected_values(client: FlaskClient, seeded: Seeded, session: Session) -> None:
    login(client)
    item_id = seeded.items["heat"].id
    form = correction(client, item_id, "核实为燃气问题", topic="燃气", urgency="4")
    assert client.post(f"/items/{item_id}/corrections", data=form).status_code == 302
    release(session)
    page = text(client.get("/dashboard"))
    topics = page[page.index("主题") :]
    assert "供热" not in topics.split("处室分派")[0]  # the only 供热 item is now counted as 燃气
    assert "燃气" in topics
