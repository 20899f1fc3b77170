"""The paper form: the whole web form as a PDF in every shipped language, through HTTP.

What is compared, and how: the PDF's text layer (pypdf) against the labels the web form's own
classes (STEP_FORMS) give in that language. Both sides are NFKC-normalised (shaped Arabic may
extract as presentation forms) and lose whitespace (lines wrap), brackets (Arabic mirrors them),
control characters (fpdf2 maps Devanagari conjuncts to private codes, pypdf puts NULs before CJK
letters) and direction isolates. Then:
- Latin, Cyrillic, Chinese, Korean: the label is a substring of the text.
- Arabic and Urdu extract in logical order, but a bracketed run lands elsewhere on its line:
  the label's letters are all on one line of the text, or two.
- Devanagari does not extract faithfully (a conjunct comes out as a stray ASCII code, a vowel
  sign's cluster sometimes after the next letter): the label's letters (consonants and vowels,
  without signs) are all on one line of the text, or two.
- Chinese and Korean are read with poppler's pdftotext: pypdf misreads the text layer of the
  CID-keyed CFF fonts (Noto CJK) — it returns other ideographs — where poppler, like PDF
  viewers, reads it right.
Every PDF is also read by pdftotext for "No font in show": fpdf2 once drew text after a
fallback-font run without selecting a font, which viewers show as garbage (form_pdf.write_cell).
Choices written in by hand on paper (month, day, year, community area, ward) and the blank
"Choose one" prompts of select boxes are not printed as choices.

Needs the Noto fonts (Debian fonts-noto-core and fonts-noto-cjk, which .ci/run installs): the
language tests skip locally without them and fail in CI.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import unicodedata
from collections import Counter
from functools import cache
from io import BytesIO
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from flask_babel import force_locale
from fontTools.ttLib import TTFont
from pypdf import PdfReader
from wtforms import SelectFieldBase

import config
from intake import fonts
from intake.clock import today
from intake.i18n import NATIVE_NAMES
from intake.paper import form_pdf
from intake.public.forms import STEP_FORMS

LANGUAGES = config.Config.LANGUAGES
WRITTEN_IN = {"incident_month", "incident_day", "incident_year", "community_area", "ward"}
RTL = re.compile(r"[\u0600-\u06ff]")
NOT_TEXT = re.compile(r"[\s()\[\]]+")


def needs_fonts() -> None:
    missing = [f for f in fonts.FALLBACKS if fonts.fallback_file(f) is None]
    if missing:
        reason = (
            f"fonts not installed: {', '.join(missing)} "
            "(apt-get install fonts-noto-cjk fonts-noto-core)"
        )
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)


def squeezed(text: str) -> str:
    """Text as compared: NFKC, no whitespace, no control or format characters."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(c for c in NOT_TEXT.sub("", text) if unicodedata.category(c) not in ("Cc", "Cf"))


def expected(language: str) -> tuple[list[str], list[str]]:
    """(every question's label, every printed choice's label) of the web form in `language`."""
    labels: list[str] = []
    choices: list[str] = []
    with force_locale(language):
        for section, form_class in STEP_FORMS.items():
            extra = {} if section == "kind" else {"kind": "unsure", "today": today()}
            form = form_class(formdata=None, meta={"csrf": False}, **extra)
            for field in form:
                labels.append(str(field.label.text))
                if isinstance(field, SelectFieldBase) and field.name not in WRITTEN_IN:
                    choices += [str(label) for value, label, *_ in field.iter_choices() if value]
    return labels, choices


def devanagari(word: str) -> str:
    """A word's Devanagari letters without their signs, sorted."""
    letters = (c for c in word if "\u0904" <= c <= "\u0939" or "\u0958" <= c <= "\u0961")
    return "".join(sorted(letters))


def printed(label: str, text: str) -> bool:
    """Whether the PDF's text holds `label` (see the module's docstring for how)."""
    letters = devanagari if devanagari(label) else squeezed
    if letters is squeezed and not RTL.search(label):
        return squeezed(label) in squeezed(text)
    lines = text.splitlines()
    near = [*lines, *(a + b for a, b in zip(lines, lines[1:], strict=False))]
    return any(Counter(letters(label)) <= Counter(letters(line)) for line in near)


@pytest.fixture(scope="module")
def client(module_app: Flask) -> FlaskClient:
    """One app for the module: each language's PDF is built once (2-6 s with the CJK fonts),
    then served from the app's cache, as in production. Only the "built once" test needs a
    new app of its own."""
    return module_app.test_client()


@cache
def pdf_text(data: bytes) -> str:
    """pypdf's text of a PDF (the same bytes are read once per run)."""
    return "".join(page.extract_text() for page in PdfReader(BytesIO(data)).pages)


@cache
def letters_of(path: Path) -> frozenset[int]:
    with TTFont(str(path), fontNumber=0, lazy=True) as font:
        return frozenset(font["cmap"].getBestCmap())


def font_letters() -> frozenset[int]:
    """Every letter the fonts on this machine draw (DejaVu and the Noto fallbacks)."""
    paths = [fonts.BODY, fonts.BODY_BOLD]
    paths += [p for p in (fonts.fallback_file(f) for f in fonts.FALLBACKS) if p is not None]
    return frozenset().union(*(letters_of(path) for path in paths))


# Languages whose text layer pypdf misreads (see the module's docstring).
READ_WITH_POPPLER = ("zh", "ko")


