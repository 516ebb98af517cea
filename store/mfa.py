"""TOTP second factor: enrol, verify once, reset (ASVS 6.3.2; 等保 2.0 "两种或两种以上组合的鉴别技术").

RFC 6238 codes as every authenticator app (微信小程序, 阿里云 App, Google/Microsoft
Authenticator) shows them: 6 digits, 30 s steps. The secret is sealed with a key kept
outside the database (``store.keys``). A code is accepted for the current step or one
step either side (clock drift), and only once: the last accepted step is stored, so a
code seen over a shoulder or in a proxy log cannot be replayed.
"""

from __future__ import annotations

import time
from pathlib import Path

import pyotp
import segno
from cryptography.fernet import Fernet, InvalidToken

from config import Settings
from store.keys import fernet_for
from store.models import User

KEY_FILE = "mfa_key"
ISSUER = "天津住建委舆情"
STEP_SECONDS = 30


def mfa_fernet(settings: Settings) -> Fernet:
    return fernet_for(settings.web.mfa_key, Path(settings.data_dir) / KEY_FILE, "web.mfa_key")


def enrolled(user: User) -> bool:
    return bool(user.totp_secret)


def offer_secret(user: User, fernet: Fernet) -> str:
    """A new secret for the user to add to their app; kept pending until a code confirms it."""
    if user.totp_pending:
        try:
            return fernet.decrypt(user.totp_pending.encode("ascii")).decode("ascii")
        except InvalidToken:
            pass  # sealed with a key that has since changed: offer a fresh one
    secret = pyotp.random_base32()
    user.totp_pending = fernet.encrypt(secret.encode("ascii")).decode("ascii")
    return secret


def provisioning_uri(user: User, secret: str) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=user.username, issuer_name=ISSUER)


def qr_svg(uri: str) -> str:
    """The enrolment QR code as inline SVG markup (no image request, nothing for CSP to allow)."""
    return segno.make(uri, error="m").svg_inline(scale=4, dark="#1f2d3d", light="#ffffff")


def verify(user: User, code: str, fernet: Fernet, now: float | None = None) -> bool:
    """Check a code against the enrolled secret, or the pending one (which it then confirms)."""
    code = "".join(ch for ch in code if ch.isdigit())
    if len(code) != 6:
        return False
    sealed = user.totp_secret or user.totp_pending
    if not sealed:
        return False
    try:
        secret = fernet.decrypt(sealed.encode("ascii")).decode("ascii")
    except InvalidToken:
        return False
    now = time.time() if now is None else now
    totp = pyotp.TOTP(secret, interval=STEP_SECONDS)
    current = int(now // STEP_SECONDS)
    for step in (current - 1, current, current + 1):
        if user.totp_last_step is not None and step <= user.totp_last_step:
            continue  # used already, or older than a code that was
        if pyotp.utils.strings_equal(totp.at(step * STEP_SECONDS), code):
            user.totp_last_step = step
            if not user.totp_secret:
                user.totp_secret, user.totp_pending = user.totp_pending, None
            return True
    return False


def reset(user: User) -> None:
    """Forget the second factor: the user enrols again at their next login."""
    user.totp_secret = user.totp_pending = None
    user.totp_last_step = None
