"""Scope filter: the committed model loads fast, sorts clear messages right, explains itself,
and (with ../shared) still reaches its measured gold figures and rebuilds byte for byte."""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
import pytest

import analysis.scope as scope
from analysis.scope import DEFAULT_MODEL, GOLD_LABELS, IN_SCOPE, OTHER, ScopeClassifier, ngrams, normalise
from tests.conftest import SHARED_DIR, shared_path

# Floors sit a little below what the committed model measured on the 495 gold rows
# (closed set: accuracy 0.806, macro-F1 0.801, 城乡建设-vs-rest F1 0.759): a rebuild that
# loses quality fails here. The 城乡建设 target (0.90) is NOT met — see the report.
GOLD_FLOORS = {"accuracy": 0.79, "macro_f1": 0.79, "in_scope_f1": 0.74}
# Our own labelled dev set (closed rows: accuracy 0.862, macro-F1 0.865, in-scope F1 0.872).
DEV_FLOORS = {"accuracy": 0.84, "macro_f1": 0.84, "in_scope_f1": 0.85}


@pytest.fixture(scope="module")
def clf() -> ScopeClassifier:
    return ScopeClassifier.load()


def test_committed_model_is_small() -> None:
    """Its load time is a benchmark figure (bench/quality_scope.py), not a unit test."""
    assert DEFAULT_MODEL.exists()
    assert DEFAULT_MODEL.stat().st_size < 5_000_000


def test_version_is_the_content_hash(clf: ScopeClassifier) -> None:
    digest = hashlib.sha256(DEFAULT_MODEL.read_bytes()).hexdigest()[:12]
    assert clf.version == f"scope-{digest}"
    assert set(GOLD_LABELS) | {OTHER} == set(clf.labels)


def test_import_loads_nothing() -> None:
    assert not any(isinstance(v, ScopeClassifier) for v in vars(scope).values())


@pytest.mark.parametrize(
    ("title", "text", "label", "cues"),
    [
        (
            "小区暖气不热",
            "入冬以来我们小区暖气一直不热，室温只有十度，供暖不达标，热力公司不管。",
            "城乡建设",
            {"暖气", "供暖"},
        ),
        (
            "学校乱收费",
            "请问孩子所在小学开学又收补课费和资料费，学校这样收费合理吗？",
            "教育文体",
            {"补课", "学校", "收费"},
        ),
        (
            "投诉医院",
            "在市人民医院看病，医生态度恶劣，检查乱收费，住院病人没人管。",
            "卫生计生",
            {"医院", "医生", "看病"},
        ),
        (
            "退休金迟迟不发",
            "我已办理退休三个月，单位说养老保险没缴足，养老金一直领不到，怎么办？",
            "劳动和社会保障",
            {"养老", "退休"},
        ),
        ("出租车拒载", "晚上在火车站打出租车，司机拒载还乱要价。", "交通运输", {"出租车", "司机"}),
        ("化工厂偷排废水", "附近化工厂夜里偷排废水，河水发黑发臭，空气刺鼻。", "环境保护", {"废水", "偷排", "发臭"}),
    ],
)
def test_clear_examples(clf: ScopeClassifier, title: str, text: str, label: str, cues: set[str]) -> None:
    result = clf.predict(text, title=title)
    assert result.label == label, result
    assert result.features, "the n-grams that decided must be reported"
    assert any(cue in feature or feature in cue for feature in result.features for cue in cues), result.features
    assert 0.0 < result.probability <= 1.0
    assert result.probability == max(result.scores.values())
    assert abs(sum(result.scores.values()) - 1.0) < 1e-6


def test_in_scope_is_the_construction_remit(clf: ScopeClassifier) -> None:
    assert clf.in_scope("开发商延期交房两年，业主多次维权无果，请住建局督促交房。")
    assert clf.in_scope("小区物业乱收停车费，电梯经常坏也不修。")
    assert not clf.in_scope("孩子在幼儿园被老师体罚，学校不处理。")
    assert clf.predict("开发商延期交房").in_scope


def test_title_counts_more_than_body(clf: ScopeClassifier) -> None:
    body = "入冬以来暖气不热。孩子在学校上学也冷。"
    assert clf.predict(body, title="暖气不热").label == IN_SCOPE
    assert clf.predict(body, title="学校教室太冷，学生上课受冻").label == "教育文体"


def test_allowed_restricts_labels(clf: ScopeClassifier) -> None:
    text = "派出所民警出警太慢，报警半小时没人来。"
    assert clf.predict(text).label == OTHER
    closed = clf.predict(text, allowed=GOLD_LABELS)
    assert closed.label in GOLD_LABELS
    assert set(closed.scores) == set(GOLD_LABELS)
    with pytest.raises(ValueError, match="unknown labels"):
        clf.predict(text, allowed={"不存在"})


