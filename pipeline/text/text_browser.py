"""A page saved by a text-mode browser (`lynx -dump`, `w3m` with its link list).

Such a dump numbers each link in brackets before its text ("[12]Appointments"), shows a button as
"(BUTTON) Accept" and an image as "[IMG]" or its file name, and ends with "References": the
numbered addresses of every link. The numbers and marks are the browser's, not the page's words:
they are read away, and a line that holds nothing but links is marked as link text, as an HTML
page's menu entry is (SourceLine.linked). The list of addresses is the page's links, not its text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from pipeline.models import SourceLine
from pipeline.text.bullets import BULLET

_MARKER = re.compile(r"\[(\d{1,4})\](?=\S)")
_REFERENCES = re.compile(r"^\s*references\s*$", re.IGNORECASE)
_ADDRESS = re.compile(r"^\s*\d{1,4}\.\s+[a-z][\w+.-]*:\S*\s*$", re.IGNORECASE)  # "  12. https://...", "11. tel:+1..."
_LIST_LABEL = re.compile(r"^\s*(visible|hidden) links\s*:?\s*$", re.IGNORECASE)
MIN_ADDRESSES = 3
_BUTTON = re.compile(r"\(BUTTON\)\s*")
# A picture, or a video or frame, the browser could not show: "[IMG]", "[EMBEDDED VIDEO] Video: ...".
_IMAGE_MARK = re.compile(r"\[(IMG|INLINE|IMAGE|(EMBEDDED )?VIDEO|EMBED|IFRAME|OBJECT)\]", re.IGNORECASE)
_IMAGE_FILE = re.compile(r"\[([\w.() -]+\.(?:png|jpe?g|gif|svg|webp|avif))\]", re.IGNORECASE)
_GAP = re.compile(r"(?<=\S) {3,}(?=\S)")  # between two columns of a table laid out in spaces
TABLE_MIN_ROWS = 3
LINK_MAX_WORDS = 8  # a link's text; a longer run after a number is a sentence that starts with a link
_SENTENCE_BREAK = re.compile(r"[.!?]\s+\S")  # a sentence ends inside the text: no link's
_SEPARATORS = re.compile(r"^[\s|·•*+#>-]*$")
LINK_LIST = "the page's list of link addresses (a text browser's references)"
IMAGE = "image (a text browser's placeholder)"
CAPTION = "image caption (under a text browser's image placeholder)"
CAPTION_MAX_LINES = 3
CAPTION_MAX_WORDS = 40


@dataclass(frozen=True)
class BrowserDump:
    page: list[SourceLine]        # the page's lines without the browser's marks
    addresses: list[SourceLine]   # its closing list of link addresses
    removals: dict[int, str]      # line number -> why it goes (the list, images and their captions)
    width: int                    # the width the browser wrapped the page at (0: not a dump)


def read_text_browser_dump(lines: list[SourceLine]) -> BrowserDump:
    """The page without the browser's marks, each line it wrapped read whole, its list of
    addresses, what to remove and the width it was wrapped at. A file that does not end with such
    a list comes back as it is."""
    start = _list_start(lines)
    if start is None:
        return BrowserDump(lines, [], {}, 0)
    removals = {line.number: LINK_LIST for line in lines[start:]}
    for k, line in enumerate(lines[:start]):
        if _IMAGE_MARK.match(line.text.strip()):
            removals[line.number] = IMAGE
            removals.update({below.number: CAPTION for below in _caption_under(lines[k + 1:start], line.number)})
    widths = _wrap_widths(lines[:start])
    width = max(widths.values(), default=max(len(line.text.rstrip()) for line in lines[:start]) if start else 0)
    page = [_unmarked(line) for line in _unwrapped(_tables(lines[:start]), widths, width)]
    return BrowserDump(page, lines[start:], removals, width)


def _wrap_widths(lines: list[SourceLine]) -> dict[int, int]:
    """The width the browser wrapped at, by the indent of the lines it wrapped (a paragraph's, a
    list item's): the longest line it surely wrapped (a sentence goes on in lower case on the line
    under it). A table's row or a long address may pass it."""
    widths: dict[int, int] = {}
    for above, below in zip(lines, lines[1:]):
        if below.number == above.number + 1 and below.text.strip()[:1].islower():
            indent = _indent(above.text)
            widths[indent] = max(widths.get(indent, 0), len(above.text.rstrip()))
    return widths


