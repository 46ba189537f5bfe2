"""A learned cut at the line changes inside produced articles, cross-validated by source over the tuning sets.

    python benchmarks/learned_cuts.py [--cache FILE] [--model logistic|stumps] [--by family|set] [--no-context]
                                      [--ranking | --census]

Every line change inside a produced article's body where the rules did not cut (:mod:`benchmarks.cut_features`
gives its features, :func:`with_context` adds the article's) is labelled from the truths (an item starts on the line
below, as the benchmark's ceiling finds it: :func:`bench_segmentation.truth_cuts`), and a small model (logistic
regression or boosted stumps, numpy only) is fitted with every paper (``--by family``) or set of the tuning sets left
out in turn: the held-out paper's articles are re-cut wherever the model fires (a threshold chosen on the other
papers, maximising their right items minus spurious ones; never firing where every threshold loses there) and
scored as the benchmark scores them. Printed per paper: right and spurious as cut, with the learned cut, and with
the best training threshold forced; ``--ranking`` prints how many of the changes ranked highest are item starts.
Session seg47's result (docs/ARCHITECTURE.md): no threshold gains even on the training papers; the segmenter does
not use it. Heldout12 is never read.
"""

from __future__ import annotations

import argparse
import pickle
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.bench_segmentation import (  # noqa: E402
    SEGMENTER_MODES,
    TruthItem,
    _cases,
    cut_units,
    load_truth,
    produced,
    recut,
    score,
    truth_cuts,
)
from benchmarks.cut_features import FEATURES, changes, placed_lines  # noqa: E402
from reader.model.document import Article, Part  # noqa: E402

DATA = ROOT / "tests" / "data"
TUNING = ("pages", "heldout4", "heldout6", "heldout7", "heldout8", "heldout9", "heldout10", "heldout11")


def family(group: str) -> str:
    """A source's paper, whatever its date, OCR or set: "hocr_lancaster_intelligencer_1885" → lancaster…"""
    name = re.sub(r"^(hocr|ndnp)_", "", group)
    return re.sub(r"[_-]?\d.*$", "", name)


@dataclass
class CaseData:
    set: str
    source: str
    label: str
    truth: list[TruthItem]
    articles: list[Article]
    units: list[tuple[int, list[Part]]]
    base: list[bool]
    rows: list[int]  # unit index of each change
    x: np.ndarray
    y: np.ndarray


def load(sets: Sequence[str] = TUNING) -> list[CaseData]:
    out = []
    for name in sets:
        data = DATA / name
        for case in _cases(data):
            if case.mode not in SEGMENTER_MODES:
                continue
            doc = case.read(data / case.file)
            truth = [t for n in case.truths for t in load_truth(data / f"{n}.truth.json")]
            units = cut_units(doc.articles, lines=True)
            labels = truth_cuts(units, truth)
            base = [j == 0 or units[j][0] != units[j - 1][0] for j in range(len(units))]
            where: dict[tuple[int, str], int] = {}
            for j, (k, parts) in enumerate(units):
                body = [p for p in parts if p.spans and p.role not in ("kicker", "headline", "subheadline",
                                                                         "column-label", "noise")]
                if body:
                    where.setdefault((k, body[-1].spans[0].line), j)
            rows, xs, ys = [], [], []
            for ch in changes(doc.articles, placed_lines(doc.pages)):
                at = where.get((ch.article, ch.line))
                if at is None or base[at]:
                    continue
                rows.append(at)
                xs.append(ch.values)
                ys.append(labels[at])
            x = np.array(xs, dtype=float).reshape(-1, len(FEATURES))
            out.append(CaseData(name, case.source, case.label, truth, doc.articles, units, base, rows, x,
                                np.array(ys, dtype=float)))
    return out


_AS_CUT: dict[int, tuple[int, int, int, int]] = {}


#: features read off each change's article (its line changes), appended to :data:`FEATURES`
CONTEXT = ("lead_over_article", "indent_over_article", "article_largest_lead", "lead_half_line_over_article",
           "log_article_paragraphs")


def with_context(case: CaseData) -> CaseData:
    """The case's changes with :data:`CONTEXT` appended: the lead and indent beyond the median of the article's new
    paragraphs, whether no change of the article has more lead, and how many paragraphs it has."""
    if case.x.shape[1] != len(FEATURES):
        return case
    lead, indent, opens = (FEATURES.index(f) for f in ("lead", "indent", "new_paragraph"))
    articles = np.array([case.units[j][0] for j in case.rows])
    extra = np.zeros((len(case.rows), len(CONTEXT)))
    for a in np.unique(articles):
        m = articles == a
        leads, indents, paragraph = case.x[m, lead], case.x[m, indent], case.x[m, opens] > 0
        usual_lead = float(np.median(leads[paragraph])) if paragraph.any() else 0.0
        usual_indent = float(np.median(indents[paragraph])) if paragraph.any() else 0.0
        extra[m, 0] = leads - usual_lead
        extra[m, 1] = indents - usual_indent
        extra[m, 2] = leads >= leads.max() - 1e-9
        extra[m, 3] = leads - usual_lead > 0.5
        extra[m, 4] = np.log1p(paragraph.sum())
    case.x = np.hstack([case.x, extra])
    return case


