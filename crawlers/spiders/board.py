"""The walk every HTML message board shares: list pages newest first, then each new detail page.

A board spider names its parser module (``LIST_PATH``, ``parse_list``,
``parse_detail``). The list is followed by its "下一页" link until an entry at or below
the board's watermark (the highest id stored), the last page, or ``max_pages``. Pages
are decoded from their bytes (crawlers/decoding.py), so a GBK board with no charset in
its header reads right. A broken list page stops the walk and holds the watermark; a
broken detail page is recorded and its list entry stored alone, so nothing is lost.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from types import ModuleType
from typing import Any

import scrapy
from scrapy.http import Response
from twisted.python.failure import Failure

from crawlers.decoding import decode_html
from crawlers.items import OpinionItem
from crawlers.middlewares import ATTEMPT_META
from crawlers.parsers.board import BoardDetail, ListEntry, build_record
from crawlers.parsers.people_liuyan import PageError
from crawlers.spiders.base import WatermarkSpider
from store.types import utcnow

WATERMARK_KEY = "board"


class BoardSpider(WatermarkSpider):
    """Abstract: subclasses set ``name`` and ``parser``."""

    parser: ModuleType
    watermark_key = WATERMARK_KEY

    def __init__(self, base_url: str, list_path: str | None = None, **kwargs: Any) -> None:
        super().__init__(base_url, **kwargs)
        self.list_path = list_path or self.parser.LIST_PATH

    async def start(self) -> AsyncIterator[scrapy.Request]:
        self.load_cursor()
        yield self.list_request(f"{self.base_url}{self.list_path}")

    def list_request(self, url: str) -> scrapy.Request:
        return scrapy.Request(url, callback=self.parse_list, errback=self.list_failed, dont_filter=True)

    def parse_list(self, response: Response) -> Iterator[scrapy.Request]:
        decoded = decode_html(response.body, response.headers.get("Content-Type"))
        try:
            page = self.parser.parse_list(decoded.text, response.url)
        except PageError as exc:
            self.inc("list_failures")
            self.ledger.amend_fetch(response.meta.get(ATTEMPT_META), exc.outcome, exc.reason, response.url)
            self.ledger.fail(WATERMARK_KEY, f"list page {self.pages + 1}: {exc.reason}")
            return
        self.pages += 1
        self.inc("pages")
        reached = False
        for entry in page.entries:
            if self.is_old(entry.number):
                reached = True
                continue
            yield scrapy.Request(
                entry.url,
                callback=self.parse_detail,
                errback=self.detail_failed,
                meta={"entry": entry},
                headers={"Referer": response.url},
            )
        if self.walk_on(bool(page.next_url and page.entries), reached):
            yield self.list_request(str(page.next_url))

    def list_failed(self, failure: Failure) -> None:
        self.inc("list_failures")
        self.ledger.fail(WATERMARK_KEY, f"list request failed: {failure.getErrorMessage()}")

    def parse_detail(self, response: Response) -> Iterator[OpinionItem]:
        entry: ListEntry = response.meta["entry"]
        decoded = decode_html(response.body, response.headers.get("Content-Type"))
        fetch: dict[str, Any] = {"status": response.status, "encoding": decoded.encoding}
        attempt = response.meta.get(ATTEMPT_META)
        try:
            detail: BoardDetail | None = self.parser.parse_detail(decoded.text)
        except PageError as exc:
            detail = None
            fetch.update(outcome=exc.outcome, reason=exc.reason)
            self.inc("detail_failures")
            self.ledger.amend_fetch(attempt, exc.outcome, exc.reason, response.url)
        else:
            self.inc("details")
            if decoded.suspect:
                reason = f"{decoded.replacement_ratio:.1%} undecodable characters as {decoded.encoding}"
                fetch.update(outcome="encoding_suspect", reason=reason)
                self.ledger.amend_fetch(attempt, "encoding_suspect", reason, response.url)
        yield self._item(entry, detail, fetch)

    def detail_failed(self, failure: Failure) -> Iterator[OpinionItem]:
        """The detail page never arrived (HTTP error, gave up, robots): store the list entry alone."""
        self.inc("detail_failures")
        reason = f"{failure.type.__name__}: {failure.getErrorMessage()}" if failure.type else "unknown"
        yield self._item(failure.request.meta["entry"], None, {"outcome": "failed", "reason": reason})  # type: ignore[attr-defined]

    def _item(self, entry: ListEntry, detail: BoardDetail | None, fetch: dict[str, Any]) -> OpinionItem:
        record = build_record(self.parser.SOURCE_KEY, entry, detail, captured_at=utcnow(), detail_meta=fetch)
        return OpinionItem.from_record(record, cursor_key=WATERMARK_KEY)
