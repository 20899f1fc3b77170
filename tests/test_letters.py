"""The letter library: seeded templates, versions per language, safe variables, the case page's
picker, previews and printed letters."""

from __future__ import annotations

import re
from io import BytesIO
from typing import Any

import pytest
from flask import Flask
from flask_babel import force_locale
from flask_babel import gettext as _
from pypdf import PdfReader

from intake import fonts
from intake.extensions import db
from intake.letters import seed
from intake.models import AuditEvent, LetterTemplate, LetterVersion, Report

from .helpers import IDENTIFIED_CONTACT, StaffBrowser, hate_answers

ACKNOWLEDGEMENT = "/staff/letters/acknowledgement"


def edit(browser: StaffBrowser, key: str, language: str, body: str) -> Any:
    """Save one language's text through the edit page."""
    url = f"/staff/letters/{key}/edit?language={language}"
    return browser.post(url, {"body": body}, follow=True)


def case_with_contact(make_case: Any, **contact: Any) -> int:
    return int(make_case(hate_answers(contact={**IDENTIFIED_CONTACT, **contact})))


def letter_text(response: Any) -> str:
    assert response.status_code == 200, response.status_code
    assert response.mimetype == "application/pdf"
    reader = PdfReader(BytesIO(response.data))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def audit_details(app: Flask, action: str) -> list[str]:
    with app.app_context():
        query = db.select(AuditEvent.detail).where(AuditEvent.action == action)
        return [detail or "" for detail in db.session.scalars(query.order_by(AuditEvent.id))]


@pytest.mark.parametrize("language", ["en", "es", "ar", "zh"])
def test_the_migration_seeds_todays_four_templates_word_for_word(
    app: Flask, make_case: Any, language: str
) -> None:
    case_id = case_with_contact(make_case, preferred_language=language)
    with app.test_request_context():
        report = db.session.get(Report, case_id)
        assert report is not None
        report.referred_to = "eeoc"
        from intake import followup, vocab

        for default in seed.DEFAULTS:
            with force_locale(language):
                agency = str(vocab.label(vocab.REFERRAL_AGENCIES, "eeoc"))
                before = _(default.body) % {"number": report.record_number, "agency": agency}
            assert followup.template_text(default.key, report) == before
        db.session.rollback()
        keys = db.session.scalars(db.select(LetterTemplate.key).order_by(LetterTemplate.id))
        # Today's four, then the notice to the respondent (migration 0020).
        assert list(keys)[:4] == ["acknowledgement", "request_info", "referral", "closure"]


def test_an_edit_adds_a_version_and_the_old_one_stays_readable(
    app: Flask, staff_browser: Any
) -> None:
    supervisor = staff_browser("supervisor")
    with app.app_context():
        first = db.session.scalar(
            db.select(LetterVersion.body)
            .join(LetterTemplate)
            .where(LetterTemplate.key == "acknowledgement", LetterVersion.language == "es")
        )
    assert first
    assert "{number}" in first
    page = edit(supervisor, "acknowledgement", "es", "Gracias por su reporte {number}. Nuevo.")
    assert "Version 2 saved." in page.get_data(as_text=True)
    history = supervisor.get(f"{ACKNOWLEDGEMENT}/history?language=es").get_data(as_text=True)
    assert "Gracias por su reporte {number}. Nuevo." in history
    assert first in history  # Version 1, word for word.
    assert history.index("Version 2") < history.index("Version 1")
    assert audit_details(app, "letter_saved") == ["acknowledgement es v2"]
    again = edit(supervisor, "acknowledgement", "es", "Gracias por su reporte {number}. Nuevo.")
    assert again.status_code == 422
    assert "nothing to save" in again.get_data(as_text=True)


