"""The kernel the notebooks name reports no exact Python version, so a notebook is the same on 3.11, 3.12 and 3.13."""

import json

from jupyter_client.manager import start_new_kernel

from twokoreas import paths
from twokoreas.build.kernel import NAME


def test_the_installed_kernel_reports_python_without_its_exact_version():
    manager, client = start_new_kernel(kernel_name=NAME)
    try:
        reply = client.kernel_info(reply=True, timeout=60)
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)
    info = reply["content"]["language_info"]
    assert info["name"] == "python" and info["file_extension"] == ".py"
    assert "version" not in info


def test_no_notebook_records_the_python_that_ran_it():
    for path in sorted(paths.NOTEBOOKS.glob("*.ipynb")):
        metadata = json.loads(path.read_text(encoding="utf-8"))["metadata"]
        assert "version" not in metadata["language_info"], path.name
