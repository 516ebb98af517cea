"""Plain text from crawled records, and masking of personal numbers in public text."""

from __future__ import annotations

import html
import re

_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"[ \t\r\f\v\u3000]+")
PHONE = re.compile(r"(?<!\d)(1[3-9]\d)(\d{4})(\d{4})(?!\d)")
LANDLINE = re.compile(r"(?<!\d)(0\d{2,3}-?)(\d{3,4})(\d{4})(?!\d)")
ID_CARD = re.compile(r"(?<![0-9A-Za-z])(\d{6})(\d{8})(\d{3}[\dXx])(?![0-9A-Za-z])")


def plain(value: str | None) -> str:
    """Strip markup: crawled text is untrusted HTML and only its words matter here."""
    if not value:
        return ""
    text = _TAG.sub(" ", value)
    text = html.unescape(text)
    return _SPACE.sub(" ", text).strip()


def joined(title: str | None, content: str | None) -> str:
    return f"{plain(title)}\n{plain(content)}".strip()


def mask_numbers(text: str) -> str:
    """Mask phone and ID numbers found in public text (138****5678, 120101********123X)."""
    text = ID_CARD.sub(lambda m: m.group(1) + "*" * 8 + m.group(3), text)
    text = PHONE.sub(lambda m: m.group(1) + "****" + m.group(3), text)
    return LANDLINE.sub(lambda m: m.group(1) + "****" + m.group(3), text)
