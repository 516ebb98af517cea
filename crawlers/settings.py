"""Scrapy settings for every yuqing crawl: polite, bounded, nothing listening.

Module-level names are the project defaults; ``build_settings`` overlays what comes from
our own ``Settings`` (delay, user agent) and names the source to crawl. Scrapy's own
defaults are not enough: ``ROBOTSTXT_OBEY`` is False outside a project template, the
telnet console and the 2.19 ``RemoteControl`` extension open local ports that run code,
and the HTTP cache replays cached 500s forever (reliability-security.md §1.2).
"""

from __future__ import annotations

from scrapy.settings import Settings as ScrapySettings

from config import Settings
from config.rules import RuleFileError
from crawlers.sources import SourceConfigError, get_source

BOT_NAME = "yuqing"
SPIDER_MODULES = ["crawlers.spiders"]
NEWSPIDER_MODULE = "crawlers.spiders"

ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 8
CONCURRENT_REQUESTS_PER_DOMAIN = 2
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
AUTOTHROTTLE_MAX_DELAY = 60.0
DOWNLOAD_DELAY_JITTER = 0.5  # ±50 % around DOWNLOAD_DELAY

DOWNLOAD_TIMEOUT = 30
DNS_TIMEOUT = 20
DOWNLOAD_MAXSIZE = 5 * 1024 * 1024
DOWNLOAD_WARNSIZE = 1024 * 1024

RETRY_ENABLED = True
RETRY_TIMES = 2
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
YUQING_RETRY_BACKOFF_MAX = 60.0

# Nothing listens, nothing is cached, nothing is exported: the store is the only output.
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False
HTTPCACHE_ENABLED = False
FEEDS: dict[str, dict[str, str]] = {}
EXTENSIONS = {
    "scrapy.extensions.telnet.TelnetConsole": None,
    "scrapy.extensions.remote_control.RemoteControl": None,
    "crawlers.ledger.RunLedger": 100,
}
DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "crawlers.middlewares.BackoffRetryMiddleware": 550,
    "crawlers.middlewares.FetchRecorderMiddleware": 950,
}
ITEM_PIPELINES = {"crawlers.pipelines.StorePipeline": 300}

CLOSESPIDER_ERRORCOUNT = 20
CLOSESPIDER_TIMEOUT = 1800
COOKIES_ENABLED = True
LOG_LEVEL = "INFO"
MEMUSAGE_ENABLED = False
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"


def build_settings(settings: Settings, source_key: str) -> ScrapySettings:
    """The Scrapy settings of one crawl of ``source_key``."""
    scrapy_settings = ScrapySettings()
    scrapy_settings.setmodule("crawlers.settings", priority="project")
    delay = max(settings.crawl.download_delay, _min_delay(settings, source_key))
    scrapy_settings.setdict(
        {
            "USER_AGENT": settings.crawl.user_agent,
            "DOWNLOAD_DELAY": delay,
            # AutoThrottle starts here and adapts to latency; never below DOWNLOAD_DELAY.
            "AUTOTHROTTLE_START_DELAY": delay * 2,
            "YUQING_RETRY_BACKOFF_BASE": max(delay * 2, 0.2),
            "YUQING_SETTINGS": settings,
            "YUQING_SOURCE": source_key,
            "LOG_LEVEL": settings.log_level.upper(),
        },
        priority="cmdline",
    )
    return scrapy_settings


def _min_delay(settings: Settings, source_key: str) -> float:
    """A real site's own floor (``min_download_delay`` in sources.yaml), e.g. Weibo's ~3 s per request.

    The sample site is ours and local, so its crawls keep the configured delay (0 in the demo).
    """
    try:
        source = get_source(settings, source_key)
    except (SourceConfigError, RuleFileError):
        return 0.0
    if source.uses_sample_site:
        return 0.0
    return float(source.options.get("min_download_delay") or 0.0)
