"""The resident's side of the formal complaint: read it on the status page's link, sign it with
the typed full name and the attestation (in the session opened with record number and code), and
download the signed PDF."""

from __future__ import annotations

from typing import Any

from flask import abort, flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from sqlalchemy.orm.exc import StaleDataError
from werkzeug.wrappers import Response
from wtforms import BooleanField, HiddenField, IntegerField, StringField
from wtforms.validators import InputRequired, Optional

from .. import uploads, vocab
from ..complaints import drafting, oath, signing
from ..complaints.drafting import ComplaintError
from ..extensions import db
from ..i18n import direction
from ..models import Report
from .check import resident_required
from .forms import Written, too_long
from .views import bp


class SignForm(FlaskForm):  # type: ignore[misc]  # Flask-WTF is untyped
    """The resident's signature: full name typed, and the attestation ticked."""

    version = IntegerField(
        _l("Version"), id="sign-version", widget=HiddenField.widget, validators=[Optional()]
    )
    full_name = StringField(
        _l("Your full name"),
        description=_l("Typing your name here is your signature."),
        validators=[Written(message=_l("Type your full name to sign.")), too_long(300)],
        render_kw={"autocomplete": "name"},
    )
    attest = BooleanField(
        oath.CHECKBOX,
        validators=[
            InputRequired(message=_l("Tick the box to swear or affirm that the complaint is true."))
        ],
    )


def _render(report: Report, form: SignForm | None = None, status: int = 200) -> ResponseReturnValue:
    complaint = drafting.for_resident(report)
    if complaint is None:
        return redirect(url_for(".status"))
    language = str(get_locale() or oath.SOURCE_LANGUAGE)
    if form is None:
        form = SignForm(formdata=None, data={"version": complaint.version})
    return render_template(
        "public/complaint.html",
        report=report,
        complaint=complaint,
        form=form,
        classes=drafting.class_labels(complaint),
        area=vocab.label(vocab.COVERED_AREAS, complaint.covered_area)
        if complaint.covered_area
        else "",
        legal_text=oath.english(),
        translation=oath.translated(language),
        language=language,
        text_direction=direction(language),
    ), status


@bp.get("/check/report/complaint")
@resident_required
def complaint(report: Report) -> ResponseReturnValue:
    """The complaint to read (and sign, when it waits for a signature)."""
    return _render(report)


@bp.post("/check/report/complaint/sign")
@resident_required
def complaint_sign(report: Report) -> ResponseReturnValue:
    """Sign the complaint online; errors keep what was typed."""
    complaint = drafting.to_sign(report)
    if complaint is None:
        return redirect(url_for(".complaint"))
    form = SignForm()
    if not form.validate_on_submit():
        return _render(report, form, 422)
    try:
        signing.sign_online(
            report,
            complaint,
            form.full_name.data,
            form.version.data or 0,
            language=str(get_locale() or oath.SOURCE_LANGUAGE),
        )
    except ComplaintError as error:
        db.session.rollback()
        form.full_name.errors.append(str(error.message))
        return _render(report, form, 409)
    except StaleDataError:
        db.session.rollback()
        form.full_name.errors.append(str(signing.CHANGED))
        return _render(report, form, 409)
    flash(_("Thank you. Your complaint is signed and filed."), "info")
    return redirect(url_for(".complaint"))


@bp.get("/check/report/complaint/<int:number>/pdf")
@resident_required
def complaint_pdf(report: Report, number: int) -> Response:
    """The signed complaint's PDF (this report's only)."""
    item = drafting.version(report, number) if 0 < number < 10_000 else None
    if item is None or report.disposed_on is not None:
        abort(404)
    try:
        data = signing.signed_pdf(item)
    except ComplaintError:
        abort(404)
    signing.record_download(None, report, item)
    response = Response(data, mimetype="application/pdf")
    response.headers["Content-Disposition"] = uploads.content_disposition(
        f"complaint-{report.record_number}.pdf", inline=False, fallback="complaint"
    )
    return response


@bp.context_processor
def _complaint_notice() -> dict[str, Any]:
    return {"complaint_for_resident": drafting.for_resident}
