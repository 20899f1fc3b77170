"""What the portal accepts at its edge, once, before any view sees a request.

- Control characters never get in: every query and form value (and name) loses C0 and C1 control
  characters, keeping tab and newline in form text. A NUL byte in a narrative would otherwise be
  refused by PostgreSQL (and the report lost) and served back raw by SQLite.
- Bodies are small unless the page takes files: a form without files may send FORM_MAX_BYTES.
- Behind TRUSTED_PROXIES reverse proxies, the client's address and scheme come from the
  X-Forwarded-For/-Proto headers those proxies set; anyone else's such headers are ignored.
"""

from __future__ import annotations

import re
from typing import Any

from flask import Flask, Request, current_app, g, request
from werkzeug.datastructures import ImmutableMultiDict, MultiDict
from werkzeug.middleware.proxy_fix import ProxyFix
from werkzeug.routing import IntegerConverter, Map
from werkzeug.utils import cached_property

from .models.types import MAX_ID

# C0 controls but tab, LF and CR; DEL; C1 controls; the two non-characters XML forbids.
_IN_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
# In a URL's query every control character is out, line breaks and tabs too (also what the case
# filters check for themselves, for callers that do not come through a request).
QUERY_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\ufffe\uffff]")
# Endpoints whose forms carry files: they keep MAX_CONTENT_LENGTH.
UPLOAD_ENDPOINTS = frozenset({"public.evidence", "public.more_files"})


def _cleaned(values: MultiDict[str, str], pattern: re.Pattern[str]) -> ImmutableMultiDict[str, str]:
    return ImmutableMultiDict(
        [(pattern.sub("", key), pattern.sub("", value)) for key, value in values.items(multi=True)]
    )


class CleanRequest(Request):
    """Flask's request, whose `args` and `form` hold no control characters."""

    @cached_property
    def args(self) -> MultiDict[str, str]:
        """The query's values, cleaned."""
        return _cleaned(super().args, QUERY_CONTROLS)

    def _load_form_data(self) -> None:
        if "form" in self.__dict__:
            return
        super()._load_form_data()
        self.__dict__["form"] = _cleaned(self.__dict__["form"], _IN_TEXT)


def _limit_body() -> None:
    """Before form parsing: pages without files take small bodies only."""
    if request.endpoint not in UPLOAD_ENDPOINTS:
        request.max_content_length = int(current_app.config["FORM_MAX_BYTES"])
        g.form_only = True


class BoundedInt(IntegerConverter):
    """`<int:...>` in a URL, up to the largest id a database column holds: a longer number is
    a page that does not exist (404), not an overflow in the database driver."""

    def __init__(self, url_map: Map, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("max", MAX_ID)
        super().__init__(url_map, *args, **kwargs)


def init_app(app: Flask) -> None:
    """Clean requests, limit bodies, and trust the configured proxies (call before csrf and
    before any blueprint is registered, so every `<int:...>` is bounded)."""
    app.url_map.converters["int"] = BoundedInt
    app.request_class = CleanRequest
    app.before_request(_limit_body)
    proxies = int(app.config["TRUSTED_PROXIES"])
    if proxies > 0:
        app.wsgi_app = ProxyFix(  # type: ignore[method-assign]
            app.wsgi_app, x_for=proxies, x_proto=proxies
        )
