"""Call-back requests (placeholder: the call-back work fills it in).

Revision ID: 0022_callback_requests
Revises: 0021_every_way_in
"""

revision = "0022_callback_requests"
down_revision = "0021_every_way_in"
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
