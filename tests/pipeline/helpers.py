"""Helpers to drive the real pipeline: items in, RQ workers (in-process or child processes)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from typing import Any

import redis
from rq import SimpleWorker
from rq.serializers import JSONSerializer
from sqlalchemy.orm import Session, sessionmaker

from config import Settings
from store.db import session_scope
from store.items import save_item
from store.queue import all_queues
from yuqing_cli.bootstrap import seed

ITEMS: list[dict[str, Any]] = [
    {
        "source": "people_liuyan",
        "source_id": "9001",
        "kind": "message",
        "title": "河西区幸福里小区暖气不热",
        "content": "我们幸福里小区3号楼供暖以来室温只有14度，热力公司不管，强烈要求解决！",
        "published_at": "2026-11-20T10:00:00+08:00",
        "request_type": "投诉",
    },
    {
        "source": "people_liuyan",
        "source_id": "9002",
        "kind": "message",
        "title": "拖欠农民工工资",
        "content": "某建筑公司拖欠我们工人工资半年，再不给就跳楼",
        "published_at": "2026-11-21T09:00:00+08:00",
        "request_type": "投诉",
    },
    {
        "source": "people_liuyan",
        "source_id": "9003",
        "kind": "message",
        "title": "请问公租房怎么申请",
        "content": "请问公租房申请需要什么条件？",
        "published_at": "2026-11-22T09:00:00+08:00",
        "request_type": "咨询",
    },
]


def seed_offices(factory: sessionmaker[Session], settings: Settings) -> None:
    """The offices and default accounts ``yuqing up`` creates: routing needs the offices."""
    with factory() as session:
        seed(session, settings)
        session.commit()


def store_items(factory: sessionmaker[Session], records: list[dict[str, Any]] = ITEMS) -> list[int]:
    with session_scope(factory) as session:
        return [save_item(session, dict(r)).item_id for r in records]


def run_burst(connection: redis.Redis, settings: Settings) -> None:
    """Work every queue until empty, in this process, as ``yuqing worker --burst`` does."""
    SimpleWorker(all_queues(connection, settings), connection=connection, serializer=JSONSerializer).work(burst=True)


def child_env(settings: Settings, connection: redis.Redis, **extra: str) -> dict[str, str]:
    """Environment for a worker process that shares this test's database and Redis."""
    env = dict(os.environ)
    env["YUQING_DATA_DIR"] = str(settings.data_dir)
    socket_file = getattr(connection, "socket_file", None)
    if socket_file:
        env["REDIS_URL"] = f"unix://{socket_file}"
    env.update(extra)
    return env


def start_worker(env: dict[str, str], burst: bool = False) -> subprocess.Popen[bytes]:
    args = [sys.executable, "-m", "yuqing_cli.main", "worker"] + (["--burst"] if burst else [])
    return subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def wait_for(predicate: Callable[[], bool], timeout: float, message: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out after {timeout}s waiting for: {message}")
