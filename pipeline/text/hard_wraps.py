"""Paragraphs a printer broke into lines, read as paragraphs again.

Text copied out of a PDF or a print preview, and many e-mails, are hard-wrapped: each printed
line is a line of the file, a paragraph runs on over several of them, and often no blank line
separates paragraphs. Judged one line at a time, such lines look like captions and fragments
("Chemotherapy drugs damage" / "cells that are dividing, ..."). A file is read as hard-wrapped
only when its lines show a printed width (few lines much longer than most long ones) and
sentences often run on from a full line into a line starting in lower case; then a line that
fills the width and leaves its sentence open is joined with the line under it.

A joined line keeps its first line's number and ends on its last (SourceLine.last), so every
line of the file stays traceable.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from pipeline.models import SourceLine
from pipeline.text.bullets import BULLET
from pipeline.text.line_shapes import HEADING_MARK, TABLE_ROW, TERMINAL, line_ending
from pipeline.text.markdown_inline import unquoted

_LONG = 20  # characters: shorter lines (headings, labels, short items) say nothing of the width
_WIDTH_QUANTILE = 0.9  # the printed width: most long lines reach it, few pass it
_FULL = 0.7  # a line this share of the width long may have been broken by the printer
_BEYOND = 1.2  # a printed page has almost no line this much longer than its width ...
_BEYOND_SHARE = 0.03  # ... (a URL footer may be)
_MAX_WIDTH = 140  # characters: wider than any printed column or e-mail
_MIN_RUN_ONS = 3  # sentences running on from a full line into lower case, for a file to count
_RUN_ON_SHARE = 0.2  # ... among the pairs of touching lines whose first line is full
_FLOWED_SHARE = 0.3  # long lines ending in a space, for an e-mail to be "format=flowed"
_QUOTED_MIN_LINES = 8  # quoted lines enough to show the width they were wrapped at
_QUOTE = re.compile(r"^\s*(?:>\s?)+")
_OPEN_END = re.compile(r"(?:[,;\-–—/(]|\b(?:a|an|the|and|or|nor|but|of|to|in|on|at|for|with|by|from|into|as|"
                       r"than|that|which|who|your|their|its|our|is|are|be|can|may|will)) *$", re.IGNORECASE)
_BREAK_MAX_LINES = 8  # a page's footer, the next page's header, and a "Back to top" between
_BREAK_SHORT_WORDS = 4  # "Page 2 of 4", "Back to top ↑"
# No paragraph starts with a bracket or a number under a line left open ("... After hours, call" /
# "231-555-0175 and ask ...", "... acetaminophen" / "(Tylenol) to bring ...").
_RUNS_ON = re.compile(r"\s*[(\[\d]")
_DIGITS = re.compile(r"\d+")
# A printed page's number alone on its line: "3", "- 3 -", "Page 3", "Page 3 of 8", "3 / 8"; or a
# footer that ends with it ("Factsheet FS-17 · 3rd edition · Page 1 of 4").
_PAGE_NUMBER = re.compile(r"^\W*(page\s*)?\d{1,3}(\s*(of|/)\s*\d{1,3})?\W*$|"
                          # or a footer ending so; not a cross-reference ("... (see page 6)")
                          r"^.{0,80}(?<!\bsee )(?<!\bon )(?<!\()\bpage \d{1,3}( of \d{1,3})?\W*$|"
                          # or one that starts with it: "Page 2 of 5    Our ref: RAD/CT/0488213"
                          r"^page \d{1,3} of \d{1,3}\s{2,}\S.{0,60}$", re.IGNORECASE)
_PAGE_WORD = re.compile(r"\bpage\b", re.IGNORECASE)
_BREAK_REACH = 3  # lines on each side of a page number that may be the page's footer or the next one's header
_HEADER_WORDS = 8
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def read_printed(lines: list[SourceLine]) -> tuple[list[SourceLine], set[int]]:
    """The non-blank lines of a text file as written, and the numbers of its page furniture.

    An e-mail sent format=flowed is joined at its soft breaks. A printed file (one that shows a
    printed width) has each paragraph or list item the printer wrapped joined into one line, and
    its page furniture found: page numbers, the running titles beside them, and the lines a
    paragraph ran on over at a page break. Any other file comes back as it is."""
    if _is_flowed(lines):
        return _flowed(lines), set()
    width = printed_width(lines)
    if not width:
        # A reply that quotes a wrapped message in a file that is not wrapped itself: its quoted
        # lines show the width, and only they are read as paragraphs.
        quoted = [line for line in lines if _quote(line.text)]
        width = printed_width(quoted) if len(quoted) >= _QUOTED_MIN_LINES else 0
        # A printout whose paragraphs were not wrapped (a portal's printed page) still numbers its
        # pages, in words: a number alone there may be a vote count.
        return (_unwrapped(lines, width, quoted_only=True), set()) if width \
            else (lines, _page_numbers_and_titles(lines, worded=True))
    boxes: set[int] = set()
    joined = _unwrapped(lines, width, boxes=boxes)
    return joined, _page_numbers_and_titles(lines) | {n for line in joined for n in line.skipped} - boxes


def _unwrapped(lines: list[SourceLine], width: int, quoted_only: bool = False,
               boxes: set[int] | None = None) -> list[SourceLine]:
    """Each paragraph or list item wrapped at the width joined into one line that keeps its first
    line's number and ends on its last. A paragraph a page break cut goes on after the page's
    footer and the next page's header; those lines follow the paragraph, on their own
    (SourceLine.skipped). So does one a box in its column cut: the box's line numbers go in
    boxes (they are no page furniture: the rules judge them)."""
    running = _running_lines(lines)
    words = page_words([line.text for line in lines])
    out: list[SourceLine] = []
    i = 0
    while i < len(lines):
        first, parts, last, skipped, held = lines[i], [lines[i].text.strip()], lines[i].number, [], []
        j = i + 1
        while j < len(lines) and (_quote(first.text) or not quoted_only):
            part = _next_part(first, parts[-1], last, lines, j, width, running)
            if part is None:
                break
            gap, box = part
            following = lines[j + gap]
            if box and boxes is not None:
                boxes.update(line.number for line in lines[j:j + gap])
                held += _unwrapped(lines[j:j + gap], width)  # the box's own text, read as wrapped too
            else:
                held += lines[j:j + gap]
            skipped += range(last + 1, following.number)  # the break's lines, blank ones too
            parts.append(unquoted(following.text).strip())  # its quote marks once, on the first line
            last = following.number
            j += gap + 1
        if len(parts) > 1:
            first = replace(first, text=joined_text(parts, words), last=last, skipped=tuple(skipped))
        out += [first, *held]
        i = j
    return out


def _is_flowed(lines: list[SourceLine]) -> bool:
    """An e-mail sent "format=flowed" (RFC 3676) marks each soft break with a space at the line's
    end: most of its long lines end so."""
    long = [line.text for line in lines if len(line.text.strip()) >= _LONG]
    soft = sum(text.endswith(" ") and text.strip() != "--" for text in long)
    return soft >= _MIN_RUN_ONS and soft >= _FLOWED_SHARE * len(long)


def _flowed(lines: list[SourceLine]) -> list[SourceLine]:
    """Join each line that ends in a space with the line right under it at the same quote depth
    ("> ... " / "> has spread ..."), the quote marks of the lines joined to it dropped."""
    words = page_words([line.text for line in lines])
    out: list[SourceLine] = []
    parts: list[str] = []
    soft = False  # the line read last ended in a space: the next one goes on with it
    for line in lines:
        depth = _quote(line.text)
        if out and soft and line.number == out[-1].end + 1 and depth == _quote(out[-1].text) \
                and "--" not in (line.text.strip(), parts[-1]) and not BULLET.match(line.text[len(depth):]):
            parts.append(line.text[len(depth):].strip())
            out[-1] = replace(out[-1], text=joined_text(parts, words), last=line.number)
        else:
            parts = [line.text.rstrip()]
            out.append(replace(line, text=parts[0]) if line.text != parts[0] else line)
        soft = line.text.endswith(" ")
    return out


def _quote(text: str) -> str:
    """A line's quote marks ("> > "), as e-mail quotes earlier messages."""
    match = _QUOTE.match(text)
    return match.group(0) if match else ""


