"""Build the topic and stance model files (analysis/models/*.json.gz), deterministically.

    python -m analysis.training.topics [--shared ../shared] [--out-dir analysis/models]

Training text, and why:

* Weak labels on unlabelled board messages — 附件3, 附件4 and the unlabelled test
  messages of the 2020 泰迪杯 C set, which ``shared/data/README.md`` lists as usable for
  training. Each message gets the label the keyword rules settle alone (clear lead,
  enough evidence); a message no rule touches at all is 其他 (the set is full of other
  departments' matters: schools, hospitals, buses). Messages the rules find ambiguous are
  left out. Rows identical to the gold 附件2 sample are excluded, so that TEST set stays
  unseen.
* The hand-labelled dev TRAIN lines (``tests/analysis/data/dev_items.jsonl``), weighted
  up: they are in the target style (Tianjin, Weibo, hotline) that the board data lacks.
  Dev TEST lines are never read here.

The stance model (complaint / consult / suggest: is there a grievance?) learns from the
same board messages labelled by their own titles — 投诉…/举报…/反映…问题 is a complaint,
咨询…/请问…/…吗？ a question, 建议… a suggestion — with only the body as input, so the
title word itself is not what it learns; plus the dev TRAIN lines' gold request types.

Both are softmax regression over character 1–3-gram presence (vector scaled to unit
length), fitted by full-batch Adam from zero weights for a fixed number of steps: no
randomness, so the same inputs give the same file, byte for byte.
"""

from __future__ import annotations

import argparse
import csv
import json
import math
import re
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from analysis.topic_model import MODEL_PATH, STANCE_PATH, encode, ngrams
from analysis.topics import OTHER, TopicRules, rules_decide, score_rules
from config.rules import load_rule_file

ROOT = Path(__file__).resolve().parents[2]
DEV_SET = ROOT / "tests" / "analysis" / "data" / "dev_items.jsonl"
DATASET = Path("data") / "tipdm2020_c_smart_gov"
UNLABELLED = (
    DATASET / "attachment3_hot_issue_messages_full.csv",
    DATASET / "attachment4_messages_with_replies_full.csv",
    DATASET / "test_messages_unlabeled.csv",
)
GOLD_SAMPLE = DATASET / "sample" / "attachment2_labeled_messages_sample.csv"
STANCES = ("complaint", "consult", "suggest")
# Title cues of the board messages, first match wins (praise is too rare to learn here).
TITLE_STANCE = (
    ("complaint", re.compile(r"投诉|举报|控告|曝光|不作为|乱收费|拖欠|扰民|违规|违法|反映.{0,30}问题")),
    ("suggest", re.compile(r"建议|提议|呼吁")),
    ("consult", re.compile(r"咨询|请问|询问|如何|怎么|是否|能否|吗[？?]?$|何时|什么时候|哪里")),
)
STANCE_OF_TYPE = {"投诉": "complaint", "举报": "complaint", "求助": "complaint", "咨询": "consult", "建议": "suggest"}


@dataclass(frozen=True)
class Params:
    features: int = 12000  # vocabulary kept, by chi-square against the labels
    stance_features: int = 8000
    min_df: int = 3
    dev_weight: float = 4.0  # a dev TRAIN line counts as this many board messages
    other_cap: float = 0.35  # 其他 share of the weak-labelled rows at most (it dominates)
    steps: int = 250
    learning_rate: float = 0.05
    l2: float = 1e-4


@dataclass(frozen=True)
class Example:
    text: str
    label: str
    weight: float


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def board_messages(shared: Path, stats: Counter[str]) -> list[tuple[str, str]]:
    """(title, body) of the unlabelled board messages, de-duplicated, gold sample rows out."""
    gold_path = shared / GOLD_SAMPLE
    gold = {(r["留言主题"], r["留言详情"]) for r in read_csv(gold_path)} if gold_path.is_file() else set()
    seen: set[tuple[str, str]] = set()
    out = []
    for rel in UNLABELLED:
        for row in read_csv(shared / rel):
            key = (row.get("留言主题") or "", row.get("留言详情") or "")
            if key in seen or key in gold:
                stats["skipped_duplicate_or_gold"] += 1
                continue
            seen.add(key)
            out.append(key)
    return out


