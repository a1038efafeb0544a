"""Atomic output files: a reader never sees a half-written file, a path is written once."""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from pipeline.errors import HandoutError


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
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp, 0o644)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
