"""One build or release at a time per output folder: an flock on <output>/.lock.

The lock is the kernel's (fcntl.flock), so it is released when its holder ends however it ends,
SIGKILL included; the file's text (pid, command, start) only names the holder in messages. A
second run waits up to HANDOUT_LOCK_WAIT seconds (default LOCK_WAIT) for the holder, then exits
with a message naming it. A holder that ended without releasing the lock (its pid no longer runs)
is taken over with a notice. Nested holds of one folder in one process (release -> build) are one.
"""

from __future__ import annotations

import fcntl
import logging
import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from pipeline.atomic_files import fault, make_folder
from pipeline.errors import HandoutError

log = logging.getLogger(__name__)

LOCK = ".lock"
LOCK_WAIT = 10.0  # seconds: long enough for a cancelled run to clean up, short enough to notice
_POLL = 0.1

_held: dict[Path, int] = {}  # folder -> nesting depth, in this process


def wait_seconds() -> float:
    """How long a run waits for another to free the folder (HANDOUT_LOCK_WAIT, seconds)."""
    text = os.environ.get("HANDOUT_LOCK_WAIT", "")
    try:
        return max(0.0, float(text)) if text else LOCK_WAIT
    except ValueError:
        raise HandoutError(f"HANDOUT_LOCK_WAIT={text!r}: not a number of seconds") from None


@contextmanager
def output_lock(folder: Path, command: str = "", wait: float | None = None,
                notice: Callable[[str], None] = lambda text: log.warning("%s", text)) -> Iterator[None]:
    """Hold folder's lock for the block; raise HandoutError naming the holder if it stays busy."""
    key = folder.resolve()
    if key in _held:
        _held[key] += 1
        try:
            yield
        finally:
            _held[key] -= 1
        return
    created = not folder.exists()
    make_folder(folder)
    path = folder / LOCK
    stream = _open_locked(path, wait_seconds() if wait is None else wait, notice)
    try:
        _take_over_notice(stream, path, notice)
        stream.seek(0)
        stream.truncate()
        stream.write(f"{os.getpid()}\n{command or ' '.join(sys.argv)}\n{time.strftime('%Y-%m-%d %H:%M:%S')}\n")
        stream.flush()
        _held[key] = 1
        try:
            yield
        finally:
            del _held[key]
            stream.seek(0)
            stream.truncate()  # an empty file: released cleanly, nothing to take over
            if created and [p.name for p in folder.iterdir()] == [LOCK]:
                path.unlink()  # a run refused before writing anything leaves no folder behind
                folder.rmdir()
    finally:
        stream.close()  # closing releases the flock


def _open_locked(path: Path, wait: float, notice: Callable[[str], None]):
    """The lock file, open and flocked; reopened if its holder removed it meanwhile."""
    while True:
        make_folder(path.parent)  # again: a holder that made the folder removes it if it stayed empty
        try:
            stream = open(path, "a+", encoding="utf-8")
        except OSError as exc:
            raise fault(exc, path) from None
        try:
            _acquire(stream, path, wait, notice)
            if path.exists() and os.path.samestat(os.fstat(stream.fileno()), path.stat()):
                return stream
        except BaseException:
            stream.close()
            raise
        stream.close()  # locked a file its last holder removed: lock the one now at path


def holder(path: Path) -> tuple[int, str, str] | None:
    """(pid, command, since) as the lock file names them, or None."""
    try:
        pid, command, since = (path.read_text(encoding="utf-8").splitlines() + ["", "", ""])[:3]
        return int(pid), command, since
    except (OSError, ValueError):
        return None


def _acquire(stream, path: Path, wait: float, notice: Callable[[str], None]) -> None:
    deadline = time.monotonic() + wait
    waited = False
    while True:
        try:
            fcntl.flock(stream.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            pass
        except OSError as exc:
            raise fault(exc, path) from None
        if time.monotonic() >= deadline:
            raise HandoutError(f"{path}: {path.parent} is in use by {_describe(path)}; wait for it to finish "
                               f"(or stop it), then run again (HANDOUT_LOCK_WAIT sets how long to wait, "
                               f"now {wait:g} s)")
        if not waited:
            notice(f"{path}: waiting up to {wait:g} s for {_describe(path)}")
            waited = True
        time.sleep(_POLL)


def _describe(path: Path) -> str:
    found = holder(path)
    if found is None:
        return "another handout run"
    pid, command, since = found
    return f"pid {pid} ({command}, since {since})"


def _take_over_notice(stream, path: Path, notice: Callable[[str], None]) -> None:
    """Say so when the last holder ended without releasing (killed): its outputs may be partial."""
    found = holder(path)
    if found is not None and found[0] != os.getpid() and not _running(found[0]):
        notice(f"{path}: taken over from pid {found[0]} ({found[1]}, since {found[2]}), which is no longer "
               "running (it was stopped before it finished)")


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
