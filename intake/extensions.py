"""Extension singletons, bound to an app in `create_app` so nothing imports the app to use them."""

from __future__ import annotations

from collections.abc import Callable

from flask_babel import Babel
from flask_limiter import Limiter
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf.csrf import CSRFProtect
from sqlalchemy import MetaData
from sqlalchemy.orm import DeclarativeBase
from werkzeug.wrappers import Response

# Deterministic constraint names, so migrations name the same thing the same way on every database.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """The declarative base of every model."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def configured_limit(setting: str) -> Callable[[], str]:
    """A rate limit read from the configuration setting `setting` when the request comes."""
    from flask import current_app

    return lambda: str(current_app.config[setting])


def limit_key(kind: str, value: str) -> str:
    """A rate-limit key that names no one: the counters (in Redis, in production) hold a keyed
    hash of the address, email or record number, never the value itself."""
    from .crypto import keyed_hash

    return f"{kind}:{keyed_hash(value, 'rate-limit')[:32]}"


def _client_key() -> str:
    """The rate-limit key of the client's address."""
    from flask_limiter.util import get_remote_address

    return limit_key("client", str(get_remote_address()))


def failed_attempt(response: Response) -> bool:
    """Limits on sign-in and lookups count failures only: a success redirects."""
    return response.status_code != 302


db = SQLAlchemy(model_class=Base)
migrate = Migrate()
babel = Babel()
csrf = CSRFProtect()
limiter = Limiter(key_func=_client_key)
login_manager = LoginManager()
