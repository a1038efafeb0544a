"""Clean: drop web-page boilerplate from a Source, keep its headings, paragraphs and list items.

Cleaning removes whole lines and says why (models.Removal); it never rewrites text beyond
stripping list/heading markers and surrounding whitespace. Passes, in order:
line rules (metadata, furniture lexicons, contact data) -> repeated lines -> captions beside
a photo credit -> list runs -> lines of links -> lines around contact data -> long unpunctuated
lines (captions) -> trailing comment and reference sections -> page header and footer outside
the article body -> runs of lines the site's other pages print too -> headings over removed
lines -> the learned model's second opinion -> kinds of the rest.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from bisect import bisect_left
from collections.abc import Callable, Mapping
from pathlib import PurePosixPath

from pipeline.text.bullets import BULLET
from pipeline.text.visit_summary import remove_visit_record
from pipeline.text.web_furniture import (
    ADDRESS,
    ANYWHERE,
    ATTENTION_LABEL,
    LANGUAGE_TAGLINE,
    BACK_TO_TOP,
    BARE_DATE,
    BYLINE,
    BYLINE_DASHES,
    BYLINE_PARTS,
    CALL_TO_ACTION,
    CITATION,
    COMMENT_HEADER,
    COMPANY,
    CONDITION,
    CONTACT,
    CONTACT_HOURS,
    CONTACT_LABEL,
    CROSS_REFERENCE,
    DOCUMENT_CODE,
    DATE,
    DEPICTION,
    FIRST_PERSON,
    HOME,
    IMAGE_FILE,
    JOB_TITLE,
    LINK_LEAD_IN,
    MARKDOWN_LINK,
    METADATA,
    METADATA_KEYS,
    META_SECTIONS,
    PHONE_DIGITS,
    PORTAL_MESSAGE,
    PRESENTER_NOTES,
    PRESENTER_NOTES_LABEL,
    POST_DETAILS,
    PRINT_FOOTER,
    PRINT_HEADER,
    QUIZ,
    READING_TIME,
    RELATED_HEADING,
    REPORTED,
    SEPARATORS,
    SIGNED_COMMENT,
    SIGNED_ITEM,
    SHORT_AGE_HEADER,
    STAFF_CARD,
    SITE_TAGLINE,
    SITE_NAME,
    SIGNED_STAFF_LINE,
    STAFF_LINE,
    STAFF_NAME,
    TRAILING_SECTIONS,
    TRANSCRIPT_TIMESTAMP,
    WHEN_TO_CALL,
    WHOLE_LINE,
    is_staff_job_line,
)
from pipeline.models import Block, CleanSource, Removal, Source, SourceLine
from pipeline.text.publisher_names import (fold_name, names_publisher, names_publisher_by_name, publisher_names,
                                          short_names)
from pipeline.text.chat_export import read_chat
from pipeline.text.citations import without_citation_links, without_markers
from pipeline.text.shortcodes import is_shortcodes_only, without_shortcodes
from pipeline.text.text_browser import read_text_browser_dump
from pipeline.text.hard_wraps import joined_text, page_words, read_printed
from pipeline.text.ingest import HTML_SUFFIXES, MARKDOWN_SUFFIXES
from pipeline.text.markdown_inline import plain_markdown, unquoted, without_attributes, without_inline_html
from pipeline.text.line_shapes import (
    EDGE_JUNK,
    HEADING_MARK,
    heading_level,
    LABEL_MAX_WORDS,
    SOFT_END,
    TABLE_ROW,
    TERMINAL,
    bare_text,
    fold_text,
    is_sentence,
    is_short_entry,
    is_term_list,
    line_ending,
    line_kind,
    lines_between,
    lines_touch,
    word_count,
)
from pipeline.text.line_model import REASON as MODEL_REASON
from pipeline.text.line_model import LineModel, second_opinion, site_words
from pipeline.text.rule_literals import may_match, required_literals
from pipeline.text.site_boxes import (
    has_called_number,
    remove_attachment_titles,
    remove_author_boxes,
    remove_biographies,
    remove_contact_surroundings,
    remove_kicker,
    remove_labels_over_values,
    remove_offers_above_calls_to_action,
    remove_prescribing_information,
    remove_price_tables,
    remove_pull_quotes,
    remove_sign_offs,
    remove_signed_quotes,
    remove_site_number_offers,
    remove_social_posts,
    remove_tab_title,
)

PARAGRAPH_MIN_WORDS = 8  # a "real paragraph" anchors the article body
CARD_PHRASE_MAX_WORDS = 12  # a related page's card: its title link, then a phrase saying what it is about
CAPTION_MIN_WORDS = 13  # longer unpunctuated lines are captions/alt texts, not headings
TAG_RUN, TAG_WORDS = 3, 3  # labels in a row, of at most so many words, between removed lines: tags or a menu
PROMO_MAX_WORDS = 30  # a line naming the publisher goes whole only up to this length
SITE_RUN = 2  # lines in a row another page of the site prints too that are the site's, not the article's
LONG_LINE_WORDS = 45  # longer lines are paragraphs: only the rules below may take one whole
_STAFF_LIST = "staff list (name and role)"
SITE_LABEL_MAX_WORDS = 4  # "AskMD Quick Answer": a label the site gives its box, not a heading
NAMES_SITE = "names the publishing site"
LONG_LINE_REASONS = frozenset({"cookie or privacy banner", "copyright notice", "disclaimer", "site alert",
                               "the clinic's prices and insurers", "comment form", "newsletter form",
                               "the provider's credits and ratings", "non-discrimination notice",
                               "a note on the saved page (not the page's)", "other formats of the page",
                               "link to another article (its teaser)", "a note to staff", "translation note",
                               "byline (who wrote the page)", "about this page (its readers and sources)"})


@dataclass(frozen=True)
class _PhraseRule:
    """A phrase pattern with what the loop over every line asks of it, worked out once."""

    rule: re.Pattern[str]
    reason: str
    literals: frozenset[str] | None  # texts it cannot match without (rule_literals): a quick pre-test
    on_raw: bool  # a contact pattern reads the line as written, the others the folded line
    takes_long_lines: bool  # it may take a paragraph longer than LONG_LINE_WORDS whole
    spares_advice: bool  # a number to call in advice ("call 911 if ...") is not the site's contact


_PHRASE_RULES = tuple(
    _PhraseRule(rule, reason, required_literals(rule), reason.startswith("contact"),
                reason in LONG_LINE_REASONS or reason.startswith("contact"),
                reason in ("contact: phone number", "contact block"))
    for rule, reason in ANYWHERE + CONTACT)

# Words around a Markdown link, with a sentence's end: "... (I keep [this bottle](https://...) in my bag)".
_PROSE_AROUND_LINK = re.compile(r"\w+ \w+ \[[^\]]+\]\([^)]*\)|\[[^\]]+\]\([^)]*\) \w+ \w+")
_COUNT = re.compile(r"\s*[(\[]\d+[)\]]?$")
_MORE_SENTENCES = re.compile(r"\w[.!?]\s+[A-Z]")
_FIRST_SENTENCE_END = re.compile(r"\w[.!?]\s+\w")  # in folded (lower-case) text
# What still speaks of pages after a page's description ("For X, see Y.", "the Swedish text applies");
# so does a deferral to the reader's own team ("It doesn't replace advice from your oncology team.").
_ABOUT_PAGES = re.compile(r"\b(pages?|articles?|texts?|versions?|leaflets?|guides?|booklets?|website|site|see|"
                          r"replaces?|instructions|your own|advice from your|(a )?medical emergency|"
                          r"read (it|this) (together )?with|ask your [\w ]{1,20} for (more )?(information|details)|"
                          r"(it|they) (explains?|describes?|covers?|tells? you|gives?|looks? at))\b",
                          re.IGNORECASE)
_EMPHASIS = re.compile(r"\*+|(?<!\w)_+|_+(?!\w)")
_EMPHASISED = re.compile(r"^\s*([*_]).+\1\s*$")


def clean(source: Source, shared: frozenset[int] = frozenset(), model: LineModel | None = None,
          repeated: Mapping[int, str] | None = None) -> CleanSource:
    """Remove boilerplate lines from a source and classify the rest as content blocks.

    shared: numbers of lines another source of the topic repeats as site furniture (site_template).
    repeated: lines another page of the same site prints too: number -> that page (site_repeats).
    model: the learned second opinion on the lines the rules keep (line_model); None: rules alone.
    """
    suffix = PurePosixPath(source.path).suffix.lower()
    html = suffix in HTML_SUFFIXES
    lines = [line for line in source.lines if line.text.strip()]
    if suffix in MARKDOWN_SUFFIXES:  # a Word document through pandoc: its styles and anchors are no words
        lines = [replace(line, text=plain) if (plain := without_inline_html(without_attributes(line.text))).strip()
                 and plain != line.text else line for line in lines]
    page_furniture: set[int] = set()
    browser_marks: dict[int, str] = {}
    if not html:  # text copied from a PDF, a print preview or an e-mail: its paragraphs as paragraphs
        dump = read_text_browser_dump(lines)
        if dump.width:  # a text browser's dump, its wrapped lines already read whole
            lines, browser_marks = dump.page + dump.addresses, dump.removals
        else:
            lines, page_furniture = read_printed(_ocr_bullets(lines))
    else:  # a PDF shown as HTML, one element a printed line (pdf2htmlEX, pdftohtml), is read as printed
        lines, page_furniture = read_printed(lines)
    texts = [line.text.strip() for line in lines]
    removed: dict[int, str] = {i: "site template (the same menu in another source)"
                               for i, line in enumerate(lines) if line.number in shared}
    removed.update({i: browser_marks[line.number] for i, line in enumerate(lines) if line.number in browser_marks})
    removed.update({i: _RUNNING for i, line in enumerate(lines)
                    if line.number in page_furniture})
    # "8.<TAB>Getting your results" is read as the heading it is, not as a list's item: every
    # rule below sees its title alone (the removal record keeps the line as written).
    for i in _numbered_headings(texts, [i for i in range(len(texts)) if i not in removed]):
        texts[i] = _NUMBERED.match(texts[i]).group(2)
    _strip_time_stamps(texts)
    texts = [without_citation_links(text) for text in texts]  # "cells.[1](https://...)": the sentence, not its source
    _remove_shortcodes(texts, removed)
    if suffix in MARKDOWN_SUFFIXES:
        _remove_pandoc_anchors(texts, removed)
        _remove_tables_to_fill_in(lines, texts, removed)
        _remove_source_marks(texts, removed)
    metadata: list[tuple[str, str]] = []
    publisher = publisher_names(source.meta.publisher)
    read_chat(texts, removed, publisher)
    _remove_outside_landmarks(lines, texts, removed)
    _remove_front_matter(texts, removed)
    for i, text in enumerate(texts):
        if i in removed:
            continue
        found = _metadata(bare_text(text))
        if found:
            metadata.extend(found)
            removed[i] = "metadata: " + ", ".join(key for key, _ in found)
        elif reason := _line_reason(text, publisher):
            removed[i] = reason
    for i, date in _page_dates(texts, removed):
        key = "reading time" if READING_TIME.fullmatch(date) else "published"
        metadata.append((key, date))
        removed[i] = f"metadata: {key} (alone above the article)"
    restored = _keep_headings_over_the_article(texts, removed)
    _remove_jobs_under_names(lines, texts, removed)
    _remove_chapter_lists(texts, removed)
    _remove_mail_headers(lines, texts, removed)
    remove_visit_record(lines, texts, removed)
    _remove_speaker_labels(texts, removed)
    _remove_comment_handles(texts, removed)
    _remove_comment_bodies(texts, removed)
    _remove_document_comments(texts, removed)
    _remove_promoted_posts(lines, texts, removed)
    _remove_notes_to_presenter(lines, texts, removed)
    _remove_breadcrumb_columns(lines, texts, removed)
    remove_labels_over_values(lines, texts, removed)
    _remove_contents_lists(texts, removed)
    _remove_contents_entries(lines, texts, removed)
    _remove_meta_sections(lines, texts, removed, publisher)
    remove_prescribing_information(texts, removed)
    remove_price_tables(lines, texts, removed)
    remove_signed_quotes(texts, removed)
    remove_sign_offs(lines, texts, removed)
    _remove_quoted_messages(texts, removed)
    _remove_letter_openings(texts, removed)
    remove_author_boxes(texts, removed)
    _remove_repeats(texts, removed)
    remove_pull_quotes(texts, removed)
    if PurePosixPath(source.path).suffix.lower() in MARKDOWN_SUFFIXES:
        remove_tab_title(texts, removed, publisher)
        _remove_clipper_excerpt(texts, removed)
        _remove_quoted_teasers(texts, removed)
    _remove_credited_captions(lines, texts, removed, PurePosixPath(source.path).suffix.lower() in MARKDOWN_SUFFIXES)
    # Text saved from a browser keeps a list's items as lines of their own, bullets or not; in
    # Markdown a line run without blank lines may be one wrapped paragraph, and HTML has none.
    plain = not html and suffix not in MARKDOWN_SUFFIXES
    if html:
        remove_kicker(lines, texts, removed)
    _remove_tab_labels(texts, removed)
    _remove_step_numbers(texts, removed)
    items, runs = _list_items(lines, texts, removed, plain, html)
    items |= _table_rows(lines, texts, removed)
    box_rows = _fact_box_rows(texts, removed)
    items |= box_rows
    _remove_reference_items(lines, texts, removed, items)
    _remove_link_lines(lines, texts, removed, runs)
    if plain:
        _remove_box_links(lines, texts, removed, items)
    _remove_links_under_link_headings(lines, texts, removed, html)
    remove_contact_surroundings(lines, texts, removed, items)
    remove_offers_above_calls_to_action(lines, texts, removed, items)
    _remove_box_texts(lines, texts, removed, items)
    _remove_place_captions(lines, texts, removed)
    titles = _dated_titles(lines, texts, removed)
    hyphenated = _hyphen_wraps(lines, texts, removed)  # "... during treat-" / "ment, a few weeks after it"
    for i, text in enumerate(texts):
        # Not a fact box's row ("How often: in cycles, with rest weeks between") nor a table's header row.
        if i not in removed and i not in items and i not in titles and i not in hyphenated and _is_caption_length(text) \
                and not _is_label_item(text) and not TABLE_ROW.match(text) and text.count("\t") < 2 \
                and not _in_tab_table(texts, i):  # a table's row
            removed[i] = "image caption (long line without final punctuation)"
    _remove_form_text(lines, texts, removed)
    _remove_links_over_their_address(lines, texts, removed)
    remove_attachment_titles(lines, texts, removed)
    _remove_card_blurbs(texts, removed)
    remove_social_posts(texts, removed)
    _remove_leads_of_removed_links(lines, texts, removed)
    _remove_headings_of_removed_lines(lines, texts, removed, items, html)
    _remove_trailing_sections(texts, removed)
    _remove_outside_body(lines, texts, removed, runs, titles, box_rows)
    _remove_form_notes(texts, removed)
    _remove_poll_questions(texts, removed)
    _remove_tag_runs(lines, texts, removed, items)  # inside the body: a menu above it went with the header
    remove_site_number_offers(lines, texts, removed, items)
    if repeated:
        _remove_site_repeats(lines, texts, removed, repeated, _vouched(texts, removed, titles, runs), titles)
        _remove_card_blurbs(texts, removed)  # the last card's, over a box the site's other pages repeat
    # Again: a heading over a box that only the passes since took whole ("Need to talk?" over the
    # site's helpline, "Download the fact sheet" over a download link and the body's end).
    _remove_headings_of_removed_lines(lines, texts, removed, items, html)
    if model is not None and source.meta.language.split("-")[0].lower() == model.language:
        repeats = frozenset(i for i, line in enumerate(lines) if line.number in (repeated or {}))
        second_opinion(lines, removed, _vouched(texts, removed, titles, runs), model, site_words(publisher), repeats)
        _remove_headings_of_removed_lines(lines, texts, removed, items, html)  # over what the model took
        _remove_card_blurbs(texts, removed)  # under a card's title the model took
    _remove_truncated_titles(lines, texts, removed)
    _remove_property_rows(lines, texts, removed)
    _remove_form_labels(texts, removed)  # between fields the site's other pages repeat
    _remove_consent_panels(texts, removed)
    remove_biographies(texts, removed)  # under a name any rule took, the model's too
    _drop_headings_over_removed(restored, removed)
    wrapped = _wrapped_items(lines, texts, removed, items)
    _add_hyphen_wraps(wrapped, hyphenated, removed)
    read_into_item = {k for rest in wrapped.values() for k in rest}
    words = page_words(texts) if hyphenated else frozenset()
    printed = _markdown_printed if suffix in MARKDOWN_SUFFIXES else _plain_printed
    blocks = [Block(source.path, lines[i].number, kind,
                    _without_toggle(joined_text([printed(texts[k]) for k in [i, *wrapped.get(i, [])]], words), kind),
                    lines[wrapped[i][-1]].end if i in wrapped else lines[i].last,
                    heading_level(lines[i]) if kind == "heading" else 0,
                    tuple(n for k in [i, *wrapped.get(i, [])] for n in lines[k].skipped))
              for i in range(len(lines)) if i not in removed and i not in read_into_item
              for kind in [line_kind(texts[i], i in items)]]
    removals = _removals(source, lines, texts, removed)
    return CleanSource(path=source.path, meta=source.meta, blocks=tuple(blocks),
                       removed=tuple(removals), found_metadata=tuple(metadata))


_BOX_EDGE = re.compile(r"\w{0,2}[-—–_=─━═|┌┐└┘]{10,}\w{0,2}")
# A scanned page's bullets as OCR reads them: "e tiredness ...", "© hair loss ...".
_OCR_BULLET = re.compile(r"^(e|©|«|¢)\s+(?=[a-z])")
OCR_LIST_MIN_ITEMS = 2


def _ocr_bullets(lines: list[SourceLine]) -> list[SourceLine]:
    """A list under a lead-in whose bullets the OCR read as letters or signs ("e tiredness",
    "e hair loss"): each such mark is read as the bullet it was, so its items are not run into one
    line nor printed with the stray letter. At least two items, right under a line ending in ":"
    (continuation lines between them start in lower case)."""
    out = list(lines)
    k = 0
    while k < len(out):
        if not (k and out[k - 1].text.rstrip().endswith(":") and _OCR_BULLET.match(out[k].text)):
            k += 1
            continue
        marks, j = [k], k + 1
        while j < len(out) and (_OCR_BULLET.match(out[j].text) or out[j].text[:1].islower()):
            marks += [j] if _OCR_BULLET.match(out[j].text) else []
            j += 1
        if len(marks) >= OCR_LIST_MIN_ITEMS:
            for m in marks:
                out[m] = replace(out[m], text=_OCR_BULLET.sub("• ", out[m].text, count=1))
        k = j
    return out


# An accordion's open or closed sign after its heading ("How is chemotherapy given? +"), as a page
# copied on a phone keeps it: the page's control, not the heading's words.
_TOGGLE_SIGN = re.compile(r"\s+[+−▾▴▼▲▸▹►⌄⌃⊕⊖]$")


def _remove_pandoc_anchors(texts: list[str], removed: dict[int, str]) -> None:
    """Remove a line of pandoc's Markdown that holds nothing but an anchor ("[]{#_Toc12 .anchor}")."""
    for i, text in enumerate(texts):
        if not without_attributes(text).strip():
            removed.setdefault(i, "a Word bookmark's anchor (no words)")


