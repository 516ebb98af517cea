"""Attach analysed items to events in the database, through one incremental EventIndex.

Each worker process keeps an ``EventIndex`` of the recently grouped items and, once per
batch, brings it up to date with the analyses any worker has written since (one query on
the analysis id). Matching an item is then a few look-ups in the index's postings: no
query and no scan per item, whatever the size of the window. Members recorded by a batch
that was rolled back are dropped at the next sync; past ``CAPACITY`` the index is rebuilt
from the newest items of the window.

Grouping will sometimes split one matter in two or join two. A duty officer then merges
events (``merge_events``: the other event's items move to the kept one, which is
recounted, and the other stays as a stub whose ``merged_into`` leads to it) or moves one
item out into an event of its own (``split_item``). Both write an audit row, and that row
is also the override every worker's index applies at its next sync: a merged event's
members are relabelled to the survivor, a split item's signature is recorded under its new
event. So the index never re-joins a split item to its old event: new items close to it
join the new event, items close to the rest join the old one, as the officer decided.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from analysis.events import MATTER_WINDOW, OTHER, EventIndex, Signature, signature_for
from analysis.text import joined
from store import runtime
from store.accounts import audit
from store.models import Alert, Analysis, AuditLog, Event, Item, User
from store.types import utcnow

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
    edits: int = 0  # the last audit row read for merges and splits


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
        author=item.author_id,
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
        state.edits = session.scalar(select(func.max(AuditLog.id))) or 0  # the rows below already show them
        _load(session, state, _rows(session, now=now))
    else:
        _drop_rolled_back(session, state)
        _load(session, state, _rows(session, after=state.watermark - SYNC_SLACK, unknown_to=state.index))
        _apply_edits(session, state)
    state.watermark = max(state.watermark, top)
    return state.index


def _rows(
    session: Session, *, now: datetime | None = None, after: int | None = None, unknown_to: EventIndex | None = None
) -> list[Any]:
    """Grouped items with their analyses: the window's newest, or those analysed after an id.

    With ``unknown_to``, only items that index does not hold yet are loaded whole: the
    re-read slack below the watermark is mostly items the index already has.
    """
    query = select(Item, Analysis, Event.key).join(Analysis, Analysis.item_id == Item.id).join(Event)
    if after is not None:
        if unknown_to is not None:
            ids = session.scalars(
                select(Analysis.item_id)
                .join(Item, Analysis.item_id == Item.id)
                .where(Analysis.id > after, Item.event_id.is_not(None))
            )
            missing = {i for i in ids if str(i) not in unknown_to.by_item}
            if not missing:
                return []
            query = query.where(Item.id.in_(missing))
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


def attach(
    session: Session,
    index: EventIndex,
    item: Item,
    sig: Signature,
    now: datetime,
    events: dict[str, Event | None] | None = None,
) -> tuple[Event, str | None]:
    """Join the item to its event (or start one) and update the event's channel timeline.

    An item that already has an event keeps it (a re-analysis or a retried job must not
    move it or count it twice). ``events`` holds the events this batch has touched, by key:
    most items of a batch join an event another item just joined, and looking it up again
    would cost a query and a flush each time.
    """
    return _settle(session, _place(session, index, item, sig), now, {} if events is None else events)


def attach_many(
    session: Session, index: EventIndex, items: list[Item], sigs: list[Signature], now: datetime
) -> list[tuple[Event, str | None]]:
    """``attach`` for a batch, in the same order and with the same outcome, but the events the
    items join are read in one query: the index places every item first (it needs no
    database), then each item is settled into its event."""
    placed = [_place(session, index, item, sig) for item, sig in zip(items, sigs, strict=True)]
    keys = {p.key for p in placed if p.event is None}
    events: dict[str, Event | None] = dict.fromkeys(keys)  # None: no such event yet
    if keys:
        # Every event is flushed when it is made, so the read needs no flush of the batch's
        # pending changes first.
        with session.no_autoflush:
            events.update((e.key, e) for e in session.scalars(select(Event).where(Event.key.in_(keys))))
    # The events the batch starts are made together and flushed once (each needs its id
    # before its items can point to it), not one flush per event.
    starters: dict[str, _Placement] = {}
    for p in placed:
        if p.event is None and events.get(p.key) is None:
            starters.setdefault(p.key, p)
    if starters:
        made = [_empty_event(key, p.item, p.sig.topic, now) for key, p in starters.items()]
        session.add_all(made)
        session.flush()
        events.update((e.key, e) for e in made)
    return [_settle(session, p, now, events) for p in placed]


@dataclass
class _Placement:
    """Where the index put an item: its event's key (or its stored event) and what it tied."""

    item: Item
    sig: Signature
    key: str = ""
    reason: str | None = None
    ties: tuple[str, ...] = ()
    event: Event | None = None  # the event the item already had


