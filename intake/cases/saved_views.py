"""A staff member's saved case-list views: a name and the list's query string."""

from __future__ import annotations

import json

from flask_babel import lazy_gettext as _l

from ..extensions import db
from ..models import SavedView, Staff, utcnow
from . import audit
from .access import can_take
from .routing import may_route
from .workflow import WorkflowError


def for_staff(staff: Staff) -> list[SavedView]:
    """The views `staff` saved, by name."""
    return list(
        db.session.scalars(
            db.select(SavedView).where(SavedView.staff_id == staff.id).order_by(SavedView.name)
        )
    )


def own(staff: Staff, view_id: int) -> SavedView | None:
    """The view `view_id` if `staff` saved it, else None (another's view does not exist)."""
    view = db.session.get(SavedView, view_id)
    return view if view is not None and view.staff_id == staff.id else None


def save(staff: Staff, name: str, query: str) -> SavedView:
    """Keep a view under `name` (a checked query string)."""
    view = SavedView(staff_id=staff.id, name=name.strip(), query=query)
    db.session.add(view)
    db.session.commit()
    return view


def delete(view: SavedView) -> None:
    """Forget a view."""
    db.session.delete(view)
    db.session.commit()


class RoutingNotAllowed(Exception):
    """Only staff who may assign any case may route cases (`routing.may_route`)."""


def configure(owner: Staff, view: SavedView, *, digest: bool, route_to: Staff | None) -> None:
    """Set a view's alerts. Alerts switched on start from now (nothing received before is sent
    or routed), and the change is in the audit trail."""
    if route_to is not None and route_to.id != view.route_to_id and not may_route(owner):
        raise RoutingNotAllowed
    if route_to is not None and not can_take(route_to):
        raise WorkflowError(_l("Cases can only be assigned to an active investigator."))
    now = utcnow()
    was_on = view.digest or view.route_to_id is not None
    if not was_on and (digest or route_to is not None):
        view.last_run_at = now
    if digest and not view.digest:
        view.last_digest_at = now
    view.digest = digest
    view.route_to_id = route_to.id if route_to is not None else None
    view.route_to = route_to
    detail = {"view": view.id, "digest": digest, "route_to": view.route_to_id}
    audit.record(owner, "saved_view_alerts", detail=json.dumps(detail))
    db.session.commit()
