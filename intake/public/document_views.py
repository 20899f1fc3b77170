"""Files the commission shared with a resident, downloaded from the status page: only by the
browser that opened that report with its record number and secret code."""

from __future__ import annotations

from flask import abort
from werkzeug.wrappers import Response

from ..models import Report
from ..respondents import documents
from ..uploads import file_response
from .check import resident_required
from .views import bp


@bp.get("/check/report/documents/<int:attachment_id>")
@resident_required
def shared_document(report: Report, attachment_id: int) -> Response:
    """A file staff shared with this report's resident (any other file: not found)."""
    if report.disposed_on is not None:
        abort(404)
    try:
        item = documents.open_for_resident(report, attachment_id)
    except LookupError:
        abort(404)
    return file_response(item, inline=False, fallback=f"document-{item.id}")
