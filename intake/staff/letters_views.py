"""The letter library's pages (Can.MANAGE_LETTERS: supervisors and administrators), and printing
a letter from the case page (Can.WORK_CASES)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask import abort, flash, redirect, render_template, request, url_for
from flask.typing import ResponseReturnValue
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from werkzeug.wrappers import Response
from wtforms import RadioField, SelectField, StringField, TextAreaField
from wtforms.validators import InputRequired, Length

from .. import notifications
from ..auth.guard import allow
from ..cases import access, service
from ..letters import library, printing, render
from ..letters.seed import SOURCE_LANGUAGE
from ..models import LetterTemplate, Report
from ..public.forms import Written, options
from ..roles import Can
from .forms import ActionForm
from .views import bp, me

BODY_LIMIT = 10_000


class LetterTextForm(FlaskForm):  # type: ignore[misc]  # Flask-WTF is untyped
    """One language's text of a template."""

    body = TextAreaField(
        _l("Text"),
        id="letter-body",
        validators=[Written(message=_l("Write the text of the template.")), Length(max=BODY_LIMIT)],
        description=_l("Plain text. Variables in braces, such as {number}, are filled in."),
    )


class NewLetterForm(LetterTextForm):
    """A new template and its English text."""

    name = StringField(
        _l("Name"),
        id="letter-name",
        validators=[Written(message=_l("Give the template a name.")), Length(max=200)],
    )
    kind = RadioField(
        _l("Kind"),
        choices=options(library.KINDS),
        default="message",
        validators=[InputRequired(message=_l("Choose whether it is a message or a letter."))],
    )


class PrintForm(FlaskForm):  # type: ignore[misc]
    """Which template to print for a case."""

    letter = SelectField(_l("Letter"), id="print-letter", validate_choice=False)


@dataclass(frozen=True)
class CasePrinting:
    """What the case page's "Print letter" form needs."""

    form: PrintForm
    english_only: bool
    by_mail: bool


def case_printing(report: Report) -> CasePrinting | None:
    """The print form for a case page, if its reader may work the case."""
    if not access.can_work(me(), report):
        return None
    language = notifications.resident_language(report)
    form = PrintForm(formdata=None)
    form.letter.choices = options(library.picker(None, language))
    by_mail = report.contact is not None and report.contact.preferred_method == "mail"
    return CasePrinting(form, not printing.font_covers(language), by_mail)


@bp.context_processor
def _letters_context() -> dict[str, Any]:
    return {"case_printing": case_printing}


def _template(name: str) -> LetterTemplate:
    template = library.by_key(name)
    if template is None:
        abort(404)
    return template


def _language() -> str:
    language = request.args.get("language", SOURCE_LANGUAGE)
    return language if language in library.languages() else SOURCE_LANGUAGE


@bp.get("/letters")
@allow(Can.MANAGE_LETTERS)
def letters() -> str:
    """Every template, with each language's translation status."""
    rows = [(t, library.currents(t)) for t in library.templates()]
    return render_template(
        "staff/letters.html",
        rows=rows,
        library_languages=library.languages(),
        status=library.status,
        status_labels=library.STATUS_LABELS,
        display_name=library.display_name,
        kinds=dict(library.KINDS),
    )


@bp.route("/letters/new", methods=["GET", "POST"])
@allow(Can.MANAGE_LETTERS)
def letters_new() -> ResponseReturnValue:
    """Add a template with its English text."""
    form = NewLetterForm()
    if form.validate_on_submit():
        try:
            template = library.create(me(), form.name.data, form.kind.data, form.body.data)
        except library.LetterError as error:
            form.body.errors.append(str(error.message))
        else:
            flash(_("Template added."), "info")
            return redirect(url_for(".letters_template", name=template.key))
    return render_template(
        "staff/letters_new.html", form=form, variables=render.VARIABLES
    ), 200 if not form.errors else 422


