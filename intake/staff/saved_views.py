"""Saved views: a staff member names the current case-list filter and opens it again."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode

from flask import abort, flash, redirect, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from werkzeug.datastructures import MultiDict
from werkzeug.wrappers import Response

from ..auth.guard import allow
from ..cases import queries, saved_views
from ..models import SavedView
from ..roles import READ_CASES
from .case_lists import render_list
from .forms import ActionForm, SavedViewForm
from .views import bp, me


def _list_url(query: str) -> str:
    return url_for(".cases") + ("?" + query if query else "")


@bp.post("/views")
@allow(*READ_CASES)
def save_view() -> ResponseReturnValue:
    """Save the current filter under a name, keeping only the filters a list understands."""
    form = SavedViewForm()
    query = queries.filter_query(form.query.data or "")
    if form.validate_on_submit() and query is not None:
        saved_views.save(me(), form.name.data, query)
        flash(_("View saved."), "info")
        return redirect(_list_url(query))
    # Back to the list with what can be kept of the filters, the name as typed, and why.
    usable = queries.filter_pairs(parse_qsl((form.query.data or "")[:4000], errors="replace"))
    form.query.data = urlencode(usable)
    args = MultiDict(usable)
    return render_list(_("Cases"), "staff.cases", {}, "received", args=args, saved_form=form)


def _own_view_or_404(view_id: int) -> SavedView:
    view = saved_views.own(me(), view_id)  # <int:...> ids past MAX_ID are 404 already.
    if view is None:
        abort(404)
    return view


@bp.get("/views/<int:view_id>")
@allow(*READ_CASES)
def open_view(view_id: int) -> Response:
    """Open a saved view (one saved before its query was checked opens as the plain list)."""
    query = queries.filter_query(_own_view_or_404(view_id).query)
    if query is None:
        flash(
            _("This saved view holds filters that cannot be used. Here is the whole list."), "error"
        )
        return redirect(url_for(".cases"))
    return redirect(_list_url(query))


@bp.post("/views/<int:view_id>/delete")
@allow(*READ_CASES)
def delete_view(view_id: int) -> Response:
    """Forget a saved view."""
    view = _own_view_or_404(view_id)
    if not ActionForm().validate_on_submit():
        abort(404)
    saved_views.delete(view)
    return redirect(url_for(".cases"))
