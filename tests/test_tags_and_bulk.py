"""Tags on cases, and bulk changes from the case list: a preview, a confirmation, one audit entry
per case, a cap, and no closing of a case that nobody has opened."""

from __future__ import annotations

import csv
import io
import re
from typing import Any

from flask import Flask

from intake.extensions import db
from intake.models import AuditEvent, Report, Tag

from .helpers import discrimination_answers


def add_tag(app: Flask, supervisor: Any, name: str) -> int:
    response = supervisor.post("/staff/admin/tags", {"name": name}, page="/staff/admin/tags")
    assert response.status_code == 302, response.get_data(as_text=True)
    with app.app_context():
        tag = db.session.scalar(db.select(Tag).where(Tag.name == name))
        assert tag is not None
        return tag.id


def events(app: Flask, case_id: int, action: str) -> list[AuditEvent]:
    with app.app_context():
        return list(
            db.session.scalars(
                db.select(AuditEvent).where(
                    AuditEvent.report_id == case_id, AuditEvent.action == action
                )
            )
        )


def report(app: Flask, case_id: int) -> Report:
    with app.app_context():
        found = db.session.get(Report, case_id)
        assert found is not None
        db.session.expunge(found)
        return found


def test_admins_keep_the_tag_list(app: Flask, staff_browser: Any) -> None:
    admin = staff_browser("admin")
    tag_id = add_tag(app, admin, "Flyer wave")
    # The same name again, in other letters' case: refused with a message, the name kept.
    response = admin.post("/staff/admin/tags", {"name": "flyer WAVE"}, page="/staff/admin/tags")
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "There is already a tag with that name." in page
    assert 'value="flyer WAVE"' in page
    response = admin.post("/staff/admin/tags", {"name": "x" * 61}, page="/staff/admin/tags")
    assert response.status_code == 422
    assert "at most 60 characters" in response.get_data(as_text=True)
    response = admin.post(
        f"/staff/admin/tags/{tag_id}",
        {"step": "rename", f"tag-{tag_id}-name": "Flyers 2026"},
        page="/staff/admin/tags",
    )
    assert response.status_code == 302
    response = admin.post(
        f"/staff/admin/tags/{tag_id}", {"step": "retire"}, page="/staff/admin/tags"
    )
    assert response.status_code == 302
    with app.app_context():
        tag = db.session.get(Tag, tag_id)
        assert tag is not None
        assert (tag.name, tag.active) == ("Flyers 2026", False)
    assert "Retired" in admin.get("/staff/admin/tags").get_data(as_text=True)


def test_staff_tag_a_case_and_find_it_by_tag(
    app: Flask, staff_browser: Any, make_case: Any
) -> None:
    supervisor = staff_browser("supervisor")
    tag_id = add_tag(app, supervisor, "Interpreter needed")
    tagged, other = make_case(), make_case()
    page = f"/staff/cases/{tagged}"
    response = supervisor.post(f"{page}/tags", {"tag": str(tag_id)}, page=page)
    assert response.status_code == 302
    assert "Interpreter needed" in supervisor.get(page).get_data(as_text=True)
    assert [e.new_value for e in events(app, tagged, "tag_added")] == ["Interpreter needed"]
    listed = supervisor.get(f"/staff/cases?tag={tag_id}").get_data(as_text=True)
    assert report(app, tagged).case_number in listed
    assert report(app, other).case_number not in listed
    # The filter shows as a chip that removes it.
    assert "Tags: Interpreter needed" in listed
    # A saved view keeps the tag filter.
    response = supervisor.post(
        "/staff/views",
        {"name": "Interpreters", "query": f"tag={tag_id}"},
        page=f"/staff/cases?tag={tag_id}",
    )
    assert response.status_code == 302
    opened = supervisor.get(response.headers["Location"], follow_redirects=True)
    assert report(app, tagged).case_number in opened.get_data(as_text=True)
    assert report(app, other).case_number not in opened.get_data(as_text=True)
    response = supervisor.post(f"{page}/tags/{tag_id}/remove", {}, page=page)
    assert response.status_code == 302
    assert [e.old_value for e in events(app, tagged, "tag_removed")] == ["Interpreter needed"]


