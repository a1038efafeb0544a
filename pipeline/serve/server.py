"""`handout serve`: the output folder over HTTP, rebuilt as the project's files change.

Server ties the parts together: the HTTP server (standard library, one thread per request, on
127.0.0.1 unless told otherwise), the watcher (watch.py) and the builds (builds.py). A change
marks the project "dirty"; the build loop then builds once for all the changes seen until it
starts, so a burst of saves during a long build costs one more build, not one each. The build
loop runs in a background thread (Server.start(), for tests and other programs) or in the
calling thread (serve(), the command: Ctrl-C then stops a build the way it stops `handout build`,
and a render's time limit works, which needs the main thread).

Routes: "/" the index; "/__handout/state" the build counter and last error (JSON); "/__source/
<sources/...>" a source file's numbered lines; anything else a file of the output folder, HTML
pages with the preview tools injected (page_tools.py) as they are sent.
"""

from __future__ import annotations

import errno
import json
import mimetypes
import socket
import sys
import threading
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

from pipeline.errors import HandoutError
from pipeline.models import OutputKind
from pipeline.serve import files
from pipeline.serve.builds import Builds, BuildState, Selection
from pipeline.serve.page_tools import SOURCE_PREFIX, STATE_PATH, Language, ServedPage, inject
from pipeline.serve.views import Preview, index_page, not_found_page, source_page
from pipeline.text.ingest import file_lines
from pipeline.serve.watch import Watcher

DEFAULT_PORT = 8000


def _stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


class Server:
    """A preview server for one project and output folder.

    Server(root, output, port=0).start() builds once, then serves and rebuilds in the background
    until stop(); port 0 takes a free port the OS chooses (see .url).
    """

    def __init__(self, root: Path, output: Path, host: str = "127.0.0.1", port: int = 0,
                 locales: tuple[str, ...] = (), topics: tuple[str, ...] = (), kinds: tuple[OutputKind, ...] = (),
                 workers: int = 0, notice: Callable[[str], None] = _stderr,
                 progress: Callable[[str], None] | None = None) -> None:
        if output.resolve() == root.resolve() or root.resolve().is_relative_to(output.resolve()):
            raise HandoutError(f"--output {output}: the output folder cannot be the project folder or hold it "
                               "(the server serves all of it)")
        self.root, self.output, self.host, self.port = root, output, host, port
        self.notice = notice
        self.builds = Builds(root, output, Selection(topics, locales, kinds, workers), notice,
                             notice if progress is None else progress)
        self._listing: tuple[Preview, ...] = ()
        self._listing_lock = threading.Lock()
        self._dirty = False
        self._stopping = False
        self._changed = threading.Condition()
        self._http: ThreadingHTTPServer | None = None
        self._threads: list[threading.Thread] = []
        self._watcher = Watcher(root, (output,), self._on_change, notice)

    # ---- Life cycle --------------------------------------------------------------------------

    @property
    def url(self) -> str:
        if self._http is None:
            raise RuntimeError("the server is not listening: call start() first")
        host, port = self._http.server_address[:2]
        shown = f"[{host}]" if ":" in str(host) else str(host)
        return f"http://{shown}:{port}/"

    def start(self) -> Server:
        """Listen, watch, build once (here), then rebuild on every change in a background thread."""
        try:
            self.listen()
            self.build_now()
            self._thread(self.run_builds, "handout-serve-builds")
        except BaseException:
            self.stop()
            raise
        return self

    def listen(self) -> None:
        """Check the selection, bind the port, start answering requests and watching for changes."""
        self.builds.check_selection()
        self._http = _bind(self.host, self.port, self)
        if self.host not in ("127.0.0.1", "localhost", "::1"):
            self.notice(f"listening on {self.host}: other machines that reach it can read the previews and sources/")
        self._thread(self._http.serve_forever, "handout-serve-http")
        self._watcher.start()

    def build_now(self) -> BuildState:
        """Build once in this thread (changes seen meanwhile start another build in run_builds)."""
        with self._changed:
            self._dirty = False
        return self.builds.run()

    def run_builds(self) -> None:
        """Build after each batch of changes, in this thread, until stop()."""
        while True:
            with self._changed:
                while not self._dirty and not self._stopping:
                    self._changed.wait(0.5)
                if self._stopping:
                    return
                self._dirty = False
            self.builds.run()

    def stop(self) -> None:
        """Stop watching, building (after a build under way) and answering; close the port. Idempotent."""
        with self._changed:
            if self._stopping:
                return
            self._stopping = True
            self._changed.notify_all()
        self._watcher.stop()
        if self._http is not None:
            self._http.shutdown()
            self._http.server_close()
        for thread in self._threads:
            if thread is not threading.current_thread():
                thread.join()
        self._threads.clear()

    def __enter__(self) -> Server:
        return self.start()

    def __exit__(self, *_: object) -> None:
        self.stop()

    def _thread(self, target: Callable[[], None], name: str) -> None:
        thread = threading.Thread(target=target, name=name, daemon=True)
        self._threads.append(thread)
        thread.start()

    def _on_change(self, paths: tuple[str, ...]) -> None:
        shown = ", ".join(_relative(Path(path), self.root) for path in paths[:3])
        self.notice(f"changed: {shown}{f' and {len(paths) - 3} more' if len(paths) > 3 else ''}")
        with self._changed:
            self._dirty = True
            self._changed.notify_all()

    # ---- What the pages show -----------------------------------------------------------------

    def previews(self) -> tuple[Preview, ...]:
        """The manifest's previews; the last ones read while a failed build has left no manifest."""
        listed = files.read_manifest(self.output)
        with self._listing_lock:
            if listed is not None:
                self._listing = listed
            return self._listing

    def page(self, relative: str | None, title: str = "") -> ServedPage:
        """The injected tools for a page of the output folder (relative) or of the server's own."""
        state = self.builds.state
        if relative is None:
            return ServedPage(state.count, state.error, title=title)
        previews = self.previews()
        languages = tuple(Language(code, "/" + quote(path, safe="/"), path == relative)
                          for code, path in files.locale_versions(relative, previews))
        topic = files.topic_of(self.output, relative, previews)
        return ServedPage(state.count, state.error, languages, topic, title)


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root.absolute()).as_posix()
    except ValueError:
        return str(path)


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True  # a browser's open connection never holds up stop()
    block_on_close = False


