"""预警 page: unsigned alerts first, signing recorded once and audited, office staff kept out."""

from __future__ import annotations

from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from store.models import Alert, AuditLog
from store.types import utcnow
from tests.web.conftest import csrf_token, login, release, text
from tests.web.seed import Seeded


def _alerts(session: Session, seeded: Seeded) -> tuple[Alert, Alert]:
    gas = seeded.items["gas"]
    crisis = Alert(kind="crisis", level=4, title="【特急】友谊路小区燃气泄漏",
                   detail={"reasons": ["燃气泄漏：现实危险"]}, dedup_key="crisis:t1",
                   item_id=gas.id, event_id=gas.event_id, created_at=utcnow())  # fmt: skip
    spike = Alert(kind="spike", level=3, title="【热度突增】供热：近1小时9条<script>alert(1)</script>",
                  detail={"reasons": ["近1小时9条，通常约1.5条", "联系电话13812345678"]}, dedup_key="spike:t2",
                  created_at=utcnow())  # fmt: skip
    session.add_all([crisis, spike])
    session.commit()
    return crisis, spike


def test_duty_officer_sees_and_signs_an_alert_once(client: FlaskClient, session: Session, seeded: Seeded) -> None:
    crisis, _ = _alerts(session, seeded)
    release(session)
    login(client)
    page = text(client.get("/alerts"))
    assert "友谊路小区燃气泄漏" in page and "热度突增" in page and "待签收 <strong>2</strong>" in page
    assert "<script>alert(1)</script>" not in page and "13812345678" not in page
    token = csrf_token(client, "/alerts")
    done = client.post(f"/alerts/{crisis.id}/sign", data={"csrf_token": token}, follow_redirects=True)
    assert "已签收：【特急】友谊路小区燃气泄漏" in text(done)
    again = client.post(f"/alerts/{crisis.id}/sign", data={"csrf_token": token}, follow_redirects=True)
    assert "该预警已由他人签收" in text(again)
    session.expire_all()
    row = session.get(Alert, crisis.id)
    assert row is not None and row.signed_by == seeded.duty.id and row.signed_at is not None
    audits = list(session.scalars(select(AuditLog).where(AuditLog.action == "sign_alert")))
    assert [a.target_id for a in audits] == [str(crisis.id)]
    release(session)
    assert "待签收 <strong>1</strong>" in text(client.get("/alerts"))
    assert "友谊路小区燃气泄漏" in text(client.get("/alerts?show=signed"))


def test_signing_needs_the_csrf_token_and_the_right_role(client: FlaskClient, session: Session, seeded: Seeded) -> None:
    crisis, _ = _alerts(session, seeded)
    release(session)
    login(client)
    assert client.post(f"/alerts/{crisis.id}/sign").status_code == 400
    assert client.post("/alerts/99999/sign", data={"csrf_token": csrf_token(client, "/alerts")}).status_code == 404
    client.post("/logout", data={"csrf_token": csrf_token(client, "/alerts")})
    login(client, "xinfang")
    assert client.get("/alerts").status_code == 403
    assert (
        client.post(f"/alerts/{crisis.id}/sign", data={"csrf_token": csrf_token(client, "/inbox")}).status_code == 403
    )


def test_a_duty_officer_raises_an_alert_by_hand(client: FlaskClient, session: Session, seeded: Seeded) -> None:
    item = seeded.items["facade"]
    release(session)
    login(client)
    page = text(client.get(f"/items/{item.id}"))
    assert "人工预警" in page and "发出预警" in page
    token = csrf_token(client, f"/items/{item.id}")
    empty = client.post(f"/items/{item.id}/alert", data={"csrf_token": token, "level": "4", "reason": ""})
    assert "请填写预警理由" in text(client.get(empty.headers["Location"]))
    form = {"csrf_token": token, "level": "4", "reason": "外墙继续脱落，已围挡"}
    done = client.post(f"/items/{item.id}/alert", data=form, follow_redirects=True)
    assert "已发出人工预警（特急）" in text(done)
    session.expire_all()
    alert = session.scalar(select(Alert).where(Alert.kind == "manual"))
    assert alert is not None and alert.level == 4 and alert.item_id == item.id
    assert alert.detail["reasons"] == ["值班员王敏：外墙继续脱落，已围挡"]
    assert session.scalar(select(AuditLog.reason).where(AuditLog.action == "raise_alert")) == "外墙继续脱落，已围挡"
    release(session)
    assert "【人工预警】和平区老旧小区外墙脱落砸坏车辆" in text(client.get("/alerts"))


def test_office_staff_cannot_raise_alerts(client: FlaskClient, session: Session, seeded: Seeded) -> None:
    item = seeded.items["heat"]  # assigned to 信访处: its staff may view it, not raise alerts
    release(session)
    login(client, "xinfang")
    assert "发出预警" not in text(client.get(f"/items/{item.id}"))
    token = csrf_token(client, f"/items/{item.id}")
    denied = client.post(f"/items/{item.id}/alert", data={"csrf_token": token, "level": "3", "reason": "x"})
    assert denied.status_code == 403
