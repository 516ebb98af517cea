"""``yuqing up``: the whole service on one machine, on embedded defaults.

Starts the embedded Redis (unless REDIS_URL is set), the sample site, the web server,
one worker and the scheduler as child processes sharing one data folder, prints the
console address and a login, and stops everything on Ctrl-C or SIGTERM.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request
from types import FrameType
from typing import Any

import click

from config import Settings
from store.queue import embedded_url, start_embedded, stop_embedded
from yuqing_cli.bootstrap import prepare


def _wait_http(url: str, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as resp:  # noqa: S310 (loopback health check)
                if resp.status == 200:
                    return True
        except OSError:
            time.sleep(0.2)
    return False


def run_up(settings: Settings, port: int, host: str, crawl: bool) -> None:
    env = dict(os.environ)
    env["YUQING_DATA_DIR"] = str(settings.data_dir.resolve())
    # The console prints two lines; the services log warnings only unless asked otherwise.
    env.setdefault("YUQING_LOG_LEVEL", "WARNING")
    # The demo's printed login works on its own (YUQING_WEB__MFA=required keeps the second
    # factor here too); `yuqing serve` and deployments keep web.mfa: required.
    env.setdefault("YUQING_WEB__MFA", "disabled")
    embedded: Any = None
    if settings.uses_embedded_redis:
        embedded = start_embedded(settings.data_dir)
        env["REDIS_URL"] = embedded_url(embedded)
    login = prepare(settings)
    sample = None
    if settings.crawl.sample_site:
        from crawlers.sample_site import serve_sample_site

        sample, sample_url = serve_sample_site()
        env["YUQING_CRAWL__SAMPLE_URL"] = sample_url
        # Politeness delays are for real sites; the local sample site needs none.
        env.setdefault("YUQING_CRAWL__DOWNLOAD_DELAY", "0")
    if not crawl:
        env["YUQING_SCHEDULER__CRAWL_MINUTES"] = str(10**9)
    exe = sys.executable
    children = [
        subprocess.Popen([exe, "-m", "web", "--host", host, "--port", str(port)], env=env),
        subprocess.Popen([exe, "-m", "yuqing_cli.main", "worker"], env=env),
        subprocess.Popen([exe, "-m", "yuqing_cli.main", "scheduler"], env=env),
    ]
    stopping = False

    def stop(_signum: int = 0, _frame: FrameType | None = None) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    try:
        if not _wait_http(f"http://{host}:{port}/healthz", 60):
            raise click.ClickException(f"the web server did not start on {host}:{port}; see the log above")
        assert login is not None
        click.echo(f"Console: http://{host}:{port}/")
        click.echo(f"Login: {login[0]} / {login[1]}")
        sys.stdout.flush()
        while not stopping:
            for child in children:
                if child.poll() is not None:
                    raise click.ClickException(f"a service process exited with code {child.returncode}: {child.args}")
            time.sleep(0.5)
    finally:
        for child in children:
            if child.poll() is None:
                child.send_signal(signal.SIGTERM)
        for child in children:
            try:
                child.wait(timeout=15)
            except subprocess.TimeoutExpired:
                child.kill()
        if sample is not None:
            sample.stop()
        if embedded is not None:
            stop_embedded(embedded)
        click.echo("yuqing stopped.")
