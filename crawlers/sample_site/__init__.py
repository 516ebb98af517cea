"""A local stand-in for every crawled source, serving hand-written demo messages.

One site on 127.0.0.1 answers in the real formats of the 人民网领导留言板 Gen-A API,
m.weibo.cn (timeline, long text, comments), 北方网《政民零距离》 (GBK pages) and the
commission's 政民互动 board; their paths do not overlap, so every source in
sources.yaml with ``base_url: "sample:"`` crawls the same base URL. ``yuqing up``
serves it so the whole pipeline runs without touching the real sites, and the crawler
tests run against it. Independent of ``web/``.
"""

from crawlers.sample_site.app import SampleSite, create_app, load_messages
from crawlers.sample_site.server import SampleServer, serve_sample_site, stop

__all__ = ["SampleServer", "SampleSite", "create_app", "load_messages", "serve_sample_site", "stop"]
