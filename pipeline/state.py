"""What the last build made of each output, kept beside the outputs: the incremental build's memory.

One small JSON record per output under <output>/.state/, so shards built in separate folders
never share a file. A record is trusted only if its key matches and the file on disk still has
the recorded sha256: an output edited, deleted or left by an interrupted build is remade.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .output import write_atomic

STATE_DIR = ".state"


@dataclass(frozen=True)
class Record:
    """One output as the build that wrote it saw it."""

    key: str
    sha256: str
    pages: int = 0
    passes: int = 0  # layouts it took (summary fitting)
    left_out: list[list[str]] = field(default_factory=list)  # [[fact id, text], ...]
    untranslated: list[str] = field(default_factory=list)
    reviewed: bool = True
    warnings: list[str] = field(default_factory=list)
    file: str = ""  # where the output was written, when not at its planned path (a 2-page summary)


def _record_path(output: Path, relative: str) -> Path:
    return output / STATE_DIR / f"{relative}.json"


def load(output: Path, relative: str) -> Record | None:
    try:
        data = json.loads(_record_path(output, relative).read_text(encoding="utf-8"))
        return Record(**data)
    except (OSError, ValueError, TypeError):
        return None


def save(output: Path, relative: str, record: Record) -> None:
    write_atomic(_record_path(output, relative), (json.dumps(asdict(record), ensure_ascii=False, indent=1) + "\n").encode())


def forget(output: Path, relative: str) -> None:
    _record_path(output, relative).unlink(missing_ok=True)


def current(output: Path, relative: str, key: str, also: tuple[str, ...] = ()) -> Record | None:
    # also: companion files that must exist too (the HTML preview beside a PDF)
    """The record of an output that is up to date for key (and whose companion files exist)."""
    record = load(output, relative)
    if record is None or record.key != key:
        return None
    path = output / (record.file or relative)
    if not path.is_file() or (path.suffix == ".pdf" and not path.with_suffix(".html").is_file()):
        return None  # a PDF comes with its HTML preview
    if any(not (output / other).is_file() for other in also):
        return None
    if hashlib.sha256(path.read_bytes()).hexdigest() != record.sha256:
        return None
    return record
