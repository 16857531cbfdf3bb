"""figures/index.csv: written by the figure helper, names files that exist, covers the claims listed."""

import pandas as pd

import twokoreas as tk
from twokoreas.notebook import charts
from twokoreas import paths


def test_index_rows_name_existing_files():
    index = pd.read_csv(paths.ROOT / "figures" / "index.csv", dtype=str, keep_default_na=False)
    assert not index.empty and index.figure.is_unique
    for row in index.itertuples():
        assert (paths.ROOT / "figures" / f"{row.figure}.csv").exists(), row.figure
        assert (paths.ROOT / "notebooks" / f"{row.notebook}.ipynb").exists(), row.notebook


def test_every_chart_has_alt_text_that_opens_with_its_title():
    index = pd.read_csv(paths.ROOT / "figures" / "index.csv", dtype=str, keep_default_na=False)
    charts_only = index[[(paths.ROOT / "figures" / f"{name}.png").exists() for name in index.figure]]
    assert not charts_only.empty
    for row in charts_only.itertuples():
        assert row.alt.startswith(row.title.rstrip(".")), row.figure


def test_every_event_appears_in_a_saved_figure_or_table():
    index = pd.read_csv(paths.ROOT / "figures" / "index.csv", dtype=str, keep_default_na=False)
    listed = {e for ids in index.event_ids for e in ids.split(";") if e}
    assert set(tk.load_events().event_id) <= listed


def test_every_claim_appears_in_a_saved_figure_or_table():
    index = pd.read_csv(paths.ROOT / "figures" / "index.csv", dtype=str, keep_default_na=False)
    listed = {c for ids in index.claim_ids for c in ids.split(";") if c}
    assert set(tk.load_claims().claim_id) <= listed


def test_save_figure_writes_png_svg_csv_and_one_index_row(tmp_path, monkeypatch):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    monkeypatch.setenv("TWOKOREAS_FIGURES", str(tmp_path))
    charts.use_style()
    data = pd.DataFrame({"x": [1, 2], "y": [3, 4]})
    for _ in range(2):  # saving again replaces, never duplicates
        fig, ax = plt.subplots()
        ax.plot(data.x, data.y)
        saved = charts.save_figure(fig, "09_test", "line", "A line", data, ["b", "a"])
    assert saved.files == ["figures/09_line.png", "figures/09_line.svg", "figures/09_line.csv"]
    assert repr(saved) == "figures/09_line.png, figures/09_line.svg, figures/09_line.csv"
    assert saved._repr_png_() == (tmp_path / "09_line.png").read_bytes()
    index = pd.read_csv(tmp_path / "index.csv", dtype=str, keep_default_na=False)
    assert index.to_dict("records") == [
        {
            "figure": "09_line",
            "notebook": "09_test",
            "title": "A line",
            "alt": "A line.",
            "claim_ids": "a;b",
            "event_ids": "",
        }
    ]
    assert pd.read_csv(tmp_path / "09_line.csv").equals(data)
    svg = (tmp_path / "09_line.svg").read_bytes()
    fig, ax = plt.subplots()
    ax.plot(data.x, data.y)
    charts.save_figure(fig, "09_test", "line", "A line", data, ["a"])
    assert (tmp_path / "09_line.svg").read_bytes() == svg, "SVG output must be byte-identical from run to run"
