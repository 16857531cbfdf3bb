"""The extractor on sentences of its own (never the seed articles), and the `extract` command."""

import subprocess
import sys

import pandas as pd
import pytest

from twokoreas.text.extract import find_non_quantities, find_quantities


def mentions(text):
    return list(find_quantities(text).mention)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Germany sent 18 Leopard 2 tanks and 14 PzH 2000 howitzers in 2023.", ["18", "14"]),
        ("The US pledged $2.5 billion and Britain about 300 missiles.", ["$2.5 billion", "about 300"]),
        ("Officials said between 5,000 and 7,000 soldiers were killed.", ["between 5,000 and 7,000"]),
        ("Kyiv received up to 31 Abrams and at least 60 Bradleys on March 3.", ["up to 31", "at least 60"]),
        ("Polls show 64% support; dozens of drones hit Odesa.", ["64%", "dozens"]),
        ("It delivered 120 mm rounds and 40 AN-124 flights.", ["40"]),
        ("The 2024 budget adds hundreds of millions of dollars.", ["hundreds of millions of dollars"]),
        ("One of the officials said the two countries agreed.", []),
        ("Talks resumed at 10:30 on the 5th; reading time: 4 min.", []),
        ("Only one soldier returned after nearly two years.", ["one", "nearly two"]),
        ("Article 5 was invoked by 32 members.", ["32"]),
        # a number after an amount of money with a noun of its own, or a sum in another currency, stands apart
        ("He paid $5 and 10 people came; the fee was $15 and 20 euros.", ["$5", "10", "$15", "20 euros"]),
        ("The 40 000 troops brought 72 155mm guns and twenty and more drones.", ["40 000", "72", "twenty"]),
    ],
)
def test_find_quantities_on_other_war_news(text, expected):
    assert mentions(text) == expected


def test_an_offset_from_universal_time_is_a_time_zone_not_a_count():
    text = "The call starts at 14:00 GMT+9, or UTC -4 for Washington and UTC+05:30 for Delhi."
    assert mentions(text) == []
    assert find_non_quantities(text).set_index("mention").reason.to_dict() == {
        "14:00": "clock time",
        "GMT+9": "time zone",
        "UTC -4": "time zone",
        "UTC+05:30": "time zone",
    }


def test_spans_are_python_string_offsets():
    text = "Ukraine — “about 1,500” troops; €50 million more."
    for row in find_quantities(text).itertuples():
        assert text[row.start : row.end] == row.mention


def test_units_from_the_words_after():
    frame = find_quantities("A war of almost 17 months, 82% against, $40 million, 12 brigades.").set_index("mention")
    assert frame.unit.to_dict() == {"almost 17": "month", "82%": "percent", "$40 million": "USD", "12": "count"}


def test_non_quantities_give_reasons():
    frame = find_non_quantities("On 21 October 2024 the T-72 and 155mm guns of the 1960s, Article 60.")
    assert frame.set_index("mention").reason.to_dict() == {
        "21 October 2024": "date",
        "T-72": "model or name",
        "155mm": "calibre",
        "1960s": "decade",
        "Article 60": "reference number",
    }


def run_extract(*args):
    return subprocess.run(
        [sys.executable, "-m", "twokoreas", "extract", *map(str, args)], capture_output=True, text=True
    )


def test_extract_command_prints_csv(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Seoul sent some 8 million rounds.", encoding="utf-8")
    result = run_extract(article)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "file,start,end,mention,value,value_low,value_high,qualifier,unit,needs_review",
        f"{article},11,25,some 8 million,8000000,8000000,8000000,approximately,count,",
    ]


def test_extract_reports_bad_files_and_processes_the_rest(tmp_path):
    good, empty, binary, latin = (tmp_path / n for n in ("good.txt", "empty.txt", "bin.txt", "latin.txt"))
    good.write_text("Kyiv got 40 tanks.", encoding="utf-8")
    empty.write_bytes(b"")
    binary.write_bytes(b"\x00\x01\x02abc")
    latin.write_bytes("Caf\xe9 sold 3 guns".encode("latin-1"))
    result = run_extract(empty, binary, good, latin)
    assert result.returncode == 1
    assert f"{empty}: empty file" in result.stderr
    assert f"{binary}: binary file" in result.stderr
    assert f"{latin}:1: not UTF-8 text: byte 0xe9 at column 4" in result.stderr
    assert f"{good},9,11,40," in result.stdout


