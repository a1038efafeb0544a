"""A site prints its banners, boxes and footers on every page: cleaning removes a run of lines
another page of the same site prints too, in any topic of the project, and keeps what an
article shares with its site's other articles one line at a time."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from pipeline.build import plan
from pipeline.config import load_config
from pipeline.models import Source, SourceLine, SourceMeta
from pipeline.prepare import prepare
from pipeline.text.clean import clean
from pipeline.text.site_template import site_keys, site_page, site_pages, site_repeats

ROOT = Path(__file__).resolve().parent.parent
TITLE = "Radiotherapy to the chest"
OWN = ["Radiotherapy uses high-energy rays to destroy cancer cells in one part of the body.",
       "Treatment is given on weekdays over three to six weeks, and each session takes minutes."]
OTHER = ["A CT scan takes pictures of the inside of the body from many angles in a few minutes.",
         "You lie on a table that moves slowly through a ring-shaped machine while it takes them."]
BOX = ["# Support for carers", "Looking after someone with cancer can be hard on you too.",
       "Our free carers' line is open every weekday, and our volunteers can visit you at home."]
SHARED = "You will have a blood test before each treatment."
LEAD = ["Call the treatment unit straight away if you have:", "- a temperature of 38°C or above",
        "- shivering or feeling suddenly unwell"]


def _source(path: str, lines: list[str], publisher: str = "Northbay Hospital") -> Source:
    return Source(path, "utf-8", tuple(SourceLine(n, t) for n, t in enumerate(lines, start=1)),
                  SourceMeta(Path(path).name, publisher=publisher))


def _page(topic: str, lines: list[str]) -> list[str]:
    return [TITLE if topic == "radio" else "Having a CT scan", "", *lines]


def test_a_line_the_sites_other_page_prints_too_is_found_whatever_its_marks_and_case():
    radio = _source("sources/radio/a.txt", [TITLE, "## Support for carers", "Contact us", "Our own line."])
    scan = _source("sources/scan/b.txt", ["Having a CT scan", "SUPPORT FOR CARERS:", "- Contact us"])
    elsewhere = _source("sources/scan/c.txt", ["Our own line."], publisher="Another Trust")
    found = site_repeats([radio], [site_page(radio), site_page(scan), site_page(elsewhere)])
    assert found == {radio.path: {2: scan.path, 3: scan.path}}  # another site's page says nothing of this one's


def test_a_site_is_one_site_whichever_of_its_names_topic_yaml_gives():
    one = _source("sources/radio/a.txt", [TITLE, *BOX], publisher="NHS")
    two = _source("sources/scan/b.txt", ["Having a CT scan", *BOX], publisher="NHS website (www.nhs.uk)")
    other = _source("sources/scan/c.txt", ["Having a CT scan", *BOX], publisher="NHS Inform (nhsinform.scot)")
    found = site_repeats([one], [site_page(one), site_page(two), site_page(other)])[one.path]
    assert set(found) == {2, 3, 4} and set(found.values()) == {two.path}
    assert site_keys("Cancer Research UK") & site_keys("cancerresearchuk.org")
    assert not site_keys("health.gov.au") & site_keys("health.gov.uk")  # a shared word is no shared site


def test_pages_without_a_publisher_are_no_sites_pages():
    one, two = _source("sources/a/a.txt", ["Menu", "Home"], ""), _source("sources/b/b.txt", ["Menu", "Home"], "")
    assert site_repeats([one], [site_page(one), site_page(two)]) == {one.path: {}}


def test_a_box_the_site_prints_on_each_page_goes_and_names_the_other_page():
    radio = _source("sources/radio/a.txt", [*_page("radio", OWN), "", *BOX])
    scan = _source("sources/scan/b.txt", [*_page("scan", OTHER), "", *BOX])
    repeated = site_repeats([radio], [site_page(radio), site_page(scan)])[radio.path]
    result = clean(radio, repeated=repeated)
    reasons = {removal.line: removal.reason for removal in result.removed}
    assert reasons[6] == reasons[7] == reasons[8] == "site furniture (also on the site's page sources/scan/b.txt)"
    assert [block.line for block in result.blocks] == [1, 3, 4]


def test_what_an_article_shares_with_its_sites_other_articles_stays():
    """One shared sentence among the article's own, a heading over the article's own text, a list
    under its lead-in and the title are the article's, even when another page prints them too."""
    radio = _source("sources/radio/a.txt", [TITLE, "", OWN[0], SHARED, OWN[1], "", "# Side effects",
                                           "Your skin may become red and sore after two weeks.", "", *LEAD])
    scan = _source("sources/scan/b.txt", [TITLE, "", OTHER[0], SHARED, OTHER[1], "", "# Side effects",
                                          "Contrast dye can make you feel warm for a minute.", "", *LEAD])
    repeated = site_repeats([radio], [site_page(radio), site_page(scan)])[radio.path]
    assert {1, 4, 7, 10, 11, 12} <= set(repeated)
    result = clean(radio, repeated=repeated)
    assert not result.removed
    assert [block.line for block in result.blocks] == [1, 3, 4, 5, 7, 8, 10, 11, 12]


