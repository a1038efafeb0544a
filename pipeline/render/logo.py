"""Check the clinic's logo before it is embedded: a readable image of sane size, an SVG without DTD.

WeasyPrint drops an image it cannot load with a warning that gives no reason (its exception
has an empty message), and the build goes on: a leaflet without the clinic's logo. It also
parses SVG with the standard library, which expands entities declared in a DOCTYPE (a
"billion laughs" file takes all memory). So the logo is checked here first, and any problem
stops the render with the file and the reason.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from xml.etree import ElementTree

from PIL import Image, UnidentifiedImageError

from pipeline.models import MAX_LOGO_BYTES
from pipeline.errors import RenderError
from pipeline.templates import ASSETS, TemplateSet

MAX_LOGO_PIXELS = 25_000_000  # 5000 x 5000: a 14 mm logo needs ~330 px; a bigger one is a bomb
_SVG = "{http://www.w3.org/2000/svg}"
# A reference out of the SVG: href to anything but a fragment or data:, CSS url()/@import likewise.
_HREF = re.compile(r"^\s*(#|data:)", re.IGNORECASE)
_CSS_URL = re.compile(r"""@import|url\(\s*(?!['"]?\s*(#|data:))""", re.IGNORECASE)


def check_logo(logo: str, templates: TemplateSet, limit: int = MAX_LOGO_BYTES) -> None:
    """Raise RenderError naming the logo file and the reason it cannot be embedded."""
    if not logo:
        return
    path = templates.find(f"{ASSETS}/{logo}")
    if path is None or not path.is_file():
        raise RenderError(f"logo {logo!r}: not a file in {', '.join(map(str, templates.asset_folders))}")
    status = path.stat()
    problem = _problem(path, status.st_size, status.st_mtime_ns, limit)
    if problem:
        raise RenderError(f"{path}: the clinic logo cannot be embedded: {problem}")


@cache
def _problem(path: Path, size: int, mtime_ns: int, limit: int) -> str:
    """What is wrong with the image at path ("" if nothing); cached while the file is unchanged."""
    if size > limit:
        return (f"{size:,} bytes, more than the {limit:,} a logo may have (it is embedded "
                "in every PDF): save it smaller, or raise max_logo_bytes in clinic.yaml")
    with path.open("rb") as file:
        data = file.read(limit + 1)  # the file may have grown since stat
    if len(data) > limit:
        return f"more than the {limit:,} bytes a logo may have: save it smaller, or raise max_logo_bytes in clinic.yaml"
    if path.suffix.lower() == ".svg":
        return _svg_problem(data)
    return _raster_problem(path)


def _svg_problem(data: bytes) -> str:
    """Why an SVG logo is refused: a DTD, a script, a reference outside the file, bad XML."""
    head = data.lower()
    if b"<!doctype" in head or b"<!entity" in head:
        return ("it has a DOCTYPE or an ENTITY declaration, which can read other files or expand "
                "to gigabytes: remove it (SVG needs none)")
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        return f"not well-formed XML ({error})"  # expat's words, with line and column
    if root.tag not in (f"{_SVG}svg", "svg"):
        return f"the root element is <{root.tag}>, not <svg>"
    for element in root.iter():
        name = element.tag.rsplit("}", 1)[-1] if isinstance(element.tag, str) else ""
        if name in ("script", "foreignObject"):
            return f"it has a <{name}> element, which a printed logo cannot use: remove it"
        for attribute, value in element.attrib.items():
            if attribute.rsplit("}", 1)[-1] == "href" and not _HREF.match(value):
                return f"<{name}> refers to {value[:80]!r} outside the file: embed it or remove it"
            if attribute == "style" and _CSS_URL.search(value):
                return f"a style attribute of <{name}> loads a file (url() or @import): remove it"
        if name == "style" and _CSS_URL.search(element.text or ""):
            return "its <style> block loads a file (url() or @import): remove it"
    return ""


def _raster_problem(path: Path) -> str:
    """Why a PNG or JPEG logo is refused: not decodable, or too many pixels to hold in memory."""
    try:
        with Image.open(path) as image:
            width, height = image.size
            if width * height > MAX_LOGO_PIXELS:
                return (f"{width} x {height} pixels, more than the {MAX_LOGO_PIXELS:,} a logo may have "
                        "(printed 14 mm tall, ~330 pixels is enough): scale it down")
            image.verify()  # reads the whole file: a truncated or corrupt image fails here
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError) as error:
        return f"not a readable PNG or JPEG image ({error or type(error).__name__})"
    return ""
