"""The fast engine must give snownlp's own words and scores, text for text.

Everything here is compared with snownlp itself (loaded once per module, ~3 s, 420 MB),
never with stored numbers, so an upgraded snownlp or a changed table fails loudly.
"""

from __future__ import annotations

import csv
import random
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

from analysis import sentiment_fast
from analysis.sentiment_fast import _CHUNK_CHARS, _RE_ZH, SHORT_CHARS, FastSnowSentiment
from analysis.sentiment_snownlp import SnowNLPSentiment
from analysis.snowseg_numpy import log_scores
from analysis.snowseg_tables import SegTables

REPO_ROOT = Path(__file__).resolve().parents[2]
SHARED = REPO_ROOT.parent / "shared"
TOLERANCE = 1e-9
SAMPLE_SEED = 20240601

LONG_COMPLAINT = (
    "我们小区的物业公司从去年开始就不作为，电梯三天两头坏，垃圾堆在楼道里没人清理，"
    "业主多次投诉到物业服务中心都没有任何回复。冬天供热温度只有十五度，家里老人孩子冻得感冒，"
    "打了好几次12345热线也只是说会转交相关部门。上个月燃气管道漏气，燃气公司拖了两天才派人来修，"
    "真的太危险了！希望住建委能够重视，督促物业和供热公司尽快整改，给我们业主一个说法。"
)
TEXTS = [
    "物业不作为，暖气一点都不热，打了好几次电话都没人管，太让人失望了",
    "小区供热温度不达标，室内只有14℃，供热公司一直推诿",
    "燃气公司上门安检态度很好，师傅认真负责，点赞！",
    "感谢住建委的及时回复，问题已经解决了，非常满意",
    "楼上装修噪音从早上7点到晚上10点，严重影响休息！！！",
    "拖欠农民工工资2个月了，包工头电话打不通，怎么办？",
    "这个app真好用😀👍，就是有点卡🐢",
    "ＡＢＣ公司的服务太差了，１２３４５热线也打不通。",
    "房屋质量有問題，牆體開裂，開發商不處理，請政府幫幫忙",  # traditional characters
    "好好好好好好好好好好好好好好好好",
    "哈哈哈哈哈哈哈哈哈哈哈哈嗝嗝嗝",
    "吃面放屁打嗝儿了吗阿四",  # an unknown character leaves only -inf paths
    "龘靐齉爩鱻麤龗灪",  # characters snownlp's model has never seen
    "一龥",  # the two ends of snownlp's Chinese range U+4E00..U+9FA5
    "\u9fa6中文\u3400㐀𠀀字",  # just outside the range, CJK extension A and B
    "，。！？……——「」",  # punctuation only
    "龘",
    "中龘",
    "龘中文",
    "中文龘",  # an unknown character at each of a run's first three positions
    "中",
    "a",
    "",
    "   ",
    "\t\n\u3000 \u200b",
    "price 100元 per month, too expensive 太贵了",
    "  首尾空白  \u3000中间\u3000全角空格  ",
    "电话：0471-1234567，联系人：张先生。邮箱abc@example.com",
    "【投诉】#供热不达标# @市住建委 请尽快处理！（附图3张）",
    "就是就是就是就是就是就是就是就是就是就是",
    "的了是在和有",  # mostly stop words
    LONG_COMPLAINT,
    "无标点的长句" * 120,  # one 720-character run
    (LONG_COMPLAINT + "\n") * 12,  # a ~2,400-character text
]


