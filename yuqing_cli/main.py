"""``yuqing``: one CLI over the service's processes and tools."""

from __future__ import annotations

import json
import logging
import os
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import click
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from config import Settings, SettingsError, load_settings
from config.rules import RuleFileError
from store import outbox, runtime
from store.accounts import ROLES, create_user, issue_token
from store.models import Analysis, Assignment, Item, Task, User


def _settings() -> Settings:
    try:
        return load_settings()
    except SettingsError as exc:
        raise click.ClickException(str(exc)) from exc


def _logging(level: str = "INFO") -> None:
    logging.basicConfig(level=level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")


@click.group()
def cli() -> None:
    """yuqing 舆情: collect, analyse and route public opinion for the construction commission."""


@cli.command()
@click.option("--port", default=None, type=int, help="Console port (default: web.port setting, 5000).")
@click.option("--host", default=None, help="Console address (default 127.0.0.1).")
@click.option("--no-crawl", is_flag=True, help="Do not crawl the sources on start.")
def up(port: int | None, host: str | None, no_crawl: bool) -> None:
    """Start everything on this machine: web, worker, scheduler, sample sources."""
    from yuqing_cli.up import run_up

    _logging("WARNING")
    settings = _settings()
    run_up(settings, port or settings.web.port, host or settings.web.host, crawl=not no_crawl)


@cli.command()
def migrate() -> None:
    """Create or upgrade the database schema and seed offices and sources."""
    from yuqing_cli.bootstrap import prepare

    prepare(_settings(), demo=False)
    click.echo("database is up to date")


@cli.command()
@click.option("--port", default=None, type=int)
@click.option("--host", default=None)
def serve(port: int | None, host: str | None) -> None:
    """Run the web console with the production WSGI server (waitress)."""
    settings = _settings()
    args = [sys.executable, "-m", "web", "--host", host or settings.web.host, "--port", str(port or settings.web.port)]
    os.execv(sys.executable, args)


@cli.command()
@click.option("--burst", is_flag=True, help="Exit when the queues are empty.")
def worker(burst: bool) -> None:
    """Run an RQ worker for every stage (start as many as needed, on any machine)."""
    from rq import SimpleWorker
    from rq.serializers import JSONSerializer

    from analysis.jobs import analyser
    from responder.jobs import responder
    from store.queue import all_queues

    settings = _settings()
    _logging(settings.log_level)
    runtime.configure(settings)
    conn = runtime.redis_connection()
    analyser()  # load models once, before the first job (never per job)
    responder()
    SimpleWorker(all_queues(conn, settings), connection=conn, serializer=JSONSerializer).work(
        burst=burst, logging_level=settings.log_level.upper()
    )


@cli.command()
def scheduler() -> None:
    """Run the scheduler: sweeps, dispatch, crawls and the daily digest."""
    from yuqing_cli.scheduler import Scheduler

    settings = _settings()
    _logging(settings.log_level)
    runtime.configure(settings)
    Scheduler(settings).run()


@cli.command()
@click.argument("source")
@click.option("--base-url", default=None, help="Crawl this site instead of the configured one.")
def crawl(source: str, base_url: str | None) -> None:
    """Crawl one source now and store what is new."""
    from crawlers.run import CrawlError, run_crawl
    from crawlers.sources import get_source

    settings = _settings()
    _logging(settings.log_level)
    try:
        if base_url is None and settings.crawl.sample_url and get_source(settings, source).uses_sample_site:
            base_url = settings.crawl.sample_url
        stats = run_crawl(settings, source, base_url=base_url)
    except CrawlError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(json.dumps(stats, ensure_ascii=False, default=str))


@cli.command()
@click.argument("file", type=click.File("r", encoding="utf-8"))
def analyse(file: click.utils.LazyFile) -> None:
    """Analyse and route a JSON-lines file of items, one JSON result per line, offline."""
    from yuqing_cli.offline import analyse_stream

    errors = analyse_stream(file, _settings(), sys.stdout)  # type: ignore[arg-type]
    for line in errors:
        click.echo(f"error: {line}", err=True)
    if errors:
        sys.exit(1)


@cli.command("import")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--source", default=None, help="Source name (default: hotline.source setting, hotline_12319).")
@click.option("--sheet", default=None, help="XLSX sheet to read (default: the first).")
@click.option("--dry-run", is_flag=True, help="Check the file and count what would change; store nothing.")
@click.option("--write-rejected", is_flag=True, help="Also write the rejected rows to FILE.rejected.csv.")
def import_(file: Path, source: str | None, sheet: str | None, dry_run: bool, write_rejected: bool) -> None:
    """Import a 12319/12345 hotline export (CSV in UTF-8 or GBK, or XLSX) and queue its analysis."""
    from crawlers.hotline_import import BATCH_ROWS, import_export, write_rejected_csv
    from crawlers.hotline_read import ExportError
    from store.contacts import ContactKeyError

    settings = _settings()
    _logging("WARNING")
    runtime.configure(settings)

    def progress(done: int, total: int | None) -> None:
        if total is None or total > BATCH_ROWS:
            click.echo(f"  {done}/{total if total is not None else '?'} rows", err=True)

    try:
        summary = import_export(
            settings, runtime.session_factory(), file, source=source, sheet=sheet, dry_run=dry_run, progress=progress
        )
    except (ExportError, ValueError, ContactKeyError) as exc:  # not an export, or nothing could be read
        message = str(exc) if str(exc).startswith(str(file)) else f"{file}: {exc}"
        click.echo(f"error: {message}", err=True)
        sys.exit(2)
    for error in summary.rejected:
        click.echo(f"rejected: {error}", err=True)
    if write_rejected and summary.rejected:
        target = file.with_name(file.name + ".rejected.csv")
        write_rejected_csv(target, summary.header, summary.rejected)
        click.echo(f"rejected rows written to {target}", err=True)
    click.echo(f"{summary.line()} in {summary.seconds:.1f} s")
    if summary.rejected:
        sys.exit(1)


@cli.command()
@click.option("--now", "now_text", default=None, help="Pretend it is this ISO time (for re-sending a period).")
@click.option("--weekly", is_flag=True, help="The weekly report (舆情周报) of the seven days before instead.")
def digest(now_text: str | None, weekly: bool) -> None:
    """Render the daily digest (or --weekly report) and deliver it (SMTP, or the outbox folder by default)."""
    from responder.digest import send_digest

    settings = _settings()
    now = datetime.fromisoformat(now_text) if now_text else datetime.now(UTC)
    if now.tzinfo is None:
        raise click.ClickException("--now needs a time zone, e.g. 2026-11-26T08:00:00+08:00")
    runtime.configure(settings)
    with runtime.session_factory()() as session:
        result = send_digest(session, settings, now, period_hours=24 * 7 if weekly else 24)
        session.commit()
    click.echo(str(result))


@cli.command()
def reconcile() -> None:
    """Prove nothing was lost: every item analysed and routed, no task stuck or failed."""
    settings = _settings()
    runtime.configure(settings)
    now = datetime.now(UTC)
    with runtime.session_factory()() as session:
        counts = outbox.counts(session)
        items = session.scalar(select(func.count()).select_from(Item)) or 0
        unanalysed = (
            session.scalar(select(func.count()).select_from(Item).where(~Item.id.in_(select(Analysis.item_id)))) or 0
        )
        unrouted = (
            session.scalar(
                select(func.count())
                .select_from(Item)
                .where(Item.triage_status == "new", Item.id.in_(select(Analysis.item_id)))
            )
            or 0
        )
        stale = (
            session.scalar(
                select(func.count())
                .select_from(Task)
                .where(Task.state.in_(outbox.OPEN_STATES), Task.updated_at < now - timedelta(minutes=15))
            )
            or 0
        )
        assignments = session.scalar(select(func.count()).select_from(Assignment)) or 0
    report = {
        "items": items,
        "unanalysed": unanalysed,
        "unrouted": unrouted,
        "assignments": assignments,
        "tasks": counts,
        "stale_open_tasks": stale,
    }
    click.echo(json.dumps(report, ensure_ascii=False))
    if counts.get("failed") or stale:
        sys.exit(1)


@cli.command()
@click.option(
    "--data",
    "data_dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=Path(__file__).resolve().parents[1].parent / "shared" / "data",
    show_default=True,
    help="The public datasets folder (TRAIN parts are used; TEST parts only measure).",
)
@click.option("--force", is_flag=True, help="Switch the new model on even if a TEST figure got worse.")
@click.option(
    "--shipped",
    "shipped",
    multiple=True,
    type=click.Choice(["sentiment", "topics", "scope", "crisis", "events", "all"]),
    help="Instead: rebuild the models the repository ships from the public data and compare them byte for byte.",
)
@click.option("--out", type=click.Path(path_type=Path, file_okay=False), default=None, help="Where --shipped writes.")
def train(data_dir: Path, force: bool, shipped: tuple[str, ...], out: Path | None) -> None:
    """Retrain the domain sentiment model with officers' corrections; switch it on if it is not worse."""
    from yuqing_cli.train import SHIPPED, rebuild_shipped, run_train

    settings = _settings()
    if shipped:
        which = SHIPPED if "all" in shipped else shipped
        report = rebuild_shipped(data_dir.parent, out or settings.data_dir / "models" / "rebuilt", which)
        click.echo(json.dumps(report, ensure_ascii=False, indent=1))
        if not all(entry["identical"] for entry in report.values()):
            raise SystemExit(1)
        return
    result = run_train(settings, data_dir.parent, force)
    click.echo(json.dumps(result, ensure_ascii=False))


@cli.group()
def users() -> None:
    """Manage console users and personal access tokens."""


@users.command("create")
@click.argument("name")
@click.option("--role", type=click.Choice(ROLES), default="duty")
@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True)
@click.option("--display-name", default=None)
def users_create(name: str, role: str, password: str, display_name: str | None) -> None:
    settings = _settings()
    runtime.configure(settings)
    with runtime.session_factory()() as session:
        try:
            create_user(session, name, password, role, display_name)
        except ValueError as exc:
            raise click.ClickException(str(exc)) from exc
        session.commit()
    click.echo(f"created {name} ({role})")


