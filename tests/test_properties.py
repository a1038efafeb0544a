"""Property-based tests (Hypothesis) of the text stages and of the PO reader (issue 13).

Each test runs a fixed, bounded set of examples: `derandomize=True` and no example database, so
`make test` (and CI) always tries the same inputs, and a failure found once is found every time.
Pages and catalogs are built from strategies mixing the shapes real ones have (sentences,
headings, bullets, lead-ins, citation numbers, URLs, phone numbers, odd Unicode), so the examples
reach the rules, not only their guards.
"""

from __future__ import annotations

import codecs
import html
import re
import tempfile
import unicodedata
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from pipeline.errors import HandoutError, SourceError
from pipeline.i18n.po_files import new_catalog, parse_catalog, read_catalog, sorted_catalog, write_text
from pipeline.models import Source, SourceMeta
from pipeline.text.accounting import unaccounted
from pipeline.text.clean import clean
from pipeline.text.dedupe import dedupe
from pipeline.text.facts import find_facts
from pipeline.text.ingest import ingest
from pipeline.text.line_model import load_model
from pipeline.text.site_template import shared_furniture, site_pages, site_repeats

# The same examples on every run; tmp_path is shared by a test's examples (each writes its own folder).
BOUNDED = {"deadline": None, "derandomize": True, "database": None,
           "suppress_health_check": [HealthCheck.too_slow, HealthCheck.function_scoped_fixture]}
PUBLISHER = "Example Health"


# ---- pages: the line shapes saved web pages have --------------------------------------------------

WORDS = tuple(("immunotherapy treatment side effects tiredness rash diarrhoea doctor nurse infusion weeks cancer skin "
         "fever checkpoint inhibitors blood tests liver thyroid hormones steroids severe mild common rare patients "
         "your you may can will the a of and or with during after before cause help treat feel usually").split())
# Odd Unicode a saved page holds: accents (composed and combining), soft hyphens, zero-width and
# no-break spaces, ligatures, full-width letters, right-to-left scripts and marks, CJK, emoji.
ODD = ("café", "naïve", "e\u0301tude", "co\u00adoperate", "zero\u200bwidth", "no\u00a0break", "\ufb01nal",
       "ﬀ", "ａｂｃ", "İstanbul", "straße", "العلاج", "טיפול", "\u200fמנה\u200e", "治疗", "лечение", "Ελληνικά",
       "🙂", "💊", "x\u0308", "\u2028", "\u0301", "\u200b", "\u00ad", "–", "“quoted”", "'single'", '"double"',
       "it's", "half-life", "(note)", "treat-", "½")
CITATIONS = ("17", "3,4", "12-14", "¹⁷", "[3]", "[citation needed]", "[edit]")
MENU = ("Home", "About us", "Services", "Contact", "News", "Donate")

NUMBERS = ("0.5", "10", "2024", "100mg", "5%", "1 in 10", "37.5°C", "3-weekly")
word = st.one_of(st.sampled_from(WORDS), st.sampled_from(WORDS), st.sampled_from(ODD), st.sampled_from(NUMBERS))


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


@st.composite
def sentence(draw, end: str | None = None) -> str:
    words = draw(st.lists(word, min_size=2, max_size=14))
    mark = end if end is not None else draw(st.sampled_from(".....!?;"))
    cite = draw(st.one_of(st.just(""), st.just(""), st.sampled_from(CITATIONS)))
    return _capital(" ".join(words)) + mark + cite


paragraph = st.lists(sentence(), min_size=1, max_size=4).map(" ".join)
heading = st.lists(word, min_size=1, max_size=5).map(lambda ws: _capital(" ".join(ws)))
question = st.lists(word, min_size=2, max_size=7).map(lambda ws: _capital(" ".join(ws)) + "?")
item_text = st.one_of(st.lists(word, min_size=1, max_size=9).map(" ".join), sentence())
url = st.builds(lambda a, b, how: how.format(a=a, b=b), st.sampled_from(WORDS), st.sampled_from(WORDS),
                st.sampled_from(("https://www.example.org/{a}/{b}", "Visit www.example.org/{a} for more on {b}.",
                                 "<https://example.org/{a}?q={b}&x=1>")))
