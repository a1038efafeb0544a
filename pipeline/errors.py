"""Error types the library raises for user mistakes; the CLI turns them into messages."""

from __future__ import annotations


class HandoutError(Exception):
    """A problem the user can fix: bad input, bad config. Printed without a traceback."""


class SourceError(HandoutError):
    """A source file that cannot be read as text (empty, binary, undecodable)."""

    def __init__(self, path: str, message: str, line: int | None = None) -> None:
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {message}")
        self.path = path
        self.line = line


class ConfigError(HandoutError):
    """One or more problems in the project's YAML files, reported together."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


class RenderError(HandoutError):
    """A handout that cannot be rendered as required (e.g. a summary that will not fit)."""
