"""Fonts for every PDF the portal makes (letters, the signed complaint, the summary report).

The body font is DejaVu Sans, which matplotlib ships (Latin, Cyrillic, Greek, Arabic script),
shaped by uharfbuzz. Chinese, Korean and Devanagari need the Noto fonts: Debian's
`fonts-noto-cjk` and `fonts-noto-core` (or the same files in any folder of FONT_DIRS). When
a document holds such letters, the fonts found are added as fallbacks (only then: a CJK font
takes about two seconds to read), and only the letters used are embedded. Without them, those
letters cannot be drawn and `covered` says so, so callers can fall back (to English, or a box).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path

import matplotlib
from flask import current_app, has_app_context
from fontTools.ttLib import TTFont  # type: ignore[import-untyped]  # fpdf2's dependency
from fpdf import FPDF

FONT_DIR = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
BODY = FONT_DIR / "DejaVuSans.ttf"
BODY_BOLD = FONT_DIR / "DejaVuSans-Bold.ttf"
# Where system fonts live (Debian, other Linux, macOS); FONT_DIRS adds more, searched first.
SYSTEM_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts", "/Library/Fonts")
# Fallback families and the files that provide them, in order of preference.
FALLBACKS: dict[str, tuple[str, ...]] = {
    "noto-cjk": ("NotoSansCJK-Regular.ttc", "NotoSansCJKsc-Regular.otf", "NotoSansSC-Regular.ttf"),
    "noto-devanagari": ("NotoSansDevanagari-Regular.ttf",),
    # The paper form's body font for Arabic and Urdu (DejaVu draws their letters elsewhere).
    "noto-arabic": ("NotoNaskhArabic-Regular.ttf", "NotoSansArabic-Regular.ttf"),
}
# Which fallback draws which letters.
RANGES = {
    "noto-cjk": (
        (0x1100, 0x11FF),  # Hangul Jamo
        (0x2E80, 0x9FFF),  # CJK radicals, punctuation, kana, ideographs
        (0xAC00, 0xD7AF),  # Hangul syllables
        (0xF900, 0xFAFF),
        (0xFF00, 0xFFEF),  # Full-width forms
    ),
    "noto-devanagari": ((0x0900, 0x097F), (0xA8E0, 0xA8FF)),
}


def _dirs() -> tuple[str, ...]:
    extra: tuple[str, ...] = ()
    if has_app_context():
        extra = tuple(current_app.config.get("FONT_DIRS", ()))
    return extra + SYSTEM_DIRS


@cache
def _find(names: tuple[str, ...], dirs: tuple[str, ...]) -> Path | None:
    for folder in dirs:
        root = Path(folder)
        if not root.is_dir():
            continue
        for name in names:
            found = next(root.rglob(name), None)
            if found is not None:
                return found
    return None


def fallback_file(family: str) -> Path | None:
    """The file that provides a fallback family here, if any."""
    return _find(FALLBACKS[family], _dirs())


@cache
def _cmap(path: Path) -> frozenset[int]:
    with TTFont(str(path), fontNumber=0, lazy=True) as font:
        return frozenset(font["cmap"].getBestCmap())


def _needed(text: str) -> set[str]:
    body = _cmap(BODY)
    needed = set()
    for char in set(text):
        code = ord(char)
        if code in body or char.isspace():
            continue
        for family, ranges in RANGES.items():
            if any(low <= code <= high for low, high in ranges):
                needed.add(family)
    return needed


def covered(text: str) -> frozenset[int]:
    """The letters the PDF fonts can draw, for a document holding `text` (body font plus the
    fallbacks it needs and this machine has)."""
    letters = set(_cmap(BODY))
    for family in _needed(text):
        path = fallback_file(family)
        if path is not None:
            letters |= _cmap(path)
    return frozenset(letters)


def drawable(text: str) -> bool:
    """Whether every letter of `text` can be drawn."""
    letters = covered(text)
    return all(ord(char) in letters for char in text if not char.isspace())


# The faces of the Noto CJK collections (NotoSansCJK-*.ttc: JP, KR, SC, TC): a Korean document
# draws with the Korean face, any other with Simplified Chinese (the Chinese the portal offers).
CJK_FACES = {"ja": 0, "ko": 1, "zh": 2}
CJK_DEFAULT_FACE = 2


def face(path: Path, language: str | None) -> int:
    """Which face of a font file to draw `language` with (0 unless it is a collection)."""
    if path.suffix.lower() != ".ttc":
        return 0
    return CJK_FACES.get(language or "", CJK_DEFAULT_FACE)


def bold_file(path: Path) -> Path:
    """The bold file beside a regular one (Noto names them alike), else the regular itself."""
    bold = path.with_name(path.name.replace("Regular", "Bold"))
    return bold if bold.exists() else path


def prepare(
    pdf: FPDF, texts: Iterable[str], family: str = "body", language: str | None = None
) -> None:
    """Add the body font (regular and bold) as `family`, shaping on, and the fallbacks that
    `texts` need and this machine has, regular and bold (a bold heading in Chinese falls back
    too), in the faces for `language`."""
    pdf.add_font(family, "", str(BODY))
    pdf.add_font(family, "B", str(BODY_BOLD))
    pdf.set_text_shaping(True)
    fallbacks = []
    for name in sorted(_needed("".join(texts))):
        path = fallback_file(name)
        if path is not None:
            number = face(path, language)
            pdf.add_font(name, "", str(path), collection_font_number=number)
            pdf.add_font(name, "B", str(bold_file(path)), collection_font_number=number)
            fallbacks.append(name)
    if fallbacks:
        pdf.set_fallback_fonts(fallbacks, exact_match=False)


def select_again(pdf: FPDF) -> None:
    """Select the current font anew before the next text. fpdf2 (2.8.9) forgets that a
    fallback font drew the end of the previous text and skips selecting the font, so the next
    text would draw with the fallback's glyph codes (garbage on screen, "No font in show" to
    poppler)."""
    family, style, size = pdf.font_family, pdf.font_style, pdf.font_size_pt
    pdf.set_font(family, style, size + 1)
    pdf.set_font(family, style, size)
