"""Every PDF draws every shipped script: Chinese, Korean and Devanagari through the Noto fonts
(Debian's fonts-noto-cjk and fonts-noto-core, which .ci/run installs). Without them the test
skips locally with the reason and fails in CI."""

from __future__ import annotations

import os
import shutil
import subprocess
from io import BytesIO

import pytest
from flask import Flask
from pypdf import PdfReader

from intake import fonts
from intake.letters.pdf import Letter, build

SAMPLES = {
    "zh": "芝加哥人际关系委员会",
    "ko": "시카고 인간관계위원회",
    "hi": "शिकायत दर्ज की गई",
    "ar": "لجنة العلاقات الإنسانية",
    "uk": "Комісія з людських відносин",
}


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


@pytest.mark.parametrize("language", sorted(SAMPLES))
def test_a_letter_draws_every_script(app: Flask, language: str) -> None:
    needs_fonts()
    text = SAMPLES[language]
    with app.test_request_context():
        assert fonts.drawable(text)
        data = build(Letter(language=language, record_number="HR-TEST-0001", body=text))
    extracted = "".join(page.extract_text() for page in PdfReader(BytesIO(data)).pages)
    # Every letter is in the document's text (the extraction may space or reorder runs).
    squeezed = extracted.replace(" ", "").replace("\n", "")
    if language != "ar":  # Shaped Arabic extracts as presentation forms.
        assert all(char in squeezed for char in text.replace(" ", ""))
    assert "HR-TEST-0001" in extracted


def test_text_without_fallback_letters_reads_no_fallback_font(app: Flask) -> None:
    """A Latin letter never pays for reading the CJK font."""
    with app.app_context():
        assert fonts._needed("Hello, Chicago") == set()  # noqa: SLF001
        assert fonts._needed("你好") == {"noto-cjk"}  # noqa: SLF001
        assert fonts._needed("नमस्ते") == {"noto-devanagari"}  # noqa: SLF001


@pytest.mark.parametrize("language", ["zh", "ko", "hi"])
def test_a_letters_bold_heading_and_the_text_after_it_are_drawn(app: Flask, language: str) -> None:
    """The letterhead's bold commission name falls back to the Noto font (bold) like the body,
    and the address after it is drawn with a font selected (read as viewers do, by poppler)."""
    needs_fonts()
    needs_poppler()
    with app.test_request_context():
        data = build(Letter(language=language, record_number="HR-TEST-0001", body="Hello."))
    read = subprocess.run(  # noqa: S603 - a fixed program, our own bytes
        ["pdftotext", "-", "-"],  # noqa: S607
        input=data,
        capture_output=True,
        check=True,
    )
    text = read.stdout.decode("utf-8")
    heading = {"zh": "芝加哥人际关系委员会", "ko": "시카고인간관계위원회", "hi": "आयोग"}
    assert heading[language] in text.replace(" ", "")  # The letterhead, bold.
    assert "Sedgwick" in text
    assert b"No font in show" not in read.stderr


def needs_poppler() -> None:
    if shutil.which("pdftotext") is None:
        reason = "pdftotext not installed (apt-get install poppler-utils)"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
