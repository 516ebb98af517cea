"""The item page, assembled in one place for every view that shows it.

Four views render it: the page itself and the route / correct / respond POSTs, which
re-render it with their form's errors (status 400) instead of losing what the officer
typed. Each of those passes its own bound form; every other form on the page is built
fresh and unbound here, so a failed reply never shows up as a changed route.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from flask import abort, render_template
from flask_login import current_user
from flask_wtf import FlaskForm
from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session, selectinload
from wtforms import TextAreaField
from wtforms.validators import DataRequired, Length

from store.contacts import Contact
from store.models import Assignment, AuditLog, HotlineContact, Item, Office, User
from store.types import utcnow
from web.alerts import RaiseAlertForm
from web.db import handles
from web.forms import ActionForm, CorrectionForm, RespondForm, RouteForm, correction_form
from web.policy import can, may_handle, may_view_item, scope_items
from web.queries import current_analysis, display_names, offices
from web.sanitize import clean_html, safe_url
from web.tags import FIELDS, Tags, latest_labels

EVENT_SIBLINGS_SHOWN = 10
# Callers' identity is 信访处's business (DESIGN §1); admins may reveal it too. Everyone
# else sees the masked name and phone only, and no button.
CONTACT_OFFICE = "信访处"
CONTACT_ROLES = frozenset({"admin"})


class RevealForm(FlaskForm):
    """查看联系方式: the reason is required and lands in the audit log with who and when."""

    reason = TextAreaField(
        "查看理由",
        validators=[DataRequired("请填写查看理由"), Length(max=500, message="理由不能超过500字")],
    )


def may_reveal_contact(session: Session, user: User | None) -> bool:
    """Admins, and staff of 信访处 (who see only the items assigned to their office)."""
    if user is None or not user.active:
        return False
    if user.role in CONTACT_ROLES:
        return True
    if user.role != "office" or user.office_id is None:
        return False
    return session.scalar(select(Office.name).where(Office.id == user.office_id)) == CONTACT_OFFICE


@dataclass(frozen=True)
class Step:
    """One line of an assignment's timeline: 分派, 签收, a reply, 办结."""

    at: datetime
    what: str
    who: str | None = None
    text: str | None = None
    channel: str | None = None
    published_at: datetime | None = None


def visible_item(session: Session, item_id: int) -> Item:
    """The item with what the page needs, or 404 when it does not exist *or* is not the user's."""
    item = session.scalar(
        select(Item)
        .where(Item.id == item_id)
        .options(
            selectinload(Item.assignments).selectinload(Assignment.office),
            selectinload(Item.assignments).selectinload(Assignment.responses),
            selectinload(Item.event),
        )
    )
    if item is None or not may_view_item(current_user.account, item):
        abort(404)
    return item


def route_form(session: Session, item: Item, *, bind: bool) -> RouteForm:
    """The route form; unbound, it starts with the item's current lead offices ticked."""
    form = RouteForm() if bind else RouteForm(formdata=None)
    form.offices.choices = [(o.name, o.name) for o in offices(session)]
    if not bind:
        form.offices.data = [a.office.name for a in item.assignments if a.role == "主办"]
    return form


def item_tags(session: Session, item: Item) -> Tags:
    return Tags(current_analysis(session, item.id), latest_labels(session, [item.id]).get(item.id, {}))


def render_item(
    session: Session,
    item: Item,
    *,
    route: RouteForm | None = None,
    correction: CorrectionForm | None = None,
    reply: tuple[int, RespondForm] | None = None,
    reveal: RevealForm | None = None,
    revealed: Contact | None = None,
) -> str:
    user: User = current_user.account
    tags = item_tags(session, item)
    history = _history(session, item)
    response_authors = display_names(session, (r.user_id for a in item.assignments for r in a.responses))
    label_authors = display_names(session, (label.user_id for label in tags.labels.values()))
    reply_forms = {
        a.id: RespondForm(formdata=None) for a in item.assignments if a.status != "closed" and may_handle(user, a)
    }
    if reply is not None and reply[0] in reply_forms:
        reply_forms[reply[0]] = reply[1]
    if can(user, "correct") and correction is None:
        correction = correction_form(tags, handles().topic_names, bind=False)
    if can(user, "route") and route is None:
        route = route_form(session, item, bind=False)
    return render_template(
        "item.html",
        item=item,
        analysis=tags.analysis,
        tags=tags,
        fields=FIELDS,
        label_authors=label_authors,
        content_html=clean_html(item.content_html) if item.content_html else None,
        source_url=safe_url(item.url),
        history=history,
        timelines={a.id: _timeline(a, history, response_authors) for a in item.assignments},
        siblings=_event_siblings(session, item),
        contact=session.scalar(select(HotlineContact).where(HotlineContact.item_id == item.id)),
        reveal_form=(reveal or RevealForm(formdata=None)) if may_reveal_contact(session, user) else None,
        revealed=revealed,
        form=route if can(user, "route") else None,
        correction_form=correction if can(user, "correct") else None,
        reply_forms=reply_forms,
        action_form=ActionForm(formdata=None),
        alert_form=RaiseAlertForm(formdata=None) if can(user, "raise_alert") else None,
        now=utcnow(),
    )


def _history(session: Session, item: Item) -> list[tuple[AuditLog, str | None]]:
    """Audit rows about the item and its assignments, oldest first, with who did it by name."""
    about_item = and_(AuditLog.target_type == "item", AuditLog.target_id == str(item.id))
    assignment_ids = [str(a.id) for a in item.assignments]
    conditions: list[Any] = [about_item]
    if assignment_ids:
        conditions.append(and_(AuditLog.target_type == "assignment", AuditLog.target_id.in_(assignment_ids)))
    query = (
        select(AuditLog, User.display_name)
        .outerjoin(User, User.id == AuditLog.user_id)
        .where(or_(*conditions))
        .order_by(AuditLog.at, AuditLog.id)
    )
    return [(entry, name) for entry, name in session.execute(query).all()]


def _timeline(
    assignment: Assignment, history: list[tuple[AuditLog, str | None]], authors: dict[int, str]
) -> list[Step]:
    """分派, 签收, replies and 办结 in time order; who signed or closed comes from the audit rows."""
    actors: dict[str, str | None] = {}
    for entry, name in history:
        if entry.target_type == "assignment" and entry.target_id == str(assignment.id):
            actors[entry.action] = name or entry.actor  # the latest row of each action wins
    steps = [Step(assignment.created_at, "分派")]
    if assignment.acknowledged_at is not None:
        steps.append(Step(assignment.acknowledged_at, "签收", actors.get("assignment.acknowledge")))
    for response in assignment.responses:
        steps.append(
            Step(
                response.created_at, "回复", authors.get(response.user_id) if response.user_id else None,
                text=response.text, channel=response.channel, published_at=response.published_at,
            )
        )  # fmt: skip
    if assignment.status == "closed" and assignment.closed_at is not None:
        # Re-routing closes a replaced lead office without an 办结 row of its own.
        closed_by_office = "assignment.close" in actors
        what = "办结" if closed_by_office else "撤销（已重新分派）"
        steps.append(Step(assignment.closed_at, what, actors.get("assignment.close")))
    return sorted(steps, key=lambda step: step.at)


def _event_siblings(session: Session, item: Item) -> list[Item]:
    if item.event_id is None:
        return []
    query = (
        select(Item)
        .where(Item.event_id == item.event_id, Item.id != item.id)
        .order_by(Item.published_at.desc(), Item.id.desc())
        .limit(EVENT_SIBLINGS_SHOWN)
    )
    return list(session.scalars(scope_items(query, current_user.account)))
