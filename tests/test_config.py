"""Configuration: safe by itself in development, loud in production when something is missing."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

import config
from intake import create_app


def test_production_refuses_to_start_without_its_secrets(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name in (*config.SECRET_NAMES, "DATABASE_URL", "UPLOAD_FOLDER"):
        monkeypatch.delenv(name, raising=False)
    with pytest.raises(config.ConfigError, match="SECRET_KEY"):
        create_app("production")


def test_unknown_environment_is_refused() -> None:
    with pytest.raises(config.ConfigError, match="INTAKE_ENV"):
        config.select("staging")


def test_development_generates_and_keeps_its_secrets(tmp_path: Path) -> None:
    first = config.DevelopmentConfig.prepare(tmp_path)
    second = config.DevelopmentConfig.prepare(tmp_path)
    assert first["SECRET_KEY"] == second["SECRET_KEY"]
    assert first["FIELD_ENCRYPTION_KEY"] == second["FIELD_ENCRYPTION_KEY"]
    assert first["SQLALCHEMY_DATABASE_URI"].startswith("sqlite:///")
    secrets_file = tmp_path / "secrets.json"
    assert set(json.loads(secrets_file.read_text())) == set(config.SECRET_NAMES)
    assert stat.S_IMODE(secrets_file.stat().st_mode) == 0o600


def test_gunicorn_workers_freeze_the_loaded_app_out_of_the_collectors_view() -> None:
    import gc
    import runpy

    settings = runpy.run_path(str(Path(__file__).parent.parent / "gunicorn.conf.py"))
    before = gc.get_freeze_count()
    try:
        settings["post_worker_init"](None)
        assert gc.get_freeze_count() > before
    finally:
        gc.unfreeze()