def weak_examples(rules: TopicRules, shared: Path, params: Params) -> tuple[list[Example], Counter[str]]:
    """Rule-settled labels on the unlabelled board messages (see the module docstring)."""
    labelled: list[Example] = []
    others: list[Example] = []
    stats: Counter[str] = Counter()
    for key in board_messages(shared, stats):
        scores, minor_only = score_rules(rules, *key)
        settled = rules_decide(rules, scores)
        text = f"{key[0]}\n{key[1]}"
        if settled:
            labelled.append(Example(text, settled, 1.0))
        elif not scores and not minor_only:
            others.append(Example(text, OTHER, 1.0))
        else:
            stats["skipped_ambiguous"] += 1
    keep = int(params.other_cap / (1 - params.other_cap) * len(labelled))
    stats["other_dropped"] = max(0, len(others) - keep)
    chosen = labelled + others[:: max(1, math.ceil(len(others) / max(keep, 1)))][:keep]
    stats.update(f"weak:{e.label}" for e in chosen)
    return chosen, stats


def stance_examples(shared: Path) -> tuple[list[Example], Counter[str]]:
    """Board message bodies labelled by their titles' stance (see the module docstring)."""
    stats: Counter[str] = Counter()
    out = []
    for title, body in board_messages(shared, stats):
        stance = next((name for name, pattern in TITLE_STANCE if pattern.search(title)), None)
        if stance and body:
            out.append(Example(body, stance, 1.0))
            stats[f"stance:{stance}"] += 1
    return out, stats


def dev_examples(path: Path, weight: float, field: str = "topic") -> list[Example]:
    """Gold-labelled dev TRAIN lines; TEST lines are skipped so figures on them stay honest.

    ``field`` "topic" gives topic labels; "stance" maps the gold request type to a stance
    and skips lines without one (praise, news, chatter).
    """
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        if row.get("split") != "train":
            continue
        label = row["gold"]["topic"] if field == "topic" else STANCE_OF_TYPE.get(row["gold"]["request_type"])
        if label:
            out.append(Example(f"{row.get('title') or ''}\n{row.get('content') or ''}", label, weight))
    return out


def select_vocabulary(docs: Sequence[list[str]], labels: Sequence[int], n_classes: int, params: Params) -> list[str]:
    """The ``params.features`` n-grams with the highest chi-square against any class."""
    df: Counter[str] = Counter()
    per_class: list[Counter[str]] = [Counter() for _ in range(n_classes)]
    for grams, label in zip(docs, labels, strict=True):
        df.update(grams)
        per_class[label].update(grams)
    vocab = sorted(g for g, n in df.items() if n >= params.min_df)
    total = len(docs)
    class_size = np.bincount(np.asarray(labels), minlength=n_classes).astype(np.float64)
    f_df = np.array([df[g] for g in vocab], dtype=np.float64)
    best = np.zeros(len(vocab))
    for c in range(n_classes):
        a = np.array([per_class[c][g] for g in vocab], dtype=np.float64)  # in class, has gram
        b = f_df - a
        cc = class_size[c] - a
        d = total - class_size[c] - b
        num = total * (a * d - b * cc) ** 2
        den = (a + b) * (cc + d) * (a + cc) * (b + d)
        chi = np.divide(num, den, out=np.zeros_like(num), where=den > 0) * (a * d > b * cc)
        best = np.maximum(best, chi)
    order = np.lexsort((np.arange(len(vocab)), -best))[: params.features]
    return sorted(vocab[i] for i in order)


@dataclass(frozen=True)
class Matrix:
    """Sparse rows of unit-length binary n-gram vectors (CSR without scipy)."""

    indptr: np.ndarray
    indices: np.ndarray
    values: np.ndarray

    @classmethod
    def build(cls, docs: Iterable[list[str]], vocab: dict[str, int]) -> Matrix:
        ptr, idx, val = [0], [], []
        for grams in docs:
            found = sorted({vocab[g] for g in grams if g in vocab})
            idx.extend(found)
            val.extend([1.0 / math.sqrt(len(found))] * len(found) if found else [])
            ptr.append(len(idx))
        return cls(np.asarray(ptr, np.int64), np.asarray(idx, np.int64), np.asarray(val, np.float32))

    def rows(self) -> np.ndarray:
        return np.repeat(np.arange(len(self.indptr) - 1), np.diff(self.indptr))


