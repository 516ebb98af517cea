"""Which rows the sentiment model may learn from, and which it must never see.

The data discipline of ``shared/data/README.md`` is enforced here, in one place, so that
training, model selection and the benchmark baseline all draw the same TRAIN rows:

* **Labelled TRAIN:** ``weibo2018/train.csv``, ``waimai_10k``, ``online_shopping_10_cats``
  and ChnSentiCorp rows whose 0-based index % 5 != 0.
* **Decontamination.** ``online_shopping_10_cats`` has a 酒店 category that *is*
  ChnSentiCorp: about 1,400 of the 1,554 ChnSentiCorp TEST reviews occur in it verbatim
  or truncated. A model trained on the raw TRAIN list scores ~0.95 on that TEST part by
  memory (an honest one ~0.88-0.89). Every TRAIN row whose normalised text equals a TEST
  text, or shares its first or last 20 normalised characters with one, is dropped
  (``TestIndex``); the training report says how many.
* **No labels for complaint vs enquiry.** Government messages (TipDM 附件3, 附件4 rows
  0..2499, the unlabelled 测试数据: all TRAIN-usable text) get *weak* labels from their
  titles (``analysis.training.sentiment_cues``) and the model learns from their bodies.
  The Fuzhou 12345 file is TEST and is only ever scored.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from analysis.training.sentiment_config import TrainConfig
from analysis.training.sentiment_cues import (
    COMPLAINT_CUES,
    ENQUIRY_CUES,
    PRAISE_CUES,
    SEED_COMPLAINT,
    SEED_ENQUIRY,
    SEED_GOOD_DEEDS,
    SEED_ORGS,
    SEED_PRAISE,
    SEED_PROBLEMS,
    SEED_TOPICS,
)

DATA = Path("data")
WEIBO_TRAIN = DATA / "weibo2018" / "train.csv"
WEIBO_TEST = DATA / "weibo2018" / "test.csv"
WAIMAI = DATA / "waimai_10k" / "waimai_10k.csv"
SHOPPING = DATA / "online_shopping_10_cats" / "online_shopping_10_cats.csv"
HOTEL = DATA / "ChnSentiCorp_htl_all" / "ChnSentiCorp_htl_all.csv"
WEIBO_100K = DATA / "weibo_senti_100k_subset" / "weibo_senti_100k_subset2400.csv"
FUZHOU = DATA / "fuzhou12345_blackodorous_rivers" / "fz12345_black_odorous_river_appeals.csv"
TIPDM = DATA / "tipdm2020_c_smart_gov"
TIPDM_A3 = TIPDM / "attachment3_hot_issue_messages_full.csv"
TIPDM_A4 = TIPDM / "attachment4_messages_with_replies_full.csv"
TIPDM_UNLABELLED = TIPDM / "test_messages_unlabeled.csv"
TIPDM_GOLD = TIPDM / "sample" / "attachment2_labeled_messages_sample.csv"
TIPDM_A4_TRAIN_ROWS = 2500  # 附件4 rows 2500.. are the reply-drafting TEST part

_EMOTICON = re.compile(r"\[[^\[\]\s]{1,12}\]")
_NON_WORD = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class Row:
    text: str
    target: float  # 1 positive, 0 negative, 0.5 neutral (soft)
    weight: float
    source: str


def data_path(shared_dir: Path, relative: Path) -> Path:
    return Path(shared_dir) / relative


def read_rows(path: Path) -> list[dict[str, str]]:
    """CSV rows as dicts; a missing file is an empty list (callers report what was absent)."""
    if not path.is_file():
        return []
    csv.field_size_limit(1 << 24)
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def strip_emoticons(text: str) -> str:
    """Drop ``[哈哈]``-style tags: weibo_senti_100k's labels were derived from them."""
    return _EMOTICON.sub("", text)


def dedup_key(text: str) -> str:
    """Text with case, width, whitespace and punctuation folded, for duplicate checks."""
    return _NON_WORD.sub("", unicodedata.normalize("NFKC", text).lower())


class TestIndex:
    """Every TEST text, so no copy (even truncated or re-punctuated) reaches training."""

    def __init__(self, texts: Iterable[str], edge: int = 20) -> None:
        self.edge = edge
        keys = [dedup_key(t) for t in texts if t and t.strip()]
        self.keys = set(keys)
        self.heads = {k[:edge] for k in keys if len(k) >= edge}
        self.tails = {k[-edge:] for k in keys if len(k) >= edge}

    def __contains__(self, text: object) -> bool:
        if not isinstance(text, str):
            return False
        key = dedup_key(text)
        if key in self.keys:
            return True
        return len(key) >= self.edge and (key[: self.edge] in self.heads or key[-self.edge :] in self.tails)


