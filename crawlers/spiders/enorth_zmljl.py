"""北方网《政民零距离》 (reference/sources.md §2): GBK list and detail pages, the board walk."""

from __future__ import annotations

from crawlers.parsers import enorth_zmljl
from crawlers.spiders.board import BoardSpider


class EnorthZmljlSpider(BoardSpider):
    name = "enorth_zmljl"
    parser = enorth_zmljl
