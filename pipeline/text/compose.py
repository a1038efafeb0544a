"""Clusters -> Handout: sections a patient expects, a leaflet and a summary's content.

Assignment rule: each section of the topic's scheme scores the section model's log-probability
for the statement and the source headings above it (section_model.py; a heading cleaning kept),
plus its keyword matches, as words and stems (keywords.py), the statement's own counting
double the heading's. What prints with a statement adds its scores: a lead-in's list, a host's
following sentences. The keywords alone decide without the model, for a language it was not
trained on, or for a scheme of which it knows fewer than two sections: the best score wins,
ties go to the earlier section, no match goes to the fallback section. With the model, each
page's statements are placed together in their order (section_model.best_path), so a passage
stays together (a paragraph all but always) unless a statement's own words clearly say
otherwise; a statement several pages make goes where most of them place it. A definition of
the topic ("Chemotherapy, or chemo, is a group of medicines ...") leans to the scheme's first
section (DEFINITION_WEIGHT). List items follow their lead-in sentence. Within a section, facts
an editor pinned come first, then facts more sources state, then those that match the
section's keywords best. An editor's move
(Cluster.section) overrides all of this. The summary takes, per section, as many as the scheme
says: statements whose own words (without the headings over them) put them clearly in the
section first (SURE_MARGIN), then narrowly, then the rest; within each, most sources, then short
sentences densest in the section's keywords.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from pipeline.config import Scheme, SectionRule, Topic
from pipeline.models import Clinic, Cluster, Entry, Fact, Handout, Section, SourceRef
from pipeline.text.keywords import count_keywords, fold_spelling, keyword_stems, word_stems
from pipeline.vocabulary import Vocabulary
from pipeline.text.readability import (LONG_SENTENCE_WORDS, PATIENT_GRADE, flesch_kincaid_grade, rare_words,
                                       sentences_of, words_of)
from pipeline.text.facts import refers_back
from pipeline.text.statement_kinds import (defines_topic, is_background, points_back, says_what_topic_is,
                                           tells_what_to_do, tells_whom_to_call)
from pipeline.text.section_model import STOPWORDS, features, load_section_model, page_steps

MIN_SENTENCE_WORDS = 4  # shorter non-list sentences are fragments, not statements
PIN_NONE = 10**6  # unpinned facts sort after every pinned one
SUMMARY_MAX_WORDS = 30  # longer sentences go into the summary only if nothing shorter is left
# A keyword match against the model's log-probability: a nudge, or a topic's own section's way in.
# Scaled as the model's evidence is (section_model.LIKELIHOOD_WEIGHT; eval/README.md, "Section placement").
KEYWORD_WEIGHT = 0.4
# A definition of the topic ("Chemotherapy, or chemo, is a group of medicines ...") belongs under the
# scheme's first heading ("What is chemotherapy?"): added to that section's score (20 keyword
# matches' worth). Its words ("medicines", "destroy cancer cells") would otherwise pull it to "How it works".
DEFINITION_WEIGHT = 8.0
# A summary shows a section in a statement or two: it takes first the ones whose own words put them
# there by this much over any other section (log-probability and keyword points), then the rest.
SURE_MARGIN = 1.0
# How a statement's own words (without the headings over it) put it in the section it was placed in.
CLEARLY, NARROWLY, ELSEWHERE = 0, 1, 2  # by SURE_MARGIN or more (or an editor's move); by less; in another section
SIDE_EFFECTS_MAX = 12  # the summary's side-effects box: a page has room for about this many


@dataclass(frozen=True)
class Placed:
    """An entry with the section it goes to and its sort key."""

    section: str
    entry: Entry
    order: tuple[int, int, int, str, int]
    fit: int = CLEARLY  # how its own words put it in this section (CLEARLY, NARROWLY, ELSEWHERE)


def compose(
    clusters: Sequence[Cluster], scheme: Scheme, topic: Topic, clinic: Clinic
) -> Handout:
    """Arrange clusters into the leaflet's sections and pick the summary's essentials."""
    name = frozenset(word_stems(topic.name, topic.language))
    scheme = _without_name(scheme, name, topic.language)
    placed = _place(clusters, scheme, topic.language, name, topic.name)
    sections = tuple(
        Section(key=rule.key, title=rule.title, entries=entries, safety=rule.safety)
        for rule in scheme.sections
        if (entries := tuple(p.entry for p in placed if p.section == rule.key))
    )
    return Handout(
        topic=topic.key,
        title=topic.title,
        version=topic.version,
        issued=topic.issued,
        review=topic.review,
        clinic=clinic,
        sections=sections,
        summary=_summary(sections, scheme, topic.language, topic.name, known_words(scheme, topic),
                         {p.entry.cluster.id: p.fit for p in placed}),
        side_effects=_side_effects(sections, scheme, topic.language),
        sources=tuple(
            SourceRef(path=f"{topic.folder.name}/{meta.filename}", publisher=meta.publisher, date=meta.date)
            for _, meta in topic.sources
        ),
    )


def _without_name(scheme: Scheme, name: frozenset[str], language: str) -> Scheme:
    """The scheme without keywords made only of the topic's name (its stems): on a CT scan's pages
    "scan" is in every sentence and says nothing of where one belongs."""
    if not name:
        return scheme
    rules = tuple(replace(rule, keywords=tuple(k for k in rule.keywords
                                               if not set(keyword_stems(k, language)) <= name))
                  for rule in scheme.sections)
    return replace(scheme, sections=rules)


def assign_section(text: str, heading: str, rules: Sequence[SectionRule], language: str = "en",
                   name: frozenset[str] = frozenset()) -> str:
    """Return the key of the section the text (under heading) belongs to."""
    return _best_section(text, heading, rules, language, name)[0]


def _best_section(text: str, heading: str, rules: Sequence[SectionRule], language: str,
                  name: frozenset[str] = frozenset(), outer: str = "") -> tuple[str, int]:
    """The best section's key and its keyword matches (name: stems of the topic's name, which say
    nothing; outer: the heading over the statement's heading)."""
    scores, matches, learned = _section_scores(text, heading, rules, language, name, outer)
    key = _own_section(scores, learned, rules)
    return key, matches[key]


