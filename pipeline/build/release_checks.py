"""What every released PDF must say and hold, read from the PDF itself.

The check looks at what a reader gets (the text on the pages, the PDF's title, language, tags
and bookmarks), never at the default template's markup, so a clinic's own template passes when
its pages hold the elements and fails with the name of the one it lacks. Texts are compared
word by word: right-to-left lines come out of a PDF with their runs in visual order.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from pypdf import PdfReader

from pipeline.config import Config, Topic
from pipeline.i18n.locale_data import ENGLISH, format_date, language_tag
from pipeline.i18n.po_files import title_context
from pipeline.i18n.translations import Messages
from pipeline.models import OutputKind

# A word is a run of one script: a PDF's text drops the space where right-to-left text meets
# digits or Latin ("1.0النسخة"), so the two are told apart by script, not by spaces.
_RTL = "\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff"
_WORD = re.compile(rf"[{_RTL}]+|[^\W{_RTL}]+(?:[.’'-][^\W{_RTL}]+)*")
_INVISIBLE = re.compile(r"[\s\u00ad\u200b-\u200f\u2066-\u2069]+")


@dataclass(frozen=True)
class _Pdf:
    """What a reader gets from one PDF."""

    title: str
    lang: str
    tagged: bool
    bookmarks: tuple[str, ...]
    words: frozenset[str]
    squeezed: str  # the text without spaces or line breaks (file names, phone numbers)
    digits: str


def missing_elements(path: Path, kind: OutputKind, locale: str, topic: Topic, config: Config,
                     messages: Messages) -> list[str]:
    """The required elements the PDF at path lacks (none: it may be released)."""
    pdf = _read(path)

    def says(english_key: str) -> bool:
        text, _ = messages.lookup("ui", english_key, ENGLISH[english_key])
        return _words(str(text)) <= pdf.words

    title, _ = messages.lookup("facts", title_context(topic.key), topic.title)
    checks = [
        ("the title (PDF title, first bookmark and on the page)",
         pdf.title == title and pdf.bookmarks[:1] == (title,) and _words(str(title)) <= pdf.words),
        (f"the language ({language_tag(locale)}) and tags", pdf.lang == language_tag(locale) and pdf.tagged),
        (f"the version ({topic.version})", topic.version in pdf.words),
        ("the date of issue", bool(topic.issued) and _words(format_date(topic.issued, locale)) <= pdf.words),
        ("the date of next review", bool(topic.review) and _words(format_date(topic.review, locale)) <= pdf.words),
        ("the clinic's phone number", _number(config.clinic.phone) in pdf.digits),
        ("what to do about side effects", says("contact_when") and _number(config.clinic.urgent_phone) in pdf.digits),
        ("the 'does not replace medical advice' line", says("not_advice")),
    ]
    if kind == "leaflet":
        names = [PurePosixPath(str(source)).name for source, _ in topic.sources]
        checks.append(("the list of sources", says("sources") and all(_squeeze(n) in pdf.squeezed for n in names)))
    return [what for what, present in checks if not present]


def _read(path: Path) -> _Pdf:
    reader = PdfReader(path)
    root = reader.trailer["/Root"]
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    joined = re.sub(r"-\n(?=\w)", "", text)  # a word hyphenated at a line end counts whole too
    outline = [item.title for item in reader.outline if not isinstance(item, list)]
    return _Pdf(
        title=str((reader.metadata or {}).get("/Title", "")),
        lang=str(root.get("/Lang", "")),
        tagged=bool(root.get("/MarkInfo", {}).get("/Marked")) and "/StructTreeRoot" in root,
        bookmarks=tuple(str(title) for title in outline),
        words=_words(text) | _words(joined),
        squeezed=_squeezed(text),
        digits=_digits(text),
    )


def _words(text: str) -> frozenset[str]:
    return frozenset(_WORD.findall(unicodedata.normalize("NFKC", text).casefold()))


def _squeezed(text: str) -> str:
    """The page text without spaces or line breaks, both with a hyphen at a line's end kept and
    joined: a word hyphenated at a wrap is whole again, and a file name's own hyphen
    ("greenshire_ct-" / "scan.txt") may be where the line wrapped."""
    return _squeeze(text) + "\n" + _squeeze(re.sub(r"-\n(?=\w)", "", text))


def _squeeze(text: str) -> str:
    return _INVISIBLE.sub("", unicodedata.normalize("NFKC", text))


def _number(phone: str) -> str:
    """The digits to dial: "+44 20 7946 0999 (24 hours)" -> "442079460999"."""
    return _digits(re.sub(r"\s*\([^)]*[^\W\d_][^)]*\)\s*$", "", phone))


def _digits(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKC", text) if ch.isdigit())
