"""Demo data for `make demo`: staff sign-ins, three reports whose secret codes are printed, and a
few hundred worked cases behind them (intake.demo_history, intake.demo_cases).

Every name, address and story here is invented.
"""

from __future__ import annotations

import os
from typing import Any

import pyotp

from . import accounts, demo_history, demo_stages, demo_ways_in, followup
from .cases import incidents, saved_views, tags
from .clock import today as current_today
from .database import refresh_statistics
from .extensions import db
from .filing import file_report
from .models import Report, Staff
from .statuses import OPEN_STATUSES

# Demo only: every demo account shares this password and this two-factor secret, printed by
# `make demo` so anyone trying the portal can sign in. Never used outside `flask demo load`.
DEMO_PASSWORD = "demo-password-only"  # noqa: S105
DEMO_TOTP_SECRET = "DEMODEMODEMODEMODEMODEMODEMODEMO"  # noqa: S105
DEMO_STAFF = (
    ("intake@demo.example", "Ines Intake", ("intake",)),
    ("investigator@demo.example", "Ivan Investigator", ("investigator",)),
    ("supervisor@demo.example", "Sofia Supervisor", ("supervisor",)),
    ("admin@demo.example", "Adam Admin", ("admin",)),
)
# The demo investigator's colleagues, so the caseload and the case lists have more than one
# investigator (same password; not printed, the four above are enough to try every role).
DEMO_COLLEAGUES = (
    ("nadia@demo.example", "Nadia Investigator", ("investigator",)),
    ("theo@demo.example", "Theo Investigator", ("investigator",)),
)

DEMO_REPORTS: list[dict[str, Any]] = [
    {
        "language": "en",
        "steps": {
            "kind": {"kind": "discrimination"},
            "incident": {
                "covered_area": "housing",
                "protected_classes": ["source_of_income"],
                "incident_month": "9",
                "incident_year": "{year}",
                "incident_day": "",
                "still_happening": False,
                "narrative": "The building manager said they do not take housing vouchers and "
                "would not show me the apartment.",
            },
            "place": {
                "in_city": "yes",
                "community_area": "22",
                "ward": "35",
                "location_type": "home",
                "respondent_type": "organization",
                "respondent_name": "Example Property Management",
                "respondent_role": "landlord",
                "reported_to": ["none"],
                "help_wanted": ["investigate"],
            },
            "contact": {
                "name": "Demo Resident",
                "email": "demo.resident@example.org",
                "preferred_method": "email",
                "preferred_language": "en",
            },
        },
    },
    {
        "language": "es",
        "steps": {
            "kind": {"kind": "hate"},
            "incident": {
                "in_danger": "no",
                "bias_categories": ["national_origin"],
                "incident_types": ["verbal"],
                "incident_month": "10",
                "incident_year": "{year}",
                "incident_day": "3",
                "still_happening": False,
                "narrative": "Un hombre nos gritó insultos en el autobús porque hablábamos "
                "español.",
            },
            "place": {
                "in_city": "yes",
                "community_area": "30",
                "location_type": "transit",
                "respondent_type": "person",
                "respondent_role": "stranger",
                "reported_to": ["none"],
                "help_wanted": ["record"],
            },
            "contact": {},
        },
    },
    {
        "language": "en",
        "steps": {
            "kind": {"kind": "unsure"},
            "incident": {
                "in_danger": "no",
                "incident_month": "11",
                "incident_year": "{year}",
                "still_happening": True,
                "narrative": "My supervisor keeps making comments about my religion and gave "
                "my shifts to someone else after I complained.",
            },
            "place": {
                "in_city": "yes",
                "location_type": "workplace",
                "respondent_type": "person",
                "respondent_role": "employer",
                "help_wanted": ["support"],
            },
            "contact": {
                "phone": "312 555 0100",
                "preferred_method": "phone",
                "safe_to_leave_message": "no",
                "preferred_language": "en",
            },
        },
    },
]


def _load_staff() -> None:
    # The demo password is printed for anyone to read: a costly hash would protect nothing and
    # cost half a second an account (each hash carries its parameters and keeps verifying).
    with demo_history.settings(PASSWORD_HASH_PROFILE="CHEAPEST"):  # noqa: S106 - a cost profile
        for email, name, roles in DEMO_STAFF + DEMO_COLLEAGUES:
            if accounts.find(email) is None:
                _add_staff(email, name, roles)


def _add_staff(email: str, name: str, roles: tuple[str, ...]) -> None:
    staff, _password = accounts.create(
        None, email, name, roles, DEMO_PASSWORD, must_change_password=False
    )
    staff.totp_secret = DEMO_TOTP_SECRET
    staff.totp_confirmed = True
    db.session.commit()


