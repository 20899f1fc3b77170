"""Tags: the list administrators and supervisors keep, and tags on a case."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _

from ..auth.guard import allow
from ..cases import tags
from ..extensions import db
from ..models import Tag
from ..roles import Can
from .forms import ActionForm
from .tag_forms import CaseTagForm, TagForm, case_tag_form
from .views import _case_to_work, bp, me


def _tag_or_404(tag_id: int) -> Tag:
    tag = tags.get(tag_id)
    if tag is None:
        abort(404)
    return tag


@bp.route("/admin/tags", methods=["GET", "POST"])
@allow(Can.MANAGE_TAGS)
def admin_tags() -> ResponseReturnValue:
    """Every tag, and a form to add one."""
    form = TagForm()
    status = 200
    if form.validate_on_submit():
        try:
            tag = tags.create(me(), form.name.data or "")
        except tags.TagError as error:
            form.name.errors = [str(error.message)]
        else:
            flash(_("Tag “%(name)s” added.", name=tag.name), "info")
            return redirect(url_for(".admin_tags"))
    if form.errors:
        status = 422
    return _tags_page(form), status


def _tags_page(
    form: TagForm, renaming: int | None = None, rename_form: TagForm | None = None
) -> str:
    return render_template(
        "staff/admin_tags.html",
        form=form,
        all_tags=tags.all_tags(),
        action_form=ActionForm(),
        renaming=renaming,
        rename_form=rename_form,
    )


@bp.post("/admin/tags/<int:tag_id>")
@allow(Can.MANAGE_TAGS)
def edit_tag(tag_id: int) -> ResponseReturnValue:
    """Rename a tag, retire it or bring it back."""
    tag = _tag_or_404(tag_id)
    step = request.form.get("step", "")
    if step in ("retire", "restore"):
        if not ActionForm().validate_on_submit():
            abort(400)
        tags.set_active(me(), tag, step == "restore")
        flash(_("Tag “%(name)s” saved.", name=tag.name), "info")
        return redirect(url_for(".admin_tags"))
    form = TagForm(prefix=f"tag-{tag.id}")
    if form.validate_on_submit():
        try:
            tags.rename(me(), tag, form.name.data or "")
        except tags.TagError as error:
            form.name.errors = [str(error.message)]
        else:
            flash(_("Tag “%(name)s” saved.", name=tag.name), "info")
            return redirect(url_for(".admin_tags"))
    db.session.rollback()
    return _tags_page(TagForm(formdata=None), tag.id, form), 422


@bp.post("/cases/<int:case_id>/tags")
@allow(Can.WORK_CASES)
def tag_case(case_id: int) -> ResponseReturnValue:
    """Put a tag on the case."""
    report = _case_to_work(case_id)
    form = CaseTagForm()
    form.tag.choices = case_tag_form().tag.choices
    if form.validate_on_submit():
        tag = tags.get(int(form.tag.data))
        if tag is None:
            abort(404)
        try:
            tags.add(me(), report, tag)
        except tags.TagError as error:
            flash(str(error.message), "error")
        else:
            db.session.commit()
            flash(_("Tag “%(name)s” added.", name=tag.name), "info")
    else:
        flash(" ".join(str(error) for error in form.tag.errors) or _("Choose a tag."), "error")
    return redirect(url_for(".case", case_id=report.id) + "#tags")


@bp.post("/cases/<int:case_id>/tags/<int:tag_id>/remove")
@allow(Can.WORK_CASES)
def untag_case(case_id: int, tag_id: int) -> ResponseReturnValue:
    """Take a tag off the case."""
    report = _case_to_work(case_id)
    tag = _tag_or_404(tag_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    if tags.remove(me(), report, tag):
        db.session.commit()
        flash(_("Tag “%(name)s” removed.", name=tag.name), "info")
    return redirect(url_for(".case", case_id=report.id) + "#tags")
