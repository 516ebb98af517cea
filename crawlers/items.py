"""The item every spider yields: the normalised record ``store.items.save_item`` takes.

Field names are the record keys of reference/sources.md §7 as ``save_item`` reads them,
plus ``cursor_key``: the watermark key (e.g. a forum id) the item advances, which the
pipeline uses and does not store.
"""

from __future__ import annotations

from typing import Any

import scrapy

RECORD_FIELDS = (
    "source", "source_id", "kind", "title", "content", "content_html", "author_name", "author_id",
    "author_meta", "published_at", "target_org", "request_type", "domain", "status", "status_raw",
    "reply_org", "reply_text", "replied_at", "district", "metrics", "raw", "url", "parent_id",
)  # fmt: skip


class OpinionItem(scrapy.Item):
    source = scrapy.Field()
    source_id = scrapy.Field()
    kind = scrapy.Field()
    title = scrapy.Field()
    content = scrapy.Field()
    content_html = scrapy.Field()
    author_name = scrapy.Field()
    author_id = scrapy.Field()
    author_meta = scrapy.Field()
    published_at = scrapy.Field()
    target_org = scrapy.Field()
    request_type = scrapy.Field()
    domain = scrapy.Field()
    status = scrapy.Field()
    status_raw = scrapy.Field()
    reply_org = scrapy.Field()
    reply_text = scrapy.Field()
    replied_at = scrapy.Field()
    district = scrapy.Field()
    metrics = scrapy.Field()
    raw = scrapy.Field()
    url = scrapy.Field()
    parent_id = scrapy.Field()
    cursor_key = scrapy.Field()

    @classmethod
    def from_record(cls, record: dict[str, Any], cursor_key: str | None = None) -> OpinionItem:
        return cls(**{k: v for k, v in record.items() if k in RECORD_FIELDS}, cursor_key=cursor_key)

    def record(self) -> dict[str, Any]:
        """The dict ``save_item`` takes (without the crawl-only ``cursor_key``)."""
        return {k: v for k, v in self.items() if k != "cursor_key"}
