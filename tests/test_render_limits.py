"""Rendering limits: long unbreakable tokens, the clinic logo, the time a render may take."""

from __future__ import annotations

import io
import logging
import pickle
import random
import re
import signal
import string
import threading
import time
from dataclasses import replace
from pathlib import Path
from xml.etree import ElementTree

import pytest
from PIL import Image
from pypdf import PdfReader

from pipeline.errors import HandoutError, RenderError
from pipeline.i18n.translations import CheckedMessage, Messages
from pipeline.models import Entry, Section
from pipeline.render import logo as logo_check
from pipeline.render import pdf as render
from pipeline.render.fitting import fit_leaflet
from pipeline.render.localizer import Localizer
from pipeline.render.profiles import DEFAULT_PROFILE
from pipeline.render.long_tokens import CLASS, LONG_TOKEN, MAX_TOKEN, breakable, check_handout
from pipeline.render.time_limit import RenderTimeout, time_limit
from pipeline.templates import TemplateSet, shipped_templates
from tests.test_render import CLINIC, ENGLISH, SMALL, cluster, handout

SHIPPED = shipped_templates()


def token(length: int, alphabet: str = string.ascii_letters, seed: int = 1) -> str:
    """A word of random characters: no break opportunity, and letters WeasyPrint would hyphenate."""
    return "".join(random.Random(seed).choices(alphabet, k=length))


def one_fact(text: str, **changes):
    return handout((Section("what", "What", (Entry(cluster(text, 2, 3)),)),), **changes)


# ---- Long tokens --------------------------------------------------------------------

SPAN = f'<span class="{CLASS}">'


@pytest.mark.parametrize("text, expected", [
    ("Call us on 020 7946 0123.", "Call us on 020 7946 0123."),
    ("pneumonoultramicroscopicsilicovolcanoconiosis is a word.",  # 45 letters: a word, left alone
     "pneumonoultramicroscopicsilicovolcanoconiosis is a word."),
    ("x" * LONG_TOKEN, "x" * LONG_TOKEN),
    ("See " + "y" * (LONG_TOKEN + 1) + " now", f"See {SPAN}{'y' * (LONG_TOKEN + 1)}</span> now"),
    ("a <b> " + "&" * 70, f"a &lt;b&gt; {SPAN}{'&amp;' * 70}</span>"),  # escaped inside the span too
    ("https://example.org/" + "q" * 50 + " and " + "z" * 80 + ".",
     f"{SPAN}https://example.org/{'q' * 50}</span> and {SPAN}{'z' * 80}.</span>"),
])
def test_long_tokens_are_wrapped_in_a_breakable_span_and_escaped(text, expected):
    assert str(breakable(text)) == expected


DATA_URI = "data:image/png;base64," + token(1_000_000, string.ascii_letters + string.digits + "+/")


@pytest.mark.parametrize("changes, where", [
    ({"sections": (Section("what", "What", (Entry(cluster(f"The logo is {DATA_URI} here.", 2, 7)),)),)},
     r"^sources/t/a\.txt:7, sources/t/b\.txt:7: immunotherapy: a word of 1,000,022 characters"),
    ({"title": "Immunotherapy " + "w" * (MAX_TOKEN + 1)}, r"^immunotherapy: the title: a word of 5,001"),
    ({"side_effects": (cluster("Rash " + "r" * 6000, 1, 44),)}, r"^sources/t/a\.txt:44: .*6,000 characters"),
])
def test_an_absurdly_long_token_is_refused_before_layout_naming_its_source_line(changes, where):
    bad = replace(one_fact("A short fact."), **changes)
    if "sections" in changes:
        bad = replace(bad, summary=changes["sections"])
    started = time.perf_counter()
    with pytest.raises(RenderError, match=where) as caught:
        render.render(bad, "leaflet")
    assert time.perf_counter() - started < 2  # refused up front, not after minutes of line breaking
    assert "remove it from the source" in str(caught.value) and len(str(caught.value)) < 400
    check_handout(SMALL)  # and a handout without one passes


def test_a_translation_with_an_absurd_token_names_the_po_line():
    fact = cluster("Wash your hands.", 1, 3)
    messages = Messages(locale="fr", entries={("facts", f"t:{fact.id}"): CheckedMessage(
        "Wash your hands.", "Lavez-vous " + "m" * (MAX_TOKEN + 1), line=42)},
        files={"facts": "locales/fr/LC_MESSAGES/facts.po"})
    with pytest.raises(RenderError, match=r"^locales/fr/LC_MESSAGES/facts\.po:42: t:.*a word of 5,001"):
        Localizer(messages, "t", fonts=SHIPPED.font_files()).fact(fact)
    assert SPAN in Localizer(ENGLISH, "t").fact(cluster("Visit " + "u" * 70, 1, 3))


