"""Roles are sets of capabilities, declared once in `intake.roles`; pages ask for capabilities."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from flask import Flask

from intake import roles
from intake.auth.guard import ANY_STAFF, allowed
from intake.roles import Can

ROOT = Path(__file__).resolve().parent.parent


def test_every_capability_is_given_by_a_role_and_asked_for_somewhere(app: Flask) -> None:
    given = set().union(*(role.capabilities for role in roles.ROLES))
    assert given == set(Can)
    source = "\n".join(
        path.read_text(encoding="utf-8")
        for folder in ("intake", "templates")
        for path in (ROOT / folder).rglob("*")
        if path.suffix in (".py", ".html") and path.name != "roles.py"
    )
    with app.app_context():
        asked = {name for endpoint in app.view_functions for name in allowed(endpoint)}
    for capability in Can:
        assert capability.value in asked or f"Can.{capability.name}" in source, capability


def test_views_ask_for_capabilities_never_for_role_names(app: Flask) -> None:
    with app.app_context():
        for endpoint in app.view_functions:
            needed = allowed(endpoint) - {ANY_STAFF}
            assert needed <= {capability.value for capability in Can}, endpoint
    for path in (ROOT / "intake").rglob("*.py"):
        assert "has_role(" not in path.read_text(encoding="utf-8"), path


def test_roles_combine_and_unknown_names_give_nothing() -> None:
    assert roles.capabilities(["intake", "investigator"]) >= {Can.SEE_TRIAGE, Can.SEE_ASSIGNED}
    assert roles.capabilities(["nobody"]) == frozenset()
    assert roles.home(roles.capabilities(["nobody"])) == roles.FALLBACK_HOME


@pytest.mark.parametrize("role", sorted(roles.ROLE_NAMES))
def test_each_role_lands_on_a_page_it_may_open(staff_browser: Any, role: str) -> None:
    browser = staff_browser(role)
    response = browser.get("/staff/")
    assert response.status_code == 302
    assert browser.get(response.headers["Location"]).status_code == 200
