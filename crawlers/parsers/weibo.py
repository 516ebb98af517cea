"""m.weibo.cn JSON (timeline, long text, comments) to normalised records.

Formats are in reference/sources.md §4. The API answers HTTP 200 for almost everything,
so the envelope decides: ``ok=1`` is data, ``ok=-100`` (or a passport URL) is a login
wall, anything else that is not JSON is a broken page. Parsers raise ``PageError`` with
the fetch outcome to record; they never raise for a missing optional field.
"""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from crawlers.normalise import clean_str, clip, district_from_text, html_to_text, to_int
from crawlers.parsers.people_liuyan import PageError

SOURCE_KEY = "weibo"
BEIJING = ZoneInfo("Asia/Shanghai")
INDEX_PATH = "/api/container/getIndex"
EXTEND_PATH = "/statuses/extend"
COMMENTS_PATH = "/comments/hotflow"
TIMELINE_PREFIX = "107603"
LOGIN_WALL = "login_wall"
# Where a visitor without a cookie is sent instead of data.
LOGIN_URL_MARKERS = ("passport.weibo", "/visitor/", "/signin", "login.sina")
_FULL_FORMAT = "%a %b %d %H:%M:%S %z %Y"
_EMOJI_IMG = re.compile(r"""<img[^>]*?\balt=["']?(\[[^\]"'<>]{1,12}\])["']?[^>]*>""", re.IGNORECASE)
_COUNT = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(万|亿)?\+?\s*$")
_REGION = re.compile(r"^(?:发布于|来自)\s*")


def is_login_url(url: str) -> bool:
    return any(marker in url for marker in LOGIN_URL_MARKERS)


def load_envelope(text: str, what: str) -> dict[str, Any]:
    """The ``data`` of an ``ok=1`` answer; a login wall or a broken page raises ``PageError``."""
    try:
        payload = json.loads(text)
    except ValueError as exc:
        raise PageError("parse_error", f"{what} is not JSON: {exc}") from exc
    if not isinstance(payload, dict):
        raise PageError("parse_error", f"{what} is a {type(payload).__name__}, not an object")
    ok = to_int(payload.get("ok"))
    if ok == -100 or is_login_url(str(payload.get("url") or "")):
        raise PageError(LOGIN_WALL, f"{what}: login required (ok={payload.get('ok')}, url={payload.get('url')})")
    if ok != 1:
        msg = clean_str(payload.get("msg")) or "no message"
        raise PageError("parse_error", f"{what} answered ok={payload.get('ok')!r}: {msg}")
    data = payload.get("data")
    if not isinstance(data, dict):
        raise PageError("parse_error", f"{what} has no data object")
    return data


def parse_timeline(text: str) -> tuple[list[dict[str, Any]], str | None]:
    """The mblogs of one timeline page and the ``since_id`` of the next (None: the end)."""
    data = load_envelope(text, "timeline page")
    cards = _list(data, "cards", "timeline page")
    mblogs = [c["mblog"] for c in cards if c.get("card_type") == 9 and isinstance(c.get("mblog"), dict)]
    if any(to_int(m.get("id")) is None for m in mblogs):
        raise PageError("parse_error", "a timeline mblog lacks a numeric id")
    info = data.get("cardlistInfo") if isinstance(data.get("cardlistInfo"), dict) else {}
    return mblogs, _cursor(info.get("since_id"))


def parse_long_text(text: str) -> str:
    data = load_envelope(text, "long text")
    content = clean_str(data.get("longTextContent"))
    if content is None:
        raise PageError("parse_error", "long text answer has no longTextContent")
    return content


def parse_comments(text: str) -> tuple[list[dict[str, Any]], str | None]:
    """One hotflow page: the comments and the ``max_id`` cursor of the next (None: the end)."""
    data = load_envelope(text, "comments page")
    comments = [row for row in _list(data, "data", "comments page") if to_int(row.get("id")) is not None]
    return comments, _cursor(data.get("max_id"))


def _list(data: dict[str, Any], key: str, what: str) -> list[dict[str, Any]]:
    rows = data.get(key)
    if not isinstance(rows, list):
        raise PageError("parse_error", f"{what} has no {key} list")
    return [row for row in rows if isinstance(row, dict)]


def _cursor(value: Any) -> str | None:
    """The next page's cursor; 0 or nothing means the last page."""
    cursor = clean_str(value)
    return cursor if cursor and cursor != "0" else None


