"""The notice to the respondent as the letter library starts with it (seeded by migration 0020).

Kept apart from notice.py so the migration imports text only. The name is marked for the
catalogs (the library shows seeded names translated); the body is the English letter, which
staff may edit, and translate, in the library like any other template.
"""

from __future__ import annotations

from ..letters.seed import N_

TEMPLATE_KEY = "notice_to_respondent"
TEMPLATE_NAME = N_("Notice to the respondent")
TEMPLATE_BODY = (
    "To {respondent_name}:\n\n"
    "A complaint has been filed with the {commission_name} naming you as a respondent. "
    "Its case number is {case_number} (record {number}). A copy of the complaint is enclosed "
    "when it has been signed.\n\n"
    "You must answer the complaint in writing by {response_deadline}. Send your written "
    "response, with any documents that support it, to the commission at the address above and "
    "quote the case number. A respondent who does not respond by that day may be ordered to "
    "respond, found in default, or have the allegations of the complaint treated as admitted.\n\n"
    "You may be represented by a lawyer or another person. If you have questions, call us at "
    "{commission_phone}."
)
