"""舆情分拣: the triage queue, most urgent first, filterable from the query string."""

from __future__ import annotations

from flask import Blueprint, render_template, request
from flask.typing import ResponseReturnValue
from flask_login import current_user

from web.db import get_session, handles
from web.labels import TRIAGE_LABELS
from web.policy import requires
from web.queries import QueueFilters, offices, parse_page, queue_page

bp = Blueprint("queue", __name__)


@bp.route("/queue")
@requires("view_queue")
def index() -> ResponseReturnValue:
    session = get_session()
    filters = QueueFilters.from_args(request.args)
    page, per_page = parse_page(request.args, default_per_page=30, max_per_page=100)
    result = queue_page(session, current_user.account, filters, page, per_page)
    return render_template(
        "queue.html",
        result=result,
        filters=filters,
        link_args={**filters.as_args(), **({"per_page": per_page} if "per_page" in request.args else {})},
        topics=handles().topic_names,
        offices=[o.name for o in offices(session)],
        statuses=TRIAGE_LABELS,
    )
