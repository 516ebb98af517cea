"""Reading hotline exports: encodings, XLSX, column synonyms, bad rows, masking, sealing."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from config import Settings
from config.settings import CONFIG_DIR
from crawlers.hotline import Reader, RowError, load_rules, map_columns, parse_row
from crawlers.hotline_read import ExportError, read_table
from store.contacts import Contact, ContactKeyError, Sealer, mask_name, mask_phone, mask_text
from tests.conftest import make_settings

HEADER = ["工单编号", "来电时间", "诉求类型", "区县", "来电人", "联系电话", "地址", "诉求内容", "答复"]
ROWS = [
    ["GD001", "2026-11-20 09:05", "投诉", "河西区", "张三丰", "13812345678", "友谊路1号3-201",
     "我是张三丰，电话13812345678，友谊路小区暖气不热，室温14度", ""],
    ["GD002", "2026/11/21 8:30", "意见", "南开区", "李四", "022-23456789", "", "建议小区增加充电桩", "已转办"],
    ["GD003", "2026年11月22日", "求助", "和平区", "王五", "无", "", "楼道燃气味很重", ""],
]  # fmt: skip
PHONE = "13812345678"


def write_csv(path: Path, header: list[str], rows: list[list[str]], encoding: str) -> Path:
    buffer = io.StringIO()
    csv.writer(buffer).writerows([header, *rows])
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def write_xlsx(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    workbook.save(path)
    return path


@pytest.fixture
def local_settings(tmp_path: Path) -> Settings:
    return make_settings(tmp_path / "var")


def reader_for(settings: Settings, header: list[str], rules_dir: Path = CONFIG_DIR) -> Reader:
    rules = load_rules(rules_dir)
    return Reader(rules, map_columns(header, rules), "hotline_12319", Sealer.from_settings(settings))


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_csv_is_read_in_every_encoding_offices_export(tmp_path: Path, encoding: str) -> None:
    table = read_table(write_csv(tmp_path / "export.csv", HEADER, ROWS, encoding))
    assert table.header == HEADER
    rows = list(table.rows)
    assert [number for number, _ in rows] == [2, 3, 4]
    assert rows[0][1][7].startswith("我是张三丰")
    assert table.encoding == ("gb18030" if encoding.startswith("gb") else "utf-8")


def test_xlsx_first_sheet_or_a_named_one(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "export.xlsx",
        {"说明": [["本表为导出说明"]], "工单": [HEADER, [20260001, datetime(2026, 11, 20, 9, 5), *ROWS[0][2:]]]},
    )
    assert read_table(path).header == ["本表为导出说明"]
    table = read_table(path, sheet="工单")
    (number, values), *_ = list(table.rows)
    assert number == 2 and values[0] == 20260001 and values[1] == datetime(2026, 11, 20, 9, 5)
    with pytest.raises(ExportError, match="no sheet named '汇总'"):
        read_table(path, sheet="汇总")


def test_header_synonyms_map_to_fields(local_settings: Settings) -> None:
    header = ["诉求编号", "受理时间", "类型", "所属区", "姓名", "手机", "联系地址", "来电内容", "处理结果", "备注"]
    columns = map_columns(header, load_rules(CONFIG_DIR))
    assert columns.header == {
        "id": "诉求编号", "published_at": "受理时间", "request_type": "类型", "district": "所属区",
        "caller_name": "姓名", "phone": "手机", "address": "联系地址", "content": "来电内容", "reply": "处理结果",
    }  # fmt: skip
    assert columns.unmapped == ("备注",)
    # Spaces and line breaks inside a header do not matter (Excel headers carry them).
    assert "channel" in map_columns(["信息 来源", "投诉件\n内容"], load_rules(CONFIG_DIR)).index


def test_an_operator_adds_a_synonym_in_the_rule_file(tmp_path: Path, local_settings: Settings) -> None:
    rules_text = (CONFIG_DIR / "hotline.yaml").read_text(encoding="utf-8")
    (tmp_path / "hotline.yaml").write_text(rules_text.replace("content: [", "content: [市民心声, "), encoding="utf-8")
    with pytest.raises(ExportError):
        map_columns(["编号", "市民心声"], load_rules(CONFIG_DIR))
    assert map_columns(["编号", "市民心声"], load_rules(tmp_path)).header["content"] == "市民心声"


def test_a_file_without_a_content_column_is_not_an_export(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "people.csv", ["姓名", "电话"], [["张三", PHONE]], "utf-8")
    with pytest.raises(ExportError, match="not a hotline export: no content column"):
        map_columns(read_table(path).header, load_rules(CONFIG_DIR))
    (tmp_path / "x.bin").write_bytes(b"\xff\xfe\x00\x81\x30\x81\x30\xff" * 10)
    with pytest.raises(ExportError):
        read_table(tmp_path / "x.bin")
    (tmp_path / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    with pytest.raises(ExportError, match=r"old Excel \.xls workbook"):
        read_table(tmp_path / "old.xls")


def test_a_row_becomes_a_masked_work_order(local_settings: Settings) -> None:
    order = parse_row(2, ROWS[0], reader_for(local_settings, HEADER))
    record = order.record
    assert record["source_id"] == "GD001" and record["kind"] == "work_order"
    assert record["published_at"] == datetime(2026, 11, 20, 1, 5, tzinfo=UTC)
    assert record["request_type"] == "投诉" and record["district"] == "河西区"
    assert record["content"] == "我是张**，电话138****5678，友谊路小区暖气不热，室温14度"
    assert record["author_name"] == "张**" and record["author_id"].startswith("tel:")
    assert len(record["author_id"]) == len("tel:") + 16
    assert order.contact == Contact("张三丰", PHONE, "友谊路1号3-201")
    evidence = repr(record["raw"])
    assert PHONE not in evidence and "张三丰" not in evidence and "友谊路1号" not in evidence
    assert record["raw"]["联系电话"] == "138****5678"


def test_request_types_dates_and_missing_phones(local_settings: Settings) -> None:
    reader = reader_for(local_settings, HEADER)
    second, third = parse_row(3, ROWS[1], reader), parse_row(4, ROWS[2], reader)
    assert second.record["request_type"] == "建议"  # 意见 → 建议 (config/hotline.yaml)
    assert second.record["published_at"] == datetime(2026, 11, 21, 0, 30, tzinfo=UTC)
    assert second.record["reply_text"] == "已转办"
    assert third.record["published_at"] == datetime(2026, 11, 21, 16, 0, tzinfo=UTC)
    assert third.contact.phone == "" and third.record["author_id"] is None  # 无 is no number


def test_bad_rows_name_their_row_and_column(local_settings: Settings) -> None:
    reader = reader_for(local_settings, HEADER)
    cases = [
        (["GD9", "昨天下午", "投诉", "", "", "", "", "内容", ""], "row 7, column 来电时间: not a date/time: '昨天"),
        (["GD9", "2026-11-20", "投诉", "", "", "", "", "  ", ""], "row 7, column 诉求内容: empty"),
        (["", "2026-11-20", "投诉", "", "", "", "", "内容", ""], "row 7, column 工单编号: empty"),
    ]
    for values, message in cases:
        with pytest.raises(RowError) as caught:
            parse_row(7, values, reader)
        assert str(caught.value).startswith(message)


def test_masking_helpers() -> None:
    assert mask_phone("13812345678") == mask_phone("+86 138-1234-5678") == "138****5678"
    assert mask_name("张三") == "张*" and mask_name("欧阳娜娜") == "欧***"
    text = mask_text("电话１３８１２３４５６７８，座机022-23456789，身份证120101199001011234")
    assert text == "电话138****5678，座机022-****6789，身份证120***********1234"


def test_sealing_round_trip_and_the_key(local_settings: Settings, tmp_path: Path) -> None:
    sealer = Sealer.from_settings(local_settings)
    contact = Contact("张三丰", PHONE, "友谊路1号")
    sealed = sealer.seal(contact)
    assert PHONE not in sealed and sealer.open(sealed) == contact
    key_file = local_settings.data_dir / "hotline_key"
    assert key_file.stat().st_mode & 0o777 == 0o600
    # The same key from the file next time; the hash is keyed and stable across processes.
    assert Sealer.from_settings(local_settings).phone_hash("138 1234 5678") == sealer.phone_hash(PHONE)
    other = make_settings(tmp_path / "other")
    assert Sealer.from_settings(other).phone_hash(PHONE) != sealer.phone_hash(PHONE)
    with pytest.raises(ContactKeyError):
        Sealer.from_settings(other).open(sealed)
    configured = make_settings(tmp_path / "env", YUQING_HOTLINE__KEY=key_file.read_text().strip())
    assert Sealer.from_settings(configured).open(sealed) == contact
    with pytest.raises(ContactKeyError, match="not a Fernet key"):
        Sealer.from_settings(make_settings(tmp_path / "bad", YUQING_HOTLINE__KEY="short"))


def test_the_incident_address_stays_with_the_matter_and_the_callers_is_sealed(local_settings: Settings) -> None:
    header = ["工单编号", "来电人", "联系电话", "联系地址", "事发地址", "诉求内容"]
    row = ["GD9", "赵六", "13912345678", "红旗路8号2-101", "河西区友谊路幸福里小区3号楼", "暖气不热，室温14度"]
    order = parse_row(2, row, reader_for(local_settings, header))
    assert order.record["content"] == "暖气不热，室温14度\n事发地址：河西区友谊路幸福里小区3号楼"
    assert order.contact.address == "红旗路8号2-101" and "红旗路" not in repr(order.record)