# Demo only: each demo report opens with a fixed code, so `make demo` can print it every time.
DEMO_RECEIPTS = (
    "maple river lantern orchid pepper summit",
    "harbor violet candle meadow pebble sonnet",
    "willow copper falcon garden ribbon thistle",
)
DEMO_REPLY = (
    "Thank you for your report. Could you tell us the day of the week it happened, and whether "
    "anyone else saw it? You can answer here."
)


def base_url() -> str:
    """Where `make demo` serves (PORT, 5000 by default)."""
    return f"http://127.0.0.1:{os.environ.get('PORT') or '5000'}"


def sign_in_help() -> str:
    """What `make demo` prints about signing in."""
    code = pyotp.TOTP(DEMO_TOTP_SECRET).now()
    lines = [
        f"Staff sign-in (demo only): {base_url()}/staff/sign-in",
        f"  password for every demo account: {DEMO_PASSWORD}",
        f"  two-factor secret (add it to any authenticator app): {DEMO_TOTP_SECRET}",
        f"  or a code for the next seconds: {code}"
        '  (new code: .venv/bin/python -c "import pyotp; '
        f"print(pyotp.TOTP('{DEMO_TOTP_SECRET}').now())\")",
    ]
    lines += [f"  {', '.join(roles):13} {email}" for email, _name, roles in DEMO_STAFF]
    return "\n".join(lines)


def load() -> list[tuple[str, str]]:
    """Add the demo staff, and on an empty database the worked demo cases and then the three
    demo reports; returns those three's record numbers and codes (every time: demo data)."""
    _load_staff()
    if db.session.scalar(db.select(Report.id).limit(1)) is None:
        demo_history.seed(_team())
        _load_groupings(_staff(DEMO_STAFF[2][0]))
        demo_stages.seed(_staff(DEMO_STAFF[2][0]))
        demo_ways_in.seed(_staff(DEMO_STAFF[0][0]))
        _load_reports()
        db.session.commit()
        refresh_statistics()  # As after any bulk load.
    found = []
    for demo, receipt in zip(DEMO_REPORTS, DEMO_RECEIPTS, strict=True):
        number = db.session.scalar(
            db.select(Report.record_number).where(
                Report.narrative == demo["steps"]["incident"]["narrative"]
            )
        )
        if number is not None:
            found.append((number, receipt))
    return found


def _staff(email: str) -> Staff:
    staff: Staff = db.session.scalars(db.select(Staff).where(Staff.email == email)).one()
    return staff


def _team() -> demo_history.Team:
    return demo_history.Team(
        intake=_staff(DEMO_STAFF[0][0]),
        supervisor=_staff(DEMO_STAFF[2][0]),
        me=_staff(DEMO_STAFF[1][0]),
        colleagues=tuple(_staff(email) for email, _name, _roles in DEMO_COLLEAGUES),
    )


def _load_groupings(supervisor: Staff) -> None:
    """Tags, an incident and a saved view, as a supervisor would have made them: the flyer
    reports grouped as one event and tagged, reports in other languages tagged for an
    interpreter, and a saved view of urgent open cases."""
    wave, interpreter, _media = (
        tags.create(supervisor, name)
        for name in ("Flyer wave", "Interpreter needed", "Media interest")
    )
    open_cases = Report.status.in_(OPEN_STATUSES)
    flyers = list(
        db.session.scalars(
            db.select(Report)
            .where(open_cases, Report.kind == "hate", Report.narrative.like("Flyers%"))
            .order_by(Report.id)
            .limit(4)
        )
    )
    if len(flyers) > 1:
        incidents.create(supervisor, "Flyers left around the neighbourhood", flyers)
    others = db.session.scalars(
        db.select(Report).where(open_cases, Report.language != "en").order_by(Report.id).limit(6)
    )
    for report, tag in [(r, wave) for r in flyers] + [(r, interpreter) for r in others]:
        tags.add(supervisor, report, tag)
    query = "urgent=1&" + "&".join(f"status={status}" for status in sorted(OPEN_STATUSES))
    saved_views.save(supervisor, "Urgent and open", query)
    db.session.commit()


def _load_reports() -> None:
    """The three reports whose codes `make demo` prints, filed today, after the worked cases."""
    today = current_today()
    investigator = _staff(DEMO_STAFF[1][0])
    for demo, receipt in zip(DEMO_REPORTS, DEMO_RECEIPTS, strict=True):
        answers = {
            step: {
                k: (v.replace("{year}", str(today.year)) if isinstance(v, str) else v)
                for k, v in values.items()
            }
            for step, values in demo["steps"].items()
        }
        if int(answers["incident"]["incident_month"]) > today.month:
            answers["incident"]["incident_year"] = str(today.year - 1)
        report = file_report(answers, [], "words", demo["language"], today, receipt=receipt).report
        if demo is DEMO_REPORTS[0]:
            # A message from staff, so "read a message and reply" can be tried as a resident.
            followup.staff_message(investigator, report, DEMO_REPLY)