def test_a_retired_or_unknown_tag_cannot_be_added(
    app: Flask, staff_browser: Any, make_case: Any
) -> None:
    supervisor = staff_browser("supervisor")
    tag_id = add_tag(app, supervisor, "Old")
    supervisor.post(f"/staff/admin/tags/{tag_id}", {"step": "retire"}, page="/staff/admin/tags")
    case_id = make_case()
    page = f"/staff/cases/{case_id}"
    for value in (str(tag_id), "999999", "abc"):
        response = supervisor.post(f"{page}/tags", {"tag": value}, page=page)
        assert response.status_code == 302
        assert not events(app, case_id, "tag_added")
        assert "Choose a tag." in supervisor.get(page).get_data(as_text=True)


def preview(browser: Any, query: str) -> Any:
    return browser.get(f"/staff/cases/bulk?{query}")


def confirm_form(html: str) -> dict[str, Any]:
    """The preview's form fields, as the browser would send them."""
    fields: dict[str, Any] = {}
    for name, value in re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', html):
        if name == "case":
            fields.setdefault("case", []).append(value)
        elif name != "csrf_token":
            fields[name] = value.replace("&amp;", "&")
    return fields


def test_bulk_assignment_is_previewed_then_confirmed(
    app: Flask, staff_browser: Any, make_case: Any
) -> None:
    supervisor = staff_browser("supervisor")
    investigator = staff_browser("investigator")
    cases = [make_case() for _ in range(3)]
    query = (
        "action=assign&assignee="
        + str(investigator.staff_id)
        + "".join(f"&case={case_id}" for case_id in cases)
    )
    response = preview(supervisor, query + "&next=/staff/cases")
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "3 cases will change." in html
    for case_id in cases:
        assert report(app, case_id).case_number in html
        assert report(app, case_id).assignee_id is None  # The preview changes nothing.
    fields = confirm_form(html)
    # Without the confirmation box: nothing changes, the preview comes back.
    response = supervisor.post("/staff/cases/bulk", fields, page=f"/staff/cases/bulk?{query}")
    assert response.status_code == 422
    assert "Tick the box to confirm" in response.get_data(as_text=True)
    assert all(report(app, c).assignee_id is None for c in cases)
    response = supervisor.post(
        "/staff/cases/bulk", {**fields, "confirm": "1"}, page=f"/staff/cases/bulk?{query}"
    )
    assert response.status_code == 303
    assert response.headers["Location"].endswith("/staff/cases")
    for case_id in cases:
        assert report(app, case_id).assignee_id == investigator.staff_id
        assert len(events(app, case_id, "assign")) == 1  # One audit entry per case.
    assert "3 cases changed." in supervisor.get("/staff/cases").get_data(as_text=True)


def test_bulk_assignment_needs_an_explicit_choice(
    app: Flask, staff_browser: Any, make_case: Any
) -> None:
    supervisor = staff_browser("supervisor")
    case_id = make_case()
    response = preview(supervisor, f"action=assign&assignee=&case={case_id}")
    assert response.status_code == 422
    assert "Choose who gets the cases." in response.get_data(as_text=True)
    response = preview(supervisor, "action=assign&assignee=none")
    assert response.status_code == 422
    assert "Select at least one case." in response.get_data(as_text=True)
    for query in ("action=delete&case=1", "action=status&status=referred&case=1", "case=x"):
        assert preview(supervisor, query).status_code == 422


def test_bulk_changes_are_capped(app: Flask, staff_browser: Any, make_case: Any) -> None:
    app.config["BULK_CASE_LIMIT"] = 2
    supervisor = staff_browser("supervisor")
    cases = [make_case() for _ in range(3)]
    response = preview(
        supervisor, "action=urgent&urgent=yes" + "".join(f"&case={c}" for c in cases)
    )
    assert response.status_code == 422
    assert "Select at most 2 cases at a time." in response.get_data(as_text=True)


