"""Staff take a report down for a resident: phone, mail, referrals, through the public form's
pages and checks, in the staff member's language; the report is the resident's, in theirs."""

from __future__ import annotations

import html
import logging
import re
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from flask import Flask

from intake import questions
from intake.extensions import db
from intake.models import Attachment, AuditEvent, Report
from intake.public.flow import QUESTION_PAGES

from .helpers import Resident, StaffBrowser, database_text, discrimination_answers, hate_answers
from .helpers import pdf_bytes as pdf_file
from .hostile import Walker, csrf_of, pages, read_page
from .test_security import png_bytes

START = "/staff/intake"
RECORD = re.compile(r"HR-[0-9A-Z]{4}-[0-9A-Z]{4}")
CODE = re.compile(r'<p class="receipt__code"[^>]*>(.*?)</p>', re.S)
GROUP = re.compile(r'<bdi dir="ltr">(\d{4})</bdi>')
ERRORS = re.compile(r'<p class="field-error"[^>]*>.*?</span>\s*(.*?)\s*</p>', re.S)


def page_data(page: str, answers: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """What a page asks, answered from `answers`."""
    return {
        q.name: answers[q.section][q.name]
        for q in questions.on_page(page)
        if q.name in answers.get(q.section, {})
    }


def for_someone(answers: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The same report, made by a family member on behalf of the person it happened to (each
    answer in the section its question belongs to)."""
    given = {
        "reporter_role": "behalf",
        "reporter_relationship": "family",
        "affected_consent": "yes",
    }
    for name, value in given.items():
        for section in answers.values():
            section.pop(name, None)
        answers.setdefault(questions.BY_NAME[name].section, {})[name] = value
    return answers


def start_report(
    browser: StaffBrowser, channel: str, language: str, callback: int | None = None
) -> str:
    """Start a report (from call-back `callback`, if given); the first page's address."""
    start: dict[str, Any] = {"channel": channel, "language": language}
    if callback is not None:
        start["callback"] = callback
    page = START if callback is None else f"{START}?callback={callback}"
    response = browser.post(START, start, page=page)
    assert response.status_code == 302, response.get_data(as_text=True)
    return str(response.headers["Location"])


def walk(
    browser: StaffBrowser,
    answers: dict[str, dict[str, Any]],
    location: str,
    files: tuple[tuple[bytes, str, bool], ...] = (),
) -> list[str]:
    """Answer page after page where the portal leads, up to the review; the evidence page gets
    `files` ((content, name, is the original)). Returns the pages seen."""
    seen = []
    while not location.endswith("/staff/intake/review"):
        page = location.rsplit("/", 1)[-1]
        seen.append(page)
        if page == "evidence":
            for content, name, original in files:
                data: dict[str, Any] = {"files": [(BytesIO(content), name)], "action": "add"}
                if original:
                    data["original"] = "y"
                added = browser.post(location, data, content_type="multipart/form-data")
                assert added.status_code == 302, added.get_data(as_text=True)
            data = {"action": "continue"}
        else:
            data = page_data(page, answers)
        response = browser.post(location, data)
        assert response.status_code == 302, (page, response.get_data(as_text=True))
        location = response.headers["Location"]
    return seen


def take(
    browser: StaffBrowser,
    answers: dict[str, dict[str, Any]],
    channel: str = "phone",
    language: str = "es",
    files: tuple[tuple[bytes, str, bool], ...] = (),
) -> list[str]:
    """Start a report and answer every page up to the review; the pages seen."""
    return walk(browser, answers, start_report(browser, channel, language), files)


def send(browser: StaffBrowser) -> tuple[str, str, str]:
    """Send from the review page; (record number, code as read aloud, the done page)."""
    response = browser.post("/staff/intake/review", {})
    assert response.status_code == 302, response.get_data(as_text=True)
    assert response.headers["Location"].endswith("/staff/intake/done")
    done = browser.get("/staff/intake/done").get_data(as_text=True)
    record = RECORD.search(done)
    code = CODE.search(done)
    assert record
    assert code
    return record.group(0), " ".join(GROUP.findall(code.group(1))), done


def the_report(app: Flask, record: str) -> Report:
    with app.app_context():
        report = db.session.scalars(db.select(Report).where(Report.record_number == record)).one()
        report.attachments, report.consents  # noqa: B018 - loaded before the context closes
        return report


def audit_events(app: Flask, report_id: int) -> list[tuple[str, str | None, int | None]]:
    with app.app_context():
        events = db.session.scalars(
            db.select(AuditEvent).where(AuditEvent.report_id == report_id)
        ).all()
        return [(e.action, e.detail, e.staff_id) for e in events]


def test_a_phone_report_is_filed_in_the_residents_language_by_the_staff_member(
    app: Flask, staff_browser: Any, caplog: pytest.LogCaptureFixture
) -> None:
    browser = staff_browser("intake")
    answers = hate_answers(contact={"name": "Rosa Ejemplo", "phone": "(312) 555-0142"})
    with caplog.at_level(logging.DEBUG):
        start = browser.get(START).get_data(as_text=True)
        assert "How did the report come in?" in start
        seen = take(browser, answers, channel="phone", language="es")
        review = browser.get("/staff/intake/review").get_data(as_text=True)
        record, code, done = send(browser)
    # The staff member's pages stayed in English; every answer was on the review, changeable.
    assert "Check and send" in review
    assert "Rosa Ejemplo" in review
    assert 'href="/staff/intake/story"' in review
    assert "The report was sent" in done
    assert "evidence" in seen
    assert "danger" in seen
    assert "area" not in seen
    # Sixteen digits, read aloud in four groups of four.
    assert re.fullmatch(r"\d{4} \d{4} \d{4} \d{4}", code)
    report = the_report(app, record)
    assert report.channel == "phone"
    assert report.taken_by_id == browser.staff_id  # type: ignore[attr-defined]
    assert report.language == "es"
    assert report.kind == "hate"
    events = audit_events(app, report.id)
    assert ("report_taken", "phone", browser.staff_id) in events  # type: ignore[attr-defined]
    # The code is in no audit entry, no stored text and no log line.
    digits = code.replace(" ", "")
    assert digits not in database_text(app).replace(" ", "")
    assert all(digits not in record.getMessage().replace(" ", "") for record in caplog.records)
    # The resident opens the report with what was read to them.
    resident = Resident(app.test_client())
    response = resident.post("/check", {"record_number": record, "receipt": code})
    assert response.status_code == 302
    assert resident.get("/check/report").status_code == 200


def test_the_code_is_shown_until_it_was_given_and_printed_in_the_residents_language(
    app: Flask, staff_browser: Any
) -> None:
    browser = staff_browser("intake")
    take(browser, discrimination_answers(), channel="walk_in", language="es")
    record, code, done = send(browser)
    assert "read" in done.lower()
    assert "slowly" in done
    letter = browser.get("/staff/intake/done/letter").get_data(as_text=True)
    assert '<article class="letter" lang="es" dir="ltr">' in letter
    assert "Su número de registro" in letter
    assert "Su código secreto" in letter
    assert record in letter
    assert " ".join(GROUP.findall(CODE.search(letter).group(1))) == code  # type: ignore[union-attr]
    assert "http://localhost/check" in letter
    assert '<bdi dir="ltr">(312) 744-4111</bdi>' in letter
    # Once given, the code is forgotten: neither the page nor the letter shows it again.
    response = browser.post("/staff/intake/done", {})
    assert response.status_code == 302
    again = browser.get("/staff/intake/done").get_data(as_text=True)
    assert record in again
    assert CODE.search(again) is None
    assert browser.get("/staff/intake/done/letter").status_code == 302


def test_an_arabic_letter_reads_right_to_left(app: Flask, staff_browser: Any) -> None:
    browser = staff_browser("supervisor")
    take(browser, hate_answers(), channel="phone", language="ar")
    send(browser)
    letter = browser.get("/staff/intake/done/letter").get_data(as_text=True)
    assert '<article class="letter" lang="ar" dir="rtl">' in letter
    # The staff member's page around it stays left to right, in English.
    assert '<html lang="en" dir="ltr">' in letter


def test_a_mailed_paper_form_keeps_its_scanned_original(app: Flask, staff_browser: Any) -> None:
    browser = staff_browser("supervisor")
    files = ((pdf_file(), "paper-form.pdf", True), (png_bytes(), "photo.png", False))
    take(browser, discrimination_answers(), channel="mail", language="pl", files=files)
    evidence = browser.get("/staff/intake/evidence").get_data(as_text=True)
    assert "This is the original (scanned letter or forwarded email)" in evidence
    record, _code, _done = send(browser)
    report = the_report(app, record)
    assert report.channel == "mail"
    assert report.language == "pl"
    sources = {item.original_name: item.source for item in report.attachments}
    assert sources == {"paper-form.pdf": "original", "photo.png": "resident"}


def test_a_phone_report_offers_no_original(app: Flask, staff_browser: Any) -> None:
    browser = staff_browser("intake")
    take(browser, hate_answers(), channel="phone", files=((png_bytes(), "a.png", True),))
    evidence = browser.get("/staff/intake/evidence").get_data(as_text=True)
    assert "This is the original" not in evidence
    record, _code, _done = send(browser)
    assert [item.source for item in the_report(app, record).attachments] == ["resident"]


def test_a_police_referral_records_the_channel_and_the_consent_it_came_with(
    app: Flask, staff_browser: Any
) -> None:
    browser = staff_browser("intake")
    answers = hate_answers(
        contact={"name": "Sam Example", "phone": "(773) 555-0123", "share_with_police": True}
    )
    seen = take(browser, answers, channel="police", language="en")
    assert "police" in seen
    record, _code, _done = send(browser)
    report = the_report(app, record)
    assert report.channel == "police"
    assert report.share_with_police
    assert [(c.subject, c.given, c.channel) for c in report.consents] == [
        ("police", True, "police")
    ]
    assert ("report_taken", "police", browser.staff_id) in audit_events(app, report.id)  # type: ignore[attr-defined]
    # The case's trail names what happened and the channel, in words.
    supervisor = staff_browser("supervisor")
    trail = supervisor.get(f"/staff/cases/{report.id}?audit=all").get_data(as_text=True)
    assert "Took the report down for the resident" in trail
    assert "Referral from the police" in trail


def test_reporting_for_someone_else_asks_the_same_follow_up_pages(
    app: Flask, staff_browser: Any
) -> None:
    browser = staff_browser("intake")
    answers = for_someone(
        hate_answers(contact={"name": "Lee Example", "affected_name": "Kim Example"})
    )
    seen = take(browser, answers, channel="community", language="ko")
    assert "relationship" in seen
    assert "affected" in seen
    record, _code, _done = send(browser)
    report = the_report(app, record)
    assert report.reporter_role == "behalf"
    assert report.channel == "community"


def test_refused_answers_keep_what_was_typed_with_the_public_forms_errors(
    app: Flask, staff_browser: Any, resident: Resident
) -> None:
    browser = staff_browser("intake")
    browser.get(f"{START}?lang=es")  # The staff member works in Spanish.
    take(browser, hate_answers(), channel="email", language="en")
    typed = {"name": "Ana Ejemplo", "email": "not-an-email", "phone": "12"}
    response = browser.post("/staff/intake/details", typed)
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert 'value="Ana Ejemplo"' in page
    assert 'value="not-an-email"' in page
    staff_errors = ERRORS.findall(page)
    # The resident's form, in the same language, refuses the same answers with the same words.
    resident.get("/report/kind?lang=es")
    for name in ("kind", "incident", "place"):
        resident.post(f"/report/{name}", hate_answers()[name])
    resident.post("/report/details", typed)
    public_errors = ERRORS.findall(resident.get("/report/details").get_data(as_text=True))
    assert len(staff_errors) == 2
    assert staff_errors == public_errors
    assert "correo" in html.unescape(" ".join(staff_errors)).lower()
    # Nothing typed is lost on leaving the page and coming back.
    again = browser.get("/staff/intake/details").get_data(as_text=True)
    assert 'value="Ana Ejemplo"' in again
    assert 'value="not-an-email"' in again
    # And the report cannot be sent until it is right.
    assert browser.post("/staff/intake/review", {}).status_code == 422


def test_a_page_needs_a_started_report_and_a_kind(staff_browser: Any) -> None:
    browser = staff_browser("intake")
    response = browser.get("/staff/intake/story")
    assert response.headers["Location"].endswith(START)
    browser.post(START, {"channel": "phone", "language": "es"})
    assert browser.get("/staff/intake/story").headers["Location"].endswith("/staff/intake/kind")
    assert browser.get("/staff/intake/review").headers["Location"].endswith("/staff/intake/kind")


def test_the_start_page_refuses_unknown_channels_and_languages(staff_browser: Any) -> None:
    browser = staff_browser("intake")
    for data in (
        {"channel": "online", "language": "es"},
        {"channel": "carrier-pigeon", "language": "es"},
        {"channel": "phone", "language": "xx"},
        {"channel": "phone", "language": ""},
    ):
        response = browser.post(START, data)
        assert response.status_code == 422, data
        assert "error-summary" in response.get_data(as_text=True)
    assert browser.get("/staff/intake/kind").headers["Location"].endswith(START)


def test_discarding_deletes_the_draft_and_its_files(app: Flask, staff_browser: Any) -> None:
    browser = staff_browser("intake")
    take(browser, hate_answers(), channel="mail", files=((png_bytes(), "a.png", True),))
    pending = Path(app.config["UPLOAD_FOLDER"]) / "pending"
    assert len(list(pending.iterdir())) == 1
    response = browser.post("/staff/intake/discard", {}, page="/staff/intake/review")
    assert response.status_code == 302
    assert list(pending.iterdir()) == []
    assert browser.get("/staff/intake/review").headers["Location"].endswith(START)
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Report.id))) == 0
        assert db.session.scalar(db.select(db.func.count(Attachment.id))) == 0


