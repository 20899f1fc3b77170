"""Configuration classes, read from the environment.

Development runs with nothing set: an SQLite file and generated secrets in the instance folder.
Production refuses to start without its secrets and its database, so an unsafe deployment fails
loudly instead of running with a default key.
"""

from __future__ import annotations

import json
import os
import secrets
from pathlib import Path
from typing import Any

from cryptography.fernet import Fernet

ROOT = Path(__file__).resolve().parent

# The keys that protect residents' data. Each must come from the environment in production.
SECRET_NAMES = ("SECRET_KEY", "FIELD_ENCRYPTION_KEY", "HASH_PEPPER")


class ConfigError(RuntimeError):
    """Raised when a configuration would run the portal unsafely."""


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value else default


def _env_list(name: str) -> tuple[str, ...]:
    """A comma-separated setting as a tuple of its non-empty, trimmed parts."""
    return tuple(part.strip() for part in os.environ.get(name, "").split(",") if part.strip())


class Config:
    """Settings shared by every environment."""

    NAME = "base"
    SECRET_KEY: str | None = os.environ.get("SECRET_KEY")
    FIELD_ENCRYPTION_KEY: str | None = os.environ.get("FIELD_ENCRYPTION_KEY")
    HASH_PEPPER: str | None = os.environ.get("HASH_PEPPER")
    SQLALCHEMY_DATABASE_URI: str | None = os.environ.get("DATABASE_URL")
    # hide_parameters: a failing statement's values (narratives, names) never reach a log line.
    SQLALCHEMY_ENGINE_OPTIONS: dict[str, Any] = {"pool_pre_ping": True, "hide_parameters": True}
    # The migrations create the schema; an empty database is upgraded on first start.
    AUTO_MIGRATE = os.environ.get("AUTO_MIGRATE", "1") == "1"

    BABEL_DEFAULT_LOCALE = "en"
    BABEL_DEFAULT_TIMEZONE = os.environ.get("TIMEZONE", "America/Chicago")
    BABEL_TRANSLATION_DIRECTORIES = str(ROOT / "translations")
    # The languages a resident can choose; a language is shipped once its catalog is complete.
    LANGUAGES = ("en", "es", "zh", "pl", "ar", "hi", "fil", "ko", "uk", "ur")

    # A CSRF token lives as long as the browser session: a resident who takes an hour to write
    # what happened must not lose it to an expired token.
    WTF_CSRF_TIME_LIMIT: int | None = None
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"

    UPLOAD_FOLDER: str | None = os.environ.get("UPLOAD_FOLDER")
    MAX_FILES = 5
    MAX_FILE_BYTES = 10 * 1024 * 1024
    # Videos are larger: a few minutes from a phone. Each is rewritten from the upload on disk,
    # so only its cleaned copy is ever held in memory.
    MAX_VIDEO_BYTES = _env_int("MAX_VIDEO_BYTES", 100 * 1024 * 1024)
    # Pictures larger than this are refused before they are decoded: 50 million pixels lets a
    # 48-megapixel phone photo through and stops a small file that unfolds into gigabytes.
    MAX_IMAGE_PIXELS = _env_int("MAX_IMAGE_PIXELS", 50_000_000)
    # Above 2 million pixels, a picture with more pixels per byte of file than this is a flood.
    MAX_PIXELS_PER_BYTE = _env_int("MAX_PIXELS_PER_BYTE", 100)
    # Room for one form post carrying one video and the other files at their largest, plus the
    # form's own fields. Not every file a video: five would let one post hold half a gigabyte
    # (for the server to receive and the reverse proxy to buffer); several large videos are sent
    # one post at a time, as the page for a refused post (413) says.
    MAX_CONTENT_LENGTH = MAX_VIDEO_BYTES + (MAX_FILES - 1) * MAX_FILE_BYTES + 1024 * 1024
    # Unsent answers are deleted after this long without activity.
    DRAFT_TTL_MINUTES = _env_int("DRAFT_TTL_MINUTES", 180)

    # argon2id cost for receipts (see intake/receipts.py): OWASP's minimum, 19 MiB and 2 passes.
    RECEIPT_HASH_PROFILE = os.environ.get("RECEIPT_HASH_PROFILE", "OWASP")
    # argon2 profile for staff passwords (argon2.profiles); the tests use CHEAPEST.
    PASSWORD_HASH_PROFILE = "RFC_9106_LOW_MEMORY"  # noqa: S105 - a cost profile, not a secret

    # A form without files (everything but the evidence pages) may send at most this much.
    FORM_MAX_BYTES = _env_int("FORM_MAX_BYTES", 512 * 1024)

    # How many reverse proxies in front of the app set X-Forwarded-For/-Proto (0: none; the
    # headers are then ignored). Rate limits count per client address, so behind a proxy this
    # must be right, or every limit counts the proxy's address for the whole city.
    TRUSTED_PROXIES = _env_int("TRUSTED_PROXIES", 0)
    # Rate-limit counters. memory:// counts in each process alone: fine for `make demo`, wrong
    # for several gunicorn workers (production refuses it then; use redis://).
    RATELIMIT_STORAGE_URI = os.environ.get("RATELIMIT_STORAGE_URI", "memory://")
    # Only a benchmark turns the limits off (every one of its clients is 127.0.0.1).
    RATELIMIT_ENABLED = os.environ.get("RATELIMIT_ENABLED", "1") == "1"
    RATELIMIT_HEADERS_ENABLED = False
    # Reports sent (not attempts with mistakes in them), per client.
    SUBMIT_RATE_LIMIT = os.environ.get("SUBMIT_RATE_LIMIT", "20 per hour")
    # New unsent reports started, and evidence files received (each file counts), per client.
    DRAFT_RATE_LIMIT = os.environ.get("DRAFT_RATE_LIMIT", "30 per hour")
    UPLOAD_RATE_LIMIT = os.environ.get("UPLOAD_RATE_LIMIT", "60 per hour")
    # Failed staff sign-ins (and two-factor codes), per account and per client.
    SIGN_IN_RATE_LIMIT = os.environ.get("SIGN_IN_RATE_LIMIT", "5 per 15 minutes")
    STAFF_IDLE_MINUTES = _env_int("STAFF_IDLE_MINUTES", 30)
    # How long a resident's contact details stay shown on a case page after "Show contact details".
    CONTACT_REVEAL_MINUTES = _env_int("CONTACT_REVEAL_MINUTES", 15)
    HSTS_SECONDS = 0
    CASES_PER_PAGE = 25
    # The case list counts matching cases up to this many, then says "more than", and pages
    # that far (a page past every case is an OFFSET that reads them all).
    CASE_COUNT_LIMIT = _env_int("CASE_COUNT_LIMIT", 10_000)
    # "Possibly the same event": incident dates at most this many days apart, and stories at
    # least this similar (0-100, rapidfuzz; bench/RESULTS.md).
    INCIDENT_WINDOW_DAYS = _env_int("INCIDENT_WINDOW_DAYS", 7)
    INCIDENT_MIN_SIMILARITY = _env_int("INCIDENT_MIN_SIMILARITY", 75)
    # How many cases one bulk change (assign, status, tag, urgency) may touch.
    BULK_CASE_LIMIT = _env_int("BULK_CASE_LIMIT", 100)

    # Email: a real SMTP server named by URL (see intake/mail.py); unset keeps emails unsent.
    MAIL_URL = os.environ.get("MAIL_URL", "")
    MAIL_FROM = os.environ.get("MAIL_FROM", "no-reply@humanrelations.example")
    # The address residents and staff are sent back to in emails.
    PUBLIC_URL = os.environ.get("PUBLIC_URL", "http://127.0.0.1:5000")
    # Email staff when a case is assigned to them or its resident writes.
    NOTIFY_STAFF = os.environ.get("NOTIFY_STAFF", "1") == "1"
    LOOKUP_RATE_LIMIT = os.environ.get("LOOKUP_RATE_LIMIT", "10 per hour")
    LOOKUP_RECORD_RATE_LIMIT = os.environ.get("LOOKUP_RECORD_RATE_LIMIT", "5 per hour")
    # Call-back requests sent (not attempts with mistakes in them), per client.
    CALLBACK_RATE_LIMIT = os.environ.get("CALLBACK_RATE_LIMIT", "5 per hour")
    RESIDENT_SESSION_MINUTES = _env_int("RESIDENT_SESSION_MINUTES", 30)

    # How many years a finished case is kept, counted from when it was closed (or referred), by
    # the rules in intake/records/retention.py. PLACEHOLDERS: the commission replaces them with
    # its approved records retention schedule (README, "Records and retention").
    # RETENTION_YEARS='{"closed_hate": 7}' in the environment changes one rule.
    RETENTION_YEARS: dict[str, int] = {
        "closed_at_screening": 2,
        "referred": 2,
        "closed_hate": 5,
        "closed_discrimination": 5,
        **json.loads(os.environ.get("RETENTION_YEARS", "{}")),
    }

    # More folders to look for the Noto fonts in (comma-separated), before the system's: PDFs draw
    # Chinese, Korean and Devanagari with them (intake/fonts.py).
    FONT_DIRS = _env_list("FONT_DIRS")

    # The commission's mailing address, on printed letters (lines separated by "\n").
    COMMISSION_ADDRESS = os.environ.get(
        "COMMISSION_ADDRESS", "740 N. Sedgwick St., Suite 400\nChicago, IL 60654"
    )

    # Where "Leave this site quickly" goes: an ordinary, neutral page.
    QUICK_EXIT_URL = os.environ.get("QUICK_EXIT_URL", "https://www.weather.gov/")

    # The numbers on every public page (DOMAIN.md). Override one with HELP_<KEY>=...
    HELP_NUMBERS = {
        "emergency": os.environ.get("HELP_EMERGENCY", "911"),
        "commission": os.environ.get("HELP_COMMISSION", "(312) 744-4111"),
        "commission_tty": os.environ.get("HELP_COMMISSION_TTY", "(312) 744-1088"),
        "hate_crime": os.environ.get("HELP_HATE_CRIME", "(312) 744-4874"),
        "city_services": os.environ.get("HELP_CITY_SERVICES", "311"),
        "crisis": os.environ.get("HELP_CRISIS", "988"),
        "immigrant": os.environ.get("HELP_IMMIGRANT", "1-855-435-7693"),
    }

    # Business days skip US and Illinois holidays (intake/business_days.py) but those named
    # here (comma-separated names as the holidays package spells them, e.g. "Election Day"),
    # and also skip these extra days (comma-separated ISO dates: the City's own closures).
    CITY_HOLIDAYS_NOT_OBSERVED = _env_list("CITY_HOLIDAYS_NOT_OBSERVED")
    CITY_HOLIDAYS_EXTRA = _env_list("CITY_HOLIDAYS_EXTRA")

    # Deadlines after acceptance (intake/cases/calendar.py RULES), days by rule, e.g.
    # DEADLINE_DAYS='{"response": 21}'; a rule not named keeps its documented default.
    DEADLINE_DAYS = json.loads(os.environ.get("DEADLINE_DAYS", "{}"))

    # Service targets, in business days (DOMAIN.md).
    ACKNOWLEDGE_BUSINESS_DAYS = _env_int("ACKNOWLEDGE_BUSINESS_DAYS", 2)
    SCREENING_BUSINESS_DAYS = _env_int("SCREENING_BUSINESS_DAYS", 10)
    # Call a resident who asked for a call back within this many business days.
    CALLBACK_TARGET_BUSINESS_DAYS = _env_int("CALLBACK_TARGET_BUSINESS_DAYS", 1)
    # A closed call-back request's phone number, good times and note are emptied after this.
    CALLBACK_RETENTION_DAYS = _env_int("CALLBACK_RETENTION_DAYS", 30)
    FILING_DEADLINE_DAYS = 365

    @classmethod
    def prepare(cls, instance_path: Path) -> dict[str, Any]:
        """Return settings that depend on the instance folder."""
        return {}


