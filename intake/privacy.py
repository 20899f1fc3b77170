"""What the portal keeps out of logs and browsers: client addresses, referrers, cached pages."""

from __future__ import annotations

import logging
import re
import traceback

from flask import Flask, current_app, request
from werkzeug.wrappers import Response

# The development server starts each request line with the client's address.
_LEADING_ADDRESS = re.compile(r"^\S+ - - ")
# A request line's query string ("GET /staff/cases?q=... HTTP/1.1"): searches name people.
_QUERY = re.compile(r"\?[^\s\"]*")


class DropClientAddress(logging.Filter):
    """Remove the client's IP address and the query string from Werkzeug's request log lines."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Rewrite the record in place; never drops it."""
        if isinstance(record.msg, str):
            record.msg = _QUERY.sub("", _LEADING_ADDRESS.sub("- - - ", record.msg))
        return True


class WithholdExceptionMessages(logging.Filter):
    """Log where an error happened, never its message: an exception's text can quote what
    someone typed (a narrative in a database error, a name in a ValueError)."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Replace the record's traceback with one whose messages are withheld."""
        if record.exc_info and record.exc_info[1] is not None:
            record.exc_text = _traceback_without_messages(record.exc_info[1])
            record.exc_info = None
        return True


def _traceback_without_messages(error: BaseException) -> str:
    parts: list[str] = []
    current: BaseException | None = error
    while current is not None and len(parts) < 5:
        kind = type(current)
        frames = "".join(traceback.format_tb(current.__traceback__))
        parts.append(
            f"Traceback (most recent call last):\n{frames}"
            f"{kind.__module__}.{kind.__qualname__} (message withheld)"
        )
        current = current.__cause__ or current.__context__
    return "\n\nwhile handling or caused by:\n".join(reversed(parts))


def _headers(response: Response) -> Response:
    headers = response.headers
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("X-Frame-Options", "DENY")
    # Other sites never learn that someone came from here, nor which page. Our own pages do:
    # over HTTPS, the CSRF check compares a form's Referer with this site.
    headers.setdefault("Referrer-Policy", "same-origin")
    headers.setdefault(
        "Content-Security-Policy",
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    )
    # A shared computer's back button or cache must not show someone's report: every page,
    # download and export, whatever send_file chose. Stylesheets and scripts say nothing about
    # anyone and may be cached.
    if request.endpoint != "static":
        headers["Cache-Control"] = "no-store"
        headers.pop("Expires", None)
        headers.pop("ETag", None)
        headers.pop("Last-Modified", None)
    hsts = int(current_app.config.get("HSTS_SECONDS", 0))
    if hsts > 0:
        headers.setdefault("Strict-Transport-Security", f"max-age={hsts}; includeSubDomains")
    return response


def init_app(app: Flask) -> None:
    """Install the log filter and the response headers."""
    werkzeug_logger = logging.getLogger("werkzeug")
    if not any(isinstance(f, DropClientAddress) for f in werkzeug_logger.filters):
        werkzeug_logger.addFilter(DropClientAddress())
    if not any(isinstance(f, WithholdExceptionMessages) for f in app.logger.filters):
        app.logger.addFilter(WithholdExceptionMessages())
    app.after_request(_headers)