def test_the_five_articles_give_exactly_the_curated_claims_and_non_quantities():
    import twokoreas as tk
    from twokoreas.text.extract import COLUMNS

    claims, others = tk.load_claims(), tk.load_not_quantities()
    for article in tk.load_articles().itertuples():
        found = find_quantities(article.text)
        assert (found.needs_review == "").all()
        curated = claims[claims.article_id == article.article_id].assign(needs_review="")[COLUMNS]
        pd.testing.assert_frame_equal(found, curated.reset_index(drop=True), check_dtype=False)
        explained = find_non_quantities(article.text)
        expected = others[others.article_id == article.article_id][["start", "end", "mention", "reason"]]
        pd.testing.assert_frame_equal(
            explained, expected.sort_values(["start", "end"]).reset_index(drop=True), check_dtype=False
        )


def test_the_window_scan_gives_the_same_tokens_in_re2_and_python_re():
    import twokoreas as tk
    from twokoreas.text import extract

    assert extract.re2 is not None, "google-re2 is a dependency of the scale extra"
    texts = list(tk.load_articles().text) + [
        "Ünïcode ١٢٣ twelve—fivefold, Half; HALF 3½ 4th",
        "“Two” drones—and 40 more",
        "plain ASCII: 12 and five",
    ]
    for text in texts:
        assert [m.span() for m in extract.WINDOW_SCAN.finditer(text)] == [
            m.span() for m in extract.FIGURE_TOKEN_RE.finditer(text)
        ]
        assert extract.scan_tokens(text) == extract._re_scan(text)


def test_the_shapes_tried_in_a_window_are_the_same_with_the_re2_set_and_python_re():
    import twokoreas as tk
    from twokoreas.text import extract

    slow = extract._re_gates()
    texts = list(tk.load_articles().text) + [
        "the 1990s: 12th T-72B3, 18 Leopard 2 and F-16s, Section 5 [3] 8-inch 12:30"
    ]
    windows = [text[s:e] for text in texts for s, e in extract._windows(text)[0]]
    assert any(len(extract.shapes_to_try(w)) > 3 for w in windows)
    for window in windows:
        assert extract.shapes_to_try(window) == slow(window)


def test_many_texts_make_one_frame_equal_to_one_frame_per_text():
    from twokoreas.text.extract import find_quantities_in

    texts = ["Kyiv got 40 tanks and $3 million.", "", "Nothing here.", "About half of 1,200 drones."]
    batch = find_quantities_in(texts)
    for i, text in enumerate(texts):
        one = batch[batch.text == i].drop(columns="text").reset_index(drop=True)
        pd.testing.assert_frame_equal(one, find_quantities(text))


def test_the_development_set_meets_its_targets():
    import importlib.util

    from twokoreas import paths

    spec = importlib.util.spec_from_file_location("devset", paths.ROOT / "benchmarks" / "devset.py")
    devset = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(devset)
    score = devset.score()
    assert score["recall"] >= 0.95 and score["precision"] >= 0.95
    assert score["wrong"] == []


def test_a_number_word_run_on_into_digits_is_left_for_review_not_a_crash():
    from twokoreas.text.extract import REVIEW_GROUPING

    rows = find_quantities("They sent four,5 tanks and ,four,4,4,4, more.")
    assert list(rows.mention.str.rstrip(", ")) == ["four,5", "four,4,4,4"]
    assert rows.value.isna().all() and (rows.needs_review == REVIEW_GROUPING).all()


