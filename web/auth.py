"""Log in and out, and the user loader that makes logout final.

Flask's cookie session survives logout (flask-login#480), so the session stores the
user's ``session_version`` and the loader refuses a cookie whose version is stale:
logout bumps the version and every cookie issued before it dies, copies included. Login
clears the session first (no fixation; the CSRF token rotates with it).
"""

from __future__ import annotations

import time
from functools import cache
from typing import Any
from urllib.parse import urlsplit

from flask import (
    Blueprint,
    Flask,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask.typing import ResponseReturnValue
from flask_login import (
    LoginManager,
    current_user,
    login_required,
    login_user,
    logout_user,
)
from sqlalchemy import select

from store.accounts import audit, hash_password, needs_rehash, verify_password
from store.models import User
from store.types import utcnow
from web import login_throttle
from web.db import get_session, handles
from web.forms import LoginForm, LogoutForm

bp = Blueprint("auth", __name__)
login_manager = LoginManager()

IDLE_TIMEOUT = 30 * 60  # seconds without a request (reference §1.3 proposal)
ABSOLUTE_TIMEOUT = 10 * 3600  # seconds since login, whatever the activity
SEEN_RESOLUTION = 60  # refresh the idle clock at most once a minute (fewer cookie writes)
LOGIN_FAILED = "用户名或密码错误"
LOGIN_THROTTLED = "登录失败次数过多，请稍后再试"


class ConsoleUser:
    """The Flask-Login view of a ``User`` row; ``account`` is the row itself."""

    is_authenticated = True
    is_anonymous = False

    def __init__(self, account: User) -> None:
        self.account = account

    @property
    def is_active(self) -> bool:
        return self.account.active

    def get_id(self) -> str:
        return str(self.account.id)

    @property
    def role(self) -> str:
        return self.account.role

    @property
    def display_name(self) -> str:
        return self.account.display_name


class AnonymousUser:
    is_authenticated = False
    is_active = False
    is_anonymous = True
    account = None
    role = ""
    display_name = ""

    def get_id(self) -> None:
        return None


def init_auth(app: Flask) -> None:
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = "请先登录。"
    login_manager.login_message_category = "info"
    login_manager.anonymous_user = AnonymousUser
    login_manager.user_loader(_load_user)
    app.before_request(_touch_session)


def _load_user(user_id: str) -> ConsoleUser | None:
    """Accept the cookie only if its session version and timestamps are still good."""
    try:
        account = get_session().get(User, int(user_id))
    except ValueError:
        return None
    if account is None or not account.active:
        return None
    if session.get("sv") != account.session_version:
        return None
    now = time.time()
    if now - float(session.get("login_at", 0)) > ABSOLUTE_TIMEOUT:
        return None
    if now - float(session.get("seen_at", 0)) > IDLE_TIMEOUT:
        return None
    return ConsoleUser(account)


def _touch_session() -> None:
    if request.endpoint == "static" or "sv" not in session:
        return
    now = time.time()
    if now - float(session.get("seen_at", 0)) > SEEN_RESOLUTION and current_user.is_authenticated:
        session["seen_at"] = now


@cache
def _dummy_user() -> User:
    """Verified against when the user does not exist, so both failures take the same time."""
    return User(password_hash=hash_password("timing-equaliser-not-a-password"))


def safe_next(target: str | None) -> str | None:
    """Only same-site paths: ``//evil``, ``/\\evil`` and absolute URLs are dropped (ASVS 3.7.2)."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return None
    return target


@bp.route("/login", methods=["GET", "POST"])
def login() -> ResponseReturnValue:
    if current_user.is_authenticated:
        return redirect(url_for("index"))
    form = LoginForm()
    error = None
    if form.validate_on_submit():
        db = get_session()
        username = form.username.data.strip()
        verdict = login_throttle.check(db, username, request.remote_addr, utcnow())
        if not verdict.allowed:
            audit(db, None, "login_throttled", "user", username[:64], remote_addr=request.remote_addr)
            db.commit()
            page = render_template("login.html", form=form, error=LOGIN_THROTTLED, next=request.args.get("next", ""))
            return page, 429, {"Retry-After": str(verdict.retry_after)}
        account = db.scalar(select(User).where(User.username == username))
        password_ok = verify_password(account or _dummy_user(), form.password.data)
        if account is not None and account.active and password_ok:
            if needs_rehash(account):
                account.password_hash = hash_password(form.password.data)
            target = safe_next(request.args.get("next"))
            if handles().settings.web.mfa == "required":
                return begin_second_factor(account, target)
            return complete_login(account, target)
        audit(db, None, "login_failed", "user", username[:64], remote_addr=request.remote_addr)
        db.commit()
        error = LOGIN_FAILED
    elif request.method == "POST":
        error = "请输入用户名和密码"
    status = 401 if error else 200
    return render_template("login.html", form=form, error=error, next=request.args.get("next", "")), status


def begin_second_factor(account: User, target: str | None) -> ResponseReturnValue:
    """Password accepted: the session now holds only "who, since when, going where" until the code.

    Nothing else is reachable in this state: the user is not logged in, so every page but
    the code form sends them back to the login page.
    """
    get_session().commit()  # a rehashed password is kept even if the code never comes
    session.clear()
    session["mfa_user"] = account.id
    session["mfa_since"] = time.time()
    session["mfa_next"] = target or ""
    return redirect(url_for("mfa.verify"))


def complete_login(account: User, target: str | None, detail: dict[str, Any] | None = None) -> ResponseReturnValue:
    db = get_session()
    session.clear()
    login_user(ConsoleUser(account))
    now = time.time()
    session["sv"] = account.session_version
    session["login_at"] = now
    session["seen_at"] = now
    audit(db, account, "login", "user", account.id, detail, remote_addr=request.remote_addr)
    db.commit()
    return redirect(target or url_for("index"))


@bp.route("/logout", methods=["POST"])
@login_required
def logout() -> ResponseReturnValue:
    form = LogoutForm()
    if not form.validate_on_submit():
        return redirect(url_for("index"))
    db = get_session()
    account = current_user.account
    account.session_version += 1
    audit(db, account, "logout", "user", account.id, remote_addr=request.remote_addr)
    db.commit()
    logout_user()
    session.clear()
    flash("您已安全退出。", "info")
    return redirect(url_for("auth.login"))


@bp.app_context_processor
def _inject_logout_form() -> dict[str, Any]:
    return {"logout_form": LogoutForm() if current_user.is_authenticated else None}