phone = st.sampled_from(("Call us on 020 7946 0000.", "Helpline: 0800 123 4567", "+44 20 7946 0000",
                         "If you have a fever, call 111 straight away.", "Phone (01632) 960 123 (9am to 5pm)"))
long_word = st.integers(min_value=100, max_value=4999).map(lambda n: ("immunotherapy" * 400)[:n])
odd_line = st.lists(st.sampled_from(ODD + ("\t", "\x0c", "\u00a0")), min_size=1, max_size=4).map("".join)


@st.composite
def line_shape(draw) -> tuple[str, str]:
    """(kind, text): a kind says how each format writes it (an HTML <h2>, <li>, <p>)."""
    kind = draw(st.sampled_from(("heading", "heading", "paragraph", "paragraph", "paragraph", "paragraph", "bullet", "bullet",
                                 "numbered", "lead", "question", "url", "phone", "blank", "blank", "odd", "long")))
    if kind == "heading":
        return kind, draw(heading)
    if kind == "paragraph":
        return kind, draw(paragraph)
    if kind == "bullet":
        return kind, draw(st.sampled_from(("- ", "* ", "• "))) + draw(item_text)
    if kind == "numbered":
        return kind, f"{draw(st.integers(1, 12))}{draw(st.sampled_from('.)'))} " + draw(item_text)
    if kind == "lead":
        return "paragraph", draw(sentence(end=":"))
    if kind == "question":
        return "heading", draw(question)
    if kind == "url":
        return "paragraph", draw(url)
    if kind == "phone":
        return "paragraph", draw(phone)
    if kind == "blank":
        return kind, draw(st.sampled_from(("", "", "   ", "\u00a0", "\t")))
    if kind == "odd":
        return "paragraph", draw(odd_line)
    return "paragraph", draw(st.builds(lambda a, w, b: f"{a} {w} {b}", heading, long_word, sentence()))


_ITEM_MARK = re.compile(r"^(?:[-*•] |\d{1,2}[.)] )")


def _html(shapes: list[tuple[str, str]], main: bool, newline: str) -> str:
    """A saved page: a head, maybe a menu outside <main>, one element per line."""
    out = ["<!DOCTYPE html>", "<html><head><title>Immunotherapy</title>",
           "<style>p { color: red }</style></head>", "<body>"]
    if main:
        out += ["<nav><ul>", *(f'<li><a href="/{n}">{n}</a></li>' for n in MENU[:4]), "</ul></nav>", "<main>"]
    listing = ""
    for kind, text in shapes:
        wanted = {"bullet": "ul", "numbered": "ol"}.get(kind, "")
        if listing and wanted != listing:
            out.append(f"</{listing}>")
            listing = ""
        if wanted and not listing:
            out.append(f"<{wanted}>")
            listing = wanted
        body = html.escape(_ITEM_MARK.sub("", text) if wanted else text)
        if wanted:
            out.append(f"<li>{body}</li>")
        elif kind == "blank":
            out.append(text)
        elif kind == "heading":
            out.append(f"<h2>{body}</h2>")
        else:
            out.append(f"<p>{body}</p>")
    if listing:
        out.append(f"</{listing}>")
    out += ["</main>", "<footer><p>© Example Health 2024</p></footer>"] if main else []
    out += ["</body></html>", ""]
    return newline.join(out)


def _text(shapes: list[tuple[str, str]], markdown: bool, newline: str, final: bool) -> str:
    lines = [("## " if markdown and kind == "heading" else "") + text for kind, text in shapes]
    return newline.join(lines) + (newline if final else "")


