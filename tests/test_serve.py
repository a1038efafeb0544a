"""`handout serve`: the previews over HTTP with their tools, rebuilt live as the project changes.

One server (English leaflet of the sample topic, rendered in this process) serves a copy of the
project for the whole module; the tests run in file order: look, edit, break, fix, then stop it
and stop the command itself with Ctrl-C. The injection is also tested alone, as a pure function.
"""

from __future__ import annotations

import html
import http.client
import json
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from pipeline.errors import HandoutError
from pipeline.serve import Server
from pipeline.serve import page_tools
from pipeline.serve.page_tools import Language, ServedPage, inject
from tests.projects import ROOT, copy_project

TOPIC = "immunotherapy"
PREVIEW = f"en/{TOPIC}-leaflet.html"
WAIT = 60.0  # seconds a rebuild may take to show (it takes about 3)
HOSTILE_SOURCE = 'Dose: <script>alert("x")</script> & more\n'


class Served:
    """The module's server and the project and output folders it serves."""

    def __init__(self, server: Server, root: Path, output: Path) -> None:
        self.server, self.root, self.output = server, root, output
        self.url = server.url.rstrip("/")

    def get(self, path: str) -> tuple[int, dict[str, str], str]:
        """Status, headers and text of a GET, sent as written (no normalizing of ".." or "%2e")."""
        host, port = self.url.removeprefix("http://").rsplit(":", 1)
        connection = http.client.HTTPConnection(host, int(port), timeout=10)
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            return response.status, dict(response.getheaders()), response.read().decode("utf-8", errors="replace")
        finally:
            connection.close()

    def page(self, path: str = f"/{PREVIEW}") -> str:
        status, _, text = self.get(path)
        assert status == 200, (path, status)
        return text

    def state(self) -> dict:
        return json.loads(self.page("/__handout/state"))


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    folder = tmp_path_factory.mktemp("serve")
    root = copy_project(folder / "project", templates=True)
    notes = root / "sources" / "notes"  # no topic.yaml: not a topic, but a file the source view may show
    notes.mkdir()
    (notes / "hostile.txt").write_text("first line\n" + HOSTILE_SOURCE, encoding="utf-8")
    (notes / "outside.txt").symlink_to(root / "clinic.yaml")  # leads out of sources/
    output = folder / "build"
    server = Server(root, output, locales=("en",), topics=(TOPIC,), kinds=("leaflet",), workers=1,
                    notice=lambda _: None).start()
    try:
        yield Served(server, root, output)
    finally:
        server.stop()


def _until(check: Callable[[], object], what: str) -> object:
    """check()'s first true result, polling for up to WAIT seconds."""
    deadline = time.monotonic() + WAIT
    while True:
        result = check()
        if result:
            return result
        assert time.monotonic() < deadline, f"not within {WAIT:g} s: {what}"
        time.sleep(0.05)  # a check is one local request


_SOURCE_LINK = re.compile(r'href="/__source/([^"#]+)#L(\d+)"')
_REVIEW_LINK = re.compile(rf'href="/{TOPIC}/review\.html#cluster-([^"]+)"')


