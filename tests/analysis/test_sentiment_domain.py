"""The domain sentiment engine: the committed model, its labels, and its trainer.

The labelled sentences below are written for these tests and are not among the
training seeds (``analysis.training.sentiment_cues.SEED_*``), so they check generalisation,
not recall of a template.
"""

from __future__ import annotations

import hashlib
import random
import subprocess
import sys
from pathlib import Path

import pytest

from analysis.sentiment_domain import DEFAULT_MODEL_PATH, DomainSentiment, hashed_counts, normalize

REPO_ROOT = Path(__file__).resolve().parents[2]
SHARED_DIR = REPO_ROOT.parent / "shared"

COMPLAINTS = [
    "物业乱收停车费，电梯坏了一个月没人修，业主很气愤",
    "旁边工地每天半夜施工，噪音太大，孩子无法入睡",
    "某建筑公司拖欠我们20名工人工资半年了，去了好几次都不给",
    "楼上漏水把我家天花板泡坏了，物业推给开发商，开发商推给物业",
    "新房交付才半年墙面就大面积开裂，质量太差了",
]
PRAISE = [
    "感谢物业及时维修",
    "热力公司的师傅冒着大雪上门检修，真的很感动，谢谢你们",
    "住建局很快回复了我的诉求，问题已经解决，非常感谢",
]
QUESTIONS = [
    "请问公租房怎么申请？",
    "公积金贷款额度怎么计算？",
    "办理房产证要带什么证件？",
    "想问一下拆迁补偿标准是多少",
]


@pytest.fixture(scope="module")
def model() -> DomainSentiment:
    return DomainSentiment.load()


def test_committed_model_is_small() -> None:
    """Every worker loads it; its load time is measured in bench/quality.py, not here."""
    assert DEFAULT_MODEL_PATH.stat().st_size < 5 * 1024 * 1024


def test_import_loads_nothing() -> None:
    """Workers import the engine registry eagerly; the model must load only on demand."""
    code = "import sys, analysis.sentiment_domain; assert 'sklearn' not in sys.modules and 'snownlp' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, check=True, timeout=60)


def test_labels_clear_domain_texts(model: DomainSentiment) -> None:
    got = {text: model.label(model.score(text)) for text in COMPLAINTS + PRAISE + QUESTIONS}
    wrong = {t: g for t, g in got.items() if g != ("neg" if t in COMPLAINTS else "pos" if t in PRAISE else "neu")}
    assert not wrong, wrong


def test_scores_are_probabilities_and_batch_equals_single(model: DomainSentiment) -> None:
    texts = [*COMPLAINTS, *PRAISE, *QUESTIONS, "", "   ", "。。。", "x" * 20000]
    batch = model.score_many(texts)
    assert all(0.0 <= s <= 1.0 for s in batch)
    assert batch == pytest.approx([model.score(t) for t in texts])
    assert model.score("") == 0.5
    assert model.score("。。。") == 0.5  # punctuation only: no evidence either way
    assert max(model.score_many(COMPLAINTS)) < min(model.score_many(QUESTIONS)) < min(model.score_many(PRAISE))


def test_label_band(model: DomainSentiment) -> None:
    assert model.label(0.0) == "neg"
    assert model.label(0.5) == "neu"
    assert model.label(1.0) == "pos"
    assert model.label(model.NEG_BELOW) == "neu"
    assert model.label(model.POS_ABOVE) == "neu"


def test_version_comes_from_file_content(model: DomainSentiment, tmp_path: Path) -> None:
    digest = hashlib.sha256(DEFAULT_MODEL_PATH.read_bytes()).hexdigest()[:8]
    assert model.version == f"domain-{digest}"
    assert DomainSentiment.load().version == model.version
    copy = tmp_path / "copy.npz"
    copy.write_bytes(DEFAULT_MODEL_PATH.read_bytes())
    assert DomainSentiment.load(copy).version == model.version