# A site generator's template tag alone on a line (Hugo's "{{< callout >}}", "{{% notice info %}}",
# Jekyll's "{% include cta.html %}"), an MDX page's components and comments ("<Tabs groupId="x">",
# "<PrintButton />", "{/* owner: ... */}"), and an HTML comment, which a Markdown page never shows.
_TAG = r"\{\{[<%].*?[%>]\}\}|\{%.*?%\}|\{\{[^{}]*\}\}|</?[A-Za-z][\w.:-]*(\s[^<>]*)?/?>|\{/\*.*?\*/\}|:::\w+"
# A component the page names as the site's notice ("<ServiceNotice ...>", "<SiteAlert>", "<Banner>"): its
# lines are a site-wide alert, where a callout ("<Callout>", ":::caution") is the article's.
_NOTICE_COMPONENT = re.compile(r"^<((Site|Service)(Notice|Alert|Status|Banner|Message)|(\w*)(Banner|Announcement))\b[^<>]*(?<!/)>$")
_TEMPLATE_TAG = re.compile(rf"^(\s*({_TAG}))+\s*$")
_COMMENT_OPEN, _COMMENT_CLOSE = "<!--", "-->"
SOURCE_TAG = "a site generator's template tag (never shown as text)"


def _remove_source_marks(texts: list[str], removed: dict[int, str]) -> None:
    """Remove what a Markdown page's source holds but its site never prints: template tags alone on
    a line, and HTML comments (an editor's "<!-- TODO: check dose wording with pharmacy -->"), one
    line or several. The text inside a tag pair ("{{< callout >}}" ... "{{< /callout >}}") stays."""
    in_comment, notice = False, ""
    for i, text in enumerate(texts):
        stripped = text.strip()
        if notice:
            removed.setdefault(i, "site alert (a notice component of the page's source)")
            notice = "" if stripped.startswith(f"</{notice}") else notice
        elif found := _NOTICE_COMPONENT.match(stripped):
            notice = found.group(1)
            removed.setdefault(i, "site alert (a notice component of the page's source)")
        elif in_comment or stripped.startswith(_COMMENT_OPEN):
            removed.setdefault(i, "an editor's comment in the page's source (never shown)")
            in_comment = _COMMENT_CLOSE not in stripped[len(_COMMENT_OPEN) if not in_comment else 0:]
        elif _TEMPLATE_TAG.match(stripped):
            removed.setdefault(i, SOURCE_TAG)


def _remove_shortcodes(texts: list[str], removed: dict[int, str]) -> None:
    """Remove a line of a page builder's shortcodes alone, and leave them out of the lines they are
    glued to ("[/et_pb_text][/et_pb_column]", "[et_pb_text ...]Chemotherapy is ..."): a list goes on
    over them as over a template's tags."""
    for i, text in enumerate(texts):
        if "[" not in text:
            continue
        if is_shortcodes_only(text):
            removed.setdefault(i, SOURCE_TAG)
        else:
            texts[i] = without_shortcodes(text)


_TABLE_RULE = re.compile(r"^\s*-{3,}( +-{3,})*\s*$")
_FILL_IN_INTRO = re.compile(r"\b(fill in|fill out|write (down |in )?|complete)\b.{0,40}\b(below|here|this (table|form|box))\b",
                            re.IGNORECASE)
FILL_IN = "write-in space (a table to fill in)"


def _remove_tables_to_fill_in(lines: list[SourceLine], texts: list[str], removed: dict[int, str]) -> None:
    """Remove a table to fill in by hand, as pandoc writes a Word document's ("Your consultant" /
    "Date of first treatment" over an empty column): most of its rows leave their last column
    empty. The line above that asks to fill it in and the note under it for its starred labels
    go with it."""
    rules = [i for i, text in enumerate(texts) if _TABLE_RULE.match(lines[i].text)]
    for top, bottom in zip(rules, rules[1:]):
        # A row's lines stand together; a blank line parts rows (a multiline table's).
        rows: list[list[int]] = []
        for i in range(top + 1, bottom):
            if rows and lines_touch(lines, rows[-1][-1], i):
                rows[-1].append(i)
            else:
                rows.append([i])
        # A header row over the table's columns sits between its top rule and the one that sets them.
        columns = max(([m.start() for m in re.finditer(r"-+", lines[k].text)] for k in (top, bottom)), key=len)
        if len(rows) < 2 or len(columns) < 2 or bottom - top > 40:
            continue
        empty = sum(all(len(lines[i].text.rstrip()) <= columns[-1] for i in row) for row in rows)
        if empty < 2 / 3 * len(rows):
            continue
        above = max((k for k in rules if k < top), default=-1)
        if above >= 0 and top - above == 2:
            top = above  # the table's header row ("Your appointment") between its top rule and its columns'
        for i in range(top, bottom + 1):
            removed[i] = FILL_IN
        if top > 0 and _FILL_IN_INTRO.search(texts[top - 1]):
            removed.setdefault(top - 1, FILL_IN)
        if bottom + 1 < len(texts) and texts[bottom + 1].lstrip("\\").startswith("*") \
                and "*" in " ".join(texts[top:bottom]):
            removed.setdefault(bottom + 1, FILL_IN)


def _without_toggle(text: str, kind: str) -> str:
    """A heading's text without the accordion sign after it."""
    return _TOGGLE_SIGN.sub("", text) if kind == "heading" else text


def _plain_printed(text: str) -> str:
    """A text file's line as printed: without an e-mail's quote marks ("> A CT scan ...")."""
    return bare_text(unquoted(text))


def _markdown_printed(text: str) -> str:
    """A Markdown line's words as printed: out of its quoted box, without list, heading or inline marks."""
    return plain_markdown(bare_text(unquoted(text)))


def _removals(source: Source, lines: list[SourceLine], texts: list[str], removed: dict[int, str]) -> list[Removal]:
    """What cleaning removed, line by line; a wrapped paragraph removed whole gives each of its
    lines, with its own text, so the review and the accounting see the file's lines."""
    file_texts = {line.number: line.text.strip() for line in source.lines} if any(line.last for line in lines) else {}
    removals = []
    for i, reason in sorted(removed.items()):
        if not lines[i].last:
            removals.append(Removal(source.path, lines[i].number, lines[i].text.strip(), reason))
            continue
        removals.extend(Removal(source.path, number, file_texts[number], reason)
                        for number in range(lines[i].number, lines[i].end + 1)
                        if file_texts.get(number) and number not in lines[i].skipped)
    return removals


# A link's title a widget cut short ("Radiation therapy: planning, daily sessions and c..."): the dots
# right after a letter, the word cut.
_CUT_TITLE = re.compile(r"[^\W\d_](\.\.\.|…)$")


def _remove_truncated_titles(lines: list[SourceLine], texts: list[str], removed: dict[int, str]) -> None:
    """A title cut short between two removed lines it touches (a blog's archive list, a "popular
    posts" box): the widget's link."""
    for i in range(1, len(texts) - 1):
        if i not in removed and _CUT_TITLE.search(texts[i].rstrip()) and i - 1 in removed and i + 1 in removed \
                and lines_touch(lines, i - 1, i) and lines_touch(lines, i, i + 1):
            removed[i] = "navigation (a link's title cut short, between removed lines)"


_STEP_NUMBER = re.compile(r"\d{1,3}")


def _remove_step_numbers(texts: list[str], removed: dict[int, str]) -> None:
    """A number alone on a line that no rule read as anything else (a like count, a page's number):
    a how-to page's step number over the step ("1" / "Ask your oncologist ..."). It says nothing
    the step's place in the text does not."""
    for i, text in enumerate(texts):
        if i not in removed and _STEP_NUMBER.fullmatch(text.strip()):
            removed[i] = "step number (a number alone on a line)"


def _remove_jobs_under_names(lines: list[SourceLine], texts: list[str], removed: dict[int, str]) -> None:
    """A job title alone right under a name the staff rules took ("Priya Raman, RN, OCN" /
    "Oncology Nurse Navigator"): an author card's or an expert's second line."""
    for i in range(1, len(texts)):
        if i not in removed and removed.get(i - 1) == _STAFF_LIST and lines_touch(lines, i - 1, i) \
                and JOB_TITLE.match(bare_text(texts[i]).strip()):
            removed[i] = _STAFF_LIST


def _remove_site_repeats(lines: list[SourceLine], texts: list[str], removed: dict[int, str],
                         repeated: Mapping[int, str], vouched: set[int], titles: set[int]) -> None:
    """Remove a run of two or more lines that another page of the same site prints too: the site's
    banner, box, appeal or footer, copied onto each of its pages.

    One line alone is left: an article may share a sentence or a symptom with its site's other
    articles ("You will have a blood test before each treatment."). So are a heading over the
    article's own lines, the title, a list under its lead-in, a table with a header row and a
    sentence telling when to call: the rules stand by those (_vouched).
    """
    i = 0
    while i < len(lines):
        end = i
        while end < len(lines) and lines[end].number in repeated:
            end += 1
        if end - i >= SITE_RUN:
            # From the run's end up: a heading goes with the site's lines under it, and stays over
            # the article's own (those after the run, or a list under its lead-in).
            takes = False
            for k in reversed(range(i, end)):
                takes = takes if _reads_as_heading(texts[k]) else k not in vouched
                if takes and k not in removed and k not in titles:  # the title over a byline the site repeats stays
                    removed[k] = f"site furniture (also on the site's page {repeated[lines[k].number]})"
        i = end + 1


def _reads_as_heading(text: str) -> bool:
    """A marked heading, a short question ("When should you call for help?") or a line without
    final punctuation that is no list item or table row."""
    if HEADING_MARK.match(text) or (line_ending(text) == "?" and word_count(text) <= 10):
        return True
    return line_ending(text) not in TERMINAL and not BULLET.match(text) and not TABLE_ROW.match(text) \
        and "\t" not in text.strip()


def _vouched(texts: list[str], removed: dict[int, str], titles: set[int], runs: dict[int, int]) -> set[int]:
    """Kept lines the rules stand by against the learned model and the site's other pages: the
    page's title, a list under its lead-in, a table with a header row, and a sentence that says
    when to call someone."""
    kept = [i for i in range(len(texts)) if i not in removed]
    vouched = titles | set(kept[:1])
    for lead, last in runs.items():
        vouched.update(range(lead, last + 1) if last != lead else ())
    for i in range(len(texts) - 1):
        if TABLE_ROW.match(texts[i]) and _is_rule_row(texts[i + 1]):
            end = i + 2
            while end < len(texts) and TABLE_ROW.match(texts[end]):
                end += 1
            vouched.update(range(i, end))
    vouched.update(i for i in kept if _tells_when_to_call(texts[i]))
    return vouched - set(removed)


def _tells_when_to_call(text: str) -> bool:
    """'When the surgery is closed, call NHS 111 for urgent help.': a condition and a call, in a sentence."""
    words = PHONE_DIGITS.sub(" ", text)
    return is_sentence(text) and word_count(words) >= PARAGRAPH_MIN_WORDS and bool(CONDITION.search(words)) \
        and bool(CALL_TO_ACTION.search(words))


_REGION_REASONS = {"alert": "site alert (an HTML alert)", "nav": "navigation (an HTML <nav> or search)",
                   "form": "form (an HTML <form>)",
                   "header": "page header (outside <main>)", "footer": "page footer (outside <main>)",
                   "aside": "sidebar (outside <main>)", "": "outside the page's <main> content"}


def _remove_outside_landmarks(lines: list[SourceLine], texts: list[str], removed: dict[int, str]) -> None:
    """HTML pages say where their content is: remove alerts and menus, and, on a page with a <main>
    or <article>, what lies outside it (header, footer, sidebars), but not the page's title (an
    <h1> outside <main> when <main> has none)."""
    main = [i for i, line in enumerate(lines) if line.region == "main"]
    title = None
    # An <h1> anywhere in <main> is the page's title (under a library's label, "Patient Library · Tests").
    if main and not HEADING_MARK.match(texts[main[0]]) and not any(lines[i].level == 1 for i in main):
        # A page hero's heading above <main> titles the page when <main> opens without one.
        title = next((i for i in range(main[0] - 1, -1, -1) if lines[i].region in ("header", "")
                      and HEADING_MARK.match(texts[i])), None)
    for i, line in enumerate(lines):
        region = line.region
        if i != title and (region in ("alert", "nav", "form", "header", "footer", "aside") or (main and region != "main")):
            removed[i] = _REGION_REASONS[region]
        elif line.marked == "doc-pagebreak":
            removed[i] = "page number (a printed page's break marker)"
        elif line.marked:
            removed[i] = f'a box the page names as its own (class or id "{line.marked}")'


# A saved e-mail's header lines, at the top or under an earlier message's separator.
_MAIL_HEADER = re.compile(r"^(from|to|cc|bcc|subject|date|sent|reply-to|return-path|list-[\w-]+|message-id|mime-version|"
                          r"content-[\w-]+|x-[\w-]+|importance|organi[sz]ation|user-agent|references|in-reply-to|"
                          r"delivered-to|received|sender|precedence|errors-to|thread-[\w-]+|dkim-signature|arc-[\w-]+|"
                          r"authentication-results)\s*:\s*\S", re.IGNORECASE)
_MAIL_ADDRESSING = frozenset({"from", "to", "cc", "subject", "date", "sent"})
_MAIL_SEPARATOR = re.compile(r"^-{2,}\s*(original message|forwarded message)\s*-{2,}$", re.IGNORECASE)


def _remove_mail_headers(lines: list[SourceLine], texts: list[str], removed: dict[int, str]) -> None:
    """Remove a saved e-mail's headers ("From: ...", "Subject: ...", "Date: ...", a dated header
    stays metadata): a run of header lines that addresses a message at least twice over, at the
    top of the file or under "-----Original Message-----", with that separator. A header folded
    onto the next line goes on there indented."""
    starts = [0] + [k + 1 for k, text in enumerate(texts) if _MAIL_SEPARATOR.match(text)]
    for start in starts:
        end = start
        while end < len(texts) and (_MAIL_HEADER.match(texts[end]) or end > start and lines[end].text[:1] in " \t"
                                    and lines_touch(lines, end - 1, end)):
            end += 1
        names = {texts[k].split(":")[0].strip().casefold() for k in range(start, end)}
        if len(names & _MAIL_ADDRESSING) >= 2:
            for k in range(max(0, start - 1), end):
                if not removed.get(k, "").startswith("metadata"):  # the date stays the page's metadata
                    removed[k] = "e-mail header"


# A transcript's speaker, alone on a line before each turn: "NURSE HOLLIS:", "DR. OKAFOR:".
_SPEAKER = re.compile(r"^[A-Z][A-Z.'’-]*( [A-Z][A-Z.'’-]*){0,3}:$")
# What speakers say to each other, not to the listener: "Thanks for having me.", "Welcome to you both."
_SMALL_TALK = re.compile(r"^(\w+, ){0,3}(thanks|thank you|welcome|glad|happy|great|nice|my pleasure|always happy|good to)\b[^?]*$|"
                         r"\b(thanks for having (me|us)|welcome to (you both|the show|the podcast|the program)|"
                         r"thank you (both|all)( so much)?|great to be here|glad to be here)\b", re.IGNORECASE)


def _remove_speaker_labels(texts: list[str], removed: dict[int, str]) -> None:
    """Remove a transcript's speaker labels, and its small talk: a capitalised name with a colon,
    alone on a line, that comes back before another turn (a heading in capitals is printed once),
    and, on a page with three turns or more, the short lines of greetings and thanks."""
    labels: dict[str, list[int]] = {}
    for i, text in enumerate(texts):
        if i not in removed and _SPEAKER.match(text.strip()) and len(text) <= 40:
            labels.setdefault(text.strip(), []).append(i)
    turns = [i for found in labels.values() if len(found) >= 2 for i in found]
    for i in turns:
        removed[i] = "transcript speaker label"
    if len(turns) < 3:
        return
    for i, text in enumerate(texts):
        if i not in removed and word_count(text) <= 14 and _SMALL_TALK.search(text):
            removed[i] = "transcript small talk"


def _remove_front_matter(texts: list[str], removed: dict[int, str]) -> None:
    """Remove a Markdown file's YAML front matter (a web clipper's title, source, dates, tags)."""
    if not texts or texts[0] != "---":
        return
    end = next((k for k in range(1, min(len(texts), 60)) if texts[k] in ("---", "...")), None)
    if end is not None and all(re.match(r"^([\w-]+\s*:|-\s)", texts[k]) for k in range(1, end)):
        for k in range(end + 1):
            removed[k] = "front matter (the saved page's metadata)"


_CATEGORY = re.compile(r"[A-Z][\w&'’-]*( (&|and|[A-Z][\w&'’-]*)){0,2}")  # a blog's category, as a byline ends


# A blank to write in ("Date: ____________"): a form's field, with no value to record.
_BLANK_VALUE = re.compile(r":\s*(_{3,}|\.{6,}|…{2,})")


@lru_cache(maxsize=1 << 16)  # a site's furniture repeats on each of its pages: each line is judged once
def _metadata(text: str) -> tuple[tuple[str, str], ...]:
    """Return (key, value) pairs if the line is a date/author line ('By X | Updated: 3 May 2021')."""
    if _BLANK_VALUE.search(text):
        return ()
    return tuple(_metadata_split(text, BYLINE_PARTS) or _metadata_split(text, BYLINE_DASHES))


