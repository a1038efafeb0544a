"""The types that flow between stages: plain frozen dataclasses, nothing half-filled.

Every stage takes some of these and returns new ones; no stage imports another.
Provenance (source path + 1-based line number) travels with every piece of text.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

BlockKind = Literal["heading", "paragraph", "item"]
OutputKind = Literal["leaflet", "summary"]


@dataclass(frozen=True)
class SourceMeta:
    """What the topic file says about one source (publisher, language, stated date)."""

    filename: str
    publisher: str = ""
    language: str = "en"
    date: str = ""  # ISO date the text states (e.g. "Last update : 01/04/2020"), if any


@dataclass(frozen=True)
class SourceLine:
    """One line of a source as decoded text (NFC, no line terminator)."""

    number: int  # 1-based line number in the original file
    text: str
    linked: bool = False  # HTML: the line's text is all link text (a menu entry, a related link)
    region: str = ""  # HTML: the page landmark it sits in: main, nav, header, footer, aside, alert ("" none)
    marked: str = ""  # HTML: the furniture word of the small box's class or id it sits in ("promo", "share"),
    # or "doc-pagebreak" for a printed book's page number
    level: int = 0  # HTML: a heading's level (h2: 2); 0 for any other line
    last: int = 0  # a paragraph a printer wrapped, read as one line, ends on this line (0: on `number`)
    skipped: tuple[int, ...] = ()  # lines between `number` and `last` it was not read from (a page break)

    @property
    def end(self) -> int:
        """The file's last line this line was read from."""
        return max(self.number, self.last)


@dataclass(frozen=True)
class Source:
    """A decoded source file with its lines and what the topic file says about it."""

    path: str  # project-relative POSIX path, e.g. "sources/immunotherapy/a.txt"
    encoding: str
    lines: tuple[SourceLine, ...]
    meta: SourceMeta


@dataclass(frozen=True)
class Block:
    """A content line kept by cleaning: a heading, a paragraph or a list item."""

    source: str
    line: int
    kind: BlockKind
    text: str  # the line's text without list/heading markers
    last_line: int = 0  # a paragraph or list item wrapped over several lines ends here (0: on `line` alone)
    level: int = 0  # a heading's level (HTML h1-h6, Markdown # to ######); 0: not known or not a heading
    skipped: tuple[int, ...] = ()  # lines between `line` and `last_line` not read (a printed page's footer)

    @property
    def lines(self) -> tuple[int, ...]:
        """The source lines this block was read from."""
        return tuple(n for n in range(self.line, max(self.line, self.last_line) + 1) if n not in self.skipped)


@dataclass(frozen=True)
class Removal:
    """A line cleaning dropped, and the rule that dropped it (for the editor's review)."""

    source: str
    line: int
    text: str
    reason: str


@dataclass(frozen=True)
class CleanSource:
    """A source after cleaning: its content blocks, what was removed, metadata found."""

    path: str
    meta: SourceMeta
    blocks: tuple[Block, ...]
    removed: tuple[Removal, ...]
    found_metadata: tuple[tuple[str, str], ...] = ()  # e.g. (("last update", "01/04/2020"),)


@dataclass(frozen=True)
class Fact:
    """One sentence or list item, typographically repaired, traceable to file:line."""

    id: str  # stable: derived from the normalized text
    text: str  # repaired text, as printed
    original: str  # the exact source wording before typographic repair
    source: str
    line: int
    kind: Literal["sentence", "item"]
    heading: str = ""  # nearest source heading above, as context for section assignment
    outer: str = ""  # the heading that one sits under (a lower level: "Before you start" over "Teeth"), if known
    lead: str = ""  # for list items: id of the sentence that introduces the list
    after: str = ""  # id of the sentence this one refers back to ("It ...", "These ...")
    excluded: str = ""  # why it must not be printed (e.g. it promotes the publishing site)
    edited: str = ""  # the editor's note when text is the editor's wording, not the source's

    @property
    def role(self) -> Literal["item", "lead", "sentence"]:
        """A list item, a lead-in (a sentence ending in a colon: it means what its list says), or a sentence.

        Statements are compared only within one role (dedupe, repeats), and a lead-in with nothing.
        """
        if self.kind == "item":
            return "item"
        return "lead" if self.text.rstrip().endswith(":") else "sentence"


@dataclass(frozen=True)
class Registered:
    """A printed fact as the translators' template (locales/facts.pot) registers it."""

    id: str
    text: str
    locations: frozenset[tuple[str, int]]  # (source file, line) of the sentences behind it


