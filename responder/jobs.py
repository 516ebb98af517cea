"""RQ jobs for the responder: route analysed items to offices with deadlines.

Like the analysis job, a batch is claimed in one statement and its assignments commit
with the tasks' completion; a failing batch is redone item by item.
"""

from __future__ import annotations

import logging

from sqlalchemy import select
from sqlalchemy.orm import Session

from analysis.text import joined
from responder.alert_rules import AlertRules
from responder.alerts import raise_crisis
from responder.assign import apply_plan, offices_by_name
from responder.decide import Responder
from responder.routing import RouteFacts
from responder.watch import raise_watch
from store import outbox, runtime
from store.models import Analysis, Assignment, Item, Task
from store.types import utcnow

log = logging.getLogger(__name__)


def responder() -> Responder:
    return runtime.cached("responder", lambda: Responder.load(runtime.settings()))


def alert_rules() -> AlertRules:
    return runtime.cached("alert_rules", lambda: AlertRules.load(runtime.settings()))


def facts_for(item: Item, analysis: Analysis) -> RouteFacts:
    meta = item.author_meta or {}
    verified = meta.get("verified_type")
    verified_type = int(verified) if isinstance(verified, int | str) and str(verified).lstrip("-").isdigit() else None
    return RouteFacts(
        source=item.source,
        kind=item.kind,
        request_type=analysis.request_type,
        topic=analysis.topic,
        sentiment=analysis.sentiment_label,
        text=joined(item.title, item.content_text),
        metrics=item.metrics or {},
        author_verified_type=verified_type,
    )


def route_tasks(task_ids: list[int]) -> dict[str, int]:
    """Route the items behind these tasks; effects commit with the tasks' completion."""
    return outbox.run_leased(runtime.session_factory(), task_ids, runtime.settings(), _route_batch, "routing")


def _route_batch(session: Session, task_ids: list[int]) -> None:
    tasks = list(session.scalars(select(Task).where(Task.id.in_(task_ids)).order_by(Task.id)))
    item_ids = [t.subject_id for t in tasks]
    items = {i.id: i for i in session.scalars(select(Item).where(Item.id.in_(item_ids)))}
    latest: dict[int, Analysis] = {}
    for analysis in session.scalars(select(Analysis).where(Analysis.item_id.in_(item_ids)).order_by(Analysis.id)):
        latest[analysis.item_id] = analysis
    offices = offices_by_name(session)
    existing: dict[int, dict[int, Assignment]] = {}
    for assignment in session.scalars(select(Assignment).where(Assignment.item_id.in_(item_ids))):
        existing.setdefault(assignment.item_id, {})[assignment.office_id] = assignment
    rules = responder()
    watch = alert_rules().watch
    now = utcnow()
    for task in tasks:
        item = items.get(task.subject_id)
        analysis = latest.get(task.subject_id)
        if item is None or analysis is None:
            raise LookupError(f"task {task.id}: item {task.subject_id} or its analysis is missing")
        plan = rules.plan(facts_for(item, analysis), analysis.urgency, item.first_seen_at)
        apply_plan(session, item, plan, now, offices=offices, existing=existing.setdefault(item.id, {}))
        raise_crisis(session, item, analysis, plan.decision, now)
        raise_watch(session, item, joined(item.title, item.content_text), watch, now)
