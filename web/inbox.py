"""处室待办: an office's assignments, overdue first, then by the nearest deadline.

Office staff see their own office only. Duty officers, managers and admins pick any
office from a list, which is how the duty desk checks who is behind. A task is overdue
while its response clock runs (待办 / 已签收 past ``due_at``); 签收 is one click here,
replying happens on the item page where the text of the complaint is.
"""

from __future__ import annotations

from flask import Blueprint, abort, render_template, request
from flask.typing import ResponseReturnValue
from flask_login import current_user
from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session, selectinload

from store.models import Analysis, Assignment, Item, Office, User
from store.types import utcnow
from web.db import get_session
from web.forms import ActionForm
from web.labels import ASSIGNMENT_LABELS
from web.policy import can, requires
from web.queries import OPEN_STATUSES, RUNNING_STATUSES, Page, latest_analysis_ids, offices, parse_page
from web.tags import Tags, latest_labels

bp = Blueprint("inbox", __name__)
STATUS_CHOICES = {"active": "未办结", "all": "全部", **ASSIGNMENT_LABELS}


@bp.route("/inbox")
@requires("view_inbox")
def index() -> ResponseReturnValue:
    session = get_session()
    user: User = current_user.account
    office = _chosen_office(session, user)
    status = request.args.get("status", "active")
    if status not in STATUS_CHOICES:
        status = "active"
    page, per_page = parse_page(request.args, default_per_page=50, max_per_page=200)
    result = _assignments(session, office, status, page, per_page) if office else None
    return render_template(
        "inbox.html",
        office=office,
        all_offices=offices(session) if can(user, "view_any_inbox") else [],
        status=status,
        statuses=STATUS_CHOICES,
        result=result,
        action_form=ActionForm(formdata=None),
        back_to=request.full_path.rstrip("?"),
        now=utcnow(),
    )


def _chosen_office(session: Session, user: User) -> Office | None:
    if not can(user, "view_any_inbox"):
        return user.office
    name = request.args.get("office", "")
    if not name:
        return user.office
    office = session.scalar(select(Office).where(Office.name == name))
    if office is None:
        abort(404)
    return office


def _assignments(
    session: Session, office: Office, status: str, page: int, per_page: int
) -> Page[tuple[Assignment, Tags]]:
    now = utcnow()
    latest = latest_analysis_ids()
    query = (
        select(Assignment, Analysis)
        .join(Item, Item.id == Assignment.item_id)
        .outerjoin(latest, latest.c.item_id == Item.id)
        .outerjoin(Analysis, Analysis.id == latest.c.analysis_id)
        .where(Assignment.office_id == office.id)
    )
    if status == "active":
        query = query.where(Assignment.status.in_(OPEN_STATUSES))
    elif status != "all":
        query = query.where(Assignment.status == status)
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    overdue = and_(Assignment.due_at < now, Assignment.status.in_(RUNNING_STATUSES))
    ordered = (
        query.order_by(case((overdue, 0), else_=1), Assignment.due_at.asc().nulls_last(), Assignment.id)
        .options(selectinload(Assignment.item))
        .limit(per_page)
        .offset((page - 1) * per_page)
    )
    pairs = session.execute(ordered).all()
    labels = latest_labels(session, (assignment.item_id for assignment, _ in pairs))
    rows = [(assignment, Tags(analysis, labels.get(assignment.item_id, {}))) for assignment, analysis in pairs]
    return Page(rows=rows, page=page, per_page=per_page, total=total)
