"""Second factor: enrolment on first login, codes good once and only near now, nothing reachable before it."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from dataclasses import replace

import pyotp
import pytest
import redis
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session
from werkzeug.test import TestResponse

from config import Settings
from store import mfa
from store.models import AuditLog, User
from tests.pipeline.helpers import child_env
from tests.web.conftest import csrf_token, login, release, text
from tests.web.seed import Seeded
from web import create_app

SECRET = re.compile(r'<code class="secret">([A-Z2-7]+)</code>')


@pytest.fixture
def mfa_app(settings: Settings, migrated_engine: Engine) -> Flask:
    strict = replace(settings, web=replace(settings.web, mfa="required"))
    app = create_app(strict, engine=migrated_engine)
    app.config["TESTING"] = True
    return app


@pytest.fixture
def client(mfa_app: Flask) -> FlaskClient:
    return mfa_app.test_client()


def code_post(client: FlaskClient, code: str) -> TestResponse:
    return client.post("/login/mfa", data={"code": code, "csrf_token": csrf_token(client, "/login/mfa")})


def enrol(client: FlaskClient, username: str = "duty") -> pyotp.TOTP:
    response = login(client, username)
    assert response.status_code == 302 and response.headers["Location"] == "/login/mfa"
    page = text(client.get("/login/mfa"))
    assert "绑定动态验证码" in page and "<svg" in page
    match = SECRET.search(page)
    assert match
    return pyotp.TOTP(match.group(1))


def test_first_login_enrols_and_the_code_logs_in(client: FlaskClient, seeded: Seeded, session: Session) -> None:
    totp = enrol(client)
    assert client.get("/queue").status_code == 302  # password alone reaches nothing
    done = code_post(client, totp.now())
    assert done.status_code == 302 and done.headers["Location"] == "/"
    assert client.get("/queue").status_code == 200
    release(session)
    session.expire_all()
    user = session.scalar(select(User).where(User.username == "duty"))
    assert user is not None and user.totp_secret and not user.totp_pending
    assert totp.secret not in user.totp_secret  # sealed, not stored in clear
    entry = session.scalar(select(AuditLog).where(AuditLog.action == "login").order_by(AuditLog.id.desc()))
    assert entry is not None and entry.detail == {"mfa": "enrolled"}


def test_a_code_is_good_once_and_only_within_one_step(
    client: FlaskClient, mfa_app: Flask, seeded: Seeded, session: Session
) -> None:
    totp = enrol(client)
    now = time.time()
    used = totp.now()
    assert code_post(client, used).status_code == 302
    client.post("/logout", data={"csrf_token": csrf_token(client, "/queue")})
    login(client)
    page = text(client.get("/login/mfa"))
    assert "输入动态验证码" in page and "<svg" not in page  # enrolled: no secret shown again
    replayed = code_post(client, used)
    assert replayed.status_code == 401 and "已使用" in text(replayed)
    assert code_post(client, totp.at(now + 90)).status_code == 401  # three steps ahead
    assert code_post(client, totp.at(now - 90)).status_code == 401  # three steps back
    assert code_post(client, totp.at(now + 30)).status_code == 302  # next step: clock drift allowed


def test_wrong_codes_are_throttled(client: FlaskClient, seeded: Seeded) -> None:
    enrol(client)
    for _ in range(5):
        assert code_post(client, "000000").status_code == 401
    refused = code_post(client, "000000")
    assert refused.status_code == 429 and "验证码错误次数过多" in text(refused)


def test_the_code_form_needs_a_fresh_password_step(client: FlaskClient, seeded: Seeded) -> None:
    assert client.get("/login/mfa").headers["Location"] == "/login"
    with client.session_transaction() as state:
        state["mfa_user"], state["mfa_since"] = seeded.duty.id, time.time() - 3600  # expired
    assert client.get("/login/mfa").headers["Location"] == "/login"


def test_reset_makes_the_user_enrol_again(client: FlaskClient, seeded: Seeded, session: Session) -> None:
    first = enrol(client)
    code_post(client, first.now())
    release(session)
    user = session.scalar(select(User).where(User.username == "duty"))
    assert user is not None
    mfa.reset(user)
    session.commit()
    client.post("/logout", data={"csrf_token": csrf_token(client, "/queue")})
    second = enrol(client)
    assert second.secret != first.secret


def test_the_reset_command_forgets_the_factor_and_is_audited(
    client: FlaskClient, seeded: Seeded, session: Session, settings: Settings, redis_conn: redis.Redis
) -> None:
    code_post(client, enrol(client).now())
    release(session)
    command = [sys.executable, "-m", "yuqing_cli.main", "users", "reset-mfa", "duty", "--reason", "手机丢失"]
    done = subprocess.run(command, env=child_env(settings, redis_conn), capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "second factor of duty reset" in done.stdout
    session.expire_all()
    user = session.scalar(select(User).where(User.username == "duty"))
    assert user is not None and user.totp_secret is None
    entry = session.scalar(select(AuditLog).where(AuditLog.action == "mfa_reset"))
    assert entry is not None and entry.reason == "手机丢失"
    release(session)
    assert client.get("/queue").status_code == 302  # the session the old factor opened has ended
