"""A WeasyPrint URL fetcher that only reads the templates' assets and data: URLs.

Handout texts come from the web; even though templates escape them, the renderer must
never read arbitrary local files or reach the network, so everything else is refused.
"""

from __future__ import annotations

import logging
import mimetypes
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from weasyprint.urls import URLFetcher, URLFetcherResponse

LOGGER = logging.getLogger(__name__)

ASSETS = Path(__file__).resolve().parent.parent / "templates" / "assets"

# Types WeasyPrint cares about; mimetypes' table depends on the host, so pin these.
_TYPES = {".css": "text/css", ".ttf": "font/ttf", ".otf": "font/otf",
          ".woff": "font/woff", ".woff2": "font/woff2", ".png": "image/png",
          ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".svg": "image/svg+xml"}


class FetchRefused(ValueError):
    """A URL outside the assets folder; WeasyPrint treats it as a failed fetch."""


class AssetFetcher(URLFetcher):
    """Serve file: URLs inside the assets folder and data: URLs; refuse all else."""

    def __init__(self, root: Path = ASSETS) -> None:
        # No redirects and only data: left to urllib: file: is read here, by path.
        super().__init__(allowed_protocols=("data",), allow_redirects=False)
        self.root = root.resolve()

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
        """Return the resolved file a file: URL names if it lies inside the root."""
        parts = urlsplit(url)
        if parts.netloc not in ("", "localhost"):
            return None  # file://host/share is a network path
        # resolve() follows symlinks and "..", after url2pathname decodes %2e%2e.
        path = Path(url2pathname(parts.path)).resolve()
        if path.is_relative_to(self.root) and path.is_file():
            return path
        return None
