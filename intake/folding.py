"""Text folded for search: case and accents ignored ("Autobús" finds "autobus" and back).

The same folding is applied to what is indexed (SQLite: the `intake_fold` SQL function the
connection registers, used by the search triggers; PostgreSQL: the unaccent extension in the
generated search column, migration 0012) and to what is searched for.
"""

from __future__ import annotations

import re
import unicodedata


def fold(text: str | None) -> str:
    """Lower case without accents: NFKD, combining marks dropped, case folded, NFC again."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return unicodedata.normalize("NFC", bare.casefold())


# Scripts written without spaces between words (Chinese, Japanese): a run of their characters.
UNSPACED_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def grams(run: str) -> str:
    """Every character of an unspaced run and every pair of neighbours, as separate words:
    "房东说" is indexed as "房 东 说 房东 东说", so a one- or two-character word is a whole word
    of the index."""
    pairs = [run[i : i + 2] for i in range(len(run) - 1)]
    return " ".join([*run, *pairs])


def search_words(text: str | None) -> str:
    """What the short-word index holds (migration 0024): the folded text, each unspaced run
    followed by its characters and pairs (the same rule as `intake_cjk_grams` on PostgreSQL)."""
    folded = fold(text)
    runs = [grams(match) for match in UNSPACED_RUN.findall(folded)]
    return " ".join([folded, *runs]) if runs else folded
