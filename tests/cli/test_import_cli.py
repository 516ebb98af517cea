"""``yuqing import`` as an operator runs it: a real process on a small export, against the test database."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import redis
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from config import Settings
from store.models import HotlineContact, Item, Task
from store.queue import queue
from tests.conftest import REPO_ROOT
from tests.crawlers.test_hotline_parse import HEADER, PHONE, ROWS, write_csv

BAD = ["GD009", "昨天", "投诉", "河东区", "赵六", "13900001111", "", "工地夜间施工扰民", ""]


def run(settings: Settings, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("YUQING_")}
    env["YUQING_DATA_DIR"] = str(settings.data_dir)
    return subprocess.run(
        [sys.executable, "-m", "yuqing_cli.main", "import", *args],
        capture_output=True, text=True, timeout=120, env=env, cwd=REPO_ROOT,
    )  # fmt: skip


def count(factory: sessionmaker[Session], model: type) -> int:
    with factory() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def test_import_stores_queues_and_reports_bad_rows(
    tmp_path: Path, settings: Settings, factory: sessionmaker[Session], redis_conn: redis.Redis
) -> None:
    path = write_csv(tmp_path / "12319.csv", HEADER, [ROWS[0], BAD, ROWS[1]], "gbk")
    done = run(settings, str(path), "--write-rejected")
    assert done.returncode == 1, done.stderr
    assert done.stdout.startswith(f"imported 2 new, 0 updated, 0 unchanged, 1 rejected from {path}")
    assert "rejected: row 3, column 来电时间: not a date/time: '昨天'" in done.stderr
    assert (tmp_path / "12319.csv.rejected.csv").read_text(encoding="utf-8-sig").count("GD009") == 1
    assert count(factory, Item) == 2 and count(factory, HotlineContact) == 2
    with factory() as session:
        assert session.scalar(select(func.count()).select_from(Task).where(Task.state == "enqueued")) == 2
        texts = " ".join(i.content_text for i in session.scalars(select(Item)))
    assert PHONE not in texts and PHONE not in done.stdout + done.stderr
    assert queue(redis_conn, "analysis", settings).count >= 1  # dispatched as `yuqing crawl` does

    again = run(settings, str(path))
    assert again.stdout.startswith("imported 0 new, 0 updated, 2 unchanged, 1 rejected")
    assert count(factory, Item) == 2


def test_dry_run_and_a_long_file_show_progress(
    tmp_path: Path, settings: Settings, factory: sessionmaker[Session]
) -> None:
    rows = [[f"L{i:04d}", "2026-11-20 10:00", "咨询", "", "", "", "", f"咨询{i}：公租房", ""] for i in range(450)]
    done = run(settings, str(write_csv(tmp_path / "long.csv", HEADER, rows, "utf-8")), "--dry-run")
    assert done.returncode == 0, done.stderr
    assert "200/450 rows" in done.stderr and "450/450 rows" in done.stderr
    assert "imported 450 new" in done.stdout and "dry run: nothing stored" in done.stdout
    assert count(factory, Item) == 0


def test_a_file_that_is_not_an_export_exits_2(tmp_path: Path, settings: Settings) -> None:
    path = write_csv(tmp_path / "staff.csv", ["姓名", "电话"], [["张三", PHONE]], "utf-8")
    done = run(settings, str(path))
    assert done.returncode == 2
    assert "not a hotline export: no content column" in done.stderr and str(path) in done.stderr
    missing = run(settings, str(tmp_path / "nope.xlsx"))
    assert missing.returncode == 2 and "nope.xlsx" in missing.stderr
