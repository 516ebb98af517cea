"""Fixtures for crawler tests: sample sites served on 127.0.0.1 for the crawl's lifetime."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from crawlers.sample_site import serve_sample_site


@pytest.fixture
def sample_site() -> Iterator[str]:
    server, url = serve_sample_site()
    yield url
    server.stop()