def _metadata_split(text: str, splitter: re.Pattern[str]) -> list[tuple[str, str]]:
    """_metadata with the line's parts as splitter cuts them."""
    parts = splitter.split(text)
    if word_count(text) > (16 if len(parts) == 1 else 30):  # "By ... | Updated ... | 8 min read": each part is checked
        return []
    found = []
    for k, part in enumerate(parts):
        if READING_TIME.fullmatch(part):
            continue
        pair = _metadata_part(part)
        if pair is None and len(parts) > 1 and BARE_DATE.fullmatch(part):
            pair = ("published", part)  # a date standing beside a byline or another date
        if pair is None and k == 0 and len(parts) > 2 and _KIND.fullmatch(part):
            pair = ("kind", part)  # "Patient guide · Updated January 2025 · 8 min read"
        if pair is None and k == len(parts) - 1 and len(parts) > 2 and found and _CATEGORY.fullmatch(part):
            pair = ("category", part)  # "By Dr Helen Park, MD - September 16, 2024 - Imaging"
        if pair is None:
            return []
        found.append(pair)
    # A bare date alone is no metadata line: "12 June 2024" may head a timeline; beside a reading
    # time ("June 9, 2025 · 5 min read") it dates the page.
    dated = len(parts) > 1 and any(READING_TIME.fullmatch(part) for part in parts)
    return found if dated or any(_metadata_part(part) for part in parts) else []


def _page_dates(texts: list[str], removed: dict[int, str]) -> list[tuple[int, str]]:
    """A date alone on a line above the article's first paragraph dates the page ("Sunday,
    September 24, 2023" over a blog post's title); further down it may head a timeline. So does
    a reader view's estimate of the reading time ("8–11 minutes") say how long the page is."""
    start = _article_start(texts, removed)
    return [(i, bare) for i in range(start or 0) if i not in removed
            and (BARE_DATE.fullmatch(bare := bare_text(texts[i]).strip(EDGE_JUNK)) or READING_TIME.fullmatch(bare))]


def _metadata_part(text: str) -> tuple[str, str] | None:
    """Return (key, value) for one piece of a byline, e.g. ('last update', '01/04/2020')."""
    if match := BYLINE.match(text):
        return ("author", match["value"] or match["source"])
    if match := SITE_TAGLINE.match(text):
        return ("source", match["source"])
    if match := DOCUMENT_CODE.match(text):
        return ("document", match["value"])
    match = METADATA.match(text)
    if not match or re.search(r":\s+\w+(\s+\w+){3}", match["value"]):
        return None  # "Updated May 2025: we added a section on ..." is a note, not a date
    label = fold_text(match["label"])
    key = next((key for stem, key in METADATA_KEYS if stem in label), "published")
    return (key, match["value"].strip(" |–—-"))


_PRINTED_LINK = re.compile(r"(?<!\])\s*\((?:https?://|www\.|/)[^\s()]*\)")  # not Markdown's "[text](/url)"
_PRINTED_LINK_LINE = re.compile(r"[^.!?]+\((?:https?://|www\.|/)[^\s()]*\)")
_KIND = re.compile(r"[A-Z][a-z]+( [a-z]+){0,2}")  # what sort of page a byline calls it: "Patient guide", "News"
# A call-out's icon after its quote mark ("> 📌 This page explains ...").
_CALLOUT_ICON = re.compile(r"^[^\w\s\[(*_\"'“‘#]{1,3}\s+")
# A provider card's badge: "JCI accredited", "ISO 9001 German Cancer Society certified".
_ACCREDITED = re.compile(r"\b(accredited|accreditation|certified|iso \d{4,5})\b")
BADGE_MAX_WORDS = 8


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    """Country and territory names in English (Babel's locale data), folded."""
    from babel import Locale  # only when a line could be a place: Babel's data loads on first use
    return frozenset(fold_text(name) for name in Locale("en").territories.values())


def _is_place_name(text: str) -> bool:
    """A line that only names a place: "Düsseldorf, Germany", "Gurugram (Delhi NCR), India" (a
    provider card's or an address's last line)."""
    head, _, country = text.strip().rpartition(",")
    named = all(word[:1].isupper() or word[:1] == "(" for word in head.split())
    return bool(head) and 1 <= word_count(head) <= 4 and named and "." not in head \
        and fold_text(country.strip(" .")) in _countries()


# Pictographs that open a line as its icon (emoji, dingbats, with their variation selectors).
_PICTOGRAPH = re.compile(r"^(?:[\u2600-\u27BF\U0001F300-\U0001FAFF][\uFE0F\u200D\U0001F3FB-\U0001F3FF]*)+\s+")


def _out_of_callout(text: str) -> str:
    """A line's text without a call-out's quote mark and icon ("> 🚨 Call us ..." is "Call us ...")."""
    inner = unquoted(text)
    return _CALLOUT_ICON.sub("", inner) if inner != text else text


def _section_label(text: str) -> str:
    """A heading's own words, folded: without its accordion sign, call-out marks or pictographs
    ("Does my insurance cover it? +", "> [!info] Planned maintenance", "❄️ Parking for patients")."""
    inner = _OBSIDIAN_TYPE.sub("", _out_of_callout(_TOGGLE_SIGN.sub("", text)))
    return fold_text(_PICTOGRAPH.sub("", bare_text(inner))).strip(EDGE_JUNK)


_OBSIDIAN_TYPE = re.compile(r"^\s*\[![\w-]+\][+-]?\s*")  # a Markdown call-out's type: "[!info] Planned maintenance"
_EMPHASIS_EDGES = re.compile(r"^[*_]+(?=\w)|(?<=[\w.!?])[*_]+$")


# A picture's description is a phrase, even with a full stop: a sentence has a finite verb.
_FINITE = re.compile(r"\b(is|are|was|were|be|been|can|could|may|might|will|would|shall|should|must|has|have|had|"
                     r"do|does|did|need|needs|get|gets|feel|feels|helps?|makes?|takes?|gives?)\b|n't\b")
CAPTION_SENTENCE_MAX_WORDS = 14


def _verbless(folded: str) -> bool:
    """A short line with one full stop at its end and no finite verb: "Radiographer answering a man's questions." """
    return word_count(folded) <= CAPTION_SENTENCE_MAX_WORDS and folded.count(".") == 1 \
        and folded.rstrip().endswith(".") and not _FINITE.search(folded)


@lru_cache(maxsize=1 << 16)  # the same line on many pages (a site's menu, a shared sentence) is judged once
def _line_reason(text: str, publisher: tuple[str, ...]) -> str | None:
    """Return why one line, on its own, is web furniture (or None if it may be content)."""
    # "^" in a rule is where the statement starts, after a bullet, a heading mark or emphasis ("_..._")
    bare = _out_of_callout(bare_text(text))
    folded = fold_text(_EMPHASIS_EDGES.sub("", bare))
    # A printed page gives a link's address after its text: "see Nutrition (/health-library/nutrition)."
    unlinked = _PRINTED_LINK.sub("", MARKDOWN_LINK.sub(r"\1", bare))
    label = fold_text(_PICTOGRAPH.sub("", unlinked)).strip(EDGE_JUNK)  # "💬 2 comments" is "2 comments"
    if "©" in text:  # after a sentence, '©Someone' credits the photo the line captions
        before = fold_text(text.split("©")[0])
        caption = word_count(before) >= 4 and "copyright" not in before
        return "image caption with photo credit" if caption else "copyright notice"
    if IMAGE_FILE.fullmatch(label):
        return "image (file name)"
    unemphasised = _EMPHASIS.sub("", bare_text(text))  # "**Prof. Ana Ruiz** – oncologist, Madrid"
    if (STAFF_LINE.match(unemphasised) or STAFF_NAME.match(unemphasised) or is_staff_job_line(unemphasised)
            or SIGNED_STAFF_LINE.match(unemphasised)) \
            and line_ending(text) not in TERMINAL:
        return _STAFF_LIST
    if "](" not in text and _PRINTED_LINK_LINE.fullmatch(bare_text(text)) and word_count(unlinked) <= 8:
        return "link (its address printed after it)"  # "Read Tom's story (/patient-stories/tom)"
    if CROSS_REFERENCE.match(unlinked):
        return "link to another article (by its title)"
    if publisher and fold_name(label) in publisher:
        return "site name"
    if SITE_NAME.fullmatch(text.strip(" /")):
        return "site name"
    for rule, reason in WHOLE_LINE:
        if rule.fullmatch(label):
            return reason
    if _is_place_name(unlinked):
        return "contact: a place (city and country)"
    if word_count(label) <= BADGE_MAX_WORDS and line_ending(text) not in TERMINAL and _ACCREDITED.search(label):
        return "the clinic's accreditations"
    if not any(ch.isalnum() for ch in text):
        return "separator (no words)"  # '---', '* * *': Markdown rules and decoration
    if _BOX_EDGE.fullmatch(text.strip()):
        return "separator (a box's edge, its corner read as a letter)"  # OCR: "r—————", "L—————"
    if _is_comment_header(text) or SHORT_AGE_HEADER.match(bare_text(text)) or _HANDLE_OR_AGE.fullmatch(bare_text(text).strip()):
        return _COMMENT_HEADER
    if _is_breadcrumb(MARKDOWN_LINK.sub(r"\1", bare_text(text))):
        return "navigation (menu or breadcrumb)"
    long = word_count(text) > LONG_LINE_WORDS
    lowered = text.lower()
    # A link in a sentence ("... I keep [this bottle](https://...) in my bag"): its address is not printed.
    printed = MARKDOWN_LINK.sub(r"\1", text) if "](" in text and _PROSE_AROUND_LINK.search(text) else text
    for phrase in _PHRASE_RULES:
        if long and not phrase.takes_long_lines:
            continue  # a phrase inside a long paragraph does not make it furniture (and costs time)
        if phrase.on_raw:
            raw = printed if phrase.reason == "contact: web address" else text
            found = may_match(phrase.literals, lowered if raw is text else raw.lower()) and phrase.rule.search(raw)
        else:
            found = may_match(phrase.literals, folded) and phrase.rule.search(folded)
        if not found:
            continue
        if phrase.spares_advice and (phrase.reason == "contact: phone number" or CONDITION.search(text)) \
                and _is_advice(text, publisher):
            continue  # "After hours, call our main number ... If you have severe trouble breathing, call 911."
        if phrase.reason == "about this page" and (more := _MORE_SENTENCES.search(text)) \
                and not _ABOUT_PAGES.search(text, more.end() - 1):
            continue  # "This article focuses on X. X can cure ...": what follows is the article's
        if phrase.reason == "other formats of the page" and (first := _FIRST_SENTENCE_END.search(folded)) \
                and found.start() >= first.end() - 1:
            continue  # "Your nurse will give you a printed sheet ... Ask if you would like it in large print.": the
            # paragraph's advice stays; only a line that is the offer alone goes
        return phrase.reason
    if LANGUAGE_TAGLINE.search(text) and PHONE_DIGITS.search(text):
        return "contact: language-help tagline"  # its "si habla" / "if you speak" is no symptom to call about
    if (_has_phone_number(text) or has_called_number(text) and not CONDITION.search(text)) \
            and not _is_advice(text, publisher):
        return "contact: phone number"
    if CONTACT_HOURS.match(text) or PORTAL_MESSAGE.search(folded):
        return "contact: hours, address or portal"
    if word_count(text) <= 15:
        for rule, form in ADDRESS:
            if rule.search(text):
                return f"contact: postal address ({form})"
    if word_count(text) <= LABEL_MAX_WORDS and COMPANY.search(text.strip()):
        return "contact: company name"
    if (line_ending(text) not in TERMINAL or _verbless(folded)) and any(rule.search(folded) for rule, _ in DEPICTION):
        return "image caption"  # "Nurse talking to a patient", "Woman sitting on a sofa looking tired."
    if (parts := _bilingual_parts(text)) and (found := next(filter(None, (_line_reason(part, publisher) for part in parts)), None)):
        return f"{found} (a label given in two languages)"
    if STAFF_CARD.fullmatch(bare_text(text).strip()):
        return _STAFF_LIST
    if word_count(text) <= 25 and POST_DETAILS.match(bare_text(text)):
        return "post details (who asked or answered, and when)"
    if SIGNED_COMMENT.search(bare_text(text)):
        return "reader's comment (signed and dated)"
    if word_count(text) <= SITE_LABEL_MAX_WORDS and not HEADING_MARK.match(text) and line_ending(text) not in TERMINAL \
            and names_publisher(text, short_names(publisher)):
        return NAMES_SITE  # "AskMD Quick Answer": a label the site gives its box
    # A heading writes a name as a name: "# Looking after yourself between cycles" does not name "Between Cycles".
    naming = names_publisher_by_name if HEADING_MARK.match(text) else names_publisher
    if word_count(text) <= PROMO_MAX_WORDS and naming(text, publisher) \
            and not _reports_to(text, publisher) and not _recommends(text, publisher):
        # A longer paragraph keeps its other sentences; facts leaves out the naming one.
        return NAMES_SITE
    return None


def _bilingual_parts(text: str) -> list[str]:
    """The halves of a label given in two languages ("Imprimer / Print", "Courriel / Email"):
    two or three short parts between " / ", none of them a sentence ("Title | Site" is no such label)."""
    parts = [part.strip() for part in re.split(r"\s+/\s+", bare_text(text))]
    if not 2 <= len(parts) <= 3 or any(not part or word_count(part) > 8 for part in parts):
        return []
    return parts




def _recommends(text: str, publisher: tuple[str, ...]) -> bool:
    """Tell whether the site gives advice by its name ("WellInfo Health recommends writing down
    your questions ..."): what a guidance body recommends is the article, not its promotion."""
    folded = fold_name(text)
    return any(re.search(re.escape(name.removeprefix("the ")) + r"(?!\w)\s+(\w+\s+)?(recommends|advises|suggests|encourages)\b",
                         folded) for name in publisher)


def _reports_to(text: str, publisher: tuple[str, ...]) -> bool:
    """Tell whether a sentence reports what someone told the publishing site (a news site's quote)."""
    folded = fold_name(text)
    return any(re.search(REPORTED + re.escape(name.removeprefix("the ")) + r"(?!\w)", folded) for name in publisher)


def _is_breadcrumb(text: str) -> bool:
    """Tell whether a line is a trail of short labels such as 'Home > Health > Cancer'."""
    parts = SEPARATORS.split(text)
    if len(parts) < 2 or not all(p and p[0].isalpha() and word_count(p) <= 4 and
                                 line_ending(p) not in TERMINAL for p in parts):
        return False
    return len(parts) >= 3 or parts[0].casefold() in HOME or not re.search(r"\s[/|]\s", text)


# A comment's writer or age on a line of its own, as a video or social site prints them: "@lindacarrow7712",
# "1 month ago", "3 weeks ago (edited)".
_HANDLE_OR_AGE = re.compile(r"@[\w.-]{2,40}|([•·]\s*)?(edited )?(\d{1,2}|a|an) ?(second|minute|hour|day|week|month|year|"
                            r"sec|min|hr|mo|yr|wk|[smhdwy])s?\.? ago( \(edited\))?", re.IGNORECASE)
# A forum's user name on a line of its own above the comment's age: "saltandvinegar_crisps", then
# "• 3 mo. ago" (a flair such as "OP" or "MOD" may stand between).
_HANDLE = re.compile(r"(u/)?[A-Za-z][\w.-]{2,29}")
_HANDLE_FLAIR = re.compile(r"OP|MOD|Mod|Admin|Moderator|Author|Staff")
_BADGE = "a commenter's badge"


def _is_comment_header(text: str) -> bool:
    """Tell whether a line names a reader's comment's writer and time ('Ann – 2 days ago')."""
    return word_count(text) <= 12 and bool(COMMENT_HEADER.match(_EMPHASIS.sub("", bare_text(text)).strip())
                                           or _BOLD_NAME_DATED.match(bare_text(text).strip()))


# A page's properties as a wiki or a notes app prints them: "**Audience** Patients and carers".
_PROPERTY_ROW = re.compile(r"^\*\*[A-Z][\w ]{0,24}\*\*:?\s+\S")
PROPERTY_ROWS_MIN = 3
PROPERTY_ROW_MAX_WORDS = 16


def _remove_property_rows(lines: list[SourceLine], texts: list[str], removed: dict[int, str]) -> None:
    """Remove the rest of a page's properties table ("**Status** Published" / "**Owner** ..." /
    "**Audience** ..."): a run of three or more bold-label rows, most of which the rules have
    already taken as the page's details. A fact box of the article is not mostly removed."""
    def row(i: int) -> bool:
        return bool(_PROPERTY_ROW.match(texts[i])) and word_count(texts[i]) <= PROPERTY_ROW_MAX_WORDS and line_ending(texts[i]) != "."

    i = 0
    while i < len(texts):
        j = i
        while j < len(texts) and row(j) and (j == i or lines_between(lines, j - 1, j) <= 1):
            j += 1
        run = range(i, j)
        if len(run) >= PROPERTY_ROWS_MIN and 2 * sum(k in removed for k in run) > len(run):
            for k in run:
                removed.setdefault(k, "the page's properties (label and value)")
        i = max(j, i + 1)


_PROMOTED = re.compile(r"^promoted by\b", re.IGNORECASE)
PROMOTED_MAX_LINES = 10


def _remove_promoted_posts(lines: list[SourceLine], texts: list[str], removed: dict[int, str]) -> None:
    """Remove a paid post under its "Promoted by ..." label: the lines against it, up to a blank
    line or a heading (a Q&A site's advert is written as an answer: a name, a question, a pitch)."""
    for i in [i for i, text in enumerate(texts) if _PROMOTED.match(bare_text(text))]:
        removed.setdefault(i, "advertisement")
        j = i + 1
        while j < len(texts) and j - i <= PROMOTED_MAX_LINES and lines_touch(lines, j - 1, j) \
                and not HEADING_MARK.match(texts[j]):
            removed.setdefault(j, "advertisement (a promoted post)")
            j += 1


# What a slide deck's notes say to whoever gives the class, not to the patient: the room, the
# group, the slides ("Pass the sample port around the room", "Play the short video ...").
_TO_THE_PRESENTER = re.compile(
    r"\b((ask|welcome|check (that |whether )?|invite|remind) (everyone|everybody|the group|people|the class)|"
    r"the group|the room|the class|the audience|attendees|this slide|the slides?|next slide|introduce yourselves|"
    r"hand out|hold up|pass (the|these|a|an|some) [\w' -]{1,40} around|"
    r"play the [\w' -]{0,30}(video|clip|animation|film)|show (them )?the [\w' -]{0,30}(photo|picture|video|model|sample|diagram)|"
    r"ask (if|whether) anyone)\b")
# The label over a slide's notes: "**Speaker notes:**", or "Notes:" alone as a slide deck prints it.
_NOTES_LABEL = re.compile(rf"({PRESENTER_NOTES_LABEL}|notes?)\s*:?")
PRESENTER_NOTES_MAX_LINES = 4


