"""Languages: which ones the portal offers, how one is chosen, and which way it is written.

The choice is: `?lang=` on any page (remembered for the visit) → the browser's Accept-Language →
English.
"""

from __future__ import annotations

from babel import Locale
from flask import current_app, has_request_context, request, session

# Every language the city serves (DOMAIN.md), with its own name. A language appears in the
# switcher once it is listed in the LANGUAGES setting (that is, once its catalog is complete).
NATIVE_NAMES = {
    "en": "English",
    "es": "Español",
    "zh": "中文 (简体)",
    "pl": "Polski",
    "ar": "العربية",
    "hi": "हिन्दी",
    "fil": "Tagalog",
    "ko": "한국어",
    "uk": "Українська",
    "ur": "اردو",
}
SESSION_KEY = "lang"
# The BCP 47 tag for HTML's lang attribute where the code alone is ambiguous: the Chinese offered
# is written in simplified characters, which fonts and screen readers need to know.
LANGUAGE_TAGS = {"zh": "zh-Hans"}


def language_tag(code: str) -> str:
    """The lang attribute for a language code ("zh" → "zh-Hans")."""
    return LANGUAGE_TAGS.get(code, code.replace("_", "-"))


def shipped() -> tuple[str, ...]:
    """The language codes this deployment offers."""
    return tuple(current_app.config["LANGUAGES"])


def select_locale() -> str:
    """Flask-Babel's locale selector (the default language outside a request, as in the CLI)."""
    if not has_request_context():
        return str(current_app.config["BABEL_DEFAULT_LOCALE"])
    chosen = request.args.get("lang")
    if chosen in shipped():
        session[SESSION_KEY] = chosen
        return chosen
    remembered = session.get(SESSION_KEY)
    if remembered in shipped():
        return str(remembered)
    best = request.accept_languages.best_match(shipped())
    return best or str(current_app.config["BABEL_DEFAULT_LOCALE"])


def direction(code: str) -> str:
    """ "rtl" for right-to-left languages (Arabic, Urdu), else "ltr"."""
    return "rtl" if Locale.parse(code).text_direction == "rtl" else "ltr"


def language_choices() -> list[tuple[str, str]]:
    """(code, own name) for every language the city serves, for the preferred-language question."""
    return list(NATIVE_NAMES.items())
