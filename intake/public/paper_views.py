"""The paper form: a page offering it in every shipped language, and each language's PDF."""

from __future__ import annotations

from flask import abort, current_app, render_template
from werkzeug.wrappers import Response

from .. import uploads
from ..i18n import NATIVE_NAMES, direction, language_tag, shipped
from ..paper import form_pdf
from .views import bp


@bp.get("/report/paper")
def paper() -> str:
    """The printable form in each language, how to mail it back, and that phoning works too."""
    languages = [
        {
            "code": code,
            "name": NATIVE_NAMES.get(code, code),
            "tag": language_tag(code),
            "dir": direction(code),
        }
        for code in shipped()
    ]
    address = [line for line in str(current_app.config["COMMISSION_ADDRESS"]).splitlines() if line]
    return render_template("public/paper.html", paper_languages=languages, address=address)


@bp.get("/report/paper/<lang>.pdf")
def paper_pdf(lang: str) -> Response:
    """The whole form in one language, as a PDF to print (built once per language)."""
    if lang not in shipped():
        abort(404)
    response = Response(form_pdf.form_pdf(lang), mimetype="application/pdf")
    response.headers["Content-Disposition"] = uploads.content_disposition(
        f"report-form-{lang}.pdf", inline=False, fallback="report-form"
    )
    return response
