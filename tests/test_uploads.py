"""Evidence files: checked by content, cleaned of metadata, stored privately, all or nothing."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from PIL import Image
from sqlalchemy import select
from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

from intake.extensions import db
from intake.models import Attachment, Report

from .helpers import Resident, hate_answers, pdf_bytes, stored_content

PDF = pdf_bytes()
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 200


def photo_with_location() -> bytes:
    """A JPEG whose EXIF names the camera and the GPS position."""
    image = Image.new("RGB", (32, 16), "red")
    exif = Image.Exif()
    exif[0x010F] = "SecretCamMaker"
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (41.0, 52.0, 30.0)
    out = BytesIO()
    image.save(out, format="JPEG", exif=exif)
    data = out.getvalue()
    assert b"SecretCamMaker" in data
    assert Image.open(BytesIO(data)).getexif().get_ifd(0x8825)
    return data


def begin(resident: Resident) -> None:
    answers = hate_answers()
    resident.begin(answers)
    for name in ("incident", "place"):
        resident.post(f"/report/{name}", answers[name])


def upload(resident: Resident, *files: tuple[bytes, str], action: str = "add") -> str:
    data = {"action": action, "files": [(BytesIO(content), name) for content, name in files]}
    response = resident.post(
        "/report/evidence", data, content_type="multipart/form-data", follow=True
    )
    return response.get_data(as_text=True)


def stored(folder: Path) -> list[Path]:
    return sorted(folder.iterdir()) if folder.exists() else []


def test_a_program_renamed_as_a_photo_is_refused(app: Flask, resident: Resident) -> None:
    begin(resident)
    page = upload(resident, (EXE, "holiday.jpg"))
    assert "Some files were not added" in page
    assert "We can only accept photos, videos, PDF files, text files and sound recordings." in page
    assert stored(Path(app.config["UPLOAD_FOLDER"]) / "pending") == []


def test_photos_lose_their_exif_and_gps(app: Flask, resident: Resident) -> None:
    begin(resident)
    upload(resident, (photo_with_location(), "IMG_0001.jpg"))
    resident.post("/report/review", {"receipt_kind": "words"})
    with app.app_context():
        attachment = db.session.scalars(select(Attachment)).one()
        assert attachment.content_type == "image/jpeg"
        assert attachment.original_name == "IMG_0001.jpg"
        path = Path(app.config["UPLOAD_FOLDER"]) / "evidence" / attachment.stored_name
    data = stored_content(app, path)
    assert b"SecretCamMaker" not in data
    with Image.open(BytesIO(data)) as image:
        assert dict(image.getexif()) == {}
        assert image.size == (32, 16)


def test_files_are_stored_outside_the_web_root_under_random_names(
    app: Flask, resident: Resident
) -> None:
    begin(resident)
    upload(resident, (PDF, "eviction-notice-maria.pdf"), (b"He said: go home.\n", "notes.txt"))
    resident.post("/report/review", {"receipt_kind": "words"})
    evidence = stored(Path(app.config["UPLOAD_FOLDER"]) / "evidence")
    assert len(evidence) == 2
    for path in evidence:
        assert "maria" not in path.name
        assert len(path.name) == 32
        assert not str(path).startswith(str(Path(app.static_folder or "")))
    with app.app_context():
        types = sorted(a.content_type for a in db.session.scalars(select(Attachment)))
        assert types == ["application/pdf", "text/plain"]
        raw = db.session.execute(db.text("SELECT original_name FROM attachment")).scalars().all()
        assert all("maria" not in (name or "") for name in raw)
    assert resident.get("/static/" + evidence[0].name).status_code == 404


def test_no_more_than_five_files(resident: Resident) -> None:
    begin(resident)
    page = upload(resident, *[(PDF, f"page{i}.pdf") for i in range(6)])
    assert "You can add up to 5 files." in page
    assert page.count("page") >= 5
    assert "You have added the most files you can." in page


def test_files_over_ten_megabytes_are_refused(resident: Resident) -> None:
    begin(resident)
    big = b"a" * (10 * 1024 * 1024 + 1)
    # Encoded in memory: the test client would spool a body this large to a file it never closes.
    boundary, body = encode_multipart(
        {
            "csrf_token": resident.token("/report/evidence"),
            "action": "add",
            "files": FileStorage(BytesIO(big), "long.txt"),
        }
    )
    response = resident.client.post(
        "/report/evidence", data=body, content_type=f"multipart/form-data; boundary={boundary}"
    )
    assert "This file is larger than 10 MB." in response.get_data(as_text=True)


def test_a_file_can_be_removed_before_sending(app: Flask, resident: Resident) -> None:
    begin(resident)
    upload(resident, (PDF, "wrong.pdf"))
    pending = Path(app.config["UPLOAD_FOLDER"]) / "pending"
    assert len(stored(pending)) == 1
    resident.post("/report/evidence/0/remove", {}, page="/report/evidence")
    assert stored(pending) == []
    assert "wrong.pdf" not in resident.get("/report/evidence").get_data(as_text=True)


def test_a_failed_submission_leaves_no_report_and_no_orphan_files(
    app: Flask, resident: Resident
) -> None:
    begin(resident)
    upload(resident, (PDF, "proof.pdf"))
    with app.app_context():
        # PostgreSQL drops the references to it too (the complaint's paper scan); SQLite has none
        # to drop and no CASCADE.
        cascade = " CASCADE" if db.engine.dialect.name == "postgresql" else ""
        db.session.execute(db.text("DROP TABLE attachment" + cascade))
        db.session.commit()
    with pytest.raises(Exception, match="attachment"):
        resident.post("/report/review", {"receipt_kind": "words"})
    with app.app_context():
        assert db.session.scalars(select(Report)).all() == []
    folder = Path(app.config["UPLOAD_FOLDER"])
    assert stored(folder / "evidence") == []
    # The file stays with the resident's draft, ready for another try.
    assert len(stored(folder / "pending")) == 1


def test_discarding_a_draft_deletes_its_files(app: Flask, resident: Resident) -> None:
    begin(resident)
    upload(resident, (PDF, "proof.pdf"))
    resident.post("/report/discard", {}, page="/report/evidence")
    assert stored(Path(app.config["UPLOAD_FOLDER"]) / "pending") == []


def test_the_limits_shown_are_the_configured_ones(app_factory: Any) -> None:
    app = app_factory(MAX_FILES=3, MAX_FILE_BYTES=2 * 1024 * 1024)
    resident = Resident(app.test_client())
    begin(resident)
    page = resident.get("/report/evidence").get_data(as_text=True)
    assert "Up to 3 files, 2 MB each." in page
    assert "10 MB" not in page
    boundary, body = encode_multipart(
        {
            "csrf_token": resident.token("/report/evidence"),
            "action": "add",
            "files": FileStorage(BytesIO(b"a" * (2 * 1024 * 1024 + 1)), "notes.txt"),
        }
    )
    response = resident.client.post(
        "/report/evidence", data=body, content_type=f"multipart/form-data; boundary={boundary}"
    )
    assert "This file is larger than 2 MB." in response.get_data(as_text=True)
    one = Resident(app_factory(MAX_FILES=1).test_client())
    begin(one)
    assert "Up to 1 file, 10 MB each." in one.get("/report/evidence").get_data(as_text=True)