def test_one_staff_members_draft_is_not_anothers(staff_browser: Any) -> None:
    first, second = staff_browser("intake"), staff_browser("supervisor")
    take(first, hate_answers(), channel="phone")
    assert second.get("/staff/intake/review").headers["Location"].endswith(START)
    assert first.get("/staff/intake/review").status_code == 200


@pytest.mark.parametrize("role", ["investigator", "admin"])
def test_other_roles_cannot_take_reports(staff_browser: Any, role: str) -> None:
    browser = staff_browser(role)
    assert browser.get(START).status_code == 403
    assert browser.get("/staff/intake/kind").status_code == 403
    assert 'href="/staff/intake"' not in browser.get("/staff/password").get_data(as_text=True)


@pytest.mark.parametrize("role", ["intake", "supervisor"])
def test_intake_and_supervisors_find_the_link(staff_browser: Any, role: str) -> None:
    page = staff_browser(role).get("/staff/password").get_data(as_text=True)
    assert 'href="/staff/intake">Take a report</a>' in page


def test_no_hostile_input_on_the_intake_pages_gives_a_server_error(
    app: Flask, staff_browser: Any, caplog: pytest.LogCaptureFixture
) -> None:
    browser = staff_browser("intake")
    # "Not sure", for someone else, with contact details: nearly every page applies.
    answers = for_someone(
        hate_answers(kind={"kind": "unsure"}, contact={"name": "Ana", "email": "a@b.example"})
    )
    take(browser, answers, channel="mail", files=((png_bytes(), "a.png", True),))
    token = csrf_of(browser.get(START).get_data(as_text=True))
    assert token
    # Sending, deleting and starting over end the draft: those forms go last.
    last = (f"{START}/review", f"{START}/discard", START)
    walker = Walker(browser.client, token, skip_actions=("/staff/sign-out", *last))
    paths = [START, *(f"{START}/{page}" for page in (*QUESTION_PAGES, "evidence", "review"))]
    with caplog.at_level(logging.ERROR):
        forms = {}
        for path, page_html in pages(paths, browser.client):
            found, names = read_page(page_html, path)
            walker.attack_query(path, {"callback", "lang"}, alone=names)
            for form in found:
                forms.setdefault(f"{form.method} {form.action}", form)
        for form in forms.values():
            walker.attack_form(form)
        walker.skip_actions = ("/staff/sign-out",)
        for action in last:
            walker.attack_form(forms[f"post {action}"])
        # After sending: the done page and its letter.
        for path, page_html in pages([f"{START}/done", f"{START}/done/letter"], browser.client):
            walker.attack_query(path, {"callback", "lang"}, alone=read_page(page_html, path)[1])
    assert walker.findings == []
    assert walker.sent > 300, walker.sent
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == []


