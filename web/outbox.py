"""推送记录: the digest e-mails written to ``<data_dir>/outbox`` as .eml files.

A message's HTML is shown inside ``<iframe sandbox srcdoc=…>``: no scripts, no forms, a
unique origin, so even a digest carrying a hostile crawled title cannot act as the
officer. Inline ``cid:`` images (the charts) are turned into ``data:`` URIs so they show.
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from email import policy
from email.message import EmailMessage
from email.parser import BytesHeaderParser, BytesParser
from email.utils import parsedate_to_datetime
from pathlib import Path

from flask import Blueprint, abort, render_template
from flask.typing import ResponseReturnValue

from responder.delivery import outbox_dir as delivery_outbox_dir
from web.db import handles
from web.policy import requires
from web.security import relax_csp_for_embedded_mail

bp = Blueprint("outbox", __name__)
NAME_PATTERN = re.compile(r"^[\w.\-]{1,200}\.eml$")
MAX_MESSAGE_BYTES = 10 * 1024 * 1024
LISTED = 200


@dataclass(frozen=True)
class MailSummary:
    name: str
    subject: str
    recipients: str
    sent_at: datetime | None
    size: int


def outbox_dir() -> Path:
    return delivery_outbox_dir(handles().settings)


@bp.route("/outbox")
@requires("view_outbox")
def index() -> ResponseReturnValue:
    folder = outbox_dir()
    files = sorted(folder.glob("*.eml"), key=_mtime, reverse=True) if folder.is_dir() else []
    mails = [mail for path in files[:LISTED] if NAME_PATTERN.match(path.name) and (mail := _summary_or_none(path))]
    return render_template("outbox.html", mails=mails, total=len(files), folder=folder)


@bp.route("/outbox/<name>")
@requires("view_outbox")
def show(name: str) -> ResponseReturnValue:
    # The name must be a plain file name inside the outbox: no separators, no "..".
    if not NAME_PATTERN.match(name) or name.startswith("."):
        abort(404)
    path = outbox_dir() / name
    if not path.is_file() or path.stat().st_size > MAX_MESSAGE_BYTES:
        abort(404)
    message = _parse(path)
    html_part = message.get_body(preferencelist=("html",))
    text_part = message.get_body(preferencelist=("plain",))
    html = _inline_images(message, html_part.get_content()) if html_part is not None else None
    if html is not None:
        relax_csp_for_embedded_mail()
    return render_template(
        "outbox_show.html",
        mail=_summary(path, message),
        html=html,
        text=text_part.get_content() if text_part is not None else None,
    )


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def _parse(path: Path, headers_only: bool = False) -> EmailMessage:
    parser = BytesHeaderParser if headers_only else BytesParser
    with path.open("rb") as fh:
        return parser(policy=policy.default).parse(fh)  # type: ignore[return-value]


def _summary(path: Path, message: EmailMessage | None = None) -> MailSummary:
    stat = path.stat()
    message = message or _parse(path, headers_only=True)
    try:
        sent = parsedate_to_datetime(str(message["Date"])) if message["Date"] else None
    except (TypeError, ValueError):
        sent = None
    if sent is None or sent.tzinfo is None:
        sent = datetime.fromtimestamp(stat.st_mtime, UTC)
    return MailSummary(
        name=path.name,
        subject=str(message["Subject"] or "（无主题）"),
        recipients=_recipients(str(message["To"] or "")),
        sent_at=sent,
        size=stat.st_size,
    )


def _recipients(value: str) -> str:
    # The outbox channel writes this RFC 5322 group when a message has no real address.
    return "（未指定收件人）" if value.startswith("undisclosed-recipients") else value


def _summary_or_none(path: Path) -> MailSummary | None:
    """A file deleted or rewritten while we list the folder is skipped, not a 500."""
    try:
        return _summary(path)
    except OSError:
        return None


def _inline_images(message: EmailMessage, html: str) -> str:
    for part in message.walk():
        cid = part.get("Content-ID")
        if not cid or part.get_content_maintype() != "image":
            continue
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes):
            continue
        data = f"data:{part.get_content_type()};base64,{base64.b64encode(payload).decode('ascii')}"
        html = html.replace(f"cid:{cid.strip('<>')}", data)
    return html
