"""The extractor on the public peer suite (tests/peer): its scores do not fall back.

The floors are the scores at the time of writing (``python benchmarks/peer.py`` prints them, and quantulum3's
beside them); raise them when the extractor improves. quantulum3 is not needed here: its matched counts,
measured once by the same benchmark, are the lower floor the extractor must never go under.
"""

import importlib.util

import pytest

from twokoreas import paths

spec = importlib.util.spec_from_file_location("peer", paths.ROOT / "benchmarks" / "peer.py")
peer = importlib.util.module_from_spec(spec)
spec.loader.exec_module(peer)

# spec file: (cases in scope, expected results, matched at least, results with a wrong number at most,
#             quantulum3's matched)
FLOORS = {
    "NumberModel": (152, 163, 151, 0, 111),
    "NumberRangeModel": (36, 41, 38, 1, 34),
    "PercentModel": (18, 15, 15, 0, 15),
    "CurrencyModel": (175, 185, 174, 0, 156),
    "DimensionModel": (82, 84, 79, 0, 78),
    "TemperatureModel": (37, 32, 31, 0, 31),
}


@pytest.fixture(scope="module")
def scores():
    return {name: peer.score(name, peer.twokoreas_rows)[0] for name in peer.SPECS}


@pytest.mark.parametrize("name", peer.SPECS)
def test_the_scope_rule_keeps_the_same_cases(scores, name):
    cases, results, *_ = FLOORS[name]
    assert (scores[name]["cases"], scores[name]["results"]) == (cases, results)


@pytest.mark.parametrize("name", peer.SPECS)
def test_recall_does_not_fall_back_nor_below_quantulum3(scores, name):
    _, _, matched, _, quantulum3 = FLOORS[name]
    assert scores[name]["matched"] >= max(matched, quantulum3)


@pytest.mark.parametrize("name", peer.SPECS)
def test_wrong_numbers_do_not_grow(scores, name):
    assert scores[name]["wrong"] <= FLOORS[name][3]


def test_overall_targets(scores):
    results = sum(s["results"] for s in scores.values())
    assert sum(s["matched"] for s in scores.values()) / results >= 0.90
    assert sum(s["wrong"] for s in scores.values()) / results <= 0.02


@pytest.mark.parametrize(
    "result, row_numbers, agrees",
    [
        (("point", (-5.0,)), (5.0,), False),  # a sign is never forgiven
        (("percent", (12.0,)), (0.12,), True),  # a share matches a percentage
        (("cents", (50.0,)), (0.5,), True),  # cents may be read as dollars
        (("range", (20.0, float("nan"))), (20.0,), True),  # an open end is not compared
        (("range", (20.0, 30.0)), (20.0,), False),  # both finite bounds must be there
    ],
)
def test_matching_rules(result, row_numbers, agrees):
    assert peer._agrees(*result, row_numbers) is agrees


@pytest.mark.parametrize(
    "text, results, rule",
    [
        ("Visit http://example.com/5", [], "code"),
        (
            "The answer is minus one",
            [{"Text": "minus one", "Start": 14, "End": 22, "Resolution": {"value": "-1"}}],
            "math",
        ),
        (
            "one over three",
            [{"Text": "one over three", "Start": 0, "End": 13, "Resolution": {"value": "0.33"}}],
            "ratio",
        ),
        (
            "twenty-three fifths",
            [{"Text": "twenty-three fifths", "Start": 0, "End": 18, "Resolution": {"value": "4.6"}}],
            "fraction",
        ),
        (
            "five and a quarter",
            [{"Text": "five and a quarter", "Start": 0, "End": 17, "Resolution": {"value": "5.25"}}],
            None,
        ),
        (
            "I can give you 13 lakh",
            [{"Text": "13 lakh", "Start": 15, "End": 21, "Resolution": {"value": "1300000"}}],
            "regional",
        ),
    ],
)
def test_scope_rules(text, results, rule):
    assert peer.case_scope({"Input": text, "Results": results}) == rule
