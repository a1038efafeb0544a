"""render(handout, kind, locale, ...) -> Rendered: the HTML, the laid-out PDF and what it left out.

WeasyPrint writes the PDF: tagged, with the profile's variant (PDF/UA-1, or PDF/X-4 for print
shops), and an /ID and XMP DocumentID that depend on the edition, never on chance or the clock.
"""

from __future__ import annotations

import hashlib
import logging
import re
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from weasyprint.document import Document
from weasyprint.pdf.metadata import DocumentMetadata

from pipeline.errors import RenderError
from pipeline.i18n import locale_data
from pipeline.i18n.translations import Messages
from pipeline.models import FitHint, Handout, OutputKind, Rendered
from pipeline.render.fitting import LAYOUT_OPTIONS, fit_leaflet, fit_summary
from pipeline.render.html import with_stylesheet
from pipeline.render.logo import check_logo
from pipeline.render.long_tokens import check_handout
from pipeline.render.profiles import DEFAULT_PAGE_SIZE, DEFAULT_PROFILE, KINDS, PAGE_SIZES, PRINT_PROFILES
from pipeline.render.time_limit import DEFAULT_TIME_LIMIT, time_limit
from pipeline.templates import TemplateSet, shipped_templates


def render(handout: Handout, kind: OutputKind, locale: str = "en", page_size: str = DEFAULT_PAGE_SIZE,
           messages: Messages | None = None, profile: str = DEFAULT_PROFILE,
           templates: TemplateSet | None = None, limit: float | None = DEFAULT_TIME_LIMIT,
           fit_hint: FitHint | None = None) -> Rendered:
    """Render a leaflet or a one-page summary of the handout to HTML and PDF.

    messages holds the language's checked translations (translations.load_messages); without
    them only English can be rendered. templates: the project's (default: the shipped ones).
    limit: seconds the render may take before it is stopped with RenderTimeout (None: no limit).
    fit_hint: a summary's fit in the last build of the same inputs (fitting.fit_summary).
    """
    if page_size not in PAGE_SIZES:
        raise RenderError(f"unknown page size {page_size!r} (use {', '.join(PAGE_SIZES)})")
    if kind not in KINDS:
        raise RenderError(f"unknown output kind {kind!r}")
    if profile not in PRINT_PROFILES:
        raise RenderError(f"unknown print profile {profile!r} (use {', '.join(PRINT_PROFILES)})")
    if messages is None:
        if not locale_data.is_source_language(locale):
            raise RenderError(f"no translations given for locale {locale!r}")
        messages = Messages(locale=locale, source=True)
    check_handout(handout)  # a 1 MB token would take WeasyPrint hours: refuse it first
    templates = templates or shipped_templates()
    check_logo(handout.clinic.logo, templates, handout.clinic.max_logo_bytes)  # WeasyPrint would drop a bad one with no reason
    with time_limit(limit, f"{handout.topic} ({locale}, {kind})"), _captured_warnings() as warnings:
        fit = fit_leaflet(handout, locale, page_size, messages, profile, templates) if kind == "leaflet" \
            else fit_summary(handout, locale, page_size, messages, profile, templates, fit_hint)
        identifier = pdf_identifier(handout, kind, locale, page_size, profile)
        pdf = _write_pdf(fit.document, identifier, PRINT_PROFILES[profile].pdf_variant)
    return Rendered(kind=kind, locale=locale, html=with_stylesheet(fit.page.html, templates), pdf=pdf,
                    pages=len(fit.document.pages), left_out=fit.left_out,
                    layout_passes=fit.passes, fit_level=fit.level, warnings=tuple(warnings),
                    untranslated=fit.page.untranslated, printed=fit.page.printed)


def pdf_identifier(handout: Handout, kind: str, locale: str, page_size: str, profile: str = DEFAULT_PROFILE) -> bytes:
    """Return a PDF /ID that is stable across builds of the same handout edition."""
    parts = (handout.topic, handout.version, kind, locale, page_size) + (() if profile == DEFAULT_PROFILE else (profile,))
    key = "\0".join(parts)
    return hashlib.sha256(key.encode()).hexdigest()[:32].encode()


def _write_pdf(document: Document, identifier: bytes, variant: str) -> bytes:
    document.metadata = _EditionMetadata(document.metadata, identifier)
    return document.write_pdf(pdf_identifier=identifier, **{**LAYOUT_OPTIONS, "pdf_variant": variant})


class _EditionMetadata(DocumentMetadata):
    """The document's metadata, with an XMP DocumentID derived from the PDF /ID.

    WeasyPrint 68 writes uuid4() there for PDF/X-4, which would make every print-shop PDF
    differ from the last. Replacing it in this document's own metadata object keeps the fix
    local: nothing process-wide is patched, so concurrent renders cannot see each other's id.
    """

    def __init__(self, metadata: DocumentMetadata, identifier: bytes) -> None:
        self.__dict__.update(vars(metadata))
        stable = uuid.UUID(bytes=hashlib.sha256(identifier).digest()[:16], version=4)
        self._document_id = f"xmp.did:{stable}".encode()

    def generate_rdf_metadata(self, variant: str, version: str, conformance: str) -> bytes:
        xml = super().generate_rdf_metadata(variant, version, conformance)
        return re.sub(rb"xmp\.did:[0-9a-f-]{36}", self._document_id, xml)


@contextmanager
def _captured_warnings() -> Iterator[list[str]]:
    """Collect warnings WeasyPrint and the fetcher log while the block runs."""
    messages: list[str] = []
    handler = logging.Handler(logging.WARNING)
    handler.emit = lambda record: messages.append(  # type: ignore[method-assign]
        f"{record.levelname}: {_with_reason(record)}")
    loggers = [logging.getLogger("weasyprint"), logging.getLogger("pipeline.render.fetcher")]
    for logger in loggers:
        logger.addHandler(handler)
    try:
        yield messages
    finally:
        for logger in loggers:
            logger.removeHandler(handler)


def _with_reason(record: logging.LogRecord) -> str:
    """The record's message; where it ends in an exception with no words, the words of its cause.

    WeasyPrint logs "Failed to load image at '...': " with an ImageLoadingError raised from the
    real error, which alone says why.
    """
    message = record.getMessage()
    args = record.args if isinstance(record.args, tuple) else ()
    error = next((arg for arg in reversed(args) if isinstance(arg, BaseException)), None)
    if error is None or str(error):
        return message
    cause = error.__cause__ or error.__context__
    reason = f"{type(cause).__name__}: {cause}" if cause is not None else type(error).__name__
    return f"{message.rstrip().removesuffix(':')}: {reason}"
