"""A test-only WSGI wrapper around the sample site that breaks chosen responses.

Faults can be switched off between crawls (``healthy = True``) to show that a later
crawl recovers what an earlier one could not fetch.
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Iterable
from typing import Any
from urllib.parse import parse_qs

from crawlers.sample_site import create_app, load_messages

BLOCK_PAGE = "<html><head><meta charset='utf-8'></head><body><h1>访问过于频繁</h1>请输入验证码</body></html>"
GARBAGE_PAGE = "<html><body><div class='maintain'>系统升级维护中，请稍后访问</div></body></html>"


class FaultySite:
    def __init__(
        self,
        *,
        error_tids: Iterable[int] = (),
        garbage_tids: Iterable[int] = (),
        blocked_tids: Iterable[int] = (),
        robots_denied_tids: Iterable[int] = (),
        broken_list_cursors: Iterable[tuple[str, str]] = (),
        blank_tids: Iterable[int] = (),
    ) -> None:
        data = load_messages()
        for message in data["messages"]:
            if message["tid"] in set(blank_tids):  # a message the source serves without title or text
                message["subject"] = message["content"] = ""
        self.app = create_app(data)
        self.error_tids = set(error_tids)
        self.garbage_tids = set(garbage_tids)
        self.blocked_tids = set(blocked_tids)
        self.robots_denied_tids = set(robots_denied_tids)
        self.broken_list_cursors = set(broken_list_cursors)
        self.healthy = False
        self.hits: Counter[str] = Counter()

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Iterable[bytes]:
        path, query = environ.get("PATH_INFO", ""), parse_qs(environ.get("QUERY_STRING", ""))
        tid = int(query["tid"][0]) if query.get("tid", [""])[0].isdigit() else None
        self.hits[f"{path}?tid={tid}" if tid else path] += 1
        if self.healthy:
            return self.app(environ, start_response)
        if path == "/robots.txt" and self.robots_denied_tids:
            rules = "".join(f"Disallow: /threads/content?tid={t}\n" for t in sorted(self.robots_denied_tids))
            return _send(start_response, "200 OK", "text/plain", f"User-agent: *\n{rules}Allow: /threads/\n")
        if path == "/threads/content" and tid in self.error_tids:
            return _send(start_response, "500 Internal Server Error", "text/html", "<h1>500</h1>")
        if path == "/threads/content" and tid in self.garbage_tids:
            return _send(start_response, "200 OK", "text/html; charset=utf-8", GARBAGE_PAGE)
        if path == "/threads/content" and tid in self.blocked_tids:
            return _send(start_response, "200 OK", "text/html; charset=utf-8", BLOCK_PAGE)
        if path == "/threads/queryThreadsList" and self.broken_list_cursors:
            size = int(environ.get("CONTENT_LENGTH") or 0)
            body = environ["wsgi.input"].read(size)
            environ["wsgi.input"] = io.BytesIO(body)
            form = parse_qs(body.decode())
            if (form.get("fid", [""])[0], form.get("lastItem", [""])[0]) in self.broken_list_cursors:
                return _send(start_response, "200 OK", "application/json", '{"result":"success","responseData":[{')
        return self.app(environ, start_response)


def _send(start_response: Any, status: str, content_type: str, body: str) -> list[bytes]:
    data = body.encode("utf-8")
    start_response(status, [("Content-Type", content_type), ("Content-Length", str(len(data)))])
    return [data]