def _remove_notes_to_presenter(lines: list[SourceLine], texts: list[str], removed: dict[int, str]) -> None:
    """Under a slide's "Speaker notes:" label, remove the lines addressed to the presenter ("Welcome
    everyone and introduce yourselves."); the talk's own words there ("Most side effects are
    temporary.") are the article's and stay. The notes end at a blank line or a heading."""
    labels = [i for i, reason in removed.items()
              if reason == PRESENTER_NOTES or _NOTES_LABEL.fullmatch(fold_text(_EMPHASIS.sub("", bare_text(texts[i]))).strip(EDGE_JUNK))]
    for i in labels:
        for j in range(i + 1, min(i + 1 + PRESENTER_NOTES_MAX_LINES, len(texts))):
            if j in removed or HEADING_MARK.match(texts[j]) or j > i + 1 and not lines_touch(lines, j - 1, j):
                break
            if _TO_THE_PRESENTER.search(fold_text(bare_text(texts[j]))):
                removed[j] = "presenter's notes (to the presenter, not the patient)"


# A document's margin comment as exported after its text: its anchor ("[a]" from Google Docs,
# "[MB1]" from Word) and its writer ("[a]Anjali Ramdeen: Added the bullet as agreed."); the replies
# under it name their writers the same way ("Mireille Baptiste: Looks good.").
_COMMENT_WRITER = r"[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,3}:\s"
# Word's balloons copied out with the text: "Commented [OM2]: Some regimens are weekly ...", and its
# tracked formatting, "Formatted: Font: (Default) Arial, 12 pt".
_DOCUMENT_COMMENT = re.compile(rf"^\[(?:[a-z]{{1,2}}|[A-Z]{{1,4}}\d{{1,3}})\]\s*{_COMMENT_WRITER}|^Commented \[[A-Z]{{1,4}}\d{{1,3}}\]:\s|"
                               r"^Formatted( Table)?:\s+(Font|Indent|Left|Right|Centered|Justified|Space|Line spacing|"
                               r"Tab stops|Normal|Highlight|Bulleted|Numbered|English|Heading|Border|Pattern|Keep)\b")
_COMMENT_REPLY = re.compile(rf"^{_COMMENT_WRITER}")
DOCUMENT_COMMENT = "a comment in the document's margin (its writers' notes)"


def _remove_document_comments(texts: list[str], removed: dict[int, str]) -> None:
    """Remove the margin comments a word processor exports after the text, each with its replies."""
    for i, text in enumerate(texts):
        if i in removed or not _DOCUMENT_COMMENT.match(bare_text(text)):
            continue
        removed[i] = DOCUMENT_COMMENT
        for k in range(i + 1, len(texts)):
            if k in removed or not _COMMENT_REPLY.match(bare_text(texts[k])) or _DOCUMENT_COMMENT.match(bare_text(texts[k])):
                break
            removed[k] = DOCUMENT_COMMENT


# A transcript's time stamp before the words spoken then ("1:13 Please ring the department if:").
_LEADING_STAMP = re.compile(r"^\d{1,2}:\d\d(:\d\d)?\s+(?=\S)")
TRANSCRIPT_MIN_STAMPED = 5


def _strip_time_stamps(texts: list[str]) -> None:
    """In a transcript whose lines open with their time stamps, read each line without its stamp,
    as a list item without its bullet: the stamp is the player's, not the speaker's (the removal
    record and the line number keep where the words were said)."""
    stamped = [i for i, text in enumerate(texts) if _LEADING_STAMP.match(text)]
    if len(stamped) >= TRANSCRIPT_MIN_STAMPED:
        for i in stamped:
            texts[i] = _LEADING_STAMP.sub("", texts[i])


CHAPTER_LIST_MIN_ENTRIES = 3


def _remove_chapter_lists(texts: list[str], removed: dict[int, str]) -> None:
    """Remove a video's chapter list: three or more short titles, each beside its time stamp
    ("Introduction" / "0:00" / "What is chemotherapy?" / "0:34" ...). The transcript heads its
    text with the same titles, and those stay."""
    titles = [i for i in range(len(texts)) if i not in removed and is_short_entry(texts[i]) and texts[i][:1].isupper()
              and line_ending(texts[i]) not in (".", "!", ":", ";", ",")  # a title, not a line of speech
              and (removed.get(i + 1) == TRANSCRIPT_TIMESTAMP or removed.get(i - 1) == TRANSCRIPT_TIMESTAMP)]
    run: list[int] = []
    for i in titles + [len(texts) + 2]:
        if run and i - run[-1] != 2:
            if len(run) >= CHAPTER_LIST_MIN_ENTRIES:
                removed.update((k, "contents list (a video's chapters)") for k in run)
            run = []
        run.append(i)


QUOTED_TAIL_MAX_LINES = 2


def _remove_quoted_messages(texts: list[str], removed: dict[int, str]) -> None:
    """Remove an earlier message quoted at the thread's end under its attribution ("On Mon, 9 Mar
    2026, Deb <...> wrote:" then "> ..." lines): what was written to the sender, after the
    information sent. A question quoted above its answer is the answer's."""
    for i in [i for i, reason in removed.items() if reason == "quoted message's attribution"]:
        quote = list(itertools.takewhile(lambda k: texts[k].startswith(">"), range(i + 1, len(texts))))
        after = [k for k in range(i + 1 + len(quote), len(texts)) if k not in removed]
        if quote and len(after) <= QUOTED_TAIL_MAX_LINES:
            removed.update((k, "quoted message (the earlier e-mail)") for k in quote if k not in removed)


LETTER_OPENING_MAX_LINES = 3
# The writer speaking to the reader: "Thank you for your email ...", "As promised, here is ...".
_SPEAKS_TO_READER = re.compile(r"\b(i|i'm|i've|i'll|me|my|we|we've|we'll|you|your)\b", re.IGNORECASE)


def _remove_letter_openings(texts: list[str], removed: dict[int, str]) -> None:
    """Remove what a letter says between its greeting and its information: a short message signed
    off ("Hello," / "I start chemotherapy on Thursday ..." / "Many thanks,"), or the few lines
    before the information's first heading ("Dear Debbie," / "Thank you for your email ..." /
    "CHEMOTHERAPY: WHAT TO EXPECT")."""
    for i in [i for i, reason in removed.items() if reason.startswith("greeting")]:
        run = list(itertools.takewhile(lambda k: k not in removed, range(i + 1, len(texts))))
        end = i + 1 + len(run)
        if not run or not _SPEAKS_TO_READER.search(bare_text(texts[run[0]])):
            continue
        if len(run) <= LETTER_OPENING_MAX_LINES and removed.get(end, "").startswith("sign-off"):
            removed.update((k, "the e-mail's message (its writer's own words)") for k in run)
            continue
        opening = list(itertools.takewhile(lambda k: line_kind(texts[k], False) != "heading", run))
        if 0 < len(opening) <= LETTER_OPENING_MAX_LINES and len(run) - len(opening) > LETTER_OPENING_MAX_LINES \
                and all(is_sentence(texts[k]) for k in opening):
            removed.update((k, "the letter's opening (before its information)") for k in opening)


_COMMENT_HEADER = "comment header (writer and time)"
COMMENT_BODY_MAX_LINES = 3


def _remove_comment_handles(texts: list[str], removed: dict[int, str]) -> None:
    """A user name alone on its line just above a comment's age is that comment's header too; a
    flair ("OP", "MOD") or a separator ("•") may stand between them."""
    for i in sorted(i for i, reason in removed.items() if reason == _COMMENT_HEADER):
        for k in range(i - 1, max(i - 3, -1), -1):
            if k in removed:
                if removed[k] == _COMMENT_HEADER or not texts[k].strip(" •·"):
                    continue
                break
            if _HANDLE_FLAIR.fullmatch(texts[k]):
                continue
            if _HANDLE.fullmatch(texts[k]) and not HEADING_MARK.match(texts[k]):
                for j in range(k, i):  # the name and the flairs under it
                    removed.setdefault(j, _COMMENT_HEADER)
            break


def _remove_comment_bodies(texts: list[str], removed: dict[int, str]) -> None:
    """Remove a reader's comment: the few lines between its writer's header ("**Dave P.** 14 Mar")
    and the next comment's header or the comment box ("Add a comment…"). Bounded on both sides, a
    thread cannot reach into the article."""
    for i in [i for i, reason in removed.items() if reason == _COMMENT_HEADER]:
        while removed.get(i + 1) in (_COMMENT_HEADER, _BADGE):  # the header's own lines: age, badges
            i += 1
        body = list(itertools.takewhile(lambda k: k not in removed, range(i + 1, len(texts))))
        after = removed.get(i + 1 + len(body), "")
        if 0 < len(body) <= COMMENT_BODY_MAX_LINES and (after == _COMMENT_HEADER or after.startswith("comment or contact form")
                                                        or after == "answer and comment buttons"):  # "Reply · Upvote · 41"
            removed.update((k, "a reader's comment (under its writer's name)") for k in body)


# A comment's writer in bold and the day it was posted: "**Dave P.** 14 Mar", "**Hannah Tran** Mar 14, 2025".
_BOLD_NAME_DATED = re.compile(r"^\*\*[A-Z][\w'’.-]*( [A-Z][\w'’.-]*){0,3}\*\*\s+(\d{1,2} [A-Z][a-z]{2,8}( \d{4})?|"
                              r"[A-Z][a-z]{2,8} \d{1,2}(, \d{4})?|\d{1,2}[./-]\d{1,2}([./-]\d{2,4})?)$")


@lru_cache(maxsize=256)  # asked again for the same line by the rules that may take a phone number
def _is_advice(text: str, publisher: tuple[str, ...]) -> bool:
    """Tell whether a line with a phone number is advice, not the site's contact data: a whole
    sentence that says when to call ("Call the unit on ... if your temperature is 37.5°C or
    above."), or that tells of someone else's service ("The charity's nurses answer questions
    on ..."). The site's own offer speaks as "we/us/our" or names the site.

    In a paragraph of several sentences, "talk with us" offers the site's line only in a sentence
    that holds the number: "... before you talk with us. After clinic hours, call 231-555-0175
    and ask for the oncologist on call." says when to call."""
    sentences = _SENTENCE_BREAK.split(text.strip())
    with_number = " ".join(sentence for sentence in sentences if PHONE_DIGITS.search(sentence)) or text
    words = PHONE_DIGITS.sub(" ", text)
    # A list's lead-in says when to call as well as a sentence does: "Call ..., day or night, if you have:".
    lead_in = line_ending(text) == ":" and CONDITION.search(words)
    if not lead_in and (word_count(words) < PARAGRAPH_MIN_WORDS or line_ending(text) not in TERMINAL):
        return False
    # "Call 0800 ..., day or night, if you have a fever." is no label: its number's sentence says when.
    if ATTENTION_LABEL.search(text) or CONTACT_LABEL.match(text) and not CONDITION.search(with_number) \
            or not CONDITION.search(text) and any(CONTACT_LABEL.match(sentence) for sentence in sentences[1:]):
        return False  # "ATENCIÓN: ... Llame al ...": a language-help tagline; "Building C. Reception: 964 ..."
    if FIRST_PERSON.match(words) and not CONDITION.search(words):
        return False  # "Our nurses answer calls 24 hours a day at ...": the site's own service
    if FIRST_PERSON.search(words) and _OFFER.search(words) and not CONDITION.search(_OFFER.sub(" ", words)):
        return False  # "If you'd like to talk things through, our helpline advisers are here ...": a wish, not a symptom
    if re.search(r"\b(talk|speak|chat) (to|with) us\b", with_number, re.IGNORECASE):
        return False  # "Talk to us free on 0808 ...": the site's helpline, whatever its terms
    if WHEN_TO_CALL.search(words):
        return True
    # Someone else's service, told as a fact, not a bare call to action ("Free help. Call ..."),
    # nor the site's own, by its name or its short name ("Asterwood patients can reach ...").
    return not (FIRST_PERSON.search(words) or CALL_TO_ACTION.search(words) or names_publisher(words, publisher)
                or names_publisher(words, short_names(publisher)))


_SENTENCE_BREAK = re.compile(r"(?<=\w[.!?])\s+(?=[A-Z(])")
_OFFER = re.compile(r"\bif you(['’]d| would)? (like|want|wish|prefer)\b", re.IGNORECASE)


# An eight-digit number written as two fours, as Singapore, Hong Kong or Denmark print a phone's.
_FOUR_FOUR = re.compile(r"\d{4} \d{4}")


def _has_phone_number(text: str) -> bool:
    """Find a run of 9+ digits with phone separators, or 8+ after '+' or '(', not a date."""
    for match in PHONE_DIGITS.finditer(text):
        number = match.group().strip()
        digits = sum(ch.isdigit() for ch in number)
        if DATE.match(number):
            continue
        if digits >= 9 or (digits >= 8 and number[0] in "+(") or _FOUR_FOUR.fullmatch(number):
            return True
    return False


def _remove_contents_lists(texts: list[str], removed: dict[int, str]) -> None:
    """Remove a page's contents list: a run of short lines that each come back later as a heading.

    The later copies are the article's headings and stay; without this the repeat rule would
    keep the contents list and drop the headings.
    """
    keys = [_heading_key(text) for text in texts]
    headings: dict[str, list[int]] = {}
    for k, text in enumerate(texts):
        if k not in removed and _is_heading_like(texts, k):
            headings.setdefault(keys[k], []).append(k)
    kept = [i for i in range(len(texts)) if i not in removed]
    copies: dict[str, list[int]] = {}
    for k in kept:
        copies.setdefault(keys[k], []).append(k)
    pos = 0
    while pos < len(kept):
        end = pos
        while end < len(kept) and is_short_entry(texts[kept[end]]) and any(
                k > kept[end] for k in headings.get(keys[kept[end]], ())):
            end += 1
        run = kept[pos:end]
        if len(run) < 2:
            run = _ordered_copies(kept, pos, texts, keys, copies)
            end = pos + len(run)
        if len(run) >= 2 and all(any(k > run[-1] for k in copies[keys[i]]) for i in run):
            for i in run:
                removed[i] = "contents list (repeats the page's headings)"
            pos = end
        else:
            pos += 1


def _ordered_copies(kept: list[int], pos: int, texts: list[str], keys: list[str],
                    copies: dict[str, list[int]]) -> list[int]:
    """Three or more short lines from kept[pos] whose copies all come later, in the same order:
    a contents list whose headings are too short to tell (Easy Read: "What is it?" / "It is a
    medicine."), or an empty list."""
    run: list[int] = []
    last_copy = -1
    for i in kept[pos:]:
        # Each copy stands apart from the one before (text between them, as under headings): a
        # menu printed twice repeats as a run.
        later = [k for k in copies.get(keys[i], ()) if k > i and k > last_copy + 1]
        if not is_short_entry(texts[i]) or not later or (run and i - run[-1] > 1):
            break
        run.append(i)
        last_copy = later[0]
    return run if len(run) >= 3 and last_copy > run[-1] else []


def _remove_contents_entries(lines: list[SourceLine], texts: list[str], removed: dict[int, str]) -> None:
    """Remove the entries under a contents heading ("In this leaflet:", "You will learn about:")."""
    for i in sorted(i for i, reason in removed.items() if reason == "contents or page label"):
        j = i + 1
        seen: set[str] = set()
        # Entries that the contents-list rule already took are part of the run, not its end.
        # Bulleted entries may stand apart from it (an HTML list below its heading). A line
        # repeating an entry is the first section's heading, right under the list, and an <h1>
        # under a label ("Patient information") is the page's title.
        while j < len(texts) and (lines_touch(lines, j - 1, j) or BULLET.match(texts[j])) and lines[j].level != 1 and (
                removed.get(j, "").startswith("contents list")
                or (j not in removed and is_short_entry(texts[j]) and _heading_key(texts[j]) not in seen)):
            seen.add(_heading_key(texts[j]))
            j += 1
        # A line or two under the label are the title it labels ("Patient information" / "Imaging
        # Department" / "Having a CT scan", or a title a printer wrapped: "External beam" /
        # "radiotherapy"); a contents list has three entries or more, or a lead-in ("In this issue:").
        if j - i > 3 or j > i + 1 and (texts[i].rstrip().endswith(":") or removed.get(i + 1, "").startswith("contents list")):
            for k in range(i + 1, j):
                removed.setdefault(k, "contents list")


def _heading_key(text: str) -> str:
    return fold_text(without_markers(MARKDOWN_LINK.sub(r"\1", bare_text(text)))).strip(EDGE_JUNK)


def _is_heading_like(texts: list[str], k: int) -> bool:
    """A heading by its mark, or a short line that a paragraph or a list's lead-in follows."""
    if HEADING_MARK.match(texts[k]):
        return True
    following = texts[k + 1] if k + 1 < len(texts) else ""
    return is_short_entry(texts[k]) and not BULLET.match(texts[k]) and (
        _is_paragraph(following) or _is_lead_in(following) or is_sentence(following))


MENU_LABEL_MAX_WORDS = 4  # "Patient stories" is a menu's label too; "Resources mentioned in this episode" is not


# A bulleted list's item; a numbered line may be a section's heading ("8.<TAB>Important phone numbers").
_UNORDERED_ITEM = re.compile(r"^\s*[-*•·‣◦▪▫■□●○►▶➤–]\s+")


def _remove_meta_sections(lines: list[SourceLine], texts: list[str], removed: dict[int, str],
                          publisher: tuple[str, ...] = ()) -> None:
    """Remove a section the site adds to its pages, heading and all: who the page is for ("Is this
    information right for me?" / "Yes, if ..."), its legal note, its change history, its sales.
    A label inside a column of menu labels ("Patient stories" between "Our doctors" and "Gallery")
    heads no section."""
    for i, text in enumerate(texts):
        label = _section_label(text)
        reason = next((r for rule, r in META_SECTIONS if word_count(label) <= 12 and rule.fullmatch(label)), None) \
            if not _UNORDERED_ITEM.match(unquoted(text)) else None  # an item heads no section ("In this issue:" / "- Dates for your diary")
        if reason is None and label.startswith("why ") and word_count(label) <= 4 \
                and names_publisher(label, (*publisher, *short_names(publisher))):
            reason = "the site's selling points"  # "Why Ridgeline?"
        in_menu = word_count(label) <= MENU_LABEL_MAX_WORDS and any(
            lines_touch(lines, i, k) and k not in removed and not BULLET.match(texts[k]) and is_short_entry(texts[k])
            and not HEADING_MARK.match(texts[k]) and "\t" not in texts[k] and line_ending(texts[k]) != "?"
            for k in (i - 1, i + 1))
        if reason is None or in_menu:
            continue
        removed.setdefault(i, reason)
        j = i + 1
        while j < len(texts) and not _after_the_button(lines, texts, j) and (
                j in removed or BULLET.match(texts[j]) or line_kind(texts[j], False) != "heading"
                                  or BARE_DATE.fullmatch(bare_text(texts[j]))
                                  or "\t" in texts[j] and "\t" in texts[j - 1]  # a table's next row
                                  or (_is_lead_in(texts[j - 1]) or _is_signed(texts[j - 1]) or _is_signed(texts[j], True))
                                  and not HEADING_MARK.match(texts[j]) and _is_signed(texts[j], True)
                                  # a quiz's question and its options, right under it, look like headings
                                  or reason == QUIZ and lines_touch(lines, j - 1, j)
                                  and (line_ending(texts[j]) == "?" or is_short_entry(texts[j]))):
            removed.setdefault(j, reason)  # to the next heading, over the names a "Medical Review:" lists
            j += 1


