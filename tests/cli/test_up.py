"""``yuqing up`` as a new user runs it: console address and login, the sample crawl
stored, analysed and routed, a clean stop on SIGTERM."""

from __future__ import annotations

import os
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

# Every sample source: 人民网 36 messages, Weibo 11 posts + 27 comments, 北方网 12, 政民互动 12.
SAMPLE_ITEMS = 36 + 11 + 27 + 12 + 12


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _counts(db: Path) -> tuple[int, int, int]:
    if not db.exists():
        return 0, 0, 0
    with sqlite3.connect(db, timeout=10) as conn:
        try:
            items = conn.execute("SELECT count(*) FROM item").fetchone()[0]
            analysed = conn.execute("SELECT count(DISTINCT item_id) FROM analysis").fetchone()[0]
            routed = conn.execute("SELECT count(*) FROM item WHERE triage_status != 'new'").fetchone()[0]
        except sqlite3.OperationalError:
            return 0, 0, 0
    return items, analysed, routed


def test_up_serves_the_console_and_processes_the_sample_crawl(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    env["YUQING_DATA_DIR"] = str(tmp_path / "var")
    port = _free_port()
    started = time.monotonic()
    proc = subprocess.Popen(
        [sys.executable, "-m", "yuqing_cli.main", "up", "--port", str(port)],
        env=env, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )  # fmt: skip
    try:
        assert proc.stdout is not None
        console = proc.stdout.readline().strip()
        login = proc.stdout.readline().strip()
        assert console == f"Console: http://127.0.0.1:{port}/"
        assert re.fullmatch(r"Login: duty / \S+", login), login
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5) as resp:
            assert resp.status == 200
        db = tmp_path / "var" / "yuqing.db"
        deadline = started + 120
        items = analysed = routed = 0
        while time.monotonic() < deadline:
            items, analysed, routed = _counts(db)
            if items >= SAMPLE_ITEMS and analysed == items and routed == items:
                break
            time.sleep(1)
        assert items == SAMPLE_ITEMS and analysed == items and routed == items, (items, analysed, routed)
        print(f"sample crawl stored, analysed and routed {items} items in {time.monotonic() - started:.1f}s")
    finally:
        proc.send_signal(signal.SIGTERM)
        code = proc.wait(60)
    assert code == 0
    assert proc.stdout is not None
    assert proc.stdout.read().strip() == "yuqing stopped."  # nothing else on the console's stdout