class DevelopmentConfig(Config):
    """Local work and `make demo`: everything it needs is generated in the instance folder."""

    NAME = "development"

    @classmethod
    def prepare(cls, instance_path: Path) -> dict[str, Any]:
        """Fill in a database, an upload folder and secrets kept beside them."""
        settings: dict[str, Any] = {}
        generated = _instance_secrets(instance_path)
        for name in SECRET_NAMES:
            if not getattr(cls, name):
                settings[name] = generated[name]
        if not cls.SQLALCHEMY_DATABASE_URI:
            settings["SQLALCHEMY_DATABASE_URI"] = f"sqlite:///{instance_path / 'intake.sqlite'}"
        if not cls.UPLOAD_FOLDER:
            settings["UPLOAD_FOLDER"] = str(instance_path / "uploads")
        return settings


class TestingConfig(Config):
    """The test suite: fast hashing, fixed keys, no rate limits unless a test turns them on."""

    NAME = "testing"
    TESTING = True
    SECRET_KEY = "test-secret-key"  # noqa: S105 - the test suite's own fixed key
    # From the environment when a test starts server processes that must share the key.
    FIELD_ENCRYPTION_KEY = os.environ.get("FIELD_ENCRYPTION_KEY") or Fernet.generate_key().decode()
    HASH_PEPPER = "test-pepper"
    AUTO_MIGRATE = True
    RECEIPT_HASH_PROFILE = "CHEAPEST"
    PASSWORD_HASH_PROFILE = "CHEAPEST"  # noqa: S105 - a cost profile, not a secret
    RATELIMIT_ENABLED = False
    DRAFT_TTL_MINUTES = 180