@dataclass(frozen=True)
class Cluster:
    """Facts that state the same thing; all members kept, one canonical wording printed."""

    id: str  # from the canonical wording (ids.cluster_id); kept when an editor rewords it
    canonical: Fact
    members: tuple[Fact, ...]  # canonical included, sorted by (source, line)
    sources: tuple[str, ...]  # distinct source paths supporting it, sorted
    section: str = ""  # an editor's choice of section; empty: assigned by keywords
    pin: int = 0  # an editor's position within the section (1 = first); 0: not pinned
    notes: tuple[str, ...] = ()  # the editor's notes on what it means, for translators ("note" decisions)

    @property
    def support(self) -> int:
        """Number of distinct sources that state this fact."""
        return len(self.sources)


@dataclass(frozen=True)
class Decision:
    """One editor's decision from sources/<topic>/editorial.yaml, about stable fact ids."""

    action: str  # drop | replace | move | pin | merge | split | resolve | note
    where: str  # "path:line" of the decision, for messages
    fact: str = ""  # the cluster id it is about
    others: tuple[str, ...] = ()  # merge: cluster ids joined into `fact`; split: member fact ids
    text: str = ""  # replace: the editor's wording
    section: str = ""  # move: the section key
    position: int = 0  # pin: 1 = first in its section
    conflict: str = ""  # resolve: the conflict id
    note: str = ""  # why; printed in the review report


@dataclass(frozen=True)
class DecisionResult:
    """What became of a decision in this build: applied, or stale and why."""

    decision: Decision
    status: str  # "applied" or "stale: <reason>"

    @property
    def fact(self) -> str:
        """The fact (or conflict) the decision is about."""
        return self.decision.fact or self.decision.conflict

    @property
    def action(self) -> str:
        """The decision's action."""
        return self.decision.action

    @property
    def note(self) -> str:
        """The editor's note."""
        return self.decision.note


@dataclass(frozen=True)
class Edited:
    """Clusters after the editor's decisions, and what became of each decision."""

    clusters: tuple[Cluster, ...]
    results: tuple[DecisionResult, ...]


@dataclass(frozen=True)
class Entry:
    """One printable unit: a statement with the sentences that lean on it, or a lead-in and its list."""

    cluster: Cluster
    items: tuple[Cluster, ...] = ()
    continued: tuple[Cluster, ...] = ()  # sentences that refer back to this one, printed after it


@dataclass(frozen=True)
class Section:
    """A section of a handout, in the order of the section scheme."""

    key: str
    title: str
    entries: tuple[Entry, ...]
    safety: bool = False  # what keeps patients safe: a summary that must shorten drops it last


MAX_LOGO_BYTES = 2_000_000  # the renderer embeds the logo in every PDF


@dataclass(frozen=True)
class Clinic:
    """The clinic whose details every handout prints."""

    name: str
    phone: str
    address: str = ""
    side_effects_phone: str = ""  # defaults to phone when empty
    email: str = ""
    website: str = ""
    logo: str = ""  # path under templates/assets, optional
    max_logo_bytes: int = MAX_LOGO_BYTES  # clinic.yaml's limit on the logo file

    @property
    def urgent_phone(self) -> str:
        """The number to call about side effects."""
        return self.side_effects_phone or self.phone


@dataclass(frozen=True)
class SourceRef:
    """A source as listed on the handout: file, publisher, stated date."""

    path: str
    publisher: str
    date: str


@dataclass(frozen=True)
class Handout:
    """Everything one topic's leaflet and summary print, before locale and layout."""

    topic: str
    title: str
    version: str
    issued: str  # ISO date of issue
    review: str  # ISO date of next review, may be empty
    clinic: Clinic
    sections: tuple[Section, ...]  # the leaflet
    summary: tuple[Section, ...]  # the summary candidates, most important first per section
    side_effects: tuple[Cluster, ...]  # common side effects, for the summary's box
    sources: tuple[SourceRef, ...]
    unreviewed: tuple[str, ...] = ()  # ids of facts printed in an editor's wording no clinician has checked

    def printed_clusters(self) -> Iterator[Cluster]:
        """Every cluster the leaflet prints, once, in print order (the summary prints a subset)."""
        for section in self.sections:
            for entry in section.entries:
                yield entry.cluster
                yield from entry.continued
                yield from entry.items


@dataclass(frozen=True)
class Untranslated:
    """A message printed in English instead of its translation: where it is, and why."""

    path: str  # the PO file, relative to the project
    line: int  # 0: the message is not in the file at all
    context: str  # its msgctxt
    reason: str
    kind: str = "failing"  # missing | untranslated | fuzzy | stale | failing

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.context}: {self.reason}"


@dataclass(frozen=True)
class LeftOut:
    """A fact a summary left out to fit its page(s)."""

    id: str
    text: str


@dataclass(frozen=True)
class FitHint:
    """How the last build fitted a summary of the same inputs: its tightening step, the ids left out."""

    level: int
    left_out: tuple[str, ...]