def _top(scores: dict[str, float], rules: Sequence[SectionRule]) -> str:
    """The best-scoring section; ties go to the earlier one."""
    return max((scores[rule.key], -index, rule.key) for index, rule in enumerate(rules))[2]


def _own_section(scores: dict[str, float], learned: bool, rules: Sequence[SectionRule]) -> str:
    """A statement's section by its own scores; by keywords alone, no match goes to the fallback."""
    key = _top(scores, rules)
    return key if learned or scores[key] > 0 else _fallback(rules)


def _section_scores(text: str, heading: str, rules: Sequence[SectionRule], language: str,
                    name: frozenset[str], outer: str = "") -> tuple[dict[str, float], dict[str, int], bool]:
    """Each section's score for a statement under a heading, its keyword matches, and whether
    the section model had a say."""
    rules = tuple(rules)
    in_text = _matches(_stems(text, language), rules, language)
    in_heading = _matches(_stems(heading, language), rules, language)
    matches = {rule.key: 2 * here + there for rule, here, there in zip(rules, in_text, in_heading)}
    model = load_section_model()
    learned = {}
    if model is not None and model.language == language.split("_")[0].split("-")[0].lower():
        learned = model.log_posteriors(features(text, heading, language, name, outer), [rule.key for rule in rules])
    if len(learned) < 2:  # the model knows too little of this scheme to choose within it
        return {key: float(count) for key, count in matches.items()}, matches, False
    no_opinion = math.log(1 / len(rules))  # a section the model never learned: its share, and its keywords
    scores = {rule.key: learned.get(rule.key, no_opinion) + KEYWORD_WEIGHT * matches[rule.key] for rule in rules}
    return scores, matches, True


