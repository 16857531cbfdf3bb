"""Write files whole or not at all: to a temporary file beside the target, then move it into place.

The file gets the mode a plain ``open()`` would give (0644 under the usual umask), not the 0600 of a
temporary file, so a web server running as another user can read what is published."""

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path


def _umask():
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextmanager
def atomic_path(target):
    """Yield a temporary path next to ``target``; move it onto ``target`` only if the block succeeds."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        yield Path(tmp)
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)


def write_text(target, text):
    """Write ``text`` (UTF-8, ``\\n`` line ends) to ``target`` atomically."""
    with atomic_path(target) as tmp:
        tmp.write_text(text, encoding="utf-8", newline="\n")


def write_csv(frame, target):
    """Write a DataFrame as CSV (no index, ``\\n`` line ends) atomically."""
    with atomic_path(target) as tmp:
        frame.to_csv(tmp, index=False, lineterminator="\n")


@contextmanager
def atomic_file(target):
    """Yield a binary file that becomes ``target`` only if the block succeeds; ``target`` is untouched until then.

    On Linux the file has no name until it is complete (``O_TMPFILE``), so even a killed process
    (SIGKILL) leaves nothing behind; elsewhere a hidden temporary file beside ``target`` is removed
    on any error or interruption Python sees.
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        if not os.path.isdir("/proc/self/fd"):
            raise OSError("no /proc to name an unnamed file")
        fd = os.open(target.parent, os.O_TMPFILE | os.O_WRONLY, 0o644)
    except (AttributeError, OSError):
        with atomic_path(target) as tmp, open(tmp, "wb") as file:
            yield file
        return
    with os.fdopen(fd, "wb") as file:
        yield file
        file.flush()
        os.fsync(file.fileno())
        proc = os.open("/proc/self", os.O_RDONLY)
        named = target.parent / f".{target.name}.{os.getpid()}.tmp"
        try:
            os.link(f"fd/{file.fileno()}", named, src_dir_fd=proc, follow_symlinks=True)
            os.replace(named, target)
        finally:
            os.close(proc)
            if named.exists():
                named.unlink()
