"""Email through a real SMTP server named by a URL, with an outbox so nothing waits or is lost.

MAIL_URL forms: `smtp://host:25`, `smtp+starttls://user:password@host:587`,
`smtps://user:password@host:465`. Without MAIL_URL, emails stay in the outbox unsent.

An email is queued in the same transaction as what it announces, then sent right after the
commit. A failed send is logged (the outbox id and the error's kind, never an address or text)
and retried later with `flask mail retry` (run it from cron) with growing delays.
"""

from __future__ import annotations

import logging
import smtplib
import ssl
from collections.abc import Iterable
from datetime import timedelta
from email.message import EmailMessage
from email.utils import formataddr, make_msgid
from urllib.parse import unquote, urlsplit

from flask import current_app

from .extensions import db
from .models import AuditEvent, OutboxEmail, utcnow

log = logging.getLogger(__name__)
# Minutes to wait after the 1st, 2nd, 3rd ... failure; the last repeats.
RETRY_MINUTES = (1, 5, 15, 60, 240)
MAX_ATTEMPTS = 12
SMTP_TIMEOUT = 10


def queue(
    recipient: str,
    subject: str,
    body: str,
    *,
    kind: str,
    language: str,
    report_id: int | None = None,
) -> OutboxEmail:
    """Add an email to the outbox in the current transaction (the caller commits)."""
    email = OutboxEmail(
        recipient=recipient,
        subject=subject,
        body=body,
        kind=kind,
        language=language,
        report_id=report_id,
    )
    db.session.add(email)
    _audit(email, "email_queued")
    return email


def _audit(email: OutboxEmail, action: str) -> None:
    """Emails about a case go to its audit trail (the kind of email, never the address)."""
    if email.report_id is not None:
        db.session.add(AuditEvent(report_id=email.report_id, action=action, detail=email.kind))


def _connect() -> smtplib.SMTP:
    url = urlsplit(str(current_app.config["MAIL_URL"]))
    host, port = url.hostname or "localhost", url.port
    context = ssl.create_default_context()
    server: smtplib.SMTP
    if url.scheme == "smtps":
        server = smtplib.SMTP_SSL(host, port or 465, timeout=SMTP_TIMEOUT, context=context)
    elif url.scheme in ("smtp", "smtp+starttls"):
        server = smtplib.SMTP(host, port or 25, timeout=SMTP_TIMEOUT)
        if url.scheme == "smtp+starttls":
            server.starttls(context=context)
    else:
        raise ValueError("MAIL_URL must start with smtp://, smtp+starttls:// or smtps://")
    if url.username:
        server.login(unquote(url.username), unquote(url.password or ""))
    return server


def _message(email: OutboxEmail) -> EmailMessage:
    message = EmailMessage()
    message["From"] = formataddr(("", str(current_app.config["MAIL_FROM"])))
    message["To"] = email.recipient
    message["Subject"] = email.subject
    message["Message-ID"] = make_msgid(domain=str(current_app.config["MAIL_FROM"]).split("@")[-1])
    message["Auto-Submitted"] = "auto-generated"
    message.set_content(email.body)
    # After set_content, which replaces every Content-* header.
    message["Content-Language"] = email.language
    return message


def _failed(email: OutboxEmail, error: Exception) -> None:
    email.attempts += 1
    email.last_error = type(error).__name__[:100]
    delay = RETRY_MINUTES[min(email.attempts, len(RETRY_MINUTES)) - 1]
    email.next_attempt_at = utcnow() + timedelta(minutes=delay)
    log.warning("email %s not sent (attempt %d): %s", email.id, email.attempts, email.last_error)


def deliver(emails: Iterable[OutboxEmail | None]) -> int:
    """Try to send these emails now (None: nothing was queued); returns how many went.

    Never raises for a send.
    """
    pending = [
        e for e in emails if e is not None and e.sent_at is None and e.attempts < MAX_ATTEMPTS
    ]
    if not pending or not current_app.config.get("MAIL_URL"):
        return 0
    sent = 0
    try:
        server = _connect()
    except (OSError, smtplib.SMTPException, ValueError) as error:
        for email in pending:
            _failed(email, error)
        db.session.commit()
        return 0
    with server:
        for email in pending:
            try:
                server.send_message(_message(email))
            except (OSError, smtplib.SMTPException) as error:
                _failed(email, error)
            else:
                email.sent_at = utcnow()
                email.attempts += 1
                _audit(email, "email_sent")
                sent += 1
    db.session.commit()
    return sent


def retry_due() -> int:
    """Send every unsent email whose next attempt is due (for `flask mail retry`)."""
    due = db.session.scalars(
        db.select(OutboxEmail)
        .where(
            OutboxEmail.sent_at.is_(None),
            OutboxEmail.attempts < MAX_ATTEMPTS,
            OutboxEmail.next_attempt_at <= utcnow(),
        )
        .order_by(OutboxEmail.id)
    ).all()
    return deliver(due)