def test_index_and_preview_carry_the_tools_the_files_do_not(served):
    status, headers, index = served.get("/")
    assert status == 200 and headers["Cache-Control"] == "no-store"
    assert f'href="/{PREVIEW}"' in index and f'href="/{TOPIC}/review.html"' in index
    assert 'href="/en/immunotherapy-leaflet.pdf"' in index

    status, headers, page = served.get(f"/{PREVIEW}")
    assert status == 200 and headers["Cache-Control"] == "no-store"
    assert headers["Content-Type"].startswith("text/html")
    assert 'class="hs-bar"' in page and "/__handout/state" in page and 'data-build="' in page
    assert 'role="alert"' not in page  # the build went well

    # Every fact's links point at lines that exist, and at review entries that exist.
    sources = _SOURCE_LINK.findall(page)
    facts = re.findall(r'data-fact="([^"]+)"', page)
    assert sources and len(_REVIEW_LINK.findall(page)) == len(facts) > 10
    for path, line in set(sources):
        assert path.startswith(f"sources/{TOPIC}/")
        assert 1 <= int(line) <= len((served.root / path).read_text(encoding="utf-8").splitlines())
    review = (served.output / TOPIC / "review.html").read_text(encoding="utf-8")
    assert all(f'id="cluster-{fact}"' in review for fact in _REVIEW_LINK.findall(page))
    assert served.get(f"/{TOPIC}/review.html")[0] == 200
    assert served.get("/assets/fonts/NotoSans-Regular.ttf")[0] == 200  # what the previews link to

    # The files on disk are as the build wrote them.
    on_disk = (served.output / PREVIEW).read_bytes()
    assert b"hs-bar" not in on_disk and b"__handout" not in on_disk and b"hs-refs" not in on_disk

    # The language switcher links the same page in each language the manifest lists it in; a
    # folder an earlier build left on disk (a language not built now) is not offered.
    manifest_file = served.output / "manifest.json"
    manifest = manifest_file.read_text(encoding="utf-8")
    listed = json.loads(manifest)
    row = next(row for row in listed["outputs"] if row["path"] == PREVIEW.removesuffix(".html") + ".pdf")
    listed["outputs"].append({**row, "locale": "xx", "path": "xx/" + row["path"].split("/")[1]})
    for folder in ("xx", "yy"):
        (served.output / folder).mkdir()
        shutil.copy(served.output / PREVIEW, served.output / folder / PREVIEW.split("/")[1])
    manifest_file.write_text(json.dumps(listed), encoding="utf-8")
    try:
        page = served.page()
        assert f'<a href="/xx/{PREVIEW.split("/")[1]}" lang="xx">xx</a>' in page
        assert f'href="/{PREVIEW}" lang="en" aria-current="page"' in page
        assert "/yy/" not in page
    finally:
        manifest_file.write_text(manifest, encoding="utf-8")
        for folder in ("xx", "yy"):
            shutil.rmtree(served.output / folder)


def test_source_view_numbers_lines_and_escapes_them(served):
    status, _, page = served.get("/__source/sources/notes/hostile.txt")
    assert status == 200
    assert f'id="L2"><a class="n" href="#L2" aria-label="line 2">2</a><span class="t">' \
           f'{html.escape(HOSTILE_SOURCE.rstrip())}</span>' in page
    assert '<script>alert("x")' not in page and ":target" in page

    path, line = _SOURCE_LINK.findall(served.page())[0]
    page = served.page(f"/__source/{path}")
    text = (served.root / path).read_text(encoding="utf-8").splitlines()[int(line) - 1]
    assert f'id="L{line}"' in page and html.escape(text) in page


@pytest.mark.parametrize("path", [
    "/__source/../clinic.yaml", "/__source/sources/../clinic.yaml", "/__source/%2e%2e/clinic.yaml",
    "/__source/sources/%2E%2E/clinic.yaml", "/__source/sources/immunotherapy/../../clinic.yaml",
    "/__source//etc/passwd", "/__source/%2Fetc%2Fpasswd", "/__source/clinic.yaml", "/__source/sources",
    "/__source/sources/notes/outside.txt", "/__source/sources/immunotherapy/..%2F..%2Fclinic.yaml",
    "/../project/clinic.yaml", "/%2e%2e/project/clinic.yaml", "//etc/passwd", "/.lock", "/en", "/no-such-file.html",
])
def test_nothing_outside_the_folders_is_served(served, path):
    status, headers, page = served.get(path)
    assert status == 404 and headers["Cache-Control"] == "no-store"
    assert "passwd" not in page or "root:" not in page
    assert "Example Oncology Clinic" not in page  # clinic.yaml's name


def test_edits_rebuild_and_errors_show_on_the_pages(served):
    start = served.state()["build"]
    # A fact printed as its one source line says it: change that line's words.
    changed = _reword_a_printed_fact(served, " in several ways.")
    # The build writes the preview before it counts itself done: wait for both.
    _until(lambda: changed in html.unescape(served.page()) and served.state()["build"] > start,
           f"the preview prints {changed!r}, its build counted")
    assert served.state()["error"] is None
    assert changed in (served.output / PREVIEW).read_text(encoding="utf-8")

    # A broken topic.yaml: the server goes on, the pages say what and where.
    topic_yaml, good = _break_topic_yaml(served)
    state = _until(lambda: (s := served.state())["error"] and s, "the state names the error")
    assert re.search(r"topic\.yaml:\d+: invalid YAML", state["error"]), state["error"]
    page = served.page()
    assert 'role="alert"' in page and html.escape(state["error"]) in page
    assert changed in html.unescape(page)  # the last good build's page, still served
    assert 'role="alert"' in served.page("/") and served.get("/no-such-page")[0] == 404

    topic_yaml.write_text(good, encoding="utf-8")
    _until(lambda: served.state()["error"] is None, "the error is gone once fixed")
    assert 'role="alert"' not in served.page()


