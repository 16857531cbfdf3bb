"""Every command's faults as one line on stderr: the guard around the command line.

An expected fault (bad data, a missing or unusable path, Ctrl-C, a reader that closed
the pipe) becomes one ``file[:line]: field: problem`` style line and an exit status;
no exception text from inside the program reaches the user. An unexpected exception is
a bug: it is named in one line too, and ``TWOKOREAS_DEBUG=1`` shows its traceback.
"""

import errno
import os
import re
import select
import sys
import traceback


from .errors import DataError
from .paths import shown

DEBUG_VARIABLE = "TWOKOREAS_DEBUG"
FAILED = 1
INTERRUPTED = 130  # 128 + SIGINT, what a shell reports for a command stopped by Ctrl-C
BROKEN_PIPE = 141  # 128 + SIGPIPE, what `cmd | head` reports for any Unix tool cut short

_OS_PROBLEMS = {
    errno.ENOENT: "not found",
    errno.EISDIR: "is a folder, not a file",
    errno.ENOTDIR: "a part of this path is a file, not a folder",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EROFS: "read-only file system",
    errno.ENOSPC: "no space left on the device",
    errno.EDQUOT: "disk quota exceeded",
    errno.EEXIST: "already exists",
    errno.ENAMETOOLONG: "file name too long",
    errno.ELOOP: "too many levels of symbolic links",
}
_WRITE_ONLY_ERRNOS = {errno.EROFS, errno.ENOSPC, errno.EDQUOT}
# The temporary file atomic.atomic_path writes beside its target: ".NAME.<8 random characters>.tmp".
_TEMPORARY = re.compile(r"^\.(?P<target>.+)\.[a-z0-9_]{8}\.tmp$")


def os_problem(err):
    """What an OSError means, in a few words (no errno, no exception text)."""
    return _OS_PROBLEMS.get(err.errno) or (err.strerror or "cannot be used").lower()


def _os_line(err):
    """``path: problem`` for an OSError that names its file; None when it names none."""
    path = err.filename2 if err.filename2 is not None else err.filename
    if path is None:
        return None
    path = os.fspath(path)
    folder, name = os.path.split(path)
    temporary = _TEMPORARY.match(name)
    if temporary:
        path = os.path.join(folder, temporary["target"])
    writing = temporary or err.filename2 is not None or err.errno in _WRITE_ONLY_ERRNOS
    return f"{shown(path)}: {'cannot write: ' if writing else ''}{os_problem(err)}"


def describe(err):
    """The one line for an expected fault, or None when ``err`` is unexpected (a bug)."""
    if isinstance(err, DataError):
        return str(err)
    if isinstance(err, OSError):
        return _os_line(err)
    if isinstance(err, MemoryError):
        return "not enough memory"
    return None


def _say(line):
    try:
        print(line, file=sys.stderr, flush=True)
    except (OSError, ValueError):  # stderr itself is closed: nothing left to tell
        pass


def _stdout_is_closed():
    """Whether stdout is a pipe whose reader has gone (rather than some other pipe breaking)."""
    try:
        sys.stdout.flush()
    except (BrokenPipeError, ValueError):
        return True
    except OSError as err:
        return err.errno == errno.EPIPE
    try:
        poll = select.poll()
        poll.register(sys.stdout.fileno(), select.POLLOUT)
        return any(events & select.POLLERR for _, events in poll.poll(0))
    except (OSError, ValueError, AttributeError):
        return False


def _silence_stdout():
    """Point stdout at /dev/null so the interpreter's final flush cannot fail again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    finally:
        os.close(devnull)


def tolerate_console():
    """Never fail on printing: characters the console's encoding lacks are written as ``\\uXXXX``."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")


def guarded(command, run, *args):
    """``run(*args)``'s exit status, with every exception turned into one line on stderr.

    Expected faults exit 1 with their :func:`describe` line; Ctrl-C exits 130 with one line; a reader
    closing stdout early (``| head``) exits 141 silently; anything else is a bug, named in one line
    that says how to see its traceback (``TWOKOREAS_DEBUG=1``, which prints it before the line).
    """
    debug = bool(os.environ.get(DEBUG_VARIABLE))
    try:
        return run(*args)
    except KeyboardInterrupt:
        if debug:
            traceback.print_exc()
        _say(f"twokoreas {command}: interrupted")
        return INTERRUPTED
    except Exception as err:  # every exception ends here: one line, never a traceback
        if debug:
            traceback.print_exc()
        if isinstance(err, BrokenPipeError) and err.filename is None and _stdout_is_closed():
            _silence_stdout()
            return BROKEN_PIPE
        line = describe(err)
        if line is None:
            line = (
                f"twokoreas {command}: internal error ({type(err).__name__}); this is a bug: "
                f"run it again with {DEBUG_VARIABLE}=1 to see where"
            )
        _say(line)
        return FAILED
