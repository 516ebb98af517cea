"""RQ jobs for analysis: task ids in, pure analysers in the middle, one commit per batch.

Thin by design (DESIGN §7 habit 4): claim the batch, load its items, analyse them in
one engine call, then write the analyses, event links and routing tasks together with
the tasks' completion. If anything in the batch fails, it is redone item by item so one
bad record cannot hold back the rest, and the failing one is recorded with its error.
"""

from __future__ import annotations

import logging
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


def analysis_row(item_id: int, result: AnalysisResult, now: datetime) -> Analysis:
    """The stored form of one analysis result."""
    return Analysis(
        item_id=item_id,
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
        parent_ref=item.parent_id,
    )


def analyse_tasks(task_ids: list[int]) -> dict[str, int]:
    """Analyse the items behind these outbox tasks; safe to run twice."""
    settings = runtime.settings()
    factory = runtime.session_factory()
    stats = outbox.run_leased(factory, task_ids, settings, _analyse_batch, "analysis")
    outbox.dispatch(factory, runtime.redis_connection(), settings)
    return stats


def _load(session: Session, task_ids: list[int]) -> list[tuple[Task, Item | None]]:
    tasks = list(session.scalars(select(Task).where(Task.id.in_(task_ids)).order_by(Task.id)))
    items = {i.id: i for i in session.scalars(select(Item).where(Item.id.in_([t.subject_id for t in tasks])))}
    return [(t, items.get(t.subject_id)) for t in tasks]


def _analyse_batch(session: Session, task_ids: list[int]) -> None:
    pairs = _load(session, task_ids)
    missing = [t.id for t, item in pairs if item is None]
    if missing:
        raise LookupError(f"items missing for tasks {missing}")
    items = [item for _, item in pairs if item is not None]
    now = utcnow()
    results = analyser().analyse_many([facts_for(i) for i in items], now)
    index = recent_index(session, {r.topic for r in results}, now)
    _store(session, items, results, now, index)


def _store(
    session: Session, items: list[Item], results: list[AnalysisResult], now: datetime, index: EventIndex
) -> None:
    versions = {r.model_version for r in results}
    existing = set(
        session.execute(
            select(Analysis.item_id, Analysis.model_version).where(
                Analysis.item_id.in_([i.id for i in items]), Analysis.model_version.in_(versions)
            )
        ).all()
    )
    for item, result in zip(items, results, strict=True):
        if (item.id, result.model_version) not in existing:
            session.add(analysis_row(item.id, result, now))
        _, reason = attach(session, index, item, result.signature, now)
        if reason:
            log.info("item %s joined event: %s", item.id, reason)
    outbox.add_tasks(
        session, "route", [(i.id, f"{i.revision}:{r.model_version}") for i, r in zip(items, results, strict=True)]
    )
