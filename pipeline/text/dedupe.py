"""Facts -> clusters of statements that say the same thing.

Method (near-linear in the number of facts, no all-pairs comparison):
1. Each fact becomes a profile: content-word stems, numbers, key terms, negation.
2. Blocking: facts are indexed by stem (capped postings) and each looks for partners
   only through its few rarest stems, so the work grows linearly with the facts.
3. Two facts state the same thing when one says (by rarity-weighted stems) nearly all of
   what the other says and the other says a good part of it in return, their negation
   agrees, neither holds a number the other lacks, and both are sentences or both list
   items under lead-ins that say the same thing and headings naming the same key terms
   (a lead-in ending in a colon means what its list says: it never merges by itself).
4. Connected facts are split again so that every cluster has a canonical member that
   carries all of its members' numbers and key terms: merging never hides them.

Canonical rule: a member not excluded from print, with the most numbers and key terms,
then the most content words, then the most words as written, then the earliest source path
and line.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

import snowballstemmer

from pipeline.models import Cluster, Fact
from pipeline.text.ids import cluster_id, distinct_ids
from pipeline.text.keywords import fold_spelling
from pipeline.vocabulary import Vocabulary

CONTAINMENT_THRESHOLD = 0.75  # weighted share of one wording that the other must also say
OVERLAP_THRESHOLD = 0.45  # weighted share of the other wording it must say in return
WHOLLY_CONTAINED = 0.9  # ...or one says this much of the other, whatever else it says,
MIN_CONTAINED_WORDS = 5  # provided the contained one has this many content words
LEAD_HOSTS = 2  # sentences a lead-in that points back ("They include:") reads before it, to say what its list is
QUERY_KEYS = 4  # a fact looks for partners through its rarest stems
POSTING_CAP = 24  # facts indexed per stem: bounds the comparisons per fact

STOPWORDS = frozenset(
    """a about above after again against all also although am an and any are as at be
    because been before being below between both but by can could did do does doing down
    during each even few for from further had has have having he her here hers him his how
    however i if in into is it its itself just may me might more most much must my nor now
    of off on once only or other our ours out over own same she should so some such than
    that the their theirs them then there these they this those through thus to too under
    until up us very was we were what when where which while who whom why will with would
    you your yours whose therefore indeed well like via according ie eg""".split()
)
NEGATIONS = frozenset("not no never none nor without cannot neither".split())
_STEMMER = snowballstemmer.stemmer("english")
_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty"
    " hundred thousand million half third quarter twice double triple".split()
)


@dataclass(frozen=True)
class WordProfile:
    """What dedupe compares: weighted stems plus the content a merge must not hide."""

    stems: frozenset[str]
    numbers: frozenset[str]
    terms: frozenset[str]
    negated: bool
    role: str = "sentence"  # Fact.role: "item", "lead" (a sentence ending in a colon) or "sentence"
    context: frozenset[str] = frozenset()  # items: key terms of their lead-in and heading
    lead: WordProfile | None = None  # items: their lead-in's wording, compared as a sentence

    @property
    def key_info(self) -> frozenset[str]:
        """Numbers and key terms: what the canonical wording must also carry."""
        return self.numbers | self.terms


def dedupe(facts: Sequence[Fact], vocabulary: Vocabulary = Vocabulary()) -> tuple[Cluster, ...]:
    """Group facts that state the same thing; every fact lands in exactly one cluster.

    vocabulary: the scheme's key terms (a merge never hides one) and synonyms (compared as one word).
    """
    cached = lru_cache(maxsize=None)(lambda text, role: replace(profile(text, vocabulary), role=role))
    texts = {fact.id: fact.text for fact in facts}
    led = {fact.lead for fact in facts if fact.lead}
    afters = {fact.id: fact.after for fact in facts}
    leads = {fact.id: _lead_wording(fact, texts, afters) for fact in facts if fact.id in led}
    profiles = [
        replace(cached(fact.text, fact.role), context=_context(fact, leads, cached),
                lead=cached(leads[fact.lead], "sentence") if fact.lead in leads else None)
        if fact.kind == "item"
        else cached(leads.get(fact.id, fact.text), fact.role)  # a lead-in as what it introduces
        for fact in facts
    ]
    weights = _weights(profiles)
    # Identical wordings (same profile) are one statement however often they occur:
    # the comparisons below run once per distinct wording, not once per fact.
    wordings: dict[WordProfile | int, list[int]] = defaultdict(list)
    for index, prof in enumerate(profiles):
        wordings[prof if prof.stems else index].append(index)  # no content words: never merged
    members = list(wordings.values())
    distinct = [profiles[indexes[0]] for indexes in members]
    parent = list(range(len(distinct)))
    _link_similar(distinct, weights, parent)
    groups: dict[int, list[int]] = defaultdict(list)
    for index in range(len(distinct)):
        groups[_find(parent, index)].append(index)
    clusters = [
        cluster
        for group in groups.values()
        for cluster in _split_by_canonical(group, distinct, members, facts, weights)
    ]
    clusters = _join_lists(clusters, lambda text: cached(text, "sentence"))
    return distinct_ids(sorted(clusters, key=lambda c: (c.canonical.source, c.canonical.line, c.id)))


def _join_lists(clusters: list[Cluster], profile_of: Callable[[str], WordProfile]) -> list[Cluster]:
    """Lead-ins that introduce the same list are one statement: merge them, so the list prints whole.

    Two sources' lists often share items ("Tiredness" under "Common side effects include:" and
    under "Side effects can include:"). Items merge only under lead-ins that say the same thing
    (similar wording, the same numbers and key terms: see similar), so the lead-ins of one
    item cluster are joined, and the merged list prints once, whole, under one lead-in;
    "Call us straight away if you have:" never joins "Common side effects include:".
    """
    index_of = {member.id: i for i, cluster in enumerate(clusters) for member in cluster.members}
    parent = list(range(len(clusters)))
    for cluster in clusters:
        if cluster.canonical.kind != "item":
            continue
        leads = sorted({index_of[m.lead] for m in cluster.members if m.lead in index_of})
        for other in leads[1:]:
            _union(parent, leads[0], other)
    groups: dict[int, list[int]] = defaultdict(list)
    for index in range(len(clusters)):
        groups[_find(parent, index)].append(index)
    joined = []
    for group in groups.values():
        if len(group) == 1:
            joined.append(clusters[group[0]])
            continue
        # The canonical wording as dedupe chooses it: most key terms and words, then earliest.
        best = min((clusters[i].canonical for i in group), key=lambda f: (
            bool(f.excluded), -len(profile_of(f.text).key_info), -len(profile_of(f.text).stems), -len(f.text.split()),
            f.source, f.line, f.id))
        joined.append(_cluster(best, [m for i in group for m in clusters[i].members]))
    return joined


def profile(text: str, vocabulary: Vocabulary = Vocabulary()) -> WordProfile:
    """Describe one wording for comparison: stems and key terms after synonyms."""
    lowered = text.casefold()
    words = [w.replace("’", "'") for w in _WORD.findall(lowered)]
    compared = [w.replace("’", "'") for w in _WORD.findall(vocabulary.fold(lowered))]
    stems = frozenset(
        _stem(w) for w in compared if w not in STOPWORDS and w not in NEGATIONS and len(w) > 1
    )
    numbers = {n.replace(",", "") for n in _NUMBER.findall(lowered)}
    numbers |= {w for w in words if w in _NUMBER_WORDS}
    negated = any(w in NEGATIONS or w.endswith("n't") for w in words)
    return WordProfile(stems=stems, numbers=frozenset(numbers), terms=vocabulary.terms_in(lowered), negated=negated)


def similar(a: WordProfile, b: WordProfile, weights: dict[str, float]) -> bool:
    """True when two wordings state the same thing and neither adds a number."""
    if a.negated != b.negated or not (a.numbers <= b.numbers or b.numbers <= a.numbers):
        return False
    if a.role != b.role or a.role == "lead" or a.context != b.context:
        return False  # a list item absorbed by a sentence would vanish from its list
    if a.role == "item" and a.lead != b.lead and not (a.lead and b.lead and same_lead(a.lead, b.lead, weights)):
        return False  # an item merged into a list of another meaning would leave its own list short
    shared = _weight(a.stems & b.stems, weights)
    if not shared:
        return False
    # How much of each wording the other says: one must say nearly all of the other
    # (else merging would hide what only one says), and the other must not say much more.
    covered_a = shared / _weight(a.stems, weights)
    covered_b = shared / _weight(b.stems, weights)
    smaller, larger = sorted((covered_a, covered_b))
    if larger >= CONTAINMENT_THRESHOLD and smaller >= OVERLAP_THRESHOLD:
        return True  # near-copies
    # A whole statement inside a longer one: printing the longer one loses nothing.
    contained = a if covered_a >= covered_b else b
    return larger >= WHOLLY_CONTAINED and len(contained.stems) >= MIN_CONTAINED_WORDS


def same_lead(a: WordProfile, b: WordProfile, weights: dict[str, float]) -> bool:
    """Two lead-ins introduce the same list: similar wording with the same numbers and key terms."""
    return a.key_info == b.key_info and similar(a, b, weights)


def _lead_wording(lead: Fact, texts: dict[str, str], afters: dict[str, str]) -> str:
    """What a lead-in says its list is: its own words, and those of the sentence it points back to.
    "They can include:" after "Some effects develop months or years later." introduces late
    effects; after "Most side effects are mild." it does not, and the two lists are not one."""
    wording, host = [lead.text], lead.after
    while host in afters and len(wording) <= LEAD_HOSTS:  # "These are rare. They include:" points two back
        wording.insert(0, texts[host])
        host = afters[host]
    return " ".join(wording)


def _context(fact: Fact, leads: dict[str, str], cached: Callable[[str, str], WordProfile]) -> frozenset[str]:
    """The key terms of a list item's lead-in and heading: "Fatigue" under "Side effects
    of radiotherapy:" is not the same statement as under "Side effects of chemotherapy:"."""
    lead = cached(leads[fact.lead], "lead").terms if fact.lead in leads else frozenset()
    return lead | cached(fact.heading, "heading").terms


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    """Fold British/American spellings ("tumour", "tumor") and hyphens ("non-cancerous",
    "noncancerous"), then Snowball-stem ("stimulating" -> "stimul")."""
    return _STEMMER.stemWord(fold_spelling(word.removesuffix("'s").replace("-", "")))