def fit(x: Matrix, y: np.ndarray, w: np.ndarray, n_features: int, n_classes: int, params: Params) -> tuple:
    """Softmax regression by full-batch Adam from zeros: deterministic for fixed inputs."""
    weights = np.zeros((n_features, n_classes), np.float32)
    bias = np.zeros(n_classes, np.float32)
    moments = [(np.zeros_like(weights), np.zeros_like(weights)), (np.zeros_like(bias), np.zeros_like(bias))]
    onehot = np.eye(n_classes, dtype=np.float32)[y]
    share = (w / w.sum()).astype(np.float32)[:, None]
    order = np.argsort(x.indices, kind="stable")  # entries grouped by feature, for X^T·delta
    feats, starts = np.unique(x.indices[order], return_index=True)
    rows_by_feat = x.rows()[order]
    values_by_feat = x.values[order][:, None]
    values = x.values[:, None]
    for step in range(1, params.steps + 1):
        logits = _segment_sum(weights[x.indices] * values, x.indptr, len(y)) + bias
        logits -= logits.max(axis=1, keepdims=True)
        prob = np.exp(logits)
        prob /= prob.sum(axis=1, keepdims=True)
        delta = (prob - onehot) * share
        grad_w = params.l2 * weights
        grad_w[feats] += np.add.reduceat(delta[rows_by_feat] * values_by_feat, starts, axis=0)
        grad_b = delta.sum(axis=0)
        for param, grad, (m, v) in zip((weights, bias), (grad_w, grad_b), moments, strict=True):
            m *= 0.9
            m += 0.1 * grad
            v *= 0.999
            v += 0.001 * grad * grad
            param -= params.learning_rate * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
    return weights, bias


def _segment_sum(values: np.ndarray, indptr: np.ndarray, n_rows: int) -> np.ndarray:
    out = np.zeros((n_rows, values.shape[1]), values.dtype)
    nonempty = np.diff(indptr) > 0
    if values.size:
        out[nonempty] = np.add.reduceat(values, indptr[:-1][nonempty], axis=0)
    return out


def train(examples: Sequence[Example], classes: Sequence[str], params: Params) -> dict[str, Any]:
    """Fit on ``examples`` and return what ``encode`` writes (plus the fitted arrays)."""
    index = {c: i for i, c in enumerate(classes)}
    docs = [ngrams(e.text) for e in examples]
    labels = np.asarray([index[e.label] for e in examples])
    vocab = select_vocabulary(docs, labels.tolist(), len(classes), params)
    lookup = {g: i for i, g in enumerate(vocab)}
    x = Matrix.build(docs, lookup)
    counts = np.bincount(labels, weights=[e.weight for e in examples], minlength=len(classes))
    balance = np.clip(counts.sum() / (len(classes) * np.maximum(counts, 1e-9)), 0.2, 5.0)
    w = np.asarray([e.weight for e in examples]) * balance[labels]
    weights, bias = fit(x, labels, w, len(vocab), len(classes), params)
    return {"classes": list(classes), "vocab": vocab, "weights": weights, "bias": bias}


def _write(out: Path, name: str, model: dict[str, Any], stats: Counter[str]) -> int:
    data = encode(
        {"name": name, "classes": model["classes"], "vocab": model["vocab"], "trained_on": dict(sorted(stats.items()))},
        model["weights"],
        model["bias"],
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)
    return len(data)


def build(shared: Path, out_dir: Path = MODEL_PATH.parent, params: Params | None = None) -> dict[str, Any]:
    """Train both models from the shared data and the dev TRAIN lines; write them; summarise."""
    params = params or Params()
    rules = TopicRules.from_config(load_rule_file(ROOT / "config", "topics"))
    weak, stats = weak_examples(rules, shared, params)
    dev = dev_examples(DEV_SET, params.dev_weight)
    topic_bytes = _write(out_dir / MODEL_PATH.name, "topic", train(weak + dev, rules.topic_names, params), stats)
    stance_params = Params(features=params.stance_features, dev_weight=params.dev_weight, steps=params.steps)
    stance_weak, stance_stats = stance_examples(shared)
    stance_dev = dev_examples(DEV_SET, params.dev_weight, "stance")
    stance = train(stance_weak + stance_dev, STANCES, stance_params)
    stance_bytes = _write(out_dir / STANCE_PATH.name, "stance", stance, stance_stats)
    return {
        "topic": {"weak": len(weak), "dev": len(dev), "bytes": topic_bytes, **stats},
        "stance": {"weak": len(stance_weak), "dev": len(stance_dev), "bytes": stance_bytes, **stance_stats},
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared", help="the shared folder (data/…)")
    parser.add_argument("--out-dir", type=Path, default=MODEL_PATH.parent)
    args = parser.parse_args(argv)
    summary = build(args.shared, args.out_dir)
    print(json.dumps(summary, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