_EXCERPT = re.compile(r"^>\s*(#{1,6}\s*)?excerpt\s*$", re.IGNORECASE)


def _remove_clipper_excerpt(texts: list[str], removed: dict[int, str]) -> None:
    """Remove the excerpt a Markdown web clipper quotes at the top ("> ## Excerpt" / "> What this
    page covers ..."): the page's own summary of itself, in its description tag."""
    start = next((i for i in range(min(len(texts), 12)) if _EXCERPT.match(texts[i].strip())), None)
    if start is None:
        return
    end = start + 1
    while end < len(texts) and texts[end].lstrip().startswith(">"):
        end += 1
    for k in range(start, end):
        removed.setdefault(k, "the clipped page's excerpt (its description, quoted by the web clipper)")


# A feed's or a clipper's teaser cut short: "... and why [&#8230;]", "... before you start […]".
_CUT_SHORT = re.compile(r"(\[(…|&#8230;|&hellip;|\.\.\.)\]|…|\.\.\.)\s*$")
TEASER_MIN_WORDS = 12


def _remove_quoted_teasers(texts: list[str], removed: dict[int, str]) -> None:
    """Remove the opening of the article quoted above it (a feed reader's or a clipper's teaser): a
    quoted paragraph cut short with "[…]", or one the article then prints again word for word."""
    plain = {unquoted(text).strip() for i, text in enumerate(texts) if i not in removed and not text.lstrip().startswith(">")}
    for i, text in enumerate(texts):
        if i in removed or not text.lstrip().startswith(">"):
            continue
        words = unquoted(text).strip()
        if word_count(words) >= TEASER_MIN_WORDS and (_CUT_SHORT.search(words) or words in plain):
            removed[i] = "the article's opening quoted above it (a feed's or clipper's teaser)"


# The buttons a site's box closes with: what the text over them asks the reader to do.
_BOX_BUTTONS = ("fundraising appeal", "download offer", "newsletter form", "enquiry form", "call to action",
                "booking button")
# How the box's text speaks: as the site ("our nurses", "helps us"), or of what it offers or asks.
_BOX_OFFER = re.compile(r"\b(we|us|our|free|donat\w*|give|gift|order|fund\w*|booklet|volunteer|subscribe|sign up|join)\b",
                        re.IGNORECASE)
BOX_TEXT_MAX_WORDS = 45


def _remove_box_texts(lines: list[SourceLine], texts: list[str], removed: dict[int, str], items: set[int]) -> None:
    """Remove the one paragraph of a site's box: between the box's top (its picture or title, removed)
    and its button ("[Donate now]", "[Order a free booklet]"), it asks for or offers what the
    button does ("A regular gift helps us plan ahead ...", "A free booklet about radiotherapy ...")."""
    for i in range(1, len(texts) - 1):
        if i in removed or i in items or word_count(bare_text(texts[i])) > BOX_TEXT_MAX_WORDS \
                or not removed.get(i + 1, "").startswith(_BOX_BUTTONS) \
                or not (lines[i + 1].linked or _is_link_only(texts[i + 1])) or not is_sentence(texts[i]):
            continue
        title = i - 1 not in removed and line_kind(texts[i - 1], False) == "heading"
        top = i - 2 if title else i - 1  # over a title the rules kept, the box's picture or the page's last removal
        if (top < 0 or top in removed) and _BOX_OFFER.search(bare_text(texts[i])):
            removed[i] = f"{removed[i + 1]} (the box's text over its button)"


# A photo's caption that names the place it shows: "The chemotherapy day unit at Wyvern General
# Hospital", "One of the linear accelerators in the Wyvern Radiotherapy Centre".
_PLACE_CAPTION = re.compile(r"(A|An|The|One of the|Our|Part of the) [\w' -]{2,60}? (at|in) (the )?"
                            r"([A-Z][\w'’&.-]*\s){1,4}(Hospital|Centre|Center|Unit|Department|Clinic|Infirmary|Institute|"
                            r"Suite|Ward|Building|Wing)( [A-Z][\w'’.-]*){0,3}")
PLACE_CAPTION_MAX_WORDS = 14


def _remove_place_captions(lines: list[SourceLine], texts: list[str], removed: dict[int, str]) -> None:
    """Remove a photo's caption naming a place, on its own between the text and the next heading:
    it heads nothing, and says where a picture the copy lost was taken."""
    for i in range(1, len(texts) - 1):
        text = bare_text(texts[i])
        if i in removed or i + 1 in removed or word_count(text) > PLACE_CAPTION_MAX_WORDS \
                or line_ending(text) in TERMINAL or lines_touch(lines, i - 1, i) or lines_touch(lines, i, i + 1):
            continue
        if _PLACE_CAPTION.fullmatch(text) and line_kind(texts[i + 1], False) == "heading":
            removed[i] = "image caption (the place a photo shows)"


FORM_NOTE_MAX_LINES = 3
FORM_NOTE_MAX_WORDS = 12


def _remove_poll_questions(texts: list[str], removed: dict[int, str]) -> None:
    """Remove a poll's question, the line right above its options or its "Anonymous poll" label."""
    for i in range(1, len(texts)):
        if removed.get(i, "").startswith("poll") and i - 1 not in removed and line_ending(texts[i - 1]) == "?":
            removed[i - 1] = removed[i]


def _remove_form_notes(texts: list[str], removed: dict[int, str]) -> None:
    """Remove the short notes a box to fill in carries beside its blanks ("Your appointment" /
    "Date: ____ Time: ____" / "Arrive 30 minutes early if you need to drink contrast."): a few
    short sentences between the blanks, under a removed title, and the box's end."""
    for i, reason in list(removed.items()):
        if not reason.startswith("write-in space") or i - 1 not in removed and line_kind(texts[i - 1], False) != "heading":
            continue  # under the box's title, removed or kept
        run = list(itertools.takewhile(lambda k: k not in removed, range(i + 1, len(texts))))
        end = i + 1 + len(run)
        if 0 < len(run) <= FORM_NOTE_MAX_LINES and end < len(texts) and all(
                is_sentence(texts[k]) and word_count(bare_text(texts[k])) <= FORM_NOTE_MAX_WORDS for k in run):
            removed.update((k, "form (notes beside its write-in spaces)") for k in run)


_FORM_REASON = re.compile(r"\bform\b")
FORM_LABEL_MAX_WORDS = 5


def _remove_form_labels(texts: list[str], removed: dict[int, str]) -> None:
    """Remove a field's label between a form's removed lines ("Select a location" / "I am a:" /
    "New patient" / "Returning patient"): a few words ending in ":" that head no kept item."""
    for i, text in enumerate(texts):
        if i in removed or not 0 < i < len(texts) - 1 or line_ending(text) != ":" \
                or word_count(bare_text(text)) > FORM_LABEL_MAX_WORDS:
            continue
        if _FORM_REASON.search(removed.get(i - 1, "")) and i + 1 in removed:
            removed[i] = "form (a field's label)"


def _keep_headings_over_the_article(texts: list[str], removed: dict[int, str]) -> set[int]:
    """Keep a heading the rules took for naming the site when a paragraph of the article follows it
    ("A note from Sorrelwood Health" / "Starting chemotherapy can feel like a lot ..."): the site
    signs a part of its article. Return them: should a later rule take the paragraph, the heading
    goes with it (_drop_headings_over_removed)."""
    restored = set()
    for i, reason in list(removed.items()):
        if reason == NAMES_SITE and i + 1 < len(texts) and i + 1 not in removed \
                and line_kind(texts[i], False) == "heading" and _is_paragraph(texts[i + 1]) \
                and (HEADING_MARK.match(texts[i]) or word_count(bare_text(texts[i])) > SITE_LABEL_MAX_WORDS):
            del removed[i]
            restored.add(i)
    return restored


def _drop_headings_over_removed(restored: set[int], removed: dict[int, str]) -> None:
    """A heading kept for the paragraph under it goes when a later rule took that paragraph."""
    for i in restored:
        if i + 1 in removed:
            removed.setdefault(i, NAMES_SITE)


def _remove_leads_of_removed_links(lines: list[SourceLine], texts: list[str], removed: dict[int, str]) -> None:
    """Remove a lead-in whose whole list was links the rules took ("Our nurses wrote these guides to
    help you:" over the site's guide pages): with nothing under it, it introduces the site's links."""
    for i, text in enumerate(texts):
        if i in removed or not _is_lead_in(text):
            continue
        under = []
        for k in range(i + 1, len(texts)):
            if k not in removed:
                break
            under.append(k)
        links = [k for k in under if lines[k].linked or _is_link_only(texts[k])]
        if len(links) >= 2 and len(links) == len(under):
            removed[i] = f"lead-in of removed links ({removed[under[0]]})"


def _after_the_button(lines: list[SourceLine], texts: list[str], j: int) -> bool:
    """A box closes with its button ("[Book your scan](...)"): a paragraph or a lead-in after it
    is the article again."""
    is_button = lines[j - 1].linked or _is_link_only(texts[j - 1])
    return is_button and not BULLET.match(texts[j]) and word_count(bare_text(texts[j])) >= PARAGRAPH_MIN_WORDS \
        and (is_sentence(texts[j]) or _is_lead_in(texts[j]))


def _is_signed(text: str, labelled: bool = False) -> bool:
    """A name with its role ("Helen Moss MD - Family Medicine"), or with a label before it too
    ("Medical Review: Anand Rai MD - Medical Oncology") when labelled is set."""
    bare = bare_text(text)
    if labelled:
        bare = re.sub(r"^[A-Za-z][\w ]{1,30}:\s*", "", bare)
    return bool(SIGNED_ITEM.match(bare))


def _remove_reference_items(lines: list[SourceLine], texts: list[str], removed: dict[int, str],
                            items: set[int]) -> None:
    """Remove a list of publications ("Evidence review A ... (2021)", "Smith J et al."): a run of
    two or more lines that each cite one. A heading over it then goes as well."""
    cites = [i for i in range(len(texts)) if i not in removed and CITATION.search(bare_text(texts[i]))]
    for i in cites:
        if any(j in cites and lines_touch(lines, i, j) for j in (i - 1, i + 1)):
            removed[i] = "reference list"
            items.discard(i)


# Headings over the links a page closes with ("Resources mentioned in this episode", "Useful websites").
_LINKS_SECTIONS = [rule for rule, reason in META_SECTIONS if reason == "links to other pages"]


def _remove_links_under_link_headings(lines: list[SourceLine], texts: list[str], removed: dict[int, str],
                                      html: bool) -> None:
    """Remove the headlines under a related-links heading ("Most read", "More patient explainers"):
    the lines right under it, each a title (no full stop), link to the site's other pages."""
    for i, text in enumerate(texts):
        label = fold_text(MARKDOWN_LINK.sub(r"\1", bare_text(text))).strip(EDGE_JUNK)
        if not (RELATED_HEADING.fullmatch(label) or any(rule.fullmatch(label) for rule in _LINKS_SECTIONS)) \
                or word_count(label) > 8:
            continue
        removed.setdefault(i, "navigation link")
        j = i + 1  # HTML has no blank lines to end the list: there, its lines are links
        while j < len(texts) and (lines[j].linked if html else lines_touch(lines, j - 1, j)) \
                and word_count(bare_text(texts[j])) <= 20 and (line_ending(texts[j]) not in tuple(".!:…") or _is_card_blurb(texts, j)):
            removed.setdefault(j, f"link under '{bare_text(text)}'")
            j += 1


TAB_LABEL_MAX_WORDS = 4


def _remove_tab_labels(texts: list[str], removed: dict[int, str]) -> None:
    """Remove a tab list saved as a bulleted list ("- Into a vein" / "- As tablets" / "- Other
    ways"): short labels under a paragraph, not a lead-in, whose panels follow in order, each
    naming its tab ("Most chemotherapy goes into a vein ...", "Some comes as tablets ..."). All
    but one label are said again below, so nothing the list says is lost."""
    i = 1
    while i < len(texts):
        end = i
        while end < len(texts) and end not in removed and BULLET.match(texts[end]) \
                and word_count(bare_text(texts[end])) <= TAB_LABEL_MAX_WORDS and line_ending(texts[end]) not in TERMINAL:
            end += 1
        run = list(range(i, end))
        if len(run) >= 2 and i - 1 not in removed and _is_paragraph(texts[i - 1]) and end < len(texts) \
                and _is_paragraph(texts[end]):
            panels = [fold_text(bare_text(texts[k])) for k in range(end, len(texts))]
            panels = panels[:next((n for n, k in enumerate(range(end, len(texts))) if HEADING_MARK.match(texts[k])), len(panels))]
            labels = [fold_text(BULLET.sub("", bare_text(texts[k]))).strip(EDGE_JUNK) for k in run]
            found, at = 0, 0
            for label in labels:  # in order, each in a later panel than the one before
                hit = next((n for n in range(at, len(panels)) if label and label in panels[n]), None)
                if hit is not None:
                    found, at = found + 1, hit + 1
            if labels[0] in panels[0] and found >= len(labels) - 1:
                for k in run:
                    removed[k] = "navigation (a tab list's labels)"
        i = max(end, i + 1)


def _is_card_blurb(texts: list[str], j: int) -> bool:
    """A card's one-sentence description under its title ("Radiation therapy" / "Treatment using
    high-energy x-rays."), in a list of related pages."""
    title = texts[j - 1]
    return line_ending(title) not in TERMINAL and word_count(title) <= 8 and is_sentence(texts[j]) \
        and not re.search(r"\w[.!?]\s+[A-Z]", texts[j])


def _remove_card_blurbs(texts: list[str], removed: dict[int, str]) -> None:
    """Remove a card's one-sentence blurb: right under a removed link to another page
    ("### [Anh's story](...)", or a headline under "Patient stories" in copied text) and above removed
    lines, it describes that page, not the treatment."""
    for j in range(1, len(texts)):
        above, below = j - 1, j + 1
        # Or a promotion's card: its title, the blurb, its "Learn more about our services" link.
        card = below < len(texts) and removed.get(below, "").startswith(_MORE_LINK) and above in removed \
            and line_ending(texts[above]) not in TERMINAL and word_count(bare_text(texts[above])) <= 8
        if j in removed or above not in removed or _PICTURE.fullmatch(texts[above].strip()) \
                or not (_is_link_only(texts[above]) or removed[above].startswith("link under '") or card) \
                or below < len(texts) and below not in removed:
            continue  # a picture beside a sentence (an Easy Read page's) is no link to another page
        # A sentence, or a phrase ("Scalp cooling, wigs, headwear and regrowth") between two removed lines.
        phrase = line_ending(texts[j]) not in TERMINAL and word_count(bare_text(texts[j])) <= CARD_PHRASE_MAX_WORDS \
            and not HEADING_MARK.match(texts[j])  # "# Chemotherapy side effects": the page's own title
        if (is_sentence(texts[j]) or phrase) and word_count(bare_text(texts[j])) <= 25 \
                and not _MORE_SENTENCES.search(texts[j]):
            removed[j] = "card blurb (under a link to another page)"


_PICTURE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MORE_LINK = "link to another article"


def _remove_repeats(texts: list[str], removed: dict[int, str]) -> None:
    """Remove exact repeats of a line kept earlier in the same file (repeated titles, menus). A
    box's heading the page repeats over different words each time ("**Hard words**" over each
    glossary box) is the article's own and stays."""
    seen: dict[str, int] = {}
    for i, text in enumerate(texts):
        if i in removed:
            continue
        if text in seen and not _box_label_over_new_text(texts, removed, seen[text], i):
            removed[i] = "repeated line"
        seen.setdefault(text, i)


def _box_label_over_new_text(texts: list[str], removed: dict[int, str], first: int, i: int) -> bool:
    """Whether a repeated heading stands over a sentence that differs from the one under its first copy."""
    if not (HEADING_MARK.match(texts[i]) or _WHOLE_BOLD.fullmatch(texts[i].strip())) or not is_short_entry(texts[i]):
        return False
    after = [next((k for k in range(at + 1, len(texts)) if k not in removed), None) for at in (first, i)]
    return None not in after and is_sentence(texts[after[1]]) and texts[after[0]] != texts[after[1]]


_WHOLE_BOLD = re.compile(r"\*\*[^*]{1,60}\*\*|__[^_]{1,60}__")


def _remove_breadcrumb_columns(lines: list[SourceLine], texts: list[str], removed: dict[int, str]) -> None:
    """Remove a breadcrumb trail copied one entry to a line: "Home" / "Health A to Z" / "Radiotherapy"
    (two to six short labels with no blank line between, the first a home link)."""
    for i, text in enumerate(texts):
        if fold_text(bare_text(MARKDOWN_LINK.sub(r"\1", text))).strip(EDGE_JUNK) not in HOME:
            continue
        run = [i]
        while len(run) < 13 and lines_touch(lines, run[-1], run[-1] + 1) and (
                _is_separator(texts[run[-1] + 1]) or is_short_entry(texts[run[-1] + 1])
                and (word_count(texts[run[-1] + 1]) <= 5 or not lines_touch(lines, run[-1] + 1, run[-1] + 2))):
            run.append(run[-1] + 1)  # the last entry is the page's own title, and may be long; ">" lines part them
        after = run[-1] + 1
        entries = [k for k in run if not _is_separator(texts[k])]
        # The trail stands alone: a blank line (or the end) after it, and two to six entries.
        parted = len(entries) < len(run)  # ">" lines between the entries: a trail for sure
        if 2 <= len(entries) <= 6 and (parted or after >= len(texts) or not lines_touch(lines, run[-1], after) or after in removed):
            for k in run:
                removed.setdefault(k, "navigation (breadcrumb, one entry to a line)")


def _is_separator(text: str) -> bool:
    """A line of signs only (">", "›", "/"), as a trail copied one entry to a line has between entries."""
    return bool(text.strip()) and not any(ch.isalnum() for ch in text)