def _user_named(session: Session, name: str) -> User:
    user = session.scalar(select(User).where(User.username == name))
    if user is None:
        raise click.ClickException(f"no user {name!r}")
    return user


@users.command("token")
@click.argument("name")
@click.option("--label", default="cli", help="What the token is for.")
def users_token(name: str, label: str) -> None:
    """Issue a personal access token for the JSON API (shown once)."""
    settings = _settings()
    runtime.configure(settings)
    with runtime.session_factory()() as session:
        user = _user_named(session, name)
        token = issue_token(session, user, label)
        session.commit()
    click.echo(token)


@users.command("list")
def users_list() -> None:
    settings = _settings()
    runtime.configure(settings)
    with runtime.session_factory()() as session:
        for user in session.scalars(select(User).order_by(User.username)):
            second = "mfa" if user.totp_secret else "no-mfa"
            click.echo(f"{user.username}\t{user.role}\t{'active' if user.active else 'disabled'}\t{second}")


@users.command("reset-mfa")
@click.argument("name")
@click.option("--reason", required=True, help="Why (kept in the audit log), e.g. 手机丢失.")
def users_reset_mfa(name: str, reason: str) -> None:
    """Forget a user's authenticator (lost phone): they enrol a new one at their next login."""
    from store.accounts import audit
    from store.mfa import reset

    settings = _settings()
    runtime.configure(settings)
    with runtime.session_factory()() as session:
        user = _user_named(session, name)
        reset(user)
        user.session_version += 1  # and end the sessions the old factor opened
        audit(session, None, "mfa_reset", "user", user.id, {"username": name}, reason=reason)
        session.commit()
    click.echo(f"second factor of {name} reset: they enrol again at their next login")


def main() -> None:
    try:
        cli(prog_name="yuqing", standalone_mode=True)
    except (SettingsError, RuleFileError) as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)


if __name__ == "__main__":
    main()
