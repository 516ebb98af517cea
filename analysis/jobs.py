"""RQ jobs for analysis: task ids in, pure analysers in the middle, one commit per batch.

Thin by design (DESIGN §7 habit 4): claim the batch, load its items, analyse them in
one engine call, then write the analyses, event links and routing tasks together with
the tasks' completion. If anything in the batch fails, it is redone item by item so one
bad record cannot hold back the rest, and the failing one is recorded with its error.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, insert, or_, select
from sqlalchemy.orm import Session

from analysis import event_urgency
from analysis.events import EventIndex
from analysis.grouping import attach_many, recent_index
from analysis.pipeline import Analyser, AnalysisResult, ItemFacts
from store import outbox, runtime
from store.models import Analysis, Event, Item, Task
from store.types import utcnow

log = logging.getLogger(__name__)


def analyser() -> Analyser:
    return runtime.cached("analyser", lambda: Analyser.load(runtime.settings()))


def analysis_values(item_id: int, result: AnalysisResult, now: datetime) -> dict[str, Any]:
    """The column values of one analysis result; a batch inserts them in one statement."""
    return dict(
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


def facts_for(item: Item, parent_topic: str | None = None) -> ItemFacts:
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
        author=item.author_id,
        parent_topic=parent_topic,
        source_ref=item.external_id,
    )


def parent_topics(session: Session, items: list[Item]) -> dict[tuple[str, str], str]:
    """The latest topic of each post these items answer, by (source, external id): one query.

    A post in the same batch is not analysed yet; ``Analyser.analyse_many`` covers that case.
    """
    wanted = {(i.source, i.parent_id) for i in items if i.parent_id}
    if not wanted:
        return {}
    rows = session.execute(
        select(Item.source, Item.external_id, Analysis.topic)
        .join(Analysis, Analysis.item_id == Item.id)
        .where(Item.external_id.in_({ref for _, ref in wanted}))
        .order_by(Analysis.id)
    ).all()
    return {(source, ref): topic for source, ref, topic in rows if (source, ref) in wanted and topic}


def analyse_tasks(task_ids: list[int]) -> dict[str, int]:
    """Analyse the items behind these outbox tasks; safe to run twice."""
    settings = runtime.settings()
    factory = runtime.session_factory()
    stats = outbox.run_leased(factory, task_ids, settings, _analyse_batch, "analysis")
    outbox.dispatch(factory, runtime.redis_connection(), settings)
    return stats


# How much of an event the event-context urgency rules look at: enough for a burst, a
# repeat complainant or a hotline matter going public, bounded so a huge event costs the
# same as a small one.
MEMBERS_SEEN = 300
MEMBERS_WINDOW = timedelta(days=90)


def member_of(item: Item) -> event_urgency.Member:
    return event_urgency.Member(
        str(item.id), item.source, item.author_id, item.published_at or item.first_seen_at or utcnow()
    )


def events_members(session: Session, event_ids: set[int], batch: list[Item]) -> dict[int, list[event_urgency.Member]]:
    """The members of these events that the event rules can use, newest ``MEMBERS_SEEN`` per event.

    The rules look at three things: the burst window around the batch (every member of the
    last ``BURST_WINDOW + BURST_BEFORE``), a hotline record of the matter and the batch
    authors' own earlier items (both back to ``MEMBERS_WINDOW``). Only those rows are read:
    a busy event's other members would be loaded for every batch and never looked at.
    """
    if not event_ids:
        return {}
    started = min(i.published_at or i.first_seen_at or utcnow() for i in batch)
    when = func.coalesce(Item.published_at, Item.first_seen_at)
    wanted = [
        when >= started - event_urgency.BURST_WINDOW - event_urgency.BURST_BEFORE,
        *(func.lower(Item.source).contains(mark) for mark in event_urgency.HOTLINE_MARKS),
    ]
    authors = {i.author_id for i in batch if i.author_id}
    if authors:
        wanted.append(Item.author_id.in_(authors))
    rows = session.execute(
        select(Item.event_id, Item.id, Item.source, Item.author_id, when)
        .where(Item.event_id.in_(event_ids), when >= started - MEMBERS_WINDOW, or_(*wanted))
        .order_by(Item.id.desc())
    ).all()
    found: dict[int, list[event_urgency.Member]] = {}
    for event_id, item_id, source, author, at in rows:
        kept = found.setdefault(event_id, [])
        if len(kept) < MEMBERS_SEEN:
            kept.append(event_urgency.Member(str(item_id), source, author, at or utcnow()))
    return found


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
    parents = parent_topics(session, items)
    results = analyser().analyse_many([facts_for(i, parents.get((i.source, i.parent_id or ""))) for i in items], now)
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
    grown: dict[int, Event] = {}
    placed = attach_many(session, index, items, [r.signature for r in results], now)
    for item, (event, reason) in zip(items, placed, strict=True):
        if reason:
            log.info("item %s joined event: %s", item.id, reason)
        if (event.item_count or 0) > 1:
            grown[item.id] = event
    # One query for the members of every event the batch grew, then the event-context rules.
    members = events_members(session, {e.id for e in grown.values()}, items)
    rows = []
    for item, result in zip(items, results, strict=True):
        if (item.id, result.model_version) in existing:
            continue
        row = analysis_values(item.id, result, now)
        event = grown.get(item.id)
        if event is not None:
            raised = event_urgency.assess(
                member_of(item), members.get(event.id, []), row["urgency"], row["urgency_reasons"], row["request_type"]
            )
            row["urgency"], row["urgency_reasons"] = raised.level, list(raised.reasons)
        rows.append(row)
    if rows:
        # A Core-style bulk insert: the batch's analyses are never read back in this
        # transaction, so the unit of work's per-object bookkeeping buys nothing here.
        session.execute(insert(Analysis), rows)
    outbox.add_tasks(
        session, "route", [(i.id, f"{i.revision}:{r.model_version}") for i, r in zip(items, results, strict=True)]
    )