def _place(session: Session, index: EventIndex, item: Item, sig: Signature) -> _Placement:
    sig = replace(sig, source=item.source, source_ref=item.external_id, parent_ref=item.parent_id or sig.parent_ref)
    if item.event_id is not None:
        event = session.get(Event, item.event_id)
        if event is not None:
            if sig.item_ref not in index.by_item:
                index.seed(sig, event.key)
            return _Placement(item, sig, event.key, event=event)
    if sig.parent_ref:
        _link_old_parent(session, index, sig)
    key, reason = index.add(sig, key=f"ev-{item.id}")
    holder = runtime.cached("event_index", dict)
    if "state" in holder and holder["state"].index is index:
        holder["state"].pending.add(sig.item_ref)
    return _Placement(item, sig, key, reason, tuple(index.merged))


def _settle(
    session: Session, placed: _Placement, now: datetime, events: dict[str, Event | None]
) -> tuple[Event, str | None]:
    """Put a placed item into its event (made now if new), merge what it tied, count it."""
    if placed.event is not None:
        return placed.event, None
    item, sig, key = placed.item, placed.sig, placed.key
    if key in events:
        found = events[key]
    else:
        with session.no_autoflush:
            found = session.scalar(select(Event).where(Event.key == key))
    event = _survivor(session, found)
    if event is None:
        event = _new_event(session, key, item, sig.topic, now)
    events[key] = event
    for other_key in placed.ties:
        _absorb(session, event, other_key)
    _count(event, item, sig, now, repeat=_seen_author(session, event, item))
    item.event_id = event.id
    return event, placed.reason


def _absorb(session: Session, event: Event, other_key: str) -> None:
    """The item ties another event to ``event`` (``EventIndex`` merged them): merge it as an
    officer would, with an audit row by "system", which every worker's index applies at its
    next sync. An event already merged, or merged into this one, is left alone."""
    other = _survivor(session, session.scalar(select(Event).where(Event.key == other_key)))
    if other is None or other.id == event.id:
        return
    merge_events(session, event.id, other.id, None, AUTO_MERGE_REASON)


def _empty_event(key: str, item: Item, topic: str | None, now: datetime) -> Event:
    """An event started by ``item``, empty until it is counted."""
    return Event(
        key=key,
        title=(item.title or item.content_text[:40]),
        topic=topic,
        first_seen_at=now,
        last_seen_at=now,
        item_count=0,
        heat=0.0,
        channels={},
    )


def _new_event(session: Session, key: str, item: Item, topic: str | None, now: datetime) -> Event:
    event = _empty_event(key, item, topic, now)
    session.add(event)
    session.flush()
    return event


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


# ---------------------------------------------------------------- merge and split by hand
MERGE_ACTION = "event.merge"
AUTO_MERGE_REASON = "新条目与两个事件指向同一地点，自动合并"
SPLIT_ACTION = "event.split"


class EventEditError(ValueError):
    """A merge or split that cannot be done; the message is shown to the officer as is."""


def merge_events(
    session: Session, keep_id: int, other_id: int, user: User | None, reason: str, *, remote_addr: str | None = None
) -> Event:
    """Move every item of event ``other_id`` into ``keep_id`` and recount the kept event.

    The other event stays as a stub (``merged_into``) so its links lead to the survivor.
    Alerts follow their items: one raised for the other event now belongs to the survivor
    and keeps it from alerting again (``responder.alerts`` dedups on the item's event).
    """
    reason = _reason(reason)
    keep, other = _live(session, keep_id), _live(session, other_id)
    if keep.id == other.id:
        raise EventEditError("不能把事件合并到它自己")
    moved = session.execute(update(Item).where(Item.event_id == other.id).values(event_id=keep.id)).rowcount
    _move_alerts(session, other, keep)
    if keep.topic in (None, OTHER) and other.topic not in (None, OTHER):
        keep.topic = other.topic
    other.merged_into = keep.id
    other.item_count, other.heat, other.channels = 0, 0.0, {}
    session.flush()
    recount(session, keep)
    detail = {"from": other.id, "into": keep.id, "from_key": other.key, "into_key": keep.key, "items": moved}
    audit(session, user, MERGE_ACTION, "event", keep.id, detail, reason=reason, remote_addr=remote_addr)
    return keep


