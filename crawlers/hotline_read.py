"""Read a hotline export (CSV in any of the encodings offices produce, or XLSX) as rows of cells.

Exports come from desktop systems: CSV is as often GBK as UTF-8 (with or without a BOM),
and Excel files carry dates as datetimes and ids as numbers. This module only turns a
file into a header and numbered rows of raw values; what the columns mean is decided
in ``crawlers.hotline``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

# Tried in order; GB18030 is a superset of GBK and GB2312, so it reads all three.
CSV_ENCODINGS = ("utf-8-sig", "gb18030")
XLSX_SUFFIXES = (".xlsx", ".xlsm")
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls (Excel 97-2003); openpyxl cannot read it
csv.field_size_limit(10 * 1024 * 1024)  # a long complaint with a pasted reply exceeds the 128 KiB default


class ExportError(ValueError):
    """The file cannot be read as a hotline export at all; the message says why."""


@dataclass(frozen=True)
class Table:
    """A header and rows numbered as a spreadsheet user sees them (the header is row 1)."""

    header: list[str]
    rows: Iterator[tuple[int, list[Any]]]
    encoding: str
    total: int | None = None  # rows after the header, when known without reading them all


def read_table(path: Path, sheet: str | None = None) -> Table:
    if not path.is_file():
        raise ExportError(f"{path}: no such file")
    if path.suffix.lower() in XLSX_SUFFIXES:
        return _read_xlsx(path, sheet)
    if sheet:
        raise ExportError(f"{path}: --sheet applies to XLSX files only")
    return _read_csv(path)


def decode(data: bytes) -> tuple[str, str]:
    """The text and the encoding that decoded it without error (UTF-8 first: GB18030 accepts almost anything)."""
    for encoding in CSV_ENCODINGS:
        try:
            return data.decode(encoding), "utf-8" if encoding == "utf-8-sig" else encoding
        except UnicodeDecodeError:
            continue
    raise ExportError("not UTF-8 or GBK/GB18030 text (is it an Excel file with the wrong extension?)")


def _read_csv(path: Path) -> Table:
    data = path.read_bytes()
    if data.startswith(b"PK\x03\x04"):
        raise ExportError(f"{path}: this is an XLSX workbook; name it .xlsx")
    if data.startswith(OLE2_MAGIC):
        raise ExportError(f"{path}: this is an old Excel .xls workbook; save it as .xlsx or CSV in Excel first")
    text, encoding = decode(data)
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if header is None:
        raise ExportError(f"{path}: the file is empty")

    # Numbered as Excel shows the file (one row per record, even when a cell spans lines).
    rows = [(number, values) for number, values in enumerate(reader, start=2) if any(v.strip() for v in values)]
    return Table([str(h) for h in header], iter(rows), encoding, len(rows))


def _read_xlsx(path: Path, sheet: str | None) -> Table:
    from openpyxl import load_workbook  # imported on use: only XLSX imports pay for it

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a damaged or foreign file
        raise ExportError(f"{path}: not a readable XLSX workbook ({exc})") from exc
    if sheet is not None and sheet not in workbook.sheetnames:
        workbook.close()
        raise ExportError(f"{path}: no sheet named {sheet!r}; sheets: {', '.join(workbook.sheetnames)}")
    worksheet = workbook[sheet] if sheet else workbook.worksheets[0]
    cells = worksheet.iter_rows(values_only=True)
    header = next(cells, None)
    if header is None:
        workbook.close()
        raise ExportError(f"{path}: sheet {worksheet.title!r} is empty")
    total = worksheet.max_row - 1 if worksheet.max_row else None

    def rows() -> Iterator[tuple[int, list[Any]]]:
        try:
            for number, values in enumerate(cells, start=2):
                if any(v is not None and str(v).strip() for v in values):
                    yield number, [_cell(v) for v in values]
        finally:
            workbook.close()

    return Table(["" if h is None else str(h) for h in header], rows(), "xlsx", total)


def _cell(value: Any) -> Any:
    """Excel numbers that are whole (ids, phones) read as integers, not 1.0 or 1.3812345678e10."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, date) and not isinstance(value, datetime):
        return datetime.combine(value, time())
    return value
