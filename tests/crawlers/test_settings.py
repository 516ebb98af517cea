"""The effective Scrapy settings of a crawl: polite, bounded, nothing listening."""

from __future__ import annotations

from scrapy import Request
from scrapy.http import Response
from scrapy.utils.conf import build_component_list
from scrapy.utils.misc import build_from_crawler
from scrapy.utils.test import get_crawler

from config.settings import CrawlSettings, Settings
from crawlers.middlewares import BackoffRetryMiddleware
from crawlers.settings import build_settings


def test_effective_settings() -> None:
    s = build_settings(Settings(crawl=CrawlSettings(download_delay=1.5, user_agent="ua/1")), "people_liuyan")
    assert s.getbool("ROBOTSTXT_OBEY") is True
    assert s.getbool("TELNETCONSOLE_ENABLED") is False
    assert s.getbool("REMOTE_CONTROL_ENABLED") is False
    assert s.getbool("HTTPCACHE_ENABLED") is False
    assert s.getbool("AUTOTHROTTLE_ENABLED") is True
    assert s.getfloat("DOWNLOAD_DELAY") == 1.5 and s.get("USER_AGENT") == "ua/1"
    assert s.getint("DOWNLOAD_TIMEOUT") <= 60 and s.getint("CLOSESPIDER_ERRORCOUNT") > 0
    assert s.getint("DOWNLOAD_MAXSIZE") <= 10 * 1024 * 1024
    assert not s.getdict("FEEDS")
    extensions = build_component_list(s.getwithbase("EXTENSIONS"))
    assert "scrapy.extensions.remote_control.RemoteControl" not in extensions
    assert "scrapy.extensions.telnet.TelnetConsole" not in extensions
    assert "crawlers.ledger.RunLedger" in extensions
    middlewares = build_component_list(s.getwithbase("DOWNLOADER_MIDDLEWARES"))
    assert "scrapy.downloadermiddlewares.retry.RetryMiddleware" not in middlewares
    assert "crawlers.middlewares.BackoffRetryMiddleware" in middlewares
    assert {429, 500, 503} <= set(s.getlist("RETRY_HTTP_CODES"))


def test_backoff_grows_and_honours_retry_after() -> None:
    crawler = get_crawler(settings_dict={"YUQING_RETRY_BACKOFF_BASE": 2.0, "YUQING_RETRY_BACKOFF_MAX": 30.0})
    mw = build_from_crawler(BackoffRetryMiddleware, crawler)
    request = Request("http://127.0.0.1/x")
    delays = [mw.delay(request.replace(meta={"retry_times": n}), None) for n in (1, 2, 3, 6)]
    assert 1.8 <= delays[0] <= 2.2 and 3.6 <= delays[1] <= 4.4 and 7.2 <= delays[2] <= 8.8
    assert delays[3] == 30.0
    busy = Response("http://127.0.0.1/x", status=429, headers={"Retry-After": "7"})
    assert mw.delay(request.replace(meta={"retry_times": 1}), busy) == 7.0
    assert mw.delay(request, Response("http://127.0.0.1/x", status=503, headers={"Retry-After": "9999"})) == 30.0
