"""Who may do what: one table, one check, used by views, templates and the API.

Defaults deny. Office staff see only what is assigned to their office, and an item of
another office answers 404 rather than 403 so its existence does not leak (ASVS 8.2.2).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from flask import Flask, abort
from flask_login import current_user, login_required
from sqlalchemy import Select, exists, false

from store.models import Assignment, Item, User

ROUTERS = frozenset({"duty", "manager", "admin"})
PERMISSIONS: dict[str, frozenset[str]] = {
    "view_queue": ROUTERS,
    "route": ROUTERS,
    "view_inbox": frozenset({"duty", "office", "manager", "admin"}),
    "view_any_inbox": ROUTERS,
    "view_dashboard": ROUTERS,
    "view_outbox": ROUTERS,
    "view_item": frozenset({"duty", "office", "manager", "admin"}),
    "use_api": frozenset({"duty", "office", "manager", "admin"}),
    "correct": ROUTERS,
    "handle_assignment": frozenset({"duty", "office", "manager", "admin"}),
    "view_events": ROUTERS,
    "view_alerts": ROUTERS,
    "sign_alert": ROUTERS,
    "raise_alert": ROUTERS,
}

F = TypeVar("F", bound=Callable[..., Any])


def can(user: User | None, action: str) -> bool:
    return user is not None and user.active and user.role in PERMISSIONS.get(action, frozenset())


def requires(action: str) -> Callable[[F], F]:
    """Log-in required, then the permission; a logged-in user without it gets 403."""

    def decorator(view: F) -> F:
        @wraps(view)
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            if not can(current_user.account, action):
                abort(403)
            return view(*args, **kwargs)

        return login_required(wrapped)  # type: ignore[return-value]

    return decorator


def scope_items(query: Select[Any], user: User) -> Select[Any]:
    """Limit an item query to what ``user`` may see: everything, or their office's items."""
    if user.role in ROUTERS:
        return query
    if user.office_id is None:
        return query.where(false())
    assigned = exists().where(Assignment.item_id == Item.id, Assignment.office_id == user.office_id)
    return query.where(assigned)


def may_view_item(user: User, item: Item) -> bool:
    if not can(user, "view_item"):
        return False
    if user.role in ROUTERS:
        return True
    return user.office_id is not None and any(a.office_id == user.office_id for a in item.assignments)


def may_handle(user: User | None, assignment: Assignment) -> bool:
    """签收 / 回复 / 办结: the assignment's own office, or the duty desk and above acting for it."""
    if user is None or not can(user, "handle_assignment"):
        return False
    return user.role in ROUTERS or (user.office_id is not None and user.office_id == assignment.office_id)


def init_app(app: Flask) -> None:
    """``can('route')`` and ``may_handle(assignment)`` in templates, for the current user."""
    app.add_template_global(lambda action: can(current_user.account, action), "can")
    app.add_template_global(lambda assignment: may_handle(current_user.account, assignment), "may_handle")
