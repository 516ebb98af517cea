"""Delivery against a real SMTP server (aiosmtpd on 127.0.0.1) and a real outbox folder."""

from __future__ import annotations

import dataclasses
import socket
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, Envelope, LoginPassword
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from config import Settings
from responder.delivery import (
    Channel,
    Message,
    OutboxChannel,
    SmtpChannel,
    channel_for,
    deliver,
    message_id,
    retry_unsent,
)
from responder.digest import send_digest
from store.models import Analysis, Item, Notification

NOW = datetime(2026, 11, 26, 0, 0, tzinfo=UTC)  # 08:00 in Tianjin
MANAGERS = ("leader@zjw.tj.gov.cn", "duty@zjw.tj.gov.cn")


class Sink:
    """Collects what the server accepted, parsed, with its envelope."""

    def __init__(self) -> None:
        self.received: list[tuple[str, list[str], EmailMessage]] = []
        self.logins: list[tuple[bytes, bytes]] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Envelope) -> str:
        raw = envelope.original_content or envelope.content
        assert isinstance(raw, bytes)
        parsed = BytesParser(policy=policy.default).parsebytes(raw)
        assert isinstance(parsed, EmailMessage)
        self.received.append((str(envelope.mail_from), list(envelope.rcpt_tos), parsed))
        return "250 Message accepted for delivery"

    def authenticate(self, server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> AuthResult:
        assert isinstance(data, LoginPassword)
        self.logins.append((data.login, data.password))
        ok = data.password == b"s3cret"
        return AuthResult(success=ok, handled=ok)  # handled=False: the server answers 535


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(sink: Sink, port: int, **smtp_kwargs: Any) -> Controller:
    controller = Controller(sink, hostname="127.0.0.1", port=port, **smtp_kwargs)
    controller.start()
    return controller


@pytest.fixture
def sink() -> Sink:
    return Sink()


@pytest.fixture
def smtp_port(sink: Sink) -> Iterator[int]:
    port = free_port()
    controller = start_server(sink, port)
    yield port
    controller.stop()


def smtp_settings(settings: Settings, tmp_path: Path, port: int, **mail: Any) -> Settings:
    changes: dict[str, Any] = {
        "backend": "smtp",
        "smtp_host": "127.0.0.1",
        "smtp_port": port,
        "recipients": MANAGERS,
        "sender": "舆情系统 <yuqing@zjw.tj.gov.cn>",
        "timeout": 5.0,
    }
    changes.update(mail)
    return settings.replace(data_dir=tmp_path, mail=dataclasses.replace(settings.mail, **changes))


def a_message(key: str = "alert:crisis:1", recipients: tuple[str, ...] = MANAGERS) -> Message:
    return Message(
        recipients=recipients,
        subject="【舆情预警】某小区燃气泄漏",
        text="请立即签收。",
        html="<p>请立即<b>签收</b>。</p>",
        idempotency_key=key,
        headers={"X-Yuqing-Alert": "1"},
    )


def add_analysed_item(session: Session) -> None:
    item = Item(
        source="weibo",
        external_id="m1",
        kind="post",
        title="某小区三天没有暖气",
        content_text="某小区三天没有暖气",
        content_hash="h1",
        first_seen_at=NOW - timedelta(hours=2),
    )
    session.add(item)
    session.flush()
    session.add(
        Analysis(
            item_id=item.id,
            model_version="v1",
            sentiment_score=0.1,
            sentiment_label="neg",
            topic="供热",
            request_type="投诉",
            urgency=3,
        )
    )
    session.commit()


def test_digest_arrives_over_smtp_as_text_and_html(
    session: Session, settings: Settings, tmp_path: Path, sink: Sink, smtp_port: int
) -> None:
    settings = smtp_settings(settings, tmp_path, smtp_port)
    add_analysed_item(session)

    result = send_digest(session, settings, NOW)

    assert result.ok and result.created and result.recipients == MANAGERS
    assert sorted(rcpts[0] for _, rcpts, _ in sink.received) == sorted(MANAGERS)
    for mail_from, rcpts, parsed in sink.received:
        assert mail_from == "yuqing@zjw.tj.gov.cn" and len(rcpts) == 1
        assert parsed["To"] == rcpts[0]
        assert parsed["Subject"] == "【舆情日报】2026-11-26 新增 1 条，紧急 1 条"
        assert parsed.get_content_type() == "multipart/alternative"
        text_part = parsed.get_body(preferencelist=("plain",))
        html_part = parsed.get_body(preferencelist=("html",))
        assert text_part is not None and html_part is not None
        assert "某小区三天没有暖气" in text_part.get_content()
        assert "<table" in html_part.get_content() and "<script" not in html_part.get_content()
        assert parsed["Message-ID"] == message_id(f"digest:daily:2026-11-26:{rcpts[0]}", settings.mail.sender)
    assert all(d.location and d.location.startswith(f"smtp://127.0.0.1:{smtp_port}") for d in result.deliveries)


def test_rerunning_a_digest_sends_nothing_twice(
    session: Session, settings: Settings, tmp_path: Path, sink: Sink, smtp_port: int
) -> None:
    settings = smtp_settings(settings, tmp_path, smtp_port)
    add_analysed_item(session)

    send_digest(session, settings, NOW)
    again = send_digest(session, settings, NOW + timedelta(hours=1))

    assert len(sink.received) == 2
    assert not again.created and again.ok and again.recipients == MANAGERS


def test_deliver_is_idempotent_by_key(
    session: Session, settings: Settings, tmp_path: Path, sink: Sink, smtp_port: int
) -> None:
    settings = smtp_settings(settings, tmp_path, smtp_port)

    first = deliver(session, a_message(), settings)
    second = deliver(session, a_message(), settings)

    assert len(sink.received) == 2
    assert [r.id for r in first] == [r.id for r in second]
    assert all(r.sent_at is not None and r.attempts == 1 and r.error is None for r in second)
    assert {r.idempotency_key for r in first} == {f"alert:crisis:1:{m}" for m in MANAGERS}
    assert sink.received[0][2]["X-Yuqing-Alert"] == "1"
    deliver(session, a_message(key="alert:crisis:2"), settings)  # a new key is a new message
    assert len(sink.received) == 4


def test_smtp_down_records_the_error_and_retry_delivers_once(
    session: Session, settings: Settings, tmp_path: Path, sink: Sink
) -> None:
    port = free_port()  # nothing listens here yet
    settings = smtp_settings(settings, tmp_path, port)

    rows = deliver(session, a_message(recipients=("leader@zjw.tj.gov.cn",)), settings)

    (row,) = rows
    assert row.sent_at is None and row.attempts == 1
    assert row.error is not None and "ConnectionRefused" in row.error
    controller = start_server(sink, port)
    try:
        retried = retry_unsent(session, settings)
        assert retry_unsent(session, settings) == []  # nothing left to send
    finally:
        controller.stop()
    session.refresh(row)
    assert [r.id for r in retried] == [row.id]
    assert row.sent_at is not None and row.attempts == 2 and row.error is None
    assert len(sink.received) == 1
    assert sink.received[0][2]["Message-ID"] == message_id(row.idempotency_key, settings.mail.sender)


def test_digest_rerun_after_an_outage_finishes_delivery(
    session: Session, settings: Settings, tmp_path: Path, sink: Sink
) -> None:
    port = free_port()
    settings = smtp_settings(settings, tmp_path, port)
    add_analysed_item(session)

    failed = send_digest(session, settings, NOW)
    controller = start_server(sink, port)
    try:
        finished = send_digest(session, settings, NOW)
        send_digest(session, settings, NOW)
    finally:
        controller.stop()

    assert failed.created and not failed.ok
    assert "NOT SENT after 1 attempt(s)" in str(failed)
    assert not finished.created and finished.ok
    assert sorted(rcpts[0] for _, rcpts, _ in sink.received) == sorted(MANAGERS)  # once each
    assert session.scalar(select(func.count(Notification.id))) == 2


def test_login_when_a_user_is_configured(session: Session, settings: Settings, tmp_path: Path, sink: Sink) -> None:
    port = free_port()
    controller = start_server(sink, port, authenticator=sink.authenticate, auth_require_tls=False)
    try:
        good = smtp_settings(settings, tmp_path, port, smtp_user="yuqing", smtp_password="s3cret")
        bad = smtp_settings(settings, tmp_path, port, smtp_user="yuqing", smtp_password="wrong")
        (sent,) = deliver(session, a_message(key="k-good", recipients=("a@zjw.tj.gov.cn",)), good)
        (refused,) = deliver(session, a_message(key="k-bad", recipients=("a@zjw.tj.gov.cn",)), bad)
    finally:
        controller.stop()

    assert sent.sent_at is not None
    assert refused.sent_at is None and refused.error is not None and "Authentication" in refused.error
    assert (b"yuqing", b"s3cret") in sink.logins and len(sink.received) == 1


def test_outbox_channel_writes_a_parseable_eml(session: Session, settings: Settings, tmp_path: Path) -> None:
    settings = settings.replace(data_dir=tmp_path, mail=dataclasses.replace(settings.mail, backend="outbox"))
    channel = channel_for(settings)
    assert isinstance(channel, OutboxChannel) and isinstance(channel, Channel)

    (row,) = deliver(session, a_message(recipients=("leader@zjw.tj.gov.cn",)), settings)
    deliver(session, a_message(recipients=("leader@zjw.tj.gov.cn",)), settings)

    files = list((tmp_path / "outbox").iterdir())
    assert [f.suffix for f in files] == [".eml"]  # one file, no temporary left behind
    assert row.location == str(files[0])
    raw = files[0].read_bytes()
    assert b"\r\n" in raw  # RFC 5322 line endings
    parsed = BytesParser(policy=policy.default).parsebytes(raw)
    assert parsed["Subject"] == "【舆情预警】某小区燃气泄漏"
    assert parsed["To"] == "leader@zjw.tj.gov.cn"
    assert parsed["Message-ID"] == message_id("alert:crisis:1:leader@zjw.tj.gov.cn", settings.mail.sender)
    assert [p.get_content_type() for p in parsed.iter_parts()] == ["text/plain", "text/html"]


def test_outbox_pseudo_recipient_is_undisclosed(tmp_path: Path) -> None:
    channel = OutboxChannel(tmp_path, "yuqing@localhost")

    path = Path(channel.send(a_message(key="digest:daily:2026-11-26:outbox", recipients=("outbox",))))

    parsed = BytesParser(policy=policy.default).parsebytes(path.read_bytes())
    assert parsed["To"] == "undisclosed-recipients:;"
    assert path.name.startswith("digest-daily-2026-11-26-outbox-")


def test_channel_for_picks_the_backend(settings: Settings) -> None:
    smtp = settings.replace(mail=dataclasses.replace(settings.mail, backend="smtp"))
    assert isinstance(channel_for(smtp), SmtpChannel)
    with pytest.raises(ValueError, match="unknown delivery channel"):
        channel_for(settings.replace(mail=dataclasses.replace(settings.mail, backend="pigeon")))


@pytest.mark.parametrize(
    "bad",
    [
        {"subject": "hi\r\nBcc: everyone@example.com"},
        {"recipients": ("a@example.com\nb@example.com",)},
        {"recipients": ()},
        {"idempotency_key": ""},
        {"headers": {"From": "boss@example.com"}},
    ],
)
def test_message_refuses_header_injection_and_missing_parts(bad: dict[str, Any]) -> None:
    fields = {"recipients": ("a@example.com",), "subject": "s", "text": "t", "idempotency_key": "k"} | bad
    with pytest.raises(ValueError):
        Message(**fields)


def test_long_recipient_keys_still_fit_the_column(session: Session, settings: Settings, tmp_path: Path) -> None:
    settings = settings.replace(data_dir=tmp_path)
    recipient = "x" * 180 + "@example.com"

    (row,) = deliver(
        session, a_message(key="k" * 150, recipients=(recipient,)), settings, OutboxChannel(tmp_path, "y@z")
    )
    (again,) = deliver(
        session, a_message(key="k" * 150, recipients=(recipient,)), settings, OutboxChannel(tmp_path, "y@z")
    )

    assert len(row.idempotency_key) <= 200 and row.id == again.id and row.sent_at is not None
