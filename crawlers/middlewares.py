"""Downloader middlewares: a fetch_attempt row for every response, retries with backoff.

``FetchRecorderMiddleware`` sits next to the downloader (950), so it sees every raw
response and network error, including the ones that will be retried. The retry
middleware replaces Scrapy's (which retries at once) with exponential backoff that
honours ``Retry-After``, and marks the last attempt ``gave_up`` when retries run out.
"""

from __future__ import annotations

import random
from typing import Any

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.exceptions import DownloadCancelledError, IgnoreRequest
from scrapy.http import Response
from scrapy.settings import BaseSettings
from scrapy.utils.asyncio import sleep
from scrapy.utils.response import response_status_message

from crawlers.ledger import RunLedger

ATTEMPT_META = "yuqing_attempt_id"


def classify_response(request: Request, response: Response) -> tuple[str, str | None]:
    """The ledger outcome of an HTTP response, judged from the status line alone.

    Content problems (block pages, parse failures, bad encodings) are found by the
    spider, which amends the row.
    """
    status = response.status
    if 200 <= status < 300:
        return "ok", None
    if 300 <= status < 400:
        location = response.headers.get("Location", b"").decode("latin-1")
        return "ok", f"redirect {status} to {location}"
    if status == 404 and request.url.endswith("/robots.txt"):
        return "ok", "no robots.txt: everything allowed"
    return "http_error", response_status_message(status)


def classify_exception(exception: Exception) -> tuple[str, str]:
    text = f"{type(exception).__name__}: {exception}"
    if isinstance(exception, IgnoreRequest) and "robots.txt" in str(exception):
        return "robots_denied", text
    if isinstance(exception, DownloadCancelledError) and "maxsize" in str(exception).lower():
        return "too_large", text
    return "http_error", text


class FetchRecorderMiddleware:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self._ledger: RunLedger | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> FetchRecorderMiddleware:
        return cls(crawler)

    @property
    def ledger(self) -> RunLedger:
        if self._ledger is None:
            self._ledger = RunLedger.of(self.crawler)
        return self._ledger

    def process_response(self, request: Request, response: Response) -> Response:
        outcome, reason = classify_response(request, response)
        request.meta[ATTEMPT_META] = self.ledger.record_fetch(
            response.url, outcome, status=response.status, reason=reason
        )
        return response

    def process_exception(self, request: Request, exception: Exception) -> None:
        if isinstance(exception, IgnoreRequest) and "robots.txt" not in str(exception):
            return None  # another middleware's deliberate filter, not a fetch
        outcome, reason = classify_exception(exception)
        request.meta[ATTEMPT_META] = self.ledger.record_fetch(request.url, outcome, reason=reason)
        return None


class BackoffRetryMiddleware(RetryMiddleware):
    """Retry 429/5xx and network errors after base·2ⁿ seconds (± jitter), at most ``max``."""

    def __init__(self, settings: BaseSettings) -> None:
        super().__init__(settings)
        self.backoff_base = settings.getfloat("YUQING_RETRY_BACKOFF_BASE", 1.0)
        self.backoff_max = settings.getfloat("YUQING_RETRY_BACKOFF_MAX", 60.0)

    async def process_response(self, request: Request, response: Response) -> Request | Response:
        if request.meta.get("dont_retry", False) or response.status not in self.retry_http_codes:
            return response
        reason = response_status_message(response.status)
        retry = self._retry(request, reason)
        if retry is None:
            self._gave_up(request, reason)
            return response
        await sleep(self.delay(retry, response))
        return retry

    async def process_exception(self, request: Request, exception: Exception) -> Request | Response | None:
        if request.meta.get("dont_retry", False) or not isinstance(exception, self.exceptions_to_retry):
            return None
        retry = self._retry(request, exception)
        if retry is None:
            self._gave_up(request, f"{type(exception).__name__}: {exception}")
            return None
        await sleep(self.delay(retry, None))
        return retry

    def delay(self, retry: Request, response: Response | None) -> float:
        """Seconds to wait before ``retry``: the server's Retry-After when given, else backoff."""
        if response is not None:
            after = response.headers.get("Retry-After", b"").decode("latin-1").strip()
            if after.isdigit():
                return min(float(after), self.backoff_max)
        attempt = int(retry.meta.get("retry_times", 1))
        backoff = self.backoff_base * 2 ** (attempt - 1)
        return min(backoff * random.uniform(0.9, 1.1), self.backoff_max)

    def _gave_up(self, request: Request, reason: Any) -> None:
        ledger = RunLedger.of(self.crawler)
        tries = int(request.meta.get("retry_times", 0)) + 1
        ledger.amend_fetch(request.meta.get(ATTEMPT_META), "gave_up", f"{reason} after {tries} attempts", request.url)
