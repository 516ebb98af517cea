"""The item page, and the route / re-route action that hands an item to offices.

Routing itself lives in ``responder.assign.reroute`` (deadlines, audit row); the view only
collects the choice and the reason, commits, and redirects (post/redirect/get).
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user
from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session, selectinload

from responder.assign import reroute
from store.models import Assignment, AuditLog, HotlineContact, Item, User
from store.types import utcnow
from web.db import get_session, handles
from web.forms import RouteForm
from web.policy import can, may_view_item, requires, scope_items
from web.queries import current_analysis, offices
from web.sanitize import clean_html, safe_url

bp = Blueprint("items", __name__)
EVENT_SIBLINGS_SHOWN = 10


@bp.route("/items/<int:item_id>")
@requires("view_item")
def show(item_id: int) -> ResponseReturnValue:
    session = get_session()
    item = _visible_item(session, item_id)
    form = _route_form(session)
    if not form.is_submitted():
        form.offices.data = [a.office.name for a in item.assignments if a.role == "主办"]
    return _render(session, item, form)


@bp.route("/items/<int:item_id>/route", methods=["POST"])
@requires("route")
def route(item_id: int) -> ResponseReturnValue:
    session = get_session()
    item = _visible_item(session, item_id)
    form = _route_form(session)
    if form.validate_on_submit():
        chosen = list(dict.fromkeys(form.offices.data))
        try:
            reroute(
                session, item.id, chosen, current_user.account, form.reason.data.strip(), utcnow(),
                remote_addr=request.remote_addr, responder=handles().responder,
            )  # fmt: skip
        except ValueError as exc:
            session.rollback()
            form.offices.errors = [*form.offices.errors, str(exc)]
        else:
            session.commit()
            flash("已分派至 " + "、".join(chosen), "success")
            return redirect(url_for("items.show", item_id=item.id))
    return _render(session, item, form), 400


def _visible_item(session: Session, item_id: int) -> Item:
    item = session.scalar(
        select(Item)
        .where(Item.id == item_id)
        .options(selectinload(Item.assignments).selectinload(Assignment.office), selectinload(Item.event))
    )
    if item is None or not may_view_item(current_user.account, item):
        abort(404)
    return item


def _route_form(session: Session) -> RouteForm:
    form = RouteForm()
    form.offices.choices = [(o.name, o.name) for o in offices(session)]
    return form


def _render(session: Session, item: Item, form: RouteForm) -> str:
    return render_template(
        "item.html",
        item=item,
        analysis=current_analysis(session, item.id),
        content_html=clean_html(item.content_html) if item.content_html else None,
        source_url=safe_url(item.url),
        history=_history(session, item),
        siblings=_event_siblings(session, item),
        contact=session.scalar(select(HotlineContact).where(HotlineContact.item_id == item.id)),
        form=form if can(current_user.account, "route") else None,
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