def test_a_2000_character_token_renders_quickly_inside_the_page_and_copies_unchanged(caplog, tmp_path):
    """The one layout of this file: a long token in a sentence, and an SVG logo with a <style>."""
    word = "https://example.org/" + token(1000) + token(980, string.digits)
    templates = TemplateSet((_assets_folder_with(tmp_path, "styled.svg", STYLED_SVG), *SHIPPED.folders))
    leaflet = one_fact(f"Read more at {word} before treatment.",
                       clinic=replace(CLINIC, logo="styled.svg"))
    started = time.perf_counter()
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        fit = fit_leaflet(leaflet, "en", "A4", ENGLISH, DEFAULT_PROFILE, templates)
    assert time.perf_counter() - started < 10  # 0.7 s measured; 4.3 s and hyphens before
    assert not caplog.records, [r.getMessage() for r in caplog.records]
    assert SPAN in fit.page.html
    for page in fit.document.pages:
        box = page._page_box
        right = box.margin_width() - box.margin_right
        widest = max((child.position_x + child.width for child in box.descendants()
                      if type(child).__name__ == "TextBox"), default=0)
        assert widest <= right + 0.5  # nothing clipped past the right margin
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(fit.document.write_pdf())).pages)
    assert word in re.sub(r"\s", "", text)  # broken across lines, no hyphen or zero-width space added
    assert "\u200b" not in text
    images = [box for page in fit.document.pages for box in page._page_box.descendants()
              if "ReplacedBox" in type(box).__name__]
    assert images, "the logo with a <style> block is embedded"


# ---- The logo -----------------------------------------------------------------------

STYLED_SVG = ('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
              '<style>rect { fill: #1f5f7a }</style><rect width="10" height="10"/></svg>')
SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">{}</svg>'


def _assets_folder_with(folder: Path, name: str, content: str | bytes) -> Path:
    """A project templates folder whose assets hold one file."""
    (folder / "assets").mkdir()
    target = folder / "assets" / name
    target.write_bytes(content if isinstance(content, bytes) else content.encode())
    return folder


def _png(size: tuple[int, int], mode: str = "1") -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, size).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.mark.parametrize("name, content, reason", [
    ("xxe.svg", '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
     + SVG.format("<text>&x;</text>"), "DOCTYPE or an ENTITY declaration"),
    ("laughs.svg", '<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>'
     + SVG.format("<text>&b;</text>"), "DOCTYPE"),
    ("doctype.svg", '<!doctype svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">'
     + SVG.format(""), "DOCTYPE"),
    ("script.svg", SVG.format("<script>alert(1)</script>"), "<script> element"),
    ("foreign.svg", SVG.format("<foreignObject><p>x</p></foreignObject>"), "<foreignObject> element"),
    ("image.svg", SVG.format('<image href="file:///etc/passwd" width="1" height="1"/>'),
     "<image> refers to 'file:///etc/passwd' outside the file"),
    ("xlink.svg", SVG.format('<use xmlns:xlink="http://www.w3.org/1999/xlink" xlink:href="http://x.example/a.svg#b"/>'),
     "<use> refers to 'http://x.example/a.svg#b'"),
    ("import.svg", SVG.format("<style>@import url(https://fonts.example/a.css);</style>"),
     "<style> block loads a file"),
    ("urlstyle.svg", SVG.format('<rect style="fill: url(https://x.example/p.svg#g)"/>'), "style attribute of <rect>"),
    ("broken.svg", SVG.format("<rect>"), r"not well-formed XML \(mismatched tag: line 1"),
    ("html.svg", "<html><body/></html>", "the root element is <html>, not <svg>"),
    ("garbage.png", b"\x89PNG\r\n\x1a\nnot really", "not a readable PNG or JPEG image"),
    ("truncated.png", _png((64, 64), "RGB")[:-40], "not a readable PNG or JPEG image"),
    ("bomb.png", _png((6000, 6000)), "6000 x 6000 pixels, more than the 25,000,000"),
])
def test_a_logo_that_cannot_be_embedded_safely_is_refused_with_file_and_reason(tmp_path, name, content, reason):
    templates = TemplateSet((_assets_folder_with(tmp_path, name, content), *SHIPPED.folders))
    with pytest.raises(RenderError, match=rf"{re.escape(name)}: the clinic logo cannot be embedded: .*{reason}"):
        logo_check.check_logo(name, templates)


