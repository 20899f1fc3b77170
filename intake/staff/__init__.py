"""The staff workspace: triage queue, case list, case page, assignment, statistics, accounts,
records retention."""

from . import (
    admin,
    browsing,
    bulk_views,
    calendar_views,
    callback_views,
    case_lists,
    complaint_views,
    incidents_views,
    intake_views,
    letters_views,
    records_views,
    respondent_views,
    saved_views,
    statistics_views,
    tags_views,
    views,
)

# The modules whose views are this blueprint's pages: importing them adds their routes.
PAGE_MODULES = (
    views,
    case_lists,
    saved_views,
    statistics_views,
    admin,
    records_views,
    tags_views,
    incidents_views,
    bulk_views,
    browsing,
    letters_views,
    calendar_views,
    respondent_views,
    complaint_views,
    callback_views,
    intake_views,
)
bp = views.bp