def test_nobody_closes_a_case_nobody_opened_and_each_closure_has_its_reason(
    app: Flask, staff_browser: Any, make_case: Any
) -> None:
    supervisor = staff_browser("supervisor")
    read, unread = make_case(status="screening"), make_case(status="screening")
    supervisor.get(f"/staff/cases/{read}")
    query = f"action=status&status=closed&case={read}&case={unread}"
    html = preview(supervisor, query).get_data(as_text=True)
    assert "1 case will change." in html
    assert "Nobody has opened this case yet" in html
    fields = {**confirm_form(html), "confirm": "1"}
    # Closing without a reason for the case: refused, nothing changes.
    response = supervisor.post("/staff/cases/bulk", fields, page=f"/staff/cases/bulk?{query}")
    assert response.status_code == 422
    assert "Choose a closure reason for each case you close." in response.get_data(as_text=True)
    assert report(app, read).status == "screening"
    fields[f"reason-{read}"] = "no_jurisdiction"
    response = supervisor.post("/staff/cases/bulk", fields, page=f"/staff/cases/bulk?{query}")
    assert response.status_code == 303
    closed = report(app, read)
    assert (closed.status, closed.closure_reason) == ("closed", "no_jurisdiction")
    assert report(app, unread).status == "screening"
    flashed = supervisor.get("/staff/cases").get_data(as_text=True)
    assert f"{report(app, unread).case_number} was not changed" in flashed


def test_a_case_changed_after_the_preview_is_left_alone(
    app: Flask, staff_browser: Any, make_case: Any
) -> None:
    supervisor = staff_browser("supervisor")
    case_id = make_case()
    query = f"action=urgent&urgent=yes&case={case_id}"
    fields = {**confirm_form(preview(supervisor, query).get_data(as_text=True)), "confirm": "1"}
    with app.app_context():
        changed = db.session.get(Report, case_id)
        assert changed is not None
        changed.status = "screening"
        db.session.commit()
    response = supervisor.post("/staff/cases/bulk", fields, page=f"/staff/cases/bulk?{query}")
    assert response.status_code == 303
    assert report(app, case_id).urgent is False
    assert "Someone changed it after your preview." in supervisor.get("/staff/cases").get_data(
        as_text=True
    )


def test_investigators_bulk_change_only_their_own_cases(
    app: Flask, staff_browser: Any, make_case: Any
) -> None:
    investigator = staff_browser("investigator")
    mine = make_case(discrimination_answers(), assignee_id=investigator.staff_id)
    theirs = make_case(discrimination_answers())
    tag_id = add_tag(app, staff_browser("supervisor"), "Follow up")
    query = f"action=tag&tag={tag_id}&case={mine}&case={theirs}"
    html = preview(investigator, query).get_data(as_text=True)
    assert report(app, mine).case_number in html
    assert report(app, theirs).case_number not in html  # Not even named.
    assert "1 selected case is not yours to open and was left out." in html
    fields = {**confirm_form(html), "confirm": "1"}
    response = investigator.post("/staff/cases/bulk", fields, page=f"/staff/cases/bulk?{query}")
    assert response.status_code == 303
    assert len(events(app, mine, "tag_added")) == 1
    assert not events(app, theirs, "tag_added")


def test_exports_name_each_case_s_tags(app: Flask, staff_browser: Any, make_case: Any) -> None:
    supervisor = staff_browser("supervisor")
    first, second = add_tag(app, supervisor, "Flyers"), add_tag(app, supervisor, "Bus")
    tagged, plain = make_case(), make_case()
    page = f"/staff/cases/{tagged}"
    for tag_id in (first, second):
        supervisor.post(f"{page}/tags", {"tag": str(tag_id)}, page=page)
    text = supervisor.get("/staff/cases/export.csv").get_data(as_text=True).lstrip("\ufeff")
    rows = list(csv.reader(io.StringIO(text)))
    column = rows[0].index("Tags")
    cells = {row[0]: row[column] for row in rows[1:]}
    assert cells[report(app, tagged).case_number] == "Bus; Flyers"
    assert cells[report(app, plain).case_number] == ""
