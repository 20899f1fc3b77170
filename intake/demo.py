"""Demo reports for `make demo`: both kinds, English and Spanish, anonymous and not.

Every name, address and story here is invented.
"""

from __future__ import annotations

from typing import Any

from .clock import today as current_today
from .extensions import db
from .filing import file_report
from .models import Report

SIGN_IN_NOTE = (
    "Staff sign-in: the staff workspace (sign-in with two-factor, triage queue, case pages) is "
    "the next piece of work and is not in this version; demo staff accounts will be printed "
    "here once it is."
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


def load() -> list[tuple[str, str]]:
    """File the demo reports unless the database already has reports; returns their receipts."""
    if db.session.scalar(db.select(Report.id).limit(1)) is not None:
        return []
    today = current_today()
    created = []
    for demo in DEMO_REPORTS:
        answers = {
            step: {
                k: (v.replace("{year}", str(today.year)) if isinstance(v, str) else v)
                for k, v in values.items()
            }
            for step, values in demo["steps"].items()
        }
        if int(answers["incident"]["incident_month"]) > today.month:
            answers["incident"]["incident_year"] = str(today.year - 1)
        filed = file_report(answers, [], "words", demo["language"], today)
        created.append((filed.report.record_number, filed.receipt))
    return created
