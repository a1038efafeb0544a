"""Write tests/goldens/ from a fresh English build of the sample topic (`make goldens`).

Run it when a change to the output is intended, then read `git diff tests/goldens/` before
committing: the goldens are what test_build.py compares every build with, byte for byte.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from conftest import build_english  # the very build the test compares (SOURCE_DATE_EPOCH pinned)

GOLDENS = Path(__file__).resolve().parent / "goldens"
FILES = ("immunotherapy/facts.json", "en/immunotherapy-leaflet.html")  # as test_build.GOLDEN_FILES


def main() -> int:
    with tempfile.TemporaryDirectory() as scratch:
        output = Path(scratch)
        build_english(output)
        for name in FILES:
            target = GOLDENS / name
            target.parent.mkdir(parents=True, exist_ok=True)
            before = target.read_bytes() if target.exists() else None
            shutil.copyfile(output / name, target)
            state = "unchanged" if before == target.read_bytes() else "written"
            print(f"tests/goldens/{name}: {state}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
