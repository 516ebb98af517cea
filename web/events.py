"""事件: items about one matter across channels, as one timeline.

A 12319 call, a 留言板 post and a Weibo post about the same building are one event
(DESIGN §4); the duty officer needs to see how it spread — which channel first, which
later, how urgent each was — to judge whether it is growing. Every item starts an event
of its own in the pipeline, so the list shows only events that actually grew (two items
or more) and were active in the last 30 days, hottest first.
"""

from __future__ import annotations

from collections import Counter
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
        channels=_channel_counts(event, timeline, scoped=scoped),
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


def _channel_counts(event: Event, timeline: list[TimelineEntry], *, scoped: bool) -> list[tuple[str, int]]:
    """Per-source counts as the pipeline kept them, most first.

    Counted from the listed items instead when the pipeline kept none, or when the user
    sees only their office's items (the full counts would describe cases they cannot open).
    """
    kept = {str(k): int(v) for k, v in (event.channels or {}).items() if isinstance(v, int | float)}
    counts = Counter(kept) if kept and not scoped else Counter(entry.item.source for entry in timeline)
    return counts.most_common()