def _remove_credited_captions(lines: list[SourceLine], texts: list[str],
                              removed: dict[int, str], markdown: bool = False) -> None:
    """Remove a one-sentence line that stands with a photo credit or image apart from the text
    (in Markdown, where a blank line parts every block, one blank line away)."""
    anchors = [i for i, r in removed.items() if r in ("photo credit", "image (alt text)", "image (file name)")]
    for i in sorted(anchors):
        for step in (-1, 1):
            j, k = i + step, i + 2 * step
            beside = lines_touch(lines, i, j) or markdown and 0 <= j < len(texts) and lines_between(lines, i, j) == 1
            if not (beside and j not in removed):
                continue
            if removed[i] == "image (file name)" and _is_caption_phrase(texts[j]) and not lines_touch(lines, j, k):
                # Text saved from a browser: the picture's file name, then its caption standing
                # apart from the text; a heading there would run on into its section.
                removed[j] = "image caption (beside an image file name)"
                continue
            if not _is_caption_sentence(texts[j]):
                continue  # two sentences over a credit may be the article's own: medical text stays
            if removed[i] != "photo credit" and not _EMPHASISED.match(texts[j]):
                continue  # beside an image only the Markdown caption style, '*A nurse talks.*'
            # Body text runs on without blank lines in some pages: a caption has none beside it.
            if not lines_touch(lines, j, k) or k in removed or line_ending(texts[k]) not in TERMINAL:
                removed[j] = "image caption (beside a photo credit or image)"


def _caption_text(text: str) -> str | None:
    """A line of caption length (3-25 words, not a heading or list item), without emphasis marks."""
    bare = _EMPHASIS.sub("", bare_text(text))
    plain = not (BULLET.match(text) or HEADING_MARK.match(text)) and 3 <= word_count(bare) <= 25
    return bare if plain else None


def _is_caption_phrase(text: str) -> bool:
    """Tell whether a line could be a caption without a full stop: a phrase of a few words."""
    bare = _caption_text(text)
    return bare is not None and line_ending(bare) not in TERMINAL


def _is_caption_sentence(text: str) -> bool:
    """Tell whether a line could be a caption: one short sentence, not a heading or list item."""
    bare = _caption_text(text)
    return bare is not None and line_ending(bare) in tuple(".!…") and not re.search(r"[.!?]\s+[A-Z]", bare)


def _is_lead_in(text: str) -> bool:
    """Tell whether a line introduces a list: it ends with a colon."""
    return line_ending(bare_text(text)) == ":"


def _is_label_item(text: str) -> bool:
    """Tell whether a line reads 'Short label: explanation' or '**Short label** explanation', common
    list-item forms."""
    if re.match(r"^\*\*[^*]{1,60}\*\*\s*\S", text.strip()):
        return True
    match = re.match(r"^([^:.!?]+):\s+\S", bare_text(text))
    return bool(match) and word_count(match.group(1)) <= LABEL_MAX_WORDS


def _is_item_like(text: str) -> bool:
    """Tell whether a line can continue a list run after a lead-in."""
    if BULLET.match(text) or _is_label_item(text):
        return True
    end, words = line_ending(text), word_count(text)
    if end in (":", "?") or HEADING_MARK.match(text):
        return False
    return not (end in TERMINAL and words >= PARAGRAPH_MIN_WORDS) and words <= 60


def _is_question_item(text: str) -> bool:
    """Tell whether a line is a question that can be a list item ("Will I lose my hair?")."""
    # A question right after a lead-in is what the lead-in introduces: a lead-in is never
    # left with nothing, so a run of questions there is a list, not a row of FAQ headings.
    return line_ending(text) == "?" and not HEADING_MARK.match(text) and word_count(text) <= 25


# A line that opens with one of these continues the item above it ("a sore where the line
# goes" / "into your body"): an item a browser or PDF wrapped is one item.
_CONTINUING = frozenset("and or nor of into onto than that which where who whom whose from by with to for "
                        "at on in as".split())
_DANGLING = frozenset("a an the and or of to in on at for with your their from by into than that as".split())
# Of those, the ones a phrase may end with ("as the course goes on", "what to look for"): they
# leave a line open only when it is as wide as its list's widest, as a wrapped line is.
_PHRASE_ENDS = frozenset("in on at for by as".split())


_HYPHEN_END = re.compile(r"[^\W\d_]-$")


def _hyphen_wraps(lines: list[SourceLine], texts: list[str], removed: dict[int, str]) -> dict[int, int]:
    """Lines a PDF viewer broke inside a word ("during treat-" / "ment, a few weeks after it"): a
    line ending in a letter and a hyphen, the next line right under it starting in lower case.
    No sentence ends that way: the two lines are one text. By line: the line it runs on into."""
    return {i: i + 1 for i in range(len(texts) - 1)
            if i not in removed and i + 1 not in removed and lines_touch(lines, i, i + 1)
            and _HYPHEN_END.search(texts[i].rstrip()) and texts[i + 1].lstrip()[:1].islower()}


def _add_hyphen_wraps(wrapped: dict[int, list[int]], hyphenated: dict[int, int], removed: dict[int, str]) -> None:
    """Join the lines broken inside a word to the line they start on, beside wrapped list items."""
    taken = {k for rest in wrapped.values() for k in rest}
    for i in sorted(hyphenated):
        if i in taken or i in removed:
            continue
        start = next((s for s, rest in wrapped.items() if rest and rest[-1] == i), i)  # an item's last line
        chain = wrapped.setdefault(start, [])
        k = i
        while k in hyphenated and hyphenated[k] not in removed and hyphenated[k] not in taken:
            k = hyphenated[k]
            chain.append(k)
            taken.add(k)
        if not chain:
            del wrapped[start]


def _wrapped_items(lines: list[SourceLine], texts: list[str], removed: dict[int, str],
                   items: set[int]) -> dict[int, list[int]]:
    """Unbulleted item lines that continue the item above them, by the item they continue."""
    wrapped: dict[int, list[int]] = {}
    widest = _widest_in_run(lines, texts, sorted(items))
    start = None
    openings: set[str] = set()  # the first words of the items of the list so far
    for i in sorted(items):
        prev = i - 1
        words = bare_text(texts[i]).split()
        if prev not in items:
            openings = set()
        prev_words = bare_text(texts[prev]).split() if prev >= 0 else []
        nxt = i + 1
        # A second paragraph of a bulleted item sits between it and the next bullet.
        sandwiched = prev >= 0 and BULLET.match(texts[start if start is not None else prev]) and (
            _is_indented(lines[i].text)
            or nxt < len(texts) and nxt in items and BULLET.match(texts[nxt]) and lines_touch(lines, i, nxt))
        continues = prev in items and prev not in removed and i not in removed \
            and (lines_touch(lines, prev, i) or _is_indented(lines[i].text)) and not BULLET.match(texts[i]) \
            and words and prev_words \
            and (sandwiched or line_ending(texts[prev]) not in TERMINAL and (
                words[0] in _CONTINUING
                # "... treatment to the" / "head and neck": a word that leaves the line open
                # ("... builds up as the course goes on" / "feeling sick" are two items)
                or prev_words[-1].casefold() in _DANGLING and (
                    prev_words[-1].casefold() not in _PHRASE_ENDS or len(texts[prev]) >= WRAP_WIDTH * widest.get(prev, 0)))
                and words[0].casefold() != prev_words[0].casefold()  # "as a drip ..." / "as tablets ...": parallel items
                # "to try to cure ..." ... "alongside radiotherapy, ..." / "to control the cancer ...":
                # an item opening as an earlier item of the list did is the next item, not a wrapped line
                and words[0].casefold() not in openings)
        if continues and start is not None:
            wrapped.setdefault(start, []).append(i)
        else:
            start = i
            if words:
                openings.add(words[0].casefold())
    return wrapped


WRAP_WIDTH = 0.9  # a wrapped line fills nearly the width: this share of its list's widest line


def _widest_in_run(lines: list[SourceLine], texts: list[str], items: list[int]) -> dict[int, int]:
    """Each item's list's widest line (in characters): the lines of a run of items touching."""
    widest: dict[int, int] = {}
    run: list[int] = []
    for i in [*items, None]:
        if i is not None and run and lines_touch(lines, run[-1], i):
            run.append(i)
            continue
        width = max((len(texts[k]) for k in run), default=0)
        widest.update(dict.fromkeys(run, width))
        run = [i] if i is not None else []
    return widest


_RUNNING = "running header or footer (a printed page's)"


# What a list goes on over: a printed page's break, a transcript's time stamps between its lines.
# A portal's printout repeats the patient's name and record number at the top of each page.
_LIST_GOES_ON_OVER = (_RUNNING, PRINT_HEADER, PRINT_FOOTER, TRANSCRIPT_TIMESTAMP, "the patient's record (identifiers)")


CONTACT_BOX_LINES = 3


def _heads_contact_box(lines: list[SourceLine], removed: dict[int, str], i: int) -> bool:
    """Whether contact data (a number, hours, an address) follows line i within a few touching lines:
    i is the box's name."""
    for k in range(i + 1, min(i + 1 + CONTACT_BOX_LINES, len(lines))):
        if not lines_touch(lines, k - 1, k):
            return False
        if removed.get(k, "").startswith(("contact", "opening hours")):
            return True
    return False


def _page_break_between(above: int, below: int, removed: dict[int, str], tags: bool = False) -> bool:
    """Whether only a printed page's break (or a transcript's time stamp) lies between two lines:
    a list goes on over it. tags: a source's tags count as no break either (an MDX page's tab
    panels between bulleted items, "</TabItem>" / "<TabItem label=...>": one list under one lead-in)."""
    between = range(above + 1, below)
    goes_on = _LIST_GOES_ON_OVER + (SOURCE_TAG,) if tags else _LIST_GOES_ON_OVER
    return bool(between) and all(removed.get(k) in goes_on for k in between)


def _list_items(lines: list[SourceLine], texts: list[str], removed: dict[int, str],
                plain: bool = False, html: bool = False) -> tuple[set[int], dict[int, int]]:
    """Find list items (bullets, and runs after a lead-in); return items and run end by lead-in.

    In plain text (plain=True) the lines right under a lead-in, with no blank line between, are
    its items even when they are whole sentences ("During the scan:" / "The table moves ...");
    and a line between two bulleted items is the second paragraph of the item above it.
    """
    kept = [i for i in range(len(texts)) if i not in removed]
    items = {i for i in kept if BULLET.match(texts[i])}
    runs: dict[int, int] = {}
    apart = _headings_stand_apart(lines, texts, kept)
    for pos, lead in enumerate(kept):
        if not _is_lead_in(texts[lead]):
            continue
        last, tight = lead, None  # tight: items so far were not separated by blank lines
        told = _told_items(lines, texts, kept, pos, plain, html)
        asks = None  # the run is a list of questions ("You may want to ask:" + questions)
        for nxt, i in enumerate(kept[pos + 1:], start=pos + 1):
            if any(removed[k].startswith("navigation") and _is_bare_heading(texts[k]) for k in range(last + 1, i)):
                break  # "Related pages" over its links: the list above ended with the section
            gap = lines_between(lines, last, i) > 0 and not _page_break_between(last, i, removed, tags=bool(BULLET.match(texts[i])))
            bullet = bool(BULLET.match(texts[i]))
            question = _is_question_item(texts[i])
            asks = question if asks is None else asks
            following = kept[nxt + 1] if nxt + 1 < len(kept) else None
            indented = _is_indented(lines[i].text)  # a list item's own paragraph, even after a blank line
            sandwiched = (not gap or indented) and last != lead and bool(BULLET.match(texts[last])) \
                and not _is_lead_in(texts[i]) and (  # a new lead-in opens its own list
                indented or plain and following is not None
                and lines_touch(lines, i, following) and bool(BULLET.match(texts[following])))
            # Items in lower case, one to a line, the last with the list's full stop ("through a
            # small pump you wear home for a day or two."): a sentence would start with a capital.
            lower_run = not gap and last != lead and bare_text(texts[i])[:1].islower() \
                and bare_text(texts[last])[:1].islower() and word_count(texts[i]) <= 30
            if not bullet and last != lead and BULLET.match(texts[last]) and _heads_contact_box(lines, removed, i):
                break  # "Immunotherapy nurse clinic" / its address / hours / number: a box after the bulleted list
            if not bullet and not sandwiched and i not in told and not lower_run and (
                    not (_is_item_like(texts[i]) or (asks and question))
                    or _heads_next_list(lines, texts, kept, nxt, apart) or (gap and tight) or last in told and _heads_sentences(lines, texts, kept, i, pos)):
                break  # after whole-sentence items, a bare heading is the next section's
            if last != lead:
                tight = not gap if tight is None else tight
            items.add(i)
            last = i
        runs[lead] = last
    return items, runs


# "8.<TAB>Getting your results", "2) Before treatment": a numbered line; "7.1 Radiation": a subsection's.
_NUMBERED = re.compile(r"^\s*(\d{1,2})[.)]\s+(\S.*)$")
_SUBSECTION = re.compile(r"^\s*(\d{1,2})\.\d{1,2}\.?\s+\S")
NUMBERED_HEADING_WORDS = 8
_LEADERS = re.compile(r"(\.\s?){3,}|…|\s\d{1,3}$")


def _numbered_headings(texts: list[str], kept: list[int]) -> set[int]:
    """Numbered section titles, not list items: a handout written in a word processor numbers its
    sections ("7.<TAB>Risks", "7.1<TAB>Radiation", "8.<TAB>What is a CT scan?"). A short numbered
    line without a sentence's end (a question's is a title's) is a section's title when the
    document numbers a subsection under it, or when it stands alone over a paragraph (no numbered
    line above or below: a list runs on from item to item)."""
    numbered = {i: found for i in kept if (found := _NUMBERED.match(texts[i]))}
    if not numbered:
        return set()
    parents = {found.group(1) for i in kept if (found := _SUBSECTION.match(texts[i]))}
    headings = set()
    for pos, i in enumerate(kept):
        found = numbered.get(i)
        if not found or word_count(found.group(2)) > NUMBERED_HEADING_WORDS or line_ending(texts[i]) in tuple(".!:;,…") \
                or _LEADERS.search(texts[i]):
            continue  # a sentence, or a contents list's entry ("2. What is chemotherapy? ...... 2")
        above = kept[pos - 1] if pos else None
        below = kept[pos + 1] if pos + 1 < len(kept) else None
        alone = above not in numbered and below is not None and below not in numbered \
            and not BULLET.match(texts[below]) and word_count(texts[below]) >= 6  # over a paragraph
        if found.group(1) in parents or alone:
            headings.add(i)
    return headings


def _table_rows(lines: list[SourceLine], texts: list[str], removed: dict[int, str]) -> set[int]:
    """A Markdown table's rows below its header row: each is one item ("Tiredness – Rest ...")."""
    rows = set()
    for i in range(1, len(texts)):
        header_above = TABLE_ROW.match(texts[i - 1]) and (i - 1 in rows or i - 2 >= 0 and _is_rule_row(texts[i - 2]))
        if i not in removed and TABLE_ROW.match(texts[i]) and lines_touch(lines, i - 1, i) and (
                _is_rule_row(texts[i - 1]) or header_above):
            rows.add(i)
    return rows


# A fact box's row copied from a page ("Other names<TAB>Computed tomography, CAT scan"): a short
# label, a tab, its value. A value that is only codes ("ICD-10<TAB>T45.1X5") is the box's index.
_BOX_ROW = re.compile(r"^(?P<label>[^\t.!?:]{1,40})\t+(?P<value>\S.*)$")
_CODES = re.compile(r"^[\w.?*/-]*\d[\w.?*/-]*(\s*[,;]\s*[\w.?*/-]+)*$")


def _fact_box_rows(texts: list[str], removed: dict[int, str]) -> set[int]:
    """A fact box's rows, kept where they stand (even above the article's first paragraph) as
    items; its rows of classification codes go."""
    rows = set()
    for i, text in enumerate(texts):
        match = _BOX_ROW.match(text)
        if i in removed or not match or word_count(match["label"]) > 4:
            continue
        if _CODES.match(match["value"].strip()):
            removed[i] = "classification codes (a fact box's index row)"
        else:
            rows.add(i)
    return rows


def _in_tab_table(texts: list[str], i: int) -> bool:
    """A row of a two-column table as the browser copies it ("A list of your medicines<TAB>So we
    can check them"): its cells parted by a tab, like the row above or below it."""
    return "\t" in texts[i] and any("\t" in texts[k] for k in (i - 1, i + 1) if 0 <= k < len(texts))


def _is_rule_row(text: str) -> bool:
    """The line under a Markdown table's header: "| --- | :---: |"."""
    return bool(re.fullmatch(r"\s*\|?(\s*:?-{3,}:?\s*\|)+\s*:?-*:?\s*", text))


def _told_items(lines: list[SourceLine], texts: list[str], kept: list[int], pos: int, plain: bool,
                html: bool) -> set[int]:
    """Whole sentences that are a lead-in's items, one to a line ("During the scan:" / "The table
    moves ..." / "You will need to lie still."): the block of lines right under the lead-in (or
    after one blank line, then two or more), closed by a blank line, with no bullets, each line a
    line of its own: plain text, or Markdown lines joined by hard breaks (two spaces, a backslash)."""
    if pos + 1 >= len(kept):
        return set()
    if html:  # no blank lines: short one-sentence paragraphs up to a heading
        block = []
        for k in kept[pos + 1:pos + 13]:
            if HEADING_MARK.match(texts[k]) or not is_sentence(texts[k]) or word_count(texts[k]) > 30 \
                    or len(re.findall(r"\w[.!?]\s+[A-Z]", texts[k])) > 1:
                break  # an item is a sentence or two
            block.append(k)
        following = kept[pos + 1 + len(block)] if pos + 1 + len(block) < len(kept) else None
        closed = following is None or bool(HEADING_MARK.match(texts[following]))
        return set(block) if len(block) >= 2 and closed else set()
    blanks = lines_between(lines, kept[pos], kept[pos + 1])
    start = pos if blanks == 0 else pos + 1 if blanks == 1 else None
    if start is None:
        return set()
    # Another lead-in opens the next list ("Call 999 if you have:" ... "Call your team if you
    # have:" ...), and a heading the next section: this one's items end above them.
    end = _block_end(lines, kept, start, closes=lambda k: _is_lead_in(texts[k]) or _heads_sentences(lines, texts, kept, k, pos))
    block = kept[pos + 1:end + 1]
    if len(block) < (1 if start == pos else 2) or any(BULLET.match(texts[k]) for k in block):
        return set()
    separate = plain or all(lines[k].text.endswith(("  ", "\\")) for k in block[:-1])
    return {k for k in block if _is_paragraph(texts[k])} if separate else set()


def _is_indented(raw: str) -> bool:
    """Tell whether a raw line is indented (two spaces or a tab): it continues the list item above."""
    return raw.startswith(("  ", "\t")) and bool(raw.strip()) and not BULLET.match(raw)


