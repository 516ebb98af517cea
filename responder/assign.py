"""Write routing decisions as assignments; re-route by hand with an audit trail."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from responder.decide import Plan, Responder
from store.accounts import audit
from store.models import Assignment, Item, Office, User

LEAD = "主办"
SUPPORT = "协办"


def offices_by_name(session: Session) -> dict[str, Office]:
    return {o.name: o for o in session.scalars(select(Office))}


def planned_assignments(
    item: Item, plan: Plan, now: datetime, offices: dict[str, Office], taken: set[int]
) -> list[dict[str, Any]]:
    """Column values of the assignments a plan adds; offices in ``taken`` already have one.

    Pure: the routing job writes a whole batch's rows with one insert. ``taken`` grows with
    each office planned, so a plan naming an office twice (or a batch holding the same item
    twice) yields one assignment.
    """
    rows = []
    reasons = [f"{rule}: {why}" for rule, why in plan.decision.fired]
    rule_ids = [rule for rule, _ in plan.decision.fired]
    for role, names in ((LEAD, plan.decision.lead), (SUPPORT, plan.decision.support)):
        for name in names:
            office = offices.get(name)
            if office is None:
                raise ValueError(f"office {name!r} is not in the office table; run yuqing migrate")
            if office.id in taken:
                continue
            sla_rule, due = plan.deadlines.get(name, (None, None))
            rows.append(
                {
                    "item_id": item.id,
                    "event_id": item.event_id,
                    "office_id": office.id,
                    "role": role,
                    "status": "open",
                    "due_at": due,
                    "sla_rule_id": sla_rule,
                    "decided_by": rule_ids,
                    "reasons": reasons,
                    "escalation_level": 0,
                    "created_at": now,
                }
            )
            taken.add(office.id)
    return rows


def triage_after(taken: set[int]) -> str:
    """An item with any assignment, new or earlier, is routed; one nobody owns waits for the duty officer."""
    return "routed" if taken else "no_owner"


def reroute(
    session: Session,
    item_id: int,
    office_names: list[str],
    actor: User,
    reason: str,
    now: datetime,
    remote_addr: str | None = None,
    responder: Responder | None = None,
) -> list[Assignment]:
    """Replace an item's lead offices by hand; the old ones are closed, not deleted."""
    if not reason or not reason.strip():
        raise ValueError("请填写分派理由")
    names = list(dict.fromkeys(n.strip() for n in office_names if n.strip()))
    if not names:
        raise ValueError("请至少选择一个处室")
    offices = offices_by_name(session)
    unknown = [n for n in names if n not in offices]
    if unknown:
        raise ValueError(f"未知处室：{'、'.join(unknown)}")
    item = session.get(Item, item_id)
    if item is None:
        raise ValueError(f"舆情条目 {item_id} 不存在")
    current = list(session.scalars(select(Assignment).where(Assignment.item_id == item.id)))
    before = sorted(f"{a.office.name}/{a.role}/{a.status}" for a in current)
    wanted = {offices[n].id for n in names}
    due_at, sla_rule = _manual_deadline(item, current, responder, now)
    for assignment in current:
        if assignment.role == LEAD and assignment.office_id not in wanted and assignment.status != "closed":
            assignment.status = "closed"
            assignment.closed_at = now
    result = []
    by_office = {a.office_id: a for a in current}
    for name in names:
        office = offices[name]
        assignment = by_office.get(office.id)
        if assignment is None:
            assignment = Assignment(
                item_id=item.id,
                event_id=item.event_id,
                office_id=office.id,
                role=LEAD,
                status="open",
                due_at=due_at,
                sla_rule_id=sla_rule,
                decided_by=["manual"],
                reasons=[f"manual: {reason.strip()}"],
                created_at=now,
            )
            session.add(assignment)
        else:
            assignment.role = LEAD
            if assignment.status == "closed":
                assignment.status = "open"
                assignment.closed_at = None
            assignment.decided_by = [*assignment.decided_by, "manual"]
            assignment.reasons = [*assignment.reasons, f"manual: {reason.strip()}"]
        result.append(assignment)
    item.triage_status = "routed"
    audit(
        session,
        actor,
        "item.route",
        "item",
        item.id,
        detail={"before": before, "after": names},
        reason=reason.strip(),
        remote_addr=remote_addr,
    )
    session.flush()
    return result


def _manual_deadline(
    item: Item, current: list[Assignment], responder: Responder | None, now: datetime
) -> tuple[datetime | None, str | None]:
    """Keep the deadline the item already had; a hand-routed item must not gain time."""
    dated = [a for a in current if a.due_at is not None]
    if dated:
        first = min(dated, key=lambda a: a.due_at)  # type: ignore[arg-type, return-value]
        return first.due_at, first.sla_rule_id
    if responder is not None:
        found = responder.sla.deadline({"kind": item.kind}, now)
        if found:
            return found[1], found[0]
    return None, None
