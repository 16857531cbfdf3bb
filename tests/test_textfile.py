"""Strict text reading: every way a file fails to be UTF-8 text is one located problem; CSV rows map to
their real lines."""

import csv
import io

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from twokoreas import paths
from twokoreas.errors import DataError
from twokoreas.files import decode, field_count_problems, read_csv_text, read_text, row_lines


def problem(raw, **kw):
    with pytest.raises(DataError) as err:
        decode(raw, "x.txt", **kw)
    return str(err.value)


def test_a_bad_byte_is_named_by_line_and_character_column():
    raw = "first line\nS\u00e9oul \u2014 ".encode("utf-8") + b"caf\xe9\nthird\n"
    assert problem(raw) == "x.txt:2: not UTF-8 text: byte 0xe9 at column 12 (save the file as UTF-8)"


def test_a_byte_on_the_first_line_is_line_1():
    assert problem(b"\x92quoted").startswith("x.txt:1: not UTF-8 text: byte 0x92 at column 1 ")


@pytest.mark.parametrize(
    "raw, expected",
    [
        (b"", "x.txt: empty file"),
        (b" \n\t\n", "x.txt: empty file"),
        ("text".encode("utf-16-le"), "x.txt: binary file (contains NUL bytes)"),
        ("text".encode("utf-16"), "x.txt: UTF-16 text (it starts with a UTF-16 byte-order mark): save it as UTF-8"),
        (b"\xfe\xff" + "text".encode("utf-16-be"), "x.txt: UTF-16 text"),
        ("text".encode("utf-32"), "x.txt: UTF-32 text (it starts with a UTF-32 byte-order mark): save it as UTF-8"),
        (b"PK\x03\x04\x00\x00", "x.txt: binary file (contains NUL bytes)"),
    ],
)
def test_files_that_are_not_utf8_text_say_what_they_are(raw, expected):
    assert problem(raw).startswith(expected)


def test_text_addressed_by_spans_refuses_a_bom_and_names_it():
    message = problem(b"\xef\xbb\xbfSeoul sent 40 tanks.", spans=True)
    assert message.startswith("x.txt:1: starts with a UTF-8 byte-order mark (BOM)")


def test_text_addressed_by_spans_refuses_crlf_at_its_first_line():
    message = problem(b"one\ntwo\r\nthree\r\n", spans=True)
    assert message.startswith("x.txt:2: Windows (CRLF) line endings")
    assert problem(b"one\rtwo", spans=True).startswith("x.txt:1: a carriage return")


def test_other_text_is_returned_exactly_as_written():
    raw = "\ufeffone\r\ntwo \u20ac\n".encode("utf-8")
    assert decode(raw, "x.txt") == raw.decode("utf-8")


def test_read_text_names_a_missing_file_or_a_folder(tmp_path):
    with pytest.raises(DataError, match=r"^nosuch\.txt: not found$"):
        read_text(tmp_path / "nosuch.txt", "nosuch.txt")
    with pytest.raises(DataError, match=r"is a folder, not a file$"):
        read_text(tmp_path)


def test_read_text_names_project_files_from_the_project_root():
    with pytest.raises(DataError, match=r"^data/nosuch\.csv: not found$"):
        read_text(paths.DATA / "nosuch.csv")


def test_read_csv_text_drops_a_bom_like_pandas(tmp_path):
    path = tmp_path / "t.csv"
    path.write_bytes(b"\xef\xbb\xbfa,b\r\n1,2\r\n")
    assert read_csv_text(path) == "a,b\r\n1,2\r\n"


def test_row_lines_counts_the_lines_of_quoted_multi_line_cells():
    text = 'id,text\n1,"two\nlines"\n\n2,"three\n\nlines"\n3,one\n'
    assert row_lines(text) == [2, 5, 8]
    assert len(pd.read_csv(io.StringIO(text))) == 3


def test_row_lines_agree_with_pandas_on_every_curated_table():
    for path in sorted(paths.DATA.rglob("*.csv")):
        text = read_csv_text(path)
        lines = row_lines(text)
        frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
        assert len(lines) == len(frame), path
        physical = text.splitlines()
        for index in (0, len(frame) - 1):  # the first field of a row opens its first line
            first = frame.iloc[index, 0]
            assert physical[lines[index] - 1].lstrip('"').startswith(first.splitlines()[0] if first else ""), path


def test_boilerplate_row_7_is_on_line_14():  # campaign S-bp-line: rows 1-2 hold multi-line text
    assert row_lines(read_csv_text(paths.DATA / "boilerplate.csv"))[6] == 14


cells = st.text(alphabet='ab ,"\n', max_size=6)


@settings(max_examples=200, deadline=None, derandomize=True, database=None)
@given(rows=st.lists(st.tuples(cells, cells, st.integers(0, 2)), min_size=1, max_size=8))
def test_row_lines_are_where_each_row_was_written(rows):
    buffer, expected = io.StringIO(), []
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["a", "b"])
    for a, b, blank_lines_before in rows:
        buffer.write("\n" * blank_lines_before)
        expected.append(buffer.getvalue().count("\n") + 1)
        writer.writerow([a or "-", b])  # a row of blanks only is a blank line to pandas
    text = buffer.getvalue()
    assert row_lines(text) == expected
    assert len(pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)) == len(rows)


def test_field_count_problems_name_the_line_of_a_row_with_an_unquoted_comma():
    text = 'a,b,c\n1,"x\ny",3\n1,2,3,4\n1,2\n'
    assert [str(p) for p in field_count_problems(text, "t.csv")] == [
        "t.csv:4: 4 fields where the header has 3 (a comma in an unquoted cell?)",
        "t.csv:5: 2 fields where the header has 3",
    ]
    assert field_count_problems("a,b\n1,2\n", "t.csv") == []
