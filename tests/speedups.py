"""What every test's new app would otherwise compute again, computed once per test process.

Every test still gets an app of its own (create_app, a fresh database); these only keep what is
the same in every app the suite builds, measured as most of a new app's cost:
- Jinja's compiled templates (0.05-0.1 s of CPU for each template an app renders first): a
  bytecode cache in memory, shared by every app. Jinja compares each template source's checksum
  with the cached one, so an edited template is compiled again.
- Werkzeug's URL builders (~0.25 s of CPU per app: two generated Python functions per route,
  built through `ast` and `compile`): the same rule text gives the same function, which reaches
  its rule only through its `self` argument, so one built function serves that rule in every
  app. Rules with defaults (their values are folded into the function) are built as before.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import Flask
from jinja2 import BytecodeCache
from jinja2.bccache import Bucket
from werkzeug.routing import Rule


class SharedBytecodeCache(BytecodeCache):
    """Compiled templates, in memory, for every app of this process."""

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        data = self.store.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)  # Left empty when the checksum differs.

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


BUILDERS: dict[tuple[bool, str, tuple[tuple[bool, str], ...]], Callable[..., Any]] = {}


def install() -> None:
    """Share compiled templates and URL builders between the apps of this process."""
    Flask.jinja_options = {**Flask.jinja_options, "bytecode_cache": SharedBytecodeCache()}
    compile_builder = getattr(Rule, "_compile_builder", None)
    if compile_builder is None or getattr(compile_builder, "shared", False):
        return  # Another Werkzeug (nothing shared then), or installed already.

    def shared_builder(rule: Rule, append_unknown: bool = True) -> Callable[..., Any]:
        if rule.defaults:
            return compile_builder(rule, append_unknown)  # type: ignore[no-any-return]
        key = (append_unknown, rule.rule, tuple(rule._trace))
        if key not in BUILDERS:
            BUILDERS[key] = compile_builder(rule, append_unknown)
        return BUILDERS[key]

    shared_builder.shared = True  # type: ignore[attr-defined]
    Rule._compile_builder = shared_builder  # type: ignore[method-assign]
