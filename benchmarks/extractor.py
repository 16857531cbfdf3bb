"""Score the extractor against data/claims.csv and race it against quantulum3 on the same texts.

Prints recall and precision (a span counts when it matches a curated claim's span and
value/bounds exactly; for quantulum3, when it overlaps a claim's span with the same value)
and milliseconds per 1,000 words for both, in one run. Targets: recall >= 0.97,
precision >= 0.95, and at least 50x quantulum3's words per second.

Run: make bench   (installs the optional `bench` extra, quantulum3)
"""

import math
import time
import warnings

import twokoreas as tk
from twokoreas.extract import find_quantities

REPEATS = 20


def same(a, b):
    return (math.isnan(a) and math.isnan(b)) or math.isclose(a, b)


def score_ours(articles, claims):
    found = hits = 0
    for article in articles.itertuples():
        gold = {(c.start, c.end): c for c in claims[claims.article_id == article.article_id].itertuples()}
        for row in find_quantities(article.text).itertuples():
            found += 1
            claim = gold.get((row.start, row.end))
            hits += bool(claim and same(claim.value_low, row.value_low) and same(claim.value_high, row.value_high))
    return hits / len(claims), hits / found if found else 0.0


def score_quantulum(articles, claims, parse):
    found = hits = 0
    for article in articles.itertuples():
        gold = claims[claims.article_id == article.article_id]
        for quantity in parse(article.text):
            found += 1
            start, end = quantity.span
            overlap = gold[(gold.start < end) & (gold.end > start)]
            hits += any(same(quantity.value, v) or same(quantity.value, lo) for v, lo in zip(overlap.value, overlap.value_low))
    return hits / len(claims), hits / found if found else 0.0


def ms_per_1000_words(fn, texts, words, repeats):
    started = time.perf_counter()
    for _ in range(repeats):
        for text in texts:
            fn(text)
    return (time.perf_counter() - started) / repeats * 1000 / (words / 1000)


def main():
    from quantulum3 import parser

    warnings.filterwarnings("ignore")
    articles, claims = tk.load_articles(), tk.load_claims()
    texts = list(articles.text)
    words = sum(len(t.split()) for t in texts)
    ours_recall, ours_precision = score_ours(articles, claims)
    q_recall, q_precision = score_quantulum(articles, claims, parser.parse)
    ours_ms = ms_per_1000_words(find_quantities, texts, words, REPEATS)
    q_ms = ms_per_1000_words(parser.parse, texts, words, 1)
    print(f"{len(claims)} curated claims in {len(texts)} articles, {words:,} words")
    print(f"{'extractor':<12} {'recall':>7} {'precision':>9} {'ms/1000 words':>14} {'words/s':>10}")
    print(f"{'twokoreas':<12} {ours_recall:>7.3f} {ours_precision:>9.3f} {ours_ms:>14.2f} {1e6 / ours_ms:>10,.0f}")
    print(f"{'quantulum3':<12} {q_recall:>7.3f} {q_precision:>9.3f} {q_ms:>14.2f} {1e6 / q_ms:>10,.0f}")
    print(f"speed ratio: {q_ms / ours_ms:.1f}x (target >= 50x); recall target >= 0.97, precision >= 0.95")


if __name__ == "__main__":
    main()
