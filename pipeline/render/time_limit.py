"""A time limit on one render, so a pathological input stops with a message instead of hanging.

Layout is Python code (WeasyPrint), so a SIGALRM handler can interrupt it between two
bytecodes. Renders run in the main thread of a worker process, or of the build's process when
there is one worker; elsewhere (a thread, or a platform without setitimer) there is no limit.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from pipeline.errors import RenderError

DEFAULT_TIME_LIMIT = 120.0  # seconds; the sample leaflet takes about one
_AGAIN = 1.0  # if library code swallowed the first interruption, interrupt again this soon


class RenderTimeout(RenderError):
    """A render stopped because it ran past its time limit."""


@contextmanager
def time_limit(seconds: float | None, what: str) -> Iterator[None]:
    """Raise RenderTimeout naming `what` if the block runs longer than seconds (None or 0: no limit)."""
    if not seconds or seconds <= 0 or not _can_interrupt():
        yield
        return
    message = (f"{what}: rendering took more than {seconds:g} s and was stopped (is a source text unusually "
               "long? if the text is right, raise `handout build --time-limit`)")
    expired = False

    def interrupt(signum: int, frame: object) -> None:
        nonlocal expired
        expired = True
        signal.setitimer(signal.ITIMER_REAL, _AGAIN)  # in case a broad `except` swallows this one
        raise RenderTimeout(message)

    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except RenderTimeout:
        raise
    except Exception as exc:
        if expired:  # library code turned the interruption into its own error (Jinja: TemplateSyntaxError)
            raise RenderTimeout(message) from exc
        raise
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    if expired:  # interrupted, yet the block returned: its result is not to be trusted
        raise RenderTimeout(message)


def _can_interrupt() -> bool:
    """Only the main thread receives signals, and only where setitimer exists; never over another timer."""
    return (hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
            and signal.getitimer(signal.ITIMER_REAL)[0] == 0)
