"""Fit the scope classifier (``analysis/scope.py``) without a single labelled training row.

The only gold topic labels are the 495-row sample of 附件2, and that is TEST
(``/work/shared/data/README.md``): ``evaluate_scope`` reads it to report, and ``train_scope``
reads its texts (never its labels) only to drop reposts of them from the unlabelled pool.
The same is done for our own dev set (``scope_data.DEV_FILE``), so both yardsticks score
a model that never saw their messages.

What the model learns from (all TRAIN-usable per the data README), in modules of their own:

1. **Weak labels** (``scope_lexicon``): seed words from the taxonomy (附件1) plus everyday
   words for the same topics, and the department an official reply (附件4) names.
   Department labels override the lexicon and weigh 3×.
2. **Naive Bayes pooled with the lexicon** (``scope_nb``): binary character 1–3-gram NB
   on the weakly labelled messages, each class's n-gram distribution linearly pooled with
   a uniform distribution over its seed n-grams so the lexicon keeps its say where the
   data are thin.
3. **Calibration** (``department_yardstick``): a temperature fitted on reply-department
   labels held out of training, because NB posteriors are far too sharp to show as-is.

How designs were chosen: on our own labelled dev set (``evaluate_dev``, 260 messages
labelled by reading them against the taxonomy), never on TEST; the figures of every
design tried are in ``Params``.
"""

from __future__ import annotations

import hashlib
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

from analysis.scope import DEFAULT_MODEL, GOLD_LABELS, IN_SCOPE, ScopeClassifier
from analysis.training.scope_data import (
    DATASET,
    DEV_FRESH_FILE,
    GOLD_FILE,
    LABELS,
    SILVER_FILE,
    Message,
    load_dev,
    load_gold,
    load_silver,
    load_unlabelled,
)
from analysis.training.scope_eval import binary_report, evaluate_dev, evaluate_scope, f1_report
from analysis.training.scope_lexicon import build_lexicon, department_label, lexicon_label
from analysis.training.scope_nb import (
    Corpus,
    build_vocab,
    featurise,
    fit_nb_counts,
    nb_logits,
    seed_distribution,
    seed_grams,
    softmax,
)

__all__ = ["DATASET", "GOLD_FILE", "Params", "evaluate_scope", "load_gold", "train_scope"]


