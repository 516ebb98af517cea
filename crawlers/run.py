"""Run one crawl and return its summary.

Twisted's reactor cannot be restarted inside a process, so ``run_crawl`` always runs the
crawl in a fresh child process and waits for it. Children come from a multiprocessing
fork server: a clean process (never a fork of the caller, so no copied connections,
threads or reactor) that imports Scrapy once, which saves about a second per crawl;
"spawn" where fork servers are unavailable. ``crawl_in_process`` is the body that runs
in the child; call it directly only from a process that exits after one crawl.
"""

from __future__ import annotations

import logging
import multiprocessing
import threading
import traceback
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING, Any

from config import Settings
from crawlers.sources import get_source

if TYPE_CHECKING:
    from crawlers.ledger import RunLedger

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT = 3600.0
# Imported once by the fork server; none of them connects or installs a reactor on import.
PRELOAD = (
    "crawlers.run", "scrapy.crawler", "crawlers.ledger", "crawlers.middlewares", "crawlers.pipelines",
    "crawlers.spiders.people_liuyan", "crawlers.spiders.weibo", "crawlers.spiders.enorth_zmljl",
    "crawlers.spiders.tjcac_zmhd",
)  # fmt: skip


class CrawlError(RuntimeError):
    """The crawl could not run at all (bad source, crashed or hung child process)."""


def run_crawl(
    settings: Settings, source_key: str, base_url: str | None = None, *, timeout: float = DEFAULT_TIMEOUT
) -> dict[str, Any]:
    """Crawl ``source_key`` in a child process; returns the run summary.

    The summary has ``run_id``, ``status`` (ok / partial / failed), the outcome counts
    ``stored``, ``duplicate``, ``updated``, ``revised``, ``errors``, plus ``pages``,
    ``details``, ``fetches`` (per outcome), ``dispatched`` and ``elapsed_seconds``. A
    crawl that ran but met errors returns normally with status partial/failed;
    ``CrawlError`` means it could not run.
    """
    source = get_source(settings, source_key)
    source.resolve_base_url(base_url)  # fail fast, before starting a process
    ctx = _context()
    receiver, sender = ctx.Pipe(duplex=False)
    child = ctx.Process(
        target=_child_main, args=(settings, source_key, base_url, sender), name=f"yuqing-crawl-{source_key}"
    )
    child.start()
    sender.close()
    try:
        if not receiver.poll(timeout):
            child.terminate()  # SIGTERM: Scrapy closes the spider and the run is recorded as failed
            raise CrawlError(f"crawl of {source_key} did not finish within {timeout:.0f} s")
        kind, payload = receiver.recv()
    except EOFError as exc:
        child.join(30)
        raise CrawlError(f"crawl process of {source_key} died (exit code {child.exitcode})") from exc
    finally:
        receiver.close()
        child.join(30)
        if child.is_alive():
            child.kill()
            child.join(5)
    if kind == "error":
        raise CrawlError(f"crawl of {source_key} failed:\n{payload}")
    log.info("crawl of %s: %s", source_key, {k: payload.get(k) for k in ("status", "stored", "duplicate", "errors")})
    return payload


def _context() -> Any:
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(list(PRELOAD))
        return ctx
    return multiprocessing.get_context("spawn")


def _child_main(settings: Settings, source_key: str, base_url: str | None, sender: Connection) -> None:
    try:
        summary = crawl_in_process(settings, source_key, base_url)
    except BaseException:
        sender.send(("error", traceback.format_exc()))
        raise
    else:
        sender.send(("ok", summary))
    finally:
        sender.close()


def crawl_in_process(settings: Settings, source_key: str, base_url: str | None = None) -> dict[str, Any]:
    """Run the crawl in this process (starts and stops the reactor: once per process)."""
    from scrapy.crawler import CrawlerProcess
    from scrapy.spiderloader import SpiderLoader

    from crawlers.settings import build_settings

    source = get_source(settings, source_key)
    scrapy_settings = build_settings(settings, source_key)
    spider_cls = SpiderLoader.from_settings(scrapy_settings).load(source.spider)
    process = CrawlerProcess(scrapy_settings)
    crawler = process.create_crawler(spider_cls)
    # Entries in sources.yaml become spider arguments; a per-source max_pages wins.
    arguments = {"max_pages": settings.crawl.max_pages, **source.options}
    process.crawl(crawler, base_url=source.resolve_base_url(base_url), **arguments)
    try:
        process.start(install_signal_handlers=threading.current_thread() is threading.main_thread())
    except BaseException as exc:
        _abandon(crawler, f"{type(exc).__name__}: {exc}")
        raise
    ledger = _ledger(crawler)
    if ledger is None or ledger.summary is None:
        _abandon(crawler, "the crawl ended without closing its spider")
        raise CrawlError(f"crawl of {source_key} ended without a run summary (see the log above)")
    return ledger.summary


def _ledger(crawler: Any) -> RunLedger | None:
    from crawlers.ledger import RunLedger

    try:
        return crawler.get_extension(RunLedger)
    except RuntimeError:  # the crawl failed before its extensions were built
        return None


def _abandon(crawler: Any, error: str) -> None:
    """Mark the run row failed when the spider never closed, so no run stays "running"."""
    ledger = _ledger(crawler)
    if ledger is not None:
        ledger.abandon(error)
