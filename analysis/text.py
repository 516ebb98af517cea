"""Plain text from crawled records; personal numbers are masked by ``store.masking`` (re-exported here)."""

from __future__ import annotations

import html
import re

from store.masking import mask_numbers

__all__ = ["joined", "mask_numbers", "plain"]  # mask_numbers: the one masker, kept importable here

_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"[ \t\r\f\v\u3000]+")


def plain(value: str | None) -> str:
    """Strip markup: crawled text is untrusted HTML and only its words matter here."""
    if not value:
        return ""
    text = _TAG.sub(" ", value)
    text = html.unescape(text)
    return _SPACE.sub(" ", text).strip()


def joined(title: str | None, content: str | None) -> str:
    return f"{plain(title)}\n{plain(content)}".strip()
