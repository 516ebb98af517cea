"""RQ jobs for the responder: route analysed items to offices with deadlines."""

from __future__ import annotations

import logging
import traceback

from sqlalchemy import select

from analysis.text import joined
from responder.assign import apply_plan
from responder.decide import Responder
from responder.routing import RouteFacts
from store import outbox, runtime
from store.models import Analysis, Item, Task
from store.types import utcnow

log = logging.getLogger(__name__)


def responder() -> Responder:
    return runtime.cached("responder", lambda: Responder.load(runtime.settings()))


def facts_for(item: Item, analysis: Analysis) -> RouteFacts:
    meta = item.author_meta or {}
    verified = meta.get("verified_type")
    return RouteFacts(
        source=item.source,
        kind=item.kind,
        request_type=analysis.request_type,
        topic=analysis.topic,
        sentiment=analysis.sentiment_label,
        text=joined(item.title, item.content_text),
        metrics=item.metrics or {},
        author_verified_type=int(verified)
        if isinstance(verified, int | str) and str(verified).lstrip("-").isdigit()
        else None,
    )


def route_tasks(task_ids: list[int]) -> dict[str, int]:
    """Route the items behind these tasks; effects commit with the task's completion."""
    settings = runtime.settings()
    factory = runtime.session_factory()
    rules = responder()
    done = failed = lost = 0
    with factory() as session:
        for task_id in task_ids:
            token = outbox.claim(session, task_id, settings.worker.lease_seconds)
            if not token:
                continue
            try:
                task = session.get(Task, task_id)
                item = session.get(Item, task.subject_id) if task else None
                if item is None:
                    raise LookupError(f"item for task {task_id} not found")
                analysis = session.scalar(
                    select(Analysis).where(Analysis.item_id == item.id).order_by(Analysis.id.desc()).limit(1)
                )
                if analysis is None:
                    raise LookupError(f"item {item.id} has no analysis yet")
                plan = rules.plan(facts_for(item, analysis), analysis.urgency, item.first_seen_at)
                apply_plan(session, item, plan, utcnow())
                if outbox.complete(session, task_id, token):
                    session.commit()
                    done += 1
                else:
                    session.rollback()
                    lost += 1
            except Exception:
                session.rollback()
                log.exception("routing task %s failed", task_id)
                outbox.fail(session, task_id, token, traceback.format_exc(), settings.worker.max_attempts)
                failed += 1
    return {"done": done, "failed": failed, "lost": lost}
