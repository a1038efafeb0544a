"""Text copied from a printed page (a PDF, a print preview, an e-mail): its wrapped paragraphs are
read as paragraphs, across page breaks, and every line of the file stays traceable."""

from __future__ import annotations

import textwrap

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.models import CleanSource, Source, SourceLine, SourceMeta
from pipeline.text.clean import clean
from pipeline.text.hard_wraps import printed_width, read_printed

HEADER = "4/3/26, 10:02 AM Hip Replacement: Your Stay | Fernbrook Orthopaedic Clinic"
FOOTER = "https://www.fernbrook.example/patients/hip-replacement Page {} of 3"
INTRO = ("A hip replacement is an operation to take out a worn or damaged hip joint and put in an "
         "artificial one made of metal, plastic or ceramic. Most people go home within 1 to 3 days, "
         "and the new joint usually lasts for 20 years or more.")
BEFORE = ("Before the operation you will meet a physiotherapist, who will show you the exercises to "
          "do at home and check that you have a raised chair and a grabber ready for when you come back.")
AFTER = ("Your leg may be swollen and bruised for some weeks. Keep taking the painkillers the ward "
         "gives you, walk a little more each day, and do your exercises three times a day even when "
         "they feel tiring, because they build the muscles that hold the new joint in place.")
ITEM = "a temperature of 38°C or above, or shivering, which may be a sign of an infection around the new joint"


def _wrapped(text: str, width: int = 84) -> list[str]:
    return textwrap.wrap(text, width)


def _printed_page() -> list[str]:
    """A clinic's page printed from the browser and copied out of the PDF: lines wrapped at the
    page's width, no blank line between paragraphs, a running header and footer at the break."""
    after = _wrapped(AFTER)
    return [
        HEADER, "FERNBROOK", "Orthopaedic Clinic", "",
        "Hip Replacement: Your Stay",
        *_wrapped(INTRO),
        "Getting ready",
        *_wrapped(BEFORE),
        FOOTER.format(1), "", HEADER,
        "After the operation",
        *after[:2], "Back to top ↑",
        FOOTER.format(2), "", HEADER,
        *after[2:],
        "Call the ward straight away if you have:",
        *("• " + line if k == 0 else line for k, line in enumerate(_wrapped(ITEM))),
        "• new pain or swelling in your calf",
    ]


def _source(lines: list[str], name: str = "page.txt") -> Source:
    numbered = tuple(SourceLine(n, text) for n, text in enumerate(lines, start=1))
    return Source(f"sources/t/{name}", "utf-8", numbered, SourceMeta(name, publisher="Fernbrook Orthopaedic Clinic"))


def _where(lines: list[str], text: str) -> int:
    return lines.index(text) + 1


def _accounted_once(source: Source, result: CleanSource) -> None:
    """Every non-blank line of the file is in exactly one block or one removal."""
    seen = [n for block in result.blocks for n in block.lines] + [removal.line for removal in result.removed]
    assert sorted(seen) == [line.number for line in source.lines if line.text.strip()]


def test_a_printed_pages_paragraphs_are_read_whole_and_every_line_traced() -> None:
    lines = _printed_page()
    source = _source(lines)
    result = clean(source)
    by_text = {block.text: block for block in result.blocks}
    for paragraph in (INTRO, BEFORE):
        block = by_text[paragraph]  # joined, word for word, as it was written
        parts = _wrapped(paragraph)
        assert list(block.lines) == list(range(_where(lines, parts[0]), _where(lines, parts[-1]) + 1))
    item = by_text[ITEM]
    assert item.kind == "item" and len(item.lines) == len(_wrapped(ITEM))
    _accounted_once(source, result)


