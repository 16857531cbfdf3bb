"""Score the extractor, and quantulum3 beside it, on a public peer's test suite: Microsoft Recognizers-Text.

The six English spec files, their licence and the scope rule are in ``tests/peer/`` (see its README):
this module applies that rule, matches rows to the peer's expected results, and prints per spec file,
for each engine: cases and expected results in scope, matched, recall, results with a wrong number
(an overlapping row carries a value, none agrees), review only, missed, rows, precision (rows that match
a result) and wrong-number rows (rows with a value that overlap a result and agree with none).

Targets: recall >= 0.90 overall and >= quantulum3's on every file; results with a wrong number <= 2% of
the expected results. Run: ``python benchmarks/peer.py`` (quantulum3 is in the ``bench`` extra; without it
only the extractor is scored); ``--failures`` also lists every result not matched.
"""

import json
import math
import re
import sys
import warnings
from pathlib import Path

PEER = Path(__file__).resolve().parent.parent / "tests" / "peer"
SPECS = ("NumberModel", "NumberRangeModel", "PercentModel", "CurrencyModel", "DimensionModel", "TemperatureModel")

# --- The scope rule (tests/peer/README.md), one pattern per rule; the first that fires drops the case. -----
_I = re.IGNORECASE
ORDINAL_WORDS = (
    r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\w+teenth"
    r"|\w+tieth|hundredth|thousandth|millionth|billionth|trillionth|\d+(?:st|nd|rd|th)"
)
CASE_RULES = (
    (
        "code",
        re.compile(
            r"https?://|www\.|\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\b|\+\d-\d{3}|\bscp\d*-?\s?\d|\b\d{5}\s?[a-z]-?\d"
            r"|\bnrs?\.\s*\d|(?-i:\b\d+F\b)|\bstreet\b.*\b\d{5}\b|\blens\b",
            _I,
        ),
    ),
    (
        "math",
        re.compile(
            r"\bplus\b|\bequals\b|\bthe answer is\b|\bhow much is\b|\bx\s*(?:is|[<>=])|\bprime\s+numbers?\b"
            r"|[<>=~]\s*-?\d|\^|\d[e][+-]?\d|\dx10",
            _I,
        ),
    ),
)
RESULT_RULES = (
    (
        "math",
        re.compile(
            r"\b(?:greater|larger|bigger|smaller|higher|lower)\s+(?:or\s+equal\s+)?than\b|\bor\s+equal\b"
            r"|\bequal\s+to\b|\bequaling\b",
            _I,
        ),
    ),
    ("ratio", re.compile(r"\S\s+(?:over|out\s+of|in)\s+\S", _I)),
)
REGIONAL = re.compile(
    r"\blakh\b|\bcrore\b|\bkuai\b|\bmao\b|\d,\d\d,\d{3}|(?<![\d,])\d+,\d{1,2}(?!\d)"
    r"|\d\.\d{3},\d|[\u4e00-\u9fff\u0b80-\u0bff]",
    _I,
)
AGE = re.compile(r"\byears?\s*-?\s*old\b|\byears?\s+of\s+age\b|\byo\b", _I)
CALIBRE = re.compile(r"\d(?:\.\d+)?\s?mm\s+(?:barrel|gun|rifle|cannon|round)", _I)
DATETIME = re.compile(
    r"\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b\d{1,2}(?::\d\d)?\s?[ap]\.?m\b|\b\d{4}-\d\d\b"
    r"|\b\d+\s+in\s+(?:january|february|march|april|may|june|july|august|september|october"
    r"|november|december)\b|\b(?:january|february|march|april|june|july|august|september"
    r"|october|november|december)\s+\d{4}\b",
    _I,
)
ORDINAL = re.compile(rf"\b(?:{ORDINAL_WORDS})s?\b", _I)
NUMBERISH = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|hundred|thousand|million"
    r"|half|zero)\b",
    _I,
)
SMALL_NUMERATORS = {"a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}
SMALL_DENOMINATORS = re.compile(r"(?:half|halves|third|fourth|quarter|fifth|sixth|seventh|eighth|ninth|tenth)s?$")
BIG_DENOMINATOR = re.compile(rf"(?:{ORDINAL_WORDS})s?$", _I)


def _math_fraction(text):
    """Whether a result's words are a maths-style fraction: a denominator above tenth, or a numerator above
    ten or of more than one word ("twenty-three fifths", "one hundred thirty fifths")."""
    tokens = re.findall(r"[a-z]+(?:\s*-\s*[a-z]+)*|\d+|&", text.lower())
    for i, token in enumerate(tokens):
        parts = [p.strip() for p in token.split("-")]
        last = parts[-1]
        if not BIG_DENOMINATOR.fullmatch(last) or last in ("second", "seconds"):
            continue
        if (
            not SMALL_DENOMINATORS.fullmatch(last)
            or len(parts) > 1
            and parts[-2] in ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred")
        ):
            return True
        numerator = parts[:-1]
        for word in reversed(tokens[:i]):
            if word == "and":
                break
            numerator = word.replace(" ", "").split("-") + numerator
        numerator = [w for w in numerator if w]
        if len(numerator) != 1 or numerator and numerator[0] not in SMALL_NUMERATORS:
            return True
    return False


def peer_value(result):
    """A peer result's value as ``(kind, numbers)``: ("point", (v,)), ("percent", (p,)), ("cents", (v,)),
    ("range", (low, high)) with NaN for an open end; None when it has no number."""
    resolution = result.get("Resolution") or {}
    value = resolution.get("value")
    if value in (None, "null"):
        return None
    if value[0] in "[(":
        low, high = (float(x) if x else math.nan for x in value[1:-1].split(","))
        return "range", (low, high)
    if value.endswith("%"):
        return "percent", (float(value[:-1]),)
    if (resolution.get("unit") or "").lower() in ("cent", "pence", "penny"):
        return "cents", (float(value),)
    return "point", (float(value),)


def case_scope(case):
    """The rule that drops a case, or None when it is in scope."""
    text, results = case["Input"], [r for r in case["Results"] if peer_value(r)]
    for name, pattern in CASE_RULES:
        if pattern.search(text):
            return name
    for name, pattern in RESULT_RULES:
        if any(pattern.search(r["Text"]) for r in results):
            return name
    if any(_math_fraction(r["Text"]) for r in results):
        return "fraction"
    spans = [(r["Start"], r["End"] + 1) for r in results]
    for m in ORDINAL.finditer(text):  # "between the tenth and ...", "two millionth"; not a fraction's "two thirds"
        word, before = m.group(0).lower(), text[: m.start()].lower()
        inside = any(s <= m.start() and m.end() <= e for s, e in spans)
        if (
            inside
            and re.search(r"\bthe\s+$", before)
            or (
                word.endswith(("th", "ths"))
                and any(m.start() >= e and not text[e : m.start()].strip() for _, e in spans)
            )
        ):
            return "ordinal"
    if not results and ORDINAL.search(text) and not NUMBERISH.search(ORDINAL.sub("", text)):
        return "ordinal"
    for m in DATETIME.finditer(text):
        if not results or " in " not in m.group(0).lower() and any(s < m.end() and m.start() < e for s, e in spans):
            return "datetime"
    if REGIONAL.search(text):
        return "regional"
    if AGE.search(text):
        return "age"
    if CALIBRE.search(text):
        return "calibre"
    return None


def load(name):
    return json.loads((PEER / f"{name}.json").read_text(encoding="utf-8-sig"))


def in_scope(name):
    """The in-scope cases of a spec file as ``(input, [(start, end, kind, numbers, text), ...])``."""
    cases = []
    for case in load(name):
        if case_scope(case) is None:
            results = [(r["Start"], r["End"] + 1, *peer_value(r), r["Text"]) for r in case["Results"] if peer_value(r)]
            cases.append((case["Input"], results))
    return cases


# --- Engines: each gives rows ``(start, end, numbers)``; numbers empty for a row with no value. ------------------
def twokoreas_rows(text):
    from twokoreas.text.extract import quantity_rows

    return [(r[0], r[1], tuple(x for x in r[3:6] if not math.isnan(x))) for r in quantity_rows(text)]


def quantulum3_rows(text):
    from quantulum3 import parser

    rows = []
    for q in parser.parse(text):
        u = q.uncertainty or 0.0
        rows.append((q.span[0], q.span[1], (q.value, q.value - u, q.value + u)))
    return rows


def _agrees(kind, numbers, row_numbers):
    same = lambda a, b: math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-12)  # noqa: E731
    if kind == "range":
        return all(any(same(bound, x) for x in row_numbers) for bound in numbers if not math.isnan(bound))
    (v,) = numbers
    wanted = (v, v / 100) if kind in ("percent", "cents") else (v,)
    return any(same(w, x) for w in wanted for x in row_numbers)


