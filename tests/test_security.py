"""What an outside attacker or a malicious insider tried, and what the portal must do instead.

Each test names the finding it holds shut: sessions that outlive sign-out, secrets in cookies,
control characters, oversized bodies, crafted links, caching, self-granted roles, unlimited
password guesses, and unsafe production settings.
"""

from __future__ import annotations

import base64
import re
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from flask import Flask, request
from flask.testing import FlaskClient
from PIL import Image

import config
from intake.extensions import db
from intake.models import AuditEvent, Report, WebSession

from .helpers import (
    IDENTIFIED_CONTACT,
    STAFF_PASSWORD,
    Resident,
    StaffBrowser,
    database_text,
    hate_answers,
)

TOKEN = re.compile(r"^[A-Za-z0-9_-]{43}$")
RECEIPT = re.compile(r'<p class="receipt__code"[^>]*>\s*([^<]+?)\s*</p>')


def png_bytes() -> bytes:
    out = BytesIO()
    Image.new("RGB", (8, 8), "blue").save(out, format="PNG")
    return out.getvalue()


def upload(resident: Resident, *names: str) -> int:
    files = [(BytesIO(png_bytes()), name) for name in names]
    response = resident.post(
        "/report/evidence", {"files": files}, content_type="multipart/form-data"
    )
    return response.status_code


def email_of(app: Flask, staff_id: int) -> str:
    with app.app_context():
        from intake.models import Staff

        staff = db.session.get(Staff, staff_id)
        assert staff is not None
        return staff.email


def session_cookie(client: FlaskClient) -> str:
    cookie = client.get_cookie("session")
    assert cookie is not None
    return cookie.value


def with_cookie(app: Flask, value: str) -> FlaskClient:
    """Another browser that holds a copy of someone's session cookie."""
    thief = app.test_client()
    thief.set_cookie("session", value)
    return thief


# Sessions and cookies


def test_the_session_cookie_is_an_opaque_id_without_the_receipt(
    app: Flask, resident: Resident
) -> None:
    page = resident.file(hate_answers(contact=IDENTIFIED_CONTACT)).get_data(as_text=True)
    receipt = RECEIPT.search(page)
    assert receipt, page
    value = session_cookie(resident.client)
    assert TOKEN.match(value)
    padded = value + "=" * (-len(value) % 4)
    decoded = base64.urlsafe_b64decode(padded).decode("latin-1")
    for secret in (receipt.group(1), receipt.group(1).split()[0], "Maria"):
        assert secret not in value
        assert secret not in decoded
    # Server-side, the session is encrypted: neither the receipt nor the id appears in the table.
    stored = database_text(app)
    assert receipt.group(1) not in stored
    assert value not in stored


def test_sign_out_revokes_the_session_on_the_server(app: Flask, staff_browser: Any) -> None:
    user = staff_browser("supervisor")
    copied = session_cookie(user.client)
    assert with_cookie(app, copied).get("/staff/cases").status_code == 200
    user.post("/staff/sign-out", {}, page="/staff/cases")
    response = with_cookie(app, copied).get("/staff/cases")
    assert response.headers["Location"].endswith("/staff/sign-in")


def test_sign_in_gives_the_session_a_new_id(app: Flask, make_staff: Any) -> None:
    from .helpers import create_staff

    create_staff(app, "fixation@staff.example", ["supervisor"])
    user = StaffBrowser(app.test_client())
    user.get("/staff/sign-in")
    planted = session_cookie(user.client)
    user.sign_in("fixation@staff.example")
    assert session_cookie(user.client) != planted
    response = with_cookie(app, planted).get("/staff/cases")
    assert response.headers["Location"].endswith("/staff/sign-in")


def test_leaving_a_report_revokes_the_session(app: Flask, resident: Resident) -> None:
    page = resident.file(hate_answers(), receipt_kind="digits").get_data(as_text=True)
    record = re.search(r"HR-[0-9A-Z]{4}-[0-9A-Z]{4}", page)
    receipt = RECEIPT.search(page)
    assert record
    assert receipt
    checker = Resident(app.test_client())
    response = checker.post(
        "/check", {"record_number": record.group(0), "receipt": receipt.group(1)}
    )
    assert response.headers["Location"].endswith("/check/report")
    copied = session_cookie(checker.client)
    assert with_cookie(app, copied).get("/check/report").status_code == 200
    checker.post("/check/leave", {}, page="/check/report")
    assert with_cookie(app, copied).get("/check/report").status_code == 302