def _block_end(lines: list[SourceLine], kept: list[int], pos: int, most: int = 20,
               closes: Callable[[int], bool] = lambda k: False) -> int:
    """The position in kept of the last line of the block of lines that kept[pos] opens (no blank
    line between them), when a blank line, or a line that `closes` it, ends it within `most`
    lines; else pos. Only then can whole sentences under a lead-in be its items: in a page saved
    without blank lines the "block" is the whole page."""
    end = pos
    while end + 1 < len(kept) and lines_touch(lines, kept[end], kept[end + 1]):
        if closes(kept[end + 1]):
            return end
        end += 1
        if end - pos > most:
            return pos
    closed = end + 1 < len(kept) and lines_between(lines, kept[end], kept[end + 1]) > 0
    return end if closed else pos


def _heads_sentences(lines: list[SourceLine], texts: list[str], kept: list[int], k: int, lead_pos: int) -> bool:
    """Tell whether line k, after two or more whole-sentence items of the lead-in at kept[lead_pos],
    is the next section's bare heading ("Managing fatigue"): two sentences run on under it. A
    short item of the list ("Have kidney problems") is followed by more items, or comes early."""
    at = bisect_left(kept, k)  # kept is sorted
    after = kept[at + 1:at + 3]
    return _is_bare_heading(texts[k]) and at - lead_pos > 2 and len(after) == 2 \
        and all(lines_touch(lines, a, b) for a, b in zip([k, *after], after)) \
        and all(is_sentence(texts[a]) and line_ending(texts[a]) in tuple(".!") for a in after)


def _is_bare_heading(text: str) -> bool:
    """A heading in text without marks: a short line, no bullet, no sentence end ("Managing fatigue")."""
    return is_short_entry(text) and not BULLET.match(text) and line_ending(text) not in TERMINAL + (":",)


def _remove_link_lines(lines: list[SourceLine], texts: list[str], removed: dict[int, str],
                       runs: dict[int, int]) -> None:
    """Remove lines that are only links, unless they are the items of an article's lead-in.

    Links are Markdown links, or in HTML text all inside <a href> (SourceLine.linked): a menu,
    a related-articles list, a "Read more" line. Link density is what boilerplate removers
    (jusText, trafilatura) judge navigation by; a sentence with a link in it is not link-only.
    """
    links = {i for i, text in enumerate(texts)
             if i not in removed and (lines[i].linked or _is_link_only(text))}
    for lead, last in runs.items():
        listed = set(range(lead + 1, last + 1)) - set(removed)
        if not listed or not listed <= links:
            links -= listed  # a list with items in words is the article's, links and all
        elif lead not in removed and word_count(texts[lead]) >= 3 and not LINK_LEAD_IN.search(texts[lead]):
            links -= listed  # "Common side effects include:" followed by linked names (a removed
            # heading, "Related Patient Education", leads no article's list)
        else:
            links.add(lead)  # "More about coping:" or "Services:" goes with its links
    for i in links:
        removed.setdefault(i, "navigation (links to other pages)")


def _remove_box_links(lines: list[SourceLine], texts: list[str], removed: dict[int, str], items: set[int]) -> None:
    """Remove the link that closes a box in text saved from a browser: a short title, one paragraph
    and, against it, a few words with no full stop before a blank line ("Looking after yourself
    too" / "Supporting someone ... make a difference." / "Ways to take a break"). The link's
    address is lost in the copy; a heading sits over what it heads, not under a paragraph."""
    for i in range(2, len(lines)):
        text = texts[i]
        if i in removed or i in items or word_count(text) > LABEL_MAX_WORDS or line_ending(text) in TERMINAL \
                or text.rstrip().endswith(":") or bare_text(text)[:1].islower():
            continue
        paragraph, title = i - 1, i - 2
        if lines_touch(lines, i, i + 1) or not lines_touch(lines, paragraph, i) or paragraph in removed \
                or not _is_paragraph(texts[paragraph]) or not lines_touch(lines, title, paragraph) \
                or title in removed or not _reads_as_heading(texts[title]) or lines_touch(lines, title - 1, title):
            continue
        removed[i] = "navigation (the link closing a box)"


def _is_link_only(text: str) -> bool:
    """Tell whether a line holds Markdown links and nothing else but separators."""
    bare = bare_text(text)
    return bool(MARKDOWN_LINK.search(bare)) and not any(
        ch.isalnum() for ch in MARKDOWN_LINK.sub("", bare))


QUESTION_HEADING_MAX_WORDS = 12
HEADINGS_APART_SHARE = 0.8  # a poll's question against its label may be one of them


def _headings_stand_apart(lines: list[SourceLine], texts: list[str], kept: list[int]) -> bool:
    """Whether the page sets its headings apart with a blank line above (its questions, "How is it
    given?", and its marked headings, two or more of them, nearly all): there, a line against the
    text on both sides is no heading."""
    headings = [pos for pos, i in enumerate(kept) if pos and (HEADING_MARK.match(texts[i]) or (
        line_ending(texts[i]) == "?" and word_count(texts[i]) <= QUESTION_HEADING_MAX_WORDS and not BULLET.match(texts[i])))]
    set_apart = sum(not lines_touch(lines, kept[pos - 1], kept[pos]) for pos in headings)
    return len(headings) >= 2 and set_apart >= HEADINGS_APART_SHARE * len(headings)


def _heads_next_list(lines: list[SourceLine], texts: list[str], kept: list[int], pos: int, apart: bool = False) -> bool:
    """Tell whether a short unpunctuated line is the heading of the next lead-in, not an item: it
    sits against the lead-in below, not against the item above ("Joint aches" / "Cough" / blank /
    "Less often it can cause:" ends a list with "Cough"). apart: the page's headings have a blank
    line above them."""
    text = texts[kept[pos]]
    follows_lead_in = pos + 1 < len(kept) and _is_lead_in(texts[kept[pos + 1]]) \
        and not _is_label_item(texts[kept[pos + 1]])
    ends_list = pos > 0 and lines_touch(lines, kept[pos - 1], kept[pos]) and pos + 1 < len(kept) \
        and not lines_touch(lines, kept[pos], kept[pos + 1])
    starts_lower = bare_text(text)[:1].islower()  # "swelling where the tube went in" continues a list; a heading has a capital
    # Against both, with no blank line anywhere, a heading is a short name ("Late effects"); a
    # longer phrase is the list's last item ("Diarrhoea when the pelvis is treated").
    between = 0 < pos < len(kept) - 1 and lines_touch(lines, kept[pos - 1], kept[pos]) \
        and lines_touch(lines, kept[pos], kept[pos + 1])
    if between and apart:
        return False
    longest = 4 if between else 10
    # Worded as the items above it are ("Are pregnant or think you might be" / "Are breastfeeding"):
    # the list's last item, not a heading.
    first = fold_text(bare_text(text)).split(" ", 1)[0]
    parallel = between and any(fold_text(bare_text(texts[k])).split(" ", 1)[0] == first for k in kept[max(0, pos - 6):pos])
    return follows_lead_in and not ends_list and not starts_lower and not parallel and line_ending(text) not in TERMINAL \
        and word_count(text) <= longest


def _is_caption_length(text: str) -> bool:
    """Tell whether a line is too long for a heading yet has no final punctuation. A caption is one
    phrase: a line of several sentences is a paragraph whose end is unclear ("... 1 in 1,000.3")."""
    end = line_ending(text)
    return word_count(text) >= CAPTION_MIN_WORDS and end not in TERMINAL and end not in SOFT_END \
        and not re.search(r"\w[.!?]\s+[A-Z]", text) and not is_term_list(text) \
        and not text.lstrip().startswith("#")  # a page's own heading, however long


def _is_paragraph(text: str) -> bool:
    """Tell whether a line is a real paragraph: long enough and ending like a sentence."""
    return word_count(bare_text(text)) >= PARAGRAPH_MIN_WORDS and line_ending(text) in TERMINAL


PROMOTION_REASONS = ("contact", "fundraising appeal", "newsletter form", "chat widget", "the clinic's prices",
                     "navigation", "member promotion", "the site's offer", "enquiry form", "call to action",
                     "booking button", "booking widget")
FORM_REASONS = ("newsletter form", "comment or contact form", "comment form", "login dialog", "dialog button")
_FORM_LINE = (*FORM_REASONS, _REGION_REASONS["form"])
# A banner's sentences between two of its lines are its own ("Cookies on ..." / "We've put some
# small files ..." / "We'd also like to use analytics cookies ...").
BANNER_REASONS = ("cookie or privacy banner", "browser notice", "site alert", "advertisement")


_FINDER = "navigation (a finder link)"


def _remove_form_text(lines: list[SourceLine], texts: list[str], removed: dict[int, str]) -> None:
    """Remove a short line held between two lines of a form ("Sign up to our newsletter" /
    "News and events, once a month." / "Your email address"): it is the form's own text."""
    for i in range(1, len(texts) - 1):
        above, below = removed.get(i - 1, ""), removed.get(i + 1, "")
        if i in removed or not lines_touch(lines, i - 1, i):
            continue
        # A finder's <form> may open on a line of its own between its note and its first field
        # ("Find a location near you" / "See our infusion centers close to home ..." / "ZIP code or city").
        touches = lines_touch(lines, i, i + 1)
        if (touches or above == _FINDER) and word_count(texts[i]) <= 20 and below in _FORM_LINE \
                and (above in _FORM_LINE or (above and _reads_as_heading(texts[i - 1]))):
            # Between two of a form's lines, or between its removed title and its first field
            # ("Find a specialist" / "Search by name or location." / "Doctor name").
            removed[i] = "form text (between the lines of a form)"
        elif touches and above == below and above in BANNER_REASONS:
            removed[i] = f"{above} (a line between two of its lines)"


# What a consent manager's preference centre says between its banner's lines: each kind of cookie's
# description ("These cookies count visits ..."), the right to opt out of the sale of personal data.
_COOKIES = re.compile(r"\bcookies?\b", re.IGNORECASE)
_CONSENT_WORDS = re.compile(r"\b(cookies?|consent|opt[ -]out|personal (data|information)|privacy|tracking|"
                            r"advertising partners|targeted advertising)\b", re.IGNORECASE)
_COOKIE_BANNER = "cookie or privacy banner"
CONSENT_GAP = 10  # lines between two of a consent panel's lines
CONSENT_BANNER_LINES = 3  # a panel's lines the rules took as the banner's, at least
CONSENT_LABEL_MAX_WORDS = 4


def _remove_consent_panels(texts: list[str], removed: dict[int, str]) -> None:
    """Remove what a cookie consent panel holds between its lines the rules took ("Strictly Necessary
    Cookies" / "Always Active" / "These cookies are needed for the site to work ..." / "Cookie List"):
    its sentences about cookies and personal data, and its buttons' short labels. A panel is a chain of
    lines, each within CONSENT_GAP lines of the next: lines about cookies, and removed lines about
    consent or personal data. Only a kept line naming cookies links it: an article's "consent form"
    never does. What is removed lies between the chain's first and last banner lines, where no
    paragraph of the article stands."""
    def banner(k: int) -> bool:
        return removed.get(k, "").startswith(_COOKIE_BANNER)

    def links(k: int) -> bool:
        return banner(k) or bool(_COOKIES.search(texts[k])) or k in removed and bool(_CONSENT_WORDS.search(texts[k]))

    chain: list[int] = []
    for k in [k for k in range(len(texts)) if links(k)] + [len(texts) + CONSENT_GAP + 1]:
        if chain and k - chain[-1] > CONSENT_GAP:
            banners = [c for c in chain if banner(c)]
            inside = range(banners[0], banners[-1] + 1) if banners else range(0)
            # An article's paragraph between them says the banner lines are two boxes, not one panel.
            if len(banners) >= CONSENT_BANNER_LINES and not any(
                    i not in removed and _is_paragraph(texts[i]) and not _CONSENT_WORDS.search(texts[i]) for i in inside):
                for i in inside:
                    label = word_count(bare_text(texts[i])) <= CONSENT_LABEL_MAX_WORDS \
                        and line_ending(texts[i]) not in TERMINAL and not HEADING_MARK.match(texts[i])
                    if i not in removed and (_CONSENT_WORDS.search(texts[i]) or label):
                        removed[i] = f"{_COOKIE_BANNER} (inside its consent panel)"
            chain = []
        chain.append(k)


def _remove_headings_of_removed_lines(lines: list[SourceLine], texts: list[str],
                                      removed: dict[int, str], items: set[int], html: bool = False) -> None:
    """Remove a heading whose whole block was removed ("What our patients say" over testimonials,
    "Our consultants" over a staff list): with nothing under it, it heads the furniture.
    Only inside the body: above the first paragraph, the title stands over page furniture."""
    body = _article_start(texts, removed)
    if body is None:
        return
    for i, text in enumerate(texts):
        if i <= body or i in removed or i in items or word_count(bare_text(text)) > 10:
            continue
        block = _block_under(lines, texts, removed, items, i, html)
        if not block and HEADING_MARK.match(text):
            # A marked heading ("### Share your story") heads what follows it after a blank line.
            block = _block_under(lines, texts, removed, items, i, True)
        if block and all(removed.get(k, "").startswith("separator") for k in block):
            # A heading underlined as plain text marks one ("YOUR QUESTIONS" / "=========="): it
            # heads what follows its rule, after the blank line.
            block += _block_under(lines, texts, removed, items, block[-1], True)
            if all(removed.get(k, "").startswith("separator") for k in block):
                continue  # a title over the headings that follow its rule
        if not block or not all(k in removed for k in block):
            continue
        reasons = [removed[k] for k in block if not removed[k].startswith("separator")] or [removed[block[0]]]
        if all(r == "accordion control" for r in reasons):
            continue  # "Expand all" works the questions below the heading: the section goes on there
        if all(r.startswith(_TITLE_TOOLS) for r in reasons) and not _NAMES_A_TOOL.search(text) \
                and heading_level(lines[i]) <= 1:
            continue  # a title over its page's tools (language, print, share, contents): the article follows
        if line_ending(text) not in TERMINAL and not all(r.startswith("contents list") for r in reasons):
            removed[i] = f"heading of removed lines ({reasons[0]})"
        elif word_count(bare_text(text)) <= 8 and _is_promotion(_own_section(texts, removed, block)):
            # A box's one-line title ("Hope starts here.", "Questions? We're here.") over its
            # appeal or call to action: the box is the site's, and so is its title. The model's
            # verdict counts only beside a rule's ("Need to talk?" over an offer the model took
            # and the helpline's number).
            removed[i] = f"title of a box of removed lines ({reasons[0]})"


def _is_promotion(reasons: list[str]) -> bool:
    """A block of removed lines the site promotes itself with: a rule's offer, call or menu, and
    the model's verdict only beside one."""
    return any(r.startswith(PROMOTION_REASONS) for r in reasons) \
        and all(r.startswith((*PROMOTION_REASONS, MODEL_REASON)) for r in reasons)


def _own_section(texts: list[str], removed: dict[int, str], block: list[int]) -> list[str]:
    """The removal reasons of a block up to the next section's heading (removed as one, or marked
    "## What our patients say"), which heads its own; separators aside."""
    own = []
    for k in block:
        if own and (removed[k].startswith("heading of removed lines") or HEADING_MARK.match(texts[k])):
            break
        if not removed[k].startswith("separator"):
            own.append(removed[k])
    return own or [removed[block[0]]]


def _block_under(lines: list[SourceLine], texts: list[str], removed: dict[int, str], items: set[int], i: int,
                 across_blanks: bool) -> list[int]:
    """The lines under heading i, up to a blank line (unless across_blanks: HTML has none) or
    the next heading; "Back to top" ends them too."""
    block = []
    j = i + 1
    while j < len(texts) and (across_blanks or lines_touch(lines, j - 1, j)) and not BACK_TO_TOP.fullmatch(
            fold_text(bare_text(texts[j])).strip(EDGE_JUNK)) and (
            j in removed or j in items or line_kind(texts[j], False) != "heading"):
        block.append(j)
        j += 1
    return block


_ADDRESS_ALONE = re.compile(r"\((?:https?://|www\.)[^\s()]*\)")
LINK_TITLE_WORDS = 12  # a link's title is a few words; a sentence's clause over an address is not one


def _remove_links_over_their_address(lines: list[SourceLine], texts: list[str], removed: dict[int, str]) -> None:
    """A print stylesheet's link whose address went onto the next line ("• Finding your way: maps
    of our cancer centres" / "(https://.../maps)"): the link's, like one with its address beside it."""
    for i in range(len(texts) - 1):
        if i not in removed and i + 1 in removed and lines_touch(lines, i, i + 1) \
                and _ADDRESS_ALONE.fullmatch(bare_text(texts[i + 1]).strip()) \
                and word_count(texts[i]) <= LINK_TITLE_WORDS and line_ending(texts[i]) not in TERMINAL:
            removed[i] = "link (its address printed after it)"


def _remove_tag_runs(lines: list[SourceLine], texts: list[str], removed: dict[int, str], items: set[int]) -> None:
    """Remove a run of TAG_RUN or more labels of one to three words, line after line, that stands
    between removed lines with no lead-in over it: a post's topic tags ("Chemotherapy" /
    "Cancer" / "Nursing" between the closing plea and the clap count), a menu no rule knew.
    An article's list has its lead-in (its lines are items), its headings a paragraph each."""
    def label(i: int) -> bool:
        text = texts[i]
        return (i not in removed and i not in items and word_count(text) <= TAG_WORDS and not BULLET.match(text)
                and line_ending(text) not in TERMINAL and not text.rstrip().endswith(":"))

    i = 0
    while i < len(texts):
        end = i
        while label(end) and end + 1 < len(texts) and label(end + 1) and lines_touch(lines, end, end + 1):
            end += 1
        if label(i) and end - i + 1 >= TAG_RUN and (i == 0 or i - 1 in removed) \
                and (end + 1 == len(texts) or end + 1 in removed):
            for k in range(i, end + 1):
                removed[k] = "tags or menu (labels between removed lines)"
        i = end + 1


def _remove_trailing_sections(texts: list[str], removed: dict[int, str]) -> None:
    """Remove everything after a comments or references heading that follows most of the text."""
    words = [word_count(t) if i not in removed and _is_paragraph(t) else 0 for i, t in enumerate(texts)]
    reason = None
    for i, text in enumerate(texts):
        heading = _trailing_section(text)
        # A 'Comments' link near the top must not cut the article: most of the text comes first.
        if heading and (reason or sum(words[:i]) > sum(words[i + 1:])):
            reason = heading
        elif reason == "reference list" and _resumes_article(texts, removed, i):
            reason = None  # a second answer after the first one's sources: the article again
        elif reason and i not in removed and _FOOTNOTE.match(text):
            reason = None  # Markdown puts every footnote last: one that explains a word is the article's
        if reason:
            removed.setdefault(i, reason)