def test_hashing_is_stable_across_processes() -> None:
    """Buckets must not depend on PYTHONHASHSEED, or a model would score garbage elsewhere."""
    code = (
        "from analysis.sentiment_domain import hashed_counts;"
        "d, b, c = hashed_counts(['物业不作为', '感谢'], 20, 3); print(b.tolist(), c.tolist())"
    )
    outs = {
        subprocess.run(
            [sys.executable, "-c", code],
            cwd=REPO_ROOT,
            env={"PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
            timeout=60,
        ).stdout
        for seed in ("1", "2")
    }
    assert len(outs) == 1
    doc, bucket, count = hashed_counts(["物业不作为", "感谢"], 20, 3)
    assert outs.pop().strip() == f"{bucket.tolist()} {count.tolist()}"
    # "物业不作为" has 5 + 6 + 5 n-grams with markers (unigrams exclude them): 16 rows unless buckets collide
    assert int(count[doc == 0].sum()) == 16


def test_normalize_folds_width_digits_and_space() -> None:
    assert normalize("ＡＢＣ　１２３年？\u200b\n\n好") == "abc 000年? 好"


def test_normalize_folds_emoticon_tags_only_when_asked() -> None:
    assert normalize("[微笑]好的") == "[微笑]好的"
    folded = normalize("[微笑]好的[微笑][doge]", tags=True)
    assert len(folded) == 5 and folded[0] == folded[3] != folded[4]
    assert "\ue000" <= folded[0] <= "\uf7ff"
    assert folded[1:3] == "好的"


def test_gain_codes_round_trip_within_two_percent() -> None:
    import numpy as np

    from analysis.sentiment_domain import encode_gain, gain_codebook

    gain = np.array([0.0, 0.07, 0.5, 1.0, 3.3, 10.0, 19.4])
    decoded = gain_codebook()[encode_gain(gain)]
    assert decoded[0] == 0.0
    assert np.allclose(decoded[1:], gain[1:], rtol=0.02)


def test_old_float16_gain_files_still_load(model: DomainSentiment, tmp_path: Path) -> None:
    """Models written before the 8-bit gain codes (format /1) keep scoring the same."""
    import numpy as np

    from analysis.sentiment_domain import write_model

    meta = {**model.meta, "format": "yuqing-sentiment-hashed-ngram/1"}
    arrays = {"weight": model._weight.astype(np.float16), "gain": model._gain.astype(np.float16)}
    write_model(tmp_path / "old.npz", arrays, meta)
    old = DomainSentiment.load(tmp_path / "old.npz")
    texts = COMPLAINTS + PRAISE + QUESTIONS
    assert old.score_many(texts) == pytest.approx(model.score_many(texts), abs=1e-3)


def _synthetic(n: int, seed: int) -> list[tuple[str, int]]:
    rng = random.Random(seed)
    good = ["满意", "感谢", "很好", "及时", "热情", "干净"]
    bad = ["漏水", "扰民", "拖欠", "恶臭", "推诿", "太差"]
    filler = ["小区", "物业", "师傅", "楼道", "电梯", "今天", "我们", "这个"]
    rows = []
    for i in range(n):
        label = i % 2
        words = rng.sample(filler, 3) + rng.sample(good if label else bad, 2)
        rng.shuffle(words)
        rows.append(("".join(words), label))
    return rows


def test_train_on_synthetic_rows_writes_a_model_that_separates(tmp_path: Path) -> None:
    from analysis.training.sentiment import TrainConfig, train_sentiment

    config = TrainConfig(bits=16)  # a small table keeps this test fast; the code path is the same
    out = tmp_path / "m.npz"
    report = train_sentiment(tmp_path / "no-shared", extra=_synthetic(400, 1), out=out, config=config)
    assert report["missing"] == ["weibo2018_test", "chnsenticorp_test", "weibo_senti_100k_subset", "fuzhou"]
    assert report["training"]["rows"] == {"extra": 400, "seed": report["training"]["rows"]["seed"]}
    model = DomainSentiment.load(out)
    assert model.version == report["version"]
    held_out = _synthetic(100, 2)
    scores = model.score_many([t for t, _ in held_out])
    accuracy = sum((s > 0.5) == bool(y) for s, (_, y) in zip(scores, held_out, strict=True)) / len(held_out)
    assert accuracy >= 0.95
    # Same data, same bytes: the version of a rebuilt model does not drift.
    again = tmp_path / "again.npz"
    train_sentiment(tmp_path / "no-shared", extra=_synthetic(400, 1), out=again, config=config)
    assert again.read_bytes() == out.read_bytes()


def test_train_with_gain_codes_and_tags_writes_format_2(tmp_path: Path) -> None:
    import zipfile

    from analysis.training.sentiment import TrainConfig, train_sentiment

    config = TrainConfig(bits=16, gain_codes=True, tags=True)
    out = tmp_path / "m.npz"
    train_sentiment(tmp_path / "no-shared", extra=_synthetic(400, 1), out=out, config=config)
    assert sorted(zipfile.ZipFile(out).namelist()) == ["gain_book.npy", "gain_code.npy", "meta.json", "weight.npy"]
    model = DomainSentiment.load(out)
    assert model.meta["format"].endswith("/2") and model.meta["tags"] is True
    held_out = _synthetic(100, 2)
    scores = model.score_many([t for t, _ in held_out])
    assert sum((s > 0.5) == bool(y) for s, (_, y) in zip(scores, held_out, strict=True)) >= 95


def test_train_rejects_bad_labels(tmp_path: Path) -> None:
    from analysis.training.sentiment import train_sentiment

    with pytest.raises(ValueError, match="0 \\(neg\\) or 1 \\(pos\\)"):
        train_sentiment(tmp_path, extra=[("好", 2)], out=tmp_path / "m.npz")


def test_roc_auc_matches_definition() -> None:
    from analysis.training.sentiment import roc_auc

    assert roc_auc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) == pytest.approx(0.75)
    assert roc_auc([0, 1], [0.5, 0.5]) == pytest.approx(0.5)


def _weibo2018_test_accuracy(model: DomainSentiment) -> float:
    path = SHARED_DIR / "data" / "weibo2018" / "test.csv"
    if not path.exists():
        pytest.skip(f"{path} is absent: shared datasets live beside the repo only on CI and dev machines")
    from analysis.training.sentiment import sentiment_test_sets

    texts, labels = sentiment_test_sets(SHARED_DIR)["weibo2018_test"]
    scores = model.score_many(texts)
    return sum((s > 0.5) == (y == 1) for s, y in zip(scores, labels, strict=True)) / len(labels)


def test_committed_model_weibo2018_test_accuracy_floor(model: DomainSentiment) -> None:
    """Regression guard: no worse than the honest char TF-IDF+LR baseline (bench/quality.py)."""
    accuracy = _weibo2018_test_accuracy(model)
    assert accuracy >= 0.88, f"weibo2018 TEST accuracy {accuracy:.3f} < 0.88"


@pytest.mark.xfail(
    strict=True, reason="goal 0.92 not reached: the committed model measures 0.896 (honest TF-IDF+LR baseline 0.878)"
)
def test_committed_model_weibo2018_test_accuracy_goal(model: DomainSentiment) -> None:
    accuracy = _weibo2018_test_accuracy(model)
    assert accuracy >= 0.92, f"weibo2018 TEST accuracy {accuracy:.3f} < 0.92"
