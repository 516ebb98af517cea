"""Attach analysed items to events in the database, through one incremental EventIndex.

Each worker process keeps an ``EventIndex`` of the recently grouped items and, once per
batch, brings it up to date with the analyses any worker has written since (one query on
the analysis id). Matching an item is then a few look-ups in the index's postings: no
query and no scan per item, whatever the size of the window. Members recorded by a batch
that was rolled back are dropped at the next sync; past ``CAPACITY`` the index is rebuilt
from the newest items of the window.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from analysis.events import MATTER_WINDOW, OTHER, EventIndex, Signature, signature_for
from analysis.text import joined
from store import runtime
from store.models import Analysis, Event, Item

CAPACITY = 5000  # members an index holds before it is rebuilt from the newest of the window
SYNC_SLACK = 200  # analyses re-read below the watermark: other workers commit out of order
HEAT_METRICS = ("reposts", "comments")
# Heat measures how many people a matter reaches: one resident posting the same complaint
# again is persistence, not breadth, so a further item by an author already counted adds
# this much instead of one (bench/quality_events.py ranks 附件3's events the same way).
REPEAT_WEIGHT = 0.2


@dataclass
class _State:
    """The process's index and how far into the analysis table it has read."""

    index: EventIndex
    bind: int
    watermark: int
    pending: set[str] = field(default_factory=set)  # recorded by batches not yet seen committed


def signature_of(item: Item, analysis: Analysis) -> Signature:
    """An item's signature from its stored analysis, built as the pipeline builds it."""
    found = analysis.entities or {}
    scores = (analysis.explanation or {}).get("topic_scores") or {}
    return signature_for(
        str(item.id),
        analysis.topic,
        item.published_at or item.first_seen_at,
        joined(item.title, item.content_text),
        estates=found.get("estates", ()),
        companies=found.get("companies", ()),
        districts=found.get("districts", ()),
        source=item.source,
        source_ref=item.external_id,
        parent_ref=item.parent_id,
        topics=scores,
        tags=analysis.topic_tags or (),
    )


def recent_index(session: Session, topics: set[str], now: datetime) -> EventIndex:
    """The process's index, synced with every analysis written since the last batch.

    ``topics`` is part of the jobs' interface; every topic is kept all the same, since a
    paraphrase can land in another topic than its event (or in 其他).
    """
    holder: dict[str, _State] = runtime.cached("event_index", dict)
    state = holder.get("state")
    bind = id(session.get_bind())
    top = session.scalar(select(func.max(Analysis.id))) or 0
    if state is None or state.bind != bind or top < state.watermark - SYNC_SLACK or len(state.index) > CAPACITY * 2:
        state = holder["state"] = _State(EventIndex(), bind, 0)
        _load(session, state, _rows(session, now=now))
    else:
        _drop_rolled_back(session, state)
        _load(session, state, _rows(session, after=state.watermark - SYNC_SLACK))
    state.watermark = max(state.watermark, top)
    return state.index


def _rows(session: Session, *, now: datetime | None = None, after: int | None = None) -> list[Any]:
    """Grouped items with their analyses: the window's newest, or those analysed after an id."""
    query = select(Item, Analysis, Event.key).join(Analysis, Analysis.item_id == Item.id).join(Event)
    if after is not None:
        query = query.where(Analysis.id > after).order_by(Analysis.id)
    else:
        assert now is not None
        # An institution's or a policy's event reaches back furthest (see analysis.event_match).
        query = query.where(Item.first_seen_at >= now - MATTER_WINDOW).order_by(Analysis.id.desc()).limit(CAPACITY)
    return list(session.execute(query).all())


def _load(session: Session, state: _State, rows: list[Any]) -> None:
    """Seed the index with rows it does not hold yet (the newest analysis of an item wins)."""
    seen: set[int] = set()
    for item, analysis, key in sorted(rows, key=lambda r: r[1].id, reverse=True):
        if item.id in seen:
            continue
        seen.add(item.id)
        state.pending.discard(str(item.id))
        if str(item.id) not in state.index.by_item:
            state.index.seed(signature_of(item, analysis), key)


