"""The console: a Flask app factory with one blueprint per feature (flaskr, CTFd).

Nothing happens at import time. ``create_app`` receives the settings explicitly, builds
the engine and session factory once and keeps them in ``app.extensions["yuqing"]`` so
every view, the user loader and the health check share one pool.
"""

from __future__ import annotations

from pathlib import Path

from flask import Flask, redirect, url_for
from flask.typing import ResponseReturnValue
from flask_login import current_user
from flask_wtf.csrf import CSRFProtect
from sqlalchemy import Engine

from config import Settings, load_settings
from store.db import make_engine, make_session_factory
from web import db, errors, labels, policy, security
from web.alerts import bp as alerts_bp
from web.api import bp as api_bp
from web.auth import bp as auth_bp
from web.auth import init_auth
from web.casework import bp as casework_bp
from web.contact import bp as contact_bp
from web.corrections import bp as corrections_bp
from web.dashboard import bp as dashboard_bp
from web.events import bp as events_bp
from web.health import bp as health_bp
from web.inbox import bp as inbox_bp
from web.items import bp as items_bp
from web.mfa import bp as mfa_bp
from web.outbox import bp as outbox_bp
from web.queue import bp as queue_bp

csrf = CSRFProtect()


def create_app(settings: Settings | None = None, *, engine: Engine | None = None) -> Flask:
    """Build the console for ``settings`` (loaded from the environment when omitted).

    ``engine`` lets a caller that already owns an engine (the test suite, ``yuqing up``)
    share it; otherwise the app builds its own from ``settings.database_url``.
    """
    settings = settings or load_settings()
    app = Flask(__name__, static_folder="static", template_folder="templates")
    app.config.update(
        SECRET_KEY=security.secret_key(settings),
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_NAME="yuqing_session",
        WTF_CSRF_TIME_LIMIT=None,  # the token dies with the session instead
        MAX_CONTENT_LENGTH=1024 * 1024,
    )
    app.json.ensure_ascii = False  # type: ignore[attr-defined]  # Chinese stays readable
    owned = engine or make_engine(settings)
    app.extensions["yuqing"] = db.Handles(
        settings=settings,
        engine=owned,
        factory=make_session_factory(owned),
        source_names=labels.source_names(Path(settings.rules_dir)),
        topic_names=labels.topic_names(Path(settings.rules_dir)),
        timezone=settings.timezone,
    )
    app.teardown_appcontext(db.close_session)
    csrf.init_app(app)
    init_auth(app)
    security.init_app(app)
    errors.init_app(app)
    labels.init_app(app)
    policy.init_app(app)
    _register_blueprints(app)
    app.add_url_rule("/", "index", _index)
    return app


def _register_blueprints(app: Flask) -> None:
    blueprints = (
        auth_bp, mfa_bp, queue_bp, items_bp, corrections_bp, casework_bp, events_bp, inbox_bp, dashboard_bp, outbox_bp,
        alerts_bp, contact_bp, health_bp,
    )  # fmt: skip
    for blueprint in blueprints:
        app.register_blueprint(blueprint)
    # The API authenticates with a bearer token or the session and only offers GET.
    csrf.exempt(api_bp)
    app.register_blueprint(api_bp)


def _index() -> ResponseReturnValue:
    """Office staff land on their inbox; everyone else on the triage queue."""
    if current_user.is_authenticated and current_user.role == "office":
        return redirect(url_for("inbox.index"))
    return redirect(url_for("queue.index"))
