"""The preview server's builds: one at a time, each a normal incremental build, never fatal.

A failed rebuild is the normal state of a file being edited (a half-typed YAML line), so its
message is kept and shown on the served pages instead of stopping the server; the next good
build clears it. The config is read anew for every build: clinic.yaml or a topic.yaml may have
changed. A finished build that changed the output folder or the error bumps the counter the
pages poll, and they reload.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from pipeline.atomic_files import fault
from pipeline.build.builder import BuildOptions, build, select_topics
from pipeline.config import load_config
from pipeline.errors import HandoutError
from pipeline.i18n.locale_data import is_source_language
from pipeline.i18n.translations import facts_file
from pipeline.models import OutputKind

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BuildState:
    """What the pages poll: how many builds have finished, whether one runs, the last one's error."""

    count: int = 0  # builds that changed the output folder or the error (the first one always counts)
    building: bool = False
    error: str | None = None

    def as_json(self) -> dict[str, object]:
        return {"build": self.count, "building": self.building, "error": self.error}


@dataclass(frozen=True)
class Selection:
    """What each build makes: as `handout build --topic/--locale/--kind` (empty: all)."""

    topics: tuple[str, ...] = ()
    locales: tuple[str, ...] = ()
    kinds: tuple[OutputKind, ...] = ()
    workers: int = 0  # render processes, as `handout build --jobs` (1: in this process)


class Builds:
    """Runs builds of root into output, one at a time, and keeps their BuildState."""

    def __init__(self, root: Path, output: Path, selection: Selection, notice: Callable[[str], None],
                 progress: Callable[[str], None]) -> None:
        self.root, self.output, self.selection = root, output, selection
        self.notice, self.progress = notice, progress  # failures; each build's steps
        self._state = BuildState()
        self._state_lock = threading.Lock()
        self._one_at_a_time = threading.Lock()
        self._shown: frozenset[tuple[str, int, int]] = frozenset()  # the output's files after the last build

    @property
    def state(self) -> BuildState:
        with self._state_lock:
            return self._state

    def check_selection(self) -> None:
        """Raise HandoutError for a --topic or --locale that names nothing (a mistake in the command,
        not in a file being edited). A config that does not load yet is left to the build to report."""
        for locale in self.selection.locales:
            if not is_source_language(locale):
                facts_file(self.root, locale)
        try:
            config = load_config(self.root)
        except HandoutError:
            return
        select_topics(config, self.selection.topics)

    def run(self) -> BuildState:
        """Build once (waiting for a build under way); record and return the outcome."""
        with self._one_at_a_time:
            self._set(building=True)
            error = None
            try:
                config = load_config(self.root)
                build(config, BuildOptions(output=self.output, topics=self.selection.topics,
                                           locales=self.selection.locales, kinds=self.selection.kinds,
                                           workers=self.selection.workers),
                      progress=self.progress)
            except HandoutError as exc:
                error = str(exc)
            except OSError as exc:  # the machine's fault (a full disk): named, as the CLI does
                error = str(fault(exc, exc.filename or "?", "failed"))
            except Exception as exc:  # a bug: the server stays up for the next edit, the traceback goes to the log
                log.exception("the build failed unexpectedly")
                error = f"the build failed unexpectedly (a bug in handout; the terminal has the details): {exc!r}"
            finally:
                shown = _fingerprint(self.output)
                with self._state_lock:  # Ctrl-C too: nothing is left "building"
                    state = self._state
                    # The pages reload only if what they show may differ: a save that changes no
                    # output (a file saved unchanged, a file no build reads) leaves them alone.
                    changed = state.count == 0 or shown != self._shown or error != state.error
                    self._state = replace(state, count=state.count + int(changed), building=False, error=error)
                    self._shown = shown
            if error is not None:
                self.notice(f"the build failed (the pages show this until it is fixed):\n{error}")
            return self.state

    def _set(self, **changes: object) -> None:
        with self._state_lock:
            self._state = replace(self._state, **changes)  # type: ignore[arg-type]


def _fingerprint(output: Path) -> frozenset[tuple[str, int, int]]:
    """(path, size, mtime) of the files the pages show: what a build wrote, if anything.

    Left out: the manifest and report, which every build writes, and hidden files (its lock, records).
    """
    found = set()
    for path in output.rglob("*"):
        relative = path.relative_to(output)
        if relative.as_posix() in ("manifest.json", "report.json") or any(p.startswith(".") for p in relative.parts):
            continue
        try:
            info = path.stat()
        except OSError:  # removed meanwhile
            continue
        if not path.is_dir():
            found.add((relative.as_posix(), info.st_size, info.st_mtime_ns))
    return frozenset(found)
