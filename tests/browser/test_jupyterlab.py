"""JupyterLab as a person uses it, on a temporary copy: Run All shows figures and tables with no errors;
opening and saving a notebook changes none of its bytes."""

import contextlib
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import nbformat
import pytest

from twokoreas import paths

from chromium import chromium  # noqa: F401 (the fixture)
from test_site import ARTIFACTS, FLAGS

NOTEBOOK = "04_troops.ipynb"  # a chart and tables (02_aid now shows tables only)
START_TIMEOUT = 90  # seconds for the server to answer
RUN_TIMEOUT = 180_000  # milliseconds for Run All to finish


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def running_lab(tmp_path, clear_outputs):
    """JupyterLab on 127.0.0.1 over a temporary copy of the notebooks; always stopped afterwards."""
    workdir = tmp_path / "notebooks"
    shutil.copytree(paths.NOTEBOOKS, workdir)
    for path in workdir.glob("*.ipynb") if clear_outputs else ():
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            if cell.cell_type == "code":
                cell.outputs, cell.execution_count = [], None
        nbformat.write(nb, path)
    settings = tmp_path / "settings" / "@jupyterlab" / "notebook-extension"
    settings.mkdir(parents=True)
    (settings / "tracker.jupyterlab-settings").write_text('{"windowingMode": "none"}')  # render every cell
    port, token = free_port(), secrets.token_hex(16)
    env = {
        **os.environ,
        "TWOKOREAS_FIGURES": str(tmp_path / "figures"),
        "JUPYTER_CONFIG_DIR": str(tmp_path / "config"),
        "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"),
        "JUPYTERLAB_SETTINGS_DIR": str(tmp_path / "settings"),
    }
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "jupyter",
            "lab",
            "--no-browser",
            "--ServerApp.ip=127.0.0.1",
            f"--ServerApp.port={port}",
            f"--IdentityProvider.token={token}",
            f"--ServerApp.root_dir={workdir}",
            "--LabApp.news_url=",
            "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
            *(["--allow-root"] if os.geteuid() == 0 else []),
        ],
        cwd=workdir,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=open(tmp_path / "lab.log", "w"),
    )
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/api/status?token={token}", timeout=2)
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise AssertionError("JupyterLab did not start:\n" + (tmp_path / "lab.log").read_text())
                time.sleep(0.5)
        yield f"http://127.0.0.1:{port}", token, workdir
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


@pytest.fixture
def lab(tmp_path):
    """Lab over a copy whose outputs are cleared, so every output seen comes from this run."""
    with running_lab(tmp_path, clear_outputs=True) as running:
        yield running


@pytest.fixture
def lab_as_committed(tmp_path):
    """Lab over an exact copy of the committed notebooks."""
    with running_lab(tmp_path, clear_outputs=False) as running:
        yield running


def open_notebook(browser, url, token):
    """A page with NOTEBOOK open and its kernel started and idle."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{url}/lab/tree/{NOTEBOOK}?token={token}", timeout=60_000)
    page.locator(".jp-Notebook .jp-Cell").first.wait_for(timeout=60_000)
    page.get_by_text("| Idle").first.wait_for(timeout=60_000)  # the status bar: kernel started and idle
    return page


def test_open_notebook_run_all_shows_figures_and_tables(lab, chromium):
    from playwright.sync_api import sync_playwright

    url, token, workdir = lab
    committed = (paths.NOTEBOOKS / NOTEBOOK).read_bytes()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=FLAGS, timeout=60_000)
        try:
            page = open_notebook(browser, url, token)
            page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
            page.locator(".lm-Menu-itemLabel", has_text="Run All Cells").first.click()
            cells = page.locator(".jp-Notebook .jp-CodeCell")
            page.wait_for_function(
                """() => { const prompts = [...document.querySelectorAll('.jp-Notebook .jp-CodeCell .jp-InputPrompt')];
                           return prompts.length > 0 && prompts.every(p => /\\[\\d+\\]/.test(p.textContent)); }""",
                timeout=RUN_TIMEOUT,
            )
            assert cells.count() > 0
            errors = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
            assert errors.count() == 0, errors.all_inner_texts()
            assert page.locator(".jp-RenderedImage img").count() >= 1
            assert page.locator(".jp-OutputArea-output table.dataframe").count() >= 2
            assert page.get_by_text("Traceback (most recent call last)").count() == 0
            assert page.locator(".jp-OutputArea-output mjx-container, .jp-OutputArea-output .MathJax").count() == 0, (
                "money must not be typeset as maths"
            )
            ARTIFACTS.mkdir(exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / "jupyterlab-run-all.png"))
        finally:
            browser.close()
    assert (paths.NOTEBOOKS / NOTEBOOK).read_bytes() == committed, "the repository's notebook must stay untouched"


def as_made_here(text):
    """The notebook as `make` saves it: the same on every Python (it records none)."""
    assert "version" not in json.loads(text)["metadata"]["language_info"]
    return text


def test_opening_and_saving_a_notebook_changes_nothing(lab_as_committed, chromium):
    """The saved notebook names the kernel Lab starts (twokoreas.build.kernel), so Lab has nothing to change."""
    from playwright.sync_api import sync_playwright

    url, token, workdir = lab_as_committed
    saved = workdir / NOTEBOOK
    expected = workdir.parent / "expected.ipynb"
    expected.write_text(as_made_here(saved.read_text(encoding="utf-8")), encoding="utf-8")
    shutil.copyfile(expected, saved)
    before = saved.stat().st_mtime_ns
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=FLAGS, timeout=60_000)
        try:
            page = open_notebook(browser, url, token)
            page.wait_for_timeout(2_000)  # time for Lab to write the kernel's metadata into the model, if it differed
            tab = page.locator(".lm-DockPanel-tabBar .lm-TabBar-tab", has_text=NOTEBOOK)
            assert "jp-mod-dirty" not in (tab.get_attribute("class") or ""), (
                "the notebook shows unsaved changes on open"
            )
            page.locator(".jp-Notebook").first.click()
            page.keyboard.press("Control+s")
            deadline = time.monotonic() + 30
            while saved.stat().st_mtime_ns == before:
                assert time.monotonic() < deadline, "Lab did not save the notebook"
                time.sleep(0.2)
        finally:
            browser.close()
    diff = subprocess.run(
        ["git", "diff", "--no-index", "--", str(expected), str(saved)], capture_output=True, text=True
    )
    assert saved.read_bytes() == expected.read_bytes(), f"saving without running changed it:\n{diff.stdout[:3000]}"
