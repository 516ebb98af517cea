"""Overdue assignments climb the escalation ladder of sla.yaml, one alert per step.

Run by the scheduler every sweep. Idempotent: an assignment's level only rises, and each
(assignment, level) alert has a unique key, so a re-run or a second scheduler adds nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from responder.deadlines import SlaRules
from store.models import Alert, Assignment

OPEN_STATUSES = ("open", "acknowledged")


@dataclass(frozen=True)
class Escalated:
    assignment_id: int
    level: int
    notify: str


def sweep_overdue(session: Session, sla: SlaRules, now: datetime) -> list[Escalated]:
    """Raise the escalation level of overdue assignments and record an alert for each step."""
    notify = {int(step["level"]): str(step.get("notify", "")) for step in sla.escalation}
    overdue = session.scalars(
        select(Assignment).where(
            Assignment.status.in_(OPEN_STATUSES), Assignment.due_at.is_not(None), Assignment.due_at < now
        )
    )
    done: list[Escalated] = []
    for assignment in overdue:
        assert assignment.due_at is not None
        level = sla.escalation_level(assignment.due_at, now)
        if level <= assignment.escalation_level:
            continue
        for step in range(assignment.escalation_level + 1, level + 1):
            key = f"overdue:{assignment.id}:{step}"
            who = notify.get(step, str(step))
            title = f"超期未办：{assignment.office.name} 办理条目 #{assignment.item_id}（升级至{who}）"
            if session.scalar(select(Alert.id).where(Alert.dedup_key == key)) is None:
                session.add(
                    Alert(
                        kind="overdue",
                        level=step,
                        title=title,
                        detail={"assignment_id": assignment.id, "due_at": assignment.due_at.isoformat()},
                        dedup_key=key,
                        item_id=assignment.item_id,
                        event_id=assignment.event_id,
                        recipients=[notify.get(step, "")],
                        created_at=now,
                    )
                )
            done.append(Escalated(assignment.id, step, notify.get(step, "")))
        assignment.escalation_level = level
    session.flush()
    return done
