"""JSON API under ``/api/v1``: the triage queue for scripts and other systems.

A caller authenticates with the console's session cookie or a personal access token
(``Authorization: Bearer yq_…``, see ``yuqing users``). Only GET is offered, so the
blueprint is exempt from CSRF; everything else answers 401 in JSON, never a redirect.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, jsonify, request
from flask.typing import ResponseReturnValue
from flask_login import current_user

from analysis.text import mask_numbers
from store.accounts import user_for_token
from store.models import User
from web.db import get_session, handles
from web.openapi import openapi_document
from web.policy import can
from web.queries import QueueFilters, QueueRow, parse_page, queue_page
from web.tags import FIELDS

bp = Blueprint("api", __name__, url_prefix="/api/v1")
MAX_TOKEN_LENGTH = 200


def api_user() -> User | None:
    """The session's user, else the bearer token's; None when neither is valid."""
    if current_user.is_authenticated:
        return current_user.account
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token or len(token) > MAX_TOKEN_LENGTH:
        return None
    session = get_session()
    user = user_for_token(session, token)
    if user is not None:
        session.commit()  # keeps last_used_at, which tells admins which tokens are alive
    return user


def _unauthorized() -> ResponseReturnValue:
    message = "需要登录或提供有效的访问令牌（Authorization: Bearer …）"
    body = {"error": "unauthorized", "message": message, "status": 401}
    return jsonify(body), 401, {"WWW-Authenticate": 'Bearer realm="yuqing"'}


@bp.route("/items")
def items() -> ResponseReturnValue:
    user = api_user()
    if user is None:
        return _unauthorized()
    if not can(user, "use_api"):
        return jsonify({"error": "forbidden", "message": "无权访问", "status": 403}), 403
    filters = QueueFilters.from_args(request.args)
    page, per_page = parse_page(request.args, default_per_page=50, max_per_page=200)
    result = queue_page(get_session(), user, filters, page, per_page)
    return jsonify(
        {
            "items": [item_json(row) for row in result.rows],
            "page": result.page,
            "per_page": result.per_page,
            "total": result.total,
            "pages": result.pages,
        }
    )


@bp.route("/openapi.json")
def openapi() -> ResponseReturnValue:
    return jsonify(openapi_document(server_url=request.url_root.rstrip("/") + (bp.url_prefix or "")))


def item_json(row: QueueRow) -> dict[str, Any]:
    """One queue row. Tag fields carry what the console shows — an officer's correction
    wins over the model — and ``corrected`` / ``model`` say which ones a person set and
    what the model had said, so a consumer can tell the two apart."""
    item, analysis, tags = row.item, row.analysis, row.tags
    sentiment = tags.sentiment
    return {
        "id": item.id,
        "source": item.source,
        "source_name": handles().source_names.get(item.source, item.source),
        "external_id": item.external_id,
        "kind": item.kind,
        "title": mask_numbers(item.title) if item.title else item.title,
        "url": item.url,
        "published_at": item.published_at.isoformat() if item.published_at else None,
        "first_seen_at": item.first_seen_at.isoformat() if item.first_seen_at else None,
        "triage_status": item.triage_status,
        "sentiment": (
            {"score": analysis.sentiment_score if analysis else None, "label": sentiment} if sentiment else None
        ),
        "topic": tags.topic,
        "tags": list(analysis.topic_tags) if analysis else [],
        "request_type": tags.request_type,
        "urgency": tags.urgency,
        "urgency_reasons": list(analysis.urgency_reasons) if analysis else [],
        "corrected": tags.corrected,
        "model": (
            {
                "version": analysis.model_version,
                **{name: tags.model(name) for name in FIELDS},
            }
            if analysis
            else None
        ),
        "event_id": item.event_id,
        "offices": [
            {
                "name": a.office.name,
                "role": a.role,
                "due_at": a.due_at.isoformat() if a.due_at else None,
                "status": a.status,
            }
            for a in item.assignments
        ],
    }
