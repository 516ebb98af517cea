"""End-to-end worker throughput: store items, then analyse + route them with one worker.

Measures what the issue asks of the worker — items per second per core through
analysis, event grouping, routing and storage — on the real parts (SQLite + embedded
Redis by default; PostgreSQL/Redis when DATABASE_URL/REDIS_URL are set). One worker
process runs in burst mode, so the figure is per core.

    python bench/pipeline.py [--n 2000] [--engine domain] [--batch N] [--json FILE]

Each result also records ``python_loop_s``, a fixed pure-Python loop timed in the same run:
shared machines differ from day to day (commit 876b23f measured 449 items/s in one session
and 144 in the next, with no change to the code), and the loop says which kind of day a
figure comes from.

The defaults are the service's (config/default.yaml); the result goes to
bench/results/pipeline-<database>.json, so the SQLite and PostgreSQL runs are both kept.
On PostgreSQL use a fresh database, as a new deployment has (the event index loads the
last 90 days, so rows left by earlier runs slow the run down):

    dropdb -h 127.0.0.1 -U postgres --if-exists bench && createdb -h 127.0.0.1 -U postgres bench
    DATABASE_URL=postgresql://postgres@127.0.0.1:5432/bench REDIS_URL=redis://127.0.0.1:6379/0 \
        python bench/pipeline.py
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

ESTATES = ["幸福里", "阳光花园", "金厦里", "华苑", "梅江南", "万科城", "天房美域", "中海城", "融创中心", "碧桂园"]
DISTRICTS = ["河西区", "南开区", "和平区", "河东区", "滨海新区", "西青区", "津南区", "北辰区"]
TEMPLATES = [
    "{d}{e}小区{b}号楼暖气不热，室温只有{t}度，热力公司一直不管，强烈要求解决！",
    "{e}物业乱收停车费，电梯坏了一个月没人修，业主很气愤",
    "{d}{e}旁边工地每天半夜施工，噪音太大，孩子无法入睡",
    "某建筑公司拖欠我们{n}名工人工资半年了，去了好几次都不给",
    "请问{d}公租房申请需要什么条件？在哪里办理？",
    "感谢{d}住建委及时处理{e}燃气管道问题，工作人员辛苦了",
    "{e}小区{b}号楼楼道里有很大的燃气味，怀疑漏气，请尽快派人查看",
    "{d}{e}开发商延期交房一年多，房产证也办不下来",
]


def make_records(n: int, seed: int = 7, run: str = "") -> list[dict[str, Any]]:
    rng = random.Random(seed)
    start = datetime.now(UTC) - timedelta(days=3)
    records = []
    for i in range(n):
        text = rng.choice(TEMPLATES).format(
            d=rng.choice(DISTRICTS),
            e=rng.choice(ESTATES),
            b=rng.randint(1, 30),
            t=rng.randint(10, 16),
            n=rng.randint(10, 90),
        )
        kind = rng.choice(["message", "post", "work_order"])
        records.append(
            {
                "source": {"message": "people_liuyan", "post": "weibo", "work_order": "hotline"}[kind],
                "source_id": f"b{run}{i}",  # a run of its own on a database that keeps earlier runs
                "kind": kind,
                "title": text[:18],
                "content": text,
                "published_at": (start + timedelta(minutes=i)).isoformat(),
                "metrics": {"reposts": rng.choice([0, 3, 12, 700])} if kind == "post" else {},
            }
        )
    return records


def python_loop_seconds(n: int = 10_000_000) -> float:
    """Time of a fixed pure-Python loop: how fast this machine runs Python right now."""
    started = time.perf_counter()
    total = 0
    for i in range(n):
        total += i
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--engine", default="domain", help="sentiment engine: snownlp | fast | domain")
    parser.add_argument("--batch", type=int, default=None, help="items per RQ job (default: the service's)")
    parser.add_argument("--json", type=Path, default=None, help="default: bench/results/pipeline-<database>.json")
    args = parser.parse_args()

    data_dir = Path(tempfile.mkdtemp(prefix="yuqing-bench-"))
    os.environ["YUQING_DATA_DIR"] = str(data_dir)
    os.environ["YUQING_ANALYSIS__SENTIMENT_ENGINE"] = args.engine
    if args.batch is not None:
        os.environ["YUQING_WORKER__BATCH_SIZE"] = str(args.batch)
    os.environ["YUQING_LOG_LEVEL"] = "WARNING"

    from rq import SimpleWorker
    from rq.serializers import JSONSerializer
    from sqlalchemy import func, select

    from analysis.jobs import analyser
    from config import load_settings
    from responder.jobs import responder
    from store import outbox, runtime
    from store.db import session_scope
    from store.items import save_item
    from store.models import Analysis, Assignment, Item
    from store.queue import all_queues, stop_embedded
    from yuqing_cli.bootstrap import prepare

    loop_s = python_loop_seconds()
    settings = load_settings()
    prepare(settings, demo=False)
    runtime.configure(settings)
    factory = runtime.session_factory()
    conn = runtime.redis_connection()
    conn.flushdb()
    records = make_records(args.n, run=f"{int(time.time())}-")

    t0 = time.perf_counter()
    for start in range(0, len(records), 500):
        with session_scope(factory) as session:
            for record in records[start : start + 500]:
                save_item(session, record)
    store_s = time.perf_counter() - t0

    t0 = time.perf_counter()
    analyser()
    responder()
    load_s = time.perf_counter() - t0

    t0 = time.perf_counter()
    outbox.dispatch(factory, conn, settings)
    worker = SimpleWorker(all_queues(conn, settings), connection=conn, serializer=JSONSerializer)
    worker.work(burst=True, logging_level="WARNING")
    work_s = time.perf_counter() - t0

    with factory() as session:
        ours = select(Item.id).where(Item.external_id.like(records[0]["source_id"][:-1] + "%"))
        analysed = session.scalar(select(func.count(func.distinct(Analysis.item_id))).where(Analysis.item_id.in_(ours)))
        assignments = session.scalar(select(func.count()).select_from(Assignment).where(Assignment.item_id.in_(ours)))
        states = outbox.counts(session)
    if analysed != args.n:
        raise SystemExit(f"only {analysed} of {args.n} items were analysed: the figure would be wrong")
    result = {
        "items": args.n,
        "engine": args.engine,
        "batch": settings.worker.batch_size,
        "database": settings.database_url.split(":")[0],
        "redis": "embedded" if settings.uses_embedded_redis else "server",
        "store_items_per_s": round(args.n / store_s, 1),
        "model_load_s": round(load_s, 2),
        "worker_items_per_s": round(args.n / work_s, 1),
        "worker_seconds": round(work_s, 2),
        "python_loop_s": round(loop_s, 2),
        "analysed": analysed,
        "assignments": assignments,
        "tasks": states,
    }
    print(json.dumps(result, ensure_ascii=False, indent=2))
    out = args.json or ROOT / "bench" / "results" / f"pipeline-{result['database'].split('+')[0]}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    if hasattr(conn, "socket_file"):
        stop_embedded(conn)  # the embedded server started for this run
    if set(states) != {"done"}:
        sys.exit(f"tasks left undone: {states}")


if __name__ == "__main__":
    main()
