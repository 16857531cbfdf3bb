"""save_figure's layout check: it refuses text cut by its chart's frame or laid over other text, naming both."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from twokoreas.notebook import charts, layout  # noqa: E402


@pytest.fixture
def figures(tmp_path, monkeypatch):
    monkeypatch.setenv("TWOKOREAS_FIGURES", str(tmp_path))
    charts.use_style()
    return tmp_path


def chart():
    fig, ax = plt.subplots()
    ax.plot([0, 1], [0, 1])
    ax.set_title("A chart")
    return fig, ax


def test_a_clean_chart_passes_and_is_saved(figures):
    fig, ax = chart()
    ax.annotate("a label well inside", (0.3, 0.5))
    charts.save_figure(fig, "99_test", "clean", "A chart", pd.DataFrame({"x": [1]}), [])
    assert (figures / "99_clean.png").exists()


def test_overlapping_labels_are_refused_naming_the_chart_and_both_labels(figures):
    fig, ax = chart()
    ax.annotate("first label", (0.3, 0.5))
    ax.annotate("second label", (0.32, 0.5))
    with pytest.raises(
        layout.LayoutError, match=r"chart 99_overlap: label 'first label' overlaps label 'second label'"
    ):
        charts.save_figure(fig, "99_test", "overlap", "A chart", pd.DataFrame({"x": [1]}), [])
    assert not list(figures.iterdir()), "a refused chart writes nothing"


def test_a_label_cut_by_the_frame_is_refused(figures):
    fig, ax = chart()
    ax.annotate("a label that runs past the right edge", (0.9, 0.5))
    with pytest.raises(layout.LayoutError, match=r"chart 99_cut: label 'a label that runs past the right edge' is cut"):
        charts.save_figure(fig, "99_test", "cut", "A chart", pd.DataFrame({"x": [1]}), [])


def test_a_tick_label_over_an_annotation_is_refused():
    fig, ax = chart()
    ax.set_xticks([0.5], ["a tick"])
    ax.annotate("a note", (0.5, 0), xytext=(0, -30), textcoords="offset points", ha="center", annotation_clip=False)
    problems = layout.layout_problems(fig, "99_tick")
    assert any("'a tick'" in p and "'a note'" in p for p in problems)
    plt.close(fig)


def test_an_annotations_arrow_is_not_counted_as_text():
    fig, ax = chart()
    ax.annotate("label", (0.2, 0.2), xytext=(0.5, 0.8), arrowprops={"arrowstyle": "-"})
    ax.annotate("other", (0.5, 0.5), xytext=(0.2, 0.5))
    assert layout.layout_problems(fig, "99_arrow") == []
    plt.close(fig)


def test_alt_text_is_the_title_and_the_description(figures):
    fig, ax = chart()
    charts.save_figure(fig, "99_test", "alt", "A chart", pd.DataFrame({"x": [1]}), [], description="One line rises.")
    index = pd.read_csv(figures / "index.csv", dtype=str, keep_default_na=False)
    assert index.set_index("figure").alt["99_alt"] == "A chart. One line rises."
