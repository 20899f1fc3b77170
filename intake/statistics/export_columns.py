"""The columns of a case-list export: what each reads and how its cells are shown. Personal
columns (names, contact details, free text, exact dates) are only there when a supervisor asks
for them."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from flask import current_app
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString
from sqlalchemy import SQLColumnExpression

from .. import interpreters, vocab
from ..geography import community_area_name
from ..i18n import NATIVE_NAMES
from ..models import AffectedPerson, Contact, Report


def _as_is(value: Any) -> Any:
    return value


@dataclass(frozen=True)
class Column:
    """One exported column: its heading, what it reads, and how a value read becomes a cell.

    `reads` is a value of the case, or the name of a vocabulary whose terms the case has (the
    codes, in the order given). `show` makes the cell of one value; when the column has `few`
    values (codes, months, yes/no), each is shown once per export and looked up after that.
    """

    key: str
    title: LazyString
    reads: SQLColumnExpression[Any] | str
    show: Callable[[Any], Any] = _as_is
    few: bool = False
    personal: bool = False


# The "vocabulary" under which `_terms` reads a case's tags.
TAGS = "tags"


def _label(terms: tuple[vocab.Term, ...]) -> Callable[[str | None], str]:
    return lambda code: str(vocab.label(terms, code))


def _labels(terms: tuple[vocab.Term, ...]) -> Callable[[Iterable[str]], str]:
    return lambda codes: "; ".join(str(vocab.label(terms, code)) for code in codes)


def _nibrs(codes: Iterable[str]) -> str:
    """The NIBRS codes of the bias categories, each once (two categories may share one)."""
    found: list[str] = []
    for code in codes:
        term = next((t for t in vocab.BIAS_CATEGORIES if t.code == code), None)
        nibrs = term.nibrs[0] if term and term.nibrs else "99"
        if nibrs not in found:
            found.append(nibrs)
    return "; ".join(found)


def _local_time(moment: datetime) -> datetime:
    """A timestamp as a spreadsheet cell: the commission's local time, to the second (a cell
    holds no time zone; every time in the portal is the commission's)."""
    zone = ZoneInfo(current_app.config["BABEL_DEFAULT_TIMEZONE"])
    return moment.astimezone(zone).replace(tzinfo=None, microsecond=0)


def _month(year: int, month: int) -> str:
    return f"{year}-{month:02d}"


def _yes_no(value: bool | None) -> str:
    return "" if value is None else (_("Yes") if value else _("No"))


