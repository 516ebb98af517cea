"""Plain text from crawled records, and masking of personal numbers in public text."""

from __future__ import annotations

import html
import re

_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"[ \t\r\f\v\u3000]+")
# Mobile numbers, also written +86 138-1234-5678 or 138 1234 5678, never inside a longer digit run.
PHONE = re.compile(r"(?<![0-9])((?:\+?86[- ]?)?)(1[3-9][0-9])[- ]?([0-9]{4})[- ]?([0-9]{4})(?![0-9])")
LANDLINE = re.compile(r"(?<![0-9])(0[0-9]{2,3}-)([0-9]{3,4})([0-9]{4})(?![0-9])")
# Resident ID numbers: 18 characters (the last may be X) or the old 15-digit form.
ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])([0-9]{3})([0-9]{11}|[0-9]{8})([0-9]{3}[0-9Xx]|[0-9]{4})(?![0-9A-Za-z])")
# Posts often use full-width digits (１３８…); fold them so they are masked too.
FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


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
    """Mask phone and ID numbers in public text (138****5678, 022-****1234, 120***********123X).

    Crawled posts are public, but a number a citizen left in one is still personal data:
    everything the service shows or sends passes through here.
    """
    text = ID_NUMBER.sub(lambda m: m.group(1) + "*" * len(m.group(2)) + m.group(3), text.translate(FULLWIDTH_DIGITS))
    text = PHONE.sub(lambda m: f"{m.group(1)}{m.group(2)}****{m.group(4)}", text)
    return LANDLINE.sub(lambda m: m.group(1) + "****" + m.group(3), text)
