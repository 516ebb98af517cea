"""Turn rows of a 12319/12345 hotline export into normalised work-order records and contacts.

Column names differ between hotline systems and between years of one system, so the
mapping from header names to fields is data (``config/hotline.yaml``) that an operator
extends without code. A row that cannot be understood is rejected with its row number
and column; the others go on. The caller's name, phone and address leave the record
here: the record carries only masked text and a short hash, the contact travels apart
to be sealed (``store.contacts``).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from config.rules import RuleFileError, load_rule_file
from config.settings import CONFIG_DIR
from crawlers.hotline_read import ExportError
from store.contacts import Contact, Sealer, mask_name, mask_phone, mask_text, normalise_phone
from store.items import ItemError, parse_time

RULE_FILE = "hotline"
KIND = "work_order"
PERSONAL_FIELDS = ("caller_name", "phone", "address")
# Mapped column → the normalised record's field, where the names differ.
RECORD_FIELDS = {"reply": "reply_text", "status": "status_raw", "channel": "author_meta"}
_HEADER_NOISE = re.compile(r"[\s\u3000:：]+")
_CN_DATE = re.compile(r"^(\d{4})\s*[年/.-]\s*(\d{1,2})\s*[月/.-]\s*(\d{1,2})\s*日?\s*(.*)$")
_US_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})\s*(.*)$")  # Excel in an en-US locale writes 12/31/2016
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:\s*(\d{1,2}:\d{2}(?::\d{2})?))?$")


class RowError(ValueError):
    """One row that cannot be imported; ``str()`` names the row and the column."""

    def __init__(self, row: int, column: str | None, problem: str) -> None:
        self.row = row
        self.column = column
        self.problem = problem
        self.values: list[Any] = []
        where = f"row {row}" + (f", column {column}" if column else "")
        super().__init__(f"{where}: {problem}")

    def with_values(self, values: list[Any]) -> RowError:
        """Keep the row as read, so the rejected-rows file loses nothing."""
        self.values = list(values)
        return self


@dataclass(frozen=True)
class Rules:
    synonyms: dict[str, tuple[str, ...]]
    request_types: dict[str, str]


@dataclass(frozen=True)
class ColumnMap:
    """Which column holds which field, by index, and the header as the file wrote it."""

    index: dict[str, int]
    header: dict[str, str]
    names: tuple[str, ...] = ()  # every column, made unique, as the keys of the evidence
    unmapped: tuple[str, ...] = ()


@dataclass(frozen=True)
class WorkOrder:
    """A row ready to store: the masked record for ``save_item`` and the contact to seal."""

    row: int
    record: dict[str, Any]
    contact: Contact = field(default_factory=Contact)


def header_key(name: str) -> str:
    return _HEADER_NOISE.sub("", str(name)).casefold()


def load_rules(rules_dir: Path) -> Rules:
    """The mapping from the rules folder, or the shipped one when a custom folder lacks it."""
    try:
        data = load_rule_file(rules_dir, RULE_FILE)
    except RuleFileError:
        if Path(rules_dir).resolve() == CONFIG_DIR:
            raise
        data = load_rule_file(CONFIG_DIR, RULE_FILE)
    columns = data.get("columns")
    if not isinstance(columns, dict) or "content" not in columns:
        raise RuleFileError(f"{RULE_FILE}.yaml: `columns` must map fields to header names and include `content`")
    synonyms = {str(f): tuple(header_key(h) for h in (names or [])) for f, names in columns.items()}
    request_types = {str(k).strip(): str(v) for k, v in (data.get("request_types") or {}).items()}
    return Rules(synonyms, request_types)


def map_columns(header: list[str], rules: Rules) -> ColumnMap:
    """Find each field's column; the earliest synonym in the rule list wins, then the leftmost column."""
    keys = [header_key(h) for h in header]
    index: dict[str, int] = {}
    for name, synonyms in rules.synonyms.items():
        for synonym in synonyms:
            taken = set(index.values())
            found = next((i for i, key in enumerate(keys) if key == synonym and i not in taken), None)
            if found is not None:
                index[name] = found
                break
    if "content" not in index:
        expected = "、".join(rules.synonyms["content"][:4])
        raise ExportError(f"not a hotline export: no content column (expected one of {expected} …)")
    used = set(index.values())
    unmapped = tuple(h for i, h in enumerate(header) if i not in used and h.strip())
    return ColumnMap(index, {name: header[i] for name, i in index.items()}, _unique(header), unmapped)


def _unique(header: list[str]) -> tuple[str, ...]:
    names: list[str] = []
    for i, h in enumerate(header):
        name = h.strip() or f"列{i + 1}"
        names.append(name if name not in names else f"{name}（列{i + 1}）")
    return tuple(names)


@dataclass(frozen=True)
class Reader:
    """What every row of one file is parsed with."""

    rules: Rules
    columns: ColumnMap
    source: str
    sealer: Sealer
    author_id_chars: int = 16


