"""Attach analysed items to events in the database, using the pure EventIndex."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from analysis.events import WINDOW, EventGroup, EventIndex, Signature, shingles
from analysis.text import joined
from store.models import Analysis, Event, Item

RECENT_LIMIT = 2000


def recent_index(session: Session, topics: set[str], now: datetime) -> EventIndex:
    """Seed an index with recent grouped items of the given topics (one query per batch)."""
    index = EventIndex()
    if not topics:
        return index
    rows = session.execute(
        select(Item, Analysis, Event.key)
        .join(Analysis, Analysis.item_id == Item.id)
        .join(Event, Event.id == Item.event_id)
        .where(Analysis.topic.in_(topics), Item.first_seen_at >= now - WINDOW)
        .order_by(Item.id.desc(), Analysis.id.desc())
        .limit(RECENT_LIMIT)
    ).all()
    seen: set[int] = set()
    for item, analysis, key in rows:
        if item.id in seen:
            continue
        seen.add(item.id)
        ents = analysis.entities or {}
        sig = Signature(
            item_ref=str(item.id),
            topic=analysis.topic,
            published_at=item.published_at or item.first_seen_at,
            shingles=shingles(joined(item.title, item.content_text)),
            places=frozenset(ents.get("estates", [])),
            companies=frozenset(ents.get("companies", [])),
            districts=frozenset(ents.get("districts", [])),
        )
        index.groups.setdefault(key, EventGroup(key)).members.append(sig)
        index.by_item[sig.item_ref] = key
    return index


def attach(session: Session, index: EventIndex, item: Item, sig: Signature, now: datetime) -> tuple[Event, str | None]:
    """Join the item to its event (or start one) and update the event's timeline."""
    key, reason = index.add(sig, key=f"ev-{item.id}")
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
    if item.event_id != event.id:
        event.item_count += 1
        channels = dict(event.channels or {})
        channels[item.source] = channels.get(item.source, 0) + 1
        event.channels = channels
        event.last_seen_at = now
        metrics = item.metrics or {}
        event.heat = (
            float(event.heat or 0)
            + 1.0
            + sum(float(v) for k, v in metrics.items() if k in ("reposts", "comments") and isinstance(v, int | float))
        )
        item.event_id = event.id
    return event, reason