def evaluate(case: CaseData, fire: np.ndarray) -> tuple[int, int, int, int]:
    """(right, truth, spurious, produced) of the case re-cut also wherever ``fire`` is true."""
    if not fire.any() and id(case) in _AS_CUT:
        return _AS_CUT[id(case)]
    cuts = list(case.base)
    for j, f in zip(case.rows, fire, strict=True):
        if f:
            cuts[j] = True
    s = score(case.label, case.source, "alone", case.truth, produced(recut(case.articles, case.units, cuts)))
    if not fire.any():
        _AS_CUT[id(case)] = (s.right, s.truth, s.spurious, s.produced)
    return s.right, s.truth, s.spurious, s.produced


# --- models (numpy only) -------------------------------------------------------------------------------------

def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = 1.0, steps: int = 300) -> tuple[np.ndarray, ...]:
    mu, sd = x.mean(0), x.std(0) + 1e-9
    z = np.hstack([(x - mu) / sd, np.ones((len(x), 1))])
    w = np.zeros(z.shape[1])
    pos = max(y.sum(), 1.0)
    weight = np.where(y > 0, (len(y) - pos) / pos, 1.0)  # classes balanced
    weight = weight / weight.mean()
    for _ in range(steps):  # Newton's method
        p = 1 / (1 + np.exp(-z @ w))
        g = z.T @ (weight * (p - y)) + l2 * np.r_[w[:-1], 0]
        h = (z * (weight * p * (1 - p))[:, None]).T @ z + l2 * np.eye(len(w))
        step = np.linalg.solve(h, g)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return mu, sd, w


def predict_logistic(model: tuple[np.ndarray, ...], x: np.ndarray) -> np.ndarray:
    mu, sd, w = model
    z = np.hstack([(x - mu) / sd, np.ones((len(x), 1))])
    return np.asarray(1 / (1 + np.exp(-z @ w)))


def fit_stumps(x: np.ndarray, y: np.ndarray, rounds: int = 80, rate: float = 0.3,
               bins: int = 24) -> list[tuple[int, float, float, float]]:
    """Gradient-boosted stumps on the log loss (classes balanced): (feature, threshold, value at or under it,
    value over it); each feature's candidate thresholds are its quantiles, the splits read off cumulative sums."""
    pos = max(y.sum(), 1.0)
    weight = np.where(y > 0, (len(y) - pos) / pos, 1.0)
    weight = weight / weight.mean()
    cuts = [np.unique(np.quantile(x[:, i], np.linspace(0.02, 0.98, bins))) for i in range(x.shape[1])]
    binned = [np.searchsorted(c, x[:, i], side="left") for i, c in enumerate(cuts)]
    f = np.zeros(len(y))
    stumps = []
    for _ in range(rounds):
        p = 1 / (1 + np.exp(-f))
        g = weight * (y - p)
        h = weight * p * (1 - p) + 1e-9
        best = (-1.0, 0, 0.0, 0.0, 0.0)
        for i, c in enumerate(cuts):
            gl = np.cumsum(np.bincount(binned[i], g, len(c) + 1))[:-1]
            hl = np.cumsum(np.bincount(binned[i], h, len(c) + 1))[:-1]
            gr, hr = g.sum() - gl, h.sum() - hl
            gains = gl * gl / (hl + 1) + gr * gr / (hr + 1)
            k = int(np.argmax(gains))
            if gains[k] > best[0]:
                best = (float(gains[k]), i, float(c[k]), gl[k] / (hl[k] + 1), gr[k] / (hr[k] + 1))
        _, i, t, vl, vr = best
        stumps.append((i, t, rate * vl, rate * vr))
        f += np.where(x[:, i] <= t, rate * vl, rate * vr)
    return stumps


def predict_stumps(stumps: list[tuple[int, float, float, float]], x: np.ndarray) -> np.ndarray:
    f = np.zeros(len(x))
    for i, t, vl, vr in stumps:
        f += np.where(x[:, i] <= t, vl, vr)
    return np.asarray(1 / (1 + np.exp(-f)))


THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.93, 0.95, 0.97, 0.98, 0.99, 0.995)


def gain(cases: Sequence[CaseData], probs: Sequence[np.ndarray], threshold: float) -> tuple[int, int]:
    right = spurious = 0
    for case, p in zip(cases, probs, strict=True):
        r, _, s, _ = evaluate(case, p >= threshold)
        right += r
        spurious += s
    return right, spurious


TOP = (10, 25, 50, 100, 200, 400, 800)


