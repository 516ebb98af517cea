"""The commission's 政民互动 board (reference/sources.md §3): list table, detail table, the board walk."""

from __future__ import annotations

from crawlers.parsers import tjcac_zmhd
from crawlers.spiders.board import BoardSpider


class TjcacZmhdSpider(BoardSpider):
    name = "tjcac_zmhd"
    parser = tjcac_zmhd
