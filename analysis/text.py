"""Plain text from crawled records; personal numbers are masked by ``store.masking`` (re-exported here)."""

from __future__ import annotations

import html
import re

from store.masking import mask_numbers

__all__ = [
    "REPLY_TO",
    "REPOST_CHAIN",
    "joined",
    "mask_numbers",
    "plain",
    "without_addressees",
]  # mask_numbers: the one masker, kept importable here

_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"[ \t\r\f\v\u3000]+")
# Weibo's prefixes that name the account a text answers or passes on: 回复@津云: and //@天津发布:.
REPLY_TO = re.compile(r"回复\s*@[^:：\s]{1,30}[:：]")
REPOST_CHAIN = re.compile(r"//\s*@[^:：\s]{1,30}[:：]")


def plain(value: str | None) -> str:
    """Strip markup: crawled text is untrusted HTML and only its words matter here."""
    if not value:
        return ""
    text = _TAG.sub(" ", value)
    text = html.unescape(text)
    return _SPACE.sub(" ", text).strip()


def without_addressees(text: str) -> str:
    """The text without the accounts it replies to or reposts: their names are no words of the writer's."""
    return REPOST_CHAIN.sub(" ", REPLY_TO.sub(" ", text))


def joined(title: str | None, content: str | None) -> str:
    return f"{plain(title)}\n{plain(content)}".strip()
