"""`handout serve`: a live preview of the output folder for clinic editors and translators.

The previews are served with a toolbar (other languages, live reload, the last build's error)
and each printed fact linked to its source lines and review entry; the project is watched and
rebuilt incrementally as its files change. Its own layer, above the build: nothing below it
knows a server exists, and the command loads it (and watchfiles) only when asked to serve.
"""

from __future__ import annotations

from pipeline.serve.server import DEFAULT_PORT, Server, serve

__all__ = ["DEFAULT_PORT", "Server", "serve"]