def parse_time(text: Any, now: datetime) -> datetime | None:
    """``created_at`` in the full form or any relative form (刚刚, N分钟前, 昨天 HH:MM, MM-DD)."""
    raw = clean_str(text)
    if raw is None:
        return None
    try:
        return datetime.strptime(raw, _FULL_FORMAT)
    except ValueError:
        pass
    local = now.astimezone(BEIJING)
    if raw == "刚刚":
        return local
    if match := re.fullmatch(r"(\d+)\s*(秒|分钟|小时)前", raw):
        unit = {"秒": "seconds", "分钟": "minutes", "小时": "hours"}[match.group(2)]
        return local - timedelta(**{unit: int(match.group(1))})
    if match := re.fullmatch(r"(今天|昨天)\s*(\d{1,2}):(\d{2})", raw):
        day = local - timedelta(days=1 if match.group(1) == "昨天" else 0)
        return day.replace(hour=int(match.group(2)), minute=int(match.group(3)), second=0, microsecond=0)
    if match := re.fullmatch(r"(?:(\d{4})-)?(\d{1,2})-(\d{1,2})(?:\s+(\d{1,2}):(\d{2}))?", raw):
        year, month, day, hour, minute = (int(g) if g else None for g in match.groups())
        try:
            return datetime(year or local.year, month or 1, day or 1, hour or 0, minute or 0, tzinfo=BEIJING)
        except ValueError:
            return None
    return None


def to_count(value: Any) -> int | None:
    """Counts come as ints or display strings ("1.2万", "100万+")."""
    number = to_int(value)
    if number is not None:
        return number
    match = _COUNT.match(str(value)) if isinstance(value, str) else None
    if not match:
        return None
    scale = {"万": 10_000, "亿": 100_000_000}.get(match.group(2) or "", 1)
    return int(float(match.group(1)) * scale)


def weibo_text(fragment: str | None) -> str:
    """Plain text of Weibo's HTML: emoji images keep their ``[alt]``, links keep their words."""
    return html_to_text(_EMOJI_IMG.sub(r"\1", fragment or ""))


def author_fields(user: Any) -> dict[str, Any]:
    """author_name / author_id / author_meta of a post or comment (verified_type drives routing)."""
    if not isinstance(user, dict):
        return {"author_name": None, "author_id": None, "author_meta": {}}
    meta = {
        "verified": bool(user.get("verified")),
        "verified_type": to_int(user.get("verified_type")),
        "verified_reason": clean_str(user.get("verified_reason")),
        "followers_count": to_count(user.get("followers_count")),
    }
    return {
        "author_name": clip(clean_str(user.get("screen_name")), 200),
        "author_id": clean_str(user.get("id")),
        "author_meta": {k: v for k, v in meta.items() if v is not None},
    }


def post_url(base_url: str, mid: str) -> str:
    return f"{base_url.rstrip('/')}/detail/{mid}"


def post_record(
    mblog: dict[str, Any], *, base_url: str, captured_at: datetime, long_text: str | None = None
) -> dict[str, Any]:
    """A timeline mblog (with its long text when fetched) as a ``post`` record."""
    mid = str(mblog.get("id") or mblog.get("mid"))
    html = long_text or clean_str(mblog.get("text")) or ""
    content = weibo_text(html)
    retweeted = mblog.get("retweeted_status") if isinstance(mblog.get("retweeted_status"), dict) else None
    if retweeted:
        content = _with_original(content, retweeted)
    region = clean_str(mblog.get("region_name"))
    metrics = {
        "reposts": to_count(mblog.get("reposts_count")),
        "comments": to_count(mblog.get("comments_count")),
        "likes": to_count(mblog.get("attitudes_count")),
    }
    return {
        "source": SOURCE_KEY,
        "source_id": mid,
        "kind": "post",
        "title": None,
        "content": content,
        "content_html": html,
        **author_fields(mblog.get("user")),
        "published_at": parse_time(mblog.get("created_at"), captured_at),
        "district": district_from_text(content),
        "metrics": {k: v for k, v in metrics.items() if v is not None},
        "raw": {
            "mblog": mblog,
            "long_text": long_text,
            "region": _REGION.sub("", region) if region else None,
            "captured_at": captured_at.isoformat(),
        },
        "url": post_url(base_url, mid),
        "parent_id": str(retweeted["id"]) if retweeted and retweeted.get("id") else None,
    }


def _with_original(own: str, retweeted: dict[str, Any]) -> str:
    """A repost's own words ("转发微博") say little: the analysis needs what was reposted."""
    original = weibo_text(clean_str(retweeted.get("text")))
    user = retweeted.get("user") if isinstance(retweeted.get("user"), dict) else {}
    name = clean_str(user.get("screen_name"))
    if not original:
        return own
    return f"{own}\n//转发{f' @{name}' if name else ''}：{original}"


def comment_record(comment: dict[str, Any], *, post_mid: str, base_url: str, captured_at: datetime) -> dict[str, Any]:
    """A hotflow comment as a ``comment`` record whose parent is its post."""
    html = clean_str(comment.get("text")) or ""
    content = weibo_text(html)
    likes = to_count(comment.get("like_count"))
    region = clean_str(comment.get("source"))
    return {
        "source": SOURCE_KEY,
        "source_id": str(comment["id"]),
        "kind": "comment",
        "title": None,
        "content": content,
        "content_html": html,
        **author_fields(comment.get("user")),
        "published_at": parse_time(comment.get("created_at"), captured_at),
        "district": district_from_text(content),
        "metrics": {"likes": likes} if likes is not None else {},
        "raw": {
            "comment": comment,
            "region": _REGION.sub("", region) if region else None,
            "captured_at": captured_at.isoformat(),
        },
        "url": post_url(base_url, post_mid),
        "parent_id": post_mid,
    }
