"""Import a hotline export: each work order stored with its analysis task and its sealed contact.

Rows are committed in batches; within a batch each row has its own savepoint, so one bad
row is rejected (and listed) without losing the others. The item, its analysis task and
its contact are written in one transaction, exactly as a crawl writes items, and the
outbox is handed to RQ after every batch; if Redis is down the sweeper re-drives the
tasks later, so an import never loses analysis work.
"""

from __future__ import annotations

import csv
import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import redis
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from config import Settings
from crawlers.hotline import Reader, RowError, WorkOrder, load_rules, map_columns, parse_row
from crawlers.hotline_read import read_table
from store.contacts import Sealer, save_contact
from store.items import ItemError, save_item
from store.outbox import dispatch
from store.queue import connect

log = logging.getLogger(__name__)

BATCH_ROWS = 200
# save_item outcome → what the summary calls it.
OUTCOMES = {"stored": "new", "revised": "updated", "updated": "updated", "duplicate": "unchanged"}

Progress = Callable[[int, int | None], None]


@dataclass
class ImportSummary:
    path: Path
    source: str
    rows: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[RowError] = field(default_factory=list)
    dispatched: int = 0
    seconds: float = 0.0
    dry_run: bool = False
    encoding: str = ""
    header: list[str] = field(default_factory=list)
    unmapped: tuple[str, ...] = ()

    def line(self) -> str:
        text = (
            f"imported {self.new} new, {self.updated} updated, {self.unchanged} unchanged, "
            f"{len(self.rejected)} rejected from {self.path}"
        )
        return text + (" (dry run: nothing stored)" if self.dry_run else "")


def import_export(
    settings: Settings,
    factory: sessionmaker[Session],
    path: Path,
    *,
    source: str | None = None,
    sheet: str | None = None,
    dry_run: bool = False,
    progress: Progress | None = None,
    connection: redis.Redis | None = None,
) -> ImportSummary:
    """Import ``path``; raises ``ExportError`` when the file is not a hotline export at all.

    A dry run does all the work, including the database lookups that tell new from
    unchanged rows, then rolls back.
    """
    started = time.monotonic()
    source = source or settings.hotline.source
    if not any(mark in source for mark in ("hotline", "12319", "12345")):
        raise ValueError(f"source {source!r}: a hotline source name must contain hotline, 12319 or 12345")
    table = read_table(path, sheet)
    rules = load_rules(settings.rules_dir)
    columns = map_columns(table.header, rules)
    reader = Reader(rules, columns, source, Sealer.from_settings(settings), settings.hotline.author_id_chars)
    summary = ImportSummary(
        path, source, dry_run=dry_run, encoding=table.encoding, header=table.header, unmapped=columns.unmapped
    )
    queue = _Dispatcher(settings, factory, connection, enabled=not dry_run)
    batch: list[tuple[int, list[Any]]] = []
    try:
        for number, values in table.rows:
            batch.append((number, values))
            if len(batch) >= BATCH_ROWS:
                _store_batch(factory, batch, reader, summary)
                batch = []
                summary.dispatched += queue.dispatch()
                if progress is not None:
                    progress(summary.rows, table.total)
        if batch:
            _store_batch(factory, batch, reader, summary)
            if progress is not None:
                progress(summary.rows, table.total)
        summary.dispatched += queue.dispatch()
    finally:
        queue.close()
    summary.seconds = time.monotonic() - started
    return summary


def _store_batch(
    factory: sessionmaker[Session], batch: list[tuple[int, list[Any]]], reader: Reader, summary: ImportSummary
) -> None:
    with factory() as session:
        session.begin()
        for number, values in batch:
            summary.rows += 1
            try:
                order = parse_row(number, values, reader)
                with session.begin_nested():
                    outcome = _store(session, order, reader.sealer)
            except RowError as exc:
                summary.rejected.append(exc.with_values(values))
                continue
            except (ItemError, SQLAlchemyError) as exc:
                summary.rejected.append(RowError(number, None, f"not stored: {exc}").with_values(values))
                continue
            setattr(summary, outcome, getattr(summary, outcome) + 1)
        if summary.dry_run:
            session.rollback()
        else:
            session.commit()


def _store(session: Session, order: WorkOrder, sealer: Sealer) -> str:
    """The item (and its analysis task) and the contact, in the caller's transaction."""
    result = save_item(session, order.record)
    outcome = OUTCOMES[result.outcome]
    if order.contact and save_contact(session, sealer, result.item_id, order.contact) and outcome == "unchanged":
        outcome = "updated"  # only the caller's details changed
    return outcome


class _Dispatcher:
    """Hands stored tasks to RQ as a crawl's pipeline does; a Redis failure leaves them to the sweeper."""

    def __init__(
        self, settings: Settings, factory: sessionmaker[Session], connection: redis.Redis | None, *, enabled: bool
    ) -> None:
        self.settings = settings
        self.factory = factory
        self.enabled = enabled
        self.connection = connection
        self.owned = connection is None

    def dispatch(self) -> int:
        if not self.enabled:
            return 0
        try:
            if self.connection is None:
                self.connection = connect(self.settings)
            return dispatch(self.factory, self.connection, self.settings)
        except (redis.RedisError, OSError) as exc:
            log.warning("could not hand tasks to the queue (the sweeper will re-drive them): %s", exc)
            return 0

    def close(self) -> None:
        if self.owned and self.connection is not None:
            self.connection.close()


def write_rejected_csv(path: Path, header: list[str], rejected: Iterable[RowError]) -> int:
    """The rejected rows as they were, after their problem: fix them in Excel and import the file again.

    UTF-8 with a BOM so Excel opens it as it is; it holds callers' data like the export itself.
    """
    count = 0
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["行号", "出错列", "问题", *header])
        for error in rejected:
            cells = ("" if v is None else v for v in error.values)
            writer.writerow([error.row, error.column or "", error.problem, *cells])
            count += 1
    return count
