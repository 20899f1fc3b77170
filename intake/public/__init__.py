"""The residents' pages: the form, the confirmation, quick exit, and checking a sent report."""

from . import (
    callback_views,
    check,
    complaint_views,
    confirmation,
    document_views,
    paper_views,
    safety,
    views,
)

# The modules whose views are this blueprint's pages: importing them adds their routes.
PAGE_MODULES = (
    views,
    check,
    confirmation,
    safety,
    document_views,
    complaint_views,
    callback_views,
    paper_views,
)
bp = views.bp
