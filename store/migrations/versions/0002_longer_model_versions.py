"""Longer model versions: an analysis names its sentiment engine, rules and topic models.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("analysis") as batch:
        batch.alter_column("model_version", type_=sa.String(255), existing_type=sa.String(64), existing_nullable=False)
    with op.batch_alter_table("task_outbox") as batch:
        batch.alter_column("version", type_=sa.String(255), existing_type=sa.String(64), existing_nullable=False)


def downgrade() -> None:
    with op.batch_alter_table("task_outbox") as batch:
        batch.alter_column("version", type_=sa.String(64), existing_type=sa.String(255), existing_nullable=False)
    with op.batch_alter_table("analysis") as batch:
        batch.alter_column("model_version", type_=sa.String(64), existing_type=sa.String(255), existing_nullable=False)
