"""Shared fixtures (a writable copy of data/ to break on purpose), and the three rings every test belongs to.

- ``unit``: in-process, on small inputs made in the test.
- ``data``: in-process, on the committed data or a copy of it (each test loads or checks whole tables).
- ``e2e``: whole commands on whole copies of the project (the fault campaign), real processes (the command line
  as a user starts it), kernels, the whole build, the browser.

``make quick`` runs ``unit`` and ``data`` (and the docstring examples); ``make test`` runs all three. A test's ring
is its file's (``RINGS``), unless ``E2E`` names it: the tests that start a Python of their own. A file not listed
here is ``e2e`` until it is, so a new slow test never slows the quick loop. Tests marked ``serial`` run one after
another on one worker (``--dist loadgroup``): they start clusters or browsers, which must not meet each other.
The tests of a file in ``ONE_WORKER`` share one worker too, so that its module fixture's build is made once.
"""

import shutil

import pytest

from twokoreas import paths

RINGS = {
    "unit": [
        "test_attribution.py",
        "test_charts.py",
        "test_corpus.py",
        "test_dates.py",
        "test_extract.py",
        "test_faults.py",
        "test_framing.py",
        "test_kiel.py",
        "test_layers.py",
        "test_layout.py",
        "test_notebook_kit.py",
        "test_numbers.py",
        "test_peer.py",
        "test_stance.py",
        "test_textfile.py",
        "test_version_and_help.py",
    ],
    "data": [
        "test_add.py",
        "test_check.py",
        "test_coverage.py",
        "test_environment.py",
        "test_figures_index.py",
        "test_loaders.py",
        "test_news_figures.py",
        "test_notebook_cells.py",
        "test_public_record.py",
        "test_kinds.py",
        "test_rates.py",
        "test_reference.py",
        "test_registry.py",
        "test_release.py",
        "test_site_render.py",
        "test_workflows.py",
    ],
    # The fault campaign runs whole commands on whole copies of the project (``check`` in this process: about
    # 1 s each, 150 cases; test_mutated_rows.py checks all the tables 60 times), so it is end to end even where
    # no process is started.
    "e2e": [
        "test_kernel.py",
        "test_runner.py",
        "test_safety.py",
        "test_site_escaping.py",
        "test_whole_path.py",
        "faults/",
        "browser/",
    ],
}
#: Tests in a unit or data file that start ``python -m twokoreas`` (or a cluster): e2e, by name prefix.
E2E = [
    "test_add.py::test_review_lists_no_drafts_on_the_curated_data",
    "test_check.py::test_check_passes_silently_on_the_curated_data",
    "test_corpus.py::test_dask_on_two_local_workers_gives_the_in_process_result",
    "test_corpus.py::test_a_killed_run_leaves_no_temporary_file_and_the_old_out_intact",
    "test_corpus.py::test_a_bad_or_unreachable_scheduler_gives_one_line_within_the_timeout",
    "test_extract.py::test_extract_command_prints_csv",
    "test_extract.py::test_extract_reports_bad_files_and_processes_the_rest",
    "test_extract.py::test_extract_command_shows_a_figure_it_cannot_read_with_its_reason_and_no_value",
    "test_version_and_help.py::test_a_real_process_answers_help_and_version_without_importing_pandas",
    "test_version_and_help.py::test_run_only_executes_that_notebook_alone",
]  # a kernel
SERIAL = ["browser/", "test_corpus.py::test_dask_on_two_local_workers_gives_the_in_process_result"]
#: Files whose tests read one build made by a module fixture: each runs on one worker, so the build is made once.
ONE_WORKER = ["test_site_escaping.py", "test_whole_path.py"]


def _where(item):
    """The item's path under tests/ and its node id from there (``test_x.py::test_y[case]``)."""
    try:
        relative = item.path.relative_to(paths.ROOT / "tests").as_posix()
    except ValueError:  # a docstring example under src/
        return None, None
    return relative, relative + item.nodeid.partition("::")[1] + item.nodeid.partition("::")[2]


def ring(item):
    """The ring of a collected test: ``unit``, ``data`` or ``e2e``."""
    relative, node = _where(item)
    if relative is None:
        return "unit"
    if any(node.startswith(name) for name in E2E):
        return "e2e"
    return next((name for name, files in RINGS.items() if any(relative.startswith(f) for f in files)), "e2e")


def pytest_configure(config):
    for name, text in [
        ("unit", "in-process, small inputs (make quick)"),
        ("data", "in-process, the committed data or a copy (make quick)"),
        ("e2e", "real processes, kernels, the build, the browser (make test)"),
        ("serial", "one after another on one worker (clusters, browsers)"),
    ]:
        config.addinivalue_line("markers", f"{name}: {text}")


def pytest_collection_modifyitems(config, items):
    """Mark each test with its ring (and group); put the e2e ring first, so that on two workers the long builds
    start early and the many short in-process tests fill the end, leaving no worker idle while the other works."""
    rings = {item: ring(item) for item in items}
    items.sort(key=lambda item: rings[item] != "e2e")  # stable: the order within each ring is kept
    for item in items:
        item.add_marker(rings[item])
        relative, node = _where(item)
        if relative and any(node.startswith(name) for name in SERIAL):
            item.add_marker("serial")
            item.add_marker(pytest.mark.xdist_group("serial"))  # one worker runs them all, one after another
        elif relative in ONE_WORKER:
            item.add_marker(pytest.mark.xdist_group(relative))
    _group_ids(config, items)


def _group_ids(config, items):
    """Put each test's xdist group in its node id, the channel ``--dist loadgroup`` reads: xdist 3.8 does it in a
    hook that runs before this file's marks exist, and on pytest 9.2 its write no longer reaches the id
    (pytest-dev/pytest-xdist#1386), so grouped tests were spread over both workers."""
    if not getattr(config.option, "loadgroup", False):  # set on the workers of ``--dist loadgroup`` only
        return
    from _pytest.nodeid import NodeId

    for item in items:
        groups = {str(m.args[0]) for m in item.iter_markers("xdist_group")}
        suffix = "@" + "_".join(sorted(groups))
        if groups and not item.nodeid.endswith(suffix):
            if hasattr(item, "_id"):
                item._id = NodeId.parse(item.nodeid + suffix)
            else:  # pytest before 9.2
                item._nodeid = item.nodeid + suffix


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
