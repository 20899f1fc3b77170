"""Saved views: a staff member names the current case-list filter and opens it again."""

from __future__ import annotations

from flask import abort, flash, redirect, url_for
from flask_babel import gettext as _
from werkzeug.wrappers import Response

from ..auth.guard import allow
from ..extensions import db
from ..models import SavedView
from .forms import ActionForm, SavedViewForm
from .views import CASE_ROLES, bp, me


@bp.post("/views")
@allow(*CASE_ROLES)
def save_view() -> Response:
    """Save the current filter under a name."""
    form = SavedViewForm()
    if form.validate_on_submit():
        db.session.add(
            SavedView(staff_id=me().id, name=form.name.data.strip(), query=form.query.data or "")
        )
        db.session.commit()
        flash(_("View saved."), "info")
    else:
        flash(_("Give the view a name."), "error")
    return redirect(url_for(".cases") + "?" + (form.query.data or ""))


@bp.get("/views/<int:view_id>")
@allow(*CASE_ROLES)
def open_view(view_id: int) -> Response:
    """Open a saved view."""
    view = db.get_or_404(SavedView, view_id)
    if view.staff_id != me().id:
        abort(404)
    return redirect(url_for(".cases") + "?" + view.query)


@bp.post("/views/<int:view_id>/delete")
@allow(*CASE_ROLES)
def delete_view(view_id: int) -> Response:
    """Forget a saved view."""
    view = db.get_or_404(SavedView, view_id)
    if view.staff_id != me().id or not ActionForm().validate_on_submit():
        abort(404)
    db.session.delete(view)
    db.session.commit()
    return redirect(url_for(".cases"))
