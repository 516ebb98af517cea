"""Decode crawled HTML the way legacy Chinese government pages need.

Scrapy trusts the Content-Type header over the page's own ``<meta charset>``, so a
server that says utf-8 in front of a GBK page yields mojibake (reliability-security.md
§1.2, w3lib#155). Here the page's declaration is tried first, every GB variant is
decoded as GB18030 (a superset), and a page that still needs replacement characters is
reported as suspect instead of being stored silently.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

# Fraction of U+FFFD characters above which a decoded page is flagged encoding_suspect.
SUSPECT_RATIO = 0.005
_SNIFF_BYTES = 4096
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
_GB_FAMILY = {"gb2312", "gbk", "x-gbk", "cp936", "ms936", "zh_cn", "euc-cn", "csgb2312", "gb18030", "hz-gb-2312"}
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    declared: str | None  # what the page itself declared (meta), normalised
    replacement_ratio: float

    @property
    def suspect(self) -> bool:
        return self.replacement_ratio > SUSPECT_RATIO


def normalise_charset(name: str | None) -> str | None:
    """A Python codec name for a declared charset; GB variants become gb18030."""
    if not name:
        return None
    label = name.strip().strip("\"'").lower()
    if label in _GB_FAMILY:
        return "gb18030"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def meta_charset(body: bytes) -> str | None:
    """The charset a page declares in its first bytes (``<meta charset>`` or http-equiv)."""
    match = _META_CHARSET.search(body[:_SNIFF_BYTES])
    return normalise_charset(match.group(1).decode("ascii", "ignore")) if match else None


def header_charset(content_type: str | bytes | None) -> str | None:
    """The charset parameter of a Content-Type header value."""
    if not content_type:
        return None
    if isinstance(content_type, bytes):
        content_type = content_type.decode("latin-1")
    match = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9_\-]+)", content_type, re.IGNORECASE)
    return normalise_charset(match.group(1)) if match else None


def decode_html(body: bytes, content_type: str | bytes | None = None) -> Decoded:
    """Decode ``body``: BOM, then the page's meta charset, then the header, then guesses.

    The first candidate that decodes without error wins; if none does, the page's own
    declaration (or utf-8) is used with replacement characters and the ratio reported.
    """
    declared = meta_charset(body)
    for bom, codec in _BOMS:
        if body.startswith(bom):
            text = body.decode(codec, errors="replace")
            return Decoded(text, codec, declared, _ratio(text))
    candidates: list[str] = []
    for name in (declared, header_charset(content_type), "utf-8", "gb18030"):
        if name and name not in candidates:
            candidates.append(name)
    for codec in candidates:
        try:
            text = body.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
        return Decoded(text, codec, declared, 0.0)
    fallback = candidates[0]
    text = body.decode(fallback, errors="replace")
    return Decoded(text, fallback, declared, _ratio(text))


def _ratio(text: str) -> float:
    return text.count("\ufffd") / len(text) if text else 0.0
