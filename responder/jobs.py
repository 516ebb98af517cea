"""RQ jobs for the responder: route analysed items to offices with deadlines.

Like the analysis job, a batch is claimed in one statement and its assignments commit
with the tasks' completion; a failing batch is redone item by item.
"""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from analysis.text import joined
from responder.alert_rules import AlertRules
from responder.alerts import raise_crisis
from responder.assign import offices_by_name, planned_assignments, triage_after
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
    """Plan every item of the batch, then write its assignments and triage states in bulk.

    The rows are written with one insert and one update per state rather than through the
    unit of work: nothing reads them back in this transaction, and per-object bookkeeping
    was most of the routing job's time on PostgreSQL.
    """
    tasks = list(session.scalars(select(Task).where(Task.id.in_(task_ids)).order_by(Task.id)))
    item_ids = [t.subject_id for t in tasks]
    items = {i.id: i for i in session.scalars(select(Item).where(Item.id.in_(item_ids)))}
    latest: dict[int, Analysis] = {}
    for analysis in session.scalars(select(Analysis).where(Analysis.item_id.in_(item_ids)).order_by(Analysis.id)):
        latest[analysis.item_id] = analysis
    offices = offices_by_name(session)
    taken: dict[int, set[int]] = {}
    for item_id, office_id in session.execute(
        select(Assignment.item_id, Assignment.office_id).where(Assignment.item_id.in_(item_ids))
    ):
        taken.setdefault(item_id, set()).add(office_id)
    rules = responder()
    watch = alert_rules().watch
    now = utcnow()
    rows: list[dict[str, Any]] = []
    triage: dict[str, list[int]] = {}
    for task in tasks:
        item = items.get(task.subject_id)
        analysis = latest.get(task.subject_id)
        if item is None or analysis is None:
            raise LookupError(f"task {task.id}: item {task.subject_id} or its analysis is missing")
        plan = rules.plan(facts_for(item, analysis), analysis.urgency, item.first_seen_at)
        offices_taken = taken.setdefault(item.id, set())
        rows.extend(planned_assignments(item, plan, now, offices, offices_taken))
        triage.setdefault(triage_after(offices_taken), []).append(item.id)
        raise_crisis(session, item, analysis, plan.decision, now)
        raise_watch(session, item, joined(item.title, item.content_text), watch, now)
    if rows:
        session.execute(insert(Assignment), rows)
    for state, ids in triage.items():
        session.execute(
            update(Item)
            .where(Item.id.in_(ids))
            .values(triage_status=state)
            .execution_options(synchronize_session=False)
        )