def test_a_page_that_cannot_be_read_is_no_evidence(tmp_path):
    radio = _source("sources/radio/a.txt", [TITLE, *BOX])
    broken = tmp_path / "broken.txt"
    broken.write_bytes(b"Our \x00 menu")
    files = [(broken, SourceMeta("broken.txt", publisher="Northbay Hospital")),
             (tmp_path / "gone.txt", SourceMeta("gone.txt", publisher="Northbay Hospital"))]
    assert [page.path for page in site_pages([radio], files, tmp_path)] == [radio.path]


def _project(root: Path, second_publisher: str) -> Path:
    root.mkdir()
    for name in ("clinic.yaml", "sections.yaml"):
        shutil.copy(ROOT / name, root / name)
    for key, title, own, publisher in (("radio", TITLE, OWN, "Northbay Hospital"),
                                       ("scan", "Having a CT scan", OTHER, second_publisher)):
        folder = root / "sources" / key
        folder.mkdir(parents=True)
        (folder / f"{key}.txt").write_text("\n".join([title, "", *own, "", *BOX]) + "\n", encoding="utf-8")
        (folder / "topic.yaml").write_text(yaml.safe_dump({
            "title": title, "version": "1.0", "issued": "2026-11-01", "language": "en",
            "sources": [{"file": f"{key}.txt", "publisher": publisher}]}), encoding="utf-8")
    return root


def _printed(root: Path, topic: str) -> list[str]:
    config = load_config(root)
    prepared = prepare(config, next(t for t in config.topics if t.key == topic))
    return [block.text for source in prepared.cleaned for block in source.blocks]


def test_a_topic_is_cleaned_with_its_sites_pages_in_the_projects_other_topics(tmp_path):
    same = _printed(_project(tmp_path / "same", "Northbay Hospital"), "radio")
    apart = _printed(_project(tmp_path / "apart", "Eastfield Clinic"), "radio")
    assert OWN[0] in same and OWN[0] in apart
    assert BOX[1] not in same
    assert BOX[1] in apart  # another site's page is no evidence


def test_an_edit_to_the_sites_page_in_another_topic_rebuilds_this_topic(tmp_path):
    root = _project(tmp_path / "p", "Northbay Hospital")

    def radio_key() -> str:
        config = load_config(root, {"SOURCE_DATE_EPOCH": "1700000000"})
        made = plan.make_plan(config, list(config.topics), ("en",), "A4", "office")
        return next(files.key for files in made.topic_files if files.topic == "radio")

    before = radio_key()
    page = root / "sources" / "scan" / "scan.txt"
    page.write_text(page.read_text(encoding="utf-8") + "A new line on the scan page.\n", encoding="utf-8")
    assert radio_key() != before
    topic_yaml = root / "sources" / "scan" / "topic.yaml"
    topic_yaml.write_text(topic_yaml.read_text(encoding="utf-8").replace("Northbay Hospital", "Eastfield Clinic"),
                          encoding="utf-8")
    changed = radio_key()
    page.write_text(page.read_text(encoding="utf-8") + "Another line.\n", encoding="utf-8")
    assert radio_key() == changed  # no longer the same site's page: its edits are none of radio's


def test_in_a_run_the_site_repeats_a_heading_goes_with_the_sites_lines_under_it_and_stays_over_the_articles():
    box = ["Carers' cafe", "Meet other carers over coffee on the first Monday of each month."]
    radio = _source("sources/radio/a.txt", [TITLE, "", *OWN, "", *box, "# When to call", *LEAD])
    scan = _source("sources/scan/b.txt", [TITLE, "", *OTHER, "", *box, "# When to call", *LEAD])
    repeated = site_repeats([radio], [site_page(radio), site_page(scan)])[radio.path]
    assert set(range(6, 12)) <= set(repeated)
    result = clean(radio, repeated=repeated)
    assert sorted(removal.line for removal in result.removed) == [6, 7]
    assert [block.line for block in result.blocks] == [1, 3, 4, 8, 9, 10, 11]


def test_a_pages_title_stays_though_the_sites_other_page_links_to_it_beside_its_tools():
    # "# Chemotherapy" over the page's print and share tools; the radiotherapy page lists
    # "Chemotherapy" among its related links and prints the same tools: the tools go, the title stays.
    chemo = _source("sources/chemo/a.md", ["Menu", "", "# Chemotherapy", "Print", "Share: Facebook X Email", "",
                                           *OWN, "", "Related services", "- Radiotherapy"])
    radio = _source("sources/radio/b.md", ["Menu", "", "# Radiotherapy", "Print", "Share: Facebook X Email", "",
                                           *OTHER, "", "Related services", "- Chemotherapy"])
    repeated = site_repeats([chemo], [site_page(chemo), site_page(radio)])[chemo.path]
    assert {4, 5} <= set(repeated) and 3 not in repeated  # a link there, not the site's own title
    result = clean(chemo, repeated=repeated)
    kept = {block.line: block.text for block in result.blocks}
    assert kept[3] == "Chemotherapy" and 4 not in kept and 5 not in kept