def parse_row(number: int, values: list[Any], reader: Reader) -> WorkOrder:
    """One row → a work order, or ``RowError`` naming the column at fault."""
    columns = reader.columns
    cells = {name: _text(values[i]) if i < len(values) else "" for name, i in columns.index.items()}
    raw_cells = {name: values[i] if i < len(values) else None for name, i in columns.index.items()}
    contact = Contact(cells.get("caller_name", ""), cells.get("phone", ""), cells.get("address", ""))
    content = mask_text(cells["content"], contact)
    if not content:
        raise RowError(number, columns.header["content"], "empty: a work order needs its content")
    location = mask_text(cells.get("location", ""), contact)
    if location and location not in content:
        content = f"{content}\n事发地址：{location}"
    if contact.phone and not normalise_phone(contact.phone):
        contact = Contact(contact.name, "", contact.address)  # 无 / 不详: no number given
    record: dict[str, Any] = {
        "source": reader.source,
        "source_id": _external_id(number, cells, columns),
        "kind": KIND,
        "content": content,
        "raw": _evidence(values, columns, contact),
    }
    # Only what this file has: importing an export that lacks a column keeps what another export said.
    optional: dict[str, Callable[[], Any]] = {
        "title": lambda: mask_text(cells["title"], contact) or None,
        "published_at": lambda: _when(number, raw_cells["published_at"], columns.header["published_at"]),
        "request_type": lambda: _request_type(cells["request_type"], reader.rules) or None,
        "district": lambda: cells["district"] or None,
        "reply": lambda: mask_text(cells["reply"], contact) or None,
        "reply_org": lambda: cells["reply_org"] or None,
        "status": lambda: cells["status"] or None,
        "channel": lambda: {"channel": cells["channel"]} if cells["channel"] else {},
    }
    for name, value in optional.items():
        if name in cells:
            record[RECORD_FIELDS.get(name, name)] = value()
    if "caller_name" in cells or "phone" in cells:
        record["author_name"] = mask_name(contact.name) or None
        record["author_id"] = _author_id(reader, contact)
    return WorkOrder(number, record, contact)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    return str(value).replace("\r\n", "\n").strip()


def _external_id(number: int, cells: dict[str, str], columns: ColumnMap) -> str:
    """The ticket number; an export without one gets a stable id from what the row says."""
    if "id" in columns.index:
        ticket = cells["id"]
        if not ticket:
            raise RowError(number, columns.header["id"], "empty: the work-order number is missing")
        if len(ticket) > 128:
            raise RowError(number, columns.header["id"], "longer than 128 characters")
        return ticket
    basis = "\x1f".join(cells.get(k, "") for k in ("published_at", "title", "content", "phone"))
    return "h" + hashlib.sha256(basis.encode("utf-8")).hexdigest()[:24]


def _when(number: int, value: Any, column: str | None) -> datetime | None:
    """Excel datetimes as they are; text in the forms exports use (2020-9-3, 2020/09/03 10:00, 2020年9月3日)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    text = value if isinstance(value, datetime) else str(value).strip()
    if isinstance(text, str):
        if match := _CN_DATE.match(text):
            year, month, day, rest = match.groups()
            text = f"{year}-{int(month):02d}-{int(day):02d}" + (f" {rest.strip()}" if rest.strip() else "")
        elif match := _US_DATE.match(text):
            month, day, year, rest = match.groups()
            text = f"{year}-{int(month):02d}-{int(day):02d}" + (f" {rest.strip()}" if rest.strip() else "")
        elif match := _COMPACT_DATE.match(text):
            year, month, day, clock = match.groups()
            text = f"{year}-{month}-{day}" + (f" {clock}" if clock else "")
        text = re.sub(r" (\d):", r" 0\1:", text)  # 2020-09-03 9:05 → 09:05
    try:
        return parse_time(text)
    except ItemError:
        raise RowError(number, column, f"not a date/time: {value!r}") from None


def _request_type(value: str, rules: Rules) -> str:
    """Known types mapped (意见 → 建议); an unknown one is kept as written for the analysis to judge."""
    for known, mapped in rules.request_types.items():
        if value == known or (known and value.startswith(known)):
            return mapped
    return value


def _author_id(reader: Reader, contact: Contact) -> str | None:
    """A short phone-hash prefix: repeat callers share it, and it reveals nothing about the number."""
    digest = reader.sealer.phone_hash(contact.phone)
    return "tel:" + digest[: reader.author_id_chars] if digest else None


def _evidence(values: list[Any], columns: ColumnMap, contact: Contact) -> dict[str, Any]:
    """The row as the file had it, minus personal data: kept as evidence, shown to nobody in clear."""
    personal = {columns.index[f] for f in PERSONAL_FIELDS if f in columns.index}
    masked = {
        columns.index.get("caller_name"): mask_name(contact.name),
        columns.index.get("phone"): mask_phone(contact.phone),
        columns.index.get("address"): "（已加密保存）" if contact.address else "",
    }
    raw: dict[str, Any] = {}
    for i, value in enumerate(values):
        if i >= len(columns.names):
            continue
        name = columns.names[i]
        if i in personal:
            raw[name] = masked.get(i, "")
        elif isinstance(value, datetime):
            raw[name] = value.isoformat()
        elif isinstance(value, str):
            raw[name] = mask_text(value, contact)
        else:
            raw[name] = value
    return raw