def test_a_new_english_text_makes_the_translations_older_than_english(
    app: Flask, staff_browser: Any
) -> None:
    admin = staff_browser("admin")
    listing = admin.get("/staff/letters").get_data(as_text=True)
    assert "Older than English" not in listing
    edit(admin, "closure", "en", "We closed your report {number}. Thank you.")
    page = admin.get("/staff/letters/closure").get_data(as_text=True)
    row = re.search(r"<span lang=\"es\">.*?</tr>", page, re.S)
    assert row
    assert "Older than English" in row.group(0)
    edit(admin, "closure", "es", "Cerramos su reporte {number}. Gracias.")
    row = re.search(r"<span lang=\"es\">.*?</tr>", admin.get("/staff/letters/closure").text, re.S)
    assert row
    assert "Up to date" in row.group(0)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("Dear {name}, thank you.", "{name} is not a variable"),
        ("Report {number.__class__}", "{number.__class__} is not a variable"),
        ("Report {number!r}", "{number!r} is not a variable"),
        ("Report {0}", "{0} is not a variable"),
        ("An open { brace", "A brace has no partner"),
    ],
)
def test_an_unknown_variable_is_refused_with_a_message_and_the_text_kept(
    app: Flask, staff_browser: Any, body: str, message: str
) -> None:
    supervisor = staff_browser("supervisor")
    response = edit(supervisor, "referral", "en", body)
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert message in html
    assert re.search(r"<textarea[^>]*>\s*" + re.escape(body.replace("'", "&#39;")), html)
    with app.app_context():
        assert db.session.scalar(db.select(db.func.max(LetterVersion.number))) == 1


def test_the_case_page_picker_reads_the_library(
    app: Flask, staff_browser: Any, make_case: Any
) -> None:
    supervisor = staff_browser("supervisor")
    case_id = case_with_contact(make_case, preferred_language="uk")
    edit(supervisor, "acknowledgement", "uk", "Дякуємо, {number}! Отримано {received_date}.")
    created = supervisor.post(
        "/staff/letters/new",
        {
            "name": "Interview invitation",
            "kind": "message",
            "body": "Please call {commission_phone}.",
        },
    )
    assert created.status_code == 302
    page = f"/staff/cases/{case_id}"
    with app.app_context():
        number = db.session.get(Report, case_id).record_number  # type: ignore[union-attr]
    html = supervisor.get(f"{page}?template=acknowledgement").get_data(as_text=True)
    assert f"Дякуємо, {number}! Отримано " in html
    assert "Not yet translated" not in html
    assert "Interview invitation (not yet translated)" in html
    html = supervisor.get(f"{page}?template=interview_invitation").get_data(as_text=True)
    assert "Please call (312) 744-4111." in html
    assert "Not yet translated" in html
    # A hidden template is neither offered nor filled in.
    supervisor.post(
        "/staff/letters/interview_invitation/active",
        {"active": "no"},
        page="/staff/letters/interview_invitation",
    )
    html = supervisor.get(f"{page}?template=interview_invitation").get_data(as_text=True)
    assert "Interview invitation" not in html
    assert "Please call" not in html


def test_a_printed_letter_has_the_letterhead_the_record_number_and_the_text(
    app: Flask, staff_browser: Any, make_case: Any
) -> None:
    supervisor = staff_browser("supervisor")
    case_id = case_with_contact(make_case, preferred_language="en", preferred_method="mail")
    supervisor.post(
        "/staff/letters/new",
        {"name": "Notice by mail", "kind": "letter", "body": "Your case is {case_number}."},
    )
    page = f"/staff/cases/{case_id}"
    html = supervisor.get(page).get_data(as_text=True)
    assert "The resident asked to be reached by mail." in html
    assert '<option value="notice_by_mail">Notice by mail</option>' in html
    # A letter is printed, not offered as a message.
    assert 'value="notice_by_mail"' not in html.split('id="letters"')[0]
    response = supervisor.post(f"{page}/letter", {"letter": "notice_by_mail"}, page=page)
    text = letter_text(response)
    with app.app_context():
        report = db.session.get(Report, case_id)
        assert report is not None
        numbers = (report.record_number, report.case_number)
    assert "Chicago Commission on Human Relations" in text
    assert "(312) 744-4111" in text
    assert f"Record number: {numbers[0]}" in text
    assert f"Your case is {numbers[1]}." in text
    assert "123 W Example St" not in text  # Contact details not shown: the block is empty.
    supervisor.case_with_contact(case_id)
    text = letter_text(supervisor.post(f"{page}/letter", {"letter": "notice_by_mail"}, page=page))
    assert "Maria Example" in text
    assert "123 W Example St, Chicago IL" in text
    assert audit_details(app, "letter_printed") == [
        "notice_by_mail en v1",
        "notice_by_mail en v1 with address",
    ]
    assert "Printed a letter" in supervisor.get(page).get_data(as_text=True)  # The trail says so.


# Chinese prints in Chinese where the Noto CJK font is installed (CI installs it), else English.
CHINESE = "zh" if fonts.fallback_file("noto-cjk") else "en"


