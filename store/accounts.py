"""Users, offices and access tokens: the parts shared by the CLI and the console."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from store.models import ApiToken, AuditLog, Office, User
from store.types import utcnow

ROLES = ("duty", "office", "manager", "admin")
ROLE_NAMES = {"duty": "值班员", "office": "处室人员", "manager": "带班领导", "admin": "管理员"}
# OWASP minimum for argon2id: 19 MiB, t=2, p=1.
_hasher = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(user: User, password: str) -> bool:
    try:
        return _hasher.verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(user: User) -> bool:
    return _hasher.check_needs_rehash(user.password_hash)


def ensure_offices(session: Session, offices: Iterable[dict[str, Any]]) -> dict[str, Office]:
    """Create the offices named in routing.yaml; existing ones are kept."""
    existing = {o.name: o for o in session.scalars(select(Office))}
    for spec in offices:
        if spec["name"] not in existing:
            office = Office(name=spec["name"], kind=spec.get("kind", "division"))
            session.add(office)
            existing[office.name] = office
    session.flush()
    return existing


def create_user(
    session: Session,
    username: str,
    password: str,
    role: str,
    display_name: str | None = None,
    office: Office | None = None,
) -> User:
    if role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)}")
    if session.scalar(select(User).where(User.username == username)) is not None:
        raise ValueError(f"user {username!r} exists")
    user = User(
        username=username,
        display_name=display_name or username,
        password_hash=hash_password(password),
        role=role,
        office_id=office.id if office else None,
    )
    session.add(user)
    session.flush()
    return user


def issue_token(session: Session, user: User, name: str = "cli") -> str:
    """Create a personal access token; only its hash is stored, so show it once."""
    token = "yq_" + secrets.token_urlsafe(32)
    session.add(ApiToken(user_id=user.id, name=name, token_hash=token_digest(token)))
    session.flush()
    return token


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def user_for_token(session: Session, token: str) -> User | None:
    row = session.scalar(select(ApiToken).where(ApiToken.token_hash == token_digest(token)))
    if row is None or row.revoked_at is not None or not row.user.active:
        return None
    row.last_used_at = utcnow()
    return row.user


def audit(
    session: Session,
    actor: User | None,
    action: str,
    target_type: str,
    target_id: Any,
    detail: dict[str, Any] | None = None,
    reason: str | None = None,
    remote_addr: str | None = None,
) -> AuditLog:
    entry = AuditLog(
        user_id=actor.id if actor else None,
        actor=actor.username if actor else "system",
        action=action,
        target_type=target_type,
        target_id=str(target_id),
        detail=detail or {},
        reason=reason,
        remote_addr=remote_addr,
    )
    session.add(entry)
    return entry
