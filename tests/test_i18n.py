"""Languages: Spanish end to end, the switcher, direction, complete and fresh catalogs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from flask import Flask
from markupsafe import escape
from sqlalchemy import select

from intake.extensions import db
from intake.i18n import direction
from intake.models import Report

from .helpers import TRANSLATED, Resident, hate_answers

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "translations"
SHIPPED = TRANSLATED


def catalog(path: Path):  # type: ignore[no-untyped-def]
    with path.open("rb") as handle:
        return read_po(handle)


def spanish(message: str) -> str:
    """The Spanish catalog's translation of `message`."""
    entry = catalog(TRANSLATIONS / "es" / "LC_MESSAGES" / "messages.po").get(message)
    assert entry is not None
    assert entry.string
    return str(entry.string)


def test_spanish_report_end_to_end(app: Flask, resident: Resident) -> None:
    landing = resident.get("/?lang=es").get_data(as_text=True)
    assert '<html lang="es" dir="ltr">' in landing
    assert str(escape(spanish("Report discrimination or a hate incident"))) in landing
    first = resident.get("/report/kind").get_data(as_text=True)
    assert str(escape(spanish("What happened?"))) in first
    error = resident.post("/report/kind", {}).get_data(as_text=True)
    assert str(escape(spanish("Choose the answer closest to what happened."))) in error
    page = resident.file(
        hate_answers(
            contact={"name": "Ana", "email": "ana@example.org", "preferred_method": "email"}
        )
    )
    text = page.get_data(as_text=True)
    assert str(escape(spanish("Your secret code"))) in text
    assert str(escape(spanish("Your report was sent"))) in text
    with app.app_context():
        report = db.session.scalars(select(Report)).one()
        assert report.language == "es"


def test_browser_language_is_honoured(client: object) -> None:
    page = client.get("/", headers={"Accept-Language": "es-MX,es;q=0.9"})  # type: ignore[attr-defined]
    assert '<html lang="es"' in page.get_data(as_text=True)


def test_unshipped_languages_fall_back_to_english(client: object) -> None:
    page = client.get("/?lang=xx", headers={"Accept-Language": "de"})  # type: ignore[attr-defined]
    assert '<html lang="en" dir="ltr">' in page.get_data(as_text=True)


def test_the_switcher_keeps_the_page(client: object) -> None:
    page = client.get("/").get_data(as_text=True)  # type: ignore[attr-defined]
    assert 'href="/?lang=es"' in page
    assert 'aria-current="true"' in page


def test_switching_language_mid_form_keeps_what_was_typed(resident: Resident) -> None:
    resident.post("/report/kind", {"kind": "hate"})
    response = resident.post("/report/when", {"incident_month": "2", "switch_lang": "es"})
    assert response.headers["Location"].endswith("/report/when")
    page = resident.get("/report/when").get_data(as_text=True)
    assert '<html lang="es"' in page
    assert '<option selected value="2">' in page
    assert 'class="error-summary"' not in page
    story = {"narrative": "Half of my story, not finished yet", "switch_lang": "pl"}
    response = resident.post("/report/story", story)
    assert response.headers["Location"].endswith("/report/story")
    page = resident.get("/report/story").get_data(as_text=True)
    assert '<html lang="pl"' in page
    assert "Half of my story, not finished yet" in page


def test_right_to_left_languages_are_marked() -> None:
    assert direction("ar") == "rtl"
    assert direction("ur") == "rtl"
    assert direction("es") == "ltr"


def test_pot_is_current_with_the_code(tmp_path: Path) -> None:
    fresh = tmp_path / "messages.pot"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "babel.messages.frontend",
            "extract",
            "--mapping-file",
            "babel.cfg",
            "--keyword",
            "_l",
            "--keyword",
            "lazy_gettext",
            "--keyword",
            "lazy_pgettext:1c,2",
            "--no-location",
            "--omit-header",
            "--output-file",
            str(fresh),
            ".",
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    committed = {(m.context, m.id) for m in catalog(TRANSLATIONS / "messages.pot") if m.id}
    extracted = {(m.context, m.id) for m in catalog(fresh) if m.id}
    assert extracted - committed == set(), "run `make translations`: new strings are missing"
    assert committed - extracted == set(), "run `make translations`: stale strings remain"


@pytest.mark.parametrize("language", SHIPPED)
def test_shipped_catalog_is_complete(language: str) -> None:
    po = catalog(TRANSLATIONS / language / "LC_MESSAGES" / "messages.po")
    template = {(m.context, m.id) for m in catalog(TRANSLATIONS / "messages.pot") if m.id}
    translated = {(m.context, m.id) for m in po if m.id}
    assert template - translated == set(), "strings missing from the catalog"
    untranslated = [
        m.id
        for m in po
        if m.id and not all(m.string if isinstance(m.string, tuple) else (m.string,))
    ]
    assert untranslated == []
    assert [m.id for m in po if m.id and m.fuzzy] == []
    problems = [(m.id, [str(e) for e in errors]) for m, errors in po.check()]
    assert problems == []
    assert "NEEDS REVIEW" in (TRANSLATIONS / language / "LC_MESSAGES" / "messages.po").read_text()


def test_every_shipped_language_is_configured(app: Flask) -> None:
    assert set(app.config["LANGUAGES"]) == {"en", *SHIPPED}
    # Every configured language has its catalog, and no catalog is left unconfigured.
    assert {path.name for path in TRANSLATIONS.iterdir() if path.is_dir()} == set(SHIPPED)


@pytest.mark.parametrize("language", SHIPPED)
def test_no_translation_adds_a_bare_percent_sign(language: str) -> None:
    """Templates format every message ("%" starts a placeholder there): a translation may not
    add a "%" its English has none of ("완료율(%)" broke the Korean reports page)."""
    po = catalog(TRANSLATIONS / language / "LC_MESSAGES" / "messages.po")
    added = []
    for message in po:
        sources = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.id and not any("%" in source for source in sources):
            added += [text for text in strings if "%" in text]
    assert added == []