def score(name, rows_of, cases=None):
    """Counts for one spec file and one engine, and the results not matched (with the rows that overlap them)."""
    counts = dict(cases=0, results=0, matched=0, wrong=0, review=0, missed=0, rows=0, good_rows=0, wrong_rows=0)
    failures = []
    for text, results in cases if cases is not None else in_scope(name):
        rows = rows_of(text)
        counts["cases"] += 1
        counts["results"] += len(results)
        for start, end, kind, numbers, peer_text in results:
            over = [r for r in rows if r[0] < end and start < r[1]]
            if any(r[2] and _agrees(kind, numbers, r[2]) for r in over):
                counts["matched"] += 1
                continue
            outcome = "wrong" if any(r[2] for r in over) else "review" if over else "missed"
            counts[outcome] += 1
            failures.append((outcome, text, peer_text, numbers, [(text[r[0] : r[1]], r[2]) for r in over]))
        for r in rows:
            over = [res for res in results if r[0] < res[1] and res[0] < r[1]]
            counts["rows"] += 1
            if any(r[2] and _agrees(res[2], res[3], r[2]) for res in over):
                counts["good_rows"] += 1
            elif r[2] and over:
                counts["wrong_rows"] += 1
    return counts, failures


def _line(label, engine, c):
    recall = c["matched"] / c["results"] if c["results"] else math.nan
    precision = c["good_rows"] / c["rows"] if c["rows"] else math.nan
    return (
        f"{label:<17} {engine:<10} {c['cases']:>5} {c['results']:>7} {c['matched']:>7} {recall:>6.3f} "
        f"{c['wrong']:>5} {c['review']:>6} {c['missed']:>6} {c['rows']:>5} {precision:>6.3f} {c['wrong_rows']:>6}"
    )