def printed_width(lines: list[SourceLine]) -> int:
    """The width (in characters) the file's lines were wrapped at, or 0 when they were not."""
    lengths = sorted(len(line.text.rstrip()) for line in lines if len(line.text.strip()) >= _LONG)
    if len(lengths) < 8:
        return 0
    width = lengths[int(_WIDTH_QUANTILE * (len(lengths) - 1))]
    # A running header or footer printed on every page (a browser's title and address) may pass
    # the width without saying the file was not printed.
    running = _running_lines(lines)
    beyond = sum(len(line.text.rstrip()) > _BEYOND * width and _key(line.text) not in running for line in lines)
    if width > _MAX_WIDTH or beyond > _BEYOND_SHARE * len(lengths):
        return 0
    full_pairs = run_ons = 0
    for above, below in zip(lines, lines[1:]):
        if below.number == above.number + 1 and len(above.text.rstrip()) >= _FULL * width:
            full_pairs += 1
            run_ons += _starts_lower(unquoted(below.text)) and line_ending(above.text) not in TERMINAL \
                and not BULLET.match(unquoted(below.text)) and _quote(below.text) == _quote(above.text)
    return width if run_ons >= _MIN_RUN_ONS and run_ons >= _RUN_ON_SHARE * full_pairs else 0