_FOOTNOTE = re.compile(r"^\[\^\w+\]:")
# What a reference cites by: a year, an address or domain, a DOI, "et al", a "·" between source and title.
_CITES = re.compile(r"\b(19|20)\d\d\b|https?://|www\.|\.(example|org|com|gov|net|edu|uk)\b|\bdoi\b|\bet al\b|·")
RESUMED_TEXT_LINES = 3  # of the next five lines, this many read as the article's, not as citations
RESUMED_PARAGRAPH_WORDS = 15  # a paragraph this long, with no year, address or DOI, is no reference


def _resumes_article(texts: list[str], removed: dict[int, str], i: int) -> bool:
    """Inside a references section, a heading over the article's own text (a lead-in, sentences,
    list items without a year, an address or a DOI among them), or a long paragraph that such text
    follows (an answer engine's second answer, right under its sources): the references have ended."""
    if i in removed or _CITES.search(texts[i]):
        return False
    heading = line_ending(texts[i]) not in TERMINAL and is_short_entry(texts[i])
    if not heading and not (_is_paragraph(texts[i]) and word_count(texts[i]) >= RESUMED_PARAGRAPH_WORDS):
        return False
    below = [k for k in range(i + 1, min(i + 6, len(texts))) if k not in removed]
    prose = [k for k in below if not _CITES.search(texts[k]) and (is_sentence(texts[k]) or _is_lead_in(texts[k])
                                                                   or texts[k][:1].islower())]
    return len(prose) >= (RESUMED_TEXT_LINES if heading else RESUMED_TEXT_LINES - 1) \
        and any(_is_lead_in(texts[k]) or _is_paragraph(texts[k]) for k in prose)


def _trailing_section(text: str) -> str | None:
    """Return the kind of trailing section a heading line opens ('comment section'), if any."""
    label = _COUNT.sub("", fold_text(bare_text(text)).strip(EDGE_JUNK))  # "Sources (3)"
    if _is_comment_header(text):
        return "comment section"  # the first reader's comment, where no heading opens them
    return next((reason for rule, reason in TRAILING_SECTIONS if rule.fullmatch(label)), None)


def _remove_outside_body(lines: list[SourceLine], texts: list[str], removed: dict[int, str], runs: dict[int, int],
                         dated: set[int], box_rows: frozenset[int] | set[int] = frozenset()) -> None:
    """Remove page header and footer lines outside the article body (first..last paragraph)."""
    kept = [i for i in range(len(texts)) if i not in removed]
    paragraphs = [i for i in kept if _is_paragraph(texts[i])]
    first = _article_start(texts, removed, dated)
    if first is None:
        return  # no article body to anchor on: leave the lines to the editor
    first = _after_the_title(lines, paragraphs, first)
    last = paragraphs[-1]
    last = max([last] + [end for lead, end in runs.items() if first <= lead <= last])
    last = _closing_lines(texts, [i for i in kept if i > last], last, runs)
    header = [i for i in kept if i < first]
    # A header line that a contents list names is the first section's heading, not the title.
    listed = {_heading_key(texts[i]) for i, r in removed.items() if r.startswith("contents list")}
    sections = {i for i in header if _heading_key(texts[i]) in listed}
    titles = (dated & set(header)) or _titles_beside_subtitles(lines, texts, removed, [i for i in header if i not in sections], first)
    # Short sentences running straight into the first paragraph open the body with it.
    lead_sentences = set()
    k = first - 1
    while k >= 0 and k not in removed and is_sentence(texts[k]):
        lead_sentences.add(k)
        k -= 1
    if dated & set(header) and header and header[-1] > max(titles) and _is_heading_like(texts, header[-1]):
        sections.add(header[-1])  # the first section's heading, between the title and the body
    # Above the page's <h1>, a heading is a box's of the page (a portal's note over the article it assigns).
    h1 = max((i for i in header if lines[i].level == 1), default=-1)
    for i in header:
        marked = bool(HEADING_MARK.match(texts[i])) and line_ending(texts[i]) not in tuple(".!") \
            and not i < h1  # not a bold sentence
        standfirst = (bool(titles) and i > max(titles) or i in lead_sentences) and is_sentence(texts[i])
        titled = line_ending(texts[i]) == "?" or marked or standfirst or i in titles | sections | box_rows
        if not titled:
            removed[i] = "before the article"
    for i in kept:
        if i > last:
            removed[i] = "after the article"
    _restore_only_copies(texts, removed, set(header) - titles)


TITLE_BOX_MAX_PARAGRAPHS = 2
BODY_MIN_PARAGRAPHS = 3


def _after_the_title(lines: list[SourceLine], paragraphs: list[int], first: int) -> int:
    """An HTML page's article starts under its <h1>: a paragraph or two above it are a box's of
    the page (a portal's note over the sheet it assigns), where the body follows the title."""
    h1 = next((i for i, line in enumerate(lines) if line.level == 1), None)
    if h1 is None or h1 < first:
        return first
    above = [p for p in paragraphs if first <= p < h1]
    below = [p for p in paragraphs if p > h1]
    return below[0] if len(above) <= TITLE_BOX_MAX_PARAGRAPHS and len(below) >= BODY_MIN_PARAGRAPHS else first


def _titles_beside_subtitles(lines: list[SourceLine], texts: list[str], removed: dict[int, str], header: list[int],
                             first: int) -> set[int]:
    """The header's title lines, chosen as if its subtitles saying whom the page is for ("A guide for
    patients having radiotherapy") were still there: a title is found beside its subtitle, whatever
    took the subtitle itself."""
    subtitles = {i for i, reason in removed.items()
                 if i < first and reason == "about this page" and line_ending(texts[i]) not in TERMINAL}
    if not subtitles:
        return _title_lines(lines, texts, removed, header)
    if cover := _title_over_subtitle(lines, texts, header, min(subtitles)):
        return cover
    others = {i: reason for i, reason in removed.items() if i not in subtitles}
    return _title_lines(lines, texts, others, sorted({*header, *subtitles})) - subtitles


COVER_TITLE_MAX_LINES = 3


def _title_over_subtitle(lines: list[SourceLine], texts: list[str], header: list[int], subtitle: int) -> set[int]:
    """A printed cover's title: the lines right above its subtitle ("Chemotherapy" over
    "Information for patients, their families and carers"), one under the other as the cover wraps
    a long title ("External beam" / "radiotherapy"); a department's name below the subtitle is not it."""
    above = [i for i in header if i < subtitle]
    if not above or lines_between(lines, above[-1], subtitle) > 1:
        return set()
    run = [above[-1]]
    for i in reversed(above[:-1]):
        if len(run) == COVER_TITLE_MAX_LINES or not lines_touch(lines, i, run[-1]):
            break
        run.append(i)
    if not all(is_short_entry(texts[i]) and line_ending(texts[i]) not in TERMINAL for i in run):
        return set()
    return set(run)


def _restore_only_copies(texts: list[str], removed: dict[int, str], header: set[int]) -> None:
    """Restore a heading taken as a repeat of a line that is itself gone: an entry of a jump list
    above the title ("Your treatment day"), of a contents list, of a video's chapter list in its
    description. It is the only copy left, and its section's heading, where it heads text: the next
    line kept (past a transcript's time stamps) reads as a paragraph, a lead-in or a sentence."""
    gone = {texts[i] for i in header if removed.get(i) == "before the article"} | {
        texts[i] for i, reason in removed.items() if reason.startswith(("contents", "a recording's chapters"))}
    kept = {texts[i] for i in range(len(texts)) if i not in removed}
    for i, reason in list(removed.items()):
        if reason != "repeated line" or texts[i] not in gone or texts[i] in kept or not is_short_entry(texts[i]):
            continue
        # Past a transcript's time stamps, and past a title's tools ("Print", "Send by mail", "Reading time: 5 minutes").
        k = next((k for k in range(i + 1, len(texts)) if removed.get(k) != TRANSCRIPT_TIMESTAMP
                  and not removed.get(k, "").startswith(_BESIDE_TITLE)), len(texts))
        if k < len(texts) and k not in removed and (_is_paragraph(texts[k]) or _is_lead_in(texts[k]) or is_sentence(texts[k])
                                                    or line_ending(texts[k]) == "?"):
            del removed[i]
            kept.add(texts[i])  # a later copy of it is a repeat again


# Removal reasons of a breadcrumb trail (a paragraph right above one is in the page's chrome).
_TRAIL_REASONS = ("navigation (breadcrumb", "navigation (menu or breadcrumb")

def _article_start(texts: list[str], removed: dict[int, str], titles: set[int] | frozenset[int] = frozenset()) -> int | None:
    """The first paragraph of the article body, or None when the page has no paragraph.

    The body opens with a paragraph that more article follows; a lone one among menus and
    banners (a site-wide alert above the menu) is the page's, not the article's.
    """
    kept = [i for i in range(len(texts)) if i not in removed]
    # A headline written as a sentence ("'I've been sent for a CT scan - what happens?'") is the
    # page's title when its byline follows it, not the body's first paragraph.
    paragraphs = [i for i in kept if _is_paragraph(texts[i]) and i not in titles]
    if not paragraphs:
        return None
    return next((p for p in paragraphs if _opens_article(texts, kept, p, removed)), paragraphs[0])


def _opens_article(texts: list[str], kept: list[int], paragraph: int, removed: dict[int, str]) -> bool:
    """Tell whether article text follows a paragraph: within the next three kept lines, another
    paragraph, a list, or a heading with its paragraph; not a run of menu labels."""
    below = []  # the removed lines right under it, up to the next kept one
    k = paragraph + 1
    while k < len(texts) and k in removed and len(below) < 4:
        below.append(removed[k])
        k += 1
    if any(reason.startswith(_TRAIL_REASONS) for reason in below):
        return False  # a banner above the breadcrumbs is the site's, not the article's
    if sum(reason.startswith(FORM_REASONS) for reason in below) >= 2:
        return False  # the pitch of a sign-up box ("Plain-language notes ..." / "Subscribe" / "Sign in")
    after = [i for i in kept if i > paragraph][:3]
    return any(_is_paragraph(texts[i]) or is_sentence(texts[i]) or BULLET.match(texts[i])
               or _is_lead_in(texts[i]) or _is_heading_like(texts, i)
               or texts[i].count("\t") >= 2 or TABLE_ROW.match(texts[i]) for i in after)  # a table's rows


def _title_lines(lines: list[SourceLine], texts: list[str], removed: dict[int, str], header: list[int]) -> set[int]:
    """Pick the title and a kicker or subtitle right beside it.

    Questions in the header are section headings, kept anyway; among the other header lines the
    title is the last: of 3+ words, or shorter ("Chemotherapy") where it stands apart from the
    line before it (furniture was removed between them), unlike the last label of a menu.
    """
    plain = [i for i in header if line_ending(texts[i]) not in tuple("?.!")  # a title is no sentence
             and not _heads_a_form(lines, texts, removed, i)]
    plain = plain[:len(plain) - len(_jump_list(lines, texts, removed, plain))]  # the title is above a jump list
    if not plain:
        return set()
    last = plain[-1]
    before = plain[-2] if len(plain) >= 2 else None
    apart = before is None or any(j in removed for j in range(before + 1, last))
    if not (word_count(bare_text(texts[last])) >= 3 or (apart and is_short_entry(texts[last])
                                                  and not BULLET.match(texts[last]))):
        return set()
    if all(0 <= k < len(texts) and lines_touch(lines, last, k) and is_short_entry(texts[k]) for k in (last - 1, last + 1)) \
            and last - 1 not in removed:
        return set()  # a label inside a column of labels no rule knew is a menu entry ("Your health" / "Cards and schemes")
    titles = {last}
    if before is not None and word_count(bare_text(texts[before])) >= 3:
        # Only a byline, a date, share buttons or a contents list may stand between them
        # (a title and its first section's heading); across a menu it is the last menu item.
        between = range(before + 1, last)
        if all(removed.get(j, "").startswith(_BESIDE_TITLE) for j in between):
            titles.add(before)
    return titles


JUMP_ENTRY_MAX_WORDS = 5


def _jump_list(lines: list[SourceLine], texts: list[str], removed: dict[int, str], plain: list[int]) -> list[int]:
    """The header's last lines when they are a jump list under the title: three or more short
    entries one under the other ("What is chemotherapy" / ... / "When to call us"), two of which
    start headings further down ("Caring for yourself during chemotherapy"). Entries other rules
    took may stand among them."""
    if not plain:
        return []
    start = end = plain[-1]
    while start > 0 and lines_touch(lines, start - 1, start) \
            and not removed.get(start - 1, "").startswith("contents or page label"):  # "In this leaflet:" heads it
        start -= 1
    while end + 1 < len(texts) and lines_touch(lines, end, end + 1):
        end += 1
    block = range(start, end + 1)
    if len(block) < 3 or any(word_count(bare_text(texts[k])) > JUMP_ENTRY_MAX_WORDS or HEADING_MARK.match(texts[k])
                             for k in block):
        return []
    keys = {_heading_key(texts[k]) for k in block}
    below = [_heading_key(text) for text in texts[end + 1:] if is_short_entry(text)]
    named = sum(any(line.startswith(key) for line in below) for key in keys if key)
    listed = [k for k in plain if k in block]
    # A title right over a contents list the rules took is the only line kept there: no jump list
    return listed if named >= 2 and len(listed) >= 2 else []


def _heads_a_form(lines: list[SourceLine], texts: list[str], removed: dict[int, str], i: int) -> bool:
    """A box's title over a form to fill in ("Your appointment" / "Date: ____  Time: ____" /
    "Scan of: ☐ Chest ☐ Abdomen"): the form's, not the page's title."""
    block = _block_under(lines, texts, removed, set(), i, False)
    reasons = [removed.get(k, "") for k in block]
    return bool(block) and all(reasons) and any(r.startswith(_FILL_IN_REASONS) for r in reasons)


_FILL_IN_REASONS = ("write-in space", "form (")  # blanks, tick boxes, a form's fields


# A heading that names the tool under it ("Download the fact sheet", "Share this page") is the tool's.
_NAMES_A_TOOL = re.compile(r"\b(download|print|share|listen|other formats|other languages|translate)\b", re.IGNORECASE)
# Removal reasons of what a page prints beside its title; under it, more of its tools.
_BESIDE_TITLE = ("metadata", "share buttons", "print or download link", "reading time", "contents")
_TITLE_TOOLS = _BESIDE_TITLE + ("language switcher", "audio player", "accessibility and translation tools",
                                "other formats", "member promotion", "site alert")


def _dated_titles(lines: list[SourceLine], texts: list[str], removed: dict[int, str]) -> set[int]:
    """Lines a byline or date follows closely: a page's title ("Immunotherapy side effects: what to
    look out for", a standfirst, "By Sarah Collins | 12 June 2024"), however long it is."""
    titles = set()
    for i, reason in removed.items():
        if not reason.startswith("metadata"):
            continue
        # The title, then maybe a standfirst or the document's number, then the date: the
        # topmost title-like line of the lines touching the date from above.
        run = i
        while run > max(0, i - 3) and lines_touch(lines, run - 1, run):
            run -= 1
        # A title of one or two words ("CT scan") only right above it: further up, it is a label.
        candidates = [j for j in range(run, i) if j not in removed and (3 <= word_count(bare_text(texts[j])) <= 25
                      or j == i - 1 and lines_touch(lines, j, i) and is_short_entry(texts[j]))
                      and line_ending(texts[j]) not in tuple(".!:…") and not BULLET.match(texts[j])
                      and not _heads_a_form(lines, texts, removed, j)]  # "Your appointment" / "Date: ____"
        # Of a series' name over a headline ("Cancer Care Close to Home" / "Starting chemotherapy?
        # What happens ..."), the longer line, a headline, is the title.
        if candidates:
            titles.add(max(candidates, key=lambda j: (word_count(bare_text(texts[j])) >= 8, -j)))
        elif (above := _title_over_byline(lines, texts, removed, run, i)) is not None:
            titles.add(above)
    return titles


BYLINE_NAME_MAX_WORDS = 4
AUTHOR_CARD_MAX_LINES = 8
_BYLINE_REASONS = ("staff list", "byline", "repeated line")


def _title_over_byline(lines: list[SourceLine], texts: list[str], removed: dict[int, str], run: int, date: int) -> int | None:
    """The title a blank line above a byline block ("Delphine Ashworth-Obi" / her headline / the
    date): the block holds only names and lines already taken, and the line over it reads as a title.
    An author card's taken lines (pronouns, headline, followers, a follow button) run it further up."""
    while run > max(0, date - AUTHOR_CARD_MAX_LINES) and run - 1 in removed and lines_touch(lines, run - 1, run):
        run -= 1
    above = run - 1
    if above < 0 or above in removed or lines_touch(lines, above, run) or any(
            j not in removed and word_count(bare_text(texts[j])) > BYLINE_NAME_MAX_WORDS for j in range(run, date)):
        return None
    if not any(j not in removed or removed[j].startswith(_BYLINE_REASONS) for j in range(run, date)):
        return None  # a document's details ("Document control" / "Document no. ..."), no one's name
    words = word_count(bare_text(texts[above]))
    fits = 3 <= words <= 25 and line_ending(texts[above]) not in tuple(".!:…") and not BULLET.match(texts[above])
    return above if fits else None


def _closing_lines(texts: list[str], after: list[int], last: int, runs: dict[int, int]) -> int:
    """Extend the body end over closing short sentences and lists (with their heading)."""
    for pos, i in enumerate(after):
        if i <= last:
            continue  # inside a list already taken
        following = after[pos + 1] if pos + 1 < len(after) else -1
        if _is_closing_list(texts, runs, i):
            last = runs[i]
        elif is_sentence(texts[i]):
            last = i
        elif BULLET.match(texts[i]) and BULLET.match(texts[last]) and i == last + 1:
            last = i  # the rest of the list the body ends in
        elif is_term_list(texts[i]):
            last = i  # "Alternative names: A; B; C" closes an encyclopedia article
        elif word_count(texts[i]) <= 10 and line_ending(texts[i]) not in TERMINAL and is_term_list(texts[following]):
            last = following
        elif word_count(texts[i]) <= 10 and line_ending(texts[i]) not in TERMINAL \
                and _is_closing_list(texts, runs, following):
            last = runs[following]
        else:
            break
    return last


def _is_closing_list(texts: list[str], runs: dict[int, int], lead: int) -> bool:
    """Tell whether a lead-in after the last paragraph opens an article list, not a footer menu."""
    # Footer link lists have one- or two-word labels ("Services:"); article lists a lead-in.
    return runs.get(lead, lead) > lead and word_count(texts[lead]) >= 3