class ProductionConfig(Config):
    """A real deployment: every secret and the database come from the environment."""

    NAME = "production"
    SESSION_COOKIE_SECURE = True
    # Browsers come back over HTTPS only for a year (the portal is served behind TLS).
    HSTS_SECONDS = _env_int("HSTS_SECONDS", 365 * 24 * 3600)
    AUTO_MIGRATE = os.environ.get("AUTO_MIGRATE", "0") == "1"

    @classmethod
    def prepare(cls, instance_path: Path) -> dict[str, Any]:
        """Refuse to start without the secrets, the database and the upload folder."""
        missing = [
            name
            for name in (*SECRET_NAMES, "DATABASE_URL", "UPLOAD_FOLDER")
            if not os.environ.get(name)
        ]
        if missing:
            raise ConfigError("Production needs these environment variables: " + ", ".join(missing))
        if cls.RATELIMIT_ENABLED:
            check_rate_limit_storage(cls.RATELIMIT_STORAGE_URI, worker_count())
        return {}


def worker_count() -> int:
    """gunicorn's worker processes: WEB_CONCURRENCY, else two per core plus one."""
    return _env_int("WEB_CONCURRENCY", (os.cpu_count() or 1) * 2 + 1)


def check_rate_limit_storage(storage_uri: str, workers: int) -> None:
    """Refuse per-process rate-limit counters with several worker processes: each would count
    alone, and every limit would multiply by the number of workers."""
    if workers > 1 and storage_uri.split(":", 1)[0] == "memory":
        raise ConfigError(
            f"RATELIMIT_STORAGE_URI is {storage_uri!r}, which counts in each process alone, but "
            f"{workers} worker processes are configured. Set RATELIMIT_STORAGE_URI to a shared "
            "store (redis://host:6379/0) or run one worker (WEB_CONCURRENCY=1)."
        )


