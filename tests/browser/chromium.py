"""Which Chromium the browser tests drive: $TWOKOREAS_CHROMIUM, else the usual place on this platform.

The browser tests take the `chromium` fixture (a failure that says how to install a browser, never a skip).
Run as a script, it prints the path, or says how to install a browser and exits 1.
"""

import os
import shutil
import sys
from pathlib import Path

import pytest

VARIABLE = "TWOKOREAS_CHROMIUM"
# Where Chromium or Chrome usually lives, most likely first; commands are looked up on PATH.
USUAL = {
    "linux": ["/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome", "google-chrome-stable"],
    "darwin": [
        "/Applications/Chromium.app/Contents/MacOS/Chromium",
        "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    ],
    "win32": [
        r"C:\Program Files\Google\Chrome\Application\chrome.exe",
        r"C:\Program Files (x86)\Google\Chrome\Application\chrome.exe",
        "chrome",
    ],
}
INSTALL = {
    "linux": "apt-get install chromium (Debian, Ubuntu) or dnf install chromium (Fedora)",
    "darwin": "brew install --cask chromium",
    "win32": "winget install Google.Chrome",
}


class BrowserMissing(Exception):
    """No browser for the tests: the message says how to install one or point at one."""


def _platform():
    return "linux" if sys.platform.startswith("linux") else sys.platform


def chromium_path():
    """The browser's executable: $TWOKOREAS_CHROMIUM when set, else the first of this platform's usual places."""
    named = os.environ.get(VARIABLE)
    if named:
        if not Path(named).is_file():
            raise BrowserMissing(f"{VARIABLE}={named}: no such file; point it at a Chromium or Chrome executable")
        return named
    for candidate in USUAL.get(_platform(), USUAL["linux"]):
        found = candidate if Path(candidate).is_absolute() and Path(candidate).is_file() else shutil.which(candidate)
        if found:
            return found
    raise BrowserMissing(
        f"no Chromium or Chrome found for the browser tests. Install one ({INSTALL.get(_platform(), INSTALL['linux'])}),"
        f" or set {VARIABLE} to a Chromium or Chrome executable"
    )


@pytest.fixture(scope="session")
def chromium():
    """Path of the Chromium or Chrome executable the browser tests launch."""
    try:
        return chromium_path()
    except BrowserMissing as err:
        pytest.fail(str(err), pytrace=False)


if __name__ == "__main__":
    try:
        print(chromium_path())
    except BrowserMissing as err:
        sys.exit(str(err))
