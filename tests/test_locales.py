"""Every public page, both form paths, the confirmation, the status page and the emails, in every
shipped language: no English sentence of the catalog shows through, and right-to-left is marked.
"""

from __future__ import annotations

import re
from functools import cache
from html import unescape
from pathlib import Path
from typing import Any

import pytest
from babel.messages.pofile import read_po
from flask import Flask

from intake.extensions import db
from intake.i18n import language_tag
from intake.models import Report

from .helpers import TRANSLATED, Resident, discrimination_answers, hate_answers

ROOT = Path(__file__).resolve().parent.parent
LOCALES = TRANSLATED
RTL = {"ar", "ur"}
RECEIPT = re.compile(r'class="receipt__code"[^>]*>([a-z ]+)</p>')


@cache
def english_sentences(locale: str) -> frozenset[str]:
    """Catalog messages of three words or more whose translation differs from the English."""
    path = ROOT / "translations" / locale / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as handle:
        catalog = read_po(handle)
    sentences = set()
    for message in catalog:
        if not message.id or isinstance(message.id, tuple) or "%(" in message.id:
            continue
        if len(message.id.split()) >= 3 and message.string and message.string != message.id:
            sentences.add(message.id)
    return frozenset(sentences)


def visible_text(html: str) -> str:
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)))


def assert_translated(html: str, locale: str, where: str) -> None:
    text = visible_text(html)
    leaked = sorted(s for s in english_sentences(locale) if s in text)
    assert leaked == [], f"{where} in {locale} shows English: {leaked[:5]}"
    direction = "rtl" if locale in RTL else "ltr"
    assert f'<html lang="{language_tag(locale)}" dir="{direction}">' in html, where


def walk(resident: Resident, answers: dict[str, dict[str, Any]], locale: str) -> str:
    """Go through every page of the form in `locale`, checking each; returns the receipt."""
    resident.walk(answers, visit=lambda url, html: assert_translated(html, locale, url))
    assert_translated(resident.get("/report/review").get_data(as_text=True), locale, "review")
    resident.post("/report/review", {"receipt_kind": "words"})
    done = resident.get("/report/done").get_data(as_text=True)
    assert_translated(done, locale, "confirmation")
    receipt = RECEIPT.search(done)
    assert receipt
    return receipt.group(1)


@pytest.mark.parametrize("locale", LOCALES)
def test_every_public_page_in_every_language(app: Flask, locale: str) -> None:
    resident = Resident(app.test_client())
    landing = resident.get(f"/?lang={locale}").get_data(as_text=True)
    assert_translated(landing, locale, "landing")
    assert_translated(resident.get("/check").get_data(as_text=True), locale, "/check")
    assert_translated(resident.get("/nowhere").get_data(as_text=True), locale, "404 page")
    receipt = walk(resident, hate_answers(contact={"name": "Ana"}), locale)
    walk(resident, discrimination_answers(), locale)
    with app.app_context():
        number = db.session.scalars(db.select(Report.record_number).order_by(Report.id)).first()
    assert number
    returning = Resident(app.test_client())
    returning.get(f"/?lang={locale}")
    wrong = returning.post("/check", {"record_number": number, "receipt": "wrong"})
    assert_translated(wrong.get_data(as_text=True), locale, "failed lookup")
    returning.post("/check", {"record_number": number, "receipt": receipt})
    status = returning.get("/check/report").get_data(as_text=True)
    assert_translated(status, locale, "status page")


@pytest.mark.parametrize("locale", LOCALES)
def test_emails_and_templates_in_every_language(app: Flask, make_case: Any, locale: str) -> None:
    from intake import followup, notifications
    from intake.models import Contact

    case_id = make_case(referred_to="hud")
    with app.test_request_context():
        report = db.session.get(Report, case_id)
        assert report is not None
        report.contact = Contact(
            preferred_language=locale, email="x@example.org", email_updates=True
        )
        db.session.flush()
        texts = [followup.template_text(key, report) for key in followup.TEMPLATES]
        for compose in (notifications.report_received, notifications.new_message):
            email = compose(report)
            assert email is not None
            texts += [email.subject, email.body]
        db.session.rollback()
    for text in texts:
        leaked = [s for s in english_sentences(locale) if s in text]
        assert leaked == [], leaked
        assert "%(" not in text


@pytest.mark.parametrize("locale", ["pl", "uk", "ar"])
def test_plural_forms_follow_the_language(app: Flask, locale: str) -> None:
    from flask_babel import force_locale, ngettext

    with app.test_request_context(), force_locale(locale):
        forms = {n: ngettext("%(num)d file", "%(num)d files", n) for n in (1, 2, 5, 11, 22, 100)}
    assert len(set(forms.values())) == 6  # The numbers differ; the words must follow them.
    assert all(str(n) in text for n, text in forms.items())
    with app.test_request_context(), force_locale(locale):
        one, two, five = (ngettext("%(num)d file", "%(num)d files", n) for n in (1, 2, 5))
    words = {one.replace("1", ""), two.replace("2", ""), five.replace("5", "")}
    assert len(words) >= 2, words


def test_language_names_are_in_their_own_language(client: Any) -> None:
    page = client.get("/").get_data(as_text=True)
    for name in (
        "Español",
        "中文",
        "Polski",
        "العربية",
        "हिन्दी",
        "Tagalog",
        "한국어",
        "Українська",
        "اردو",
    ):
        assert name in page
    assert 'lang="ar" hreflang="ar"' in page
