"""Brute-force brakes on the login form, counted from the audit log (ASVS 6.3.1).

Every failed login is already an audit row (who tried, from where, when), so the
moving-window counts come from there: no second store to keep in step, and every web
process behind a load balancer sees the same counts because they share the database.
The windows are chosen so that nobody can lock a colleague out from another machine
(reference/reliability-security.md S6: no hard lockout a third party could use): the
tight limit is per account *and* address, the per-address one stops one machine trying
many accounts, and only a large, slow flood against one account from many addresses
throttles the account itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from store.models import AuditLog

WINDOW = timedelta(minutes=15)
PER_ACCOUNT_AND_ADDRESS = 5
PER_ADDRESS = 30
PER_ACCOUNT = 100


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    retry_after: int = 0  # seconds until the oldest counted failure leaves the window


def check(
    session: Session, username: str, address: str | None, now: datetime, failure: str = "login_failed"
) -> Verdict:
    """Whether a login step for ``username`` from ``address`` may be tried now.

    ``failure`` is the audit action that counts: ``login_failed`` for passwords,
    ``mfa_failed`` for second-factor codes (a 6-digit code must not be guessable either).
    """
    since = now - WINDOW
    failed = select(AuditLog.at).where(AuditLog.action == failure, AuditLog.at > since)
    checks = [
        (failed.where(AuditLog.target_id == username[:64], AuditLog.remote_addr == address), PER_ACCOUNT_AND_ADDRESS),
        (failed.where(AuditLog.remote_addr == address), PER_ADDRESS),
        (failed.where(AuditLog.target_id == username[:64]), PER_ACCOUNT),
    ]
    for query, limit in checks:
        sub = query.order_by(AuditLog.at.desc()).limit(limit).subquery()
        count, oldest = session.execute(select(func.count(), func.min(sub.c.at)).select_from(sub)).one()
        if count >= limit:
            oldest = oldest if oldest.tzinfo else oldest.replace(tzinfo=now.tzinfo)
            return Verdict(False, max(1, int((oldest + WINDOW - now).total_seconds()) + 1))
    return Verdict(True)
