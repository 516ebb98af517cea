"""Request-scoped database sessions and the handles the app keeps in ``app.extensions``.

One session per request, opened on first use and closed at teardown, so a view that
forgets to commit leaves nothing half-written (closing rolls back) and a view that only
reads never opens a transaction at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from zoneinfo import ZoneInfo

from flask import current_app, g
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from config import Settings
from responder.decide import Responder


@dataclass(frozen=True)
class Handles:
    """What the console shares across requests; built once in ``create_app``."""

    settings: Settings
    engine: Engine
    factory: sessionmaker[Session]
    source_names: dict[str, str] = field(default_factory=dict)
    topic_names: tuple[str, ...] = ()
    timezone: str = "Asia/Shanghai"

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @cached_property
    def responder(self) -> Responder:
        """Routing and SLA rules, read on first use so a bad rule file never blocks log-in."""
        return Responder.load(self.settings)


def handles() -> Handles:
    return current_app.extensions["yuqing"]


def get_session() -> Session:
    """The current request's session, created on first use."""
    if "db_session" not in g:
        g.db_session = handles().factory()
    return g.db_session


def close_session(_exc: BaseException | None = None) -> None:
    session: Session | None = g.pop("db_session", None)
    if session is not None:
        session.close()
