"""Secret keys that live beside the database, never in it: configured, or made once per deployment.

A key kept in the database would hand a database dump everything it protects, so each
key is either given in the settings or generated on first use into a file under the data
folder, readable by the service's user only. ``O_EXCL`` makes concurrent first uses (a
web process and a worker starting together) agree on one key.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from cryptography.fernet import Fernet


class SecretKeyError(RuntimeError):
    """A configured key is not a usable Fernet key."""


def read_or_create_key(path: Path, generate: Callable[[], bytes] = Fernet.generate_key) -> bytes:
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_bytes().strip()
    key = generate()
    with os.fdopen(fd, "wb") as handle:
        handle.write(key + b"\n")
    return key


def fernet_for(configured: str, path: Path, setting: str) -> Fernet:
    """The Fernet for ``configured`` (a setting's value) or, when empty, for the key file at ``path``."""
    key = configured.strip().encode("ascii") if configured.strip() else read_or_create_key(path)
    try:
        return Fernet(key)
    except (ValueError, TypeError) as exc:
        raise SecretKeyError(f"{setting} is not a Fernet key (32 url-safe base64-encoded bytes)") from exc