def test_a_call_back_becomes_a_report_with_its_phone_filled_in(
    app: Flask, staff_browser: Any
) -> None:
    from intake import callbacks
    from intake.clock import today

    with app.app_context():
        callback_id = callbacks.request_callback(
            language="pl",
            phone="(773) 555-0199",
            may_leave_message=True,
            received=today(),
            good_times="Mornings",
        ).id
    browser = staff_browser("intake")
    start = browser.get(f"{START}?callback={callback_id}").get_data(as_text=True)
    assert re.search(r'value="phone"[^>]*checked', start)
    assert re.search(r'<option selected value="pl">|<option value="pl" selected>', start)
    first = start_report(browser, "phone", "pl", callback=callback_id)
    answers = hate_answers()
    browser.post(first, answers["kind"])
    details = browser.get("/staff/intake/details").get_data(as_text=True)
    assert 'value="(773) 555-0199"' in details
    reach = browser.get("/staff/intake/reach").get_data(as_text=True)
    assert 'value="Mornings"' in reach
    # The staff member leaves what was filled in as it is.
    answers["contact"] = {
        "phone": "(773) 555-0199",
        "best_time": "Mornings",
        "safe_to_leave_message": "yes",
        "preferred_method": "phone",
        "preferred_language": "pl",
    }
    walk(browser, answers, first)
    record, _code, _done = send(browser)
    report = the_report(app, record)
    assert report.language == "pl"
    with app.app_context():
        stored = db.session.get(Report, report.id)
        assert stored is not None
        assert stored.contact is not None
        assert stored.contact.phone == "(773) 555-0199"
        assert stored.contact.best_time == "Mornings"
        request = callbacks.get(callback_id)
        assert request is not None
        assert (request.status, request.report_id) == (callbacks.CONVERTED, report.id)
    # A closed request starts nothing: the start page says so and forgets its id.
    again = browser.get(f"{START}?callback={callback_id}").get_data(as_text=True)
    assert "This call-back request is not open any more." in again
    assert f'value="{callback_id}"' not in again
