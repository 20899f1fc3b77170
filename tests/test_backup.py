"""A backup is one encrypted archive; restored into a fresh database and folder, every report
opens with its receipt, its evidence reads back, and the summary is the same."""

from __future__ import annotations

from pathlib import Path

from flask import Flask

from intake import create_app, filecrypt, followup, uploads
from intake.clock import today
from intake.extensions import db
from intake.models import Report
from intake.statistics.periods import parse
from intake.statistics.summary import summarize

from .helpers import pdf_bytes
from .test_followup import file_and_keep, open_report


def test_a_backup_restores_into_an_empty_database(
    app: Flask, empty_database: str, tmp_path: Path
) -> None:
    case_id, number, receipt = file_and_keep(app, contact={"email": "maria@example.org"})
    with app.test_request_context():
        report = db.session.get(Report, case_id)
        assert report is not None
        followup.add_files(report, [(uploads.clean(pdf_bytes()), "letter.pdf")])
        stored_name = report.attachments[0].stored_name
        content = b"".join(filecrypt.read(uploads.evidence_path(stored_name)))
        year = parse(str(today().year))
        before = summarize(year, today())
    archive = tmp_path / "backup.intake"
    made = app.test_cli_runner().invoke(args=["backup", "create", str(archive)])
    assert "and 1 evidence files" in made.output, made.output
    sealed = archive.read_bytes()
    assert b"painted a slur" not in sealed
    assert b"SQLite format" not in sealed

    fresh = create_app(
        "testing",
        {
            "SQLALCHEMY_DATABASE_URI": empty_database,
            "UPLOAD_FOLDER": str(tmp_path / "restored"),
            "FIELD_ENCRYPTION_KEY": app.config["FIELD_ENCRYPTION_KEY"],
            "AUTO_MIGRATE": False,
        },
    )
    restored = fresh.test_cli_runner().invoke(args=["backup", "restore", str(archive)])
    assert "Restored the database and 1 evidence files." in restored.output, restored.output
    page = open_report(fresh, number, receipt).get("/check/report").get_data(as_text=True)
    assert number in page
    with fresh.app_context():
        copy = db.session.get(Report, case_id)
        assert copy is not None
        assert copy.contact is not None
        assert copy.contact.email == "maria@example.org"
        assert b"".join(filecrypt.read(uploads.evidence_path(stored_name))) == content
        assert summarize(year, today()) == before
        # Restoring twice is refused: the database is no longer empty.
        again = fresh.test_cli_runner().invoke(args=["backup", "restore", str(archive)])
        assert "only into an empty database" in again.output
        db.session.remove()
        db.engine.dispose()
