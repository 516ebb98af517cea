"""事件: items about one matter across channels, as one timeline.

A 12319 call, a 留言板 post and a Weibo post about the same building are one event
(DESIGN §4); the duty officer needs to see how it spread — which channel first, which
later, how urgent each was — to judge whether it is growing. Every item starts an event
of its own in the pipeline, so the list shows only events that actually grew (two items
or more) and were active in the last 30 days, hottest first.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from flask import Blueprint, abort, render_template, request
from flask.typing import ResponseReturnValue
from flask_login import current_user
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from store.models import Analysis, Event, Item, User
from store.types import utcnow
from web.db import get_session
from web.policy import ROUTERS, requires, scope_items
from web.queries import Page, latest_analysis_ids, parse_page
from web.tags import Tags, latest_labels

bp = Blueprint("events", __name__)
RECENT_DAYS = 30
MIN_ITEMS = 2
TIMELINE_LIMIT = 500  # an event with more items shows the earliest ones and says so


@dataclass(frozen=True)
class TimelineEntry:
    item: Item
    tags: Tags


@bp.route("/events")
@requires("view_events")
def index() -> ResponseReturnValue:
    session = get_session()
    since = utcnow() - timedelta(days=RECENT_DAYS)
    page, per_page = parse_page(request.args, default_per_page=30, max_per_page=100)
    query = select(Event).where(Event.item_count >= MIN_ITEMS, Event.last_seen_at >= since)
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = list(
        session.scalars(
            query.order_by(Event.heat.desc(), Event.last_seen_at.desc(), Event.id.desc())
            .limit(per_page)
            .offset((page - 1) * per_page)
        )
    )
    result = Page(rows=rows, page=page, per_page=per_page, total=total)
    return render_template("events.html", result=result, days=RECENT_DAYS, min_items=MIN_ITEMS)


@bp.app_template_global("event_channels")
def event_channels(event: Event) -> list[ChannelSpan]:
    """The list page's channel chips: the spans the pipeline kept, in order of first appearance."""
    return channel_spans(event, [], scoped=False)


@bp.route("/events/<int:event_id>")
@requires("view_item")
def show(event_id: int) -> ResponseReturnValue:
    """Open to office staff too, scoped to their items; an event with none of them is a 404."""
    session = get_session()
    user: User = current_user.account
    event = session.get(Event, event_id)
    if event is None:
        abort(404)
    scoped = user.role not in ROUTERS
    timeline, visible = _timeline(session, event, user)
    if not timeline and scoped:
        abort(404)
    return render_template(
        "event.html",
        event=event,
        timeline=timeline,
        visible=visible,
        channels=channel_spans(event, timeline, scoped=scoped),
        scoped=scoped,
        limit=TIMELINE_LIMIT,
    )


def _timeline(session: Session, event: Event, user: User) -> tuple[list[TimelineEntry], int]:
    """The event's items the user may see, oldest first, and how many that is in all."""
    latest = latest_analysis_ids()
    when = func.coalesce(Item.published_at, Item.first_seen_at)
    query = scope_items(
        select(Item, Analysis)
        .outerjoin(latest, latest.c.item_id == Item.id)
        .outerjoin(Analysis, Analysis.id == latest.c.analysis_id)
        .where(Item.event_id == event.id),
        user,
    )
    visible = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    pairs = session.execute(query.order_by(when.asc(), Item.id.asc()).limit(TIMELINE_LIMIT)).all()
    labels = latest_labels(session, (item.id for item, _ in pairs))
    return [TimelineEntry(item, Tags(analysis, labels.get(item.id, {}))) for item, analysis in pairs], visible


@dataclass(frozen=True)
class ChannelSpan:
    """One channel's part in the event: how many items, first and last seen (ISO strings or None)."""

    source: str
    count: int
    first: str | None
    last: str | None


def channel_spans(event: Event, timeline: list[TimelineEntry], *, scoped: bool) -> list[ChannelSpan]:
    """The channel timeline, in the order the channels took the matter up.

    The pipeline keeps it on the event (``{source: {count, first, last}}``; events from
    before that kept a bare count). It is rebuilt from the listed items when the pipeline
    kept none, or when the user sees only their office's items (the full figures would
    describe cases they cannot open).
    """
    spans = [] if scoped else [_span(str(k), v) for k, v in (event.channels or {}).items()]
    if not spans:
        by_source: dict[str, list[str]] = {}
        for entry in timeline:
            when = entry.item.published_at or entry.item.first_seen_at
            by_source.setdefault(entry.item.source, []).append(when.isoformat() if when else "")
        spans = [
            ChannelSpan(src, len(times), min(times) or None, max(times) or None) for src, times in by_source.items()
        ]
    return sorted(spans, key=lambda s: (s.first is None, s.first or "", -s.count))


def _span(source: str, kept: object) -> ChannelSpan:
    if isinstance(kept, dict):
        return ChannelSpan(source, int(kept.get("count") or 0), kept.get("first"), kept.get("last"))
    return ChannelSpan(source, int(kept) if isinstance(kept, int | float) else 0, None, None)
