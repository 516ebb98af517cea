"""First-run set-up shared by ``yuqing up`` and ``yuqing migrate``: schema, offices, demo user."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from config import Settings
from config.rules import load_rule_file
from store.accounts import create_user, ensure_offices
from store.db import make_engine, make_session_factory, session_scope
from store.migrate import upgrade
from store.models import Source, User


def read_or_create_secret(path: Path, nbytes: int = 12) -> str:
    """A generated secret kept in the data folder (0600) so restarts keep the same value."""
    if path.exists():
        return path.read_text(encoding="utf-8").strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    value = secrets.token_urlsafe(nbytes)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(value)
    return value


def demo_password(settings: Settings) -> str:
    return settings.demo.password or read_or_create_secret(settings.data_dir / "demo_password")


def seed(session: Session, settings: Settings) -> None:
    routing = load_rule_file(settings.rules_dir, "routing")
    ensure_offices(session, routing.get("offices") or [])
    sources = load_rule_file(settings.rules_dir, "sources").get("sources") or {}
    known = {s.key for s in session.scalars(select(Source))}
    for key, spec in sources.items():
        if key not in known:
            session.add(
                Source(
                    key=key,
                    name=spec.get("name", key),
                    kind=spec.get("kind", "message"),
                    enabled=bool(spec.get("enabled", True)),
                    watermark={},
                )
            )


def ensure_demo_user(session: Session, settings: Settings) -> tuple[str, str]:
    username = settings.demo.username
    password = demo_password(settings)
    if session.scalar(select(User).where(User.username == username)) is None:
        create_user(session, username, password, role="duty", display_name="值班员")
    return username, password


def prepare(settings: Settings, demo: bool = True) -> tuple[str, str] | None:
    """Migrate the database and seed it; returns the demo login when ``demo`` is set."""
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    engine = make_engine(settings)
    try:
        upgrade(engine)
        with session_scope(make_session_factory(engine)) as session:
            seed(session, settings)
            return ensure_demo_user(session, settings) if demo else None
    finally:
        engine.dispose()