@st.composite
def page(draw) -> tuple[str, bytes]:
    """(file name, bytes) of one saved page, in one of the formats and encodings ingest reads."""
    shapes = draw(st.lists(line_shape(), min_size=1, max_size=24))
    if draw(st.booleans()):  # the site's menu over the article, as another page of it prints it too
        shapes = [("heading", label) for label in MENU] + [("blank", "")] + shapes
    suffix = draw(st.sampled_from((".txt", ".md", ".html")))
    newline = draw(st.sampled_from(("\n", "\r\n", "\r")))
    if suffix == ".html":
        text = _html(shapes, draw(st.booleans()), newline)
    else:
        text = _text(shapes, suffix == ".md", newline, draw(st.booleans()))
    encoding = draw(st.sampled_from(("utf-8", "utf-8", "utf-8-sig", "utf-16")))
    return suffix, text.encode(encoding)


def _ingest_all(folder: Path, pages: list[tuple[str, bytes]]) -> list[Source]:
    """Ingest every page; a page ingest refuses must be refused with a SourceError naming it."""
    sources = []
    for k, (suffix, data) in enumerate(pages):
        path = folder / "sources" / "t" / f"page{k}{suffix}"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        try:
            sources.append(ingest(path, folder, SourceMeta(path.name, publisher=PUBLISHER)))
        except SourceError as exc:
            assert str(exc).startswith(f"sources/t/{path.name}")
    return sources


def _stages(folder: Path, sources: list[Source]):
    """clean, find_facts and dedupe, chained as prepare._prepare chains them (no other topics' pages)."""
    shared = shared_furniture(sources)
    repeated = site_repeats(sources, site_pages(sources, [], folder))
    model = load_model()
    cleaned = tuple(clean(source, shared[source.path], model, repeated[source.path]) for source in sources)
    facts = find_facts(cleaned)
    return cleaned, facts, dedupe(facts)


# What a fact may leave out of its line(s): citation markers after a sentence's punctuation
# ("effects.17", "effects.¹⁷", "[3]", "[citation needed]", "[edit]") and a list item's number ("2. ").
_CITATION = re.compile(r"(?<=(?:[^\W\d_]|[)\]”’\"'])[.!?:;])(?:\d{1,3}(?:[,-]\d{1,3})*|[⁰¹²³⁴⁵⁶⁷⁸⁹]+)(?=\s|$)"
                       r"|\[(?:\d{1,3}|citation needed|edit)\]")
_NUMBER_MARK = re.compile(r"^\s*\d{1,2}[.)]\s+")


def _letters(text: str) -> str:
    """The letters, combining marks and digits of a text, compatibility-decomposed and casefolded:
    what a typographic repair (quotes, spaces, ligatures, invisible characters, hyphens) never changes."""
    folded = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", _CITATION.sub("", text)).casefold())
    return "".join(ch for ch in folded if unicodedata.category(ch)[0] in "LMN")


def _check_stages(sources: list[Source], cleaned, facts, clusters) -> None:
    assert unaccounted(sources, cleaned, facts, clusters) == []
    lines = {(source.path, line.number): line.text for source in sources for line in source.lines}
    for fact in facts:
        assert lines.get((fact.source, fact.line), "").strip(), f"{fact} points to no non-blank line"
    by_block = Counter((fact.source, fact.line) for fact in facts)
    for clean_source in cleaned:
        for block in clean_source.blocks:
            if block.kind == "heading":
                assert not by_block[(block.source, block.line)], f"a heading gave facts: {block}"
                continue
            said = " ".join(fact.text for fact in facts if (fact.source, fact.line) == (block.source, block.line))
            written = " ".join(_NUMBER_MARK.sub("", lines[(block.source, n)]) if n == block.line
                               else lines[(block.source, n)] for n in block.lines if (block.source, n) in lines)
            assert _letters(said) == _letters(written), (block, said, written)