def test_a_paragraph_a_page_break_cut_goes_on_after_the_footer_and_header() -> None:
    lines = _printed_page()
    result = clean(_source(lines))
    block = next(block for block in result.blocks if block.text == AFTER)
    after = _wrapped(AFTER)
    first, last = _where(lines, after[0]), _where(lines, after[-1])
    furniture = {_where(lines, "Back to top ↑"), _where(lines, FOOTER.format(2))}
    assert block.line == first and block.lines[-1] == last
    assert furniture.isdisjoint(block.lines) and set(block.skipped) >= furniture
    removed = {removal.line for removal in result.removed}
    assert furniture <= removed  # the page break's lines are judged on their own, and go


def test_a_word_the_printer_hyphenated_is_whole_again_when_the_page_writes_it_whole() -> None:
    lines = ["Recovery after a hip replacement takes time, and everyone's recovery is different, so",
             "take it one day at a time and ask the physiotherapist how your re-",
             "covery is going at each visit to the clinic in the weeks after the operation.",
             "Most people can drive again after about six weeks, once they can press the brake",
             "pedal hard and turn to look over their shoulder without pain in the new joint.",
             "Your surgeon will tell you when it is safe to swim, garden or play golf again, and",
             "when to stop using the crutches the ward gives you when you leave the hospital.",
             "Some people feel low in the first weeks at home, which is normal and usually passes",
             "as they get stronger and can do more of the things they enjoyed before the operation."]
    joined = read_printed([SourceLine(n, text) for n, text in enumerate(lines, start=1)])[0]
    assert "ask the physiotherapist how your recovery is going" in joined[0].text
    assert len(joined) == 4 and joined[0].last == 3


def test_a_plain_text_email_wrapped_at_72_columns_is_unwrapped_too() -> None:
    paragraphs = [INTRO, BEFORE, AFTER]
    lines = [line for paragraph in paragraphs for line in [*_wrapped(paragraph, 72), ""]]
    joined = read_printed([SourceLine(n, text) for n, text in enumerate(lines, start=1) if text])[0]
    # Each line now holds whole sentences: none is cut, and the words are the paragraphs' own.
    assert " ".join(line.text for line in joined) == " ".join(paragraphs)
    assert all(line.text[0].isupper() and line.text.endswith(".") for line in joined)
    assert len(joined) < len([line for line in lines if line])


def test_a_page_of_long_unbulleted_items_and_one_line_paragraphs_is_left_as_it_is() -> None:
    # Text saved from a browser: a paragraph is one long line; items are lines of their own.
    lines = [INTRO, "", BEFORE, "", "Call the ward straight away if you have:",
             "a temperature of 38°C or above, or shivering, which may be a sign of an infection",
             "new pain, warmth or swelling in your calf or thigh, which may be a sign of a clot",
             "a wound that leaks, opens or smells, or redness spreading from its edges",
             "pain in the hip that gets worse instead of better from one day to the next",
             "", AFTER, "", "Exercises after surgery", "Sleeping and sitting", "Going home"]
    source = [SourceLine(n, text) for n, text in enumerate(lines, start=1) if text]
    assert printed_width(source) == 0
    assert read_printed(source)[0] == source
    result = clean(_source(lines))
    assert all(len(block.lines) == 1 for block in result.blocks)


def test_short_lines_of_an_easy_read_page_are_not_joined() -> None:
    # Easy-read leaflets put one short phrase on a line on purpose: nothing fills a printed width.
    lines = ["What is a hip replacement?", "Your hip joint is worn out.", "It hurts when you walk.",
             "The doctor will take out", "the worn joint", "and put in a new one.", "The new joint",
             "is made of metal", "and plastic.", "You will stay in hospital", "for 1 to 3 days.",
             "A nurse will help you", "get up and walk."]
    source = [SourceLine(n, text) for n, text in enumerate(lines, start=1)]
    assert read_printed(source)[0] == source