def _place(clusters: Sequence[Cluster], scheme: Scheme, language: str, name: frozenset[str],
           topic_name: str = "") -> list[Placed]:
    """Assign every printable cluster to a section; attach list items to their lead-in."""
    by_fact = {fact.id: cluster for cluster in clusters for fact in cluster.members}
    items: dict[str, list[Cluster]] = defaultdict(list)
    continued: dict[str, list[tuple[int, Cluster]]] = defaultdict(list)
    statements: list[Cluster] = []
    hosts = _hosts(clusters, by_fact)
    for cluster in clusters:
        lead = _lead_of(cluster, by_fact)
        host, depth = hosts.get(cluster.id, (None, 0))
        if lead is not None and lead.id != cluster.id and _printable(lead):
            items[lead.id].append(cluster)
        elif host is not None and _printable(host) and _printable(cluster):
            continued[host.id].append((depth, cluster))
        elif _printable(cluster):
            statements.append(cluster)
    # What prints with a statement is evidence of where it goes: a list says what its lead-in
    # ("Tell your team about:" + symptoms, "To lower the risk:" + advice), a following sentence
    # what its host. Each adds its scores to the statement's.
    evidence = {key: list(listed) for key, listed in items.items()}
    for host, following in continued.items():
        for _, cluster in following:
            evidence.setdefault(host, []).extend((cluster, *items.get(cluster.id, ())))
    chosen = _sections_by_page(statements, evidence, scheme, language, name, topic_name)
    placed = []
    for cluster in statements:
        attached = tuple(sorted(items.get(cluster.id, ()), key=_position))
        if cluster.canonical.role == "lead" and not attached:
            continue  # a lead-in whose list went elsewhere says nothing on its own
        following = tuple(c for _, c in sorted(continued.get(cluster.id, ()), key=lambda d: (d[0], d[1].id))
                          if c.canonical.role != "lead" or items.get(c.id))
        # A lead-in that refers back ("These are common. They include:") prints after its host,
        # and its list under the two of them.
        attached += tuple(item for c in following for item in sorted(items.get(c.id, ()), key=_position))
        section, score, own, margin = chosen[cluster.id]
        fit = (CLEARLY if cluster.section or own == section and margin >= SURE_MARGIN
               else NARROWLY if own == section else ELSEWHERE)
        section = cluster.section or section  # an editor's move wins over the model and keywords
        pinned = cluster.pin or PIN_NONE
        order = (pinned, -cluster.support, -score, cluster.canonical.source, cluster.canonical.line)
        placed.append(Placed(section, Entry(cluster=cluster, items=attached, continued=following), order, fit))
    return sorted(placed, key=lambda p: p.order)


