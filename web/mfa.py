"""Second login step: a TOTP code from the officer's authenticator app (enrolment the first time).

Only reachable between a correct password and the code: the password step leaves the
account id and the time in the session (``auth.begin_second_factor``), nothing else. The
state lasts ``PENDING_SECONDS``; wrong codes are audited and throttled like passwords.
"""

from __future__ import annotations

import time

from flask import Blueprint, redirect, render_template, request, session, url_for
from flask.typing import ResponseReturnValue

from store import mfa
from store.accounts import audit
from store.models import User
from store.types import utcnow
from web import login_throttle
from web.auth import complete_login, safe_next
from web.db import get_session, handles
from web.forms import CodeForm

bp = Blueprint("mfa", __name__)
PENDING_SECONDS = 300
WRONG_CODE = "动态验证码不正确或已使用，请输入应用中当前显示的6位数字"
TOO_MANY = "验证码错误次数过多，请稍后再试"


@bp.route("/login/mfa", methods=["GET", "POST"])
def verify() -> ResponseReturnValue:
    account = _pending_account()
    if account is None:
        session.clear()
        return redirect(url_for("auth.login"))
    db = get_session()
    fernet = mfa.mfa_fernet(handles().settings)
    enrolling = not mfa.enrolled(account)
    form = CodeForm()
    error, status = None, 200
    if form.validate_on_submit():
        verdict = login_throttle.check(db, account.username, request.remote_addr, utcnow(), failure="mfa_failed")
        if not verdict.allowed:
            error, status = TOO_MANY, 429
        elif mfa.verify(account, form.code.data, fernet):
            target = safe_next(session.get("mfa_next"))
            return complete_login(account, target, {"mfa": "enrolled" if enrolling else "totp"})
        else:
            audit(db, account, "mfa_failed", "user", account.username, remote_addr=request.remote_addr)
            db.commit()
            error, status = WRONG_CODE, 401
    enrolment = None
    if enrolling:
        secret = mfa.offer_secret(account, fernet)
        db.commit()  # the offered secret must survive to the next request
        enrolment = {"secret": secret, "qr": mfa.qr_svg(mfa.provisioning_uri(account, secret))}
    page = render_template("mfa.html", form=form, error=error, enrolment=enrolment, account=account)
    return (page, status, {"Retry-After": str(verdict.retry_after)}) if status == 429 else (page, status)


def _pending_account() -> User | None:
    user_id, since = session.get("mfa_user"), session.get("mfa_since")
    if not isinstance(user_id, int) or not isinstance(since, int | float):
        return None
    if time.time() - since > PENDING_SECONDS:
        return None
    account = get_session().get(User, user_id)
    return account if account is not None and account.active else None