def _booklet() -> list[str]:
    """A charity's booklet as a PDF-to-text tool gives it: bare page numbers, the booklet's title
    over even pages and the chapter's over odd ones, a list and a list item cut by page breaks."""
    return [
        "Getting ready for your hip operation", "",
        *_wrapped(INTRO, 74), *_wrapped(BEFORE, 74),
        "Before you come in, make sure you have:",
        "• a raised chair, a grabber and a long-handled shoe horn at home, set up where",
        "", "fernbrook.example", "2", "", "Your hip operation", "", "Preparing", "",
        "you will use them",
        "• someone to drive you home and stay with you for the first night",
        *_wrapped(AFTER, 74), "",
        "3", "Fernbrook Orthopaedic Clinic · HIP-02 · 2nd edition", "", "Your hip operation", "",
        "Call the ward if you have:",
        "• a temperature of 38°C or above",
        "", "fernbrook.example", "4", "", "Preparing", "",
        "• new pain or swelling in your calf",
        "• a wound that leaks or smells",
        "", "5", "Fernbrook Orthopaedic Clinic · HIP-02 · 2nd edition",
    ]


def test_a_booklets_page_numbers_and_running_titles_are_page_furniture() -> None:
    lines = _booklet()
    source = _source(lines, "booklet.txt")
    result = clean(source)
    reasons = {removal.line: removal.reason for removal in result.removed}
    furniture = [n for n, text in enumerate(lines, start=1)
                 if text in ("2", "3", "4", "5", "fernbrook.example", "Your hip operation", "Preparing",
                             "Fernbrook Orthopaedic Clinic · HIP-02 · 2nd edition")]
    assert all(n in reasons for n in furniture), {n: lines[n - 1] for n in furniture if n not in reasons}
    assert "running header or footer (a printed page's)" in {reasons[n] for n in furniture}
    # The item a page break cut is one item again, and both lists keep every item under their lead-in.
    items = [block.text for block in result.blocks if block.kind == "item"]
    assert "a raised chair, a grabber and a long-handled shoe horn at home, set up where you will use them" in items
    assert {"a temperature of 38°C or above", "new pain or swelling in your calf", "a wound that leaks or smells",
            "someone to drive you home and stay with you for the first night"} <= set(items)
    kept = {n for block in result.blocks for n in block.lines}
    assert _where(lines, "Getting ready for your hip operation") in kept
    _accounted_once(source, result)


def test_a_line_with_page_like_numbers_is_no_page_break_in_a_file_not_printed() -> None:
    # A list of doses in text saved from a browser: "3" alone is a table cell, not a page number.
    lines = [INTRO, "", "Dose", "3", "Tablets a day", "2", "", BEFORE, "", "Dose", "3", "", AFTER]
    source = [SourceLine(n, text) for n, text in enumerate(lines, start=1) if text]
    assert read_printed(source)[1] == set()


def test_a_format_flowed_emails_soft_breaks_are_joined_quotes_too() -> None:
    # RFC 3676: a line ending in a space goes on in the next; a quoted question keeps its "> ".
    lines = ["> My wife starts pembrolizumab next week for melanoma that has ",
             "> spread to her lymph nodes. Which side effects really matter?", "",
             "Pembrolizumab is a type of immunotherapy called a checkpoint ",
             "inhibitor. It releases the brakes on the immune system, so it can ",
             "find and attack the cancer cells again.", "",
             "Side effects can start at any time, even months after the last ",
             "dose, so report anything new to the team straight away.", "",
             "* a new cough or breathlessness", "* diarrhoea, or tummy pain", "", "-- ", "Ruth"]
    joined = read_printed([SourceLine(n, text) for n, text in enumerate(lines, start=1) if text])[0]
    texts = [line.text for line in joined]
    assert texts[0] == ("> My wife starts pembrolizumab next week for melanoma that has spread to her lymph "
                        "nodes. Which side effects really matter?")
    assert ("Pembrolizumab is a type of immunotherapy called a checkpoint inhibitor. It releases the brakes on the "
            "immune system, so it can find and attack the cancer cells again.") in texts
    assert "* a new cough or breathlessness" in texts and "Ruth" in texts  # items and the signature stay apart
    assert joined[0].last == 2


