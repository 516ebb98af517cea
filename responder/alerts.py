"""Immediate alerts: a crisis item raises one alert per event, and every alert is sent at once.

Alerts are written in the routing transaction (no network there); the scheduler's sweep
sends the ones not yet notified through the configured channel. The notification key
``alert:<id>`` makes a re-run send nothing twice.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from sqlalchemy import String, cast, exists, literal, select
from sqlalchemy.orm import Session

from analysis.text import mask_numbers
from config import Settings
from responder.alert_rules import RenotifyStep
from responder.delivery import Message, deliver
from responder.routing import Decision
from store.models import Alert, Analysis, Item, Notification

CRISIS_LEVEL = 4
# How long after its last step an unsigned alert is still looked at: a scheduler that was
# down this long still sends the steps it missed; older alerts' ladders are finished.
LADDER_GRACE = timedelta(days=1)
LEVEL_NAMES = {4: "特急", 3: "紧急", 2: "一般", 1: "提示"}
KIND_NAMES = {
    "crisis": "危机预警", "overdue": "超期督办", "spike": "热度突增", "watch": "关注词命中", "manual": "人工预警",
    "source": "采集异常",
}  # fmt: skip


def raise_crisis(session: Session, item: Item, analysis: Analysis, decision: Decision, now: datetime) -> Alert | None:
    """An urgency-4 item alerts managers at once, once per event (later items join the timeline)."""
    if analysis.urgency < CRISIS_LEVEL:
        return None
    key = f"crisis:event:{item.event_id}" if item.event_id else f"crisis:item:{item.id}"
    if session.scalar(select(Alert.id).where(Alert.dedup_key == key)) is not None:
        return None
    title = mask_numbers(item.title or item.content_text[:40])
    alert = Alert(
        kind="crisis",
        level=CRISIS_LEVEL,
        title=f"【特急】{title}",
        detail={"reasons": list(analysis.urgency_reasons), "offices": list(decision.lead), "topic": analysis.topic},
        dedup_key=key,
        item_id=item.id,
        event_id=item.event_id,
        created_at=now,
    )
    session.add(alert)
    return alert


def send_pending(session: Session, settings: Settings, limit: int = 100) -> list[Alert]:
    """Notify every alert that has no notification yet; returns the alerts sent."""
    # Keys are "alert:<id>:<recipient>" (delivery.row_key): any row means it was handed over.
    notified = exists().where(Notification.idempotency_key.like(literal("alert:") + cast(Alert.id, String) + ":%"))
    pending = list(session.scalars(select(Alert).where(~notified).order_by(Alert.id).limit(limit)))
    recipients = tuple(settings.mail.recipients) or ("outbox",)
    for alert in pending:
        item = session.get(Item, alert.item_id) if alert.item_id else None
        lines = [
            f"{KIND_NAMES.get(alert.kind, alert.kind)}（{LEVEL_NAMES.get(alert.level, alert.level)}）",
            alert.title,
            *(f"原因：{reason}" for reason in alert.detail.get("reasons", [])),
        ]
        if alert.detail.get("offices"):
            lines.append("主办：" + "、".join(alert.detail["offices"]))
        if item is not None:
            lines.append(f"条目 #{item.id}，请在控制台签收。")
        deliver(
            session,
            Message(
                recipients=recipients,
                subject=f"【舆情{KIND_NAMES.get(alert.kind, '预警')}】{alert.title}",
                text="\n".join(mask_numbers(line) for line in lines),
                idempotency_key=f"alert:{alert.id}",
            ),
            settings,
        )
    return pending


def renotify_unsigned(session: Session, settings: Settings, steps: Sequence[RenotifyStep], now: datetime) -> int:
    """Send each alert still not signed for again, one step up the ladder per overdue step.

    The notification key names the step, so every step goes out once however often the
    scheduler asks; returns how many (alert, step) messages were handed over. Only alerts
    whose ladder is still running are read (their last step fell due less than
    ``LADDER_GRACE`` ago), so old unsigned alerts neither cost every sweep nor crowd out
    new ones.
    """
    if not steps:
        return 0
    first = now - timedelta(minutes=steps[0].after_minutes)
    finished = now - timedelta(minutes=steps[-1].after_minutes) - LADDER_GRACE
    unsigned = session.scalars(
        select(Alert)
        .where(Alert.signed_at.is_(None), Alert.created_at <= first, Alert.created_at > finished)
        .order_by(Alert.id)
        .limit(500)
    )
    recipients = tuple(settings.mail.recipients) or ("outbox",)
    sent = 0
    for alert in unsigned:
        created = alert.created_at if alert.created_at.tzinfo else alert.created_at.replace(tzinfo=UTC)
        for number, step in enumerate(steps, start=1):
            if created + timedelta(minutes=step.after_minutes) > now:
                break
            key = f"alert-renotify:{alert.id}:{number}"
            if session.scalar(select(Notification.id).where(Notification.idempotency_key.like(key + ":%"))):
                continue
            kind = KIND_NAMES.get(alert.kind, "预警")
            deliver(
                session,
                Message(
                    recipients=recipients,
                    subject=f"【未签收·报{step.notify}】{alert.title}",
                    text=mask_numbers(
                        f"{kind}「{alert.title}」发出{step.after_minutes}分钟仍未签收，现报{step.notify}。\n"
                        "请在控制台“预警”页签收。"
                    ),
                    idempotency_key=key,
                ),
                settings,
            )
            sent += 1
    return sent
