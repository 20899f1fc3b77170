"""What every page shares: the help numbers, the language switcher, and the error pages."""

from __future__ import annotations

import re
from typing import Any

from flask import Flask, current_app, g, render_template, request, url_for
from flask_babel import get_locale, pgettext
from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString
from flask_wtf.csrf import CSRFError
from markupsafe import Markup, escape
from werkzeug.exceptions import HTTPException

from .i18n import NATIVE_NAMES, direction, language_tag, shipped
from .roles import READ_CASES, Can
from .uploads import MEGABYTE

COMMISSION_NAME = _l("Chicago Commission on Human Relations")

# The help lines in the order a person in trouble needs them.
HELP_LINES = (
    ("emergency", _l("Danger now or a crime in progress")),
    ("commission", _l("Commission on Human Relations")),
    ("commission_tty", _l("Commission TTY (deaf or hard of hearing)")),
    ("hate_crime", _l("Hate crime victim help")),
    ("city_services", _l("City services; report a hate incident")),
    ("crisis", _l("Suicide and crisis line (call or text)")),
    ("immigrant", _l("Immigrant family support hotline")),
)


def tel(number: str) -> str:
    """A `tel:` URI for a displayed number: "(312) 744-4111" → "tel:+13127444111"."""
    digits = re.sub(r"\D", "", number)
    if len(digits) == 10:
        digits = "1" + digits
    return f"tel:+{digits}" if len(digits) == 11 else f"tel:{digits}"


def help_lines() -> list[dict[str, str]]:
    """The configured help numbers with their labels and links."""
    numbers = current_app.config["HELP_NUMBERS"]
    return [
        {"key": key, "label": str(label), "number": numbers[key], "tel": tel(numbers[key])}
        for key, label in HELP_LINES
        if numbers.get(key)
    ]


def _switch_url(code: str) -> str:
    """The current page in another language (GET pages keep their query)."""
    # Only the page's own filters: never Flask's url_for options (_external, _anchor, _scheme),
    # which a crafted link could use to point the switcher at another host.
    values: dict[str, Any] = {
        key: value
        for key, value in request.args.items()
        if key != "lang" and not key.startswith("_") and not g.get("error_page")
    }
    values.update(request.view_args or {})
    endpoint = request.endpoint or "public.index"
    try:
        return url_for(endpoint, **values, lang=code)
    except Exception:  # noqa: BLE001 - an error page has no usable endpoint
        return url_for("public.index", lang=code)


def _context() -> dict[str, Any]:
    locale = str(get_locale())
    return {
        # BCP 47 for the lang attribute: "zh" → "zh-Hans".
        "locale": language_tag(locale),
        "text_direction": direction(locale),
        "languages": [(code, NATIVE_NAMES[code]) for code in shipped()],
        "switch_url": _switch_url,
        "help_lines": help_lines(),
        "quick_exit_url": current_app.config["QUICK_EXIT_URL"],
        "commission_name": COMMISSION_NAME,
        "commission_phone": current_app.config["HELP_NUMBERS"].get("commission", ""),
        "tel": tel,
    }


ERROR_MESSAGES: dict[int | str, Any] = {
    400: _l("Something in that request was not right. Please go back and try again."),
    403: _l("You cannot open this page."),
    404: _l("We could not find that page."),
    405: _l("That page cannot be used that way."),
    413: _l(
        "The files were too large to send together. Each file can be up to %(file_size)s MB, "
        "and a video up to %(size)s MB; try sending them one at a time.",
        # Lazy too: the configured limits, read when the page is shown.
        file_size=LazyString(lambda: int(current_app.config["MAX_FILE_BYTES"]) // MEGABYTE),
        size=LazyString(lambda: int(current_app.config["MAX_VIDEO_BYTES"]) // MEGABYTE),
    ),
    # Not a status code: a form without files that was far too long.
    "form_too_large": _l(
        "What you sent was too long for this page. Please go back, shorten it and try again."
    ),
    429: _l("Too many tries from this connection. Please wait a while and try again, or call us."),
    500: _l(
        "Something went wrong on our side. Your answers that were already saved are kept. "
        "Please try again, or call us."
    ),
}


def _error(error: Exception) -> tuple[str, int]:
    code = error.code if isinstance(error, HTTPException) and error.code else 500
    g.error_page = True  # An error page repeats nothing from the request, not even its query.
    message = ERROR_MESSAGES.get(code, ERROR_MESSAGES[500 if code >= 500 else 400])
    if code == 413 and g.get("form_only"):
        message = ERROR_MESSAGES["form_too_large"]
    if isinstance(error, CSRFError):
        message = _l(
            "This page was open too long or came from somewhere else. For your safety "
            "we did not accept it. Please go back, reload the page and try again."
        )
    return render_template("error.html", code=code, message=message), code


def labelled(label: Any, value: Any) -> Markup:
    """ "Label: value" with the reader's language's own colon (zh and ko write "："); the value
    may be markup (a number kept left to right), anything else is escaped."""
    pattern = pgettext(
        "a label and its value, as in: Record number: HR-7K3M-9QX2", "%(label)s: %(value)s"
    )
    return escape(pattern) % {"label": label, "value": value}


def hidden(text: Any) -> Markup:
    """Words for screen readers only (a link's or button's object), isolated in direction."""
    words: Markup = Markup('<span class="visually-hidden"><bdi>%s</bdi></span>') % text
    return words


def change_named(what: Any) -> Markup:
    """A "Change" link's text: "Change" shown, what it changes read aloud, in the language's
    own word order ("Change Where it happened", "발생 장소 변경")."""
    message = pgettext(
        "a link; the placeholder is read by screen readers only: Change Where it happened",
        "Change %(what)s",
    )
    return escape(message) % {"what": hidden(what)}


def init_app(app: Flask) -> None:
    """Register the shared template context and the error pages."""
    app.context_processor(_context)
    # Templates ask what the signed-in staff member may do: current_user.can(Can.REPORTS).
    app.jinja_env.globals.update(
        Can=Can,
        READ_CASES=READ_CASES,
        labelled=labelled,
        change_named=change_named,
        hidden_name=hidden,
    )
    app.jinja_env.filters["language_tag"] = language_tag
    for code in ERROR_MESSAGES:
        if isinstance(code, int):
            app.register_error_handler(code, _error)
    app.register_error_handler(CSRFError, _error)