def _unwrapped(lines: list[SourceLine], widths: dict[int, int], width: int) -> list[SourceLine]:
    """Each text the browser wrapped read as one line. The browser fills a line with as many words
    as fit, so a line goes on under it when the next line's first word would not have fitted; an
    item's next line is indented under its text, a paragraph's under its own."""
    out: list[SourceLine] = []
    row = ""  # the file's line read last, as the browser laid it out
    for line in lines:
        if out and line.number == out[-1].end + 1 and _wraps_onto(row, line.text, widths.get(_indent(row), width)):
            out[-1] = replace(out[-1], text=f"{out[-1].text.rstrip()} {line.text.strip()}", last=line.number)
        else:
            out.append(line)
        row = line.text
    return out


def _wraps_onto(row: str, text: str, width: int) -> bool:
    """Whether the browser wrapped the line `row` onto `text`, the file's next line."""
    words = text.split()
    if not words or "\t" in row or "\t" in text or BULLET.match(text.strip()) or _IMAGE_MARK.match(text.strip()) \
            or _IMAGE_MARK.match(row.strip()) or _REFERENCES.match(text):
        return False
    if _indent(text) < _indent(row) and not BULLET.match(row.strip()):
        return False  # a line further out than the paragraph above starts something new
    # A sentence going on in lower case was wrapped whatever the width; so was a line whose next
    # word would not have fitted on it (a breadcrumb's "... > Having a CT" / "Scan").
    return text.strip()[:1].islower() or len(row.rstrip()) + 1 + len(words[0]) > width


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip())


def _tables(lines: list[SourceLine]) -> list[SourceLine]:
    """A table the browser laid out in columns of spaces, read as rows of cells between tabs (as a
    table copied from a page reads); a cell wrapped onto the next line, under its column, is read
    into its row (the row then ends on that line)."""
    out: list[SourceLine] = []
    for block in _touching(lines):
        rows = {line.number: _column_starts(line.text) for line in block if _GAP.search(line.text.strip())}
        if len(rows) < TABLE_MIN_ROWS:
            out += block
            continue
        starts: list[int] = []
        for line in block:
            indent = _indent(line.text)
            if line.number not in rows and indent in starts[1:]:  # a cell's second line, under its column
                cells = out[-1].text.split("\t")
                column = starts.index(indent)
                cells[column] = f"{cells[column]} {line.text.strip()}"
                out[-1] = replace(out[-1], text="\t".join(cells), last=line.number)
                continue
            starts = rows.get(line.number, [])
            out.append(replace(line, text=_GAP.sub("\t", line.text.strip())) if starts else line)
    return out


def _touching(lines: list[SourceLine]) -> list[list[SourceLine]]:
    """The runs of lines with no blank line between them."""
    blocks: list[list[SourceLine]] = []
    for line in lines:
        if blocks and line.number == blocks[-1][-1].number + 1:
            blocks[-1].append(line)
        else:
            blocks.append([line])
    return blocks


def _column_starts(text: str) -> list[int]:
    """Where each cell of a row laid out in spaces begins, its first one included."""
    return [_indent(text), *(gap.end() for gap in _GAP.finditer(text))]


def _caption_under(below: list[SourceLine], image: int) -> list[SourceLine]:
    """The caption printed right under an image: the lines that follow it with no blank line
    between, when they are few and short (a figure's caption, not the next paragraph)."""
    run: list[SourceLine] = []
    for line in below:
        if line.number != (run[-1].number if run else image) + 1:
            break
        run.append(line)
    words = sum(len(line.text.split()) for line in run)
    return run if 0 < len(run) <= CAPTION_MAX_LINES and words <= CAPTION_MAX_WORDS else []


def without_link_numbers(text: str) -> str:
    """The words of a line as the page printed them, without the browser's link numbers."""
    return _MARKER.sub("", text)


def _list_start(lines: list[SourceLine]) -> int | None:
    """Where "References" opens a list of numbered addresses that runs to the file's end."""
    for k in range(len(lines) - 1, -1, -1):
        if _REFERENCES.match(lines[k].text):
            after = lines[k + 1:]
            addresses = sum(bool(_ADDRESS.match(line.text)) for line in after)
            others = [line for line in after if not _ADDRESS.match(line.text) and not _LIST_LABEL.match(line.text)]
            return k if addresses >= MIN_ADDRESSES and not others else None
    return None


def _unmarked(line: SourceLine) -> SourceLine:
    text = _IMAGE_FILE.sub(r"\1", _BUTTON.sub("", line.text))
    parts = _MARKER.split(text)  # text, number, text, number, text ...
    if len(parts) == 1:
        return replace(line, text=text) if text != line.text else line
    labels = parts[2::2]
    linked = bool(_SEPARATORS.match(parts[0])) and all(
        len(label.split()) <= LINK_MAX_WORDS and not _SENTENCE_BREAK.search(label) for label in labels)
    return replace(line, text=_MARKER.sub("", text), linked=line.linked or linked)