def _next_part(first: SourceLine, above: str, above_number: int, lines: list[SourceLine], j: int, width: int,
               running: set[str]) -> tuple[int, bool] | None:
    """Whether the paragraph ending in `above` goes on at line j, or after a page break from j:
    how many lines of page furniture lie before the line it goes on with, and whether they are a
    box set into the column (not the page's furniture); None: it ends here.

    It goes on when `above` fills the width and leaves its sentence open, and the next line starts
    no item or heading and starts in lower case ("... kill cancer" / "cells or keep ..."), right
    under it or at the top of the next page; or, right under it, when it starts with a bracket or a
    number, closes a bracket left open, or follows an open end ("side effects of" / "Keytruda
    include ..."). A title above a caption does neither."""
    if len(above) < _FULL * width or line_ending(above) in TERMINAL or HEADING_MARK.match(first.text) \
            or _key(above) in running or not any(ch.isalnum() for ch in above):  # a table's rule runs on into nothing
        return None
    # A reply's quoted paragraph goes on in a quoted line of the same depth ("> ... the" / "> scanner ...").
    direct = _may_go_on(lines[j], running) and lines[j].number == above_number + 1 \
        and _quote(lines[j].text) == _quote(first.text)
    below = unquoted(lines[j].text)
    if direct and (_starts_lower(below) or _RUNS_ON.match(below) or _open_bracket(above)):
        return 0, False
    page_break = _page_break(lines, j, running)
    gap = page_break or _box_in_column(lines, j)
    if gap and j + gap < len(lines) and _may_go_on(lines[j + gap], running) and _starts_lower(lines[j + gap].text):
        return gap, not page_break
    return (0, False) if direct and _OPEN_END.search(above) and not _is_title_case(below) else None


BOX_MAX_LINES = 7


def _box_in_column(lines: list[SourceLine], start: int) -> int:
    """How many lines from start are a box set into a column that a paragraph flows around (a
    booklet's contact box or pull quote, in the order Acrobat's "Save as Text" gives them): a
    title or an opening quote mark, a few lines, then the cut sentence going on in lower case.
    0 when the lines at start are no such box."""
    first = lines[start].text.strip()
    if not (_is_title_case(first) or first[:1] in "“\"‘"):
        return 0
    for end in range(start + 1, min(start + 1 + BOX_MAX_LINES, len(lines))):
        if _starts_lower(lines[end].text) and _closes_box(lines[end - 1].text.strip()):
            return end - start  # a line in lower case after the box's own wrapped lines
    return 0


def _closes_box(text: str) -> bool:
    """A box's last line: a sentence's end, a number with no words (its phone), or a quote's signature
    ("– Margaret, patient"); a line left open goes on in the box itself."""
    return line_ending(text) in TERMINAL or not any(ch.isalpha() for ch in text) or text[:1] in "–—-"


_MINOR_WORDS = frozenset("a an and at for in of on or the to with".split())
TITLE_MAX_WORDS = 6


def _is_title_case(text: str) -> bool:
    """A box's title in a column's flow ("Information and Support Centre"): a few words, each but the
    small ones capitalised, no sentence's end. A drug's name opening a sentence ("Keytruda include ...")
    is followed by words in lower case."""
    words = re.findall(r"[^\W\d_][\w'’-]*", text)
    major = [word for word in words if word.lower() not in _MINOR_WORDS]
    return 2 <= len(words) <= TITLE_MAX_WORDS and bool(major) and all(word[0].isupper() for word in major) \
        and line_ending(text) not in TERMINAL


