"""Staff roles and what each may do, in one place.

Views, templates and services ask for a capability (`staff.can(Can.REPORTS)`), never for a role
name, so a new role is one entry in ROLES: a read-only legal counsel, say, would be
`Role("counsel", _l("Legal counsel"), frozenset({Can.SEE_ALL}))`, and every page it may not use
refuses it because no view asks for "counsel".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString


class Can(StrEnum):
    """One thing a staff member may do."""

    SEE_TRIAGE = "see_triage"  # Open the cases waiting for triage (new, screening).
    SEE_ASSIGNED = "see_assigned"  # Open the cases assigned to oneself.
    SEE_ALL = "see_all"  # Open every case.
    TAKE_CASES = "take_cases"  # Be assigned cases, and have a "my cases" list.
    WORK_CASES = "work_cases"  # Change a case's status, notes and links; write to residents.
    ASSIGN_TRIAGE = "assign_triage"  # Assign the cases in the triage queue.
    ASSIGN_ANY = "assign_any"  # Assign and reassign any case.
    REPORTS = "reports"  # Statistics, charts and exports without personal data.
    EXPORT_PERSONAL = "export_personal"  # Exports with names and contact details.
    ADMINISTER = "administer"  # Staff accounts (and no case content).
    MANAGE_RECORDS = "manage_records"  # Retention: legal holds, propose and approve disposal.
    OVERRIDE_CONSENT = "override_consent"  # Refer to police without consent, with a reason.
    GRANT_IDENTITY = "grant_identity"  # Reveal any case's contact details; let others reveal.
    MANAGE_TAGS = "manage_tags"  # Keep the list of tags staff put on cases.
    MANAGE_LETTERS = "manage_letters"  # The letter library: template texts and translations.
    TAKE_REPORTS = "take_reports"  # Take down reports by phone, in person, by mail or referral.


# Any one of these opens the case pages; which cases, `cases.access` decides.
READ_CASES = (Can.SEE_TRIAGE, Can.SEE_ASSIGNED, Can.SEE_ALL)
ASSIGN = (Can.ASSIGN_TRIAGE, Can.ASSIGN_ANY)


@dataclass(frozen=True)
class Role:
    """A role an administrator gives a staff member."""

    name: str
    label: LazyString
    capabilities: frozenset[Can]


ROLES = (
    Role(
        "intake",
        _l("Intake"),
        frozenset({Can.SEE_TRIAGE, Can.WORK_CASES, Can.ASSIGN_TRIAGE, Can.TAKE_REPORTS}),
    ),
    Role(
        "investigator",
        _l("Investigator"),
        frozenset({Can.SEE_ASSIGNED, Can.TAKE_CASES, Can.WORK_CASES}),
    ),
    Role(
        "supervisor",
        _l("Supervisor"),
        frozenset(
            {
                Can.SEE_ALL,
                Can.SEE_TRIAGE,
                Can.WORK_CASES,
                Can.ASSIGN_ANY,
                Can.REPORTS,
                Can.EXPORT_PERSONAL,
                Can.MANAGE_RECORDS,
                Can.OVERRIDE_CONSENT,
                Can.GRANT_IDENTITY,
                Can.MANAGE_LETTERS,
                Can.MANAGE_TAGS,
                Can.TAKE_REPORTS,
            }
        ),
    ),
    Role(
        "admin",
        _l("Administrator"),
        frozenset({Can.ADMINISTER, Can.MANAGE_RECORDS, Can.MANAGE_LETTERS, Can.MANAGE_TAGS}),
    ),
)
ROLE_NAMES = frozenset(role.name for role in ROLES)
BY_NAME = {role.name: role for role in ROLES}

# Where a staff member lands after signing in: the first page their capabilities open.
HOMES = (
    (Can.SEE_ALL, "staff.cases"),
    (Can.SEE_TRIAGE, "staff.triage"),
    (Can.TAKE_CASES, "staff.my_cases"),
    (Can.ADMINISTER, "staff.admin_staff"),
)
FALLBACK_HOME = "auth.change_password"


def capabilities(role_names: Iterable[str]) -> frozenset[Can]:
    """Everything these roles together may do (unknown names give nothing)."""
    found: set[Can] = set()
    for name in role_names:
        role = BY_NAME.get(name)
        if role is not None:
            found |= role.capabilities
    return frozenset(found)


def holding(capability: Can) -> tuple[str, ...]:
    """The names of the roles that give `capability`."""
    return tuple(role.name for role in ROLES if capability in role.capabilities)


def home(granted: frozenset[Can]) -> str:
    """The endpoint a staff member with these capabilities starts on."""
    for capability, endpoint in HOMES:
        if capability in granted:
            return endpoint
    return FALLBACK_HOME


def label(name: str) -> LazyString | str:
    """A role's name in the reader's language."""
    role = BY_NAME.get(name)
    return role.label if role is not None else name
