"""RQ jobs for analysis: task ids in, pure analysers in the middle, one commit per item.

Thin by design (DESIGN §7 habit 4): claim the task, load the item, analyse, write the
analysis and the routing task together with the task's completion, then dispatch.
"""

from __future__ import annotations

import logging
import time
import traceback
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from analysis.events import EventIndex
from analysis.grouping import attach, recent_index
from analysis.pipeline import Analyser, AnalysisResult, ItemFacts
from store import outbox, runtime
from store.models import Analysis, Item, Task
from store.types import utcnow

log = logging.getLogger(__name__)


def analyser() -> Analyser:
    return runtime.cached("analyser", lambda: Analyser.load(runtime.settings()))


def facts_for(item: Item) -> ItemFacts:
    return ItemFacts(
        ref=str(item.id),
        source=item.source,
        kind=item.kind,
        title=item.title or "",
        content=item.content_text,
        published_at=item.published_at or item.first_seen_at,
        request_type_raw=item.request_type_raw,
        metrics=item.metrics or {},
        author_meta=item.author_meta or {},
        district=item.district,
    )


def analyse_tasks(task_ids: list[int]) -> dict[str, int]:
    """Analyse the items behind these outbox tasks; safe to run twice."""
    settings = runtime.settings()
    factory = runtime.session_factory()
    engine_ = analyser()
    claimed: list[tuple[int, str]] = []
    with factory() as session:
        for task_id in task_ids:
            token = outbox.claim(session, task_id, settings.worker.lease_seconds)
            if token:
                claimed.append((task_id, token))
    if settings.worker.pause_after_claim:
        time.sleep(settings.worker.pause_after_claim)  # fault injection for the crash tests
    done = failed = lost = 0
    if not claimed:
        return {"done": 0, "failed": 0, "lost": 0}
    now = utcnow()
    with factory() as session:
        tasks = {t.id: t for t in session.scalars(select(Task).where(Task.id.in_([c[0] for c in claimed])))}
        items = {
            i.id: i for i in session.scalars(select(Item).where(Item.id.in_([t.subject_id for t in tasks.values()])))
        }
        order = [(tid, tok) for tid, tok in claimed if tasks[tid].subject_id in items]
        results = engine_.analyse_many([facts_for(items[tasks[tid].subject_id]) for tid, _ in order], now)
        index = recent_index(session, {r.topic for r in results}, now)
        session.rollback()
        for (task_id, token), result in zip(order, results, strict=True):
            item = session.get(Item, tasks[task_id].subject_id)
            try:
                _store(session, item, result, now, index)
                if outbox.complete(session, task_id, token):
                    session.commit()
                    done += 1
                else:
                    session.rollback()
                    lost += 1
            except Exception:
                session.rollback()
                log.exception("analysis of item %s failed", item.id if item else "?")
                outbox.fail(session, task_id, token, traceback.format_exc(), settings.worker.max_attempts)
                failed += 1
        for task_id, token in claimed:
            if tasks[task_id].subject_id not in items:
                outbox.fail(session, task_id, token, "item not found", 1)
                failed += 1
    outbox.dispatch(factory, runtime.redis_connection(), settings)
    return {"done": done, "failed": failed, "lost": lost}


def _store(session: Session, item: Item, result: AnalysisResult, now: datetime, index: EventIndex) -> None:
    existing = session.scalar(
        select(Analysis).where(Analysis.item_id == item.id, Analysis.model_version == result.model_version)
    )
    if existing is None:
        session.add(
            Analysis(
                item_id=item.id,
                model_version=result.model_version,
                sentiment_score=result.sentiment_score,
                sentiment_label=result.sentiment_label,
                topic=result.topic,
                topic_tags=list(result.topic_tags),
                request_type=result.request_type,
                urgency=result.urgency,
                urgency_reasons=list(result.urgency_reasons),
                entities=result.entities,
                keywords_hit=list(result.keywords_hit),
                explanation=result.explanation,
                created_at=now,
            )
        )
    _, reason = attach(session, index, item, result.signature, now)
    if reason:
        log.info("item %s joined event: %s", item.id, reason)
    outbox.add_task(session, "route", item.id, f"{item.revision}:{result.model_version}")
