"""intake: the resident-facing and staff-facing portal of a city human-rights commission."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flask import Flask

import config as config_module

from . import bidi, edge, privacy, sessions
from .database import upgrade_if_empty
from .extensions import babel, csrf, db, limiter, login_manager, migrate

ROOT = Path(__file__).resolve().parent.parent


def create_app(
    config: str | type[config_module.Config] | None = None, overrides: dict[str, Any] | None = None
) -> Flask:
    """Build the application for the configuration named by `config` (or INTAKE_ENV)."""
    config_class = config if isinstance(config, type) else config_module.select(config)
    app = Flask(
        __name__,
        instance_path=str(ROOT / "instance"),
        template_folder=str(ROOT / "templates"),
        static_folder="static",
    )
    app.config.from_object(config_class)
    app.config.update(config_class.prepare(Path(app.instance_path)))
    app.config.update(overrides or {})
    app.jinja_env.add_extension("jinja2.ext.do")
    bidi.init_app(app)

    # First: the edge cleans and limits requests before anything (CSRF, limits) reads a form.
    edge.init_app(app)
    privacy.init_app(app)
    sessions.init_app(app)
    db.init_app(app)
    migrate.init_app(app, db, directory=str(ROOT / "migrations"))
    csrf.init_app(app)
    limiter.init_app(app)
    login_manager.init_app(app)

    from .i18n import select_locale

    babel.init_app(app, locale_selector=select_locale)

    from . import cli, pages
    from .auth.guard import guard
    from .auth.views import bp as auth_bp
    from .public import bp as public_bp
    from .staff import bp as staff_bp

    app.register_blueprint(public_bp)
    app.register_blueprint(auth_bp)
    app.register_blueprint(staff_bp)
    app.before_request(guard)
    pages.init_app(app)
    cli.init_app(app)

    if app.config["AUTO_MIGRATE"]:
        upgrade_if_empty(app)
    return app
