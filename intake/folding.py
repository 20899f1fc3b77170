"""Text folded for search: case and accents ignored ("Autobús" finds "autobus" and back).

The same folding is applied to what is indexed (SQLite: the `intake_fold` SQL function the
connection registers, used by the search triggers; PostgreSQL: the unaccent extension in the
generated search column, migration 0012) and to what is searched for.
"""

from __future__ import annotations

import unicodedata


def fold(text: str | None) -> str:
    """Lower case without accents: NFKD, combining marks dropped, case folded, NFC again."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return unicodedata.normalize("NFC", bare.casefold())
