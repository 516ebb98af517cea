"""Overdue assignments escalate step by step, once per step, on the real database."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from config import Settings
from responder.decide import Responder
from responder.escalation import sweep_overdue
from store.accounts import ensure_offices
from store.models import Alert, Assignment, Item
from store.types import utcnow


def test_overdue_assignments_climb_the_ladder_once_per_step(settings: Settings, session: Session) -> None:
    rules = Responder.load(settings).sla
    offices = ensure_offices(session, [{"name": "信访处", "kind": "office"}])
    now = utcnow()
    items = [Item(source="t", external_id=str(i), kind="message", content_text="暖气不热", content_hash="h")
             for i in (1, 2)]  # fmt: skip
    session.add_all(items)
    session.flush()
    late = Assignment(item_id=items[0].id, office_id=offices["信访处"].id, role="主办", status="open",
                      due_at=now - timedelta(hours=5))  # fmt: skip
    answered = Assignment(item_id=items[1].id, office_id=offices["信访处"].id, role="主办", status="responded",
                          due_at=now - timedelta(days=3))  # fmt: skip
    session.add_all([late, answered])
    session.flush()
    first = sweep_overdue(session, rules, now)
    assert [(e.level, e.notify) for e in first] == [(1, "值班员"), (2, "处室负责人")]
    assert sweep_overdue(session, rules, now) == []  # idempotent
    later = sweep_overdue(session, rules, now + timedelta(days=1))
    assert [(e.level, e.notify) for e in later] == [(3, "带班领导")]
    session.commit()
    assert session.scalar(select(func.count()).select_from(Alert).where(Alert.kind == "overdue")) == 3
    assert session.get(Assignment, late.id).escalation_level == 3


def test_the_scheduler_sweep_escalates(settings: Settings, session: Session) -> None:
    from yuqing_cli.scheduler import Scheduler

    offices = ensure_offices(session, [{"name": "宣传处", "kind": "office"}])
    item = Item(source="t", external_id="9", kind="post", content_text="网传燃气爆炸", content_hash="h")
    session.add(item)
    session.flush()
    session.add(Assignment(item_id=item.id, office_id=offices["宣传处"].id, role="主办", status="open",
                           due_at=utcnow() - timedelta(minutes=1)))  # fmt: skip
    session.commit()
    session.close()
    Scheduler(settings).escalate_overdue(utcnow())
    title = session.scalar(select(Alert.title).where(Alert.kind == "overdue"))
    assert title == f"超期未办：宣传处 办理条目 #{item.id}（升级至值班员）"
