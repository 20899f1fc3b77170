"""A staff member's saved case-list views: a name and the list's query string."""

from __future__ import annotations

from ..extensions import db
from ..models import SavedView, Staff


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
