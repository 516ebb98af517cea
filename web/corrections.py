"""更正标签: an officer corrects an item's sentiment, topic, request type or urgency.

Each changed field becomes a ``Label`` row — the training data ``yuqing train`` learns
from — plus an audit row with the value before, after, the model's own value and the
officer's optional reason. The ``Analysis`` row is never edited: what the model said
stays visible next to the correction, which is what a reviewer of the model needs.
Fields left at their current value write nothing, so the labels are real disagreements
(or confirmations of an earlier correction being reverted), not form noise.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, flash, redirect, request, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user
from sqlalchemy.orm import Session

from store.accounts import audit
from store.models import Item, Label, User
from store.types import utcnow
from web.db import get_session, handles
from web.forms import CorrectionForm, correction_form
from web.item_page import item_tags, render_item, visible_item
from web.labels import DETAIL_LABELS
from web.policy import requires
from web.tags import FIELDS, Tags, parse_value

bp = Blueprint("corrections", __name__)


@bp.route("/items/<int:item_id>/corrections", methods=["POST"])
@requires("correct")
def correct(item_id: int) -> ResponseReturnValue:
    session = get_session()
    item = visible_item(session, item_id)
    tags = item_tags(session, item)
    form = correction_form(tags, handles().topic_names, bind=True)
    if not form.validate_on_submit():
        return render_item(session, item, correction=form), 400
    changed = apply_corrections(session, item, tags, form, current_user.account, request.remote_addr)
    if not changed:
        flash("标签未改变，没有保存更正。", "info")
        return redirect(url_for("items.show", item_id=item.id) + "#corrections")
    session.commit()
    flash("已更正：" + "、".join(DETAIL_LABELS[name] for name in changed), "success")
    return redirect(url_for("items.show", item_id=item.id))


def apply_corrections(
    session: Session, item: Item, tags: Tags, form: CorrectionForm, actor: User, remote_addr: str | None
) -> list[str]:
    """Write a label and an audit row per changed field; returns the changed field names."""
    now = utcnow()
    reason = (form.reason.data or "").strip() or None
    changed = []
    for name in FIELDS:
        submitted = form[name].data or ""
        if not submitted:
            continue  # "（未研判）" left as it was
        new: Any = parse_value(name, submitted)
        before = tags.value(name)
        if new == before:
            continue
        session.add(Label(item_id=item.id, field=name, value=submitted, user_id=actor.id, created_at=now))
        audit(
            session, actor, "item.correct", "item", item.id,
            detail={"field": name, "before": before, "after": new, "model": tags.model(name)},
            reason=reason, remote_addr=remote_addr,
        )  # fmt: skip
        changed.append(name)
    return changed
