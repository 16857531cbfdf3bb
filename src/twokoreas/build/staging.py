"""Build into a staging folder, then move the results into the tree together, or not at all.

:func:`commit` copies every staged file that differs from its target to a temporary file beside the
target (any error removes them and changes nothing), writes a journal, then renames them all into
place with SIGINT and SIGTERM held back, and removes the target files the build no longer writes in the
same step. A run killed during the renames (SIGKILL) leaves the journal, and the next run completes the
renames and removals first (:func:`recover`). Files that did not change are not touched, so their
timestamps stay too.
"""

import json
import os
import shutil
import signal
from pathlib import Path

from ..atomic import write_text

JOURNAL = "commit.json"
TMP_SUFFIX = ".twokoreas-commit"
_HELD = {signal.SIGINT, signal.SIGTERM}


def changed_files(staged, target):
    """``[(staged file, target file)]`` for each file under ``staged`` whose bytes differ from ``target``'s."""
    pairs = []
    for source in sorted(p for p in staged.rglob("*") if p.is_file()):
        destination = target / source.relative_to(staged)
        if not (
            destination.is_file()
            and destination.stat().st_size == source.stat().st_size
            and destination.read_bytes() == source.read_bytes()
        ):
            pairs.append((source, destination))
    return pairs


def _temporary(target):
    return target.with_name(f".{target.name}{TMP_SUFFIX}")


def _prepare(pairs):
    """Copy each staged file beside its target; on any error (or interrupt) undo and re-raise."""
    moves, made = [], []
    try:
        for source, target in pairs:
            for folder in reversed(target.parents):
                if not folder.exists():
                    folder.mkdir()
                    made.append(folder)
            tmp = _temporary(target)
            shutil.copyfile(source, tmp)
            moves.append((tmp, target))
    except BaseException:
        for tmp, _ in moves:
            tmp.unlink(missing_ok=True)
        _temporary(target).unlink(missing_ok=True)
        for folder in reversed(made):
            folder.rmdir()
        raise
    return moves


def stale_files(staged, target, owned):
    """The files ``owned(target)`` lists that ``staged`` no longer holds: what a build stopped writing."""
    return [path for path in owned(target) if not (staged / path.relative_to(target)).is_file()]


def _finish(moves, journal):
    """Rename each ``(temporary, target)`` into place; a ``(None, target)`` entry removes the target."""
    for tmp, target in moves:
        if tmp is None:
            target.unlink(missing_ok=True)
        elif tmp.exists():
            os.replace(tmp, target)
    journal.unlink(missing_ok=True)


def commit(folders, build, remove=()):
    """Replace the files of each ``(staged folder, target folder)`` pair that changed and remove the files of
    ``remove``, all or nothing.

    ``build`` holds the journal. Returns the number of files replaced or removed.
    """
    pairs = [pair for staged, target in folders for pair in changed_files(staged, target)]
    moves = _prepare(pairs) + [(None, Path(target)) for target in remove]
    held = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD)
    try:
        journal = build / JOURNAL
        write_text(journal, json.dumps([[tmp and str(tmp), str(target)] for tmp, target in moves]))
        _finish(moves, journal)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)
    return len(moves)


def recover(targets, build):
    """Complete a commit a killed run left half done; remove a killed run's temporary files and stage.

    Returns True if a commit was completed.
    """
    journal, completed = build / JOURNAL, False
    if journal.exists():
        moves = [(tmp and Path(tmp), Path(target)) for tmp, target in json.loads(journal.read_text(encoding="utf-8"))]
        _finish(moves, journal)
        completed = True
    for folder in targets:
        for pattern in (f".*{TMP_SUFFIX}", f"*/.*{TMP_SUFFIX}"):  # site/ has one level of subfolders
            for debris in folder.glob(pattern):
                debris.unlink()
    for stage in build.glob("stage-*"):
        shutil.rmtree(stage, ignore_errors=True)
    return completed