@pytest.fixture(scope="module")
def cache_dir(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Keep the built tables across runs when pytest's cache is on (the build takes ~6 s)."""
    cache = getattr(request.config, "cache", None)
    return cache.mkdir("snownlp-fast") if cache is not None else tmp_path_factory.mktemp("snownlp-fast")


@pytest.fixture(scope="module")
def fast(cache_dir: Path) -> FastSnowSentiment:
    return FastSnowSentiment.load(cache_dir)


def forced(fast: FastSnowSentiment, path: str) -> FastSnowSentiment:
    """The same tables with every input sent down one Viterbi path, whatever its length."""
    engine = FastSnowSentiment(fast.seg, fast.bayes, fast.version)
    engine.short_chars = {"numpy": -1, "python": 1 << 62}[path]
    return engine


@pytest.fixture(scope="module")
def ref() -> SnowNLPSentiment:
    return SnowNLPSentiment.load()


def assert_parity(fast: FastSnowSentiment, ref: SnowNLPSentiment, texts: list[str]) -> None:
    """Words equal, scores within TOLERANCE, for each text and for the batch call, on the
    default routing and with everything forced down the numpy and the Python Viterbi."""
    want_words = [ref.words(text) for text in texts]
    want = [ref.score(text) for text in texts]
    for engine in (fast, forced(fast, "numpy"), forced(fast, "python")):
        batch = engine.score_many(texts)
        words = engine.words_many(texts)
        for i, text in enumerate(texts):
            where = (engine.short_chars, text[:60])
            assert words[i] == want_words[i], where
            assert abs(batch[i] - want[i]) <= TOLERANCE, (*where, batch[i], want[i])
            assert engine.score(text) == batch[i], where
            assert engine.words(text) == words[i], where


def test_handwritten_texts_match_snownlp(fast: FastSnowSentiment, ref: SnowNLPSentiment) -> None:
    assert_parity(fast, ref, TEXTS)


def test_random_character_soup_matches_snownlp(fast: FastSnowSentiment, ref: SnowNLPSentiment) -> None:
    """Known and unknown characters in random runs: ties, -inf paths, one-char runs."""
    rng = random.Random(SAMPLE_SEED)
    known = list("的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发")
    texts = []
    for _ in range(200):
        size = rng.choice([1, 2, 3, 5, 8, 13, 30])
        share = rng.choice([0.0, 0.1, 0.5, 0.9])
        runs = [
            "".join(
                chr(rng.randint(0x4E00, 0x9FA5)) if rng.random() < share else rng.choice(known) for _ in range(size)
            )
            for _ in range(rng.randint(1, 3))
        ]
        texts.append(rng.choice(["，", " ", "a1 "]).join(runs))
    assert_parity(fast, ref, texts)


def test_batches_larger_than_one_chunk_score_like_single_texts(fast: FastSnowSentiment) -> None:
    """Runs are cut into numpy chunks of _CHUNK_CHARS Chinese characters; results must not move."""
    texts = TEXTS * 12
    assert sum(map(len, _RE_ZH.findall("".join(texts)))) > _CHUNK_CHARS
    singles = {text: fast.score(text) for text in TEXTS}
    assert fast.score_many(texts) == [singles[text] for text in texts]
    assert fast.words_many(texts) == [fast.words(text) for text in texts]


def test_short_inputs_take_the_python_viterbi_and_long_ones_numpy(
    fast: FastSnowSentiment, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The route depends only on Chinese characters per call; both give the same words."""
    short, long = "物业不作为，暖气不热" * 2, "物业不作为，暖气不热" * 20
    assert sum(map(len, _RE_ZH.findall(short))) <= SHORT_CHARS < sum(map(len, _RE_ZH.findall(long)))
    expected = {text: fast.words(text) for text in (short, long)}
    calls: list[int] = []
    numpy_path = sentiment_fast.segment_runs

    def counting(*args: object) -> tuple[list[str], list[int]]:
        calls.append(1)
        return numpy_path(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(sentiment_fast, "segment_runs", counting)
    assert fast.words(short) == expected[short] and not calls
    assert fast.words(long) == expected[long] and len(calls) == 1
    assert fast.words_many([short] * 10) == [expected[short]] * 10 and len(calls) == 2


def test_python_and_numpy_viterbi_agree_on_many_random_runs(fast: FastSnowSentiment) -> None:
    """Cheaper than asking snownlp, so many more runs: every length to 40, frequent and rare
    and unknown characters, repeats (ties), all compared word for word."""
    rng = random.Random(SAMPLE_SEED)
    common = "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发"
    runs = [
        "".join(rng.choice(common) if rng.random() < 0.6 else chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(size))
        for size in [*range(1, 41)] * 40
    ]
    runs += [run for text in TEXTS for run in _RE_ZH.findall(text)]
    assert fast.short.segment(runs) == sentiment_fast.segment_runs(fast.seg, runs)


def test_python_viterbi_scores_every_state_as_the_textbook_recursion(fast: FastSnowSentiment) -> None:
    """Its shortcuts (best of 4 taken before adding, BOS's one live slot) give each state
    the very float of ``max over ta of prob + log_prob`` on the full 64 scores."""
    rng = random.Random(SAMPLE_SEED + 1)
    common = "物业不作为暖气一点都不热打了好几次电话都没人管的一是了在人有我他这个们中"
    runs = [
        "".join(rng.choice(common) if rng.random() < 0.8 else chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(size))
        for size in [*range(1, 25)] * 10
    ]
    runs += [run for text in TEXTS for run in _RE_ZH.findall(text)]  # real text: trigram hits in every slot
    fwd, _ = fast.short._forward(runs)
    at = 0
    for run in runs:
        cid = fast.seg.cp2id[np.array([ord(c) for c in run]) - 0x4E00]
        prev = np.concatenate(([0], cid[:-1]))
        prev2 = np.concatenate(([0, 0], cid[:-2]))[: len(cid)]
        scores = log_scores(fast.seg, cid, prev, prev2).T.tolist()
        p = fwd[at]
        for k in range(len(run)):
            p = [max(p[ta * 4 + (s >> 2)] + scores[k][ta * 16 + s] for ta in range(4)) for s in range(16)]
            assert p == fwd[at + k + 1], (run, k)
        at += len(run) + 1
    assert at == len(fwd)


def test_python_viterbi_keeps_no_numpy_scalars(fast: FastSnowSentiment) -> None:
    """memoryview reads give Python floats and ints; a numpy scalar would be slow, not wrong."""
    engine = forced(fast, "python")
    fwd, steps = engine.short._forward(["物业不作为暖气不热", "龘中"])
    assert {type(v) for p in fwd for v in p} == {float}
    assert {type(v) for step in steps for v in step} == {int}


def test_every_log_score_equals_snownlp_log_prob(fast: FastSnowSentiment, ref: SnowNLPSentiment) -> None:
    """The precomputed tables against snownlp's own log_prob, bit for bit, at each position."""
    ref.words("")  # loads snownlp
    from snownlp.seg import segger

    model = segger.segger
    for text in ("物业不作为暖气不热", "吃面放屁打嗝儿了吗阿四", "感谢住建委及时回复非常满意", "一龘中"):
        cid = fast.seg.cp2id[np.array([ord(c) for c in text]) - 0x4E00]
        prev = np.concatenate(([0], cid[:-1]))
        prev2 = np.concatenate(([0, 0], cid[:-2]))[: len(cid)]
        scores = log_scores(fast.seg, cid, prev, prev2).reshape(4, 4, 4, len(text))
        for i, char in enumerate(text):
            if fast.seg.not_found[cid[i]]:
                continue  # snownlp never scores an unknown character
            for ta in range(4) if i >= 2 else (3,):
                for tb in range(4) if i >= 1 else (3,):
                    for tc in range(4):
                        s1 = (text[i - 2], model.status[ta]) if i >= 2 else ("", "BOS")
                        s2 = (text[i - 1], model.status[tb]) if i >= 1 else ("", "BOS")
                        want = model.log_prob(s1, s2, (char, model.status[tc]))
                        assert scores[ta, tb, tc, i] == want, (text, i, ta, tb, tc)


def test_stop_words_are_snownlps(fast: FastSnowSentiment, ref: SnowNLPSentiment) -> None:
    ref.words("")
    from snownlp import normal

    assert {w for w, logs in fast.bayes.word_logs.items() if logs is None} == normal.stop


def test_reference_engine_is_snownlp_sentiments(ref: SnowNLPSentiment) -> None:
    """``score`` is ``SnowNLP(t).sentiments``; only ``""`` differs, where snownlp raises."""
    from snownlp import SnowNLP

    for text in [t for t in TEXTS if t][:12]:
        assert ref.score(text) == SnowNLP(text).sentiments
    with pytest.raises(ZeroDivisionError):
        SnowNLP("").sentiments  # noqa: B018 - its unused BM25 index divides by len("")
    assert 0.0 <= ref.score("") <= 1.0


def test_cached_tables_read_back_identical(fast: FastSnowSentiment, tmp_path: Path) -> None:
    fast.seg.save(tmp_path / "seg.npz")
    again = SegTables.read(tmp_path / "seg.npz")
    for name in ("cp2id", "uni", "not_found"):
        assert np.array_equal(getattr(again, name), getattr(fast.seg, name))
    for name in ("bi", "tri"):
        for field in ("keys", "buckets", "off", "code", "val"):
            assert np.array_equal(getattr(getattr(again, name), field), getattr(getattr(fast.seg, name), field))


def test_import_loads_nothing_and_fast_engine_never_imports_snownlp(fast: FastSnowSentiment, cache_dir: Path) -> None:
    code = textwrap.dedent(
        f"""
        import sys
        import analysis.sentiment_fast, analysis.sentiment_snownlp
        assert "snownlp" not in sys.modules and "numpy" in sys.modules
        from analysis.sentiment_fast import FastSnowSentiment
        engine = FastSnowSentiment.load({str(cache_dir)!r})
        print(engine.score("物业不作为，暖气不热"))
        assert "snownlp" not in sys.modules
        """
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert float(done.stdout) == fast.score("物业不作为，暖气不热")


def _sample(path: Path, column: str, k: int) -> list[str]:
    with path.open(encoding="utf-8", newline="") as fh:
        texts = [row[column] for row in csv.DictReader(fh)]
    return random.Random(SAMPLE_SEED).sample(texts, min(k, len(texts)))


def test_real_posts_and_reviews_match_snownlp(fast: FastSnowSentiment, ref: SnowNLPSentiment) -> None:
    weibo = SHARED / "data" / "weibo2018" / "test.csv"
    reviews = SHARED / "data" / "ChnSentiCorp_htl_all" / "ChnSentiCorp_htl_all.csv"
    if not (weibo.is_file() and reviews.is_file()):
        pytest.skip(f"{SHARED / 'data'} is absent: the shared datasets sit beside the repo on CI and dev machines")
    assert_parity(fast, ref, _sample(weibo, "text", 150) + _sample(reviews, "review", 150))
