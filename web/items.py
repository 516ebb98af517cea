"""The item page, and the route / re-route action that hands an item to offices.

Routing itself lives in ``responder.assign.reroute`` (deadlines, audit row); the view only
collects the choice and the reason, commits, and redirects (post/redirect/get). The page
is assembled in ``web.item_page``, shared with the correction and case-work forms.
"""

from __future__ import annotations

from flask import Blueprint, flash, redirect, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user

from responder.assign import reroute
from store.types import utcnow
from web.db import get_session, handles
from web.item_page import render_item, route_form, visible_item
from web.policy import requires

bp = Blueprint("items", __name__)


@bp.route("/items/<int:item_id>")
@requires("view_item")
def show(item_id: int) -> ResponseReturnValue:
    session = get_session()
    return render_item(session, visible_item(session, item_id))


@bp.route("/items/<int:item_id>/route", methods=["POST"])
@requires("route")
def route(item_id: int) -> ResponseReturnValue:
    session = get_session()
    item = visible_item(session, item_id)
    form = route_form(session, item, bind=True)
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
    return render_item(session, item, route=form), 400
