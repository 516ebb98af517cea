"""Delivery channels behind one small interface, with the notification ledger in front.

Why a ledger: digests and alerts must reach people once even when SMTP is down, a worker
is killed mid-run, or the same job runs twice. Every (message, recipient) pair gets a
``notification`` row, keyed by an idempotency key, committed *before* anything is sent.
A row with ``sent_at`` is never sent again; a failure stays on the row (``attempts``,
``error``) for ``retry_unsent`` and for the console.

Delivery is at-least-once in exactly one window: a crash after the server accepted a
message and before ``sent_at`` was committed. The retry carries the same Message-ID
(derived from the key), so mail clients and test sinks can recognise the duplicate.

Channels are chosen by settings (``mail.backend``), as redash picks destinations: the
``outbox`` channel writes ``.eml`` files the console lists, ``smtp`` talks to a server.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import smtplib
import ssl
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from email.errors import MessageError
from email.message import EmailMessage
from email.policy import SMTP as SMTP_POLICY
from email.utils import formatdate, parseaddr
from pathlib import Path
from typing import Protocol, runtime_checkable

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from config import Settings
from config.settings import MailSettings
from store.models import Notification
from store.types import utcnow

log = logging.getLogger(__name__)

KEY_COLUMN_MAX = 200  # length of notification.idempotency_key
MESSAGE_KEY_MAX = 150  # leaves room for ":<recipient>" (or its hash) within the column
ERROR_MAX = 2000
# What a channel raises when delivery fails (network, SMTP replies — an OSError —, TLS, disk,
# an address it cannot encode). A programming error still propagates: it must be seen.
DELIVERY_ERRORS = (OSError, ValueError, MessageError)
DEFAULT_TIMEOUT = 10.0
# Headers the channel owns; a caller's extra headers may not replace them.
RESERVED_HEADERS = frozenset({"from", "to", "cc", "bcc", "subject", "date", "message-id", "content-type"})


@dataclass(frozen=True)
class Message:
    """One thing to tell some people; ``idempotency_key`` names it across re-runs."""

    recipients: tuple[str, ...]
    subject: str
    text: str
    html: str | None = None
    idempotency_key: str = ""
    headers: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "recipients", tuple(self.recipients))
        if not self.recipients:
            raise ValueError("a message needs at least one recipient")
        if not self.idempotency_key or len(self.idempotency_key) > KEY_COLUMN_MAX:
            raise ValueError(f"idempotency_key must be 1–{KEY_COLUMN_MAX} characters")
        for value in (*self.recipients, self.subject, *self.headers.keys(), *self.headers.values()):
            # A newline in a header value is header injection, whatever its origin.
            if "\r" in value or "\n" in value:
                raise ValueError(f"line break in a header value: {value!r}")
        for recipient in self.recipients:
            if not recipient.strip():
                raise ValueError("empty recipient")
        for name in self.headers:
            if name.lower() in RESERVED_HEADERS:
                raise ValueError(f"header {name} is set by the channel")


@runtime_checkable
class Channel(Protocol):
    """Where messages go. ``send`` raises on failure and returns where the message went."""

    name: str

    def send(self, message: Message) -> str: ...


def message_id(key: str, sender: str) -> str:
    """A stable Message-ID for a key: a re-sent message is recognisably the same one."""
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]
    domain = parseaddr(sender)[1].rpartition("@")[2] or "yuqing.invalid"
    return f"<{digest}@{domain}>"


def build_email(message: Message, sender: str) -> EmailMessage:
    """An RFC 5322 message: multipart/alternative text + HTML when there is HTML."""
    email = EmailMessage()
    email["Subject"] = message.subject
    email["From"] = sender
    addresses = [r for r in message.recipients if "@" in r]
    # The outbox pseudo-recipient is not an address; say so rather than invent one.
    email["To"] = ", ".join(addresses) if addresses else "undisclosed-recipients:;"
    email["Date"] = formatdate(usegmt=True)
    email["Message-ID"] = message_id(message.idempotency_key, sender)
    for name, value in message.headers.items():
        email[name] = value
    email.set_content(message.text)
    if message.html is not None:
        email.add_alternative(message.html, subtype="html")
    return email


def outbox_filename(key: str) -> str:
    """A readable, filesystem-safe name that is the same for the same key (re-runs overwrite)."""
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", key).strip("-.")[:80] or "message"
    return f"{slug}-{hashlib.sha256(key.encode('utf-8')).hexdigest()[:12]}.eml"


class OutboxChannel:
    """Writes each message as an ``.eml`` file; the console lists the folder.

    Written to a hidden temporary file and renamed, so a reader never sees half a file;
    readers should list ``*.eml`` only.
    """

    name = "outbox"

    def __init__(self, folder: Path, sender: str) -> None:
        self.folder = folder
        self.sender = sender

    def send(self, message: Message) -> str:
        data = build_email(message, self.sender).as_bytes(policy=SMTP_POLICY)
        self.folder.mkdir(parents=True, exist_ok=True)
        target = self.folder / outbox_filename(message.idempotency_key)
        fd, tmp_name = tempfile.mkstemp(dir=self.folder, prefix=".tmp-", suffix=".part")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp_name, target)
        except BaseException:
            Path(tmp_name).unlink(missing_ok=True)
            raise
        return str(target)


class SmtpChannel:
    """Sends through an SMTP server, always with a timeout; STARTTLS and login if configured."""

    name = "smtp"

    def __init__(self, mail: MailSettings) -> None:
        self.mail = mail

    def send(self, message: Message) -> str:
        mail = self.mail
        email = build_email(message, mail.sender)
        # A timeout of 0 would make the socket non-blocking, not "no timeout".
        timeout = mail.timeout if mail.timeout > 0 else DEFAULT_TIMEOUT
        with smtplib.SMTP(mail.smtp_host, mail.smtp_port, timeout=timeout) as smtp:
            if mail.smtp_starttls:
                smtp.starttls(context=ssl.create_default_context())
            if mail.smtp_user:
                smtp.login(mail.smtp_user, mail.smtp_password)
            refused = smtp.send_message(
                email, from_addr=parseaddr(mail.sender)[1] or mail.sender, to_addrs=list(message.recipients)
            )
        if refused:
            raise smtplib.SMTPRecipientsRefused(refused)
        return f"smtp://{mail.smtp_host}:{mail.smtp_port} {email['Message-ID']}"


def outbox_dir(settings: Settings) -> Path:
    """The folder the outbox channel writes and the console lists."""
    return settings.data_dir / "outbox"


def channel_named(name: str, settings: Settings) -> Channel:
    """The channel called ``name`` (what a notification row records), built from settings."""
    if name == OutboxChannel.name:
        return OutboxChannel(outbox_dir(settings), settings.mail.sender)
    if name == SmtpChannel.name:
        return SmtpChannel(settings.mail)
    raise ValueError(f"unknown delivery channel {name!r}: expected outbox or smtp")


def channel_for(settings: Settings) -> Channel:
    """The channel ``mail.backend`` selects."""
    return channel_named(settings.mail.backend, settings)


def row_key(key: str, recipient: str) -> str:
    """``{key}:{recipient}``, or a hash of the recipient when that overflows the column."""
    full = f"{key}:{recipient}"
    if len(full) <= KEY_COLUMN_MAX:
        return full
    return f"{key[:MESSAGE_KEY_MAX]}:#{hashlib.sha256(full.encode('utf-8')).hexdigest()[:40]}"


def deliver(
    session: Session, message: Message, settings: Settings, channel: Channel | None = None
) -> list[Notification]:
    """Record one notification row per recipient, commit, then send each unsent one.

    Returns the rows (one per recipient, in order) rather than raising: a failure is on its
    row, so a digest run carries on to the next recipient. A key recorded earlier keeps its
    first content and channel — the ledger, not the caller, says what that message is.
    Commits the session (the rows must exist before anything leaves).
    """
    channel = channel or channel_for(settings)
    rows = [_record(session, message, channel.name, recipient) for recipient in message.recipients]
    session.commit()
    for row in rows:
        if row.sent_at is None:
            same = row.channel == channel.name
            _send_row(session, row, settings, channel if same else None, message.headers if same else {})
    return rows


def retry_unsent(
    session: Session, settings: Settings, *, key_prefix: str | None = None, limit: int = 500
) -> list[Notification]:
    """Send again every row with no ``sent_at`` (oldest first); returns the rows tried.

    Extra headers are not stored on the row, so a retried message carries only the
    standard ones. Commits the session.
    """
    stmt = select(Notification).where(Notification.sent_at.is_(None)).order_by(Notification.id).limit(limit)
    if key_prefix:
        stmt = stmt.where(Notification.idempotency_key.startswith(key_prefix, autoescape=True))
    rows = list(session.scalars(stmt))
    # End the read transaction before any network I/O: on SQLite it holds the write lock.
    session.commit()
    for row in rows:
        _send_row(session, row, settings, None, {})
    return rows


def _record(session: Session, message: Message, channel_name: str, recipient: str) -> Notification:
    key = row_key(message.idempotency_key, recipient)
    existing = session.scalar(select(Notification).where(Notification.idempotency_key == key))
    if existing is not None:
        return existing
    row = Notification(
        channel=channel_name,
        recipient=recipient,
        subject=message.subject,
        body_text=message.text,
        body_html=message.html,
        idempotency_key=key,
        attempts=0,
    )
    try:
        with session.begin_nested():
            session.add(row)
    except IntegrityError:
        # Another process recorded the same key between our select and insert.
        return session.scalars(select(Notification).where(Notification.idempotency_key == key)).one()
    return row


def _message_for(row: Notification, headers: Mapping[str, str]) -> Message:
    return Message(
        recipients=(row.recipient,),
        subject=row.subject,
        text=row.body_text,
        html=row.body_html,
        idempotency_key=row.idempotency_key,
        headers=headers,
    )


def _send_row(
    session: Session,
    row: Notification,
    settings: Settings,
    channel: Channel | None,
    headers: Mapping[str, str],
) -> None:
    """Claim the row (compare-and-set on attempts), send outside any transaction, record."""
    message = _message_for(row, headers)
    attempts = row.attempts
    claimed = session.execute(
        update(Notification)
        .where(Notification.id == row.id, Notification.sent_at.is_(None), Notification.attempts == attempts)
        .values(attempts=attempts + 1)
        .execution_options(synchronize_session=False)
    ).rowcount
    session.commit()
    if claimed != 1:
        # Another sender took or finished it; show its state, do not send twice.
        session.refresh(row)
        return
    try:
        location = (channel or channel_named(row.channel, settings)).send(message)
    except DELIVERY_ERRORS as exc:  # a delivery failure belongs on the row, not up the stack
        error = f"{type(exc).__name__}: {exc}"[:ERROR_MAX]
        session.refresh(row)
        row.error = error
        session.commit()
        log.warning(
            "notification %s to %s via %s failed (attempt %d): %s",
            row.id,
            row.recipient,
            row.channel,
            attempts + 1,
            error,
        )
        return
    session.refresh(row)
    row.sent_at = utcnow()
    row.location = location
    row.error = None
    session.commit()
