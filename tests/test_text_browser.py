"""A page saved by a text-mode browser (lynx -dump): the browser's link numbers, buttons, image
placeholders, tables laid out in spaces and its closing list of addresses are read as such."""

from __future__ import annotations

from pipeline.models import Source, SourceLine, SourceMeta
from pipeline.text.clean import clean
from pipeline.text.text_browser import read_text_browser_dump

REFERENCES = ["", "References", "", "   Visible links:", "   1. https://www.example.org/", "   2. https://www.example.org/a",
              "   3. https://www.example.org/b", "   4. tel:+12535550141"]
PAGE = [
    "   [1]Skip to main content",
    "",
    "     * [2]Patients & Families",
    "     * [3]Cancer Types",
    "",
    "Having a CT Scan",
    "",
    "   [IMG]",
    "   The CT suite on level 1 of the Imaging Center.",
    "",
    "   A CT scan uses x-rays and a computer to make detailed pictures of the inside of",
    "   your body. Most scans are done at our [4]Imaging Center and take about ten",
    "   minutes.",
    "",
    "   Type of scan               Eating and drinking             Arrive",
    "   Without contrast           Eat and drink as usual          15 minutes early",
    "   With contrast in a vein    No food for 2 hours before;     30 minutes early",
    "                              clear fluids are fine",
    "",
    "   Call (253) 555-0147, day or night, if you have:",
    "     * hives or an itchy rash after the contrast injection",
    "     * swelling of your lips or face",
    "",
    "Related Pages",
    "",
    "     * [5]Having an MRI Scan",
    "     * [6]Understanding Your Test Results",
    "",
    "   (BUTTON) Accept all cookies  (BUTTON) Cookie settings",
]


def _lines(texts: list[str]) -> list[SourceLine]:
    return [SourceLine(n, text) for n, text in enumerate(texts, start=1) if text.strip()]


def _clean(texts: list[str]):
    numbered = tuple(SourceLine(n, text) for n, text in enumerate(texts, start=1))
    return clean(Source("sources/t/a.txt", "utf-8", numbered, SourceMeta("a.txt")))


def test_link_numbers_go_and_lines_of_links_are_marked_as_links() -> None:
    dump = read_text_browser_dump(_lines(PAGE + REFERENCES))
    page, addresses, removals = dump.page, dump.addresses, dump.removals
    by_number = {line.number: line for line in page}
    assert by_number[3].text.strip() == "* Patients & Families" and by_number[3].linked
    assert "at our Imaging Center and take" in by_number[11].text and not by_number[11].linked  # wrapped lines read whole
    assert by_number[11].last == 13 and by_number[11].text.endswith("about ten minutes.")
    assert by_number[29].text.strip() == "Accept all cookies  Cookie settings"
    assert [line.number for line in addresses] == [31, 33, 34, 35, 36, 37]
    assert {n for n, reason in removals.items() if reason.startswith("the page's list")} == {31, 33, 34, 35, 36, 37}
    assert removals[8].startswith("image") and removals[9].startswith("image caption")


def test_a_table_laid_out_in_spaces_is_read_as_rows_and_a_wrapped_cell_joins_its_row() -> None:
    page = read_text_browser_dump(_lines(PAGE + REFERENCES)).page
    rows = {line.number: line for line in page if "\t" in line.text}
    assert rows[17].text == "With contrast in a vein\tNo food for 2 hours before; clear fluids are fine\t30 minutes early"
    assert rows[17].last == 18 and 18 not in {line.number for line in page}


def test_the_page_keeps_its_article_and_loses_the_browsers_furniture() -> None:
    result = _clean(PAGE + REFERENCES)
    kept = {n for block in result.blocks for n in block.lines}
    assert {6, 11, 12, 13, 15, 16, 17, 18, 20, 21, 22} <= kept, kept
    assert not kept & {1, 3, 4, 8, 9, 26, 27, 29, 31, 33, 34, 35, 36, 37}, kept
    printed = " ".join(block.text for block in result.blocks)
    assert "[4]" not in printed and "Imaging Center and take about ten minutes." in printed


def test_without_its_list_of_addresses_a_file_is_not_read_as_a_dump() -> None:
    lines = _lines(["See note [1] below.", "", "[2]Read more about scans"])
    dump = read_text_browser_dump(lines)
    assert dump.page == lines and dump.addresses == [] and dump.removals == {} and dump.width == 0


def test_a_line_is_read_on_where_its_next_word_would_not_have_fitted_and_not_where_it_would() -> None:
    lines = _lines(["   Your appointment letter, or a call from our imaging team, will tell you",
                    "   how to prepare. This depends on the part of your body being scanned.",
                    "",
                    "   [1]Home > [2]Patients & Families > [3]Patient Education > Having a CT",
                    "   Scan",
                    "",
                    "   1400 Tidewater Avenue",
                    "   Port Alder, WA 98421"] + REFERENCES)
    page = {line.number: line for line in read_text_browser_dump(lines).page}
    assert page[1].last == 2 and page[4].last == 5 and page[4].text.strip().endswith("Having a CT Scan")
    assert page[7].last == 0 and page[8].text.strip() == "Port Alder, WA 98421"
