"""Where the scope classifier's text comes from, and which rows must never train it.

Kept apart from the fitting code because three callers share it: training (the unlabelled
pool), the dev-set yardstick (our own labels, joined back to the full text by id) and the
TEST evaluation (the 495 gold rows, which only ``evaluate_scope`` and the repost exclusion
may read).
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from analysis.scope import GOLD_LABELS, OTHER, normalise

DATASET = Path("data") / "tipdm2020_c_smart_gov"
GOLD_FILE = DATASET / "sample" / "attachment2_labeled_messages_sample.csv"
TAXONOMY_FILE = DATASET / "attachment1_label_taxonomy.csv"
UNLABELLED_FILES: tuple[tuple[str, Path], ...] = (
    ("a3", DATASET / "attachment3_hot_issue_messages_full.csv"),
    ("a4", DATASET / "attachment4_messages_with_replies_full.csv"),
    ("test", DATASET / "test_messages_unlabeled.csv"),
)
LABELS: tuple[str, ...] = (*GOLD_LABELS, OTHER)


@dataclass(frozen=True)
class Message:
    """One unlabelled message; ``reply`` is the official answer when the source has one (附件4)."""

    source: str
    ident: str
    title: str
    body: str
    reply: str = ""


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _key(text: str) -> str:
    """Comparison key for duplicate detection: normalised, only letters/digits/CJK kept."""
    return "".join(re.findall(r"[0-9a-z\u4e00-\u9fff]+", normalise(text)))


def load_unlabelled(shared_dir: Path, *, exclude: Iterable[tuple[str, str]] = ()) -> tuple[list[Message], Counter]:
    """All TRAIN-usable messages, one copy per (title, body), minus any matching ``exclude``.

    ``exclude`` holds (title, body) pairs of evaluation rows: a message whose normalised
    title *or* body equals one of them is dropped (reposts of a gold message).
    """
    banned_titles: set[str] = set()
    banned_bodies: set[str] = set()
    for title, body in exclude:
        if len(_key(title)) >= 6:
            banned_titles.add(_key(title))
        if len(_key(body)) >= 12:
            banned_bodies.add(_key(body))
    seen: set[tuple[str, str]] = set()
    out: list[Message] = []
    stats: Counter = Counter()
    for source, rel in UNLABELLED_FILES:
        for row in read_rows(shared_dir / rel):
            title, body = row.get("留言主题", ""), row.get("留言详情", "")
            key = (_key(title), _key(body))
            stats[f"{source}_rows"] += 1
            if key[0] in banned_titles or key[1] in banned_bodies:
                stats[f"{source}_dropped_gold_repost"] += 1
                continue
            if key in seen:
                stats[f"{source}_dropped_duplicate"] += 1
                continue
            seen.add(key)
            out.append(Message(source, row.get("留言编号", ""), title, body, row.get("答复意见", "")))
    return out, stats


def load_gold(shared_dir: Path) -> list[dict[str, str]]:
    """The 495 gold rows (TEST: evaluation and repost exclusion only)."""
    return read_rows(shared_dir / GOLD_FILE)
