"""Saved views: a staff member names the current case-list filter and opens it again."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl, urlencode

from flask import abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from werkzeug.datastructures import MultiDict
from werkzeug.wrappers import Response
from wtforms import BooleanField, SelectField, ValidationError
from wtforms.validators import Optional

from .. import accounts
from ..auth.guard import allow
from ..cases import queries, routing, saved_views
from ..cases.workflow import WorkflowError
from ..models import SavedView, utcnow
from ..public.forms import options
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


class ViewAlertsForm(FlaskForm):  # type: ignore[misc]
    """A saved view's alerts: a digest to its owner and routing of new matches."""

    digest = BooleanField(_l("Email me a daily digest when new cases match"))
    route_to = SelectField(
        _l("Assign new matching cases to"),
        validators=[Optional()],
        description=_l(
            "Only cases that nobody is assigned to; an assigned case is never reassigned, and "
            "no status is changed."
        ),
    )

    def __init__(self, *args: Any, may_route: bool, current: int | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.may_route, self.current = may_route, current
        choices = [(str(s.id), f"{s.name} ({s.email})") for s in accounts.investigators()]
        self.route_to.choices = options([("", _l("Nobody"))], choices)
        if not may_route:
            self.route_to.description = _l("Only staff who may assign any case can route cases.")

    def validate_route_to(self, field: SelectField) -> None:
        """Routing is for staff who may assign any case; others keep what is set, or clear it."""
        chosen = field.data or ""
        if chosen and chosen != str(self.current or "") and not self.may_route:
            raise ValidationError(
                _l(
                    "Only staff who may assign any case can route cases. You can still turn "
                    "the digest on or off."
                )
            )


def _alerts_form(view: SavedView) -> ViewAlertsForm:
    data = {"digest": view.digest, "route_to": str(view.route_to_id or "")}
    return ViewAlertsForm(
        data=None if request.method == "POST" else data,
        may_route=routing.may_route(me()),
        current=view.route_to_id,
    )


@bp.route("/views/<int:view_id>/alerts", methods=["GET", "POST"])
@allow(*READ_CASES)
def view_alerts(view_id: int) -> ResponseReturnValue:
    """A saved view's alerts: set them, or try them on the last 90 days first."""
    view = _own_view_or_404(view_id)
    form = _alerts_form(view)
    case_filter = routing.view_filter(view)
    result = None
    if form.validate_on_submit():
        route_to = accounts.get(int(form.route_to.data)) if form.route_to.data else None
        if request.form.get("action") == "preview":
            if case_filter is not None:
                result = routing.preview(case_filter, me(), route_to, utcnow())
        else:
            try:
                saved_views.configure(me(), view, digest=form.digest.data, route_to=route_to)
            except saved_views.RoutingNotAllowed:
                abort(403)  # The form refuses this first; only a race with a role change.
            except WorkflowError as error:
                form.route_to.errors = [str(error.message)]
            else:
                flash(_("Alerts saved."), "info")
                return redirect(url_for(".view_alerts", view_id=view.id))
    status = 422 if form.errors else 200
    return render_template(
        "staff/saved_view.html",
        view=view,
        form=form,
        usable=case_filter is not None,
        list_url=url_for(".open_view", view_id=view.id),
        preview=result,
    ), status
