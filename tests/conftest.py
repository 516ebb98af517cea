"""Shared fixtures: real parts only.

The suite runs on SQLite + an embedded Redis by default and on PostgreSQL + a Redis
server when ``DATABASE_URL`` / ``REDIS_URL`` are set (CI runs it both ways).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session, sessionmaker

from config import Settings, load_settings
from store import runtime
from store.db import make_engine, make_session_factory
from store.migrate import upgrade
from store.models import Base

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED_DIR = REPO_ROOT.parent / "shared"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, skipping the test with a reason when it is absent."""
    path = SHARED_DIR.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: shared datasets live beside the repo only on CI and dev machines")
    return path


def make_settings(data_dir: Path, **env: str) -> Settings:
    """Settings for a test: a private data folder, the real DB/Redis when the run names them."""
    # The second factor has its own tests (tests/web/test_mfa.py); elsewhere a password logs in.
    environ = {"YUQING_DATA_DIR": str(data_dir), "YUQING_CRAWL__DOWNLOAD_DELAY": "0", "YUQING_WEB__MFA": "disabled"}
    for name in ("DATABASE_URL", "REDIS_URL"):
        if os.environ.get(name):
            environ[name] = os.environ[name]
    environ.update(env)
    return load_settings(environ=environ)


@pytest.fixture(scope="session")
def session_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("yuqing")


@pytest.fixture(scope="session")
def base_settings(session_data_dir: Path) -> Settings:
    return make_settings(session_data_dir)


@pytest.fixture(scope="session")
def migrated_engine(base_settings: Settings) -> Iterator[Engine]:
    engine = make_engine(base_settings)
    if engine.dialect.name == "postgresql":
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
    upgrade(engine)
    yield engine
    engine.dispose()


@pytest.fixture(scope="session")
def redis_server(base_settings: Settings) -> Iterator[redis.Redis]:
    from store.queue import connect, stop_embedded

    conn = connect(base_settings)
    yield conn
    if hasattr(conn, "socket_file"):  # an embedded server started for this run: stop it
        stop_embedded(conn)


def _clean_tables(engine: Engine) -> None:
    tables = [t.name for t in reversed(Base.metadata.sorted_tables)]
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            conn.execute(text("TRUNCATE " + ", ".join(f'"{t}"' for t in tables) + " RESTART IDENTITY CASCADE"))
        else:
            for table in tables:
                conn.execute(text(f'DELETE FROM "{table}"'))


@pytest.fixture
def settings(base_settings: Settings, migrated_engine: Engine, redis_server: redis.Redis) -> Iterator[Settings]:
    """Clean tables and queues before each test; installs the settings for in-process jobs."""
    _clean_tables(migrated_engine)
    redis_server.flushdb()
    runtime.configure(base_settings, redis_server, migrated_engine)
    yield base_settings
    runtime.reset()


@pytest.fixture
def factory(settings: Settings, migrated_engine: Engine) -> sessionmaker[Session]:
    return make_session_factory(migrated_engine)


@pytest.fixture
def session(factory: sessionmaker[Session]) -> Iterator[Session]:
    with factory() as s:
        yield s


@pytest.fixture
def redis_conn(settings: Settings, redis_server: redis.Redis) -> redis.Redis:
    return redis_server
