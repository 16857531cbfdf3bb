"""The browser every browser test drives (see chromium.py): a failure that says how to install one, never a skip."""

import pytest

from chromium import BrowserMissing, chromium_path


@pytest.fixture(scope="session")
def chromium():
    """Path of the Chromium or Chrome executable."""
    try:
        return chromium_path()
    except BrowserMissing as err:
        pytest.fail(str(err), pytrace=False)