def _open_bracket(text: str) -> bool:
    """A bracket opened and not closed: "(order code" / "HCS0318)." is one text."""
    return text.count("(") > text.count(")")


def _may_go_on(line: SourceLine, running: set[str]) -> bool:
    """Whether a line may continue a paragraph: no item, heading, table row or running line."""
    text = line.text.strip()
    return not (BULLET.match(line.text) or HEADING_MARK.match(line.text) or TABLE_ROW.match(text) or "\t" in text
                or _key(text) in running)


def _page_break(lines: list[SourceLine], start: int, running: set[str]) -> int:
    """How many lines from start are a page break's furniture: the running footer and header and
    short lines beside them ("Page 2 of 4", "Back to top"); 0 when no running line is among them."""
    end = gap = start
    while end < len(lines) and end - start < _BREAK_MAX_LINES and (
            _key(lines[end].text) in running or len(lines[end].text.split()) <= _BREAK_SHORT_WORDS):
        end += 1
        if _key(lines[end - 1].text) in running:
            gap = end  # the break ends with its last running line: the page's text follows
    # A chapter's title over the new page, printed too seldom to repeat ("Side effects"), is the
    # break's too when the cut sentence goes on in lower case under it.
    title = gap
    while start < gap and title < len(lines) and title - start < _BREAK_MAX_LINES \
            and len(lines[title].text.split()) <= _BREAK_SHORT_WORDS and not BULLET.match(lines[title].text) \
            and not _starts_lower(lines[title].text):
        title += 1
    if title > gap and title < len(lines) and _starts_lower(lines[title].text):
        gap = title
    return gap - start


def _starts_lower(text: str) -> bool:
    return text.lstrip()[:1].islower()


def _running_lines(lines: list[SourceLine]) -> set[str]:
    """A printed page's running header and footer: lines the file prints more than once, page
    numbers and times aside ("https://... Page 2 of 4")."""
    counts = Counter(_key(line.text) for line in lines)
    return {key for key, count in counts.items() if count > 1 and (len(key) >= _LONG or "#" in key)}


def _key(text: str) -> str:
    return _DIGITS.sub("#", text.strip().casefold())


def page_words(texts: list[str]) -> frozenset[str]:
    """Every word of the page, casefolded: whether "treatment" is written whole elsewhere."""
    return frozenset(w.casefold() for text in texts for w in _WORD.findall(text))


def joined_text(parts: list[str], words: frozenset[str]) -> str:
    """Lines read as one text. A word a line break split at its hyphen ("treat-" / "ment") is one
    word again when the page writes it whole elsewhere ("treatment"); else the hyphen stays
    ("immune-" / "related" is "immune-related")."""
    text = parts[0]
    for part in parts[1:]:
        head = re.search(r"([^\W\d_]+)-$", text)
        tail = re.match(r"[^\W\d_]+", part)
        if head and tail and part[:1].islower():
            whole = head.group(1) + tail.group(0)
            text = text[:-1] + part if whole.casefold() in words else text + part
        else:
            text = f"{text} {part}"
    return text


def _page_numbers_and_titles(lines: list[SourceLine], worded: bool = False) -> set[int]:
    """The line numbers of each page number alone on its line, and of the short lines beside page
    numbers that come back beside another one (the running title, the chapter's name, the edition
    line: "Understanding radiotherapy", "RT-04 · 4th edition"). worded: only page numbers that say
    "page" count."""
    marks = [k for k, line in enumerate(lines) if _PAGE_NUMBER.match(line.text.strip())
             and (not worded or _PAGE_WORD.search(line.text))]
    beside: dict[str, set[int]] = {}
    for mark in marks:
        for k in range(max(0, mark - _BREAK_REACH), min(len(lines), mark + _BREAK_REACH + 1)):
            text = lines[k].text.strip()
            if k != mark and len(text.split()) <= _HEADER_WORDS and line_ending(text) not in TERMINAL \
                    and not BULLET.match(lines[k].text):
                beside.setdefault(_key(text), set()).add(mark)
    running = {key for key, at in beside.items() if len(at) > 1}
    found = {lines[mark].number for mark in marks} if len(marks) > 1 else set()
    for mark in marks:
        for k in range(max(0, mark - _BREAK_REACH), min(len(lines), mark + _BREAK_REACH + 1)):
            if _key(lines[k].text) in running:
                found.add(lines[k].number)
    return found
