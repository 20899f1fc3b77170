"""Template variables: which exist, checking a text that uses them, and filling them in.

Template bodies are plain text. A variable is a name in braces (`{number}`) from VARIABLES and
nothing else: no attribute or index access, no conversions or format specifications, so a text
cannot reach into Python objects. Texts are checked when saved; filling in is `str.format_map`
on the whitelisted values. Nothing here produces HTML: pages and PDFs escape or draw the text.
"""

from __future__ import annotations

from dataclasses import dataclass
from string import Formatter

from flask import current_app
from flask_babel import force_locale, format_date
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString

from .. import vocab
from ..clock import today
from ..models import Report
from ..pages import COMMISSION_NAME


@dataclass(frozen=True)
class Variable:
    """A name a template may use, and what it stands for."""

    name: str
    description: LazyString


VARIABLES = (
    Variable("number", _l("The record number the resident was given (HR-…)")),
    Variable("case_number", _l("The case number staff use")),
    Variable("received_date", _l("The day the report arrived, written the resident's way")),
    Variable("commission_name", _l("The commission's name")),
    Variable("commission_phone", _l("The commission's main phone number")),
    Variable("agency", _l("The agency the case was referred to")),
    # Filled in only when a notice is printed for one respondent (intake/respondents/notice.py).
    Variable("respondent_name", _l("The respondent's name (notices to a respondent)")),
    Variable("response_deadline", _l("The respondent's response deadline (notices)")),
)
NAMES = frozenset(variable.name for variable in VARIABLES)
SAMPLE_NUMBER = "HR-0000-0000"
SAMPLE_CASE_NUMBER = "0000-00000"


def problems(body: str) -> list[str]:
    """What is wrong with a template text (translated), or nothing."""
    try:
        parts = list(Formatter().parse(body))
    except ValueError:
        return [
            _(
                "A brace has no partner. Write a variable as {number}; to print a brace itself, "
                "write it twice: {{ or }}."
            )
        ]
    found = []
    for _literal, field, spec, conversion in parts:
        if field is None:
            continue
        if field not in NAMES or spec or conversion:
            # The whole field as written, so the editor can find it in the text.
            written = field + (f"!{conversion}" if conversion else "")
            written += f":{spec}" if spec else ""
            found.append(
                _(
                    "{%(name)s} is not a variable this library knows. Use one of: %(names)s.",
                    name=written[:60],
                    names=", ".join("{" + v.name + "}" for v in VARIABLES),
                )
            )
    return found


def fill(body: str, values: dict[str, str]) -> str:
    """The text with its variables filled in; a text that fails the checks is returned as it
    is (saved texts never do: `problems` refused them)."""
    if problems(body):
        return body
    return body.format_map({name: values.get(name, "") for name in NAMES})


def _commission() -> tuple[str, str]:
    phone = str(current_app.config["HELP_NUMBERS"].get("commission", ""))
    return str(COMMISSION_NAME), phone


def case_values(report: Report, language: str) -> dict[str, str]:
    """The variables for a real case, written in `language`."""
    with force_locale(language):
        name, phone = _commission()
        agency = (
            str(vocab.label(vocab.REFERRAL_AGENCIES, report.referred_to))
            if report.referred_to
            else _("the agency named by our staff")
        )
        return {
            "number": report.record_number,
            "case_number": report.case_number,
            "received_date": format_date(report.received_on, "long"),
            "commission_name": name,
            "commission_phone": phone,
            "agency": agency,
        }


def sample_values(language: str) -> dict[str, str]:
    """Placeholder variables for a preview without a case (nothing from any real case)."""
    with force_locale(language):
        name, phone = _commission()
        return {
            "number": SAMPLE_NUMBER,
            "case_number": SAMPLE_CASE_NUMBER,
            "received_date": format_date(today(), "long"),
            "commission_name": name,
            "commission_phone": phone,
            "agency": _("the agency named by our staff"),
            "respondent_name": _("Sample Respondent LLC"),
            "response_deadline": format_date(today(), "long"),
        }
