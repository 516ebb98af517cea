"""Events merged by a duty officer keep a stub pointing at the survivor, so links keep working.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("event") as batch:
        batch.add_column(sa.Column("merged_into", sa.Integer(), nullable=True))
        batch.create_foreign_key("fk_event_merged_into_event", "event", ["merged_into"], ["id"])


def downgrade() -> None:
    with op.batch_alter_table("event") as batch:
        batch.drop_constraint("fk_event_merged_into_event", type_="foreignkey")
        batch.drop_column("merged_into")