def _sections_by_page(statements: Sequence[Cluster], evidence: dict[str, list[Cluster]], scheme: Scheme,
                      language: str, name: frozenset[str], topic_name: str = "") -> dict[str, tuple[str, int, str, float]]:
    """Each statement's section, keyword matches, the section its own words give and by how much
    that section's score leads the next one's. With the model, each page's statements are
    placed together, in their order (section_model.best_path): a statement tends to stay in the
    section of the one before it under the same heading and moves more readily after a new one,
    as an editor keeps a page's passage together, yet one whose own words (and its list's)
    clearly say otherwise moves ("Call us straight away if ..." under "On the day")."""
    first = scheme.sections[0].key if scheme.sections else ""

    def scores(fact: Fact, headed: bool = True) -> tuple[dict[str, float], dict[str, int], bool]:
        found, matches, learned = _section_scores(fact.text, fact.heading if headed else "", scheme.sections,
                                                  language, name, fact.outer if headed else "")
        if first and says_what_topic_is(fact.text, topic_name, language):
            found = {**found, first: found[first] + DEFINITION_WEIGHT}
        return found, matches, learned

    def with_evidence(cluster: Cluster, headed: bool = True) -> tuple[dict[str, float], dict[str, int], bool]:
        own, matches, learned = scores(cluster.canonical, headed)
        for other in evidence.get(cluster.id, ()) if learned else ():
            more = scores(other.canonical, headed)[0]
            own = {key: value + more[key] for key, value in own.items()}
        return own, matches, learned

    scored = {cluster.id: with_evidence(cluster) for cluster in statements}
    # What a statement's own words say, without the headings over it: "Several treatments are
    # already available." under "What is immunotherapy?" says nothing of what immunotherapy is.
    worded = {cluster.id: with_evidence(cluster, headed=False)[0] for cluster in statements}
    chosen = {c.id: _own_section(scored[c.id][0], scored[c.id][2], scheme.sections) for c in statements}
    own = {c.id: _own_section(worded[c.id], scored[c.id][2], scheme.sections) for c in statements}
    # Every wording of a statement stands in its own page's order (as the model learned whole
    # pages), and the statement goes where most of them are placed: each source puts it in its
    # context ("It takes about an hour." after the drip on two pages, after arriving on a third).
    pages: dict[str, list[tuple[Fact, Cluster]]] = defaultdict(list)
    for cluster in statements:
        if scored[cluster.id][2]:  # keywords alone: each statement by itself
            for fact in _wordings(cluster):
                pages[fact.source].append((fact, cluster))
    keys = [rule.key for rule in scheme.sections]
    model = load_section_model()
    votes: dict[str, list[tuple[bool, str]]] = defaultdict(list)
    for page in pages.values():
        page.sort(key=lambda pair: pair[0].line)
        emissions = [scored[c.id][0] if fact is c.canonical else scores(fact)[0] for fact, c in page]
        path = model.best_path(emissions, page_steps([(fact.line, fact.heading) for fact, _ in page]), keys)
        for (fact, c), key in zip(page, path):
            votes[c.id].append((fact is c.canonical, key))
    for cluster_id, placed in votes.items():
        chosen[cluster_id] = _most_placed(placed, keys)
    return {cluster_id: (key, scored[cluster_id][1][key], own[cluster_id], _lead(worded[cluster_id]))
            for cluster_id, key in chosen.items()}


def _most_placed(placed: Sequence[tuple[bool, str]], keys: Sequence[str]) -> str:
    """The section most of a statement's wordings are placed in, each in its page's order; on a
    tie the canonical wording's, then the earlier section."""
    counts = Counter(key for _, key in placed)
    canonical = next(key for is_canonical, key in placed if is_canonical)
    return max(counts, key=lambda key: (counts[key], key == canonical, -keys.index(key)))


def _lead(scores: dict[str, float]) -> float:
    """How far the best section's score is ahead of the second best's (a lone section: no rival)."""
    if len(scores) < 2:
        return math.inf
    best, second = sorted(scores.values(), reverse=True)[:2]
    return best - second


def _wordings(cluster: Cluster) -> list[Fact]:
    """The cluster's statements in their sources: its members, the canonical one (which an editor
    may have reworded) standing in for the member on its line."""
    where = (cluster.canonical.source, cluster.canonical.line)
    others = [fact for fact in cluster.members if (fact.source, fact.line) != where and fact.kind != "item"]
    return [cluster.canonical, *others]


def _hosts(clusters: Sequence[Cluster], by_fact: dict[str, Cluster]) -> dict[str, tuple[Cluster, int]]:
    """Map each sentence that refers back to the first statement of its chain, and its depth.

    "It ..." follows the cluster holding the sentence it refers to, even when that
    sentence merged into another wording of the same statement. Merging can close a loop
    (two sentences each in the other's cluster); the loop is cut at its smallest id.
    """
    parent = {
        c.id: by_fact[c.canonical.after]
        for c in clusters
        if c.canonical.after in by_fact and by_fact[c.canonical.after].id != c.id
    }
    for start in sorted(parent):
        path: list[str] = []
        current = start
        while current in parent and current not in path:
            path.append(current)
            current = parent[current].id
        if current in path:
            del parent[min(path[path.index(current):])]
    hosts = {}
    for cluster_id, host in parent.items():
        depth = 1
        while host.id in parent:
            host, depth = parent[host.id], depth + 1
        hosts[cluster_id] = (host, depth)
    return hosts


