"""The Alembic migrations build exactly the schema the models declare, and go down again."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine

from store.migrate import downgrade, upgrade
from store.models import Base


def test_migrations_match_the_models_and_downgrade(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'm.db'}")
    upgrade(engine)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    assert diff == []
    downgrade(engine, "base")
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table' AND name='item'").all() == []