def test_an_expired_session_opens_nothing(app_factory: Any, staff_browser: Any) -> None:
    app = app_factory()
    client = app.test_client()
    Resident(client).post("/report/kind", {"kind": "hate"})
    copied = session_cookie(client)
    with app.app_context():
        from datetime import timedelta

        from intake.models import utcnow

        for row in db.session.scalars(db.select(WebSession)):
            row.expires_at = utcnow() - timedelta(seconds=1)
        db.session.commit()
    response = with_cookie(app, copied).get("/report")
    assert response.headers["Location"].endswith("/report/kind")


def test_expired_sessions_are_purged_by_cron(app: Flask) -> None:
    client = app.test_client()
    Resident(client).post("/report/kind", {"kind": "hate"})
    Resident(app.test_client()).get("/report/kind")
    with app.app_context():
        from datetime import timedelta

        from intake.models import utcnow

        rows = db.session.scalars(db.select(WebSession)).all()
        assert len(rows) == 2
        rows[0].expires_at = utcnow() - timedelta(seconds=1)
        db.session.commit()
    result = app.test_cli_runner().invoke(args=["drafts", "purge"])
    assert "Deleted 1 expired sessions." in result.output
    with app.app_context():
        assert len(db.session.scalars(db.select(WebSession)).all()) == 1


def test_a_temporary_password_never_travels_in_a_cookie(app: Flask, staff_browser: Any) -> None:
    admin = staff_browser("admin")
    response = admin.post(
        "/staff/admin/staff",
        {"email": "new@staff.example", "name": "New Person", "roles": ["intake"]},
    )
    assert response.status_code == 302
    for cookie in response.headers.getlist("Set-Cookie"):
        assert "Temporary" not in cookie
    page = admin.get("/staff/admin/staff").get_data(as_text=True)
    password = re.search(r"Temporary password: (\S+)", page)
    assert password
    assert password.group(1) not in session_cookie(admin.client)


# Control characters, sizes and crafted links


def test_control_characters_never_reach_the_database(app: Flask, resident: Resident) -> None:
    narrative = "Line one\x00 with NUL\x1b[31m and escape\x0b\nLine two\tend\x7f\x85"
    resident.file(hate_answers(incident={"narrative": narrative}))
    with app.app_context():
        stored = db.session.scalars(db.select(Report.narrative)).one()
    assert stored == "Line one with NUL[31m and escape\nLine two\tend"


@pytest.mark.parametrize("field", ["email", "password"])
def test_nul_in_the_sign_in_form_is_an_ordinary_failure(client: FlaskClient, field: str) -> None:
    values = {"email": "someone@staff.example", "password": "not it at all"}
    values[field] = values[field][:4] + "\x00" + values[field][4:]
    response = StaffBrowser(client).post("/staff/sign-in", values)
    assert response.status_code == 200
    assert "The email or password is not right." in response.get_data(as_text=True)