def split_item(
    session: Session, item_id: int, user: User | None, reason: str, *, remote_addr: str | None = None
) -> Event:
    """Move one item out of its event into a new event of its own; both events are recounted."""
    reason = _reason(reason)
    item = session.get(Item, item_id)
    if item is None or item.event_id is None:
        raise EventEditError("该条目不属于任何事件")
    old = _live(session, item.event_id)
    if (session.scalar(select(func.count()).where(Item.event_id == old.id)) or 0) < 2:
        raise EventEditError("事件只有这一条，无需移出")
    key, number = f"split-{item.id}", 1
    while session.scalar(select(Event.id).where(Event.key == key)) is not None:
        number += 1
        key = f"split-{item.id}-{number}"
    topic = session.scalar(
        select(Analysis.topic).where(Analysis.item_id == item.id).order_by(Analysis.id.desc()).limit(1)
    )
    new = _new_event(session, key, item, topic or old.topic, item.first_seen_at or utcnow())
    item.event_id = new.id
    session.flush()
    recount(session, old)
    recount(session, new)
    detail = {"item": item.id, "from": old.id, "into": new.id, "from_key": old.key, "into_key": new.key}
    audit(session, user, SPLIT_ACTION, "event", old.id, detail, reason=reason, remote_addr=remote_addr)
    return new


def recount(session: Session, event: Event) -> None:
    """Counts, channel timeline, heat and first/last seen from the event's items, as ``_count``
    would have built them had the items arrived in this event (in order of publication)."""
    items = list(session.scalars(select(Item).where(Item.event_id == event.id).order_by(Item.id)))
    items.sort(key=lambda i: (_when(i), i.id))
    event.item_count, event.heat, event.channels = 0, 0.0, {}
    authors: set[tuple[str, str, str]] = set()
    for item in items:
        author = ("id", item.author_id) if item.author_id else ("name", item.author_name or "")
        repeat = bool(author[1]) and (item.source, *author) in authors
        authors.add((item.source, *author))
        sig = Signature(str(item.id), event.topic or OTHER, _when(item), frozenset(), frozenset(), frozenset())
        _count(event, item, sig, event.last_seen_at, repeat=repeat)
    if items:
        seen = [i.first_seen_at for i in items if i.first_seen_at is not None]
        if seen:
            event.first_seen_at, event.last_seen_at = min(seen), max(seen)


def resolve(session: Session, event: Event | None) -> Event | None:
    """The event a (possibly merged) event's links lead to."""
    return _survivor(session, event)


def _when(item: Item) -> datetime:
    return item.published_at or item.first_seen_at or utcnow()


def _reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise EventEditError("请填写理由")
    return reason


def _live(session: Session, event_id: int) -> Event:
    event = session.get(Event, event_id)
    if event is None:
        raise EventEditError(f"事件 #{event_id} 不存在")
    if event.merged_into is not None:
        raise EventEditError(f"事件 #{event_id} 已合并到事件 #{event.merged_into}")
    return event


def _survivor(session: Session, event: Event | None) -> Event | None:
    seen: set[int] = set()
    while event is not None and event.merged_into is not None and event.id not in seen:
        seen.add(event.id)
        event = session.get(Event, event.merged_into)
    return event


def _move_alerts(session: Session, other: Event, keep: Event) -> None:
    """Alerts of the other event now belong to the survivor; a per-event dedup key the survivor
    does not hold yet is renamed to its own, so the survivor does not raise that alert again."""
    for alert in session.scalars(select(Alert).where(Alert.event_id == other.id)):
        alert.event_id = keep.id
        suffix = f"event:{other.id}"
        if alert.dedup_key.endswith(suffix):
            renamed = alert.dedup_key[: -len(suffix)] + f"event:{keep.id}"
            if session.scalar(select(Alert.id).where(Alert.dedup_key == renamed)) is None:
                alert.dedup_key = renamed


def _apply_edits(session: Session, state: _State) -> None:
    """Apply the merges and splits officers made since the last sync (in any process)."""
    top = session.scalar(select(func.max(AuditLog.id))) or 0
    rows = session.execute(
        select(AuditLog.action, AuditLog.detail)
        .where(AuditLog.id > state.edits - SYNC_SLACK, AuditLog.action.in_((MERGE_ACTION, SPLIT_ACTION)))
        .order_by(AuditLog.id)
    ).all()  # re-read below the mark as analyses are (commits land out of order); applying twice is harmless
    state.edits = max(state.edits, top)
    for row in rows:
        detail = row.detail or {}
        if row.action == MERGE_ACTION and detail.get("from_key") and detail.get("into_key"):
            state.index.relabel(str(detail["from_key"]), str(detail["into_key"]))
        elif row.action == SPLIT_ACTION and detail.get("item") and detail.get("into_key"):
            state.index.reassign(str(detail["item"]), str(detail["into_key"]))