def test_in_a_browser_the_served_page_links_facts_to_sources_and_reloads_itself(served, browser, monkeypatch):
    """What an editor sees in Chromium: the toolbar does not break the page on a phone or its
    accessibility; a fact's source link opens the source view at its line; a saved source file
    changes the open page, with no reload by hand; a broken file shows as an alert in it."""
    from tests.browser_page import Visit

    # The pages poll the server every POLL_MS (a second); here every 0.1 s: the same reloads, sooner.
    polling = f"setTimeout(poll, {page_tools.POLL_MS}"
    assert page_tools.SCRIPT.count(polling) == 3
    monkeypatch.setattr(page_tools, "SCRIPT", page_tools.SCRIPT.replace(polling, "setTimeout(poll, 100"))
    visit = Visit(browser, served.url + f"/{PREVIEW}")
    assert not visit.failures and not visit.wider_than_the_screen()
    assert visit.axe_violations() == []
    # The first fact's first source link, followed as a reader would.
    link = visit.page.locator(".fact a[href^='/__source/']").first
    target = link.get_attribute("href")
    path, line = target.removeprefix("/__source/").split("#L")
    link.click()
    visit.page.wait_for_url(f"**{target}")
    shown = visit.js(f"document.getElementById('L{line}').innerText")
    assert (served.root / path).read_text(encoding="utf-8").split("\n")[int(line) - 1].strip() in shown
    assert visit.js("getComputedStyle(document.querySelector(':target')).backgroundColor") != "rgba(0, 0, 0, 0)"
    visit.close()

    visit = Visit(browser, served.url + f"/{PREVIEW}")
    changed = _reword_a_printed_fact(served, ", as the clinic explains.")
    visit.page.wait_for_function("text => document.body.innerText.includes(text)", arg=changed,
                                 timeout=WAIT * 1000)

    topic_yaml, good = _break_topic_yaml(served)
    try:
        alert = visit.page.locator("[role=alert]")
        alert.wait_for(timeout=WAIT * 1000)
        assert re.search(r"topic\.yaml:\d+: invalid YAML", alert.inner_text())
    finally:
        topic_yaml.write_text(good, encoding="utf-8")
    visit.page.locator("[role=alert]").wait_for(state="detached", timeout=WAIT * 1000)
    visit.close()


def _reword_a_printed_fact(served: Served, ending: str) -> str:
    """Change the source line of a fact printed word for word: its last full stop becomes ending.
    Return the new wording, which the preview prints once rebuilt."""
    path, line, printed = _verbatim_fact(served)
    source = served.root / path
    lines = source.read_text(encoding="utf-8").split("\n")
    changed = printed.removesuffix(".") + ending
    lines[line - 1] = lines[line - 1].replace(printed, changed)
    source.write_text("\n".join(lines), encoding="utf-8")
    return changed


def _break_topic_yaml(served: Served) -> tuple[Path, str]:
    """Append a half-typed YAML line to the topic's topic.yaml; return the file and its good text."""
    topic_yaml = served.root / "sources" / TOPIC / "topic.yaml"
    good = topic_yaml.read_text(encoding="utf-8")
    topic_yaml.write_text(good + "broken: [unclosed\n", encoding="utf-8")
    return topic_yaml, good


def _verbatim_fact(served: Served) -> tuple[str, int, str]:
    """(source, line, text) of a printed fact that is word for word its only source line's text."""
    written = (served.output / PREVIEW).read_text(encoding="utf-8")
    for path, line, text in re.findall(r'data-sources="([^" ]+):(\d+)">([^<]+\.)</span>', written):
        printed = html.unescape(text)
        if printed in (served.root / path).read_text(encoding="utf-8").split("\n")[int(line) - 1]:
            return path, int(line), printed
    raise AssertionError("no fact prints its source line word for word")


def test_port_in_use_is_a_clear_error(served, tmp_path):
    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen()
    port = taken.getsockname()[1]
    try:
        with pytest.raises(HandoutError, match=f"^port {port} is in use; choose another with --port$"):
            Server(served.root, tmp_path / "out", port=port, notice=lambda _: None).listen()
    finally:
        taken.close()