class _HTTPServer6(_HTTPServer):
    address_family = socket.AF_INET6


def _bind(host: str, port: int, server: Server) -> ThreadingHTTPServer:
    """The HTTP server on host:port; a port in use or a host not of this machine is a HandoutError."""
    kind = _HTTPServer6 if ":" in host else _HTTPServer
    handler = type("Handler", (_Handler,), {"server_": server})
    try:
        return kind((host, port), handler)
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise HandoutError(f"port {port} is in use; choose another with --port") from None
        if exc.errno == errno.EACCES:
            raise HandoutError(f"port {port} needs privileges this user lacks; "
                               "choose one above 1023 with --port") from None
        raise HandoutError(f"cannot listen on {host}:{port}: {exc.strerror or exc} (check --host)") from None
    except (socket.gaierror, OverflowError, UnicodeError) as exc:
        raise HandoutError(f"cannot listen on {host}:{port}: {exc} (check --host and --port)") from None


class _Handler(BaseHTTPRequestHandler):
    """One request: route it, answer it; every page says "no-store" so a reload shows the new build."""

    server_: Server
    server_version = "handout-serve"

    def do_GET(self) -> None:
        self._answer(body=True)

    def do_HEAD(self) -> None:
        self._answer(body=False)

    def log_message(self, format: str, *args: object) -> None:
        pass  # the page polls every second: an access log would drown the build's messages

    def _answer(self, body: bool) -> None:
        server = self.server_
        path = unquote(urlsplit(self.path).path)
        try:
            if path == "/":
                previews = server.previews()
                existing = {p.path for p in previews if (server.output / p.path).is_file()} | \
                           {p.html for p in previews if (server.output / p.html).is_file()}
                html = index_page(previews, existing, files.review_pages(server.output, {p.topic for p in previews}))
                self._send(HTTPStatus.OK, inject(html, server.page(None, "Previews")), "text/html", body)
            elif path == STATE_PATH:
                self._send(HTTPStatus.OK, json.dumps(server.builds.state.as_json()), "application/json", body)
            elif path == "/favicon.ico":  # asked for by every browser: no icon, and no 404 in its console
                self._send(HTTPStatus.NO_CONTENT, b"", "image/x-icon", False)
            elif path.startswith(SOURCE_PREFIX):
                self._source(path.removeprefix(SOURCE_PREFIX), body)
            else:
                self._file(path.removeprefix("/"), body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the browser went elsewhere meanwhile

    def _source(self, relative: str, body: bool) -> None:
        server = self.server_
        found = files.source_file(server.root, relative)
        if found is None:
            self._not_found(SOURCE_PREFIX + relative, body)
            return
        try:
            lines = [line.text for line in file_lines(found.read_bytes(), relative)]
        except HandoutError as exc:  # a file the build cannot read either: say why, as the build does
            lines = [str(exc)]
        self._send(HTTPStatus.OK, inject(source_page(relative, lines), server.page(None, relative)), "text/html", body)

    def _file(self, relative: str, body: bool) -> None:
        server = self.server_
        found = files.inside(server.output, relative)
        if found is None:
            self._not_found("/" + relative, body)
            return
        data = found.read_bytes()
        kind = mimetypes.guess_type(found.name)[0] or "application/octet-stream"
        if kind == "text/html":
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                pass  # not the build's: sent as it is
            else:
                self._send(HTTPStatus.OK, inject(text, server.page(relative)), kind, body)
                return
        self._send(HTTPStatus.OK, data, kind, body)

    def _not_found(self, shown: str, body: bool) -> None:
        # With the tools too: a preview a failed build removed comes back by itself once fixed.
        page = inject(not_found_page(shown), self.server_.page(None, "Not found"))
        self._send(HTTPStatus.NOT_FOUND, page, "text/html", body)

    def _send(self, status: HTTPStatus, content: str | bytes, kind: str, body: bool) -> None:
        data = content.encode("utf-8") if isinstance(content, str) else content
        self.send_response(status)
        text = kind.startswith("text/") or kind == "application/json"
        self.send_header("Content-Type", f"{kind}; charset=utf-8" if text else kind)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        if body:
            self.wfile.write(data)


def serve(root: Path, output: Path, host: str = "127.0.0.1", port: int = DEFAULT_PORT,
          locales: tuple[str, ...] = (), topics: tuple[str, ...] = (), kinds: tuple[OutputKind, ...] = (),
          workers: int = 0, notice: Callable[[str], None] = _stderr, progress: Callable[[str], None] | None = None,
          ready: Callable[[str], None] = _stderr) -> None:
    """Serve and rebuild until Ctrl-C (or SIGTERM); ready(url) is called once the port is open.

    notice: changes seen and failed builds; progress: each build's progress (default: notice).
    """
    server = Server(root, output, host, port, locales, topics, kinds, workers, notice, progress)
    try:
        server.listen()
        ready(server.url)
        server.build_now()
        server.run_builds()
    except KeyboardInterrupt:  # Ctrl-C or SIGTERM (cli.Terminated): the normal way to stop
        notice("stopping")
    finally:
        server.stop()
