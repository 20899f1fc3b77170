"""Two-factor codes (TOTP, RFC 6238): set-up QR codes, and checks that refuse replayed codes."""

from __future__ import annotations

import io
import time

import pyotp
import segno

from ..models import Staff

ISSUER = "Commission on Human Relations"
STEP = 30


def new_secret() -> str:
    """A fresh base32 secret."""
    return pyotp.random_base32()


def provisioning_uri(staff: Staff) -> str:
    """The otpauth:// URI an authenticator app reads from the QR code."""
    if not staff.totp_secret:
        raise ValueError("the account has no two-factor secret yet")
    return pyotp.TOTP(staff.totp_secret).provisioning_uri(name=staff.email, issuer_name=ISSUER)


def qr_svg(uri: str) -> str:
    """The QR code as inline SVG, drawn on the server (works without JavaScript)."""
    out = io.BytesIO()
    segno.make(uri, error="m").save(
        out, kind="svg", scale=5, xmldecl=False, svgns=True, title="QR code", border=2
    )
    return out.getvalue().decode("utf-8")


def accept_code(staff: Staff, code: str, now: float | None = None) -> bool:
    """Check a code; on success remember its time step so it is never accepted again.

    One step of clock drift either way is allowed. The caller commits.
    """
    if not staff.totp_secret:
        return False
    code = "".join(ch for ch in code if ch.isdigit())
    if len(code) != 6:
        return False
    totp = pyotp.TOTP(staff.totp_secret)
    current = int((now if now is not None else time.time()) // STEP)
    for step in (current - 1, current, current + 1):
        if totp.at(step * STEP) == code:
            if staff.totp_last_step is not None and step <= staff.totp_last_step:
                return False  # Replayed (or older than one already used).
            staff.totp_last_step = step
            return True
    return False
