"""Sign-in forms."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField, StringField
from wtforms.validators import InputRequired, Length, ValidationError

from .passwords import policy_problem


class SignInForm(FlaskForm):
    """Email and password."""

    email = EmailField(
        _l("Email"),
        validators=[InputRequired(message=_l("Enter your email.")), Length(max=254)],
        render_kw={"autocomplete": "username"},
    )
    password = PasswordField(
        _l("Password"),
        validators=[InputRequired(message=_l("Enter your password.")), Length(max=200)],
        render_kw={"autocomplete": "current-password"},
    )


class CodeForm(FlaskForm):
    """A six-digit two-factor code."""

    code = StringField(
        _l("Six-digit code from your authenticator app"),
        validators=[InputRequired(message=_l("Enter the code.")), Length(max=10)],
        render_kw={"autocomplete": "one-time-code", "inputmode": "numeric"},
    )


class ChangePasswordForm(FlaskForm):
    """Replace a password (required after a temporary one)."""

    current = PasswordField(
        _l("Current password"),
        validators=[InputRequired(message=_l("Enter your current password."))],
        render_kw={"autocomplete": "current-password"},
    )
    new = PasswordField(
        _l("New password"),
        validators=[InputRequired(message=_l("Enter a new password.")), Length(max=200)],
        description=_l("At least 12 characters. A few unrelated words work well."),
        render_kw={"autocomplete": "new-password"},
    )
    repeat = PasswordField(
        _l("New password again"),
        validators=[InputRequired(message=_l("Enter the new password again."))],
        render_kw={"autocomplete": "new-password"},
    )

    def __init__(self, *args: Any, email: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.email = email

    def validate_new(self, field: Any) -> None:
        """The password policy."""
        problem = policy_problem(field.data or "", self.email)
        if problem:
            raise ValidationError(problem)

    def validate_repeat(self, field: Any) -> None:
        """Both entries match."""
        if field.data != self.new.data:
            raise ValidationError(_l("The two new passwords are not the same."))