def _lead_of(cluster: Cluster, by_fact: dict[str, Cluster]) -> Cluster | None:
    """The cluster of the sentence introducing this list item, if it is one."""
    if cluster.canonical.kind != "item":
        return None
    for fact in (cluster.canonical, *cluster.members):
        if fact.lead and fact.lead in by_fact:
            return by_fact[fact.lead]
    return None


def _printable(cluster: Cluster) -> bool:
    """Questions and fragments are headings in disguise, unless they are a list's items or its
    lead-in ("You could ask:" + questions); excluded facts are never printed."""
    text = cluster.canonical.text
    if cluster.canonical.excluded:
        return False
    if cluster.canonical.kind == "item" or cluster.canonical.role == "lead":
        return True  # a lead-in prints only with its items (see _place)
    return not text.endswith("?") and len(text.split()) >= MIN_SENTENCE_WORDS


def _summary(sections: tuple[Section, ...], scheme: Scheme, language: str, name: str = "",
             known: frozenset[str] = frozenset(), fits: Mapping[str, int] | None = None) -> tuple[Section, ...]:
    """The statements of each section a patient can use most, as many as the scheme allows.

    fits: how each statement's own words put it in its section (CLEARLY, NARROWLY, ELSEWHERE:
    only its page's flow put it there); a summary shows a section in a few statements, so it
    takes the ones that surely belong first.

    A safety section other than side effects (when to contact the care team) that the leaflet
    leaves empty is filled first, with the statement of another section that tells the patient to
    contact or report and matches it best: the summary never lacks it where the sources say it.
    The leaflet still prints that statement where it was placed.
    """
    by_key = {section.key: section for section in sections}
    borrowed = {rule.key: found for rule in scheme.sections
                if rule.safety and not rule.side_effects and rule.summary and rule.key not in by_key
                and (found := _borrow(sections, rule, language)) is not None}
    taken = {cluster.id for cluster in borrowed.values()}
    chosen = []
    first = scheme.sections[0].key if scheme.sections else ""
    for rule in scheme.sections:
        if rule.key in borrowed:
            chosen.append(Section(rule.key, rule.title, (Entry(cluster=borrowed[rule.key]),), safety=rule.safety))
            continue
        if (section := by_key.get(rule.key)) is None:
            continue
        statements = [e.cluster for e in section.entries
                      if not e.items and e.cluster.canonical.role != "lead" and e.cluster.id not in taken]
        # A statement that leans on the one before it reads wrong alone ("We will show you how to
        # care for it."), surely placed or not: it goes after every one that stands alone.
        ranked = sorted(statements, key=lambda c: (c.pin or PIN_NONE, _leans(c, language), (fits or {}).get(c.id, CLEARLY),
                                                   _summary_rank(c, rule, language, name if rule.key == first else "",
                                                                 known)))
        best = tuple(Entry(cluster=c) for c in _distinct(ranked, rule.summary, language))
        if rule.safety and not rule.side_effects and rule.summary \
                and not any(tells_whom_to_call(e.cluster.canonical.text, language) for e in best) \
                and (listed := _call_list(section, language)) is not None:
            # "Please ask us anything." says less than "Call us straight away if you have:" and its
            # symptoms: where only a list says when to call, the summary prints it whole.
            best = (listed, *best[:rule.summary - 1])
        if best:
            chosen.append(replace(section, entries=best))
    return tuple(chosen)


def _call_list(section: Section, language: str) -> Entry | None:
    """The section's first list whose lead-in tells the patient to get in touch."""
    return next((e for e in section.entries if e.items and tells_whom_to_call(e.cluster.canonical.text, language)), None)


def _borrow(sections: tuple[Section, ...], rule: SectionRule, language: str) -> Cluster | None:
    """The statement elsewhere that tells the patient what to do and matches rule's keywords most."""
    scored = []
    for section in sections:
        for entry in section.entries:
            cluster = entry.cluster
            text = cluster.canonical.text
            if entry.items or cluster.canonical.role == "lead" or not tells_what_to_do(text, language):
                continue
            matches = count_keywords(_stems(text, language), rule.keywords, language)
            if matches:
                scored.append((-matches, cluster.pin or PIN_NONE, -cluster.support, cluster.id, cluster))
    return min(scored)[-1] if scored else None


