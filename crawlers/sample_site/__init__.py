"""A local stand-in for the 人民网领导留言板 Gen-A site, serving hand-written demo messages.

``yuqing up`` serves it so the whole pipeline runs without touching the real site, and
the crawler tests run against it. Independent of ``web/``.
"""

from crawlers.sample_site.app import SampleSite, create_app, load_messages
from crawlers.sample_site.server import SampleServer, serve_sample_site, stop

__all__ = ["SampleServer", "SampleSite", "create_app", "load_messages", "serve_sample_site", "stop"]