@bp.get("/letters/<name>")
@allow(Can.MANAGE_LETTERS)
def letters_template(name: str) -> str:
    """One template: its languages, their status, and its settings."""
    template = _template(name)
    newest = library.currents(template)
    return render_template(
        "staff/letters_template.html",
        template=template,
        newest=newest,
        library_languages=library.languages(),
        status=library.status,
        status_labels=library.STATUS_LABELS,
        display_name=library.display_name,
        kinds=dict(library.KINDS),
        action_form=ActionForm(),
    )


@bp.route("/letters/<name>/edit", methods=["GET", "POST"])
@allow(Can.MANAGE_LETTERS)
def letters_edit(name: str) -> ResponseReturnValue:
    """Write one language's text: saving adds a version, the earlier ones stay."""
    template, language = _template(name), _language()
    before = library.current(template, language)
    form = LetterTextForm(data={"body": before.body} if before else None)
    if form.validate_on_submit():
        try:
            version = library.save(me(), template, language, form.body.data)
        except library.LetterError as error:
            form.body.errors.append(str(error.message))
        else:
            flash(_("Version %(number)d saved.", number=version.number), "info")
            return redirect(url_for(".letters_template", name=template.key))
    english = None if language == SOURCE_LANGUAGE else library.current(template, SOURCE_LANGUAGE)
    return render_template(
        "staff/letters_edit.html",
        template=template,
        language=language,
        before=before,
        english=english,
        state=library.status(library.currents(template), language),
        status_labels=library.STATUS_LABELS,
        display_name=library.display_name,
        form=form,
        variables=render.VARIABLES,
    ), 200 if not form.errors else 422


@bp.get("/letters/<name>/history")
@allow(Can.MANAGE_LETTERS)
def letters_history(name: str) -> str:
    """Every version of one language's text, newest first, each readable in full."""
    template, language = _template(name), _language()
    return render_template(
        "staff/letters_history.html",
        template=template,
        language=language,
        versions=library.history(template, language),
        display_name=library.display_name,
    )


@bp.get("/letters/<name>/preview")
@allow(Can.MANAGE_LETTERS)
def letters_preview(name: str) -> str:
    """The current text filled in for a case the editor may open, or for a sample case."""
    template, language = _template(name), _language()
    version = library.current(template, language)
    asked = request.args.get("case", "")[:40]
    shown = printing.preview(me(), version.body, language, asked, template.key) if version else None
    return render_template(
        "staff/letters_preview.html",
        template=template,
        language=language,
        version=version,
        asked=asked,
        shown=shown,
        display_name=library.display_name,
    )


@bp.post("/letters/<name>/active")
@allow(Can.MANAGE_LETTERS)
def letters_active(name: str) -> Response:
    """Offer a template on case pages ("yes"), or stop offering it ("no"; its texts stay)."""
    template = _template(name)
    if not ActionForm().validate_on_submit():
        abort(400)
    wanted = request.form.get("active", "")
    if wanted not in ("yes", "no"):
        flash(_("Choose whether to offer the template or hide it."), "error")
    else:
        library.set_active(me(), template, wanted == "yes")
        flash(_("Template offered on case pages.") if wanted == "yes" else _("Template hidden."))
    return redirect(url_for(".letters_template", name=template.key))


@bp.post("/cases/<int:case_id>/letter")
@allow(Can.WORK_CASES)
def print_letter(case_id: int) -> Response:
    """A template printed as a letter for this case (PDF); every print is audited."""
    report = service.case(case_id)
    if report is None or not access.can_view(me(), report):
        abort(404)
    if not access.can_work(me(), report):
        abort(403)
    form = PrintForm()
    template = library.by_key(form.letter.data or "")
    if not form.validate_on_submit() or template is None or not template.active:
        flash(_("Choose a letter to print."), "error")
        return redirect(url_for(".case", case_id=report.id, _anchor="letters"))
    try:
        printed = printing.print_letter(me(), template, report)
    except LookupError:
        flash(_("This template has no text to print yet."), "error")
        return redirect(url_for(".case", case_id=report.id, _anchor="letters"))
    response = Response(printed.data, mimetype="application/pdf")
    filename = f"letter-{report.case_number}-{template.key}.pdf"
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["Cache-Control"] = "no-store"
    return response