def _weights(profiles: Sequence[WordProfile]) -> dict[str, float]:
    """Inverse document frequency: words most facts share count little."""
    counts = Counter(stem for p in profiles for stem in p.stems)
    total = len(profiles) + 1
    return {stem: math.log(total / count) + 0.1 for stem, count in counts.items()}


def _weight(stems: frozenset[str], weights: dict[str, float]) -> float:
    """Sum of the weights of some stems."""
    return sum(weights[s] for s in stems)


def _link_similar(profiles: Sequence[WordProfile], weights: dict[str, float], parent: list[int]) -> None:
    """Union each fact with similar facts found through its rarest stems.

    Facts are visited longest first and indexed under all their stems, so a short
    statement finds the longer one that contains it; postings are capped, which keeps
    the work linear in the number of facts.
    """
    postings: dict[str, list[int]] = defaultdict(list)
    order = sorted(range(len(profiles)), key=lambda i: (-len(profiles[i].stems), i))
    for index in order:
        prof = profiles[index]
        checked: set[int] = set()
        for stem in sorted(prof.stems, key=lambda s: (-weights[s], s))[:QUERY_KEYS]:
            for other in postings.get(stem, ()):
                if other not in checked and similar(prof, profiles[other], weights):
                    _union(parent, index, other)
                checked.add(other)
        for stem in prof.stems:
            if len(postings[stem]) < POSTING_CAP:
                postings[stem].append(index)