@dataclass(frozen=True)
class Rendered:
    """A rendered document: its HTML, PDF bytes, page count and what was left out."""

    kind: OutputKind
    locale: str
    html: str
    pdf: bytes
    pages: int
    left_out: tuple[str, ...] = ()  # fact ids dropped to fit one page
    layout_passes: int = 1
    fit_level: int = 0  # the summary's tightening step (body class fit-N) that fitted
    warnings: tuple[str, ...] = ()
    untranslated: tuple[Untranslated, ...] = ()  # each message printed in English
    printed: tuple[str, ...] = ()  # msgctxt of every `facts` message printed (title, headings, facts), sorted


@dataclass(frozen=True)
class Output:
    """A PDF written by the build (with its HTML preview), as listed in the manifest and report."""

    path: str  # relative to the output directory
    topic: str
    locale: str
    kind: OutputKind
    pages: int
    sha256: str
    untranslated: tuple[Untranslated, ...] = ()  # messages printed in English
    reviewed: bool = True  # False: the translation has not been reviewed by a medical translator
    left_out: tuple[LeftOut, ...] = ()  # facts a summary left out to fit
    warnings: tuple[str, ...] = ()  # what the renderer warned about
    printed: tuple[str, ...] = ()  # msgctxt of every `facts` message printed (title, headings, facts), sorted


@dataclass(frozen=True)
class BuildReport:
    """What one build produced, what it had to leave out, and what it warned about."""

    outputs: tuple[Output, ...]
    facts_files: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()  # the topics' warnings (stale editorial decisions), as "where: message"
    rendered: tuple[str, ...] = ()  # PDFs this build rendered (the rest were up to date)
    # A partial build (--topic, --locale, --kind): earlier builds' outputs, still current, that
    # the manifest and report list beside this build's own.
    kept: tuple[Output, ...] = ()
    # (topic, language) pairs left out because the language translates none of the topic yet.
    not_begun: tuple[tuple[str, str], ...] = ()
    # (language, why) for each language not built: its catalog is broken, or a bundled font lacks its glyphs.
    not_built: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Conflict:
    """Two statements from different sources that disagree, shown side by side to the editor."""

    id: str  # stable: from the two cluster ids, sorted
    kind: str  # "numbers" | "negation" | "certainty"
    subject: str  # what they disagree about, e.g. "breast cancer" or "% of patients who respond"
    first: Cluster
    second: Cluster
    reason: str  # one plain sentence for the editor

    @property
    def within_one_source(self) -> bool:
        """True when one source states both sides: it contradicts itself."""
        return bool(set(self.first.sources) & set(self.second.sources))


@dataclass(frozen=True)
class Repeat:
    """Two printed statements of one section that probably say the same thing: a suggestion to the editor."""

    section: str  # the section's key
    first: Cluster  # printed first; a merge keeps its wording
    second: Cluster
    score: float  # cosine similarity, rounded to 4 places
    method: str  # "minilm" (embeddings) or "tfidf" (character n-grams, the light fallback)


@dataclass(frozen=True)
class Typo:
    """A word of a printed statement that looks misspelled, with the correction suggested to the editor.

    Never applied by the pipeline: the editor decides with a `replace` decision in editorial.yaml.
    """

    fact: str  # the cluster id whose printed wording holds the word
    word: str  # as printed
    suggestion: str  # the known word one edit away, in the word's case
    start: int  # offset of the word in `text`
    text: str  # the statement as printed
    source: str  # the source file and line the word was read from
    line: int


@dataclass(frozen=True)
class OtherPlace:
    """A printed statement naming another hospital or the source's own organisation ("You will have
    it at our partner hospital, the Severnmouth Cancer Centre"): in the clinic's leaflet a patient
    reads it as the clinic's arrangement. Never changed by the pipeline: the editor rewords or drops it.
    """

    fact: str  # the cluster id whose printed wording names it
    name: str  # the name as printed
    text: str  # the statement as printed
    source: str  # where the statement was read
    line: int
    publisher: bool  # the name is a source's publisher's (else a hospital the statement names)


@dataclass(frozen=True)
class ForeignNumber:
    """A phone number a printed statement gives that is not the clinic's ("Call the Mercyvale nurse line
    at 1-800-555-0147 if you have:"): the source page's own line, which the clinic's patients must not
    call. Never changed by the pipeline: the editor decides with a `replace` decision in editorial.yaml.
    """

    fact: str  # the cluster id whose printed wording holds the number
    number: str  # as printed
    text: str  # the statement as printed
    source: str  # where the statement was read
    line: int
    suggestion: str  # the statement with the clinic's number in its place


@dataclass(frozen=True)
class Spelling:
    """What the spelling check of one topic's printed statements found, and what it could not check."""

    typos: tuple[Typo, ...] = ()
    words: int = 0  # words checked
    unchecked: tuple[str, ...] = ()  # "file:line: why: “statement”" of each one not checked (no dictionary, another language)
