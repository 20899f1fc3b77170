"""Hostile values, and a walker that sends them to every parameter of every page and form.

The walker finds what to attack the way an attacker would: it opens each page, reads the names
of every form field and link parameter on it, and sends each name every value below, in the
query of GET pages and in the body of each form (with a real CSRF token, so the value reaches
the view). Any answer of 500 or more is a finding.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

from flask.testing import FlaskClient

# Values that broke, or could break, parsers, databases and writers.
HOSTILE = (
    "\x00",
    "a\x00b",
    "\x1b[31m\x0b\x7f",
    "\r\nSet-Cookie: planted=1",
    "1" * 20,
    "-1",
    "0",
    "99999",
    "1e309",
    "NaN",
    "9999-12-31",
    "0000-01-01",
    "0000",
    "9999-12",
    "0000-Q1",
    "2025-13-45",
    "١٢٣",
    "１２３",
    "x" * 100_000,
    "//evil.example/",
    "javascript:alert(1)",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "../../../etc/passwd",
    "\u202eexe.png",
    "",
)
# The sharpest values, sent to each name on its own (the others stay as the page had them).
SHARP = ("a\x00b", "1" * 20, "9999-12-31", "0000", "\r\n//evil.example", "x" * 100_000)
# Bytes that are not UTF-8, sent raw in queries and bodies.
INVALID_UTF8 = "%ff%fe%c3%28"


@dataclass
class FormInfo:
    """One form on a page: where it goes, how, and its fields' default values."""

    action: str
    method: str
    fields: list[tuple[str, str]] = field(default_factory=list)
    has_files: bool = False


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.forms: list[FormInfo] = []
        self.links: list[str] = []
        self.current: FormInfo | None = None
        self.select: str | None = None
        self.select_value: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        elif tag == "form":
            self.current = FormInfo(a.get("action", ""), a.get("method", "get").lower())
            self.forms.append(self.current)
        elif self.current is not None and tag in ("input", "textarea", "button") and a.get("name"):
            kind = a.get("type", "text")
            if kind == "file":
                self.current.has_files = True
                return
            if kind in ("checkbox", "radio") and "checked" not in a:
                self.current.fields.append((a["name"], "\0unchecked:" + a.get("value", "on")))
                return
            self.current.fields.append((a["name"], a.get("value", "")))
        elif self.current is not None and tag == "select":
            self.select, self.select_value = a.get("name"), None
        elif tag == "option" and self.select and self.select_value is None:
            self.select_value = a.get("value", "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "select" and self.current is not None and self.select:
            self.current.fields.append((self.select, self.select_value or ""))
            self.select = None
        elif tag == "form":
            self.current = None


def read_page(html: str, page_path: str) -> tuple[list[FormInfo], set[str]]:
    """The page's forms (actions made absolute) and the query names its links use."""
    parser = _PageParser()
    parser.feed(html)
    for form in parser.forms:
        form.action = urlsplit(form.action).path or page_path
        form.fields = [(n, v) for n, v in form.fields if not v.startswith("\0unchecked:")] + [
            (n, v.removeprefix("\0unchecked:"))
            for n, v in form.fields
            if v.startswith("\0unchecked:")
        ]
    names = {
        name
        for link in parser.links
        if link.startswith("/")
        for name, _value in parse_qsl(urlsplit(link).query, keep_blank_values=True)
    }
    for form in parser.forms:
        if form.method == "get":
            names.update(name for name, _v in form.fields)
    return parser.forms, names


@dataclass
class Walker:
    """Sends hostile values with one browser and keeps every 5xx it gets."""

    client: FlaskClient
    csrf_token: str
    findings: list[str] = field(default_factory=list)
    sent: int = 0
    skip_actions: tuple[str, ...] = ()

    def _check(self, response: Any, what: str) -> None:
        self.sent += 1
        response.close()
        if response.status_code >= 500:
            self.findings.append(f"{response.status_code} {what}"[:300])

    def get(self, path: str, query: str) -> None:
        """GET a page with this raw query string."""
        response = self.client.get(path, query_string=query, buffered=True)
        self._check(response, f"GET {path}?{str(query)[:120]}")

    def attack_query(self, path: str, names: Iterable[str], alone: Iterable[str] = ()) -> None:
        """Every hostile value in every name at once, then the sharpest in each of `alone`."""
        names = sorted(set(names) | set(alone))
        for value in HOSTILE:
            self.get(path, urlencode([(name, value) for name in names]))
        self.get(path, "&".join(f"{n}={INVALID_UTF8}" for n in names) or "x=%ff")
        self.get(path, urlencode([(n, v) for n in names for v in ("1", "abc", "1" * 20)]))
        for name in sorted(set(alone)):
            for value in SHARP:
                self.get(path, urlencode({name: value}))

    def post(self, form: FormInfo, values: list[tuple[str, str]] | bytes, what: str) -> None:
        """Submit a form with these values (or this raw body) and a valid CSRF token."""
        if isinstance(values, bytes):
            body = b"csrf_token=" + self.csrf_token.encode() + b"&" + values
            response = self.client.post(
                form.action,
                data=body,
                content_type="application/x-www-form-urlencoded",
                buffered=True,
            )
        else:
            pairs = [(n, v) for n, v in values if n != "csrf_token"]
            response = self.client.post(
                form.action,
                data=urlencode([("csrf_token", self.csrf_token), *pairs]),
                content_type="application/x-www-form-urlencoded",
                buffered=True,
            )
        self._check(response, f"POST {form.action} {what}")

    def attack_form(self, form: FormInfo) -> None:
        """Every field hostile at once, each field alone, raw bad bytes, repeated fields."""
        if form.method != "post" or form.action.endswith(self.skip_actions):
            return
        names = [n for n, _v in form.fields if n != "csrf_token"]
        for value in HOSTILE:
            self.post(form, [(n, value) for n in names], f"all={value[:20]!r}")
        for name in names:
            for value in SHARP:
                changed = [(n, value if n == name else v) for n, v in form.fields]
                self.post(form, changed, f"{name}={value[:20]!r}")
        raw = "&".join(f"{n}={INVALID_UTF8}" for n in names).encode("ascii")
        self.post(form, raw or b"x=%ff", "invalid UTF-8")
        self.post(form, [(n, v) for n in names for v in ("1", "2", "1" * 20)], "repeated")


def csrf_of(html: str) -> str | None:
    """The first CSRF token on a page."""
    match = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html) or re.search(
        r'type="hidden" name="csrf_token" value="([^"]+)"', html
    )
    return match.group(1) if match else None


def pages(paths: Iterable[str], client: FlaskClient) -> Iterator[tuple[str, str]]:
    """(path, html) of each page that opens with a 200."""
    for path in paths:
        response = client.get(path, buffered=True)
        html = response.get_data(as_text=True) if response.mimetype == "text/html" else ""
        response.close()
        if response.status_code == 200 and html:
            yield path, html
