"""Staff forms. Case forms carry the version of the case they were filled in against."""

from __future__ import annotations

from typing import Any

from flask_babel import lazy_gettext as _l
from flask_babel import lazy_pgettext
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    EmailField,
    HiddenField,
    IntegerField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import Email, InputRequired, Length, Optional, ValidationError

from .. import vocab
from ..cases.queries import filter_query
from ..public.forms import Written, options


class Chosen:
    """One of the field's choices, else `message` (the same plain words as an empty choice)."""

    def __init__(self, message: Any) -> None:
        self.message = message

    def __call__(self, form: Any, field: Any) -> None:
        if field.data not in {value for value, _label in field.choices or [] if value}:
            raise ValidationError(self.message)


class CaseUpdateForm(FlaskForm):
    """Move a case through the workflow and set its priority."""

    version = IntegerField(widget=HiddenField.widget)
    # Which moves are allowed is the workflow's rule (checked after the version), not the form's.
    status = SelectField(_l("Move to"), validators=[Optional()], validate_choice=False)
    closure_reason = SelectField(
        _l("Closure reason"),
        choices=options([("", _l("Choose a reason"))], vocab.choices(vocab.CLOSURE_REASONS)),
        validators=[Optional()],
    )
    referred_to = SelectField(
        _l("Referred to"),
        choices=options([("", _l("Choose an agency"))], vocab.choices(vocab.REFERRAL_AGENCIES)),
        validators=[Optional()],
    )
    referral_note = TextAreaField(_l("Referral note"), validators=[Optional(), Length(max=2000)])
    legal_reason = TextAreaField(
        _l("Legal reason for referring to the police without the resident's consent"),
        validators=[Optional(), Length(max=2000)],
    )
    urgent = BooleanField(_l("Urgent (danger or violence)"))

    def __init__(self, *args: Any, moves: list[tuple[str, Any]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.status.choices = options([("", _l("Keep the current status"))], moves)


class AssignForm(FlaskForm):
    """Give a case to an investigator."""

    version = IntegerField(widget=HiddenField.widget)
    assignee = SelectField(_l("Assigned to"), validators=[Optional()])

    def __init__(self, *args: Any, investigators: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.assignee.choices = options([("", _l("Nobody (unassigned)"))], investigators)


class NoteForm(FlaskForm):
    """An internal note."""

    body = TextAreaField(
        _l("Internal note"),
        id="note-body",
        validators=[Written(message=_l("Write the note first.")), Length(max=10_000)],
        description=_l("Staff only. The resident never sees notes."),
    )


class MessageForm(FlaskForm):
    """A message to the resident, shown on their status page."""

    body = TextAreaField(
        _l("Message to the resident"),
        id="message-body",
        validators=[Written(message=_l("Write the message first.")), Length(max=10_000)],
        description=_l(
            "The resident reads it on their status page, in the language it is "
            "written in. If they asked for emails, they get a notice without the "
            "message itself."
        ),
    )
    confirm = BooleanField(
        _l("I checked: this message is for the resident to read, not an internal note."),
        validators=[
            InputRequired(
                message=_l("Tick the box to confirm that the resident should read this message.")
            )
        ],
    )


class LinkForm(FlaskForm):
    """Link a related case."""

    number = StringField(
        _l("Case or record number"),
        validators=[InputRequired(message=_l("Enter a case or record number.")), Length(max=20)],
    )


class SavedViewForm(FlaskForm):
    """Name the current filter."""

    name = StringField(
        _l("Name this view"),
        validators=[InputRequired(message=_l("Give the view a name.")), Length(max=100)],
    )
    query = HiddenField(
        validators=[Length(max=4000, message=_l("These filters are too long to save."))]
    )

    def validate_query(self, field: HiddenField) -> None:
        """Only a query that the view can open again as it was saved (see filter_query)."""
        if filter_query(field.data or "") is None:
            raise ValidationError(
                _l(
                    "These filters hold characters that cannot be saved, such as line breaks. "
                    "The list shows the filters that can be; save the view again to keep them."
                )
            )


NOBODY = "nobody"


class BulkReassignForm(FlaskForm):
    """Move every open case of one investigator to another."""

    from_staff = SelectField(
        lazy_pgettext("the staff member cases move from", "From"), validators=[InputRequired()]
    )
    # No default: a slip must not unassign every case. "Nobody" is a choice made on purpose.
    to_staff = SelectField(
        lazy_pgettext("the staff member cases move to", "To"),
        validators=[
            InputRequired(message=_l("Choose who takes the cases, or “Nobody (unassigned)”."))
        ],
    )

    def __init__(self, *args: Any, investigators: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.from_staff.choices = options([("", _l("Choose"))], investigators)
        self.to_staff.choices = options(
            [("", _l("Choose")), (NOBODY, _l("Nobody (unassigned)"))], investigators
        )


class StaffForm(FlaskForm):
    """Create or edit a staff account."""

    email = EmailField(
        _l("Email"),
        validators=[
            InputRequired(message=_l("Enter an email.")),
            Length(max=254),
            Email(message=_l("Enter a valid email."), check_deliverability=False),
        ],
    )
    name = StringField(
        _l("Name"), validators=[InputRequired(message=_l("Enter a name.")), Length(max=200)]
    )
    roles = SelectMultipleField(
        _l("Roles"),
        choices=options(vocab.choices(vocab.ROLES)),
        validators=[InputRequired(message=_l("Choose at least one role."))],
    )


class ActionForm(FlaskForm):
    """A button that only needs a CSRF token."""


class HoldForm(FlaskForm):
    """Put a case on legal hold, by its number."""

    number = StringField(
        _l("Case number or record number"),
        validators=[InputRequired(message=_l("Enter a case number.")), Length(max=40)],
    )
    reason = TextAreaField(
        _l("Reason for the hold"),
        validators=[
            Written(message=_l("Say why the case is on hold.")),
            Length(max=1000),
        ],
    )


class RevealForm(FlaskForm):
    """Ask to see a case's contact details, with the reason (recorded in the audit trail)."""

    reason = StringField(
        _l("Why do you need them?"),
        description=_l(
            "For example: to call back about the interview. Recorded in the audit trail; do "
            "not write personal details here."
        ),
        validators=[
            Written(message=_l("Say why you need the contact details.")),
            Length(max=500),
        ],
    )


class GrantForm(FlaskForm):
    """A supervisor lets one more staff member reveal a case's contact details."""

    staff = SelectField(_l("Give access to"), validators=[InputRequired()])

    def __init__(self, *args: Any, people: list[tuple[str, str]] | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.staff.choices = people or []
