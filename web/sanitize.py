"""Crawled HTML is hostile: reduce it to a few formatting tags before it reaches a page.

nh3's default allow-list keeps ``<img src>``, a tracking pixel that would tell the site
owner when an officer read the post, so the list here is minimal (reference §1.3):
formatting tags, and links with an http(s) ``href`` and a forced ``rel``. Relative URLs
are dropped because they would resolve against the console's own origin.
"""

from __future__ import annotations

from functools import cache

import nh3
from markupsafe import Markup

from analysis.text import mask_numbers

ALLOWED_TAGS = frozenset({"p", "br", "b", "strong", "i", "em", "ul", "ol", "li", "blockquote", "a"})


@cache
def _cleaner() -> nh3.Cleaner:
    return nh3.Cleaner(
        tags=set(ALLOWED_TAGS),
        clean_content_tags={"script", "style"},
        attributes={"a": {"href"}},
        url_schemes={"http", "https"},
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
        url_relative="deny",
    )


def clean_html(html: str | None) -> Markup:
    """Sanitised HTML, marked safe for Jinja: the only input the templates render unescaped."""
    if not html:
        return Markup("")
    return Markup(_cleaner().clean(mask_numbers(html)))  # noqa: S704 - this *is* the sanitiser's output


def safe_url(url: str | None) -> str | None:
    """An item's source link, if it is http(s); ``javascript:`` and friends become no link."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None
