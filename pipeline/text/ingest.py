"""Ingest: read a source file (text, Markdown or HTML) into a Source of numbered NFC lines."""

from __future__ import annotations

import codecs
import os
import re
import stat
import unicodedata
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

from pipeline.config import MAX_SOURCE_BYTES, MAX_SOURCE_WORDS, file_kind
from pipeline.errors import SourceError
from pipeline.models import Source, SourceLine, SourceMeta

TEXT_SUFFIXES = frozenset({"", ".txt", ".text", ".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})  # text files whose line breaks may be soft wraps

# Only these three terminators end a line. str.splitlines() would also split on
# \x0c, \x1c-\x1e, \x85, \u2028 and \u2029 and shift every later line number.
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# A valid UTF-8 multi-byte sequence. When most non-ASCII bytes of a file that is not valid
# UTF-8 form such sequences, the file is damaged UTF-8 (or mixed), not Windows-1252.
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
# Control characters tolerated in text: tab, line breaks, form feed, DOS end-of-file.
_ALLOWED_CONTROLS = frozenset("\t\n\r\x0c\x1a")
_MAX_CONTROL_SHARE = 0.01

_BINARY_HINT = "it looks like a binary file (for example a PDF, Word document or image), not text"
_SAVE_HINT = "open it in a text editor and save it as plain text (UTF-8)"


MAX_WORD = 5000  # characters without a space: pages of one "word" (the renderer refuses the same, render/long_tokens.py)
_TOO_LONG = re.compile(rf"\S{{{MAX_WORD + 1},}}")


def ingest(path: Path, root: Path, meta: SourceMeta, max_bytes: int | None = None,
           max_words: int | None = None) -> Source:
    """Read one source file and return its decoded, NFC-normalized, numbered lines.

    max_bytes: the largest file read; None: as large as its topic may have (config checked it
    against topic.yaml's max_source_bytes), but never more than its size when opened.
    max_words: the most words of text (markup left out) it may hold; None: no limit.
    """
    rel = _relative(path, root)
    suffix = path.suffix.lower()
    if suffix not in TEXT_SUFFIXES | HTML_SUFFIXES:
        raise SourceError(rel, f"unsupported file type '{path.suffix}'; use .txt, .md or .html")
    data = _read_regular(path, root, rel, max_bytes)
    text, encoding = _decode(data, rel)
    text = unicodedata.normalize("NFC", text)
    _check_text(text, rel)
    lines = _html_lines(text) if suffix in HTML_SUFFIXES else _text_lines(text)
    if not any(line.text.strip() for line in lines):
        raise SourceError(rel, "the file contains no readable text")
    for line in lines:  # the text stages' patterns would take minutes over one such "word"
        if (found := _TOO_LONG.search(line.text)) is not None:
            word = found.group()
            raise SourceError(rel, f"a word of {len(word):,} characters with no space ({word[:40]}...): no "
                              f"leaflet can print it; remove it (an embedded image or a pasted file?) or break it "
                              f"with spaces", line=line.number)
    if max_words is not None:
        _check_words(lines, max_words, rel)
    return Source(path=rel, encoding=encoding, lines=lines, meta=meta)


def _check_words(lines: tuple[SourceLine, ...], limit: int, rel: str) -> None:
    """Refuse a source of more than limit words, naming the line where it passes the limit."""
    count = 0
    for line in lines:
        count += len(line.text.split())
        if count > limit:
            raise SourceError(rel, f"more than {limit:,} words of text by this line: the text stages would take "
                              f"minutes over it (is it a whole site or book saved as one page?); if the text is "
                              f"right, raise max_source_words (default {MAX_SOURCE_WORDS:,}) in its topic.yaml",
                              line=line.number)


def _read_regular(path: Path, root: Path, rel: str, max_bytes: int | None) -> bytes:
    """The bytes of a regular file, refusing anything else before opening it (a FIFO blocks the
    open, a device never ends) and a symbolic link that leads out of the project."""
    try:
        if path.is_symlink() and path.absolute().is_relative_to(root.absolute()) and not _inside(path, root):
            raise SourceError(rel, f"a symbolic link to {path.resolve()}, outside the project: "
                              "copy the file into the topic folder instead")
        _check_regular(os.stat(path), rel, max_bytes)
        # O_NONBLOCK: a FIFO put in its place since the check still cannot hang the open.
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        raise SourceError(rel, "file not found") from None
    except OSError as exc:
        raise SourceError(rel, f"cannot be read: {exc.strerror or exc}") from None
    with os.fdopen(descriptor, "rb") as file:
        size = _check_regular(os.fstat(file.fileno()), rel, max_bytes)
        data = file.read(size + 1)
    if len(data) > size:
        raise SourceError(rel, "the file grew while it was read; build again once it is saved")
    return data


def _check_regular(info: os.stat_result, rel: str, max_bytes: int | None) -> int:
    """The size of a regular file within max_bytes; anything else is a SourceError."""
    if not stat.S_ISREG(info.st_mode):
        raise SourceError(rel, f"{file_kind(info.st_mode)}, not a regular file: a source must be a saved page or text file")
    if max_bytes is not None and info.st_size > max_bytes:
        raise SourceError(rel, f"{info.st_size:,} bytes, more than the {max_bytes:,} a source may have; if the file "
                          f"is right, raise max_source_bytes (default {MAX_SOURCE_BYTES:,}) in its topic.yaml")
    return info.st_size


def _inside(path: Path, root: Path) -> bool:
    return path.resolve().is_relative_to(root.resolve())


def _relative(path: Path, root: Path) -> str:
    """Return path relative to root in POSIX form (with '..' if it lies outside root)."""
    return Path(os.path.relpath(path.absolute(), root.absolute())).as_posix()


def _decode(data: bytes, rel: str) -> tuple[str, str]:
    """Decode bytes by BOM, UTF-16 NUL pattern, UTF-8, then Windows-1252; return (text, codec)."""
    if not data.strip():
        raise SourceError(rel, "the file is empty")
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                       (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return _strict(data[len(bom):], codec, rel), codec
    if b"\x00" in data:
        codec = _bomless_utf16(data)
        if codec is None:
            line = _line_at(data, data.index(b"\x00"), "latin-1")
            raise SourceError(rel, f"{_BINARY_HINT}: it contains NUL (zero) bytes", line)
        return _strict(data, codec, rel), codec
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        if _mostly_utf8(data):
            line = _line_at(data, exc.start, "utf-8")
            raise SourceError(rel, "the text is UTF-8 but some bytes are damaged or in another "
                              f"encoding; {_SAVE_HINT}", line) from None
    return _strict(data, "cp1252", rel), "cp1252"


def _mostly_utf8(data: bytes) -> bool:
    """Tell whether most non-ASCII bytes form valid UTF-8 sequences (damaged UTF-8, not cp1252)."""
    covered = sum(len(match) for match in _UTF8_MULTIBYTE.findall(data))
    high = sum(1 for byte in data if byte >= 0x80)
    return covered > high - covered


def _strict(data: bytes, codec: str, rel: str) -> str:
    """Decode strictly, turning a decoding error into a SourceError naming the line."""
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        what = "UTF-8 or Windows-1252" if codec == "cp1252" else codec.upper()
        line = _line_at(data, exc.start, codec)
        raise SourceError(rel, f"contains bytes that are not valid {what} text; {_SAVE_HINT}",
                          line) from None


def _bomless_utf16(data: bytes) -> str | None:
    """Return 'utf-16-le'/'utf-16-be' if NULs sit in every other byte, as in UTF-16 text."""
    sample = data[:4096]
    half = len(sample) // 2 or 1
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    if odd >= 0.3 * half and even <= 0.02 * half:
        return "utf-16-le"
    if even >= 0.3 * half and odd <= 0.02 * half:
        return "utf-16-be"
    return None


def _line_at(data: bytes, position: int, codec: str) -> int:
    """Return the 1-based line number of the byte at position."""
    before = data[:position].decode(codec, errors="replace")
    return len(_LINE_BREAK.findall(before)) + 1


def _check_text(text: str, rel: str) -> None:
    """Reject whitespace-only text and text dense with control characters (binary data)."""
    if not text.strip():
        raise SourceError(rel, "the file is empty (it contains only blank space)")
    controls = [i for i, ch in enumerate(text)
                if unicodedata.category(ch) == "Cc" and ch not in _ALLOWED_CONTROLS]
    if len(controls) > 1 and len(controls) > _MAX_CONTROL_SHARE * len(text):
        line = len(_LINE_BREAK.findall(text[: controls[0]])) + 1
        raise SourceError(rel, f"{_BINARY_HINT}: it contains many control characters", line)


def file_lines(data: bytes, rel: str) -> tuple[SourceLine, ...]:
    """A source file's lines as every "file:line" the pipeline prints counts them: decoded as
    ingest() decodes it and split as a text file is (an HTML file's lines too). SourceError
    when ingest() could not decode it either."""
    text, _ = _decode(data, rel)
    return _text_lines(unicodedata.normalize("NFC", text))


def _text_lines(text: str) -> tuple[SourceLine, ...]:
    """Split text on \\r\\n, \\r or \\n into numbered lines (a final terminator adds no line)."""
    parts = _LINE_BREAK.split(text)
    if len(parts) > 1 and parts[-1] == "":
        parts.pop()
    return tuple(SourceLine(number, part) for number, part in enumerate(parts, start=1))


def _html_lines(text: str) -> tuple[SourceLine, ...]:
    """Extract text lines from HTML, each numbered by the line its text starts on (not its element's:
    pretty-printed HTML puts "<p>" on one line and its text on the next)."""
    parser = _TextExtractor()
    # HTMLParser counts only \n, so make every terminator a \n first (the count is unchanged).
    text = _BOGUS_SECTION.sub(lambda m: "\n" * m.group().count("\n"), _LINE_BREAK.sub("\n", text))
    parser.feed(text)
    parser.close()
    return tuple(_joined_rows(parser.lines, parser.cells))


# "<![if !IE]>", "<![endif]>", "<![x[...]]>": a browser reads any "<![" but CDATA as a bogus comment
# ending at the next ">" and shows nothing of it; Python's parser stops with an AssertionError on
# the ones it does not know. Dropped as a browser drops them (line breaks kept, so lines keep their numbers).
# Comments go first, whole: inside one ("<!--[if mso]> ... <![endif]-->", an e-mail's "<!--<![endif]-->")
# "<![endif]" is the comment's text, and dropping it would leave the comment open over the rest of the page.
_BOGUS_SECTION = re.compile(r"<!--.*?-->|<!\[(?!CDATA\[)[^>]*(?:>|$)", re.DOTALL)


def _joined_rows(lines: list[SourceLine], cells: list[tuple[int, int] | None]) -> list[SourceLine]:
    """A table row written on one line of the file, one line of text per cell, as one line with
    its cells split by tabs: what a browser's copy of the row gives ("Bowels<TAB>Diarrhoea ...")."""
    rows: dict[int, list[int]] = {}
    for k, cell in enumerate(cells):
        if cell is not None:
            rows.setdefault(cell[0], []).append(k)
    joined: dict[int, SourceLine] = {}
    dropped: set[int] = set()
    for members in rows.values():
        seats = [cells[k][1] for k in members]  # type: ignore[index]
        one_line = len({lines[k].number for k in members}) == 1
        if len(members) >= 2 and one_line and len(set(seats)) == len(seats) and members == list(
                range(members[0], members[-1] + 1)):
            first = lines[members[0]]
            joined[members[0]] = replace(first, text="\t".join(lines[k].text for k in members),
                                         linked=all(lines[k].linked for k in members))
            dropped.update(members[1:])
    return [joined.get(k, line) for k, line in enumerate(lines) if k not in dropped]


_SKIPPED = frozenset({"script", "style", "head", "noscript", "template", "title", "svg", "iframe", "noembed", "noframes"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "body", "br", "button", "caption", "dd",
    "details", "div", "dl", "dt", "figcaption", "figure", "footer", "form", "header", "hr",
    "label", "legend", "li", "main", "nav", "ol", "option", "p", "pre", "section", "summary",
    "table", "td", "th", "tr", "ul",
}) | _HEADINGS
_VOID_BREAKS = frozenset({"br", "hr"})
# A form's controls, inside a <form> or not (a search box a script runs): their text is the form's.
_CONTROLS = frozenset({"label", "select", "option", "textarea"})
_FORM_MAX_LINES = 25
_INPUTS = frozenset({"input", "select", "textarea"})
_WIDGET_MAX_LINES = 4
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
                   "track", "wbr"})
# Page landmarks (HTML elements and their ARIA roles): where a line sits on the page.
_LANDMARK_TAGS = {"main": "main", "article": "main", "nav": "nav", "header": "header", "footer": "footer",
                  "aside": "aside"}
_LANDMARK_ROLES = {"main": "main", "article": "main", "navigation": "nav", "banner": "header",
                   "contentinfo": "footer", "complementary": "aside", "alert": "alert", "alertdialog": "alert",
                   "search": "nav"}
# HTML-AAM: a <header> or <footer> inside a sectioning element is that section's, not the page's
# banner or footer; an <aside> inside one is a box of it unless it is named (aria-label).
_SECTIONING = frozenset({"article", "aside", "nav", "section"})
_SCOPED_LANDMARKS = {"header": _SECTIONING | {"main"}, "footer": _SECTIONING | {"main"}, "aside": _SECTIONING}
# A printed book's page number kept in its e-book (DPUB-ARIA, EPUB): "<span role="doc-pagebreak">28</span>".
_PAGE_BREAK = "doc-pagebreak"
# Words of a class or id that name a box as the site's, the signal readability-style extractors
# weigh ("product-tile", "promo-banner", "share-bar"); a wrapper also named "content" or "main"
# is not one, and only a small box (a whole page can sit in a "product-page") counts.
_FURNITURE_CLASS_WORDS = frozenset(
    "ad ads advert advertisement adslot sponsor sponsored promo promotion product products carousel "
    "newsletter subscribe signup share sharing breadcrumb breadcrumbs cookie cookies consent gdpr "
    "related comments disqus shoutbox skyscraper pagination pager popup basket cart upsell cta partner partners "
    # A forum's vote counter, and its members' replies under an answer (readers' comments).
    "vote votes reply replies signoff signature "
    # An e-mail's strip above its header: the subject again and "View this email in your browser".
    "preheader "
    # An article's author line: "<div class="authorByline">Jane Roe, Patient Information Lead</div>".
    "byline".split())
_CONTENT_CLASS_WORDS = frozenset("article body main content".split())
_BOX_MAX_LINES = 15
_CLASS_WORD = re.compile(r"[a-z0-9]+")
_CAMEL_CASE = re.compile(r"([a-z0-9])([A-Z])")
_ASCII_SPACE = re.compile(r"[ \t\n\r\f\v]+")
# A figure caption describes a picture the text does not show: its lines keep their place
# (and line number) but say what they are, as a "Caption:" line in a text file would.
_CAPTION_MARK = "Caption: "


def _class_words(attrs: list[tuple[str, str | None]], names: tuple[str, ...] = ("class", "id")) -> list[str]:
    """The words of an element's class (and id): "service-promo__box" is "service promo box", and
    camelCase counts too ("templatePreheader": "template preheader")."""
    named = " ".join(value or "" for name, value in attrs if name in names)
    return _CLASS_WORD.findall(_CAMEL_CASE.sub(r"\1 \2", named).lower())


_MEDIA = frozenset({"img", "picture", "video", "iframe"})


def _open_heading(open_elements: list[tuple[str, str]]) -> str:
    """The innermost heading element among the open ones ("h2"), or ""."""
    return next((tag for tag, _ in reversed(open_elements) if tag in _HEADINGS), "")


def _is_italic(tag: str, attrs: list[tuple[str, str | None]]) -> bool:
    """An element that sets its text in italics: <em>, <i>, or an inline style's font-style."""
    return tag in ("em", "i") or bool(re.search(r"font-style\s*:\s*italic", dict(attrs).get("style") or "", re.IGNORECASE))


def _is_caption_box(attrs: list[tuple[str, str | None]]) -> bool:
    """A block whose class names it a picture's caption, as a figcaption would."""
    return "caption" in _class_words(attrs, ("class",))


# A word processor's Title style, as Google Docs ("c15 title") and Word ("MsoTitle") export it.
_TITLE_STYLES = frozenset({"title", "msotitle"})


def _is_title_style(attrs: list[tuple[str, str | None]]) -> bool:
    """A paragraph in the Title style of a document exported as HTML (not "card-title": one whole class)."""
    classes = " ".join(value or "" for name, value in attrs if name == "class").lower().split()
    return bool(_TITLE_STYLES.intersection(classes))


def _furniture_word(attrs: list[tuple[str, str | None]]) -> str:
    """The furniture word of an element's class or id ("promo" in "service-promo__box"), or ""."""
    words = _class_words(attrs)
    if _CONTENT_CLASS_WORDS.intersection(words):
        return ""
    return next((word for word in words if word in _FURNITURE_CLASS_WORDS), "")


_WORD = re.compile(r"[^\W_]+")
# An e-mail's preview text ("preheader"): shown by the inbox, hidden in the message by every trick
# at once. An accordion's closed panel is only display:none, and is the article's.
_HIDDEN = re.compile(r"display\s*:\s*none", re.IGNORECASE)
_SHRUNK = re.compile(r"mso-hide\s*:\s*all|font-size\s*:\s*0|max-height\s*:\s*0", re.IGNORECASE)


def _role(attrs: list[tuple[str, str | None]]) -> str:
    """An element's ARIA role; an EPUB page break ("epub:type="pagebreak"") counts as DPUB-ARIA's."""
    role = (dict(attrs).get("role") or "").strip().lower()
    if not role and "pagebreak" in (dict(attrs).get("epub:type") or "").split():
        return _PAGE_BREAK
    return role


def _aria_heading(attrs: list[tuple[str, str | None]]) -> str:
    """The heading tag an element stands for by its ARIA role ("<div role="heading" aria-level="1">":
    "h1"; level 2 when none is given, as ARIA says), or ""."""
    if _role(attrs) != "heading":
        return ""
    level = (dict(attrs).get("aria-level") or "").strip()
    return f"h{level}" if level in ("1", "2", "3", "4", "5", "6") else "h2"


def _is_preview_text(attrs: list[tuple[str, str | None]]) -> bool:
    """Tell whether an element is an e-mail's hidden preview text (display:none and shrunk to nothing)."""
    style = dict(attrs).get("style") or ""
    return bool(_HIDDEN.search(style) and _SHRUNK.search(style))


def _is_permalink(href: str, title: str) -> bool:
    """Tell whether a title links to its own page: a blog's or forum's title over its address
    ("/t/chemotherapy-explained-a-community-wiki-guide/412"), the page's title, not a link away."""
    words = [word for word in _WORD.findall(title.lower()) if len(word) > 1]
    segments = [segment for segment in href.split("?")[0].split("#")[0].split("/") if segment and not segment.isdigit()]
    slug = [word for word in _WORD.findall(segments[-1].lower()) if not word.isdigit()] if segments else []
    in_slug, in_title = set(slug), set(words)
    # A slug may be cut short ("radiation-therapy-a-community-wiki-guide" under a longer title).
    return len(words) >= 2 and (sum(word in in_slug for word in words) >= 0.6 * len(words)
                                or len(slug) >= 3 and all(word in in_title or len(word) == 1 for word in slug))


class _TextExtractor(HTMLParser):
    """Collect the visible text of an HTML page as lines broken at block elements."""

    def __init__(self) -> None:
        """Start with no text and nothing skipped."""
        super().__init__(convert_charrefs=True)
        self.lines: list[SourceLine] = []
        self._parts: list[str] = []
        self._line: int | None = None  # line of the element the pending text came from
        self._prefix = ""
        self._level = 0  # the heading level of the pending line (h2: 2), 0 for other lines
        self._skip = 0
        self._captions = 0  # depth of open <figcaption> elements, and of blocks whose class says caption
        self._caption_boxes: list[int] = []  # where in _open each caption-classed block opened
        self._links = 0  # depth of open <a href> elements
        self._linked_chars = 0  # letters and digits of the pending line inside a link
        self._hrefs: list[str] = []  # the addresses the pending line links to
        self._open: list[tuple[str, str]] = []  # open elements with the landmark each opens ("" none)
        self._region = ""  # landmark of the pending line
        self._forms: list[int] = []  # where each open <form>'s lines start in self.lines
        self._controls = 0  # depth of open <label>, <select>, <option>, <textarea>: a form's, <form> or not
        self._control_text = False  # the pending line holds a form control's text
        self._articles_seen = 0  # <article> elements opened so far
        self._boxes: list[tuple[str, int]] = []  # per open element: its furniture class word, its first line
        self.cells: list[tuple[int, int] | None] = []  # per line: (its table row, its cell in the row), or None
        self._rows: list[list[int]] = []  # per open <tr>: its number and how many cells it has opened
        self._row_count = 0
        self._item_open = False  # an <li> has opened and none of its text is out yet
        self._hidden: list[int] = []  # where in self._open each open e-mail preview text starts
        self._widgets: set[int] = set()  # indices in self._open of the blocks that hold a form control
        self._roles: list[str] = []  # per open element (as self._open): its ARIA role
        self._page_number_chars = 0  # letters and digits of the pending line inside a page-break marker
        self._tab_labels: set[str] = set()  # the texts of a tab list's tabs
        self._buttons: list[tuple[int, str]] = []  # the lines that are a button's text (outside any heading)
        self._italic: list[bool] = []  # per open element (as self._open): it sets its text in italics
        self._after_media = False  # a picture or an embedded video came since the last line
        self._italic_chars = self._plain_chars = 0  # letters of the pending line in italics, and not

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Open a skipped region or start a new line at a block element."""
        if tag == "body":
            self._skip = 0  # a missing </head> must not hide the whole page
        if tag in _MEDIA and not self._skip:
            self._after_media = True
        if tag == "a" and dict(attrs).get("href"):
            self._links += 1
            self._hrefs.append(dict(attrs).get("href") or "")
        if tag == "form":
            self._flush()
            self._forms.append(len(self.lines))
        if tag in _CONTROLS:
            self._controls += 1
        if tag in _INPUTS and (dict(attrs).get("type") or "text").lower() not in ("hidden", "submit", "button") \
                and (box := next((k for k in range(len(self._open) - 1, -1, -1) if self._open[k][0] in _BLOCKS), None)) \
                is not None:
            self._widgets.add(box)  # a slider or a tick box: the block around it is the tool's
        if tag == "tr":
            self._flush()
            self._row_count += 1
            self._rows.append([self._row_count, 0])
        elif tag in ("td", "th") and self._rows:
            self._flush()
            self._rows[-1][1] += 1
        self._articles_seen += tag == "article"
        if tag not in _VOID and _is_preview_text(attrs):
            self._flush()
            self._hidden.append(len(self._open))
            self._skip += 1
        if tag not in _VOID:
            role = _role(attrs)
            if tag in _BLOCKS and not self._skip:
                self._flush()  # the box's lines start here
            self._open.append((tag, _LANDMARK_ROLES.get(role) or self._landmark_of(tag, attrs)))
            self._roles.append(role)
            self._italic.append(_is_italic(tag, attrs))
            self._boxes.append((_furniture_word(attrs) if tag in _BLOCKS else "", len(self.lines)))
        if tag in _SKIPPED:
            self._skip += 1
        elif tag in _VOID_BREAKS:
            self.handle_startendtag(tag, attrs)  # "<br>" as saved by browsers: no element to date the text after it
        elif tag in _BLOCKS and not self._skip:
            self._flush()
            self._captions += tag == "figcaption"
            if _is_caption_box(attrs):  # "<div class="figure__caption">", "<p class="wp-caption-text">"
                self._captions += 1
                self._caption_boxes.append(len(self._open) - 1)
            self._region = self._landmark()
            # An editor's "<li><p>text</p></li>" (Substack, Google Docs, ProseMirror): the item's first
            # paragraph is the item.
            item = tag == "li" or self._item_open and tag not in _HEADINGS
            titled = tag == "p" and _is_title_style(attrs)  # a document's Title paragraph is its h1
            # An accordion's title is a button inside its heading: "<h3><button>Side effects</button></h3>".
            heading = tag if tag in _HEADINGS else _aria_heading(attrs) or _open_heading(self._open[:-1])
            self._prefix = "# " if heading or titled else "- " if item else ""
            self._item_open = item  # through wrappers too: "<li><div><p>text</p></div></li>"
            self._level = int(heading[1]) if heading else 1 if titled else 0

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Treat <br/> and <hr/> as line breaks; other void tags (img) add nothing."""
        if tag in _MEDIA and not self._skip:
            self._after_media = True
        if tag in _BLOCKS and not self._skip:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        """Close a skipped region or end the current line at a block element."""
        if tag == "a":
            self._links = max(0, self._links - 1)
        if tag in _CONTROLS:
            if tag in _BLOCKS and not self._skip:
                self._flush()  # the control's text is a line of its own, and a form's
            self._controls = max(0, self._controls - 1)
        if tag == "tr" and self._rows:
            self._flush()
            self._rows.pop()
        if tag == "li":
            self._item_open = False  # an empty item lends its mark to nothing after it
        closing = next((k for k in range(len(self._open) - 1, -1, -1) if self._open[k][0] == tag), None)
        if closing is not None:  # an end tag closes what was left open inside it
            if tag in _BLOCKS and not self._skip:
                self._flush()
            for word, start in reversed(self._boxes[closing:]):
                self._mark_box(word, start)
            for box in sorted(k for k in self._widgets if k >= closing):
                self._mark_form(self._boxes[box][1], _WIDGET_MAX_LINES)
                self._widgets.discard(box)
            del self._open[closing:]
            del self._roles[closing:]
            del self._italic[closing:]
            del self._boxes[closing:]
            while self._caption_boxes and self._caption_boxes[-1] >= closing:
                self._caption_boxes.pop()
                self._captions = max(0, self._captions - 1)
            while self._hidden and self._hidden[-1] >= closing:
                self._hidden.pop()
                self._skip = max(0, self._skip - 1)
        if tag == "form" and self._forms:
            self._flush()
            self._mark_form(self._forms.pop())
        if tag in _SKIPPED:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCKS and not self._skip:
            self._flush()
            if tag == "figcaption":
                self._captions = max(0, self._captions - 1)
        if tag in _BLOCKS and tag not in _HEADINGS and not self._skip:
            # A box inside a heading closed (a site builder's "copy link" widget before the title's
            # text): what follows in the heading is still the heading.
            if heading := _open_heading(self._open):
                self._prefix, self._level = "# ", int(heading[1])

    def handle_data(self, data: str) -> None:
        """Collect visible text, remembering where it started when no block did."""
        if self._skip or not data.strip():
            if self._parts and not self._skip:
                self._parts.append(" ")
            return
        if self._line is None:
            self._line = self.getpos()[0] + data[: len(data) - len(data.lstrip())].count("\n")
            self._region = self._landmark()
        self._parts.append(data)
        letters = sum(ch.isalnum() for ch in data)
        if any(self._italic):
            self._italic_chars += letters
        else:
            self._plain_chars += letters
        self._control_text = self._control_text or self._controls > 0
        if self._links:
            self._linked_chars += sum(ch.isalnum() for ch in data)
        if _PAGE_BREAK in self._roles:
            self._page_number_chars += sum(ch.isalnum() for ch in data)

    def close(self) -> None:
        """Flush the last pending line, and mark a tab's button shown again over its panel (a
        phone's toggle, "Overview" over the Overview tab's text) as the tab list's link it repeats."""
        super().close()
        self._flush()
        for k, text in self._buttons:
            if text in self._tab_labels:
                self.lines[k] = replace(self.lines[k], linked=True)

    def _flush(self) -> None:
        """Emit pending text as one whitespace-collapsed line."""
        text = _ASCII_SPACE.sub(" ", "".join(self._parts)).strip(" \u00a0")
        if text and self._line is not None:
            # A line all in italics right under a picture or a video is its caption, where a site
            # builder sets one without <figcaption> (Google Sites: a small centred italic paragraph).
            italic_under_media = self._after_media and self._italic_chars > 0 and self._plain_chars == 0
            prefix = _CAPTION_MARK if self._captions or italic_under_media else self._prefix
            self._after_media = False
            level = self._level if prefix == "# " else 0
            linked = self._linked_chars >= sum(ch.isalnum() for ch in text) > 0 \
                and not (level == 1 and any(_is_permalink(href, text) for href in self._hrefs))
            region = "form" if self._control_text else self._region
            page_number = self._page_number_chars >= sum(ch.isalnum() for ch in text)
            self.lines.append(SourceLine(self._line, prefix + text, linked, region, level=level,
                                         marked=_PAGE_BREAK if page_number else ""))
            if "tab" in self._roles:
                self._tab_labels.add(text)
            elif any(tag == "button" for tag, _ in self._open) and not any(tag in _HEADINGS for tag, _ in self._open):
                self._buttons.append((len(self.lines) - 1, text))
            self._item_open = False
            # A cell's own line, not one of a table nested in it or of a block inside it.
            in_cell = self._rows and self._rows[-1][1] and self._open and self._open[-1][0] in ("td", "th")
            self.cells.append((self._rows[-1][0], self._rows[-1][1]) if in_cell else None)
        self._parts, self._line, self._prefix, self._linked_chars, self._hrefs = [], None, "", 0, []
        self._page_number_chars = 0
        self._italic_chars = self._plain_chars = 0
        self._control_text = False

    def _mark_form(self, start: int, most: int = _FORM_MAX_LINES) -> None:
        """Mark a small form's lines (labels, options, buttons) as a form. Some sites wrap the
        whole page in one <form> (ASP.NET): a form of more than `most` lines is left to the other
        rules. A block holding a slider or a tick box is a form of at most _WIDGET_MAX_LINES (its
        question, item and scale labels)."""
        if len(self.lines) - start <= most:
            self.lines[start:] = [replace(line, region="form") for line in self.lines[start:]]

    def _mark_box(self, word: str, start: int) -> None:
        """Mark the lines of a small box whose class or id names it as furniture."""
        if word and 0 < len(self.lines) - start <= _BOX_MAX_LINES:
            self.lines[start:] = [line if line.marked else replace(line, marked=word) for line in self.lines[start:]]

    def _landmark_of(self, tag: str, attrs: list[tuple[str, str | None]]) -> str:
        """The landmark an element opens by its tag: none for a section's own header, footer or
        unnamed aside."""
        scopes = _SCOPED_LANDMARKS.get(tag)
        if scopes and any(t in scopes for t, _ in self._open) \
                and not (tag == "aside" and (dict(attrs).get("aria-label") or dict(attrs).get("aria-labelledby"))):
            return ""
        return _LANDMARK_TAGS.get(tag, "")

    def _landmark(self) -> str:
        """The landmark the text at this point sits in: an alert or a menu anywhere, else main
        content, else the page header, footer or sidebar it is part of ("" outside all)."""
        open_marks = {mark for _, mark in self._open if mark}
        if "aside" in open_marks and self._articles_seen and not any(tag == "article" for tag, _ in self._open):
            return "aside"  # a sidebar inside <main> but beside the page's <article>; a box inside it is the article's
        return next((mark for mark in ("alert", "nav", "main", "header", "footer", "aside") if mark in open_marks), "")
