"""Outbox lanes (issue 15): a reply whose send failed after its turn committed is kept in the outbox with
priority 0, ahead of scheduled messages (1), with what else it carries (extras) and its image or file.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("outbox") as batch:
        batch.add_column(sa.Column("priority", sa.SmallInteger(), server_default="1", nullable=False))
        batch.add_column(sa.Column("extras", sa.JSON(), nullable=True))
        batch.add_column(sa.Column("payload", sa.LargeBinary(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("outbox") as batch:
        batch.drop_column("payload")
        batch.drop_column("extras")
        batch.drop_column("priority")
