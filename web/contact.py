"""查看联系方式: the one way a caller's sealed contact is shown, to whom and with an audit row.

The contact is opened only on a POST with a reason, by a role allowed to see personal
data (``web.item_page.may_reveal_contact``), and the page that shows it is rendered in
that response rather than redirected to, so the clear values never sit at a URL that a
browser history or a shared link could replay.
"""

from __future__ import annotations

from flask import Blueprint, abort, request
from flask.typing import ResponseReturnValue
from flask_login import current_user
from sqlalchemy import select

from store.accounts import audit
from store.contacts import ContactKeyError, Sealer
from store.models import HotlineContact
from web.db import get_session, handles
from web.item_page import RevealForm, may_reveal_contact, render_item, visible_item
from web.policy import requires

bp = Blueprint("contact", __name__)


@bp.route("/items/<int:item_id>/contact", methods=["POST"])
@requires("view_item")
def reveal(item_id: int) -> ResponseReturnValue:
    session = get_session()
    user = current_user.account
    if not may_reveal_contact(session, user):
        abort(403)
    item = visible_item(session, item_id)
    row = session.scalar(select(HotlineContact).where(HotlineContact.item_id == item.id))
    if row is None or row.sealed is None:
        abort(404)
    form = RevealForm()
    if not form.validate_on_submit():
        return render_item(session, item, reveal=form), 400
    try:
        contact = Sealer.from_settings(handles().settings).open(row.sealed)
    except ContactKeyError:
        abort(409, "联系方式无法解密：加密密钥与导入时不一致")
    audit(
        session, user, "reveal", "item", item.id, detail={"field": "来电人联系方式"},
        reason=form.reason.data.strip(), remote_addr=request.remote_addr,
    )  # fmt: skip
    session.commit()  # the audit row is written before anything is shown
    return render_item(session, item, revealed=contact)