CONFIGS: dict[str, type[Config]] = {
    "development": DevelopmentConfig,
    "testing": TestingConfig,
    "production": ProductionConfig,
}


def select(name: str | None = None) -> type[Config]:
    """The configuration class named by `name` or INTAKE_ENV (development by default)."""
    key = name or os.environ.get("INTAKE_ENV", "development")
    try:
        return CONFIGS[key]
    except KeyError:
        raise ConfigError(f"Unknown INTAKE_ENV {key!r}; use one of {sorted(CONFIGS)}") from None


def _instance_secrets(instance_path: Path) -> dict[str, str]:
    """Read the development secrets from the instance folder, creating them on first use."""
    path = instance_path / "secrets.json"
    if path.exists():
        stored: dict[str, str] = json.loads(path.read_text())
        if all(stored.get(name) for name in SECRET_NAMES):
            return stored
    instance_path.mkdir(parents=True, exist_ok=True)
    values = {
        "SECRET_KEY": secrets.token_urlsafe(48),
        "FIELD_ENCRYPTION_KEY": Fernet.generate_key().decode(),
        "HASH_PEPPER": secrets.token_urlsafe(48),
    }
    # Written readable by the owner only: these keys unlock residents' contact details.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as handle:
        json.dump(values, handle)
    return values
