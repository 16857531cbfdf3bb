"""Shared fixtures: a writable copy of data/ to break on purpose."""

import shutil

import pytest

from twokoreas import paths


@pytest.fixture
def data_copy(tmp_path):
    """A copy of data/ (raw articles and curated tables) in a temporary folder."""
    target = tmp_path / "data"
    shutil.copytree(paths.DATA, target)
    return target


def edit_csv(path, old, new):
    """Replace the first ``old`` with ``new`` in a CSV file; fail if ``old`` is absent."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