def _leans(cluster: Cluster, language: str) -> bool:
    """Tell whether a statement leans on the sentence before it, as "The trouble is that ..." or
    "It is given weekly." do (it follows it, or refers back)."""
    text = cluster.canonical.text
    return bool(cluster.canonical.after) or refers_back(text, language) or points_back(text, language)


def _summary_rank(cluster: Cluster, rule: SectionRule, language: str, name: str,
                  known: frozenset[str]) -> tuple[int, bool, bool, bool, int, bool, float, str]:
    """Pinned first (a statement that leans on the one before it goes after the others: _summary
    sorts by _leans first). In a safety section, one that tells the patient whom to call comes first; in the scheme's first
    section ("What is chemotherapy?", name given), a sentence saying what the topic is comes first;
    background (history, research, what another term means) last. Then by merit: a point per
    source that says it, one for telling the patient what to do, one for reading plainly; then
    short sentences dense in the section's keywords."""
    text = cluster.canonical.text
    words = len(text.split())
    density = count_keywords(_stems(text, language), rule.keywords, language) / words
    merit = cluster.support + tells_what_to_do(text, language) + _plainness(text, language, known)
    unhelpful_in_safety = rule.safety and not rule.side_effects and not tells_whom_to_call(text, language)
    return (cluster.pin or PIN_NONE, unhelpful_in_safety,
            not defines_topic(text, name, language), is_background(text, language), -merit,
            words > SUMMARY_MAX_WORDS, -density, cluster.id)


# Two statements of a section sharing this share of their words, and at least this many, say one
# thing twice ("given in cycles" and "given through a drip" share three words: two points).
SAME_POINT = 0.35
SAME_POINT_WORDS = 6


def _distinct(ranked: Sequence[Cluster], count: int, language: str) -> list[Cluster]:
    """The first count statements of ranked, each making a point the ones before it have not
    ("Chemo is given in cycles: a treatment day ... then a rest" and "Each cycle is one or more
    treatment days followed by a rest" are one point, in two sources' words)."""
    chosen: list[Cluster] = []
    words: list[set[str]] = []
    for cluster in ranked:
        if len(chosen) == count:
            break
        own = {stem for stem in _stems(cluster.canonical.text, language) if stem not in STOPWORDS}
        if any(len(own & other) >= SAME_POINT_WORDS and len(own & other) / len(own | other) >= SAME_POINT
               for other in words):
            continue
        chosen.append(cluster)
        words.append(own)
    return chosen


def _plainness(text: str, language: str, known: frozenset[str]) -> int:
    """A point for words all common in everyday language, one for a short sentence at the patient
    grade or below (English only: no other language has the grade, so every statement scores alike)."""
    grade = flesch_kincaid_grade(text, language)
    if grade is None:
        return 0
    short = all(len(words_of(sentence)) <= LONG_SENTENCE_WORDS for sentence in sentences_of(text))
    return (not rare_words(text, language, known)) + (grade <= PATIENT_GRADE and short)


def known_words(scheme: Scheme, topic: Topic) -> frozenset[str]:
    """Words a patient meets throughout the handout, never counted as rare: its key terms (drug and
    cancer names have no everyday alternative) and the treatment's name."""
    terms = {word.lower() for term in scheme.vocabulary.key_terms for word in term.split()}
    return frozenset(terms | {word.lower() for word in topic.name.split()})


