"""Handout -> pairs of printed statements in one section that probably say the same thing.

Dedupe merges copies and near-copies only; paraphrases ("fewer side effects than
chemotherapy" / "better tolerated than chemotherapy") stay apart. Measured on the labelled
sets (bench/paraphrase.py), all-MiniLM-L6-v2 at cosine >= 0.8 with the guard below is about
75% precise: too low to merge automatically, useful as suggestions the editor confirms with
a merge decision in editorial.yaml. Nothing here changes the handout.

Method, per leaflet section (quadratic only within a section, which is small):
1. The statements compared are the entries' own clusters: list items print under their
   lead-in and continuations lean on their host, so neither stands alone.
2. Similarity: cosine of embeddings when an embedder is given (REPEAT_COSINE), else cosine
   of character 3-5-gram TF-IDF vectors with synonyms folded (TFIDF_COSINE).
3. Guard (as dedupe's): equal negation, one side's numbers and key terms a subset of the
   other's, list items only with list items, never a lead-in ending in a colon.

The guard reuses dedupe's public `profile` and `Fact.role`, so "number", "key term",
"negated" and "lead-in" mean the same thing in both places.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from itertools import combinations

from pipeline.models import Cluster, Handout, Repeat
from pipeline.text.dedupe import WordProfile, profile
from pipeline.vocabulary import Vocabulary

REPEAT_COSINE = 0.8  # MiniLM: ~75% precise with the guard on the labelled sets
TFIDF_COSINE = 0.5  # character n-gram TF-IDF, the light fallback
MINILM = "minilm"
TFIDF = "tfidf"
NGRAMS = (3, 4, 5)

Embedder = Callable[[list[str]], list[list[float]]]
Vector = dict[str, float]


def find_repeats(
    handout: Handout, vocabulary: Vocabulary = Vocabulary(), embed: Embedder | None = None
) -> tuple[Repeat, ...]:
    """List pairs of statements within one leaflet section that probably say the same thing.

    vocabulary: the scheme's key terms (for the guard) and synonyms (folded for TF-IDF).
    """
    sections = [(s.key, [entry.cluster for entry in s.entries]) for s in handout.sections]
    clusters = {c.id: c for _, members in sections for c in members}
    ordered = sorted(clusters)  # one text per cluster, in a fixed order
    texts = [clusters[cid].canonical.text for cid in ordered]
    if embed is not None:
        vectors = dict(zip(ordered, _embedded(embed, texts), strict=True))
        method, threshold = MINILM, REPEAT_COSINE
    else:
        vectors = dict(zip(ordered, _tfidf([vocabulary.fold(t.casefold()) for t in texts]), strict=True))
        method, threshold = TFIDF, TFIDF_COSINE
    profiles = {cid: profile(clusters[cid].canonical.text, vocabulary) for cid in ordered}
    repeats: list[Repeat] = []
    for key, members in sections:
        found = []
        for first, second in combinations(members, 2):  # print order: first is printed first
            if first.id == second.id or not _allowed(first, second, profiles):
                continue
            score = round(_cosine(vectors[first.id], vectors[second.id]), 4)
            if score >= threshold:
                found.append(Repeat(key, first, second, score, method))
        repeats.extend(sorted(found, key=lambda r: (-r.score, r.first.id, r.second.id)))
    return tuple(repeats)


def _allowed(a: Cluster, b: Cluster, profiles: dict[str, WordProfile]) -> bool:
    """The guard: same role, equal negation, neither adds a number or key term to the other."""
    role = a.canonical.role
    if role != b.canonical.role or role == "lead":
        return False
    pa, pb = profiles[a.id], profiles[b.id]
    if pa.negated != pb.negated:
        return False
    return pa.key_info <= pb.key_info or pb.key_info <= pa.key_info


def _embedded(embed: Embedder, texts: list[str]) -> list[Vector]:
    """Embed all texts in one call and normalise each vector (cosine becomes a dot product)."""
    if not texts:
        return []
    return [_normalised({str(i): float(v) for i, v in enumerate(row)}) for row in embed(texts)]


def _tfidf(texts: Sequence[str]) -> list[Vector]:
    """Character n-grams within words (sublinear tf, smoothed idf over these texts), normalised."""
    counts = [_ngrams(text) for text in texts]
    df = Counter(gram for c in counts for gram in c)
    idf = {gram: math.log((1 + len(texts)) / (1 + d)) + 1 for gram, d in df.items()}
    return [_normalised({g: (1 + math.log(n)) * idf[g] for g, n in c.items()}) for c in counts]


def _ngrams(text: str) -> Counter[str]:
    """Character 3- to 5-grams of each word padded with spaces (like scikit-learn's char_wb)."""
    grams: Counter[str] = Counter()
    for word in re.findall(r"\w+", text):
        padded = f" {word} "
        for n in NGRAMS:
            grams.update(padded[i : i + n] for i in range(max(1, len(padded) - n + 1)))
    return grams


def _normalised(vector: Vector) -> Vector:
    """The vector scaled to length 1 (a zero vector stays zero)."""
    norm = math.sqrt(sum(v * v for v in vector.values()))
    return {k: v / norm for k, v in vector.items()} if norm else vector


def _cosine(a: Vector, b: Vector) -> float:
    """Dot product of two normalised sparse vectors."""
    small, large = sorted((a, b), key=len)
    return sum(v * large.get(k, 0.0) for k, v in small.items())