def test_a_huge_form_is_refused_before_it_is_read(client: FlaskClient) -> None:
    resident = Resident(client)
    token = resident.token("/report/kind")
    body = f"csrf_token={token}&kind=hate&narrative=" + "A" * (3 * 1024 * 1024)
    response = client.post(
        "/report/kind", data=body, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 413
    page = response.get_data(as_text=True)
    assert "too long for this page" in page
    assert len(page) < 50_000


def test_a_language_switch_never_stores_text_longer_than_its_field(
    app: Flask, resident: Resident
) -> None:
    resident.post("/report/kind", {"kind": "hate"})
    response = resident.post("/report/story", {"narrative": "x" * 200_000, "switch_lang": "es"})
    assert response.status_code == 200
    assert "Please shorten this to 10000 characters or fewer." in response.get_data(as_text=True)
    with app.app_context():
        from intake.models import Draft

        sizes = [len(d.data) for d in db.session.scalars(db.select(Draft))]
    assert all(size < 20_000 for size in sizes)


@pytest.mark.parametrize(
    ("year", "month", "day"),
    [
        ("0", "5", ""),
        ("99999", "5", ""),
        ("2025", "5", "abc"),
        ("2025", "May", "3"),
        ("-1", "1", "1"),
    ],
)
def test_impossible_incident_dates_get_the_forms_message(
    resident: Resident, year: str, month: str, day: str
) -> None:
    resident.post("/report/kind", {"kind": "hate"})
    answers = {"incident_year": year, "incident_month": month, "incident_day": day}
    response = resident.post("/report/when", answers)
    assert response.headers["Location"].endswith("/report/when")
    assert 'class="error-summary"' in resident.get("/report/when").get_data(as_text=True)


def test_the_language_switcher_ignores_url_for_options(client: FlaskClient) -> None:
    response = client.get(
        "/?_external=1&_scheme=javascript&_anchor=x&_method=POST",
        headers={"Host": "evil.example"},
    )
    page = response.get_data(as_text=True)
    assert "evil.example" not in page
    assert "javascript:" not in page
    assert "#x" not in page


# Headers


def test_every_case_download_is_no_store(
    app: Flask, resident: Resident, staff_browser: Any
) -> None:
    resident.post("/report/kind", {"kind": "hate"})
    resident.post("/report/incident", hate_answers()["incident"])
    resident.post("/report/place", hate_answers()["place"])
    assert upload(resident, "photo.png") == 302
    resident.post("/report/evidence", {"action": "continue"})
    resident.post("/report/review", {"receipt_kind": "words"})
    supervisor = staff_browser("supervisor")
    with app.app_context():
        report = db.session.scalars(db.select(Report)).one()
        attachment = report.attachments[0]
        url = f"/staff/cases/{report.id}/attachments/{attachment.id}"
    for path in (
        url,
        "/staff/cases/export.csv",
        "/staff/cases/export.xlsx?personal=1",
        "/staff/reports/export.pdf",
        "/staff/reports/export.xlsx",
    ):
        response = supervisor.client.get(path, buffered=True)
        response.close()
        assert response.status_code == 200, path
        assert response.headers["Cache-Control"] == "no-store", path
        assert "ETag" not in response.headers, path


def test_production_asks_browsers_for_https_only(app_factory: Any) -> None:
    app = app_factory(HSTS_SECONDS=31536000)
    response = app.test_client().get("/")
    assert response.headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    assert config.ProductionConfig.HSTS_SECONDS >= 31536000
    assert "Strict-Transport-Security" not in app_factory().test_client().get("/").headers


# Roles and passwords


def test_an_admin_cannot_change_their_own_roles(app: Flask, staff_browser: Any) -> None:
    admin = staff_browser("admin")
    page = f"/staff/admin/staff/{admin.staff_id}"
    response = admin.post(
        page,
        {"email": email_of(app, admin.staff_id), "name": "A", "roles": ["admin", "supervisor"]},
    )
    assert response.status_code == 200
    assert "You cannot change your own roles." in response.get_data(as_text=True)
    assert admin.get("/staff/reports").status_code == 403


def test_granting_case_access_is_shown_to_other_admins(
    app: Flask, staff_browser: Any, make_staff: Any
) -> None:
    first, second = staff_browser("admin"), staff_browser("admin")
    target = make_staff("admin", email="counsel@staff.example")
    response = first.post(
        f"/staff/admin/staff/{target}",
        {"email": "counsel@staff.example", "name": "Counsel", "roles": ["admin", "supervisor"]},
    )
    assert response.status_code == 302
    with app.app_context():
        granted = db.session.scalars(
            db.select(AuditEvent).where(AuditEvent.action == "case_access_granted")
        ).one()
        assert granted.detail == "counsel@staff.example: supervisor"
    page = second.get("/staff/admin/staff").get_data(as_text=True)
    assert "Access to cases granted" in page
    assert "counsel@staff.example: supervisor" in page


def test_wrong_current_passwords_are_limited(app_factory: Any, make_staff: Any) -> None:
    app = app_factory(RATELIMIT_ENABLED=True, SIGN_IN_RATE_LIMIT="3 per 15 minutes")
    from .helpers import create_staff

    create_staff(app, "guess@staff.example", ["investigator"])
    user = StaffBrowser(app.test_client())
    user.sign_in("guess@staff.example")
    wrong = {
        "current": "not my password",
        "new": "a brand new passphrase",
        "repeat": "a brand new passphrase",
    }
    for _ in range(3):
        assert user.post("/staff/password", wrong).status_code == 200
    assert user.post("/staff/password", wrong).status_code == 429
    right = {**wrong, "current": STAFF_PASSWORD}
    assert user.post("/staff/password", right, page="/staff/my-cases").status_code == 429


def test_mistakes_do_not_count_toward_the_sending_limit(app_factory: Any) -> None:
    app = app_factory(RATELIMIT_ENABLED=True, SUBMIT_RATE_LIMIT="2 per hour")
    for _ in range(2):
        resident = Resident(app.test_client())
        resident.post("/report/kind", {"kind": "hate"})
        # A review sent before the form is complete is a mistake, not a report.
        for _ in range(3):
            assert resident.post("/report/review", {}).status_code == 200
        resident.file(hate_answers())
    third = Resident(app.test_client())
    third.post("/report/kind", {"kind": "hate"})
    assert third.post("/report/review", {}).status_code == 429


def test_new_drafts_are_limited_per_client(app_factory: Any) -> None:
    app = app_factory(RATELIMIT_ENABLED=True, DRAFT_RATE_LIMIT="3 per hour")
    for _ in range(3):
        response = Resident(app.test_client()).post("/report/kind", {"kind": "hate"})
        assert response.status_code == 302
    resident = Resident(app.test_client())
    assert resident.post("/report/kind", {"kind": "hate"}).status_code == 429
    # Someone already filling in a report carries on.
    other = app.test_client()
    other.environ_base["REMOTE_ADDR"] = "192.0.2.7"
    assert Resident(other).post("/report/kind", {"kind": "hate"}).status_code == 302


def test_evidence_files_are_limited_per_client(app_factory: Any) -> None:
    app = app_factory(RATELIMIT_ENABLED=True, UPLOAD_RATE_LIMIT="4 per hour")
    resident = Resident(app.test_client())
    resident.post("/report/kind", {"kind": "hate"})
    assert upload(resident, "1.png", "2.png", "3.png") == 302
    assert upload(resident, "4.png") == 302
    assert upload(resident, "5.png") == 429


# Production settings


def test_production_refuses_per_process_limits_with_several_workers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with pytest.raises(config.ConfigError, match="RATELIMIT_STORAGE_URI"):
        config.check_rate_limit_storage("memory://", 3)
    config.check_rate_limit_storage("memory://", 1)
    config.check_rate_limit_storage("redis://127.0.0.1:6379/0", 9)
    for name in (*config.SECRET_NAMES, "DATABASE_URL", "UPLOAD_FOLDER"):
        monkeypatch.setenv(name, "set")
    monkeypatch.setenv("WEB_CONCURRENCY", "4")
    with pytest.raises(config.ConfigError, match="RATELIMIT_STORAGE_URI"):
        config.ProductionConfig.prepare(config.ROOT / "instance")
    monkeypatch.setenv("WEB_CONCURRENCY", "1")
    assert config.ProductionConfig.prepare(config.ROOT / "instance") == {}


def test_sql_parameters_are_never_logged(app: Flask) -> None:
    with app.app_context():
        assert db.engine.hide_parameters


def test_error_logs_withhold_what_was_typed(app: Flask, caplog: pytest.LogCaptureFixture) -> None:
    def boom() -> str:
        raise ValueError(request.args["said"])

    app.add_url_rule("/boom", "public.boom", boom)  # A public page, past the staff guard.

    app.config["PROPAGATE_EXCEPTIONS"] = False
    with caplog.at_level("ERROR"):
        response = app.test_client().get("/boom?said=Maria+Example+was+there")
    assert response.status_code == 500
    logged = "\n".join(r.getMessage() + (r.exc_text or "") for r in caplog.records)
    assert "ValueError (message withheld)" in logged
    assert "Maria" not in logged
    assert "Maria" not in response.get_data(as_text=True)


# Resident safety (issue 13)


def test_quick_exit_deletes_the_answers_files_and_session(app: Flask, resident: Resident) -> None:
    answers = hate_answers()
    resident.begin(answers)
    for name in ("incident", "place"):
        resident.post(f"/report/{name}", answers[name])
    assert upload(resident, "photo.png") == 302
    folder = Path(app.config["UPLOAD_FOLDER"]) / "pending"
    assert list(folder.iterdir())
    copied = session_cookie(resident.client)
    response = resident.client.get("/exit")  # A plain link: no token, no JavaScript.
    assert response.status_code == 302
    assert response.headers["Location"] == "https://www.weather.gov/"
    assert "cookies" in response.headers["Clear-Site-Data"]
    assert list(folder.iterdir()) == []
    with app.app_context():
        from intake.models import Draft

        assert db.session.scalars(db.select(Draft)).all() == []
        assert db.session.scalars(db.select(WebSession)).all() == []
    # Back, or the same cookie kept elsewhere: the form is empty.
    again = with_cookie(app, copied).get("/report/story")
    assert again.headers["Location"].endswith("/report/kind")
    assert "slur" not in with_cookie(app, copied).get("/report/kind").get_data(as_text=True)


def test_someone_in_danger_sees_the_safety_page_first(resident: Resident) -> None:
    response = resident.post("/report/kind", {"kind": "hate"})
    assert response.headers["Location"].endswith("/report/danger")  # Asked first.
    response = resident.post("/report/danger", {"in_danger": "yes"})
    assert response.headers["Location"].endswith("/report/safety")
    page = resident.get("/report/safety?lang=es").get_data(as_text=True)
    assert 'href="tel:911"' in page
    assert '<bdi dir="ltr">911</bdi>' in page
    response = resident.post("/report/safety", {})
    assert response.headers["Location"].endswith("/report/reporter")
    # Seen once: answering again later does not show it again.
    response = resident.post("/report/danger", {"in_danger": "yes"})
    assert response.headers["Location"].endswith("/report/reporter")
    # A whole section sent at once (a page left open across an update) is led there too.
    other = Resident(resident.client.application.test_client())
    other.post("/report/kind", {"kind": "hate"})
    response = other.post(
        "/report/incident", hate_answers(incident={"in_danger": "yes"})["incident"]
    )
    assert response.headers["Location"].endswith("/report/safety")


def test_a_step_with_mistakes_redirects_and_keeps_what_was_typed(resident: Resident) -> None:
    resident.post("/report/kind", {"kind": "hate"})
    response = resident.post("/report/when", {"incident_month": "3", "incident_day": "17"})
    assert response.status_code == 302  # Back and reload never ask to send the form again.
    page = resident.get("/report/when").get_data(as_text=True)
    assert "Choose the year it happened." in page
    assert '<option selected value="17">' in page
    again = resident.get("/report/when").get_data(as_text=True)
    assert "Choose the year it happened." not in again  # Shown once, after the redirect.
    assert '<option selected value="17">' in again
    # A whole section with a mistake leads to the page of the mistake, keeping the rest.
    incident = {**hate_answers()["incident"], "incident_year": "", "narrative": "Kept as typed"}
    response = resident.post("/report/incident", incident)
    assert response.headers["Location"].endswith("/report/when")
    assert "Choose the year it happened." in resident.get("/report/when").get_data(as_text=True)
    assert "Kept as typed" in resident.get("/report/story").get_data(as_text=True)


def test_deleting_answers_asks_first(app: Flask, resident: Resident) -> None:
    resident.post("/report/kind", {"kind": "hate"})
    page = resident.get("/report/danger").get_data(as_text=True)
    assert 'href="/report/discard"' in page
    confirm = resident.get("/report/discard").get_data(as_text=True)
    assert "Yes, delete my answers" in confirm
    assert resident.get("/report").headers["Location"].endswith("/report/danger")
    resident.post("/report/discard", {}, page="/report/discard")
    assert resident.get("/report").headers["Location"].endswith("/report/kind")


def test_once_the_code_is_saved_the_answers_are_not_shown(resident: Resident) -> None:
    page = resident.file(hate_answers(contact=IDENTIFIED_CONTACT)).get_data(as_text=True)
    assert "Maria Example" in page
    assert "/report/done/secret-code.txt" in page
    code = RECEIPT.search(page)
    assert code
    download = resident.get("/report/done/secret-code.txt")
    assert code.group(1) in download.get_data(as_text=True)
    assert download.headers["Content-Disposition"].startswith("attachment")
    resident.post("/report/done", {"saved": "y"})
    page = resident.get("/report/done").get_data(as_text=True)
    for personal in ("Maria Example", "555-0199", "Example St", "slur", code.group(1)):
        assert personal not in page
    assert resident.get("/report/done/secret-code.txt").status_code == 302


def test_the_confirmation_closes_after_idle_time(app: Flask, resident: Resident) -> None:
    resident.file(hate_answers())
    app.config["RESIDENT_SESSION_MINUTES"] = 0
    assert resident.get("/report/done").headers["Location"].endswith("/")


@pytest.mark.parametrize("language", ["es", "ar", "zh", "hi", "ur"])
def test_outside_english_the_code_is_sixteen_digits(resident: Resident, language: str) -> None:
    resident.get(f"/?lang={language}")
    answers = hate_answers()
    resident.begin(answers)
    for name in ("incident", "place"):
        resident.post(f"/report/{name}", answers[name])
    page = resident.get("/report/review").get_data(as_text=True)
    assert re.search(r'value="digits"[^>]*checked|checked[^>]*value="digits"', page)


@pytest.mark.parametrize(
    "digits",
    [
        "٠١٢٣٤٥٦٧٨٩",  # Arabic-Indic
        "۰۱۲۳۴۵۶۷۸۹",  # Eastern Arabic (Urdu, Persian)
        "०१२३४५६७८९",  # Devanagari
        "０１２３４５６７８９",  # Full-width
    ],
)
def test_codes_typed_with_other_digits_open_the_report(
    app: Flask, resident: Resident, digits: str
) -> None:
    page = resident.file(hate_answers(), receipt_kind="digits").get_data(as_text=True)
    record = re.search(r"HR-[0-9A-Z]{4}-[0-9A-Z]{4}", page)
    code = RECEIPT.search(page)
    assert record
    assert code
    typed_code = code.group(1).translate(str.maketrans("0123456789", digits))
    typed_record = record.group(0).translate(str.maketrans("0123456789", digits))
    checker = Resident(app.test_client())
    response = checker.post("/check", {"record_number": typed_record, "receipt": typed_code})
    assert response.headers["Location"].endswith("/check/report")


@pytest.mark.parametrize("language", ["ar", "ur"])
def test_addresses_numbers_and_codes_read_left_to_right(resident: Resident, language: str) -> None:
    resident.get(f"/?lang={language}")
    resident.post("/report/kind", {"kind": "hate"})
    page = resident.get("/report/details").get_data(as_text=True)
    for name in ("email", "phone"):
        field = re.search(rf'<input[^>]*name="{name}"[^>]*>', page)
        assert field
        assert 'dir="ltr"' in field.group(0)
    page = resident.get("/check").get_data(as_text=True)
    for name in ("record_number", "receipt"):
        field = re.search(rf'<input[^>]*name="{name}"[^>]*>', page)
        assert field
        assert 'dir="ltr"' in field.group(0)


def test_form_steps_show_two_numbers_and_fold_the_rest(resident: Resident) -> None:
    resident.post("/report/kind", {"kind": "hate"})
    page = resident.get("/report/danger").get_data(as_text=True)
    first, _sep, folded = page.partition("<details")
    assert 'href="tel:911"' in first
    assert 'href="tel:+13127444111"' in first
    assert 'href="tel:988"' not in first
    assert 'href="tel:988"' in folded
    landing = resident.get("/").get_data(as_text=True)
    assert "<details" not in landing.split("<main")[0]


@pytest.mark.parametrize("language", ["ar", "ur"])
def test_numbers_in_translated_text_keep_their_order(
    app: Flask, resident: Resident, language: str, smtp_server: Any
) -> None:
    from intake import vocab
    from intake.bidi import LRI, PDI

    resident.get(f"/?lang={language}")
    answers = hate_answers()
    resident.begin(answers)
    for name in ("incident", "place"):
        resident.post(f"/report/{name}", answers[name])
    resident.post("/report/evidence", {"action": "continue"})
    page = resident.post("/report/details", {"phone": "12"}, follow=True).get_data(as_text=True)
    assert f"{LRI}312 555 0100{PDI}" in page
    with app.test_request_context(f"/?lang={language}"):
        labels = [str(vocab.label(vocab.REFERRAL_AGENCIES, code)) for code in ("idhr", "eeoc")]
    assert f"{LRI}(312) 814-6200{PDI}" in labels[0]
    assert f"{LRI}1-800-669-4000{PDI}" in labels[1]
    assert all(label.isascii() is False for label in labels)  # Translated around the number.
    app.config["MAIL_URL"] = smtp_server.url
    contact = {"email": "ana@example.org", "email_updates": "y", "preferred_language": language}
    resident.post("/report/contact", contact)
    resident.post("/report/review", {"receipt_kind": "digits"})
    body = smtp_server.messages[-1].get_content()
    assert f"{LRI}(312) 744-4111{PDI}" in body