@dataclass(frozen=True)
class Params:
    """Hyper-parameters, chosen on our labelled dev set (``evaluate_dev``), never on TEST.

    Dev figures (closed 7-class rows, n=210: macro-F1 / accuracy / 城乡建设-vs-rest F1;
    a row is 0.5 point of accuracy, 商贸旅游 and 卫生计生 have 9 and 8 rows, so macro-F1
    moves ±3 points on one message and only differences of several rows mean anything):

    * previous design (title 3, ratio 3, lexicon with 公交 under 交通运输): .783 / .781 / .788
    * + lexicon follows the taxonomy (公共汽车, 地铁城铁 and 电力供应 are 城乡建设's
      城市建设和市政管理; noise words to 环境保护; traffic-police words to 其他):
      .799 / .814 / .836 — the one change that moved many rows
    * + title weight 8 (titles state the topic; 1 / 5 / 10 / 12: .738 / .760 / .836 / .812
      macro): .806 / .829 / .849
    * + lexicon ratio 2 (a weak label needs 2×, not 3×, the runner-up's score: more,
      still mostly right, training documents; 1.5 was worse): **.852 / .857 / .872**
    * tried on top and not kept: EM self-training (Nigam et al.) 3 rounds at weight 0.3 or
      1.0: .823 / .829 / .842 (it drifts toward the big 城乡建设 class, recall .80); min_df 5:
      .823 / .833 / .856; alpha 0.5 / 1.0 (min_df 2): .771 / .680 macro; department weight
      1: .831 / .843 / .862; uniform or pool-re-estimated class priors: no change at all
      (the n-gram evidence swamps the prior); logistic regression on weak labels, or on
      weak labels plus NB pseudo-labels of the whole pool (C 0.1–1): .822–.837 / .848–.871
      / .880–.900 — level with NB within a few rows, at 20× the fitting time, so not kept;
      dropping messages whose lexicon and department labels disagree: .838 / .843 / .863.

    The 100 messages of ``DEV_FRESH_FILE``, labelled after the choice, confirmed it: the
    chosen design .810 / .859 / .892 there, the previous title weight and ratio (with the
    new lexicon) .739 / .808 / .824. (Figures from the unquantised fit; the committed int8
    model is within a row of them — the bench prints its own.)

    A second round (2026-11-26) tried to close the TEST gap (0.786 macro, 0.742 in-scope)
    and found no design that beats this one, so the model was left as it is. Each line is
    closed-set macro-F1 / 城乡建设 F1 on dev (n=210), dev_fresh (n=78) and the reply-department
    labels held out 3-fold (n=855, the ``department_yardstick`` setting); the shipped design
    is .845/.862, .810/.892, .716/.756:

    * department weight 1 / 6 / 10: .842/.866, .831/.923, .705/.754 · .839/.859, .797/.879,
      .718/.761 · .833/.846, .776/.866, .724/.771; title weight 4: .799/.848, .772/.866,
      .727/.763; lexicon pool .1 / .5 and alpha .1 / .05: all within ±.04 of the shipped row;
    * only 2–3-grams: .843/.851, .821/.906, .709/.762; only 1–2-grams: .849/.867, .759/.853,
      .707/.769; uniform class prior: .845/.862, .810/.892, .717/.757;
    * complement-style NB (each class against the pool of the others): .829/.850, .790/.866,
      .724/.770; L2-normalised logistic regression (title 3, C 10): .754/.863, .772/.873,
      .666/.759 at ~90 s a fit; length-normalised ensembles of title weights 4+8+12 or 8+30:
      .845/.862, .810/.892, .713/.757 and .835/.856, .770/.875, .711/.760;
    * EM self-training, 2 rounds at weight 0.3: .825/.848, .819/.906, .718/.754; the same on
      calibrated posteriors: .822/.843, .792/.903, .713/.743; one round over the 测试数据
      messages only: .855/.859, .803/.889, .717/.762;
    * bus words (公交, 公交车, 公交线路 …, and the taxonomy's 公共汽车) moved to 交通运输,
      because 37 of the 40 one-department replies to such titles came from 交通运输局:
      .826/.819, .800/.875, .747/.796 — the department yardstick's biggest gain, paid for on
      both dev sets (they file buses under 城乡建设, as the taxonomy does), and it dragged
      metro and road messages along. Measured once on TEST: .789 macro / .731 in-scope
      (shipped: .786 / .742), so a better department figure did not carry over; not kept.
      With noise words also moved to 城乡建设 (扰民 titles: 13 城管/住建 replies, 2 环保) or
      dropped: .772/.776, .735/.829, .757/.829 and .775/.774, .738/.853, .747/.814 (not
      measured on TEST).

    The held-out department labels put 城乡建设 F1 at .756, close to TEST's .742 and far
    below the dev sets' .86–.89: the dev sets are easier (or labelled more like the lexicon)
    than TEST, and what limits TEST is the weak labels themselves, not the learner.

    A third round (session 6) added better weak labels: 2,400 pool messages (fixed seed, no
    dev or TEST message nor a repost of one) labelled by annotators who read each against
    the taxonomy's third-level categories (``scope_data.SILVER_FILE``: ids, labels and the
    category chosen). As NB training documents overriding the other weak labels, dev /
    dev_fresh closed macro-F1 / 城乡建设 F1 at silver weight 0 / 1 / 3 / 10: .843/.863,
    .810/.892 · .851/.875, .819/.906 · **.865/.872, .829/.923** · .844/.873, .865/.896; weight 3
    was chosen. Logistic regression on the silver labels alone (char 1-3-grams, C 1-16):
    .42-.67 macro on dev, far below (2,400 messages are too few for the rare classes).
    Measured once on TEST after the choice: macro-F1 0.786 -> 0.801, 城乡建设 F1 0.742 -> 0.759.
    """

    alpha: float = 0.2
    title_weight: float = 8.0
    min_df: int = 2
    department_weight: float = 3.0
    lexicon_pool: float = 0.3
    em_rounds: int = 0
    em_weight: float = 0.1
    em_temperature: float = 1.0
    lexicon_title_weight: float = 3.0
    lexicon_min_score: float = 2.0
    lexicon_ratio: float = 2.0
    silver_weight: float = 3.0  # annotators' labels of pool messages (scope_data.SILVER_FILE); 0 = unused


def weak_labels(
    messages: Sequence[Message], lexicon: dict[str, dict[str, str]], params: Params
) -> tuple[list[str | None], list[str | None]]:
    """(lexicon, department) weak labels per message; either may be None."""
    lex = [
        lexicon_label(
            m.title,
            m.body,
            lexicon,
            min_score=params.lexicon_min_score,
            ratio=params.lexicon_ratio,
            title_weight=params.lexicon_title_weight,
        )[0]
        for m in messages
    ]
    dept = [department_label(m.reply)[0] if m.reply else None for m in messages]
    return lex, dept


