"""Change detection for the preview server: everything under the project root that a build reads.

The whole root is watched (sources/, clinic.yaml, sections.yaml, locales/, templates/, the logo,
plain-words.yaml, and a file added at the top later), less what a build never reads or writes
itself: the output folder (a build's own writes must not start another build), hidden files and
folders (.git, .venv, an editor's swap files), __pycache__, backups (name~) and logs (*.log, and
the files this process's own output is redirected to): a log under the root would otherwise
start a build with each line the server writes, for ever.

It uses watchfiles (the kernel's notifications through Rust's notify: inotify on Linux, FSEvents,
ReadDirectoryChangesW), which here reports a save within about 0.1 s and follows symlinked
folders such as a linked templates/. Should the notifications fail (too many watched folders),
it falls back to watchfiles' own polling. A burst of saves is one batch: `quiet_ms` without a
change ends it, `debounce_ms` at most.
"""

from __future__ import annotations

import importlib.util
import logging
import os
import stat
import threading
from collections.abc import Callable
from pathlib import Path

from pipeline.errors import HandoutError

log = logging.getLogger(__name__)

QUIET_MS = 200  # a batch ends after this long without a change (an editor's save is several events)
DEBOUNCE_MS = 1600  # ... or after this long in all
TICK_MS = 300  # how often the watcher looks up from waiting: to say it is ready, to notice stop()


class Watcher:
    """Calls on_change(paths) from a background thread for each batch of changes under root."""

    def __init__(self, root: Path, ignored: tuple[Path, ...], on_change: Callable[[tuple[str, ...]], None],
                 notice: Callable[[str], None]) -> None:
        self.root = root.absolute()
        # The output folder as given and as resolved: events name paths either way.
        self.ignored = tuple({folder.absolute() for folder in ignored} | {folder.resolve() for folder in ignored})
        self.on_change, self.notice = on_change, notice
        self._own_files = _own_output_files()
        self.ready = threading.Event()  # set once the first notifications are in place
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="handout-serve-watch", daemon=True)

    def start(self, wait: float = 10.0) -> None:
        """Start watching; return once changes are being seen (or after wait seconds, with a notice)."""
        if importlib.util.find_spec("watchfiles") is None:  # loaded by _run only: only the server needs it
            raise HandoutError("`handout serve` needs the watchfiles package: pip install watchfiles==1.3.0") from None
        self._thread.start()
        if not self.ready.wait(wait):
            self.notice(f"watching {self.root} has not started after {wait:g} s; changes may be missed until it has")

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive() and self._thread is not threading.current_thread():
            self._thread.join(timeout=5)

    def wanted(self, path: str) -> bool:
        """False for what no build reads: the output folder, hidden and cache files, backups, logs."""
        changed = Path(path)
        if any(changed.is_relative_to(folder) for folder in self.ignored):
            return False
        try:
            parts = changed.relative_to(self.root).parts
        except ValueError:
            return True  # under a symlinked folder's target: still the project's
        if any(part.startswith(".") or part == "__pycache__" for part in parts) or changed.name.endswith(("~", ".log")):
            return False
        return not self._own_files or _identity(changed) not in self._own_files

    def _run(self) -> None:
        import watchfiles

        force_polling = None  # watchfiles' default: the OS's notifications (WATCHFILES_FORCE_POLLING may say otherwise)
        while not self._stop.is_set():
            try:
                for changes in watchfiles.watch(
                        self.root, watch_filter=lambda _change, path: self.wanted(path), stop_event=self._stop,
                        debounce=DEBOUNCE_MS, step=QUIET_MS, rust_timeout=TICK_MS, yield_on_timeout=True,
                        raise_interrupt=False, force_polling=force_polling):
                    self.ready.set()
                    if changes:
                        self.on_change(tuple(sorted({path for _, path in changes})))
                return
            except Exception as exc:  # the OS's notifications failed (e.g. its limit of watched folders)
                if force_polling:
                    self.notice(f"watching {self.root} failed: {exc}; changes are no longer seen")
                    log.exception("watching failed")
                    self.ready.set()
                    return
                self.notice(f"watching {self.root} with the OS's notifications failed ({exc}); polling instead")
                force_polling = True


def _own_output_files() -> frozenset[tuple[int, int]]:
    """The files this process's stdout and stderr write to (`handout serve 2> serve.log` in the
    project): each message the server prints would otherwise be a change, and start a build."""
    found = set()
    for descriptor in (1, 2):
        try:
            info = os.fstat(descriptor)
        except OSError:
            continue
        if stat.S_ISREG(info.st_mode):
            found.add((info.st_dev, info.st_ino))
    return frozenset(found)


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_dev, info.st_ino
