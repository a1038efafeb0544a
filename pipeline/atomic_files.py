"""Atomic output files: a reader never sees a half-written file, a path is written once.

A fault of the machine (a read-only folder, a full disk, a file where a folder should be or a
folder where a file should be) is a HandoutError naming the path and the cause (fault()), and
leaves no temp file behind.
"""

from __future__ import annotations

import errno
import hashlib
import os
import tempfile
from pathlib import Path

from pipeline.errors import HandoutError

_CAUSES = {
    errno.ENOSPC: "no space left on the disk",
    errno.EDQUOT: "disk quota exceeded",
    errno.EROFS: "the file system is read-only",
    errno.EACCES: "permission denied (is the folder read-only?)",
    errno.EPERM: "not permitted (is the folder read-only?)",
    errno.ENOTDIR: "a file is where a folder should be",
    errno.EEXIST: "a file is where a folder should be",
    errno.EISDIR: "a folder is where a file should be",
    errno.ENOTEMPTY: "a folder is where a file should be",
}


class OutputWriter:
    """Writes files under one directory atomically (temp file + rename), each path once."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.written: list[str] = []

    def write(self, relative: str, data: bytes | str) -> str:
        """Write data to directory/relative atomically; return its sha256."""
        if relative in self.written:
            # Two outputs on one path means one silently replaced the other.
            raise HandoutError(f"{self.directory / relative}: written twice in one build")
        payload = data.encode("utf-8") if isinstance(data, str) else data
        write_atomic(self.directory / relative, payload)
        self.written.append(relative)
        return hashlib.sha256(payload).hexdigest()


def write_atomic(path: Path, payload: bytes) -> None:
    """Write to a temp file beside path, flush it to disk, then rename it over path."""
    make_folder(path.parent)
    if path.is_dir():  # os.replace would say "Is a directory" naming the temp file
        raise fault(OSError(errno.EISDIR, os.strerror(errno.EISDIR)), path)
    try:
        handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise fault(exc, path) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp, 0o644)
        os.replace(temp, path)
    except BaseException as exc:
        Path(temp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise fault(exc, path) from None
        raise


def make_folder(folder: Path) -> None:
    """Create folder and its parents; a file in the way or a read-only parent is a HandoutError."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        # mkdir names the folder it was making; the one in the way may be a parent of it.
        blocking = next((p for p in (folder, *folder.parents) if p.exists() and not p.is_dir()), None)
        raise fault(exc, blocking or folder) from None


def fault(exc: OSError, path: Path | str, doing: str = "cannot write") -> HandoutError:
    """The machine's fault at path, in words: `path: cannot write: <cause> (<the system's words>)`."""
    cause = _CAUSES.get(exc.errno or 0, "")
    detail = exc.strerror or str(exc)
    words = f"{cause} ({detail})" if cause else detail
    return HandoutError(f"{path}: {doing}: {words}")
