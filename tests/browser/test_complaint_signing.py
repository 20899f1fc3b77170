"""In a real browser, with and without JavaScript: staff draft the complaint and make it ready,
and the resident opens their report with record number and code, reads it and signs it."""

from __future__ import annotations

from typing import Any

import pytest

from intake.extensions import db
from intake.models import Complaint, Report

from ..helpers import IDENTIFIED_CONTACT, create_staff, discrimination_answers
from .test_flows import follow, staff_sign_in


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_the_resident_signs_the_complaint_online(
    live_server: Any, page_factory: Any, javascript: bool
) -> None:
    app = live_server.app
    from intake.clock import today
    from intake.filing import file_report

    with app.test_request_context():
        answers = discrimination_answers(
            contact=IDENTIFIED_CONTACT, place={"respondent_address": "1 Example Plaza, Chicago"}
        )
        filed = file_report(answers, [], "words", "en", today())
        filed.report.status = "accepted"
        db.session.commit()
        case_id, case_number = filed.report.id, filed.report.case_number
        number, receipt = filed.report.record_number, filed.receipt
    email = f"complaint-{javascript}@browser.example"
    create_staff(app, email, ["supervisor"])
    staff = page_factory(javascript=javascript)
    staff_sign_in(staff, live_server.url, email)
    staff.goto(f"{live_server.url}/staff/cases/{case_id}")
    assert case_number in staff.content()
    follow(staff, staff.get_by_role("link", name="Draft the complaint"))
    follow(staff, staff.get_by_role("button", name="Draft the complaint"))
    assert staff.get_by_label("Respondent's address").input_value() == "1 Example Plaza, Chicago"
    follow(staff, staff.get_by_role("button", name="Ready for signature"))
    assert "The complaint is ready" in staff.content()

    resident = page_factory(javascript=javascript)
    resident.goto(live_server.url + "/check?lang=en")
    resident.get_by_label("Record number").fill(number)
    resident.get_by_label("Secret code").fill(receipt)
    follow(resident, resident.get_by_role("button", name="Open my report"))
    follow(resident, resident.get_by_role("link", name="Read and sign your complaint"))
    assert "under penalty of law" in resident.content()
    resident.get_by_label("Your full name").fill("Maria Example")
    follow(resident, resident.get_by_role("button", name="Sign my complaint"))
    # Without the tick: refused, the name still there.
    assert resident.get_by_label("Your full name").input_value() == "Maria Example"
    resident.get_by_label("I swear or affirm under penalty of law").check()
    follow(resident, resident.get_by_role("button", name="Sign my complaint"))
    assert "You signed this complaint" in resident.content()
    with resident.expect_download() as download:
        resident.get_by_role("link", name="Download it (PDF)").first.click()
    assert download.value.suggested_filename.endswith(".pdf")
    with app.app_context():
        complaint = db.session.scalars(
            db.select(Complaint).join(Report).where(Report.id == case_id)
        ).one()
        assert complaint.signed_via == "online"
