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
from flask_wtf import FlaskForm
from sqlalchemy import func, select
from wtforms import SelectField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length

from analysis.text import mask_numbers
from store.accounts import audit
from store.models import Alert, Item
from store.types import utcnow
from web.db import get_session
from web.forms import ActionForm
from web.policy import may_view_item, requires
from web.queries import Page, parse_page

bp = Blueprint("alerts", __name__)
MANUAL_LEVELS = {"3": "紧急", "4": "特急"}


class RaiseAlertForm(FlaskForm):
    """人工预警: a duty officer's judgement that something must reach the managers now."""

    level = SelectField("预警级别", choices=[SelectChoice(k, v) for k, v in MANUAL_LEVELS.items()], default="3")
    reason = TextAreaField(
        "预警理由", validators=[DataRequired("请填写预警理由"), Length(max=500, message="理由不超过500字")]
    )


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


@bp.route("/items/<int:item_id>/alert", methods=["POST"])
@requires("raise_alert")
def raise_manual(item_id: int) -> ResponseReturnValue:
    """Raise an alert by hand; it goes out on the scheduler's next tick like every other alert."""
    session = get_session()
    item = session.get(Item, item_id)
    user = current_user.account
    if item is None or not may_view_item(user, item):
        abort(404)
    form = RaiseAlertForm()
    if not form.validate_on_submit():
        errors = [e for field in form.errors.values() for e in field] or ["表单已过期，请重试"]
        flash("人工预警未发出：" + "；".join(errors), "error")
        return redirect(url_for("items.show", item_id=item_id) + "#raise-alert")
    now = utcnow()
    alert = Alert(
        kind="manual",
        level=int(form.level.data),
        title=f"【人工预警】{mask_numbers(item.title or item.content_text[:40])}",
        detail={"reasons": [f"{user.display_name}：{form.reason.data.strip()}"], "raised_by": user.username},
        dedup_key=f"manual:item:{item.id}:{now:%Y%m%d%H%M%S%f}",
        item_id=item.id,
        event_id=item.event_id,
        created_at=now,
    )
    session.add(alert)
    session.flush()
    audit(session, user, "raise_alert", "item", item.id, {"alert": alert.id, "level": alert.level},
          reason=form.reason.data.strip(), remote_addr=request.remote_addr)  # fmt: skip
    session.commit()
    flash(f"已发出人工预警（{MANUAL_LEVELS[form.level.data]}）", "success")
    return redirect(url_for("items.show", item_id=item_id))