_WORDS = ("the treatment may cause tiredness, nausea or a sore mouth; most side effects fade after it ends and "
          "your team can help with many of them before they start (ask about medicines)").split()


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_WORDS), min_size=12, max_size=60), min_size=3, max_size=8),
       st.integers(min_value=55, max_value=110), st.booleans())
def test_unwrapping_any_wrapped_text_keeps_every_word_and_line(paragraphs: list[list[str]], width: int,
                                                              blank_between: bool) -> None:
    # Whatever is joined, each line read holds exactly the words of the file lines it names, in
    # their order, and every line of the file is in exactly one line read. (A line a paragraph
    # ran on over, taken for a page's running title, comes after that paragraph.)
    texts = [" ".join(words).capitalize() + "." for words in paragraphs]
    lines: list[str] = []
    for text in texts:
        lines += textwrap.wrap(text, width) + ([""] if blank_between else [])
    source = [SourceLine(n, text) for n, text in enumerate(lines, start=1) if text]
    joined = read_printed(source)[0]
    for line in joined:
        own = [lines[n - 1] for n in range(line.number, line.end + 1) if n not in line.skipped]
        assert line.text.split() == " ".join(own).split()
    covered = sorted(n for line in joined for n in range(line.number, line.end + 1) if n not in line.skipped)
    assert covered == [line.number for line in source]


def test_a_browsers_running_header_wider_than_the_page_does_not_hide_the_printing() -> None:
    """A browser prints the page's title and address at the top of every page, wider than the text."""
    header = "Hip Replacement: Your Stay | Fernbrook Clinic   https://www.fernbrook.example.org/patients/hip-replacement-stay"
    more = [*_wrapped(f"{INTRO} {BEFORE} {AFTER}"), *_wrapped(f"{AFTER} {INTRO} {BEFORE}"),
            *_wrapped(f"{BEFORE} {AFTER} {INTRO}")]
    lines = [line if line != HEADER else header for line in _printed_page()] + ["", header, *more]
    source = _source(lines)
    long = [line for line in lines if len(line) >= 20]
    assert len(header) > 1.2 * 84 and 0.03 < lines.count(header) / len(long) < 0.1  # few, yet more than 3%
    assert printed_width([line for line in source.lines if line.text.strip()]) == max(len(line) for line in more)


def test_a_contact_box_in_a_printed_column_is_no_part_of_the_paragraph_it_interrupts() -> None:
    # Acrobat's "Save as Text" of a two-column booklet: a sidebar box between two halves of a
    # paragraph, the box's title after a line that ends on "your", its bullets a Symbol glyph.
    lines = [*_wrapped(INTRO, 50),
             "\uf0b7 rest when you need to, but try to stay a little", "active",
             "\uf0b7 check with us before taking any other medi-", "cines, vitamins or herbal remedies",
             "Hip replacement can affect how you move for a", "while, so ask your physiotherapist about your",
             "Information and Support Centre", "Drop in for a chat, help with money", "and work worries, or a cup of tea.",
             "Ground floor, Linden Building", "Monday to Friday, 9am to 4.30pm", "01632 960 150",
             "exercises before you go home, as they help.", "", "Main switchboard", "01632 960 000"]
    source = _source(lines)
    result = clean(source)
    kept = {block.line: block for block in result.blocks}
    reasons = {removal.line: removal.reason for removal in result.removed}
    n = len(_wrapped(INTRO, 50))
    assert kept[n + 1].kind == kept[n + 3].kind == "item" and kept[n + 1].text.startswith("rest when")
    # The paragraph goes on after the box, the box's lines are judged on their own: contact data.
    paragraph = kept[n + 5]
    assert paragraph.kind == "paragraph" and paragraph.text.endswith("about your exercises before you go home, as they help.")
    assert set(paragraph.skipped) == set(range(n + 7, n + 13))
    assert all(reasons[k].startswith(("contact", "opening hours")) for k in range(n + 7, n + 13))
    assert reasons[n + 7] == "contact block (the box's title and note)" and reasons[n + 15].startswith("contact block")
    _accounted_once(source, result)
