"""Numbers and names inside translated text keep their own direction.

In Arabic or Urdu a phone number such as "(312) 814-6200" inside a right-to-left sentence is
reordered by the bidi algorithm ("6200-814 (312)"). Numbers stay out of messages (placeholders)
and are isolated: with U+2066…U+2069 in plain text (labels, emails), with <bdi dir="ltr"> in HTML.
"""

from __future__ import annotations

from flask import Flask
from markupsafe import Markup, escape

LRI, FSI, PDI = "\u2066", "\u2068", "\u2069"


def ltr(text: str) -> str:
    """Plain text isolated as left to right (for labels, options and text emails)."""
    return f"{LRI}{text}{PDI}" if text else ""


def isolated(text: str) -> str:
    """Plain text isolated in its own direction (file names and other names, any script)."""
    return f"{FSI}{text}{PDI}" if text else ""


def bdi(text: str) -> Markup:
    """HTML isolated as left to right."""
    return Markup('<bdi dir="ltr">%s</bdi>') % escape(text) if text else Markup("")


def init_app(app: Flask) -> None:
    """Template filters: `{{ number | ltr }}` in text emails, `{{ number | bdi }}` in pages."""
    app.jinja_env.filters["ltr"] = ltr
    app.jinja_env.filters["bdi"] = bdi
