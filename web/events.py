"""事件: items about one matter across channels, as one timeline.

A 12319 call, a 留言板 post and a Weibo post about the same building are one event
(DESIGN §4); the duty officer needs to see how it spread — which channel first, which
later, how urgent each was — to judge whether it is growing. Every item starts an event
of its own in the pipeline, so the list shows only events that actually grew (two items
or more) and were active in the last 30 days, hottest first.

Grouping will sometimes split one matter in two or join two: routers merge this event into
another (合并到事件 #) or move one item out into an event of its own (移出此事件), with a
reason that goes to the audit log (``analysis.grouping.merge_events`` / ``split_item``).
A merged event's page redirects to the event it was merged into, so old links keep working.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from analysis.grouping import EventEditError, merge_events, resolve, split_item
from store.models import Analysis, Event, Item, User
from store.types import utcnow
from web.db import get_session
from web.forms import MergeEventForm, SplitItemForm
from web.policy import ROUTERS, can, requires, scope_items
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
    query = select(Event).where(Event.item_count >= MIN_ITEMS, Event.last_seen_at >= since, Event.merged_into.is_(None))
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
    if event.merged_into is not None:
        survivor = resolve(session, event)
        if survivor is None or survivor.id == event.id:
            abort(404)
        return redirect(url_for("events.show", event_id=survivor.id))
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
        **_edit_forms(user),
    )


def _edit_forms(user: User) -> dict[str, object]:
    if not can(user, "route"):
        return {"merge_form": None, "split_form": None}
    return {"merge_form": MergeEventForm(formdata=None), "split_form": SplitItemForm(formdata=None)}


@bp.route("/events/<int:event_id>/merge", methods=["POST"])
@requires("route")
def merge(event_id: int) -> ResponseReturnValue:
    """合并到事件 #: this event's items move to the target event, which survives."""
    form = MergeEventForm()

    def change(session: Session, reason: str) -> tuple[str, int]:
        kept = merge_events(
            session, int(form.target.data or 0), event_id, current_user.account, reason, remote_addr=request.remote_addr
        )
        return f"已将事件 #{event_id} 合并到事件 #{kept.id}", kept.id

    return _edit(event_id, form, change)


@bp.route("/events/<int:event_id>/items/<int:item_id>/split", methods=["POST"])
@requires("route")
def split(event_id: int, item_id: int) -> ResponseReturnValue:
    """移出此事件: the item becomes an event of its own; back to the event it left."""
    item = get_session().get(Item, item_id)
    if item is None or item.event_id != event_id:
        abort(404)

    def change(session: Session, reason: str) -> tuple[str, int]:
        new = split_item(session, item_id, current_user.account, reason, remote_addr=request.remote_addr)
        return f"已将条目移出，另立为事件 #{new.id}", event_id

    return _edit(event_id, SplitItemForm(), change)


def _edit(
    event_id: int, form: MergeEventForm | SplitItemForm, change: Callable[[Session, str], tuple[str, int]]
) -> ResponseReturnValue:
    """Validate, make the change, commit and say so; a refused change is a flash on the event page."""
    session = get_session()
    if not form.validate_on_submit():
        return _refused(form, event_id)
    try:
        message, target = change(session, form.reason.data or "")
    except EventEditError as exc:
        session.rollback()
        flash(str(exc), "error")
        return redirect(url_for("events.show", event_id=event_id))
    session.commit()
    flash(message, "success")
    return redirect(url_for("events.show", event_id=target))


def _refused(form: MergeEventForm | SplitItemForm, event_id: int) -> ResponseReturnValue:
    """A missing or stale CSRF token is a 400; a missing reason or target is said at the top."""
    if form.csrf_token.errors:
        abort(400)
    errors = [error for field in form for error in field.errors]
    flash("；".join(str(e) for e in errors) or "提交无效", "error")
    return redirect(url_for("events.show", event_id=event_id))


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
