"""Every non-blank source line ends as a heading, a removal with its reason, or a fact in one cluster."""

from __future__ import annotations

from pipeline.models import Block, CleanSource, Cluster, Fact, Removal, Source, SourceLine, SourceMeta
from pipeline.text.accounting import unaccounted
from pipeline.text.clean import clean
from pipeline.text.dedupe import dedupe
from pipeline.text.facts import find_facts

PATH = "sources/t/page.txt"
LINES = ("About radiotherapy", "", "Radiotherapy uses high-energy rays to treat cancer.", "Share this page")


def source() -> Source:
    return Source(PATH, "utf-8", tuple(SourceLine(n, text) for n, text in enumerate(LINES, start=1)),
                  SourceMeta("page.txt"))


def fact(fid: str, line: int, text: str) -> Fact:
    return Fact(fid, text, text, PATH, line, "sentence")


def cleaned(blocks: tuple[Block, ...], removed: tuple[Removal, ...]) -> CleanSource:
    return CleanSource(PATH, SourceMeta("page.txt"), blocks, removed)


HEADING = Block(PATH, 1, "heading", LINES[0])
PARAGRAPH = Block(PATH, 3, "paragraph", LINES[2])
SHARE = Removal(PATH, 4, LINES[3], "social sharing")
STATEMENT = fact("f1", 3, LINES[2])


def test_a_page_whose_every_line_is_on_record_has_nothing_unaccounted():
    one = Cluster("c1", STATEMENT, (STATEMENT,), (PATH,))
    assert unaccounted([source()], [cleaned((HEADING, PARAGRAPH), (SHARE,))], [STATEMENT], [one]) == []


def test_a_line_neither_kept_nor_removed_is_named_with_file_and_line():
    one = Cluster("c1", STATEMENT, (STATEMENT,), (PATH,))
    lost = unaccounted([source()], [cleaned((HEADING, PARAGRAPH), ())], [STATEMENT], [one])
    assert lost == [f"{PATH}:4: neither kept nor removed: Share this page"]


def test_a_kept_paragraph_that_gave_no_statement_is_named():
    lost = unaccounted([source()], [cleaned((HEADING, PARAGRAPH), (SHARE,))], [], [])
    assert lost == [f"{PATH}:3: kept, but no statement came of it: {LINES[2]}"]


def test_a_statement_in_no_cluster_or_in_two_is_named():
    other = fact("f2", 3, "Radiotherapy treats cancer.")
    twice = (Cluster("c1", STATEMENT, (STATEMENT,), (PATH,)), Cluster("c2", STATEMENT, (STATEMENT,), (PATH,)))
    lost = unaccounted([source()], [cleaned((HEADING, PARAGRAPH), (SHARE,))], [STATEMENT, other], twice)
    assert lost == [f"{PATH}:3: the statement is in 2 facts: {LINES[2]}",
                    f"{PATH}:3: the statement is in no fact: Radiotherapy treats cancer."]


def test_the_real_stages_account_for_every_line_of_a_messy_page():
    text = ("Home | News | Contact\n\nSide effects of radiotherapy\n\nMost people feel tired during treatment. "
            "It usually gets better a few weeks after it ends.\nYou may notice:\n- red or itchy skin\n"
            "- hair loss in the treated area\n\nShare on Facebook\nCall us on 020 7946 0000\n")
    page = Source(PATH, "utf-8", tuple(SourceLine(n, line) for n, line in enumerate(text.split("\n"), start=1)),
                  SourceMeta("page.txt"))
    clean_page = clean(page)
    facts = find_facts([clean_page])
    assert unaccounted([page], [clean_page], facts, dedupe(facts)) == []