@settings(max_examples=25, **BOUNDED)
@given(pages=st.lists(page(), min_size=1, max_size=2))
def test_text_stages_account_for_every_line_of_generated_pages(tmp_path, pages):
    """Contracts: ingest returns a Source or raises SourceError (never another exception); after
    clean, find_facts and dedupe, accounting.unaccounted is empty (every non-blank line is a
    heading, a removal with its reason, or a fact, and every fact is in exactly one cluster);
    each fact's (source, line) is a non-blank line of its source; and (facts.py: "the wording is
    never changed") the facts of each kept block, read letter by letter (NFKD, casefolded letters,
    marks and digits), are exactly the letters of the block's source lines, apart from citation
    markers and a numbered item's number. A block's facts are its sentences in order, so this also
    says sentence splitting loses, repeats and reorders nothing."""
    folder = Path(tempfile.mkdtemp(dir=tmp_path))
    sources = _ingest_all(folder, pages)
    if sources:
        _check_stages(sources, *_stages(folder, sources))


# ---- ingest: line numbers and hostile bytes ---------------------------------------------------------

# Inside a line: characters other tools take for line breaks (form feed, vertical tab, NEL, the
# Unicode line and paragraph separators, the file separators) that ingest must not split on.
IN_LINE = st.one_of(st.sampled_from(WORDS), st.sampled_from(ODD),
                    st.sampled_from((" ", "\t", "\x0c", "\x1a", "\u2028", "\u2029", "\u00a0", "e\u0301")))


@st.composite
def numbered_file(draw) -> tuple[list[str], str]:
    """The lines of a text file and the file's text, each line ended by \\n, \\r\\n or \\r."""
    lines = draw(st.lists(st.lists(IN_LINE, max_size=6).map("".join), min_size=1, max_size=20))
    lines[draw(st.integers(0, len(lines) - 1))] += " immunotherapy"  # never only blank space
    if draw(st.booleans()):  # one control character that other tools break lines at (more is binary)
        k = draw(st.integers(0, len(lines) - 1))
        lines[k] += draw(st.sampled_from(("\x0b", "\x85", "\x1c", "\x1e")))
    text, previous = "", ""
    for k, line in enumerate(lines):
        end = draw(st.sampled_from(("\n", "\r\n", "\r")))
        if previous == "\r" and line == "" and end.startswith("\n"):
            end = "\r"  # "\r" + "" + "\n" is one "\r\n": the file would have one line fewer
        last = k == len(lines) - 1
        if last and draw(st.booleans()):
            end = ""
        text += line + end
        previous = end
    if lines[-1] == "" and previous == "":
        lines.pop()  # an empty last line with no terminator: nothing in the file marks it as a line
    return lines, text


@settings(max_examples=40, **BOUNDED)
@given(file=numbered_file(), suffix=st.sampled_from((".txt", ".md", "")),
       encoding=st.sampled_from(("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be")))
def test_ingest_numbers_lines_as_the_file_does(tmp_path, file, suffix, encoding):
    """Contract (ingest._text_lines): only \\r\\n, \\r and \\n end a line, so line N of the Source is
    line N of the file, its text NFC-normalized, whatever the mix of terminators and whatever the
    line holds (form feeds, \\u2028, NEL); a final terminator adds no line."""
    lines, text = file
    path = Path(tempfile.mkdtemp(dir=tmp_path)) / f"page{suffix}"
    path.write_bytes(text.encode(encoding))
    source = ingest(path, tmp_path, SourceMeta(path.name))
    assert [(line.number, line.text) for line in source.lines] == [
        (n, unicodedata.normalize("NFC", line)) for n, line in enumerate(lines, start=1)]


# Markup a saved page may hold besides its elements: comments, declarations, CDATA and marked
# sections, processing instructions, character references good and bad, stray tags.
MARKUP = st.one_of(
    st.sampled_from(("<!-- menu -->", "<!DOCTYPE html>", "<![CDATA[ x < y ]]>", "<!--[if IE]><p>Old</p><![endif]-->",
                     "<![if !IE]>", "<![endif]>", "<?xml version='1.0'?>", "&nbsp;", "&#9999999;", "&#xD800;",
                     "&bogus;", "<p", "</div>", "<br/>", "<script>if (a<b) {}</script>", "<td>", "<tr>", "</tr>",
                     "<table>", "<li>", "<!", "<![", "]]>", "-->", "<a href='#'>", "</a>", "<svg><text>x</text>",
                     "<figure><figcaption>A nurse</figcaption></figure>", "<form><label>Email</label></form>")),
    st.builds(lambda name, body: f"<![{name}[{body}]]>", st.sampled_from(WORDS + ("CDATA", "if", "endif")),
              st.sampled_from(WORDS)),
)
HTML_NOISE = st.lists(st.one_of(MARKUP, IN_LINE, sentence(), st.just("\n")), min_size=1, max_size=40).map("".join)


