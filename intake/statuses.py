"""Every status a case can have, in one table: its name for staff, what the resident is told, where
it may move next, and which service-target date and timestamps go with it (DOMAIN.md).

A new status ("on hold", say) is one entry here and its translations: the workflow, the staff
filters, the reports, the exports and the resident's status page all read this table.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from flask_babel import lazy_gettext as _l
from flask_babel import lazy_pgettext
from flask_babel.speaklater import LazyString


class Status(StrEnum):
    """A case's place in the workflow, as stored."""

    NEW = "new"
    SCREENING = "screening"
    ACCEPTED = "accepted"
    MEDIATION = "mediation"
    DETERMINATION = "determination"
    REFERRED = "referred"
    CLOSED = "closed"


@dataclass(frozen=True)
class StatusInfo:
    """What goes with one status."""

    status: Status
    # The name staff see; the resident sees the public title and explanation.
    label: LazyString
    public_title: LazyString
    public_explanation: LazyString
    moves: tuple[Status, ...]
    open: bool = True
    # In the triage queue (intake works it; the first service targets apply).
    triage: bool = False
    # The Report date by which a case in this status should have moved on, if any.
    due: str | None = None
    # The Report timestamp set when a case leaves this status, if any.
    left_at: str | None = None
    # The Report timestamp set when a case enters this status, if any.
    entered_at: str | None = None


TABLE = (
    StatusInfo(
        Status.NEW,
        _l("New"),
        lazy_pgettext("a report's status, told to the resident", "Received"),
        _l("We received your report. Our staff will read it soon."),
        moves=(Status.SCREENING,),
        triage=True,
        due="acknowledge_by",
        left_at="acknowledged_at",
    ),
    StatusInfo(
        Status.SCREENING,
        _l("Screening"),
        _l("Being reviewed"),
        _l("Our staff are reading your report and deciding how the commission can help."),
        moves=(Status.ACCEPTED, Status.REFERRED, Status.CLOSED),
        triage=True,
        due="screen_by",
        left_at="screened_at",
    ),
    StatusInfo(
        Status.ACCEPTED,
        _l("Accepted (investigation)"),
        _l("Being investigated"),
        _l("The commission is looking into what happened."),
        moves=(Status.MEDIATION, Status.DETERMINATION),
    ),
    StatusInfo(
        Status.MEDIATION,
        _l("Mediation"),
        _l("In mediation"),
        _l("The commission is helping the people involved try to reach an agreement."),
        moves=(Status.ACCEPTED, Status.DETERMINATION),
    ),
    StatusInfo(
        Status.DETERMINATION,
        _l("Determination"),
        _l("Decision being prepared"),
        _l("The investigation is finished and the commission is preparing its decision."),
        moves=(Status.CLOSED,),
    ),
    StatusInfo(
        Status.REFERRED,
        _l("Referred"),
        _l("Referred to another agency"),
        _l(
            "Another agency can help with this better than the commission. See our message for "
            "who to contact."
        ),
        moves=(),
        open=False,
    ),
    StatusInfo(
        Status.CLOSED,
        _l("Closed"),
        _l("Closed"),
        _l(
            "The commission has finished its work on this "
            "report. You can still read our messages here."
        ),
        moves=(),
        open=False,
        entered_at="closed_at",
    ),
)
INFO = {info.status: info for info in TABLE}
OPEN_STATUSES = frozenset(info.status.value for info in TABLE if info.open)
TRIAGE_STATUSES = frozenset(info.status.value for info in TABLE if info.triage)
# Statuses with a service-target date, and the Report column that holds it.
DUE_COLUMNS = {info.status.value: info.due for info in TABLE if info.due}


def info(status: str) -> StatusInfo:
    """What goes with `status` (an unknown stored value reads as "new")."""
    try:
        return INFO[Status(status)]
    except ValueError:
        return INFO[Status.NEW]