def test_predict_many_matches_predict(clf: ScopeClassifier) -> None:
    texts = ["小区停水三天了", "医保报销比例是多少", ""]
    titles = ["停水", None, None]
    many = clf.predict_many(texts, titles=titles)
    assert many == [clf.predict(t, title=h) for t, h in zip(texts, titles, strict=True)]
    with pytest.raises(ValueError):
        clf.predict_many(texts, titles=["只有一个"])


def test_empty_text_falls_back_to_the_prior(clf: ScopeClassifier) -> None:
    result = clf.predict("")
    assert result.features == ()
    assert result.label in clf.labels


def test_features_are_normalised_ngrams() -> None:
    assert normalise("Ａ３区２０１９年") == "a0区0年"
    grams = ngrams("物业费，太贵")
    assert {"物", "物业", "物业费", "太贵"} <= grams
    assert "费太" not in grams  # n-grams never span punctuation


def test_save_load_round_trip(tmp_path: Path) -> None:
    vocab = ["暖气", "学校", "医院"]
    weights = np.array([[2.0, -1.0], [-1.0, 2.0], [0.0, 0.0]])
    original = ScopeClassifier(["城乡建设", "教育文体"], vocab, weights, np.log([0.5, 0.5]), title_weight=2.0)
    version = original.save(tmp_path / "m.npz")
    loaded = ScopeClassifier.load(tmp_path / "m.npz")
    assert loaded.version == version
    assert loaded.predict("暖气坏了").label == "城乡建设"
    assert loaded.predict("学校").label == "教育文体"
    assert original.save(tmp_path / "again.npz") == version  # same content, same version


def test_gold_floors(clf: ScopeClassifier) -> None:
    from analysis.training.scope import GOLD_FILE, evaluate_scope

    shared_path(str(GOLD_FILE))  # skips, with the reason, when ../shared is absent
    report = evaluate_scope(clf, SHARED_DIR)
    assert report["n"] == 495
    assert report["accuracy"] >= GOLD_FLOORS["accuracy"], report
    assert report["macro_f1"] >= GOLD_FLOORS["macro_f1"], report
    assert report["in_scope"]["f1"] >= GOLD_FLOORS["in_scope_f1"], report


def test_dev_set_is_our_own_and_well_formed() -> None:
    """The dev set holds ids, our label and a text stub only, drawn from TRAIN-usable files."""
    from analysis.training.scope_data import DEV_FILE, DEV_FRESH_FILE, LABELS, read_rows

    rows = read_rows(DEV_FILE)
    fresh = read_rows(DEV_FRESH_FILE)
    assert (len(rows), len(fresh)) == (260, 100)
    assert {r["source"] for r in rows} == {"a3", "a4", "test"}
    assert {r["source"] for r in fresh} == {"test"}  # 测试数据: the messages closest to TEST
    assert len({(r["source"], r["id"]) for r in rows + fresh}) == len(rows) + len(fresh)
    assert {r["label"] for r in rows} == {r["label"] for r in fresh} == set(LABELS)
    assert max(len(r["text_start"]) for r in rows + fresh) <= 60


def test_dev_floors(clf: ScopeClassifier) -> None:
    from analysis.training.scope_data import DATASET
    from analysis.training.scope_eval import evaluate_dev

    shared_path(str(DATASET))
    closed = evaluate_dev(clf, SHARED_DIR)["closed"]
    assert closed["n"] == 210
    assert closed["accuracy"] >= DEV_FLOORS["accuracy"], closed
    assert closed["macro_f1"] >= DEV_FLOORS["macro_f1"], closed
    assert closed["in_scope"]["f1"] >= DEV_FLOORS["in_scope_f1"], closed


def test_training_rebuilds_the_committed_model(tmp_path: Path) -> None:
    """The committed model is exactly what the code builds from TRAIN material (about 30 s)."""
    from analysis.training.scope import DATASET, train_scope

    shared_path(str(DATASET))
    report = train_scope(SHARED_DIR, tmp_path / "scope.npz")
    assert report["version"] == ScopeClassifier.load().version
    assert report["weak_labels"]["training_documents"] > 3000
    assert report["agreement"]["model_vs_heldout_department"]["closed_7class_accuracy"] > 0.75
    assert report["corpus"]["a3_dropped_gold_repost"] > 0  # reposts of gold rows never train the model
    assert report["corpus"]["test_dropped_dev_repost"] >= 160  # nor do our dev messages
    assert report["dev"]["closed"]["accuracy"] >= DEV_FLOORS["accuracy"]
