"""Staff accounts and their roles."""

from __future__ import annotations

import secrets
from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import Boolean, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..crypto import EncryptedText
from ..extensions import db
from ..roles import Can, capabilities
from .types import UTCDateTime, utcnow


def new_session_token() -> str:
    """A random token; changing it signs the account out everywhere."""
    return secrets.token_hex(16)


class Staff(UserMixin, db.Model):  # type: ignore[name-defined]
    """A staff member. Accounts are deactivated, never deleted: the audit trail names them."""

    __tablename__ = "staff"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    password_hash: Mapped[str] = mapped_column(String(255))
    # A temporary password (new account, reset) must be changed at the next sign-in.
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=True)
    totp_secret: Mapped[str | None] = mapped_column(EncryptedText)
    totp_confirmed: Mapped[bool] = mapped_column(Boolean, default=False)
    # The last accepted TOTP time step: a code is never accepted twice.
    totp_last_step: Mapped[int | None] = mapped_column(Integer)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    session_token: Mapped[str] = mapped_column(String(32), default=new_session_token)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    roles: Mapped[list[StaffRole]] = relationship(
        back_populates="staff", cascade="all, delete-orphan", lazy="selectin"
    )

    def get_id(self) -> str:
        """Flask-Login's session id: the account and its current session token."""
        return f"{self.id}:{self.session_token}"

    @property
    def is_active(self) -> bool:
        """Deactivated accounts cannot sign in, and their sessions end."""
        return self.active

    @property
    def role_names(self) -> frozenset[str]:
        """The roles this account holds."""
        return frozenset(role.role for role in self.roles)

    @property
    def capabilities(self) -> frozenset[Can]:
        """Everything this account's roles allow."""
        return capabilities(self.role_names)

    def can(self, *wanted: Can) -> bool:
        """Whether the account may do any of `wanted`."""
        return not self.capabilities.isdisjoint(wanted)

    def set_roles(self, names: set[str] | frozenset[str]) -> None:
        """Replace the account's roles."""
        keep = [role for role in self.roles if role.role in names]
        keep += [StaffRole(role=name) for name in sorted(names - {r.role for r in keep})]
        self.roles = keep


class StaffRole(db.Model):  # type: ignore[name-defined]
    """One role held by a staff member (a person may be both intake and investigator)."""

    __tablename__ = "staff_role"

    staff_id: Mapped[int] = mapped_column(
        ForeignKey("staff.id", ondelete="CASCADE"), primary_key=True
    )
    role: Mapped[str] = mapped_column(String(20), primary_key=True)

    staff: Mapped[Staff] = relationship(back_populates="roles")