COLUMNS = (
    Column("case_number", _l("Case number"), Report.case_number),
    Column(
        "received_month",
        _l("Received (month)"),
        Report.received_on,
        lambda day: _month(day.year, day.month),
        few=True,
    ),
    Column("kind", _l("Kind"), Report.kind, _label(vocab.KIND_NAMES), few=True),
    Column("status", _l("Status"), Report.status, _label(vocab.STATUSES), few=True),
    Column(
        "covered_area",
        _l("Covered area"),
        Report.covered_area,
        _label(vocab.COVERED_AREAS),
        few=True,
    ),
    Column(
        "protected_classes",
        _l("Protected classes"),
        "protected_class",
        _labels(vocab.PROTECTED_CLASSES),
        few=True,
    ),
    Column(
        "bias_categories",
        _l("Bias categories"),
        "bias_category",
        _labels(vocab.BIAS_CATEGORIES),
        few=True,
    ),
    Column("nibrs_bias_codes", _l("NIBRS bias codes"), "bias_category", _nibrs, few=True),
    Column(
        "incident_types",
        _l("Incident types"),
        "incident_type",
        _labels(vocab.INCIDENT_TYPES),
        few=True,
    ),
    Column(
        "incident_month",
        _l("Incident (month)"),
        # Year and month as one number (202511), so that the column reads one value.
        Report.incident_year * 100 + Report.incident_month,
        lambda number: _month(*divmod(number, 100)),
        few=True,
    ),
    Column("still_happening", _l("Still happening"), Report.still_happening, _yes_no, few=True),
    Column("in_city", _l("In Chicago"), Report.in_city, _label(vocab.IN_CITY), few=True),
    Column(
        "community_area",
        _l("Community area"),
        Report.community_area,
        community_area_name,
        few=True,
    ),
    Column("ward", _l("Ward"), Report.ward, few=True),
    Column(
        "location_type",
        _l("Kind of place"),
        Report.location_type,
        _label(vocab.LOCATION_TYPES),
        few=True,
    ),
    Column(
        "respondent_role",
        _l("Respondent's role"),
        Report.respondent_role,
        _label(vocab.RESPONDENT_ROLES),
        few=True,
    ),
    Column(
        "language",
        _l("Language"),
        Report.language,
        lambda code: NATIVE_NAMES.get(code, code),
        few=True,
    ),
    Column("anonymous", _l("Anonymous"), Report.anonymous, _yes_no, few=True),
    Column("channel", _l("Came in by"), Report.channel, _label(vocab.CHANNELS), few=True),
    Column(
        "reporter_role",
        _l("Made by"),
        Report.reporter_role,
        _label(vocab.REPORTER_ROLE_NAMES),
        few=True,
    ),
    Column(
        "reporter_relationship",
        _l("Reporter's relationship"),
        Report.reporter_relationship,
        _label(vocab.REPORTER_RELATIONSHIPS),
        few=True,
    ),
    Column(
        "affected_consent",
        _l("Consent of the person it happened to"),
        Report.affected_consent,
        _label(vocab.AFFECTED_CONSENT),
        few=True,
    ),
    Column(
        "interpreter",
        _l("Interpreter"),
        Report.interpreter_language,
        interpreters.name,
        few=True,
    ),
    Column("urgent", _l("Urgent"), Report.urgent, _yes_no, few=True),
    Column(
        "past_filing_deadline",
        _l("Past 365 days"),
        Report.past_filing_deadline,
        _yes_no,
        few=True,
    ),
    Column(
        "closure_reason",
        _l("Closure reason"),
        Report.closure_reason,
        _label(vocab.CLOSURE_REASONS),
        few=True,
    ),
    Column(
        "referred_to",
        _l("Referred to"),
        Report.referred_to,
        _label(vocab.REFERRAL_AGENCIES),
        few=True,
    ),
    Column("assigned", _l("Assigned"), Report.assignee_id.is_not(None), _yes_no, few=True),
    # Tags are read like terms (by case, in batches); TAGS names them in `_terms`.
    Column("tags", _l("Tags"), TAGS, "; ".join, few=True),
    # Personal data: only when a supervisor asks for it.
    Column("record_number", _l("Record number"), Report.record_number, personal=True),
    Column(
        "received_at",
        _l("Received at"),
        Report.created_at,
        _local_time,
        personal=True,
    ),
    Column("incident_day", _l("Incident day"), Report.incident_day, personal=True),
    Column("address", _l("Address"), Report.address, personal=True),
    Column("city", _l("City"), Report.city, personal=True),
    Column("respondent_name", _l("Respondent"), Report.respondent_name, personal=True),
    Column(
        "respondent_address",
        _l("Respondent's address"),
        Report.respondent_address,
        personal=True,
    ),
    Column("narrative", _l("What happened"), Report.narrative, personal=True),
    Column("witnesses", _l("Witnesses"), Report.witnesses, personal=True),
    Column("reported_details", _l("Reported elsewhere"), Report.reported_details, personal=True),
    Column("name", _l("Name"), Contact.name, personal=True),
    Column("email", _l("Email"), Contact.email, personal=True),
    Column("phone", _l("Phone"), Contact.phone, personal=True),
    Column("mailing_address", _l("Mailing address"), Contact.mailing_address, personal=True),
    Column("accommodations", _l("Accommodations"), Contact.accommodations, personal=True),
    Column(
        "interpreter_other",
        _l("Interpreter (another language)"),
        Report.interpreter_other,
        personal=True,
    ),
    Column("affected_name", _l("Their name"), AffectedPerson.name, personal=True),
    Column("affected_email", _l("Their email"), AffectedPerson.email, personal=True),
    Column("affected_phone", _l("Their phone"), AffectedPerson.phone, personal=True),
    Column(
        "affected_mailing_address",
        _l("Their mailing address"),
        AffectedPerson.mailing_address,
        personal=True,
    ),
    Column(
        "share_with_police",
        _l("May share with police"),
        Report.share_with_police,
        _yes_no,
        few=True,
        personal=True,
    ),
)


def columns(personal: bool) -> list[Column]:
    """The columns of a case-list export."""
    return [column for column in COLUMNS if personal or not column.personal]
