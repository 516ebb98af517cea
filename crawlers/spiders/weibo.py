"""The commission's Weibo account: timeline posts and their comments (reference/sources.md §4).

The timeline is walked newest first by ``since_id`` until a post at or below the
account's watermark (the highest mid stored), the end, or ``max_pages``. Pinned posts
(``isTop``) sit above newer ones, so they never stop the walk. Each new post is stored
(after its long text, when truncated), then its comments by the ``max_id`` cursor up to
``comment_pages``. Comments are only fetched for new posts: a second crawl asks for
nothing old.

A login wall (``ok=-100`` or a passport redirect) is recorded as a ``login_wall`` fetch
and on the run; what was fetched before it is kept. A broken page is a ``parse_error``
fetch and is skipped.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any, ClassVar
from urllib.parse import urlencode

import scrapy
from scrapy.http import Response
from twisted.python.failure import Failure

from crawlers.items import OpinionItem
from crawlers.middlewares import ATTEMPT_META
from crawlers.normalise import to_int
from crawlers.parsers import weibo as parser
from crawlers.parsers.people_liuyan import PageError
from crawlers.spiders.base import WatermarkSpider
from store.types import utcnow

JSON_HEADERS = {
    "Accept": "application/json, text/plain, */*",
    "X-Requested-With": "XMLHttpRequest",
    "MWeibo-Pwa": "1",
}


class WeiboSpider(WatermarkSpider):
    name = "weibo"
    # One request at a time: Weibo throttles per cookie/IP long before a site would.
    custom_settings: ClassVar[dict[str, Any]] = {"CONCURRENT_REQUESTS_PER_DOMAIN": 1}

    def __init__(self, base_url: str, uid: str | int, comment_pages: int | str = 3, **kwargs: Any) -> None:
        super().__init__(base_url, **kwargs)
        self.uid = str(uid)
        self.comment_pages = max(0, int(comment_pages))

    @property
    def watermark_key(self) -> str:
        return self.uid

    async def start(self) -> AsyncIterator[scrapy.Request]:
        self.load_cursor()
        yield self.timeline_request(None)

    def timeline_request(self, since_id: str | None) -> scrapy.Request:
        query = {"type": "uid", "value": self.uid, "containerid": f"{parser.TIMELINE_PREFIX}{self.uid}"}
        if since_id:
            query["since_id"] = since_id
        return scrapy.Request(
            f"{self.base_url}{parser.INDEX_PATH}?{urlencode(query)}",
            headers={**JSON_HEADERS, "Referer": f"{self.base_url}/u/{self.uid}"},
            callback=self.parse_timeline,
            errback=self.timeline_failed,
            dont_filter=True,
        )

    def parse_timeline(self, response: Response) -> Iterator[scrapy.Request | OpinionItem]:
        try:
            self._refuse_login_redirect(response)
            mblogs, since_id = parser.parse_timeline(response.text)
        except PageError as exc:
            self._page_broken(response, exc, "list_failures")
            self.ledger.fail(self.uid, f"timeline page {self.pages + 1}: {exc.reason}")
            return
        self.pages += 1
        self.inc("pages")
        reached = False
        for mblog in mblogs:
            mid = to_int(mblog.get("id"))
            assert mid is not None  # parse_timeline guarantees numeric ids
            if self.is_old(mid):
                reached = reached or not mblog.get("isTop")
                continue
            yield from self._post(mblog)
        if self.walk_on(bool(mblogs and since_id), reached):
            yield self.timeline_request(since_id)

    def timeline_failed(self, failure: Failure) -> None:
        self.inc("list_failures")
        self.ledger.fail(self.uid, f"timeline request failed: {failure.getErrorMessage()}")

    def _post(self, mblog: dict[str, Any]) -> Iterator[scrapy.Request | OpinionItem]:
        mid = str(mblog["id"])
        if not mblog.get("isLongText"):
            yield self._post_item(mblog, None)
            yield from self._comments_start(mblog)
            return
        yield scrapy.Request(
            f"{self.base_url}{parser.EXTEND_PATH}?{urlencode({'id': mid})}",
            headers={**JSON_HEADERS, "Referer": parser.post_url(self.base_url, mid)},
            callback=self.parse_long_text,
            errback=self.long_text_failed,
            meta={"mblog": mblog},
        )

    def parse_long_text(self, response: Response) -> Iterator[scrapy.Request | OpinionItem]:
        mblog = response.meta["mblog"]
        try:
            self._refuse_login_redirect(response)
            long_text: str | None = parser.parse_long_text(response.text)
            self.inc("details")
        except PageError as exc:
            self._page_broken(response, exc, "detail_failures")
            long_text = None  # the timeline's truncated text is still worth storing
        yield self._post_item(mblog, long_text)
        yield from self._comments_start(mblog)

    def long_text_failed(self, failure: Failure) -> Iterator[scrapy.Request | OpinionItem]:
        mblog = failure.request.meta["mblog"]  # type: ignore[attr-defined]
        self.inc("detail_failures")
        yield self._post_item(mblog, None)
        yield from self._comments_start(mblog)

    def _post_item(self, mblog: dict[str, Any], long_text: str | None) -> OpinionItem:
        record = parser.post_record(mblog, base_url=self.base_url, captured_at=utcnow(), long_text=long_text)
        return OpinionItem.from_record(record, cursor_key=self.uid)

    def _comments_start(self, mblog: dict[str, Any]) -> Iterator[scrapy.Request]:
        if self.comment_pages and (parser.to_count(mblog.get("comments_count")) or 0) > 0:
            yield self.comments_request(str(mblog["id"]), None, 1)

    def comments_request(self, mid: str, max_id: str | None, page: int) -> scrapy.Request:
        query = {"id": mid, "mid": mid, "max_id_type": "0"}
        if max_id:
            query["max_id"] = max_id
        return scrapy.Request(
            f"{self.base_url}{parser.COMMENTS_PATH}?{urlencode(query)}",
            headers={**JSON_HEADERS, "Referer": parser.post_url(self.base_url, mid)},
            callback=self.parse_comments,
            errback=self.comments_failed,
            meta={"mid": mid, "page": page},
            dont_filter=True,
        )

    def parse_comments(self, response: Response) -> Iterator[scrapy.Request | OpinionItem]:
        mid, page = response.meta["mid"], response.meta["page"]
        try:
            self._refuse_login_redirect(response)
            comments, max_id = parser.parse_comments(response.text)
        except PageError as exc:
            self._page_broken(response, exc, "detail_failures")
            # The post is stored and below the watermark from now on: report what it lacks.
            self.ledger.gap(f"comments {mid}", f"page {page}: {exc.reason}")
            return
        self.inc("details")
        now = utcnow()
        for comment in comments:
            record = parser.comment_record(comment, post_mid=mid, base_url=self.base_url, captured_at=now)
            yield OpinionItem.from_record(record, cursor_key=self.uid)
        if max_id and comments and page < self.comment_pages:
            yield self.comments_request(mid, max_id, page + 1)

    def comments_failed(self, failure: Failure) -> None:
        request = failure.request  # type: ignore[attr-defined]
        self.inc("detail_failures")
        self.ledger.gap(f"comments {request.meta['mid']}", f"page {request.meta['page']}: {failure.getErrorMessage()}")

    @staticmethod
    def _refuse_login_redirect(response: Response) -> None:
        """A visitor without a cookie is redirected to the passport instead of getting JSON."""
        urls = [response.url, *response.meta.get("redirect_urls", [])]
        if any(parser.is_login_url(url) for url in urls):
            raise PageError(parser.LOGIN_WALL, f"redirected to a login page: {response.url}")

    def _page_broken(self, response: Response, exc: PageError, counter: str) -> None:
        self.inc(counter)
        if exc.outcome == parser.LOGIN_WALL:
            self.inc("login_walls")
        self.ledger.amend_fetch(response.meta.get(ATTEMPT_META), exc.outcome, exc.reason, response.url)