class NotSourceError(Exception):
    """ingest raised something other than a SourceError (told apart from the tests' own assertions)."""


@example(text="<p>a</p><![x[b]]>", encoding="utf-8")
@settings(max_examples=80, **BOUNDED)
@given(text=HTML_NOISE, encoding=st.sampled_from(("utf-8", "utf-16")))
def test_ingest_of_html_with_any_markup_returns_or_raises_source_error(tmp_path, text, encoding):
    """Contract (ingest.ingest): a user's file is read or refused with a SourceError naming it;
    never another exception, whatever markup the page holds."""
    path = Path(tempfile.mkdtemp(dir=tmp_path)) / "page.html"
    path.write_bytes(text.encode(encoding))
    try:
        source = ingest(path, tmp_path, SourceMeta(path.name))
    except SourceError as exc:
        assert str(exc).startswith(path.relative_to(tmp_path).as_posix())
    except Exception as exc:
        raise NotSourceError(f"{type(exc).__name__}: {exc}") from exc
    else:  # each line numbered by the line of the file its text starts on
        numbers = [line.number for line in source.lines]
        assert numbers == sorted(numbers) and 1 <= numbers[0] and numbers[-1] <= len(re.split("\r\n|\r|\n", text))


@settings(max_examples=80, **BOUNDED)
@given(data=st.one_of(st.binary(max_size=300), st.lists(st.one_of(st.sampled_from(
    (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x00", b"\r\n", b"\n", b"\r", b"\xe9", b"\x93", b"\xc3\xa9",
     b"\xc3", b"\x81", b"\xed\xa0\x80", b"\x1b", b"\x0c", b"<p>", b"</p>", b"<h2>", b"<li>", b"<!--", b"<script>")),
    st.text(max_size=8).map(lambda s: s.encode("utf-8", "surrogatepass"))), max_size=40).map(b"".join)),
    suffix=st.sampled_from((".txt", ".md", ".html")))
def test_ingest_of_hostile_bytes_returns_or_raises_source_error(tmp_path, data, suffix):
    """Contract (ingest.ingest): any bytes (binary, BOMs, NULs, broken UTF-8 and UTF-16, cp1252,
    lone surrogates) are read as numbered lines or refused with a SourceError naming the file."""
    path = Path(tempfile.mkdtemp(dir=tmp_path)) / f"page{suffix}"
    path.write_bytes(data)
    try:
        source = ingest(path, tmp_path, SourceMeta(path.name))
    except SourceError as exc:
        assert str(exc).startswith(path.relative_to(tmp_path).as_posix())
    else:
        numbers = [line.number for line in source.lines]
        assert numbers == sorted(numbers) and all(n >= 1 for n in numbers)
        assert any(line.text.strip() for line in source.lines)


# ---- the PO reader -----------------------------------------------------------------------------------

PO_CHARS = st.one_of(
    st.sampled_from(list('"\\\t\n\r %{}#:.,|~') + ["%s", "%d", "%(name)s", "{name}", "{0}", "{}", "\\n", "\\\"",
                                                   "msgid ", "msgstr ", "msgctxt ", '#| msgid "x"', "\n\n"]),
    st.sampled_from(("Immunotherapy", "side effects", "L’immunothérapie", "日本語", "العربية", "עברית", "Ελληνικά",
                     "Русский", "हिन्दी", "🙂", "\u00a0", "\u200b", "e\u0301", "\x0c", "\u2028", "\x85", "\x0b"))
    | st.characters(codec="utf-8", exclude_categories=("Cs",)),
)
po_text = st.lists(PO_CHARS, max_size=12).map("".join)
comment = st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(("half-life", "don't", "“x”", "日本語", "{name}",
                                                                       "%d", "#", ",", ":"))),
                   max_size=25).map(" ".join)
