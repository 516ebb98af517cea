"""Source-independent helpers that turn crawled values into the normalised item fields.

Kept pure (no I/O) so every spider maps statuses, districts and HTML the same way and
the mapping can be unit-tested on hand-written input (reference/sources.md §7).
"""

from __future__ import annotations

import re
from typing import Any

import lxml.html
from lxml import etree

# stateInfo and similar status words → the item's status enum (sources.md §7).
STATUS_MAP: dict[str, str] = {
    "待回复": "pending",
    "未回复": "pending",
    "待处理": "pending",
    "办理中": "processing",
    "处理中": "processing",
    "已受理": "processing",
    "已回复": "replied",
    "已办理": "replied",
    "已答复": "replied",
    "已办结": "closed",
    "已关闭": "closed",
}

# Tianjin's 16 districts, and older names that still appear in text and forum names.
TIANJIN_DISTRICTS: tuple[str, ...] = (
    "和平区", "河东区", "河西区", "南开区", "河北区", "红桥区", "东丽区", "西青区",
    "津南区", "北辰区", "武清区", "宝坻区", "滨海新区", "宁河区", "静海区", "蓟州区",
)  # fmt: skip
DISTRICT_ALIASES: dict[str, str] = {
    "蓟县": "蓟州区",
    "宁河县": "宁河区",
    "静海县": "静海区",
    "塘沽区": "滨海新区",
    "汉沽区": "滨海新区",
    "大港区": "滨海新区",
}
_DISTRICT_RE = re.compile("|".join(map(re.escape, TIANJIN_DISTRICTS + tuple(DISTRICT_ALIASES))))

# Elements whose text is never content; scripts are dropped, never run.
_DROP_TAGS = ("script", "style", "noscript", "template", "iframe", "object")
_BLOCK_TAGS = ("p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "blockquote")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u3000]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")


def map_status(raw: str | None) -> str | None:
    """Map a status word to pending/processing/replied/closed; None when unknown."""
    if not raw:
        return None
    return STATUS_MAP.get(raw.strip())


def html_to_text(fragment: str | None) -> str:
    """Plain text of an untrusted HTML fragment: line breaks kept, markup and scripts gone.

    lxml only parses; nothing in the fragment is evaluated. Entities are decoded.
    """
    if not fragment or not fragment.strip():
        return ""
    if "<" not in fragment and "&" not in fragment:
        return _tidy(fragment)
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return _tidy(re.sub(r"<[^>]*>", " ", fragment))
    for bad in list(root.iter(*_DROP_TAGS)):
        bad.drop_tree()
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    for block in root.iter(*_BLOCK_TAGS):
        block.tail = "\n" + (block.tail or "")
    return _tidy(root.text_content())


def _tidy(text: str) -> str:
    lines = [_SPACES.sub(" ", line).strip() for line in text.replace("\r\n", "\n").split("\n")]
    return _BLANK_LINES.sub("\n", "\n".join(lines)).strip()


def district_from_name(name: str | None) -> str | None:
    """The district an organisation or forum name names (e.g. 河西区委书记), if any."""
    if not name:
        return None
    match = _DISTRICT_RE.search(name)
    return _canonical(match.group(0)) if match else None


def district_from_text(*texts: str | None) -> str | None:
    """The district named in the text when exactly one is named; ambiguity gives None.

    A message that names two districts (a suggestion about several) gets no district
    rather than a wrong one; the analysis stage extracts entities properly.
    """
    found = {_canonical(m.group(0)) for text in texts if text for m in _DISTRICT_RE.finditer(text)}
    return found.pop() if len(found) == 1 else None


def _canonical(name: str) -> str:
    return DISTRICT_ALIASES.get(name, name)


def to_int(value: Any) -> int | None:
    """An int from JSON values that arrive as numbers or digit strings; None otherwise."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value.strip())
    return None


def clip(value: str | None, limit: int) -> str | None:
    """Cut a short field to its column size; the full value stays in the item's raw evidence."""
    return value[:limit] if value and len(value) > limit else value


def clean_str(value: Any) -> str | None:
    """A stripped string, or None for missing/blank values (JSON null, "", whitespace)."""
    if value is None:
        return None
    text = str(value).strip()
    return text or None