def training_targets(
    lex: Sequence[str | None],
    dept: Sequence[str | None],
    params: Params,
    *,
    hide: np.ndarray | None = None,
    silver: Sequence[str | None] | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """One-hot targets and document weights: an annotator's label (weight ``silver_weight``)
    overrides a department label (weight ``department_weight``), which overrides the lexicon
    label (weight 1). ``hide`` masks department labels held out for scoring."""
    n = len(lex)
    resp = np.zeros((n, len(LABELS)))
    weight = np.zeros(n)
    for i, (lx, dp) in enumerate(zip(lex, dept, strict=True)):
        if silver is not None and silver[i] is not None and params.silver_weight > 0:
            resp[i, LABELS.index(silver[i])] = 1.0
            weight[i] = params.silver_weight
        elif dp is not None and not (hide is not None and hide[i]):
            resp[i, LABELS.index(dp)] = 1.0
            weight[i] = params.department_weight
        elif lx is not None:
            resp[i, LABELS.index(lx)] = 1.0
            weight[i] = 1.0
    return resp, weight


def fit_nb(
    corpus: Corpus, resp: np.ndarray, weight: np.ndarray, params: Params, seed_dist: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """NB on the weak labels, then ``em_rounds`` of EM over the unlabelled rest (weak labels stay clamped)."""
    known = weight > 0
    loglik, logprior = fit_nb_counts(corpus, resp, weight, params.alpha, seed_dist, params.lexicon_pool)
    for _ in range(params.em_rounds):
        post = softmax(nb_logits(corpus, loglik, logprior), params.em_temperature)
        loglik, logprior = fit_nb_counts(
            corpus,
            np.where(known[:, None], resp, post),
            np.where(known, weight, params.em_weight),
            params.alpha,
            seed_dist,
            params.lexicon_pool,
        )
    return loglik, logprior


def department_yardstick(
    corpus: Corpus,
    lex: Sequence[str | None],
    dept: Sequence[str | None],
    params: Params,
    seed_dist: np.ndarray | None = None,
    folds: int = 3,
) -> tuple[dict[str, Any], tuple[float, float]]:
    """Cross-fitted agreement with reply-department labels, and the (temperature, length power) calibrating them.

    Each fold's department labels are hidden from training and then predicted: the text
    model never sees the label it is scored against, and department labels never depend
    on the message wording. Returns the report and the softmax temperature (and its growth
    with message length) minimising the held-out negative log-likelihood — NB posteriors
    are far too sharp to show as-is.
    """
    fold = np.array([int(hashlib.sha256(str(i).encode()).hexdigest(), 16) % folds for i in range(len(lex))])
    logits = np.zeros((corpus.n_docs, len(LABELS)))
    for f in range(folds):
        resp, weight = training_targets(lex, dept, params, hide=fold == f)
        loglik, logprior = fit_nb(corpus, resp, weight, params, seed_dist)
        rows = fold == f
        logits[rows] = nb_logits(corpus, loglik, logprior)[rows]
    has = np.array([d is not None for d in dept])
    ref = [d for d in dept if d is not None]
    target = np.array([LABELS.index(d) for d in ref])
    open_pred = [LABELS[i] for i in logits[has].argmax(axis=1)]
    closed_rows = np.array([d in GOLD_LABELS for d in ref])
    closed_pred = [GOLD_LABELS[i] for i in logits[has][closed_rows][:, : len(GOLD_LABELS)].argmax(axis=1)]
    closed_ref = [d for d in ref if d in GOLD_LABELS]
    # NB sums one log-ratio per n-gram as if they were independent, so its logits grow with
    # the message's length: calibrate with a temperature that grows as mass**power too
    mass = np.bincount(corpus.doc, weights=corpus.val, minlength=corpus.n_docs)[has]
    held = logits[has]
    best_t, best_power, best_nll = 1.0, 0.0, float("inf")
    for power in (0.0, 0.25, 0.5, 0.75, 1.0):
        for t in np.geomspace(0.01, 1000.0, 61):
            scaled = held / (t * np.maximum(mass, 1.0) ** power)[:, None]
            p = softmax(scaled)[np.arange(len(target)), target]
            nll = float(-np.log(np.maximum(p, 1e-12)).mean())
            if nll < best_nll:
                best_t, best_power, best_nll = float(t), power, nll
    report = {
        "n": len(ref),
        "open_8class_accuracy": round(sum(p == r for p, r in zip(open_pred, ref, strict=True)) / len(ref), 4),
        "closed_7class_n": len(closed_ref),
        "closed_7class_accuracy": round(
            sum(p == r for p, r in zip(closed_pred, closed_ref, strict=True)) / max(1, len(closed_ref)), 4
        ),
        **{"closed_7class_" + k: v for k, v in f1_report(closed_ref, closed_pred, GOLD_LABELS).items()},
        "closed_in_scope": binary_report(closed_ref, closed_pred, IN_SCOPE),
        "temperature": round(best_t, 4),
        "length_power": best_power,
        "heldout_nll": round(best_nll, 4),
    }
    return report, (best_t, best_power)


# --------------------------------------------------------------------------- training entry point
def train_scope(shared_dir: Path, out: Path, params: Params | None = None) -> dict[str, Any]:
    """Rebuild the model at ``out`` from TRAIN-usable material; return a report of what it learnt from.

    Deterministic: messages are ordered by a content hash, the vocabulary is sorted, and
    nothing is random, so the same inputs give a byte-identical model (and ``version``).
    """
    started = time.perf_counter()
    params = params or Params()
    shared_dir = Path(shared_dir)
    gold = load_gold(shared_dir)
    dev = load_dev(shared_dir) + load_dev(shared_dir, DEV_FRESH_FILE)
    exclude = {"gold": [(r["留言主题"], r["留言详情"]) for r in gold], "dev": [(m.title, m.body) for m, _ in dev]}
    messages, stats = load_unlabelled(shared_dir, exclude=exclude)
    del gold, dev  # only the exclusion above reads evaluation rows, and never their labels
    messages.sort(key=lambda m: hashlib.sha256(f"{m.source}/{m.ident}/{m.title}/{m.body}".encode()).hexdigest())
    lexicon = build_lexicon(shared_dir)
    lex, dept = weak_labels(messages, lexicon, params)

    # every seed n-gram joins the vocabulary even if the corpus lacks it: the lexicon must
    # work on Tianjin text whose words these Hunan messages never used
    seeds = {g for word in lexicon for g in seed_grams(word)}
    vocab = sorted(set(build_vocab(messages, params.min_df)) | seeds)
    seed_dist = seed_distribution(vocab, lexicon)
    corpus = featurise(messages, vocab, params.title_weight)
    yardstick, (temperature, length_power) = department_yardstick(corpus, lex, dept, params, seed_dist)
    silver_of = load_silver(SILVER_FILE) if params.silver_weight > 0 else {}
    silver = [silver_of.get((m.source, m.ident)) for m in messages]
    resp, weight = training_targets(lex, dept, params, silver=silver)
    loglik, logprior = fit_nb(corpus, resp, weight, params, seed_dist)
    centred = loglik - loglik.mean(axis=1, keepdims=True)  # per-n-gram constants do not change decisions
    clf = ScopeClassifier(
        LABELS,
        vocab,
        centred,
        logprior,
        title_weight=params.title_weight,
        temperature=temperature,
        length_power=length_power,
    )
    version = clf.save(out)
    final = ScopeClassifier.load(out)
    predicted = [LABELS[i] for i in nb_logits(corpus, centred, logprior).argmax(axis=1)]
    both = [(lx, dp) for lx, dp in zip(lex, dept, strict=True) if lx is not None and dp is not None]
    a4 = [d for d, m in zip(dept, messages, strict=True) if m.source == "a4"]
    return {
        "version": version,
        "loaded_version_matches": final.version == version,
        "params": asdict(params),
        "corpus": dict(stats) | {"messages": len(messages), "vocab": len(vocab)},
        "lexicon_words": dict(Counter(v["origin"] for v in lexicon.values())),
        "weak_labels": {
            "lexicon": dict(Counter(x for x in lex if x)),
            "department": dict(Counter(x for x in dept if x)),
            "lexicon_coverage": round(sum(x is not None for x in lex) / len(messages), 4),
            "department_coverage_a4": round(sum(d is not None for d in a4) / max(1, len(a4)), 4),
            "training_documents": int((weight > 0).sum()),
        },
        "agreement": {
            "lexicon_vs_department": {
                "n": len(both),
                "accuracy": round(sum(a == b for a, b in both) / max(1, len(both)), 4),
            },
            "model_vs_heldout_department": yardstick,
        },
        "dev": evaluate_dev(final, shared_dir),
        "dev_fresh": evaluate_dev(final, shared_dir, DEV_FRESH_FILE),
        "predicted_distribution": dict(Counter(predicted)),
        "model_bytes": out.stat().st_size,
        "seconds": round(time.perf_counter() - started, 1),
    }


def main() -> None:
    """``python -m analysis.training.scope [shared_dir] [out]``: rebuild the model, print the training report.

    The report carries the dev-set figures; the TEST figures are left to
    ``bench/quality_scope.py`` so that rebuilding while trying designs never shows them.
    """
    import json
    import sys

    root = Path(__file__).resolve().parents[2]
    shared = Path(sys.argv[1]) if len(sys.argv) > 1 else root.parent / "shared"
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else DEFAULT_MODEL
    print(json.dumps(train_scope(shared, out), ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
