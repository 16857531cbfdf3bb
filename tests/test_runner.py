"""The runner: executes in order, saves deterministic notebooks, and on failure names notebook, cell and error."""

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from twokoreas import paths, runner


def write(folder, name, *sources):
    nb = new_notebook(cells=[new_markdown_cell("# t")] + [new_code_cell(s) for s in sources])
    path = folder / name
    nbformat.write(nb, path)
    return path


def test_failing_notebook_is_named_with_cell_and_error_and_left_untouched(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(paths, "NOTEBOOKS", tmp_path)
    good = write(tmp_path, "00_good.ipynb", "1 + 1")
    bad = write(tmp_path, "01_bad.ipynb", "x = 1", "raise ValueError('boom')")
    before = bad.read_bytes()
    assert runner.run_all() == 1
    out, err = capsys.readouterr()
    assert "[1/2] 00_good" in out and "[2/2] 01_bad … FAILED" in out
    assert "01_bad.ipynb: cell 3 of 3 failed: ValueError: boom" in err
    assert bad.read_bytes() == before
    saved = nbformat.read(good, as_version=4)
    assert saved.cells[1].outputs[0]["data"]["text/plain"] == "2"
    assert saved.metadata.kernelspec.name == "python3" and "execution" not in saved.cells[1].metadata


def test_executing_twice_gives_identical_bytes(tmp_path):
    path = write(tmp_path, "00_same.ipynb", "import math\nmath.pi", "print('hello')")
    runner.execute(path)
    first = path.read_bytes()
    runner.execute(path)
    assert path.read_bytes() == first