def test_texts(shared_dir: Path) -> list[str]:
    """Texts of every TEST part that could leak into sentiment training."""
    texts = [r["text"] for r in read_rows(data_path(shared_dir, WEIBO_TEST))]
    texts += [r["review"] for i, r in enumerate(read_rows(data_path(shared_dir, HOTEL))) if i % 5 == 0]
    for r in read_rows(data_path(shared_dir, WEIBO_100K)):
        texts += [r["review"], strip_emoticons(r["review"])]
    texts += [r["content"] for r in read_rows(data_path(shared_dir, FUZHOU))]
    texts += [r["留言详情"] for r in read_rows(data_path(shared_dir, TIPDM_GOLD))]
    texts += [r["留言详情"] for r in read_rows(data_path(shared_dir, TIPDM_A4))[TIPDM_A4_TRAIN_ROWS:]]
    return texts


def labelled_train(shared_dir: Path, config: TrainConfig) -> list[Row]:
    """The labelled TRAIN parts, in file order (order matters for a reproducible fit)."""
    rows: list[Row] = []
    for r in read_rows(data_path(shared_dir, WEIBO_TRAIN)):
        rows.append(Row(r["text"], float(r["label"]), config.weibo_weight, "weibo2018_train"))
    for r in read_rows(data_path(shared_dir, WAIMAI)):
        rows.append(Row(r["review"], float(r["label"]), 1.0, "waimai_10k"))
    for r in read_rows(data_path(shared_dir, SHOPPING)):
        rows.append(Row(r["review"], float(r["label"]), 1.0, "online_shopping_10_cats"))
    for i, r in enumerate(read_rows(data_path(shared_dir, HOTEL))):
        if i % 5 != 0:
            rows.append(Row(r["review"], float(r["label"]), 1.0, "chnsenticorp_train"))
    return [row for row in rows if row.text and row.text.strip()]


def title_label(title: str) -> float | None:
    """Weak label of a government message from its title, or None when no cue fires."""
    if PRAISE_CUES.search(title) and not COMPLAINT_CUES.search(title):
        return 1.0
    if COMPLAINT_CUES.search(title):
        return 0.0
    if ENQUIRY_CUES.search(title):
        return 0.5
    return None


def weak_government(shared_dir: Path, config: TrainConfig) -> list[Row]:
    """Government message bodies with title-derived weak labels (TRAIN-usable text only)."""
    a4 = read_rows(data_path(shared_dir, TIPDM_A4))
    a4_test_ids = {r["留言编号"] for r in a4[TIPDM_A4_TRAIN_ROWS:]}
    messages = read_rows(data_path(shared_dir, TIPDM_A3)) + a4[:TIPDM_A4_TRAIN_ROWS]
    messages += [r for r in read_rows(data_path(shared_dir, TIPDM_UNLABELLED)) if r["留言编号"] not in a4_test_ids]
    rows = []
    titles = []
    for r in messages:
        target = title_label(r["留言主题"])
        body = r["留言详情"]
        if target is not None and body and body.strip():
            rows.append(Row(body, target, config.gov_weight, "gov_weak"))
            titles.append(Row(r["留言主题"], target, config.title_weight, "gov_weak_title"))
    return rows + titles if config.title_weight > 0 else rows


def seed_rows(config: TrainConfig) -> list[Row]:
    """The seed sentences above, expanded over their slots (enquiries 0.5, praise 1, complaints 0)."""
    rows = [Row(p.format(t=t), 0.5, config.seed_weight, "seed") for t in SEED_TOPICS for p in SEED_ENQUIRY]
    rows += [
        Row(p.format(o=o, a=a), 1.0, config.seed_weight, "seed")
        for o in SEED_ORGS
        for a in SEED_GOOD_DEEDS
        for p in SEED_PRAISE
    ]
    rows += [
        Row(p.format(o=o, x=x), 0.0, config.seed_weight, "seed")
        for o in SEED_ORGS
        for x in SEED_PROBLEMS
        for p in SEED_COMPLAINT
    ]
    return rows


def training_rows(
    shared_dir: Path, extra: Sequence[tuple[str, int]], config: TrainConfig
) -> tuple[list[Row], dict[str, int], dict[str, int]]:
    """All training rows minus TEST duplicates; also counts kept and dropped per source."""
    rows = labelled_train(shared_dir, config) + weak_government(shared_dir, config)
    if config.seed_weight > 0:
        rows += seed_rows(config)
    for text, label in extra:
        if label not in (0, 1):
            raise ValueError(f"extra labels must be 0 (neg) or 1 (pos), got {label!r} for {text[:30]!r}")
        if text and text.strip():
            rows.append(Row(text, float(label), config.extra_weight, "extra"))
    index = TestIndex(test_texts(shared_dir))
    kept = [row for row in rows if row.text not in index]
    dropped = Counter(row.source for row in rows) - Counter(row.source for row in kept)
    return kept, dict(Counter(row.source for row in kept)), dict(dropped)
