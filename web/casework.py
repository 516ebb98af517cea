"""处室办理: 签收, 登记回复 and 办结 on one assignment, from the inbox or the item page.

Only the assignment's own office acts on it, or the duty desk and above acting for an
office (``policy.may_handle``). Someone who may see the item but not act on this office's
task gets 403; someone who may not even see the item gets 404, as on the item page, so
an assignment id does not reveal another office's case. The rules of the state machine
live in ``web.workflow``; these views collect input, commit and redirect back.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from flask import Blueprint, abort, flash, redirect, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from store.models import Assignment, Item
from store.types import utcnow
from web.auth import safe_next
from web.db import get_session, handles
from web.forms import ActionForm, RespondForm
from web.item_page import render_item, visible_item
from web.labels import RESPONSE_CHANNELS
from web.policy import may_handle, may_view_item, requires
from web.workflow import TransitionError, acknowledge, close, respond

bp = Blueprint("casework", __name__)


@bp.route("/assignments/<int:assignment_id>/acknowledge", methods=["POST"])
@requires("handle_assignment")
def acknowledge_view(assignment_id: int) -> ResponseReturnValue:
    return _step(assignment_id, acknowledge, "已签收")


@bp.route("/assignments/<int:assignment_id>/close", methods=["POST"])
@requires("handle_assignment")
def close_view(assignment_id: int) -> ResponseReturnValue:
    return _step(assignment_id, close, "已办结")


@bp.route("/assignments/<int:assignment_id>/respond", methods=["POST"])
@requires("handle_assignment")
def respond_view(assignment_id: int) -> ResponseReturnValue:
    session = get_session()
    assignment = _actionable(session, assignment_id)
    form = RespondForm()
    if form.validate_on_submit():
        try:
            respond(
                session, assignment, current_user.account, form.text.data or "", form.channel.data, utcnow(),
                published_at=_to_utc(form.published_at.data), remote_addr=request.remote_addr,
            )  # fmt: skip
        except TransitionError as exc:
            session.rollback()
            if assignment.status == "closed":  # no reply form is shown for it: say so at the top
                flash(str(exc), "error")
                return _back(form.next.data, assignment)
            form.text.errors = [*form.text.errors, str(exc)]
        else:
            session.commit()
            flash(f"已登记{assignment.office.name}的回复（{RESPONSE_CHANNELS[form.channel.data]}）", "success")
            return _back(form.next.data, assignment)
    item = visible_item(session, assignment.item_id)
    return render_item(session, item, reply=(assignment.id, form)), 400


def _step(assignment_id: int, transition: Callable[..., None], done: str) -> ResponseReturnValue:
    """签收 or 办结: no input but the button, so a refused step is a flash, not a form error."""
    session = get_session()
    assignment = _actionable(session, assignment_id)
    form = ActionForm()
    if not form.validate_on_submit():
        abort(400)
    office = assignment.office.name
    try:
        transition(session, assignment, current_user.account, utcnow(), remote_addr=request.remote_addr)
    except TransitionError as exc:
        session.rollback()
        flash(str(exc), "error")
        return _back(form.next.data, assignment)
    session.commit()
    flash(f"{office}：{done}", "success")
    return _back(form.next.data, assignment)


def _actionable(session: Session, assignment_id: int) -> Assignment:
    """The assignment if the user may act on it: 404 if they may not see its item, else 403."""
    assignment = session.scalar(
        select(Assignment)
        .where(Assignment.id == assignment_id)
        .with_for_update()  # two officers pressing 签收 at once: the second sees "已签收" (PostgreSQL)
        .options(
            selectinload(Assignment.office),
            selectinload(Assignment.responses),
            selectinload(Assignment.item).selectinload(Item.assignments),
        )
    )
    user = current_user.account
    if assignment is None or not may_view_item(user, assignment.item):
        abort(404)
    if not may_handle(user, assignment):
        abort(403)
    return assignment


def _back(target: str | None, assignment: Assignment) -> ResponseReturnValue:
    """Back where the button was (the inbox or the item page), never off-site."""
    fallback = url_for("items.show", item_id=assignment.item_id) + f"#assignment-{assignment.id}"
    return redirect(safe_next(target) or fallback)


def _to_utc(value: datetime | None) -> datetime | None:
    """A ``datetime-local`` value is wall-clock time in the commission's time zone."""
    if value is None:
        return None
    return value.replace(tzinfo=handles().tz).astimezone(UTC)