def _side_effects(sections: tuple[Section, ...], scheme: Scheme, language: str = "en") -> tuple[Cluster, ...]:
    """The list items of the side-effects sections for the summary's box: most supported first,
    each side effect once, at most SIDE_EFFECTS_MAX of them. Two sources' items on one side effect
    ("Tiredness that is deeper than normal sleepiness", "tiredness that does not always get better
    with rest") say different things, so both stay in the leaflet; the box names it once.
    The leaflet prints every item under its own lead-in."""
    keys = {rule.key for rule in scheme.sections if rule.side_effects}
    found = [item for s in sections if s.key in keys for e in s.entries for item in e.items]
    chosen: list[Cluster] = []
    named: list[tuple[str, ...]] = []
    for item in sorted(found, key=lambda c: (-c.support, *_position(c))):
        names = _named_effects(item.canonical.text, language, scheme.vocabulary)
        if any(_same_effect(name, other) for name in names for other in named):
            continue
        chosen.append(item)
        named += names  # an item of no words ("37.5°C") names nothing to compare
    return tuple(chosen[:SIDE_EFFECTS_MAX])


# Where an item's name of a side effect ends and what it says of it begins.
_EFFECT_END = re.compile(r"[,;:(–—]|\s(?:which|that|with|because|usually|often|especially|caused|when|if|"
                         r"during|after|for|from|in|on|at|so|but)\s", re.IGNORECASE)


_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
_ALTERNATIVES = re.compile(r"\s+(?:or|and)\s+|\s*/\s*", re.IGNORECASE)  # "diarrhoea or constipation"
_GLOSS = re.compile(r"[^(.;:]{1,60}\(([^()]{1,40})\)")  # "Feeling very tired (fatigue)"
# Words around a side effect's name that name none ("a higher risk of infection": infection).
_NAMES_NO_EFFECT = STOPWORDS | frozenset("very more much some severe mild higher high lower low increased "
                                         "greater risk chance".split())


def _named_effects(text: str, language: str, vocabulary: Vocabulary) -> list[tuple[str, ...]]:
    """The side effects an item names: its opening words, each of their alternatives ("hair
    thinning or hair loss"), and the gloss in brackets after them ("Feeling very tired (fatigue)"),
    with the scheme's synonyms written as one word ("feeling sick" as "nausea")."""
    folded = vocabulary.fold(text)
    head = _EFFECT_END.split(folded, maxsplit=1)[0]
    parts = _ALTERNATIVES.split(head)
    if (gloss := _GLOSS.match(folded)) is not None:
        parts.append(gloss.group(1))
    return [name for part in parts if (name := _named_effect(part, language))]


def _named_effect(text: str, language: str) -> tuple[str, ...]:
    """The stems of the side effect a phrase names, its opening words ("Feeling sick": feel, sick),
    without the words that name nothing."""
    words = (word for word in _WORD.findall(text.casefold()) if word not in _NAMES_NO_EFFECT)
    return tuple(word_stems(" ".join(fold_spelling(word) for word in words), language)[:2])


def _same_effect(one: tuple[str, ...], other: tuple[str, ...]) -> bool:
    """Two items name the same side effect: the same first word and the same second one unless
    either has none ("Diarrhoea" and "Diarrhoea or constipation"; not "Skin rash" and "Skin changes"),
    or the same two words in either order ("Numbness or tingling", "Tingling or numbness")."""
    if set(one) == set(other):
        return True
    return one[0] == other[0] and (len(one) == 1 or len(other) == 1 or one[1] == other[1])


def _position(cluster: Cluster) -> tuple[str, int]:
    """Where the canonical wording stands in its source."""
    return cluster.canonical.source, cluster.canonical.line


def _fallback(rules: Sequence[SectionRule]) -> str:
    """The section for facts no keyword matches."""
    return next((r.key for r in rules if r.fallback), rules[-1].key)


@lru_cache(maxsize=1 << 14)
def _matches(stems: tuple[str, ...], rules: tuple[SectionRule, ...], language: str) -> tuple[int, ...]:
    """Each rule's keyword matches in a text given as its stems: a page's headings, and a statement
    scored with and without them, are matched once."""
    return tuple(count_keywords(stems, rule.keywords, language) for rule in rules)


@lru_cache(maxsize=4096)
def _stems(text: str, language: str) -> tuple[str, ...]:
    return word_stems(text, language)