def _drop_rolled_back(session: Session, state: _State) -> None:
    """Forget members added by batches whose transaction never committed."""
    if not state.pending:
        return
    refs = [int(r) for r in state.pending if r.isdigit()]
    kept = set(session.scalars(select(Item.id).where(Item.id.in_(refs), Item.event_id.is_not(None))))
    for ref in refs:
        if ref not in kept:
            state.index.forget(str(ref))
    state.pending.clear()


def attach(session: Session, index: EventIndex, item: Item, sig: Signature, now: datetime) -> tuple[Event, str | None]:
    """Join the item to its event (or start one) and update the event's channel timeline.

    An item that already has an event keeps it (a re-analysis or a retried job must not
    move it or count it twice).
    """
    sig = replace(sig, source=item.source, source_ref=item.external_id, parent_ref=item.parent_id or sig.parent_ref)
    if item.event_id is not None:
        event = session.get(Event, item.event_id)
        if event is not None:
            if sig.item_ref not in index.by_item:
                index.seed(sig, event.key)
            return event, None
    if sig.parent_ref:
        _link_old_parent(session, index, sig)
    key, reason = index.add(sig, key=f"ev-{item.id}")
    holder = runtime.cached("event_index", dict)
    if "state" in holder and holder["state"].index is index:
        holder["state"].pending.add(sig.item_ref)
    event = session.scalar(select(Event).where(Event.key == key))
    if event is None:
        event = Event(
            key=key,
            title=(item.title or item.content_text[:40]),
            topic=sig.topic,
            first_seen_at=now,
            last_seen_at=now,
            item_count=0,
            heat=0.0,
            channels={},
        )
        session.add(event)
        session.flush()
    _count(event, item, sig, now, repeat=_seen_author(session, event, item))
    item.event_id = event.id
    return event, reason


def _link_old_parent(session: Session, index: EventIndex, sig: Signature) -> None:
    """A comment on a post older than the index: find the post's event by its source id (indexed)."""
    thread = sig.thread
    if index.knows_thread(thread):
        return
    key = session.scalar(
        select(Event.key)
        .join(Item, Item.event_id == Event.id)
        .where(Item.source == sig.source, Item.external_id == sig.parent_ref)
    )
    if key is not None:
        index.link_thread(thread, key)


def _seen_author(session: Session, event: Event, item: Item) -> bool:
    """Whether the item's author already has an item in the event (one indexed look-up, and
    none for a new event or an item whose source gives no author, as hotline records often do)."""
    if not event.item_count or not (item.author_id or item.author_name):
        return False
    same = Item.author_id == item.author_id if item.author_id else Item.author_name == item.author_name
    query = select(Item.id).where(Item.event_id == event.id, Item.source == item.source, same, Item.id != item.id)
    return session.scalar(query.limit(1)) is not None


def _count(event: Event, item: Item, sig: Signature, now: datetime, *, repeat: bool = False) -> None:
    """One more item: counts, the per-channel timeline (first and last time), heat and topic."""
    event.item_count = (event.item_count or 0) + 1
    when = sig.published_at.isoformat()
    channels = dict(event.channels or {})
    entry = channels.get(item.source)
    if not isinstance(entry, dict):  # events written before the timeline held a bare count
        entry = {"count": int(entry or 0), "first": when, "last": when}
    entry = {
        "count": entry.get("count", 0) + 1,
        "first": min(entry.get("first") or when, when),
        "last": max(entry.get("last") or when, when),
    }
    channels[item.source] = entry
    event.channels = channels
    event.last_seen_at = now
    if (event.topic in (None, OTHER)) and sig.topic != OTHER:
        event.topic = sig.topic
    metrics = item.metrics or {}
    reach = sum(
        float(v)
        for k, v in metrics.items()
        if k in HEAT_METRICS and isinstance(v, int | float) and not isinstance(v, bool)
    )
    event.heat = float(event.heat or 0) + (REPEAT_WEIGHT if repeat else 1.0) + reach