def test_extract_command_shows_a_figure_it_cannot_read_with_its_reason_and_no_value(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Hong Kong pledged HK$50 million.", encoding="utf-8")
    result = run_extract(article)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[1] == f"{article},20,31,$50 million,,,,,,currency sign not recognised"


def rows_of(text):
    """(mention, value, low, high, unit, needs_review) per row, NaN as None, for compact expectations."""
    clean = lambda x: None if pd.isna(x) else x  # noqa: E731
    return [
        (r.mention, clean(r.value), clean(r.value_low), clean(r.value_high), r.unit, r.needs_review)
        for r in find_quantities(text).itertuples()
    ]


# The peer review's categories (tests/peer) that need the words around a number, in sentences of our own.
@pytest.mark.parametrize(
    "text, expected",
    [
        # a sign kept, but not a margin of error
        ("Night temperatures fell to -12 degrees.", [("-12", -12, -12, -12, "count", "")]),
        ("Real wages grew minus 2 percent.", [("minus 2 percent", -2, -2, -2, "percent", "")]),
        ("The margin is plus or minus 3 percent.", [("3 percent", 3, 3, 3, "percent", "")]),
        # a unit glued to the digits is a measure, not a model name
        (
            "The shell weighs 95lbs and flew 40kph for 8min.",
            [("95", 95, 95, 95, "count", ""), ("40", 40, 40, 40, "count", ""), ("8", 8, 8, 8, "minute", "")],
        ),
        # a number-unit compound and "one" before a unit are measures, even after a determiner
        (
            "The nine-mile convoy crossed one bridge and one mile of road.",
            [("nine", 9, 9, 9, "mile", ""), ("one", 1, 1, 1, "mile", "")],
        ),
        ("Troops held the line in one day.", [("one", 1, 1, 1, "day", "")]),
        # two one-sided bounds joined by "and" are one range, when they make one
        ("Casualties were above 300 and below 450.", [("above 300 and below 450", None, 300, 450, "count", "")]),
        ("at most 90 and at least 70 tanks", [("at most 90 and at least 70", None, 70, 90, "count", "")]),
        (
            "More than 90 and fewer than 70 were counted.",
            [("More than 90", 90, 90, None, "count", ""), ("fewer than 70", 70, None, 70, "count", "")],
        ),
        # "N in M" is a proportion only when it can be one
        ("One in five Ukrainians moved.", [("One in five", 0.2, 0.2, 0.2, "fraction", "")]),
        ("They packed 24 in eight crates.", [("24", 24, 24, 24, "count", ""), ("eight", 8, 8, 8, "count", "")]),
        # a percentage and a currency amount are two figures, never a range
        (
            "Revenue rose 12 per cent to $40 million.",
            [("12 per cent", 12, 12, 12, "percent", ""), ("$40 million", 4e7, 4e7, 4e7, "USD", "")],
        ),
        # money is not a year; a year before "to" does not hide the amount after it
        ("He asked for $1990 over 2 years.", [("$1990", 1990, 1990, 1990, "USD", ""), ("2", 2, 2, 2, "year", "")]),
        ("Aid rose in 2022 to 1.5 million doses.", [("1.5 million", 1.5e6, 1.5e6, 1.5e6, "count", "")]),
        # fractions: hyphenated anywhere, "by half", and periods counted as periods
        ("Turnout fell below one-third.", [("below one-third", 1 / 3, None, 1 / 3, "fraction", "")]),
        ("Exports fell by half.", [("half", 0.5, 0.5, 0.5, "fraction", "")]),
        ("Output shrank in the last two quarters.", [("two", 2, 2, 2, "count", "")]),
        # scales of both kinds and the Korean won's short form
        (
            "Seoul set aside W3.2tr and 2.5 k rounds.",
            [("W3.2tr", 3.2e12, 3.2e12, 3.2e12, "KRW", ""), ("2.5 k", 2500, 2500, 2500, "count", "")],
        ),
        ("An event's age is a duration: the 73-year-old armistice.", [("73", 73, 73, 73, "year", "")]),
        ("They shelled the town twice.", [("twice", 2, 2, 2, "times", "")]),
    ],
)
def test_peer_categories_in_context(text, expected):
    assert rows_of(text) == expected


@pytest.mark.parametrize(
    "text, reason",
    [
        ("The levy is one-fortieth of output.", "a fraction with an ordinal the cleaner does not read"),
        ("It rose above two quarters and then fell.", "a fraction with an ordinal the cleaner does not read"),
        ("- 15 degrees was recorded.", "a spaced dash before the number may be a minus sign"),
        ("They raised 4,500,000.5 M.", "'m' after the number may be million or metres"),
        ("The plant's output was 2.5 G last year.", "'G' after the number may be billions (giga) or a unit"),
        ("The fare was £7 and fifty.", "a bare number after an amount of money may be its cents or another figure"),
        ("Lunch came to 9 USD 75 or so.", "a bare number after an amount of money may be its cents or another figure"),
        ("A pass costs 4 € 50 cents.", "a bare number after an amount of money may be its cents or another figure"),
        ("The tally read thirty and six at dusk.", "number words joined by 'and' may be one number or two"),
        ("A crowd of 12 500 is expected.", "digits grouped neither as thousands nor as decimals"),
    ],
)
def test_a_number_the_extractor_cannot_read_with_certainty_has_a_reason_and_no_value(text, reason):
    rows = find_quantities(text)
    assert list(rows.needs_review) == [reason] and rows.value.isna().all()


@pytest.mark.parametrize(
    "text",
    [
        "The 50th anniversary of the 45-year-old man.",  # an ordinal, an age
        "She joined the army at age 19.",  # an age
        "Officers of Bureau 121 and Room 39 were named.",  # units named by a number
        "The Group of Seven met; hopes came to naught.",  # a name and an idiom
        "Caption: a shelter in Kharkiv (ref 20240311).",  # a reference code
        'The "Operation Five Rivers" drill began.',  # a capitalised number word in a quoted name
        "The forty-second session opened.",  # an ordinal joined by a hyphen
        "Russia and North Korea, two states under sanctions, met.",  # a count pointing back at names
    ],
)
def test_numbers_that_are_not_quantities_give_no_row(text):
    assert mentions(text) == []
