"""Per-process handles for worker jobs: settings, engine, sessions, Redis.

RQ calls jobs by dotted name with ids only, so a job needs a way to reach the database.
Each handle is built on first use (never at import) and ``reset()`` exists for tests.
"""

from __future__ import annotations

from typing import Any

import redis
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from config import Settings, load_settings
from store.db import make_engine, make_session_factory
from store.queue import connect

_state: dict[str, Any] = {}


def configure(settings: Settings, connection: redis.Redis | None = None, engine_: Engine | None = None) -> None:
    """Install explicit settings (the CLI and tests do this before running jobs).

    A given engine is shared, not owned: ``reset`` leaves it open for its owner.
    """
    reset()
    _state["settings"] = settings
    if connection is not None:
        _state["redis"] = connection
    if engine_ is not None:
        _state["engine"] = engine_
        _state["shared_engine"] = True


def settings() -> Settings:
    if "settings" not in _state:
        _state["settings"] = load_settings()
    return _state["settings"]


def engine() -> Engine:
    if "engine" not in _state:
        _state["engine"] = make_engine(settings())
    return _state["engine"]


def session_factory() -> sessionmaker[Session]:
    if "factory" not in _state:
        _state["factory"] = make_session_factory(engine())
    return _state["factory"]


def redis_connection() -> redis.Redis:
    if "redis" not in _state:
        _state["redis"] = connect(settings())
    return _state["redis"]


def cached(name: str, build: Any) -> Any:
    """A per-process cache for heavy objects (models) that jobs reuse."""
    if name not in _state:
        _state[name] = build()
    return _state[name]


def reset() -> None:
    engine_ = _state.get("engine")
    if engine_ is not None and not _state.get("shared_engine"):
        engine_.dispose()
    _state.clear()
