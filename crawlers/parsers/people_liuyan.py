"""人民网领导留言板, Gen A (legacy form API): list JSON, detail HTML, normalised record.

Formats are described in reference/sources.md §1.2. Parsers raise ``PageError`` with an
outcome (``parse_error`` / ``soft_block``) so the spider can record why a page was
unusable; they never raise for a missing optional field.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from parsel import Selector

from crawlers.normalise import (
    clean_str,
    clip,
    district_from_name,
    district_from_text,
    html_to_text,
    map_status,
    to_int,
)

SOURCE_KEY = "people_liuyan"
BEIJING = ZoneInfo("Asia/Shanghai")
LIST_PATH = "/threads/queryThreadsList"
DETAIL_PATH = "/threads/content"
FORUM_PATH = "/threads/list"
# Words of a WAF challenge, a login wall or a rate-limit page served with HTTP 200.
BLOCK_MARKERS = ("验证码", "安全验证", "访问过于频繁", "请登录", "用户登录", "滑动验证", "captcha", "__jsl", "waf")
_DATE_RE = re.compile(r"(\d{4})[-/年.](\d{1,2})[-/月.](\d{1,2})日?(?:\s*(\d{1,2}):(\d{2})(?::(\d{2}))?)?")


class PageError(ValueError):
    """A page that cannot be used; ``outcome`` is the fetch_attempt outcome to record."""

    def __init__(self, outcome: str, reason: str) -> None:
        super().__init__(reason)
        self.outcome = outcome
        self.reason = reason


@dataclass(frozen=True)
class DetailPage:
    """The fields the legacy detail page carries (all optional except the body)."""

    title: str | None
    body_html: str
    body_text: str
    date_raw: str | None
    published_at: datetime | None
    status_raw: str | None
    domain: str | None
    type_name: str | None
    forum_name: str | None
    reply_org: str | None
    reply_html: str | None
    reply_text: str | None
    reply_date_raw: str | None
    replied_at: datetime | None

    def as_raw(self) -> dict[str, Any]:
        """JSON-safe copy for the item's ``raw`` evidence."""
        data = asdict(self)
        for key in ("published_at", "replied_at"):
            data[key] = data[key].isoformat() if data[key] else None
        return data


def looks_blocked(text: str) -> bool:
    head = text[:20000].lower()
    return any(marker.lower() in head for marker in BLOCK_MARKERS)


def parse_list(text: str) -> list[dict[str, Any]]:
    """The messages of one list response; an empty list means the forum is exhausted."""
    try:
        data = json.loads(text)
    except ValueError as exc:
        outcome = "soft_block" if looks_blocked(text) else "parse_error"
        raise PageError(outcome, f"list response is not JSON: {exc}") from exc
    if not isinstance(data, dict):
        raise PageError("parse_error", f"list response is a {type(data).__name__}, not an object")
    if data.get("result") != "success":
        desc = clean_str(data.get("resultDesc")) or "no description"
        raise PageError("parse_error", f"list API answered result={data.get('result')!r}: {desc}")
    items = data.get("responseData")
    if items is None:
        return []
    if not isinstance(items, list):
        raise PageError("parse_error", "responseData is not a list")
    good = [item for item in items if isinstance(item, dict) and to_int(item.get("tid")) is not None]
    if len(good) != len(items):
        raise PageError("parse_error", f"{len(items) - len(good)} list entries lack a numeric tid")
    return good


def parse_detail(html: str) -> DetailPage:
    """Parse ``/threads/content?tid=``: question block ``div.liuyan_box03``, reply ``div.liuyan_box05``."""
    sel = Selector(text=html)
    box = sel.css("div.liuyan_box03")
    if not box:
        outcome = "soft_block" if looks_blocked(html) else "parse_error"
        raise PageError(outcome, "detail page has no div.liuyan_box03 (layout change or block page)")
    body = box.css("p.zoom.content")
    if not body:
        raise PageError("parse_error", "detail page has no p.zoom.content")
    body_html = _inner_html(body[0])
    ems = box.css("b em")
    status_raw = clean_str(ems[0].xpath("string()").get()) if ems else None
    kinds = [clean_str(em.xpath("string()").get()) for em in box.css("b em.domainType")]
    date_raw = clean_str(box.css("h3 span").xpath("string()").get())
    reply = sel.css("div.liuyan_box05")
    reply_html = _inner_html(reply.css("p.zoom")[0]) if reply.css("p.zoom") else None
    reply_date_raw = clean_str(reply.css("h3 span").xpath("string()").get()) if reply else None
    return DetailPage(
        title=clean_str(box.css("span.context-title-text").xpath("string()").get()),
        body_html=body_html,
        body_text=html_to_text(body_html),
        date_raw=date_raw,
        published_at=parse_local_time(date_raw),
        status_raw=status_raw,
        domain=kinds[0] if kinds else None,
        type_name=kinds[1] if len(kinds) > 1 else None,
        forum_name=clean_str(sel.css("#currentForum").xpath("string()").get()),
        reply_org=clean_str(reply.css("h3 i").xpath("string()").get()) if reply else None,
        reply_html=reply_html,
        reply_text=html_to_text(reply_html) or None,
        reply_date_raw=reply_date_raw,
        replied_at=parse_local_time(reply_date_raw),
    )


