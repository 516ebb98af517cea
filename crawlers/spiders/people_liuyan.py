"""人民网领导留言板, Gen A legacy form API (reference/sources.md §1.2).

Per forum id: POST the list API with a ``lastItem`` cursor (the last tid received, "0"
first) until the list is empty, the messages reach the forum's watermark (the highest
tid stored by earlier runs), or ``max_pages``. Every new message's detail page is then
fetched and merged with the list entry; if the detail page fails, the list entry is
stored alone, so nothing the list carried is lost.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from typing import Any

import scrapy
from scrapy.http import Response
from twisted.python.failure import Failure

from crawlers.decoding import decode_html
from crawlers.items import OpinionItem
from crawlers.ledger import STAT_PREFIX, RunLedger
from crawlers.middlewares import ATTEMPT_META
from crawlers.normalise import to_int
from crawlers.parsers import people_liuyan as parser
from store.types import utcnow


@dataclass
class ForumProgress:
    """How far one forum got in this run; only a clean finish may move its watermark."""

    fid: str
    cursor: int | None
    pages: int = 0
    highest: int | None = None


class PeopleLiuyanSpider(scrapy.Spider):
    name = "people_liuyan"

    def __init__(
        self,
        base_url: str,
        fids: list[str] | str,
        state: str = "1",
        max_pages: int | str = 50,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.base_url = base_url.rstrip("/")
        self.fids = [f.strip() for f in fids.split(",")] if isinstance(fids, str) else [str(f) for f in fids]
        self.state = str(state)
        self.max_pages = max(1, int(max_pages))
        self.progress: dict[str, ForumProgress] = {}

    @property
    def ledger(self) -> RunLedger:
        return RunLedger.of(self.crawler)

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for fid in self.fids:
            self.progress[fid] = ForumProgress(fid, self.ledger.cursor(fid))
            yield self.list_request(fid, "0")

    def list_request(self, fid: str, last_item: str) -> scrapy.FormRequest:
        return scrapy.FormRequest(
            f"{self.base_url}{parser.LIST_PATH}",
            formdata={"fid": fid, "lastItem": last_item, "state": self.state},
            headers={
                "X-Requested-With": "XMLHttpRequest",
                "Referer": f"{self.base_url}{parser.FORUM_PATH}?fid={fid}",
                "Accept": "application/json, text/javascript, */*; q=0.01",
            },
            callback=self.parse_list,
            errback=self.list_failed,
            meta={"fid": fid},
            dont_filter=True,
        )

    def parse_list(self, response: Response) -> Iterator[scrapy.Request]:
        fid = response.meta["fid"]
        forum = self.progress[fid]
        decoded = decode_html(response.body, response.headers.get("Content-Type"))
        try:
            entries = parser.parse_list(decoded.text)
        except parser.PageError as exc:
            self._list_broken(fid, exc.outcome, exc.reason, response)
            return
        forum.pages += 1
        self._inc("pages")
        reached_watermark = False
        for entry in entries:
            tid = to_int(entry["tid"])
            assert tid is not None  # parse_list guarantees numeric tids
            if forum.cursor is not None and tid <= forum.cursor:
                reached_watermark = True
                continue
            forum.highest = max(tid, forum.highest or tid)
            yield scrapy.Request(
                parser.detail_url(self.base_url, tid),
                callback=self.parse_detail,
                errback=self.detail_failed,
                meta={"fid": fid, "entry": entry},
                headers={"Referer": f"{self.base_url}{parser.FORUM_PATH}?fid={fid}"},
            )
        if not entries or reached_watermark or forum.pages >= self.max_pages:
            if entries and not reached_watermark:
                self._capped(forum, entries[-1]["tid"])
            self.ledger.complete(fid, forum.highest)
            return
        yield self.list_request(fid, str(entries[-1]["tid"]))

    def _capped(self, forum: ForumProgress, oldest_seen: Any) -> None:
        """``max_pages`` stopped the walk: a first crawl's backfill horizon, or a gap in a later one."""
        if forum.cursor is None:
            self.logger.info("forum %s: first crawl stopped at max_pages=%d", forum.fid, self.max_pages)
            return
        self.ledger.gap(
            forum.fid,
            f"max_pages={self.max_pages} reached: tids between {forum.cursor} and {oldest_seen} not fetched",
        )

    def list_failed(self, failure: Failure) -> None:
        request = failure.request  # type: ignore[attr-defined]
        self._list_broken(request.meta["fid"], None, f"list request failed: {failure.getErrorMessage()}", None)

    def _list_broken(self, fid: str, outcome: str | None, reason: str, response: Response | None) -> None:
        """A list page is unusable: this forum stops here and keeps its old watermark."""
        self._inc("list_failures")
        if response is not None and outcome is not None:
            self.ledger.amend_fetch(response.meta.get(ATTEMPT_META), outcome, reason, response.url)
        self.ledger.fail(fid, reason)

    def parse_detail(self, response: Response) -> Iterator[OpinionItem]:
        entry, fid = response.meta["entry"], response.meta["fid"]
        decoded = decode_html(response.body, response.headers.get("Content-Type"))
        fetch: dict[str, Any] = {"status": response.status, "encoding": decoded.encoding}
        try:
            detail: parser.DetailPage | None = parser.parse_detail(decoded.text)
        except parser.PageError as exc:
            detail = None
            fetch.update(outcome=exc.outcome, reason=exc.reason)
            self._inc("detail_failures")
            self.ledger.amend_fetch(response.meta.get(ATTEMPT_META), exc.outcome, exc.reason, response.url)
        else:
            self._inc("details")
            if decoded.suspect:
                reason = f"{decoded.replacement_ratio:.1%} undecodable characters as {decoded.encoding}"
                fetch.update(outcome="encoding_suspect", reason=reason)
                self.ledger.amend_fetch(response.meta.get(ATTEMPT_META), "encoding_suspect", reason, response.url)
        yield self._item(entry, fid, detail, fetch)

    def detail_failed(self, failure: Failure) -> Iterator[OpinionItem]:
        """The detail page never arrived (HTTP error, gave up, robots): store the list entry alone."""
        request = failure.request  # type: ignore[attr-defined]
        self._inc("detail_failures")
        reason = f"{failure.type.__name__}: {failure.getErrorMessage()}" if failure.type else "unknown"
        yield self._item(request.meta["entry"], request.meta["fid"], None, {"outcome": "failed", "reason": reason})

    def _item(
        self, entry: dict[str, Any], fid: str, detail: parser.DetailPage | None, fetch: dict[str, Any]
    ) -> OpinionItem:
        record = parser.build_record(
            entry, detail, base_url=self.base_url, fid=fid, captured_at=utcnow(), detail_meta=fetch
        )
        return OpinionItem.from_record(record, cursor_key=fid)

    def _inc(self, name: str) -> None:
        self.crawler.stats.inc_value(STAT_PREFIX + name)