def test_stopping_closes_the_port_and_ctrl_c_stops_the_command(served):
    port = int(served.url.rsplit(":", 1)[1])
    served.server.stop()
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", port), timeout=5).close()

    # The command: prints its URL, serves (the build is up to date), stops cleanly on Ctrl-C.
    command = [sys.executable, "-c", "import sys; from pipeline.cli import main; sys.exit(main())", "serve",
               "--root", str(served.root), "--output", str(served.output), "--port", "0",
               "--locale", "en", "--topic", TOPIC, "--kind", "leaflet", "--jobs", "1"]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        lines: list[str] = []
        reader = threading.Thread(target=lambda: lines.append(process.stdout.readline()), daemon=True)
        reader.start()
        reader.join(WAIT)
        url = re.search(r"http://127\.0\.0\.1:\d+/", lines[0] if lines else "")
        assert url, lines
        _until(lambda: _get(url.group(0) + "__handout/state").get("build"), "the command's first build")
        process.send_signal(signal.SIGINT)
        assert process.wait(WAIT) == 0
        assert "stopped" in process.stderr.read()
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        process.stdout.close()
        process.stderr.close()


def _get(url: str) -> dict:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return json.loads(response.read())
    except (urllib.error.URLError, ConnectionError):
        return {}


# ---- The injection alone ---------------------------------------------------------------------------

PAGE = """<!DOCTYPE html><html lang="en"><head><title>t</title>
<style>p::after { content: "<span data-sources='x:1'>" }</style></head>
<body class="leaflet"><p><span class="fact" data-fact="c1" data-sources="sources/t/a.txt:3 sources/t/b&amp;c.txt:4">One.
<span class="inner">two</span></span> <span data-fact="c2&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;"
data-sources="sources/t/x&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;.txt:7">Three.</span></p>
<ul><li data-fact="c3" data-sources='sources/t/a.txt:9'>Four.</li></ul></body></html>"""


def test_injection_escapes_what_it_puts_into_the_page():
    error = 'sources/t/topic.yaml:3: invalid YAML </pre><script>alert("e")</script> & more'
    out = inject(PAGE, ServedPage(build=7, error=error, topic="t",
                            languages=(Language("en", "/en/t-leaflet.html", True),
                                       Language('fr"><b>', '/fr/t-leaflet.html?"><script>', False))))
    assert "<script>alert" not in out and '"><b>' not in out
    assert f"<pre>{html.escape(error)}</pre>" in out and 'role="alert"' in out
    assert '&quot;&gt;&lt;b&gt;' in out and 'href="/fr/t-leaflet.html?&quot;&gt;&lt;script&gt;"' in out
    # Each fact: links to its source lines, URL-quoted, then escaped; then its review entry.
    assert 'href="/__source/sources/t/a.txt#L3"' in out and 'href="/__source/sources/t/b%26c.txt#L4"' in out
    assert 'href="/__source/sources/t/x%22%3E%3Cscript%3Ealert%281%29%3C/script%3E.txt#L7"' in out
    assert 'href="/t/review.html#cluster-c2%22%3E%3Cscript%3Ealert%282%29%3C%2Fscript%3E"' in out
    # Before each fact's own closing tag (not a nested one's), and never inside <style>.
    refs = '<sup class="hs-refs" lang="en" dir="ltr">'
    assert re.search(rf'<span class="inner">two</span>{refs}.*?cluster-c1"[^>]*>review</a></sup></span>', out)
    assert re.search(rf'Four\.{refs}.*?cluster-c3.*?</sup></li>', out)
    assert 'content: "<span data-sources=\'x:1\'>" }</style>' in out
    assert out.count(refs) == 3 and "review.html" not in inject(PAGE, ServedPage(build=1))
    # The toolbar first in <body>, the script last, the page itself untouched in between.
    assert re.search(r'<body class="leaflet"><div class="hs-bar"', out)
    assert re.search(r'<script data-build="7">.*</script></body></html>$', out, re.DOTALL)
    added = (rf'{refs}.*?</sup>|<style>\n\.hs-bar.*?</style>|<div class="hs-(bar|error)".*?</div>'
             r'|<script data-build.*?</script>')
    assert re.sub(added, "", out, flags=re.DOTALL) == PAGE


def test_the_watcher_leaves_out_what_no_build_reads(tmp_path):
    from pipeline.serve.watch import Watcher

    root = tmp_path / "project"
    watcher = Watcher(root, (root / "build",), lambda _: None, lambda _: None)
    wanted = ["sources/t/a.txt", "clinic.yaml", "templates/assets/logo.svg", "locales/fr/LC_MESSAGES/facts.po",
              "plain-words.yaml"]
    ignored = ["build/en/t-leaflet.html", "build/.lock", ".venv/lib/x.py", ".git/index", "sources/t/.a.txt.swp",
               "pipeline/__pycache__/x.pyc", "sources/t/a.txt~", "serve.log"]
    assert [path for path in wanted if not watcher.wanted(str(root / path))] == []
    assert [path for path in ignored if watcher.wanted(str(root / path))] == []

