"""Secret key handling and the security headers every response carries (ASVS 3.4).

The CSP allows no inline script and no third-party origin: the console is JS-free, so a
payload that slips past the sanitiser still cannot run. Pages that embed an e-mail in a
sandboxed iframe relax only ``style-src`` and ``img-src`` (see ``outbox``).
"""

from __future__ import annotations

import secrets
from pathlib import Path

from flask import Flask, Response, g, request

from config import Settings
from store.keys import read_or_create_key

CSP = "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
MIN_SECRET_LENGTH = 16
SECRET_FILE = "secret_key"  # noqa: S105 - a file name, not a secret


def secret_key(settings: Settings) -> str:
    """The configured key, or one generated once and kept in ``<data_dir>/secret_key``.

    Every web process on the host must sign cookies with the same key, so the generated
    key is written once (``O_EXCL``, mode 0600) and read by everyone after.
    """
    configured = settings.web.secret_key
    if configured:
        if len(configured) < MIN_SECRET_LENGTH:
            raise ValueError(f"web.secret_key is too short: use at least {MIN_SECRET_LENGTH} characters")
        return configured
    path = Path(settings.data_dir) / SECRET_FILE
    key = read_or_create_key(path, lambda: secrets.token_hex(32).encode("ascii")).decode("ascii")
    if len(key) < MIN_SECRET_LENGTH:
        raise ValueError(f"{path} holds a key shorter than {MIN_SECRET_LENGTH} characters")
    return key


def relax_csp_for_embedded_mail() -> None:
    """Let the current page's sandboxed e-mail iframe use inline styles and data: images."""
    g.csp = CSP + "; style-src 'self' 'unsafe-inline'; img-src 'self' data:"


def init_app(app: Flask) -> None:
    app.after_request(_add_headers)


def _add_headers(response: Response) -> Response:
    headers = response.headers
    headers.setdefault("Content-Security-Policy", g.get("csp", CSP))
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("Referrer-Policy", "same-origin")
    headers.setdefault("X-Frame-Options", "DENY")
    headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
    if not request.path.startswith("/static/"):
        # Pages show internal data; keep them out of shared and back-button caches.
        headers.setdefault("Cache-Control", "no-store")
    return response
