"""预警: every alert (crisis, watch-list, spike, overdue) to read and sign for (签收).

Signing is what stops an alert climbing the ladder (``responder.alerts.renotify_unsigned``),
so the list puts unsigned alerts first and the button records who signed and when, in
the alert row and in the audit log. Two officers pressing it at once: the second is told
it is already signed, not recorded twice.
"""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user
from sqlalchemy import func, select

from store.accounts import audit
from store.models import Alert
from store.types import utcnow
from web.db import get_session
from web.forms import ActionForm
from web.policy import requires
from web.queries import Page, parse_page

bp = Blueprint("alerts", __name__)
FILTERS = {"unsigned": Alert.signed_at.is_(None), "signed": Alert.signed_at.is_not(None)}


@bp.route("/alerts")
@requires("view_alerts")
def index() -> ResponseReturnValue:
    session = get_session()
    shown = request.args.get("show", "unsigned")
    page, per_page = parse_page(request.args, default_per_page=30, max_per_page=100)
    query = select(Alert)
    if shown in FILTERS:
        query = query.where(FILTERS[shown])
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = list(
        session.scalars(
            query.order_by(Alert.signed_at.is_not(None), Alert.level.desc(), Alert.created_at.desc(), Alert.id.desc())
            .limit(per_page)
            .offset((page - 1) * per_page)
        )
    )
    unsigned = session.scalar(select(func.count()).select_from(Alert).where(FILTERS["unsigned"])) or 0
    return render_template(
        "alerts.html",
        result=Page(rows=rows, page=page, per_page=per_page, total=total),
        shown=shown,
        unsigned=unsigned,
        form=ActionForm(),
    )


@bp.route("/alerts/<int:alert_id>/sign", methods=["POST"])
@requires("sign_alert")
def sign(alert_id: int) -> ResponseReturnValue:
    session = get_session()
    form = ActionForm()
    if not form.validate_on_submit():
        abort(400)
    alert = session.scalar(select(Alert).where(Alert.id == alert_id).with_for_update())
    if alert is None:
        abort(404)
    if alert.signed_at is not None:
        flash("该预警已由他人签收", "error")
    else:
        user = current_user.account
        alert.signed_by, alert.signed_at = user.id, utcnow()
        audit(session, user, "sign_alert", "alert", alert.id, {"title": alert.title}, remote_addr=request.remote_addr)
        session.commit()
        flash(f"已签收：{alert.title}", "success")
    return redirect(url_for("alerts.index", show=request.args.get("show", "unsigned")))
