"""Importing hotline exports into the ledger: items with tasks, contacts sealed, re-import idempotent."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
import redis
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from config import Settings
from crawlers.hotline_import import import_export, write_rejected_csv
from crawlers.hotline_read import ExportError
from store.contacts import Sealer
from store.models import HotlineContact, Item, ItemRevision, Task
from tests.conftest import shared_path
from tests.crawlers.test_hotline_parse import HEADER, PHONE, ROWS, write_csv, write_xlsx

BAD = ["GD004", "下周一", "投诉", "河东区", "赵六", "13900001111", "", "工地夜间施工扰民", ""]


def count(session: Session, model: type) -> int:
    return session.scalar(select(func.count()).select_from(model)) or 0


def test_import_stores_items_tasks_and_sealed_contacts(
    tmp_path: Path, settings: Settings, factory: sessionmaker[Session], redis_conn: redis.Redis
) -> None:
    path = write_csv(tmp_path / "export.csv", HEADER, [*ROWS, BAD], "gbk")
    summary = import_export(settings, factory, path, connection=redis_conn)
    assert (summary.rows, summary.new, summary.updated, summary.unchanged) == (4, 3, 0, 0)
    assert [str(e) for e in summary.rejected] == ["row 5, column 来电时间: not a date/time: '下周一'"]
    assert summary.line() == f"imported 3 new, 0 updated, 0 unchanged, 1 rejected from {path}"
    assert summary.dispatched == 3  # handed to RQ as a crawl does
    with factory() as session:
        items = session.scalars(select(Item).order_by(Item.external_id)).all()
        assert [i.source for i in items] == ["hotline_12319"] * 3 and {i.kind for i in items} == {"work_order"}
        assert {t.subject_id for t in session.scalars(select(Task).where(Task.kind == "analyse"))} == {
            i.id for i in items
        }
        for item in items:
            stored = " ".join(str(v) for v in (item.title, item.content_text, item.author_name, item.raw))
            assert PHONE not in stored and "张三丰" not in stored and "23456789" not in stored
        contacts = {c.item_id: c for c in session.scalars(select(HotlineContact))}
        first = contacts[items[0].id]
        assert (first.name_masked, first.phone_masked) == ("张**", "138****5678")
        assert Sealer.from_settings(settings).open(first.sealed).phone == PHONE
        assert items[0].author_id == "tel:" + first.phone_hash[:16]


def test_reimport_stores_nothing_twice_and_a_change_makes_a_revision(
    tmp_path: Path, settings: Settings, factory: sessionmaker[Session], redis_conn: redis.Redis
) -> None:
    path = write_csv(tmp_path / "export.csv", HEADER, ROWS, "utf-8-sig")
    import_export(settings, factory, path, connection=redis_conn)
    again = import_export(settings, factory, path, connection=redis_conn)
    assert (again.new, again.updated, again.unchanged, len(again.rejected)) == (0, 0, 3, 0)
    changed = [list(r) for r in ROWS]
    changed[0][7] = "暖气仍然不热，已经一周了"
    changed[1][5] = "13900002222"  # only the caller's number changed
    third = import_export(settings, factory, write_csv(tmp_path / "b.csv", HEADER, changed, "utf-8"))
    assert (third.new, third.updated, third.unchanged) == (0, 2, 1)
    with factory() as session:
        assert count(session, Item) == 3 and count(session, HotlineContact) == 3
        assert count(session, ItemRevision) == 1
        item = session.scalar(select(Item).where(Item.external_id == "GD001"))
        assert item.revision == 2 and item.content_text == "暖气仍然不热，已经一周了"
        assert session.scalar(select(Task).where(Task.subject_id == item.id, Task.version == "2")) is not None
        second = session.scalar(select(HotlineContact).join(Item).where(Item.external_id == "GD002"))
        assert second.phone_masked == "139****2222"


def test_an_export_without_a_column_keeps_what_another_said(
    tmp_path: Path, settings: Settings, factory: sessionmaker[Session]
) -> None:
    import_export(settings, factory, write_csv(tmp_path / "full.csv", HEADER, ROWS, "utf-8"))
    keep = [i for i, h in enumerate(HEADER) if h not in ("区县", "答复")]
    narrow = write_csv(tmp_path / "narrow.csv", [HEADER[i] for i in keep], [[r[i] for i in keep] for r in ROWS], "gbk")
    summary = import_export(settings, factory, narrow)
    assert (summary.new, summary.updated, summary.unchanged) == (0, 0, 3)
    with factory() as session:
        item = session.scalar(select(Item).where(Item.external_id == "GD002"))
        assert (item.district, item.reply_text) == ("南开区", "已转办")


def test_dry_run_counts_but_stores_nothing(tmp_path: Path, settings: Settings, factory: sessionmaker[Session]) -> None:
    path = write_xlsx(tmp_path / "export.xlsx", {"工单": [HEADER, *ROWS]})
    summary = import_export(settings, factory, path, dry_run=True)
    assert (summary.new, summary.dry_run, summary.dispatched) == (3, True, 0)
    assert summary.line().endswith("(dry run: nothing stored)")
    with factory() as session:
        assert count(session, Item) == 0 and count(session, Task) == 0


def test_rejected_rows_are_kept_whole(tmp_path: Path, settings: Settings, factory: sessionmaker[Session]) -> None:
    path = write_csv(tmp_path / "export.csv", HEADER, [ROWS[0], BAD], "gbk")
    summary = import_export(settings, factory, path)
    target = tmp_path / "rejected.csv"
    assert write_rejected_csv(target, summary.header, summary.rejected) == 1
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["行号", "出错列", "问题", *HEADER]
    assert rows[1][:3] == ["3", "来电时间", "not a date/time: '下周一'"] and rows[1][3:] == BAD


def test_source_name_must_say_hotline(tmp_path: Path, settings: Settings, factory: sessionmaker[Session]) -> None:
    path = write_csv(tmp_path / "export.csv", HEADER, ROWS, "utf-8")
    with pytest.raises(ValueError, match="must contain hotline"):
        import_export(settings, factory, path, source="board")
    with pytest.raises(ExportError):
        import_export(settings, factory, write_csv(tmp_path / "n.csv", ["a", "b"], [["1", "2"]], "utf-8"))


@pytest.mark.parametrize(
    "name", ["诉求数据汇总_original.xlsx", "fz12345_black_odorous_river_appeals.csv"], ids=["xlsx", "csv"]
)
def test_real_fuzhou_export_imports_completely(
    name: str, settings: Settings, factory: sessionmaker[Session], redis_conn: redis.Redis
) -> None:
    path = shared_path("data", "fuzhou12345_blackodorous_rivers", name)
    summary = import_export(settings, factory, path, connection=redis_conn)
    assert summary.rows == 1464 and summary.new == 1464 and not summary.rejected, summary.rejected[:3]
    print(f"\n{name}: {summary.line()} in {summary.seconds:.1f} s")
    with factory() as session:
        assert count(session, Item) == 1464
        assert session.scalar(select(func.count()).select_from(Item).where(Item.published_at.is_(None))) == 0
        kinds = dict(session.execute(select(Item.request_type_raw, func.count()).group_by(Item.request_type_raw)).all())
        assert kinds == {"投诉": 1185, "咨询": 167, "建议": 62, "举报": 46, "求助": 4}
    again = import_export(settings, factory, path, connection=redis_conn)
    assert again.unchanged == 1464
