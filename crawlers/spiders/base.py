"""What the newest-first spiders share: one watermark key, a page budget, the run's ledger.

A walk goes from the newest entry down to the watermark (the highest id an earlier run
stored); only a walk that finished may move it, and a walk cut short by ``max_pages``
after an earlier run is reported as a gap, as in the 人民网 spider.
"""

from __future__ import annotations

from typing import Any

import scrapy

from crawlers.ledger import STAT_PREFIX, RunLedger


class WatermarkSpider(scrapy.Spider):
    """Abstract: subclasses set ``name`` and walk one ``watermark_key``."""

    def __init__(self, base_url: str, max_pages: int | str = 50, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.base_url = base_url.rstrip("/")
        self.max_pages = max(1, int(max_pages))
        self.cursor: int | None = None
        self.pages = 0
        self.highest: int | None = None

    @property
    def watermark_key(self) -> str:
        raise NotImplementedError

    @property
    def ledger(self) -> RunLedger:
        return RunLedger.of(self.crawler)

    def load_cursor(self) -> None:
        self.cursor = self.ledger.cursor(self.watermark_key)

    def is_old(self, number: int) -> bool:
        """True for an entry an earlier run stored; a new one raises this run's high mark."""
        if self.cursor is not None and number <= self.cursor:
            return True
        self.highest = max(number, self.highest or number)
        return False

    def walk_on(self, more: bool, reached: bool) -> bool:
        """Whether to fetch the next list page; when not, the walk is closed on the ledger."""
        if more and not reached and self.pages < self.max_pages:
            return True
        if more and not reached and self.cursor is not None:
            reason = f"max_pages={self.max_pages} reached before the watermark {self.cursor}"
            self.ledger.gap(self.watermark_key, reason)
        self.ledger.complete(self.watermark_key, self.highest)
        return False

    def inc(self, name: str) -> None:
        self.crawler.stats.inc_value(STAT_PREFIX + name)
