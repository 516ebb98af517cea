"""What the government HTML message boards have in common: list entries, detail pages, records.

Each board's own parser turns its markup into these shapes; the record is built here
once, so every board maps status, district and reply fields the same way
(reference/sources.md §7). Titles and bodies are untrusted HTML: only their text is kept
as text, the served markup stays in ``content_html`` and ``raw`` as evidence.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urljoin

from parsel import Selector

from crawlers.normalise import clip, district_from_name, district_from_text, html_to_text, map_status
from crawlers.parsers.people_liuyan import PageError, looks_blocked, parse_local_time


@dataclass(frozen=True)
class ListEntry:
    """One line of a board's list page; enough to store the message if its page fails."""

    page_id: str  # as it appears in the URL (kept verbatim: leading zeros matter there)
    number: int  # the same id as a number, for the watermark (ids grow with time)
    url: str
    title: str | None
    status_raw: str | None = None
    target_org: str | None = None
    request_type: str | None = None
    date_raw: str | None = None

    @property
    def published_at(self) -> datetime | None:
        return parse_local_time(self.date_raw)


@dataclass(frozen=True)
class ListPage:
    entries: list[ListEntry]
    next_url: str | None


@dataclass(frozen=True)
class BoardDetail:
    title: str | None
    author: str | None
    published_at: datetime | None
    body_html: str
    body_text: str
    target_org: str | None = None
    request_type: str | None = None
    domain: str | None = None
    status_raw: str | None = None
    reply_org: str | None = None
    reply_html: str | None = None
    reply_text: str | None = None
    replied_at: datetime | None = None
    satisfaction: str | None = None


def as_raw(value: ListEntry | BoardDetail | None) -> dict[str, Any] | None:
    """A JSON-safe copy for the item's ``raw`` evidence."""
    if value is None:
        return None
    return {k: v.isoformat() if isinstance(v, datetime) else v for k, v in asdict(value).items()}


def require(nodes: Any, page_text: str, missing: str) -> Any:
    """``nodes`` when the selector matched; otherwise the page is a block page or a new layout."""
    if not nodes:
        outcome = "soft_block" if looks_blocked(page_text) else "parse_error"
        raise PageError(outcome, f"{missing} (layout change or block page)")
    return nodes


def next_page_url(sel: Selector, page_url: str, pager_class: str) -> str | None:
    """The absolute URL behind the pager's "下一页" link; None on the last page (no link)."""
    href = sel.xpath(f"//div[@class='{pager_class}']/a[contains(., '下一页')]/@href").get()
    return urljoin(page_url, href) if href else None


def inner_html(node: Selector | None) -> str:
    """The markup inside an element as served (its own tag removed); "" when absent."""
    if node is None:
        return ""
    return "".join(node.xpath("node()").getall()).strip()


def node_text(node: Selector | None) -> str | None:
    """Plain text of an element whose markup is untrusted (a ``<script>`` in a title is dropped)."""
    return html_to_text(inner_html(node)) or None


def build_record(
    source: str,
    entry: ListEntry,
    detail: BoardDetail | None,
    *,
    captured_at: datetime,
    detail_meta: dict[str, Any],
) -> dict[str, Any]:
    """A list entry and (when it parsed) its detail page as one normalised ``message`` record.

    The list entry alone is enough to store an item, so a failed detail page loses
    nothing the list carried; detail values win where both exist, being the fuller page.
    """
    d = detail
    title = (d.title if d else None) or entry.title
    content = d.body_text if d else ""
    target = (d.target_org if d else None) or entry.target_org
    status_raw = (d.status_raw if d else None) or entry.status_raw
    reply_text = d.reply_text if d else None
    return {
        "source": source,
        "source_id": entry.page_id,
        "kind": "message",
        "title": title,
        "content": content,
        "content_html": d.body_html if d else None,
        "author_name": clip(d.author if d else None, 200),
        "author_id": None,
        "author_meta": {},
        "published_at": (d.published_at if d else None) or entry.published_at,
        "target_org": clip(target, 200),
        "request_type": clip((d.request_type if d else None) or entry.request_type, 32),
        "domain": clip(d.domain if d else None, 64),
        "status": map_status(status_raw),
        "status_raw": clip(status_raw, 32),
        "reply_org": clip(d.reply_org if d and reply_text else None, 200),
        "reply_text": reply_text,
        "replied_at": d.replied_at if d and reply_text else None,
        "district": district_from_name(target) or district_from_text(title, content),
        "metrics": {},
        "raw": {
            "list": as_raw(entry),
            "detail": as_raw(d),
            "satisfaction": d.satisfaction if d else None,
            "detail_fetch": detail_meta,
            "captured_at": captured_at.isoformat(),
        },
        "url": entry.url,
        "parent_id": None,
    }
