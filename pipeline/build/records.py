"""What the last build made of each output, kept beside the outputs: the incremental build's memory.

One small JSON record per output under <output>/.state/, so shards built in separate folders
never share a file. A record is trusted only if its key matches and the file on disk still has
the recorded sha256, and so has each file written with it (a PDF's HTML preview, facts.json's
review.html): an output or preview edited, deleted or left by an interrupted build is remade.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline.atomic_files import fault, write_atomic
from pipeline.models import LeftOut, Output, Untranslated

if TYPE_CHECKING:
    from pipeline.build.plan import Job

STATE_DIR = ".state"


@dataclass(frozen=True)
class Record:
    """One output as the build that wrote it saw it."""

    key: str
    sha256: str
    pages: int = 0
    passes: int = 0  # layouts it took (summary fitting)
    left_out: tuple[LeftOut, ...] = ()
    untranslated: tuple[Untranslated, ...] = ()
    reviewed: bool = True
    warnings: tuple[str, ...] = ()
    file: str = ""  # where the output was written, when not at its planned path (a 2-page summary)
    printed: tuple[str, ...] = ()  # msgctxt of each `facts` message the PDF prints
    companions: tuple[tuple[str, str], ...] = ()  # (path, sha256) of each file written with it
    fit_level: int = -1  # a summary: the tightening step that fitted (-1: not recorded)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Record:
        """A record as save() wrote it (a TypeError or KeyError for anything else)."""
        return cls(**{**data, "left_out": tuple(LeftOut(**row) for row in data["left_out"]),
                      "untranslated": tuple(Untranslated(**row) for row in data["untranslated"]),
                      "warnings": tuple(data["warnings"]), "printed": tuple(data["printed"]),
                      "companions": tuple((str(path), str(digest)) for path, digest in data["companions"])})


def _record_path(output: Path, relative: str) -> Path:
    return output / STATE_DIR / f"{relative}.json"


def load(output: Path, relative: str) -> Record | None:
    """The record of an output, or None when there is none (or it is unreadable: remake it)."""
    try:
        return Record.from_json(json.loads(_record_path(output, relative).read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError, KeyError):
        return None


def save(output: Path, relative: str, record: Record) -> None:
    text = json.dumps(asdict(record), ensure_ascii=False, indent=1) + "\n"
    write_atomic(_record_path(output, relative), text.encode("utf-8"))


def exists(output: Path, relative: str) -> bool:
    """Whether a build has recorded an output at this path (current or not)."""
    return _record_path(output, relative).is_file()


def as_output(job: Job, record: Record) -> Output:
    """The output a record describes, as the manifest and report list it."""
    return Output(record.file or job.path, job.topic, job.locale, job.kind, record.pages, record.sha256,
                  record.untranslated, record.reviewed, record.left_out, record.warnings, record.printed)


def forget(output: Path, relative: str) -> None:
    path = _record_path(output, relative)
    try:
        path.unlink(missing_ok=True)
    except NotADirectoryError:
        pass  # a file where .state/ should be: no record under it to forget (save() will say so)
    except OSError as exc:
        raise fault(exc, path, "cannot remove") from None


def current(output: Path, relative: str, key: str) -> Record | None:
    """The record of an output that is up to date for key, its file and companions as it wrote them."""
    record = load(output, relative)
    if record is None or record.key != key or not record.companions:
        return None  # a record without companions is from before they were recorded: remake
    files = ((record.file or relative, record.sha256), *record.companions)
    if all(_sha256(output / path) == digest for path, digest in files):
        return record
    return None


def _sha256(path: Path) -> str | None:
    """The file's sha256, or None when it is missing or not a file (a folder in its place)."""
    try:
        with path.open("rb") as file:
            return hashlib.file_digest(file, "sha256").hexdigest()
    except OSError:
        return None


def _begun_path(output: Path, locale: str) -> Path:
    return output / STATE_DIR / "begun" / f"{locale}.json"


def load_begun(output: Path, locale: str, key: str) -> frozenset[str] | None:
    """The topics a language had begun when its facts.po and the topics made key, or None."""
    try:
        data = json.loads(_begun_path(output, locale).read_text(encoding="utf-8"))
        return frozenset(str(topic) for topic in data["begun"]) if data["key"] == key else None
    except (OSError, ValueError, TypeError, KeyError):
        return None


def save_begun(output: Path, locale: str, key: str, begun: frozenset[str]) -> None:
    """Remember which topics a language has begun: reading a large facts.po to find out takes
    about a second, and a rebuild with nothing to do should not spend it."""
    text = json.dumps({"key": key, "begun": sorted(begun)}, ensure_ascii=False) + "\n"
    write_atomic(_begun_path(output, locale), text.encode("utf-8"))