@pytest.mark.parametrize(("language", "printed"), [("es", "es"), ("ar", "ar"), ("zh", CHINESE)])
def test_a_letter_is_printed_in_the_residents_language_when_the_font_has_it(
    app: Flask, staff_browser: Any, make_case: Any, language: str, printed: str
) -> None:
    supervisor = staff_browser("supervisor")
    case_id = case_with_contact(make_case, preferred_language=language)
    page = f"/staff/cases/{case_id}"
    html = supervisor.get(page).get_data(as_text=True)
    assert ("print in English" in html) == (printed != language)
    text = letter_text(supervisor.post(f"{page}/letter", {"letter": "closure"}, page=page))
    assert audit_details(app, "letter_printed") == [f"closure {printed} v1"]
    if printed == "es":
        assert "Comisión" in text or "Comision" in text


def test_a_bad_print_request_goes_back_to_the_case_with_a_message(
    app: Flask, staff_browser: Any, make_case: Any
) -> None:
    intake = staff_browser("intake")
    case_id = make_case()
    page = f"/staff/cases/{case_id}"
    response = intake.post(f"{page}/letter", {"letter": "no-such-letter"}, page=page, follow=True)
    assert "Choose a letter to print." in response.get_data(as_text=True)
    assert audit_details(app, "letter_printed") == []


def test_a_preview_shows_a_case_only_to_staff_who_may_open_it(
    app: Flask, staff_browser: Any, make_case: Any
) -> None:
    case_id = make_case()
    with app.app_context():
        report = db.session.get(Report, case_id)
        assert report is not None
        record, case_number = report.record_number, report.case_number
    url = f"{ACKNOWLEDGEMENT}/preview?language=en&case={case_number}"
    supervisor, admin = staff_browser("supervisor"), staff_browser("admin")
    shown = supervisor.get(url).get_data(as_text=True)
    assert f"Thank you for your report {record}." in shown
    assert f"Filled in for case {case_number}." in shown
    hidden = admin.get(url).get_data(as_text=True)
    assert record not in hidden
    assert "sample values are used" in hidden
    assert "Thank you for your report HR-0000-0000." in hidden
    assert audit_details(app, "letter_previewed") == ["acknowledgement"]


def test_template_text_is_shown_as_text_never_as_html(app: Flask, staff_browser: Any) -> None:
    supervisor = staff_browser("supervisor")
    edit(supervisor, "closure", "en", "<script>alert(1)</script> {number}")
    page = supervisor.get("/staff/letters/closure/preview?language=en").get_data(as_text=True)
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; HR-0000-0000" in page


def test_only_letter_managers_reach_the_library(staff_browser: Any) -> None:
    for role, allowed in (("intake", False), ("investigator", False), ("admin", True)):
        status = staff_browser(role).get("/staff/letters").status_code
        assert (status == 200) == allowed, role


def test_no_hostile_input_on_the_library_pages_gives_a_server_error(
    app: Flask, staff_browser: Any, make_case: Any, caplog: pytest.LogCaptureFixture
) -> None:
    import logging

    from .hostile import Walker, csrf_of, pages, read_page
    from .test_unique_ids import duplicated

    case_id = case_with_contact(make_case, preferred_language="ar")
    supervisor = staff_browser("supervisor")
    paths = [
        "/staff/letters",
        "/staff/letters/new",
        ACKNOWLEDGEMENT,
        *(f"{ACKNOWLEDGEMENT}/{page}?language=ar" for page in ("edit", "history", "preview")),
        f"{ACKNOWLEDGEMENT}/preview?language=en&case=1",
        f"/staff/cases/{case_id}",
    ]
    token = csrf_of(supervisor.get("/staff/letters/new").get_data(as_text=True))
    assert token
    walker = Walker(supervisor.client, token)
    with caplog.at_level(logging.ERROR):
        forms = {}
        for path, html in pages(paths, supervisor.client):
            assert duplicated(html) == [], path
            found, names = read_page(html, path.split("?")[0])
            walker.attack_query(path.split("?")[0], names, alone=names)
            forms.update({f"{form.method} {form.action}": form for form in found})
        for key, form in forms.items():
            if "letter" in key or "/staff/letters" in key:
                walker.attack_form(form)
    assert walker.findings == []
    assert walker.sent > 300, walker.sent
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == []
