"""The crawl's ledger: its ``crawl_run`` row, one ``fetch_attempt`` per response, watermarks.

A Scrapy extension, so the spider, middlewares and pipeline share one database handle
and one run id (they find it with ``crawler.get_extension(RunLedger)``). Scrapy only
logs failed requests; writing them here is what makes a lost page visible
(reliability-security.md §1.2: "none of these reach our data unless ... a ledger outcome").
"""

from __future__ import annotations

import logging
from collections import Counter
from typing import Any

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

from config import Settings
from crawlers.normalise import to_int
from crawlers.sources import ensure_sources, load_sources
from store.db import make_engine, make_session_factory, session_scope
from store.models import CrawlRun, FetchAttempt, Source
from store.types import utcnow

log = logging.getLogger(__name__)

OK = "ok"
MAX_REPORTED = 50  # rejected items listed on a run; the count is in "errors"
# Counters the pipeline and spider keep in the Scrapy stats under this prefix.
STAT_PREFIX = "yuqing/"
SUMMARY_COUNTERS = (
    "stored", "duplicate", "updated", "revised", "errors", "pages", "details",
    "list_failures", "detail_failures", "dispatched", "dispatch_errors",
)  # fmt: skip


class RunLedger:
    """Records one crawl run. Built from the ``YUQING_SETTINGS``/``YUQING_SOURCE`` settings."""

    def __init__(self, crawler: Crawler, settings: Settings, source_key: str) -> None:
        self.crawler = crawler
        self.settings = settings
        self.source_key = source_key
        self.engine = make_engine(settings)
        self.factory = make_session_factory(self.engine)
        with session_scope(self.factory) as session:
            source = ensure_sources(session, load_sources(settings))[source_key]
            run = CrawlRun(source_id=source.id, status="running", stats={})
            session.add(run)
            session.flush()
            self.source_id: int = source.id
            self.run_id: int = run.id
            self.watermark: dict[str, Any] = dict(source.watermark or {})
        self.outcomes: Counter[str] = Counter()
        self._completed: dict[str, int] = {}
        self._failed: dict[str, str] = {}
        self._gaps: dict[str, str] = {}
        self._rejected: dict[str, str] = {}
        self.summary: dict[str, Any] | None = None
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)
        log.info("crawl run %d of %s started", self.run_id, source_key)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RunLedger:
        settings = crawler.settings.get("YUQING_SETTINGS")
        source_key = crawler.settings.get("YUQING_SOURCE")
        if not isinstance(settings, Settings) or not source_key:
            raise NotConfigured("RunLedger needs YUQING_SETTINGS and YUQING_SOURCE (use crawlers.run)")
        return cls(crawler, settings, str(source_key))

    @staticmethod
    def of(crawler: Crawler) -> RunLedger:
        """The ledger of a crawl; a component that needs it fails loudly without it."""
        ledger = crawler.get_extension(RunLedger)
        if ledger is None:
            raise NotConfigured("the RunLedger extension is not enabled (run crawls through crawlers.run)")
        return ledger

    # --- fetch attempts ------------------------------------------------------------------
    def record_fetch(self, url: str, outcome: str, *, status: int | None = None, reason: str | None = None) -> int:
        with session_scope(self.factory) as session:
            attempt = FetchAttempt(run_id=self.run_id, url=url, status_code=status, outcome=outcome, reason=reason)
            session.add(attempt)
            session.flush()
            attempt_id = attempt.id
        self._count(outcome, +1)
        if outcome != OK:
            log.warning("fetch %s: %s%s", outcome, url, f" ({reason})" if reason else "")
        return attempt_id

    def amend_fetch(self, attempt_id: int | None, outcome: str, reason: str, url: str = "") -> None:
        """Re-classify a recorded response once its content is known (a parse failure, a block page).

        Without an id (nothing was recorded) a new row is written, so no outcome is lost.
        """
        if attempt_id is None:
            self.record_fetch(url, outcome, reason=reason)
            return
        with session_scope(self.factory) as session:
            attempt = session.get(FetchAttempt, attempt_id)
            if attempt is None:
                return
            previous = attempt.outcome
            attempt.outcome, attempt.reason = outcome, reason
            url = attempt.url
        self._count(previous, -1)
        self._count(outcome, +1)
        log.warning("fetch %s: %s (%s)", outcome, url, reason)

    def _count(self, outcome: str, delta: int) -> None:
        self.outcomes[outcome] += delta
        self.crawler.stats.inc_value(f"{STAT_PREFIX}fetch/{outcome}", delta)

    # --- watermarks ------------------------------------------------------------------------
    def cursor(self, key: str) -> int | None:
        """The highest id stored for ``key`` by earlier runs (None: never crawled)."""
        return to_int(self.watermark.get(key))

    def complete(self, key: str, highest: int | None) -> None:
        """``key`` was crawled to its end (or to the watermark); ``highest`` is the newest id seen."""
        if highest is not None:
            self._completed[key] = max(highest, self._completed.get(key, highest))
        else:
            self._completed.setdefault(key, 0)

    def fail(self, key: str | None, reason: str) -> None:
        """Something of ``key`` was not stored: its watermark must not move this run."""
        if key is not None and key not in self._failed:
            self._failed[key] = reason
            log.warning("%s %s: watermark held (%s)", self.source_key, key, reason)

    def gap(self, key: str, reason: str) -> None:
        """Messages of ``key`` between the old watermark and this run's oldest were skipped.

        The watermark still moves (holding it would repeat the same capped walk forever);
        the gap is reported on the run so an operator can re-crawl with a higher limit.
        """
        self._gaps[key] = reason
        log.warning("%s %s: gap (%s)", self.source_key, key, reason)

    def reject(self, source_id: str, reason: str) -> None:
        """An item the store refuses as invalid: reported on the run, but it holds no watermark.

        Re-crawling cannot repair bad data at the source, so holding the watermark would only
        repeat the same refusal on every run.
        """
        if len(self._rejected) < MAX_REPORTED:
            self._rejected[source_id] = reason

    def advanced_watermarks(self) -> dict[str, int]:
        """New values for keys that finished cleanly and moved forward."""
        result: dict[str, int] = {}
        for key, highest in self._completed.items():
            if key in self._failed:
                continue
            old = self.cursor(key)
            if highest and (old is None or highest > old):
                result[key] = highest
        return result

    # --- closing -----------------------------------------------------------------------
    def spider_closed(self, spider: Spider, reason: str) -> None:
        summary = self.summarise(reason)
        try:
            with session_scope(self.factory) as session:
                source = session.get(Source, self.source_id)
                if source is not None:
                    if reason == "finished" and summary["watermark_advanced"]:
                        merged = dict(source.watermark or {})
                        for key, value in summary["watermark_advanced"].items():
                            merged[key] = max(value, to_int(merged.get(key)) or 0)
                        source.watermark = merged
                    source.last_crawled_at = utcnow()
                run = session.get(CrawlRun, self.run_id)
                if run is not None:
                    run.finished_at = utcnow()
                    run.status = summary["status"]
                    run.stats = summary
                    run.error = summary["error"]
        finally:
            self.summary = summary
            self.engine.dispose()
        log.info("crawl run %d of %s %s: %s", self.run_id, self.source_key, summary["status"], summary)

    def abandon(self, error: str) -> None:
        """Close a run that ended without ``spider_closed`` (a crash): failed, watermarks untouched."""
        if self.summary is not None:
            return
        summary = self.summarise("crashed")
        summary["error"] = error[-4000:]
        try:
            with session_scope(self.factory) as session:
                run = session.get(CrawlRun, self.run_id)
                if run is not None:
                    run.finished_at, run.status, run.stats, run.error = utcnow(), "failed", summary, summary["error"]
        finally:
            self.summary = summary
            self.engine.dispose()

    def summarise(self, reason: str) -> dict[str, Any]:
        stats = self.crawler.stats
        counts = {name: int(stats.get_value(STAT_PREFIX + name, 0)) for name in SUMMARY_COUNTERS}
        fetches = {k: v for k, v in self.outcomes.items() if v}
        not_ok = sum(v for k, v in fetches.items() if k != OK)
        advanced = self.advanced_watermarks() if reason == "finished" else {}
        if reason != "finished":
            status, error = "failed", f"crawl closed early: {reason}"
        elif self._failed or self._gaps or counts["errors"] or not_ok:
            status = "partial"
            problems = {**self._gaps, **self._failed, **{f"item {k}": v for k, v in self._rejected.items()}}
            error = "; ".join(f"{k}: {v}" for k, v in problems.items()) or None
        else:
            status, error = "ok", None
        start, finish = stats.get_value("start_time"), utcnow()
        return {
            "run_id": self.run_id,
            "source": self.source_key,
            "status": status,
            "finish_reason": reason,
            "error": error,
            **counts,
            "fetches": fetches,
            "requests": int(stats.get_value("downloader/request_count", 0)),
            "retries": int(stats.get_value("retry/count", 0)),
            "watermark_advanced": advanced,
            "watermark_held": dict(self._failed),
            "gaps": dict(self._gaps),
            "rejected": dict(self._rejected),
            "elapsed_seconds": round((finish - start).total_seconds(), 3) if start else None,
        }
