"""A WeasyPrint URL fetcher that only reads the templates' assets and data: URLs.

Handout texts come from the web; even though templates escape them, the renderer must
never read arbitrary local files or reach the network, so everything else is refused.
Assets are looked up like templates: a project's own `templates/assets/` first, then the
shipped ones, so a clinic's stylesheet still finds the bundled fonts beside it.
"""

from __future__ import annotations

import logging
import mimetypes
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from weasyprint.urls import URLFetcher, URLFetcherResponse

LOGGER = logging.getLogger(__name__)

# Types WeasyPrint cares about; mimetypes' table depends on the host, so pin these.
_TYPES = {".css": "text/css", ".ttf": "font/ttf", ".otf": "font/otf",
          ".woff": "font/woff", ".woff2": "font/woff2", ".png": "image/png",
          ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".svg": "image/svg+xml"}


class FetchRefused(ValueError):
    """A URL outside the assets folder; WeasyPrint treats it as a failed fetch."""


class AssetFetcher(URLFetcher):
    """Serve file: URLs inside the asset folders and data: URLs; refuse all else."""

    def __init__(self, folders: tuple[Path, ...]) -> None:
        # No redirects and only data: left to urllib: file: is read here, by path.
        super().__init__(allowed_protocols=("data",), allow_redirects=False)
        self.folders = tuple(folder.resolve() for folder in folders)

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> URLFetcherResponse:
        """Return the asset or data: payload at url, or raise FetchRefused."""
        scheme = url.split(":", 1)[0].lower() if ":" in url else ""
        if scheme == "data":
            return super().fetch(url, headers)
        if scheme == "file":
            path = self._asset_path(url)
            if path is not None:
                content_type = _TYPES.get(path.suffix.lower()) or (
                    mimetypes.guess_type(path.name)[0] or "application/octet-stream")
                return URLFetcherResponse(
                    path.as_uri(), path.read_bytes(), {"Content-Type": content_type})
        LOGGER.warning("refused to fetch %s: only template assets and data: URLs", url)
        raise FetchRefused(f"refused to fetch {url}")

    def _asset_path(self, url: str) -> Path | None:
        """Return the file a file: URL names inside an asset folder, the first folder that has it."""
        parts = urlsplit(url)
        if parts.netloc not in ("", "localhost"):
            return None  # file://host/share is a network path
        # resolve() follows symlinks and "..", after url2pathname decodes %2e%2e.
        path = Path(url2pathname(parts.path)).resolve()
        inside = next((folder for folder in self.folders if path.is_relative_to(folder)), None)
        if inside is None:
            return None
        relative = path.relative_to(inside)
        for folder in self.folders:  # the project's own asset first, then the shipped one
            candidate = (folder / relative).resolve()
            if candidate.is_relative_to(folder) and candidate.is_file():
                return candidate
        return None