def needs_poppler() -> None:
    if shutil.which("pdftotext") is None:
        reason = "pdftotext not installed (apt-get install poppler-utils)"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)


@cache
def poppler(data: bytes) -> subprocess.CompletedProcess[str]:
    """pdftotext's reading of a PDF: its text, and its complaints on stderr."""
    return subprocess.run(  # noqa: S603 - a fixed program, our own bytes
        ["pdftotext", "-", "-"],  # noqa: S607
        input=data.decode("latin-1"),
        capture_output=True,
        text=True,
        encoding="latin-1",
        check=True,
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_paper_form_holds_every_question_and_choice(
    module_app: Flask, client: FlaskClient, language: str
) -> None:
    needs_fonts()
    response = client.get(f"/report/paper/{language}.pdf")
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    text = pdf_text(response.get_data())
    if language in READ_WITH_POPPLER:
        needs_poppler()
        text = poppler(response.get_data()).stdout.encode("latin-1").decode("utf-8")
    first_page = squeezed(PdfReader(BytesIO(response.get_data())).pages[0].extract_text())
    with module_app.test_request_context():
        labels, choices = expected(language)
    assert len(labels) > 40
    # The first page has the help numbers and the mailing address.
    for number in ("312744-4111", "911", "311", "988", "740N.SedgwickSt.,Suite400"):
        assert number in first_page
    assert [label for label in labels if not printed(label, text)] == []
    assert [choice for choice in choices if not printed(choice, text)] == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_paper_form_has_no_missing_glyph(
    module_app: Flask, client: FlaskClient, language: str
) -> None:
    """The fonts the form is drawn with have every letter it holds, and every letter of its
    text layer is one the fonts here draw."""
    needs_fonts()
    text = pdf_text(client.get(f"/report/paper/{language}.pdf").get_data())
    with module_app.test_request_context():
        assert form_pdf.undrawable(language) == ""
    letters = font_letters()
    assert sorted({c for c in squeezed(text) if ord(c) not in letters}) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_text_of_the_paper_form_has_its_font(client: FlaskClient, language: str) -> None:
    """No text is drawn without a font selected (viewers then show other glyphs)."""
    needs_fonts()
    needs_poppler()
    read = poppler(client.get(f"/report/paper/{language}.pdf").get_data())
    assert "No font in show" not in read.stderr
    assert "Sedgwick" in read.stdout


@pytest.mark.parametrize(
    ("language", "font"),
    [("ar", "NotoNaskhArabic"), ("ur", "NotoNaskhArabic"), ("zh", "NotoSansCJK"),
     ("ko", "NotoSansCJK"), ("hi", "NotoSansDevanagari"), ("uk", "DejaVuSans")],
)  # fmt: skip
def test_each_script_is_drawn_with_its_noto_font(
    client: FlaskClient, language: str, font: str
) -> None:
    needs_fonts()
    reader = PdfReader(BytesIO(client.get(f"/report/paper/{language}.pdf").get_data()))
    embedded = {
        str(ref.get_object()["/BaseFont"])
        for page in reader.pages
        for ref in page["/Resources"]["/Font"].values()
    }
    assert any(font in name for name in embedded), embedded


def test_conditional_questions_say_when_they_apply(client: FlaskClient) -> None:
    needs_fonts()
    flat = squeezed(pdf_text(client.get("/report/paper/en.pdf").get_data()))
    for note in (
        "Only if it did not happen in Chicago",
        "Only if you were targeted because of who you are, or are not sure",
        "Only if you were treated unfairly (discrimination) or are not sure",
        "Only if you are reporting for the person it happened to",
        "Only if it did not happen to you",
        "Only if you gave us a way to reach you",
        "Only if you gave your email",
        "You may leave any contact detail blank to stay anonymous.",
    ):
        assert squeezed(note) in flat, note
    # The question and its note are printed together, before the next question.
    question = flat.index(squeezed("If not in Chicago, which city or town?"))
    note = flat.index(squeezed("Only if it did not happen in Chicago"))
    following = flat.index(squeezed("Address, corner or place"))
    assert question < note < following


def test_the_pdf_is_an_attachment_built_once(app: Flask) -> None:
    client = app.test_client()  # A new app: nothing built yet.
    first = client.get("/report/paper/pl.pdf")
    assert first.status_code == 200
    assert first.headers["Content-Disposition"] == 'attachment; filename="report-form-pl.pdf"'
    assert first.get_data().startswith(b"%PDF-")
    assert set(app.extensions[form_pdf.CACHE_KEY]) == {"pl"}
    assert client.get("/report/paper/pl.pdf").get_data() == first.get_data()


@pytest.mark.parametrize("name", ["xx", "EN", "en-US", "..%2Fconfig", "en.pdf%00"])
def test_an_unknown_language_is_not_found(client: FlaskClient, name: str) -> None:
    assert client.get(f"/report/paper/{name}.pdf").status_code == 404


def test_the_paper_page_offers_every_language(client: FlaskClient) -> None:
    page = client.get("/report/paper").get_data(as_text=True)
    for code in LANGUAGES:
        assert f'href="/report/paper/{code}.pdf"' in page
        assert NATIVE_NAMES[code] in page
    assert "740 N. Sedgwick St., Suite 400" in page
    assert 'href="tel:+13127444111"' in page


def test_the_landing_page_links_to_the_paper_form(client: FlaskClient) -> None:
    assert 'href="/report/paper"' in client.get("/").get_data(as_text=True)