def main(argv):
    engines = {"twokoreas": twokoreas_rows}
    try:
        warnings.filterwarnings("ignore")
        import quantulum3  # noqa: F401

        engines["quantulum3"] = quantulum3_rows
    except ImportError:
        print("quantulum3 not installed (pip install -e '.[bench]'): scoring the extractor only")
    print(
        f"{'spec':<17} {'engine':<10} {'cases':>5} {'results':>7} {'matched':>7} {'recall':>6} {'wrong':>5} "
        f"{'review':>6} {'missed':>6} {'rows':>5} {'prec.':>6} {'wrong rows':>6}"
    )
    totals = {e: None for e in engines}
    failures = []
    for name in SPECS:
        cases = in_scope(name)
        for engine, rows_of in engines.items():
            counts, fails = score(name, rows_of, cases)
            print(_line(name, engine, counts))
            totals[engine] = counts if totals[engine] is None else {k: totals[engine][k] + v for k, v in counts.items()}
            if engine == "twokoreas":
                failures += [(name, *f) for f in fails]
    for engine, counts in totals.items():
        print(_line("all in scope", engine, counts))
    mine = totals["twokoreas"]
    print(
        f"targets: recall >= 0.90 (is {mine['matched'] / mine['results']:.3f}) and >= quantulum3's per file; "
        f"wrong numbers <= 2% of results (is {mine['wrong'] / mine['results']:.1%})"
    )
    if "--failures" in argv:
        for name, outcome, text, peer_text, numbers, over in failures:
            print(f"{name}\t{outcome}\t{peer_text!r}={numbers}\tin {text[:90]!r}\trows {over}")


if __name__ == "__main__":
    main(sys.argv[1:])
