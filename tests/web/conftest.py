"""Console fixtures: the real app on the test database, CSRF on, seeded with known rows."""

from __future__ import annotations

import re

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import Engine
from sqlalchemy.orm import Session
from werkzeug.test import TestResponse

from config import Settings
from tests.web.seed import PASSWORD, Seeded, seed_console
from web import create_app

CSRF_FIELD = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')


@pytest.fixture
def app(settings: Settings, migrated_engine: Engine) -> Flask:
    app = create_app(settings, engine=migrated_engine)
    app.config["TESTING"] = True  # CSRF stays on: WTF_CSRF_ENABLED is left at its default
    return app


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def seeded(session: Session, settings: Settings) -> Seeded:
    data = seed_console(session, settings.rules_dir)
    session.commit()
    return data


def csrf_token(client: FlaskClient, path: str) -> str:
    """The CSRF token the page at ``path`` embeds in its forms."""
    response = client.get(path)
    match = CSRF_FIELD.search(response.get_data(as_text=True))
    assert match, f"no CSRF token on {path} (status {response.status_code})"
    return match.group(1)


def login(client: FlaskClient, username: str = "duty", password: str = PASSWORD) -> TestResponse:
    token = csrf_token(client, "/login")
    return client.post("/login", data={"username": username, "password": password, "csrf_token": token})


def release(session: Session) -> None:
    """End the test's read transaction before the next request.

    On SQLite every transaction begins with ``BEGIN IMMEDIATE`` (store.db), so a test that
    queried the database and then calls the app would hold the lock the request waits for.
    Commit, not rollback: the factory keeps objects loaded on commit, and a rollback would
    expire ``seeded`` rows whose reload would open a transaction again.
    """
    session.commit()


def text(response: TestResponse) -> str:
    return response.get_data(as_text=True)