def ranking(cases: Sequence[CaseData], fit: Callable[..., Any], predict: Callable[..., np.ndarray],
            key: Callable[[CaseData], str]) -> None:
    """The share of item starts among the changes ranked highest: out of fold (each source's changes scored by
    the model fitted on the others) and in sample (fitted on all)."""
    placed = [c for c in cases if len(c.y)]
    x = np.vstack([c.x for c in placed])
    y = np.concatenate([c.y for c in placed])
    groups = np.array([key(c) for c in placed for _ in c.y])
    held = np.zeros(len(y))
    for grp in np.unique(groups):
        out = groups == grp
        held[out] = predict(fit(x[~out], y[~out]), x[out])
    inside = predict(fit(x, y), x)
    for name, p in (("out of fold", held), ("in sample", inside)):
        order = np.argsort(-p)
        print(f"  {name:12} item starts among the top " + ", ".join(f"{k}: {int(y[order[:k]].sum())}" for k in TOP))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", choices=("logistic", "stumps"), default="logistic")
    parser.add_argument("--by", choices=("family", "set"), default="family")
    parser.add_argument("--no-context", action="store_true", help=f"without the article's context {CONTEXT}")
    parser.add_argument("--census", action="store_true", help="only the features' rates among starts and others")
    parser.add_argument("--ranking", action="store_true", help="only how many of the changes the held-out model "
                        "ranks highest are item starts (out of fold), and the same fitted on every source")
    parser.add_argument("--cache", type=Path, help="a pickle of the labelled changes: read if it exists, else written")
    args = parser.parse_args()
    if args.cache and args.cache.exists():
        cases = pickle.loads(args.cache.read_bytes())
    else:
        cases = load()
        if args.cache:
            args.cache.write_bytes(pickle.dumps(cases, protocol=pickle.HIGHEST_PROTOCOL))
    if not args.no_context:
        cases = [with_context(c) for c in cases]
    x = np.vstack([c.x for c in cases])
    y = np.concatenate([c.y for c in cases])
    base = [evaluate(c, np.zeros(len(c.rows), dtype=bool)) for c in cases]
    print(f"{len(cases)} cases, {len(y)} line changes, {int(y.sum())} item starts among them;"
          f" as cut right {sum(b[0] for b in base)}/{sum(b[1] for b in base)}, spurious {sum(b[2] for b in base)}")
    if args.census:
        for i, name in enumerate((*FEATURES, *CONTEXT)[: x.shape[1]]):
            print(f"  {name:28} starts {x[y > 0, i].mean():7.3f}   others {x[y == 0, i].mean():7.3f}")
        return 0
    fit: Callable[..., Any] = fit_logistic if args.model == "logistic" else fit_stumps
    predict: Callable[..., np.ndarray] = predict_logistic if args.model == "logistic" else predict_stumps
    key = (lambda c: family(c.source)) if args.by == "family" else (lambda c: c.set)
    if args.ranking:
        ranking(cases, fit, predict, key)
        return 0
    groups = sorted({key(c) for c in cases})
    total = np.zeros(6, dtype=int)
    for grp in groups:
        train = [c for c in cases if key(c) != grp and len(c.y)]
        test = [c for c in cases if key(c) == grp]
        model = fit(np.vstack([c.x for c in train]), np.concatenate([c.y for c in train]))
        probs = [predict(model, c.x) if len(c.y) else np.zeros(0) for c in train]
        at_base = gain(train, [np.zeros(len(c.rows)) for c in train], 2.0)
        scored = [(gain(train, probs, t), t) for t in THRESHOLDS]
        (r, s), forced = max(scored, key=lambda rt: (rt[0][0] - at_base[0]) - (rt[0][1] - at_base[1]))
        t = forced if (r - at_base[0]) - (s - at_base[1]) > 0 else 2.0  # never fire where it loses on training
        test_probs = [predict(model, c.x) if len(c.y) else np.zeros(0) for c in test]
        b = np.sum([evaluate(c, np.zeros(len(c.rows), dtype=bool)) for c in test], axis=0)
        a = np.sum([evaluate(c, p >= t) for c, p in zip(test, test_probs, strict=True)], axis=0)
        f = np.sum([evaluate(c, p >= forced) for c, p in zip(test, test_probs, strict=True)], axis=0)
        total += np.r_[b[0], a[0], f[0], b[2], a[2], f[2]]
        print(f"  {grp[:34]:34} right {b[0]:>4} → {a[0]:>4} (forced {forced:5.3f}: {f[0]:>4}) /{b[1]:<4}  spurious "
              f"{b[2]:>3} → {a[2]:>3} ({f[2]:>3})   train at {forced:5.3f}: {at_base[0]} → {r}, {at_base[1]} → {s}")
    print(f"cross-validated by {args.by} ({args.model}): right {total[0]} → {total[1]} (forced: {total[2]}), "
          f"spurious {total[3]} → {total[4]} (forced: {total[5]})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