def _split_by_canonical(
    group: list[int],
    profiles: Sequence[WordProfile],
    members: Sequence[list[int]],
    facts: Sequence[Fact],
    weights: dict[str, float],
) -> list[Cluster]:
    """Split a connected group of wordings so each part's canonical carries all key information.

    Wordings are visited best first; each joins the first part whose head (canonical)
    covers its key information and is similar, found through its rarest stems as in
    _link_similar, so a large group costs linear, not quadratic, time.
    """

    def rank(fact: Fact) -> tuple[bool, str, int, str]:
        return bool(fact.excluded), fact.source, fact.line, fact.id

    # Of one wording's facts (same profile), the one with the most words as written speaks for it.
    best = {i: min((facts[f] for f in members[i]), key=lambda f: (bool(f.excluded), -len(f.text.split()), *rank(f)[1:]))
            for i in group}
    order = sorted(
        group,
        # Ties go to the wording with more words as written: "Tiredness (fatigue)" over "Tiredness".
        # A sentence that refers back ("It is one of the most common ...") heads no other wording:
        # printed for them, it would drop what "It" stands for.
        key=lambda i: (bool(best[i].excluded), bool(best[i].after), -len(profiles[i].key_info), -len(profiles[i].stems),
                       -len(best[i].text.split()), *rank(best[i])),
    )
    parts: list[list[int]] = []
    heads: dict[str, list[int]] = defaultdict(list)  # stem -> parts whose head has it
    for index in order:
        prof = profiles[index]
        rarest = sorted(prof.stems, key=lambda s: (-weights[s], s))[:QUERY_KEYS]
        candidates = sorted({p for stem in rarest for p in heads.get(stem, ())})
        for number in candidates:
            head = profiles[parts[number][0]]
            if prof.key_info <= head.key_info and similar(prof, head, weights):
                parts[number].append(index)
                break
        else:
            parts.append([index])
            for stem in prof.stems:
                if len(heads[stem]) < POSTING_CAP:
                    heads[stem].append(len(parts) - 1)
    return [_cluster(best[part[0]], [facts[f] for i in part for f in members[i]]) for part in parts]


def _cluster(canonical: Fact, part: list[Fact]) -> Cluster:
    """Build a cluster of facts around its canonical member."""
    members = tuple(sorted(part, key=lambda f: (f.source, f.line, f.id)))
    return Cluster(
        id=cluster_id(canonical.text),
        canonical=canonical,
        members=members,
        sources=tuple(sorted({f.source for f in members})),
    )


def _find(parent: list[int], index: int) -> int:
    """Union-find root with path halving."""
    while parent[index] != index:
        parent[index] = parent[parent[index]]
        index = parent[index]
    return index


def _union(parent: list[int], a: int, b: int) -> None:
    """Join two union-find sets, the smaller index becoming the root (deterministic)."""
    ra, rb = _find(parent, a), _find(parent, b)
    if ra != rb:
        parent[max(ra, rb)] = min(ra, rb)
