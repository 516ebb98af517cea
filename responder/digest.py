"""The periodic digest (舆情日报 / 舆情周报): what came in, what is urgent, who is late — or that nothing came.

Build (``digest_content``), render (``digest_render``) and send (here) are separate steps so
the content is tested without mail and the rendering without a database. Sending is once
per period: the ``Digest`` row and its notification rows commit together before anything
goes out.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from config import Settings
from responder.delivery import Message, channel_for, channel_named, deliver, retry_unsent
from responder.digest_content import (
    EMPTY_MESSAGE,
    OUTBOX_RECIPIENT,
    DigestContent,
    build_digest,
    digest_slot,
    item_heat,
    mask_personal,
    period_key,
    require_aware,
)
from responder.digest_render import render_digest
from store.models import Digest, Notification

__all__ = [
    "EMPTY_MESSAGE", "DigestContent", "DigestResult", "build_digest", "digest_slot", "item_heat", "mask_personal",
    "period_key", "render_digest", "send_digest",
]  # fmt: skip


@dataclass(frozen=True)
class DeliveryStatus:
    recipient: str
    channel: str
    sent: bool
    location: str | None
    attempts: int
    error: str | None


@dataclass(frozen=True)
class DigestResult:
    """What ``yuqing digest`` prints: the period, who got it, how many items, where it went."""

    period: str
    created: bool  # False: an earlier run made this period's digest; only unsent copies were retried
    subject: str
    window: tuple[str, str]
    item_count: int
    urgent_count: int
    deliveries: tuple[DeliveryStatus, ...]

    @property
    def recipients(self) -> tuple[str, ...]:
        return tuple(d.recipient for d in self.deliveries)

    @property
    def ok(self) -> bool:
        return all(d.sent for d in self.deliveries)

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "recipients": list(self.recipients), "ok": self.ok}

    def __str__(self) -> str:
        state = "new" if self.created else "already made earlier; nothing sent twice"
        lines = [
            f"digest {self.period} ({state}): {self.subject}",
            f"  window: {self.window[0]} .. {self.window[1]}",
            f"  items: {self.item_count} (urgent {self.urgent_count})",
        ]
        for d in self.deliveries:
            if d.sent:
                lines.append(f"  -> {d.recipient} [{d.channel}] sent: {d.location}")
            else:
                lines.append(f"  -> {d.recipient} [{d.channel}] NOT SENT after {d.attempts} attempt(s): {d.error}")
        return "\n".join(lines)


def send_digest(session: Session, settings: Settings, now: datetime, period_hours: int = 24) -> DigestResult:
    """Make, record and deliver the digest for the latest slot at or before ``now`` — once.

    Daily and weekly digests end at the scheduled hour (``scheduler.digest_hour``), see
    ``digest_slot``. The ``Digest`` row (unique period) and its notification rows commit
    together before anything is sent. A second run for the same period sends nothing already
    sent; it only finishes deliveries that failed before, with the stored content. With no
    recipients configured the digest still goes to the outbox folder, so the console shows it.
    Commits the session.
    """
    if period_hours % 24 == 0:
        now = digest_slot(now, settings.scheduler.digest_hour, settings.timezone)
    else:
        now = require_aware(now).replace(minute=0, second=0, microsecond=0)
    period = period_key(now, period_hours, settings.timezone)
    key_prefix = f"digest:{period}:"
    if session.scalar(select(Digest.id).where(Digest.period == period)) is None:
        content = build_digest(session, now, period_hours, settings.timezone)
        subject, text, html = render_digest(content)
        digest = Digest(period=period, item_count=content.total, summary={**content.summary(), "subject": subject})
        try:
            with session.begin_nested():
                session.add(digest)
        except IntegrityError:  # a concurrent run claimed the period first
            pass
        else:
            recipients = settings.mail.recipients or (OUTBOX_RECIPIENT,)
            channel = channel_for(settings) if settings.mail.recipients else channel_named("outbox", settings)
            message = Message(recipients, subject, text, html, key_prefix.rstrip(":"), {"X-Yuqing-Digest": period})
            rows = deliver(session, message, settings, channel)
            return _result(period, True, digest, rows)
    retry_unsent(session, settings, key_prefix=key_prefix)
    digest = session.scalars(select(Digest).where(Digest.period == period)).one()
    rows = list(
        session.scalars(
            select(Notification)
            .where(Notification.idempotency_key.startswith(key_prefix, autoescape=True))
            .order_by(Notification.id)
        )
    )
    session.commit()
    return _result(period, False, digest, rows)


def _result(period: str, created: bool, digest: Digest, rows: list[Notification]) -> DigestResult:
    summary = digest.summary or {}
    window = summary.get("window") or ("", "")
    return DigestResult(
        period=period,
        created=created,
        subject=str(summary.get("subject", "")),
        window=(str(window[0]), str(window[1])),
        item_count=digest.item_count,
        urgent_count=int(summary.get("urgent", 0)),
        deliveries=tuple(
            DeliveryStatus(r.recipient, r.channel, r.sent_at is not None, r.location, r.attempts, r.error) for r in rows
        ),
    )