FLAGS = ("fuzzy", "no-wrap", "c-format", "no-python-format")


@st.composite
def catalog(draw, plurals: bool = False):
    """A catalog as the project writes them: unique contexts, some fuzzy with the previous English,
    some plural (in a catalog with a language); plurals: the first message is a plural one."""
    language = draw(st.sampled_from(("fr", "ar", "ja") if plurals else (None, "fr", "ar", "ja")))
    made = new_catalog(draw(st.sampled_from(("facts", "ui"))), language)
    contexts = draw(st.lists(st.one_of(st.text(max_size=10), po_text).filter(bool), min_size=int(plurals),
                             max_size=8, unique=True))
    for k, context in enumerate(contexts):
        msgid = draw(po_text.filter(bool))
        flags = draw(st.sets(st.sampled_from(FLAGS), max_size=2))
        plural = language is not None and (plurals and k == 0 or draw(st.integers(0, 4)) == 0)
        if plural:
            msgid = (msgid, draw(po_text))
            string = tuple(draw(po_text) for _ in range(made.num_plurals))
        else:
            string = draw(po_text)
        previous = [draw(po_text)] if "fuzzy" in flags and draw(st.booleans()) else []
        made.add(msgid, string, context=context, flags=flags, user_comments=draw(st.lists(comment, max_size=2)),
                 auto_comments=draw(st.lists(comment, max_size=1)), previous_id=previous)
    return made


_FORMAT_FLAGS = {"python-format", "python-brace-format"}  # Babel's own guesses from the msgid, on every read


def _messages(parsed) -> dict[str, tuple]:
    return {m.context: (m.id if isinstance(m.id, str) else tuple(m.id),
                        m.string if isinstance(m.string, str) else tuple(m.string),
                        frozenset(m.flags - _FORMAT_FLAGS), tuple(m.previous_id))
            for m in parsed if m.id}


def _nonblank(comments) -> str:
    return "".join("".join(comments).split())


@settings(max_examples=40, **BOUNDED)
@given(made=catalog())
def test_po_round_trip_keeps_every_message_and_has_one_written_form(made):
    """Contracts (po_files: "their one written form"; _Parser reads `#| msgid` back): write_text
    then parse_catalog gives back every message's context, msgid, msgstr, flags and previous
    English; writing the parsed catalog again gives the identical text. Comments are compared by
    their non-blank characters: Babel wraps comments at 76 columns, which splits one comment
    into several lines (and several comments), and collapses their spaces, but keeps every other character."""
    written = write_text(sorted_catalog(made))
    parsed = parse_catalog(written, made.domain)
    assert _messages(parsed) == _messages(made)
    for context, message in {m.context: m for m in made if m.id}.items():
        back = parsed.get(message.id, context)
        assert _nonblank(back.user_comments) == _nonblank(message.user_comments)
        assert _nonblank(back.auto_comments) == _nonblank(message.auto_comments)
    assert write_text(sorted_catalog(parsed)) == written


CHARSETS = ("UTF-8", "utf8", "ISO-8859-1", "latin-1", "ascii", "CHARSET", "bogus-42", "utf-16", "UTF-32", "base64",
            "rot13", "zlib", "idna", "punycode", "utf-7", "cp1252", "koi8-r", "unicode_escape", "", "UTF-8; x=1")


