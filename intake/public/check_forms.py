"""Forms of the follow-up pages: opening a sent report, and writing to the commission."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, RadioField, StringField, TextAreaField
from wtforms.validators import InputRequired

from .. import vocab
from .forms import NARRATIVE_MAX, Written, options, too_long


class LookupForm(FlaskForm):
    """Open a sent report with its record number and secret code."""

    record_number = StringField(
        _l("Record number"),
        validators=[InputRequired(message=_l("Enter your record number.")), too_long(40)],
        description=_l("It looks like HR-7K3M-9QX2."),
        render_kw={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"},
    )
    receipt = StringField(
        _l("Secret code"),
        validators=[InputRequired(message=_l("Enter your secret code.")), too_long(200)],
        description=_l("The six words or sixteen numbers you saved."),
        render_kw={"autocomplete": "off", "autocapitalize": "none", "spellcheck": "false"},
    )


class ReplyForm(FlaskForm):
    """A message from the resident."""

    body = TextAreaField(
        _l("Write to us"),
        description=_l(
            "Answer our questions or tell us anything new. Only commission staff can read it."
        ),
        validators=[
            Written(message=_l("Write your message first.")),
            too_long(NARRATIVE_MAX),
        ],
    )


class WithdrawForm(FlaskForm):
    """The resident withdraws their report."""

    confirm = BooleanField(
        _l("I want to withdraw my report."),
        validators=[
            InputRequired(message=_l("Tick the box to confirm that you want to withdraw."))
        ],
    )


class PoliceConsentForm(FlaskForm):
    """Give or withdraw consent to share contact details with the police."""

    share = RadioField(
        _l("May we share your name and contact details with the police?"),
        description=_l(
            "Only if you agree. You can change your answer here at any time; it counts from "
            "when you change it."
        ),
        choices=options(vocab.choices(vocab.YES_NO)),
        validators=[InputRequired(message=_l("Choose yes or no."))],
    )
