"""Which status may follow which (DOMAIN.md), and what a move needs."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString

from ..statuses import TABLE, Status

# new → screening → accepted ⇄ mediation → determination → closed;
# screening may also end in referred or closed. The moves are in `intake.statuses`.
MOVES: dict[str, tuple[str, ...]] = {
    info.status.value: tuple(move.value for move in info.moves) for info in TABLE
}


class WorkflowError(ValueError):
    """A move the workflow does not allow, with a message for staff."""

    def __init__(self, message: LazyString | str) -> None:
        super().__init__(str(message))
        self.message = message


def allowed_moves(status: str) -> tuple[str, ...]:
    """The statuses a case in `status` may move to."""
    return MOVES.get(status, ())


def check_move(
    current: str, target: str, closure_reason: str | None, referred_to: str | None
) -> None:
    """Raise WorkflowError unless `current` → `target` is allowed with what it needs."""
    if target not in allowed_moves(current):
        raise WorkflowError(_l("A case cannot move from this status to that one."))
    if target == Status.CLOSED and not closure_reason:
        raise WorkflowError(_l("Choose a closure reason to close the case."))
    if target == Status.REFERRED and not referred_to:
        raise WorkflowError(_l("Choose where the case is referred."))
