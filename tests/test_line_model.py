"""The learned second opinion: what it may remove, what the rules vouch for, the shipped model."""

from __future__ import annotations

import json

from pipeline.models import Source, SourceLine, SourceMeta
from pipeline.text.clean import clean
from pipeline.text.line_model import (MODEL_FILE, REASON, SITE, LineModel, load_model, page_features, second_opinion,
                                      site_words, words)


def _lines(*texts: str) -> list[SourceLine]:
    return [SourceLine(n, text) for n, text in enumerate(texts, start=1)]


def _source(*texts: str, name: str = "a.txt") -> Source:
    return Source(f"sources/t/{name}", "utf-8", tuple(_lines(*texts)), SourceMeta(name))


def _reasons(result) -> dict[int, str]:
    return {removal.line: removal.reason for removal in result.removed}


def _model(weights: dict[str, float], vocabulary: str) -> LineModel:
    return LineModel(weights=weights, vocabulary=frozenset(vocabulary.split()))


# Sure of lines with "coupon" or "forum", unsure of the rest.
PROMO = _model({"bias": -6.0, "w:coupon": 10.0, "w:forum": 10.0},
               "get a free coupon join our forum swap tips the with other carers ask your nurse about "
               "chemotherapy side effects tiredness sickness and hair loss are common # at pharmacy")


def test_words_fold_case_and_make_every_number_one_word():
    assert words("Call 0800 555 0100, or ASK us!") == ["call", "#", "#", "#", "or", "ask", "us"]


def test_features_see_the_line_its_html_box_and_what_the_rules_did_around_it():
    lines = [SourceLine(1, "Menu"), SourceLine(2, "Get a free coupon", linked=True, region="aside", marked="promo"),
             SourceLine(3, "Ask your nurse about chemotherapy side effects.")]
    features = page_features(lines, {0: "navigation"})[1]
    assert {"w:coupon", "first:get", "first2:get_a", "linked", "region:aside", "marked:promo",
            "prule:removed", "nrule:kept", "s:end:w", "ns:end:."} <= set(features)
    assert "nn:edge" in features and "pp:edge" in features
    assert not any("repeat" in f for f in features)


def test_features_see_the_lines_the_sites_other_pages_print_too():
    lines = [SourceLine(1, "Menu"), SourceLine(2, "Free parking for patients"), SourceLine(3, "Visiting hours")]
    features = page_features(lines, {}, repeats=frozenset({1, 2}))
    assert "site-repeat" in features[1] and "nrepeat" in features[1] and "prepeat" not in features[1]
    assert "site-repeat" not in features[0] and "nrepeat" in features[0]


def test_a_sure_line_is_removed_with_its_reason_and_the_model_s_certainty():
    lines = _lines("Ask your nurse about chemotherapy side effects.", "Get a free coupon at the pharmacy.",
                   "Tiredness, sickness and hair loss are common.")
    removed: dict[int, str] = {}
    second_opinion(lines, removed, set(), PROMO)
    assert list(removed) == [1]
    assert removed[1].startswith(REASON + " (0.98)")


def test_the_model_abstains_on_words_it_never_saw_and_on_vouched_lines():
    lines = _lines("Ask your nurse about chemotherapy side effects.", "Coupon gratuit en pharmacie aujourd'hui",
                   "Join our forum to swap tips with other carers.")
    removed: dict[int, str] = {}
    second_opinion(lines, removed, {2}, PROMO)
    assert removed == {}


def test_a_heading_over_content_stays_and_a_heading_over_furniture_goes():
    heads = _model({"bias": -6.0, "w:forum": 10.0, "w:coupons": 10.0},
                   "forum coupons our ask your nurse about side effects join swap tips")
    lines = _lines("Our forum", "Ask your nurse about side effects.", "Our forum coupons", "Join our forum.",
                   "Swap tips in our forum.")
    removed: dict[int, str] = {}
    second_opinion(lines, removed, set(), heads)
    assert sorted(removed) == [2, 3, 4]


_EVERY_WORD = ("chemotherapy how it works treatment is given in cycles with rest of some weeks between them tell "
               "your team if you have a sore mouth diarrhoea a temperature if your temperature is above # call the "
               "ward on right away day what happens blood test infusion join carers tips forum").split()
# Sure of every line, by its own words.
EVERYTHING = _model({"w:" + word: 5.0 for word in _EVERY_WORD}, " ".join(_EVERY_WORD))


def test_place_and_neighbours_alone_never_take_a_line():
    # Sure of anything at the foot of the page beside removed lines, with nothing against its words.
    by_place = _model({"pos:9": 8.0, "prule:removed": 4.0}, "ask your care team about diet during treatment")
    lines = _lines("Ask your care team about diet.", "Menu", "Ask your care team about diet during treatment.")
    removed = {1: "navigation"}
    second_opinion(lines, removed, set(), by_place)
    assert removed == {1: "navigation"}
    by_words = _model({"pos:9": 8.0, "w:menu": 0.5}, "menu ask your care team about diet during treatment")
    lines = _lines("Ask your care team about diet.", "Ask your care team about diet during treatment.", "Menu")
    second_opinion(lines, removed := {}, set(), by_words)
    assert list(removed) == [2]