@pytest.mark.parametrize("name, content", [
    ("styled.svg", STYLED_SVG),  # a <style> block is CSS WeasyPrint draws; only loading files is refused
    ("fragment.svg", SVG.format('<defs><g id="g"/></defs><use href="#g"/><rect style="fill: url(#g)"/>')),
    ("plain.png", _png((330, 120), "RGB")),
])
def test_a_sound_logo_is_accepted(tmp_path, name, content):
    logo_check.check_logo(name, TemplateSet((_assets_folder_with(tmp_path, name, content), *SHIPPED.folders)))


def test_the_shipped_example_logo_is_accepted():
    logo_check.check_logo("example-logo.svg", SHIPPED)
    ElementTree.parse(SHIPPED.asset_folders[0] / "example-logo.svg")


def test_a_logo_over_the_size_limit_is_refused_before_it_is_read(tmp_path):
    templates = TemplateSet((_assets_folder_with(tmp_path, "big.svg", SVG.format(" " * 200)), *SHIPPED.folders))
    with pytest.raises(RenderError, match=r"big\.svg: .*\d+ bytes, more than the 100 a logo may have.*max_logo_bytes"):
        logo_check.check_logo("big.svg", templates, limit=100)
    logo_check.check_logo("big.svg", templates, limit=10_000)  # the clinic raised its limit


def test_render_stops_on_a_bad_logo_and_an_image_warning_gives_its_reason(tmp_path):
    templates = TemplateSet((_assets_folder_with(tmp_path, "x.svg", SVG.format("<rect>")), *SHIPPED.folders))
    with pytest.raises(HandoutError, match=r"x\.svg: the clinic logo cannot be embedded: not well-formed"):
        render.render(replace(SMALL, clinic=replace(CLINIC, logo="x.svg")), "leaflet", templates=templates)
    from weasyprint.images import ImageLoadingError
    try:
        try:
            ElementTree.fromstring("<svg><rect></svg>")
        except ElementTree.ParseError as error:
            raise ImageLoadingError() from error
    except ImageLoadingError as empty:
        record = logging.LogRecord("weasyprint", logging.ERROR, __file__, 1,
                                   "Failed to load image at %r: %s", ("file:///a/x.svg", empty), None)
    assert render._with_reason(record) == ("Failed to load image at 'file:///a/x.svg': "
                                           "ParseError: mismatched tag: line 1, column 13")


# ---- Time limit -----------------------------------------------------------------------

def _busy(seconds: float, swallow: bool = False) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        try:
            sum(range(1000))
        except Exception:
            if not swallow:
                raise


def test_a_block_past_its_time_limit_is_stopped_naming_what_ran():
    started = time.perf_counter()
    with pytest.raises(RenderTimeout, match=r"^t \(fr, summary\): rendering took more than 0\.05 s"):
        with time_limit(0.05, "t (fr, summary)"):
            _busy(5)
    assert time.perf_counter() - started < 1
    with pytest.raises(RenderTimeout):  # code that swallows the interruption is interrupted again, then refused
        with time_limit(0.05, "t"):
            _busy(0.3, swallow=True)
    previous = signal.getsignal(signal.SIGALRM)
    with time_limit(1, "t"):  # within the limit: nothing happens, and the timer is disarmed after
        _busy(0.01)
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0) and signal.getsignal(signal.SIGALRM) is previous
    error = pickle.loads(pickle.dumps(RenderTimeout("t (fr, leaflet): stopped")))  # crosses the pool
    assert isinstance(error, RenderError) and str(error) == "t (fr, leaflet): stopped"


def test_no_time_limit_outside_the_main_thread_or_when_none():
    outcome = []
    thread = threading.Thread(target=lambda: outcome.append(_limited(0.01)))
    thread.start()
    thread.join()
    assert outcome == ["finished"] and _limited(None) == "finished"


def _limited(limit: float | None) -> str:
    with time_limit(limit, "t"):
        _busy(0.1)
    return "finished"


def test_a_render_over_its_limit_names_topic_locale_and_kind():
    with pytest.raises(RenderTimeout, match=r"^immunotherapy \(en, summary\): rendering took more than 0\.001 s"):
        render.render(SMALL, "summary", limit=0.001)


def test_the_build_commands_time_limit_reaches_every_render(tmp_path):
    from click.testing import CliRunner

    from pipeline.cli import main
    from tests.projects import copy_project

    root, out = copy_project(tmp_path / "project", locales=()), tmp_path / "out"
    result = CliRunner().invoke(main, ["build", "--root", str(root), "--output", str(out), "--locale", "en",
                                       "--kind", "summary", "--jobs", "1", "--time-limit", "0.001"])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "immunotherapy (en, summary): rendering took more than 0.001 s" in result.output
    assert "--time-limit" in result.output and not (out / "manifest.json").exists()
    assert not (out / "en/immunotherapy-summary.pdf").exists()
