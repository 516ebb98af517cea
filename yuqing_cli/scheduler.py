"""The scheduler process: re-drives lost work, dispatches tasks, starts crawls and digests.

Periodic work is a short fixed list with its own interval each. Crawls run as child
processes (Scrapy's reactor cannot restart in one process); digests are idempotent per
period, so a restarted scheduler never sends a day's digest twice.
"""

from __future__ import annotations

import logging
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime
from types import FrameType
from zoneinfo import ZoneInfo

from config import Settings
from config.rules import load_rule_file
from store import outbox, runtime

log = logging.getLogger("yuqing.scheduler")


class Scheduler:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.running = True
        self.crawls: dict[str, subprocess.Popen[bytes]] = {}
        self.last_sweep = 0.0
        self.last_crawl: dict[str, float] = {}
        self.last_digest_day = ""

    def stop(self, _signum: int = 0, _frame: FrameType | None = None) -> None:
        self.running = False

    def run(self) -> None:
        signal.signal(signal.SIGTERM, self.stop)
        signal.signal(signal.SIGINT, self.stop)
        while self.running:
            try:
                self.tick(time.monotonic(), datetime.now(UTC))
            except Exception:
                log.exception("scheduler tick failed; retrying next tick")
            self._sleep(self.settings.scheduler.tick_seconds)
        for proc in self.crawls.values():
            if proc.poll() is None:
                proc.terminate()

    def _sleep(self, seconds: float) -> None:
        end = time.monotonic() + seconds
        while self.running and time.monotonic() < end:
            time.sleep(min(0.2, end - time.monotonic()))

    def tick(self, mono: float, now: datetime) -> None:
        factory = runtime.session_factory()
        if mono - self.last_sweep >= self.settings.scheduler.sweep_seconds:
            outbox.sweep(factory)
            self.escalate_overdue(now)
            self.periodic_alerts(now)
            self.last_sweep = mono
        outbox.dispatch(factory, runtime.redis_connection(), self.settings)
        self.send_alerts()
        self.start_due_crawls(mono)
        self.send_digest_if_due(now)

    def escalate_overdue(self, now: datetime) -> None:
        from responder.escalation import sweep_overdue
        from responder.jobs import responder

        with runtime.session_factory()() as session:
            for step in sweep_overdue(session, responder().sla, now):
                log.warning("assignment %s overdue: escalated to level %s (%s)", step.assignment_id, step.level,
                            step.notify)  # fmt: skip
            session.commit()

    def periodic_alerts(self, now: datetime) -> None:
        """Spike and source-health alerts, and unsigned alerts sent up the ladder."""
        from responder.alerts import renotify_unsigned
        from responder.jobs import alert_rules
        from responder.source_health import check_sources
        from responder.spikes import raise_spikes

        rules = alert_rules()
        with runtime.session_factory()() as session:
            for alert in raise_spikes(session, rules.spikes, now):
                log.warning("spike: %s", alert.title)
            for alert in check_sources(session, rules.sources, now, self.settings.timezone):
                log.warning("source health: %s %s", alert.title, alert.detail["reasons"][0])
            session.commit()
            if renotify_unsigned(session, self.settings, rules.renotify, now):
                session.commit()

    def send_alerts(self) -> None:
        """Crisis and overdue alerts go out on the next tick, not with the daily digest."""
        from responder.alerts import send_pending

        with runtime.session_factory()() as session:
            for alert in send_pending(session, self.settings):
                log.warning("alert sent: %s", alert.title)

    def start_due_crawls(self, mono: float) -> None:
        interval = self.settings.scheduler.crawl_minutes * 60
        sources = load_rule_file(self.settings.rules_dir, "sources").get("sources") or {}
        for key, spec in sources.items():
            if not spec.get("enabled", True):
                continue
            running = self.crawls.get(key)
            if running is not None and running.poll() is None:
                continue
            last = self.last_crawl.get(key)
            if last is not None and mono - last < interval:
                continue
            log.info("starting crawl of %s", key)
            # The crawl's summary goes to its crawl_run row; stdout stays the console's.
            self.crawls[key] = subprocess.Popen(
                [sys.executable, "-m", "yuqing_cli.main", "crawl", key], stdout=subprocess.DEVNULL
            )
            self.last_crawl[key] = mono

    def send_digest_if_due(self, now: datetime) -> None:
        local = now.astimezone(ZoneInfo(self.settings.timezone))
        day = local.date().isoformat()
        if local.hour < self.settings.scheduler.digest_hour or self.last_digest_day == day:
            return
        if any(proc.poll() is None for proc in self.crawls.values()):
            return  # let a running crawl land first, so a catch-up digest is not empty for nothing
        from responder.digest import send_digest

        with runtime.session_factory()() as session:
            send_digest(session, self.settings, now)
            session.commit()
            if local.weekday() == self.settings.scheduler.weekly_weekday:
                send_digest(session, self.settings, now, period_hours=24 * 7)
                session.commit()
        self.last_digest_day = day