def test_the_rules_vouch_for_the_title_a_list_under_its_lead_in_a_table_and_when_to_call():
    page = _source(
        "Chemotherapy: how it works",
        "",
        "Treatment is given in cycles, with a rest of some weeks between them.",
        "Join the carers tips forum",
        "Tell your team if you have:",
        "a sore mouth",
        "diarrhoea",
        "",
        "| Day | What happens |",
        "| --- | --- |",
        "| 1 | Blood test |",
        "| 2 | Infusion |",
        "",
        "If your temperature is above 38C, call the ward on 0800 555 0100 right away.",
        name="a.md")
    result = clean(page, model=EVERYTHING)
    kept = {n for block in result.blocks for n in block.lines}
    assert kept == {1, 5, 6, 7, 9, 11, 12, 14}
    reasons = _reasons(result)
    assert reasons[3].startswith(REASON) and reasons[4].startswith(REASON)
    assert not reasons[10].startswith(REASON)  # "| --- |": the rules' own removal stays theirs
    assert set(_reasons(clean(page))) == {10}  # the rules alone keep all but the rule row


def test_the_shipped_model_loads_and_says_what_it_was_trained_on():
    model = load_model()
    assert model is not None and 0.5 < model.threshold < 1
    data = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    folders = data["trained_on"]["folders"]
    assert any(path.startswith("eval/tuning/") for path in folders)
    assert not any("held-out" in path for path in folders)  # the held-out half measures it
    # It names no site: a site's own name is one token, SITE, and words of one site are left out.
    assert SITE in model.vocabulary and not {"wattle", "tumbleweed", "lakemont", "immunoncologia"} & model.vocabulary
    assert not any(key.endswith(("wattle", "lakemont")) for key in model.weights)
    assert {"navigation", "menu", "chemotherapy"} <= model.vocabulary
    assert model.probability(["bias", "w:menu", "first:menu", "region:nav", "linked"]) > 0.9
    assert load_model(MODEL_FILE.with_name("missing.json")) is None  # then the rules decide alone


def test_a_page_in_another_language_than_the_model_s_is_left_to_the_rules():
    french = ("La chimiothérapie",
              "La chimiothérapie utilise des médicaments pour détruire les cellules cancéreuses.",
              "Appelez l'équipe soignante si votre température dépasse 38 °C.")
    everything_fr = _model({"w:" + w: 5.0 for w in words(" ".join(french))}, " ".join(words(" ".join(french))))
    page = Source("sources/t/fr.txt", "utf-8", tuple(_lines(*french)), SourceMeta("fr.txt", language="fr"))
    assert clean(page, model=everything_fr).removed == ()
    english = Source(page.path, page.encoding, page.lines, SourceMeta("fr.txt", language="en"))
    assert [r.line for r in clean(english, model=everything_fr).removed] == [2]  # 1: the title; 3: says when to call


def test_short_words_say_nothing_of_a_line_s_language():
    model = _model({}, "l si votre # c")
    assert not model.knows("Appelez l'équipe soignante si votre température dépasse 38 °C.")
    assert model.knows("Si votre")  # no long word unknown


def test_a_heading_over_what_the_model_took_goes_with_it():
    sure = _model({"w:forum": 10.0, "w:carers": 10.0}, "other ways connect swap tips with carers in the forum how "
                  "chemotherapy how it works treatment is given cycles rest weeks between them")
    page = _source("Chemotherapy: how it works", "",
                   "Treatment is given in cycles, with a rest of some weeks between them.", "",
                   "## Other ways to connect", "", "Swap tips with other carers in the forum.", "", "## How it works", "",
                   "Treatment is given in cycles, with rest weeks between them, for some weeks.", name="a.md")
    reasons = _reasons(clean(page, model=sure))
    assert reasons[7].startswith(REASON) and reasons[5].startswith("heading of removed lines")
    assert 9 not in reasons and 11 not in reasons
    assert 5 not in _reasons(clean(page))  # the rules alone keep the box and its heading


def test_the_words_of_a_pages_own_site_name_are_one_token():
    site = site_words(("wattle cancer council",))
    assert {"wattle", "wattlecancer", "wattlecancercouncil"} <= site and "cancer" not in site
    assert words("Call Wattle Cancer Council on 13 11 20, www.wattlecancer.org.au", site) == [
        "call", SITE, "cancer", SITE, "on", "#", "#", "#", "www", SITE, "org", "au"]  # "cancer" names no one site


def test_a_paragraph_of_several_sentences_is_never_the_models_to_take():
    story = ("Join our forum, the nurse said. Ask your nurse about tiredness and sickness with chemotherapy, "
             "and ask about hair loss: these side effects are common and the nurse can help with other tips.")
    short = "Join our forum to swap tips with other carers."
    lines = _lines("Ask your nurse about chemotherapy side effects.", story, short)
    assert PROMO.knows(story) and PROMO.probability(page_features(lines, {})[1]) > 0.9  # it would take it
    removed: dict[int, str] = {}
    second_opinion(lines, removed, set(), PROMO)
    assert list(removed) == [2]  # the one-sentence invitation; the story's paragraph stays