@st.composite
def mutated_po(draw) -> bytes:
    """A valid catalog's bytes, then damaged as files are: a charset or Language changed in the
    header, encoded in another codec, a BOM, CRLF, truncated, a byte flipped, a run deleted."""
    text = write_text(sorted_catalog(draw(catalog())))
    if draw(st.booleans()):
        text = re.sub(r"charset=[^\\]*", "charset=" + draw(st.sampled_from(CHARSETS)), text, count=1)
    if draw(st.booleans()):
        value = draw(st.sampled_from(("fr", "fr_FR", "de", "EN", "zz", "fr-Latn", "x@y", "", "1", "@", "_", "fr__")))
        text = re.sub(r'"Language: [^\\]*', '"Language: ' + value, text, count=1)
    data = text.encode(draw(st.sampled_from(("utf-8", "utf-8", "latin-1", "utf-16"))), "replace")
    if draw(st.booleans()):
        data = data.replace(b"\n", b"\r\n")
    if draw(st.booleans()):
        data = codecs.BOM_UTF8 + data
    for _ in range(draw(st.integers(0, 3))):
        how = draw(st.sampled_from(("truncate", "flip", "delete", "insert")))
        at = draw(st.integers(0, max(0, len(data) - 1)))
        if how == "truncate":
            data = data[:at]
        elif how == "flip":
            data = data[:at] + bytes([draw(st.integers(0, 255))]) + data[at + 1:]
        elif how == "delete":
            data = data[:at] + data[at + draw(st.integers(1, 20)):]
        else:
            data = data[:at] + draw(st.sampled_from((b'"', b"\\", b"\n", b"#", b"#~ ", b"#| ", b"msgid ", b"msgstr ",
                                                     b"msgctxt ", b'""\n', b"\xff", b"\xc3"))) + data[at:]
    return data


def _read_or_refuse(path: Path) -> None:
    try:
        read = read_catalog(path)
    except HandoutError as exc:
        assert str(path) in str(exc)
    else:
        assert all(isinstance(m.id, (str, tuple)) for m in read)


@settings(max_examples=40, **BOUNDED)
@given(data=st.one_of(mutated_po(), st.binary(max_size=200)), folder=st.sampled_from(("", "locales/fr/LC_MESSAGES")))
def test_po_reader_on_hostile_bytes_parses_or_names_the_file(tmp_path, data, folder):
    """Contract (po_files.read_catalog): any bytes, valid catalogs damaged or not a catalog at all,
    are parsed or refused with a HandoutError whose message names the file; never another exception
    (a LookupError for an unknown charset, a UnicodeDecodeError, a parser's IndexError)."""
    path = Path(tempfile.mkdtemp(dir=tmp_path)) / folder / "facts.po"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    _read_or_refuse(path)


@st.composite
def edited_po(draw) -> bytes:
    """A valid catalog with plural entries, edited line by line as a translator's slip would: a
    number changed (a plural index), a line repeated, dropped or moved."""
    lines = write_text(sorted_catalog(draw(catalog(plurals=True)))).split("\n")
    for _ in range(draw(st.integers(1, 3))):
        k = draw(st.integers(0, len(lines) - 1))
        how = draw(st.sampled_from(("index", "number", "repeat", "drop", "move")))
        indexed = [n for n, line in enumerate(lines) if line.startswith("msgstr[")]
        numbered = [n for n, line in enumerate(lines) if re.search(r"\d", line)]
        if how == "index" and indexed:  # "msgstr[1]" -> "msgstr[-2]"
            k = draw(st.sampled_from(indexed))
            lines[k] = re.sub(r"\[\d+\]", f"[{draw(st.integers(-4, 4))}]", lines[k], count=1)
        elif how == "number" and numbered:
            k = draw(st.sampled_from(numbered))
            lines[k] = re.sub(r"-?\d+", str(draw(st.integers(-4, 4))), lines[k], count=1)
        elif how == "repeat":
            lines.insert(k, lines[k])
        elif how == "drop":
            del lines[k]
        else:
            lines.insert(draw(st.integers(0, len(lines))), lines.pop(k))
    return "\n".join(lines).encode("utf-8")


@example(data=b'msgid "a"\nmsgid_plural "b"\nmsgstr[-3] "x"\n')
@settings(max_examples=40, **BOUNDED)
@given(data=edited_po())
def test_po_reader_on_edited_catalogs_parses_or_names_the_file(tmp_path, data):
    """Contract (po_files.read_catalog): as above, for catalogs a translator edited by hand."""
    path = Path(tempfile.mkdtemp(dir=tmp_path)) / "facts.po"
    path.write_bytes(data)
    _read_or_refuse(path)