def _inner_html(node: Selector) -> str:
    """The markup inside an element (the element's own tags removed), as served."""
    return "".join(node.xpath("node()").getall()).strip()


def parse_local_time(text: str | None) -> datetime | None:
    """A Beijing-time date in page text (``2026-11-20 09:31``, ``2026年11月20日``)."""
    if not text:
        return None
    match = _DATE_RE.search(text)
    if not match:
        return None
    year, month, day, hour, minute, second = (int(g) if g else 0 for g in match.groups())
    try:
        return datetime(year, month, day, hour, minute, second, tzinfo=BEIJING)
    except ValueError:
        return None


def detail_url(base_url: str, tid: int | str) -> str:
    return f"{base_url.rstrip('/')}{DETAIL_PATH}?tid={tid}"


def build_record(
    entry: dict[str, Any],
    detail: DetailPage | None,
    *,
    base_url: str,
    fid: str,
    captured_at: datetime,
    detail_meta: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Merge a list entry and (when it parsed) its detail page into a normalised record.

    The list entry alone is enough to store an item, so a failed detail page loses
    nothing that the list carried. Detail values fill gaps; list values win where both
    exist because the API is the structured source.
    """
    tid = to_int(entry.get("tid"))
    d = detail
    list_html = clean_str(entry.get("content"))
    content_html = d.body_html if d and d.body_html else list_html
    content = (d.body_text if d and d.body_text else "") or html_to_text(list_html)
    forum = clean_str(entry.get("forumName")) or (d.forum_name if d else None)
    title = clean_str(entry.get("subject")) or (d.title if d else None)
    status_raw = clean_str(entry.get("stateInfo")) or (d.status_raw if d else None)
    reply_text = html_to_text(clean_str(entry.get("answerContent"))) or (d.reply_text if d else None)
    published = to_int(entry.get("dateline")) or (d.published_at if d else None)
    replied = to_int(entry.get("answerDateline")) or (d.replied_at if d and reply_text else None)
    metrics: dict[str, Any] = {}
    if to_int(entry.get("favNum")) is not None:
        metrics["likes"] = to_int(entry.get("favNum"))
    raw: dict[str, Any] = {
        "list": entry,
        "detail": d.as_raw() if d else None,
        "fid": fid,
        "captured_at": captured_at.isoformat(),
    }
    if detail_meta:
        raw["detail_fetch"] = detail_meta
    return {
        "source": SOURCE_KEY,
        "source_id": str(tid),
        "kind": "message",
        "title": title,
        "content": content,
        "content_html": content_html,
        "author_name": clip(clean_str(entry.get("nickName")), 200),
        "author_id": None,
        "author_meta": {"ip": ip} if (ip := clean_str(entry.get("ip"))) else {},
        "published_at": published,
        "target_org": clip(forum, 200),
        "request_type": clip(clean_str(entry.get("typeName")) or (d.type_name if d else None), 32),
        "domain": clip(clean_str(entry.get("domainName")) or (d.domain if d else None), 64),
        "status": map_status(status_raw),
        "status_raw": clip(status_raw, 32),
        "reply_org": clip(
            clean_str(entry.get("answerOrganization")) or (d.reply_org if d and reply_text else None), 200
        ),
        "reply_text": reply_text or None,
        "replied_at": replied if reply_text else None,
        "district": district_from_name(forum) or district_from_text(title, content),
        "metrics": metrics,
        "raw": raw,
        "url": detail_url(base_url, str(tid)),
        "parent_id": None,
    }
