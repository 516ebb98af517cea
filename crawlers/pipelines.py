"""Store each item in its own short transaction and hand new work to the analysis queue.

``save_item`` writes the item and its analysis task together, so committing per item
means a crash loses at most the item in flight, and nothing stored lacks its task.
Dispatching to RQ happens every ``DISPATCH_EVERY`` new items and when the spider closes;
a Redis failure only delays analysis: the outbox keeps the tasks and the sweeper
re-drives them when their lease expires.
"""

from __future__ import annotations

import logging

import redis
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem
from sqlalchemy.exc import SQLAlchemyError

from config import Settings
from crawlers.items import OpinionItem
from crawlers.ledger import STAT_PREFIX, RunLedger
from store.db import session_scope
from store.items import ItemError, save_item
from store.outbox import dispatch
from store.queue import connect

log = logging.getLogger(__name__)

DISPATCH_EVERY = 25


class StorePipeline:
    def __init__(self, crawler: Crawler, ledger: RunLedger, settings: Settings, dispatch_every: int) -> None:
        self.crawler = crawler
        self.ledger = ledger
        self.settings = settings
        self.dispatch_every = max(1, dispatch_every)
        self._redis: redis.Redis | None = None
        self._since_dispatch = 0

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StorePipeline:
        ledger = RunLedger.of(crawler)
        every = crawler.settings.getint("YUQING_DISPATCH_EVERY", DISPATCH_EVERY)
        return cls(crawler, ledger, ledger.settings, every)

    def process_item(self, item: OpinionItem) -> OpinionItem:
        record = item.record()
        key = item.get("cursor_key")
        try:
            with session_scope(self.ledger.factory) as session:
                result = save_item(session, record)
        except ItemError as exc:
            # Bad data at the source: report it, but a re-crawl cannot fix it, so no watermark is held.
            self._inc("errors")
            self.ledger.reject(str(record.get("source_id")), str(exc))
            log.error("item %s/%s rejected: %s", record.get("source"), record.get("source_id"), exc)
            raise DropItem(f"rejected: {exc}") from exc
        except SQLAlchemyError as exc:
            # The database failed: hold this key's watermark so the next run fetches the item again.
            self._inc("errors")
            self.ledger.fail(key, f"item {record.get('source_id')} not stored: {exc}")
            log.error("item %s/%s not stored: %s", record.get("source"), record.get("source_id"), exc)
            raise DropItem(f"not stored: {exc}") from exc
        self._inc(result.outcome)
        if result.outcome in ("stored", "revised"):
            self._since_dispatch += 1
            if self._since_dispatch >= self.dispatch_every:
                self.dispatch()
        return item

    def close_spider(self) -> None:
        self.dispatch()
        if self._redis is not None:
            self._redis.close()

    def dispatch(self) -> int:
        """Hand pending tasks to RQ now; returns how many went (0 when Redis is unreachable)."""
        self._since_dispatch = 0
        try:
            if self._redis is None:
                self._redis = connect(self.settings)
            count = dispatch(self.ledger.factory, self._redis, self.settings)
        except (redis.RedisError, OSError) as exc:
            self._inc("dispatch_errors")
            log.warning("could not hand tasks to the queue (the sweeper will re-drive them): %s", exc)
            return 0
        self._inc("dispatched", count)
        return count

    def _inc(self, name: str, count: int = 1) -> None:
        self.crawler.stats.inc_value(STAT_PREFIX + name, count)
