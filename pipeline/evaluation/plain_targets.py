"""Issue 14's targets, printed by `make eval`: how the project's own topics read as the build prints
them (the summary at grade 8 or below with no sentence over 25 words; the leaflet's median
sentence grade as printed against the sources' wording), and, on every labelled set, whether the
summary fills its side-effects box and its contact section."""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.config import Config, Scheme
from pipeline.models import Handout
from pipeline.prepare import Prepared, prepare
from pipeline.text.readability import LONG_SENTENCE_WORDS, PATIENT_GRADE


@dataclass(frozen=True)
class TopicReading:
    """How one topic of the project reads as printed."""

    topic: str
    summary_grade: float | None
    summary_long: int  # summary sentences over LONG_SENTENCE_WORDS words
    median_printed: float | None  # median grade of the leaflet's prose sentences as printed
    median_sources: float | None  # ... of the same sentences as the sources word them
    rewrites: int  # printed statements in an editor's wording

    @property
    def meets(self) -> bool:
        return self.summary_grade is not None and self.summary_grade <= PATIENT_GRADE and self.summary_long == 0


def topic_reading(config: Config, key: str) -> TopicReading:
    """Measure one of the project's topics, with its editorial decisions, as the build prints it."""
    topic = next(t for t in config.topics if t.key == key)
    report = prepare(config, topic).plain
    assert report is not None  # prepare() always measures it
    return TopicReading(key, report.summary.grade, report.summary.long, report.median_printed,
                        report.median_sources, report.rewrites)


def summary_fills(prepared: Prepared) -> tuple[bool | None, bool | None]:
    """Whether the summary fills its side-effects box, and its contact section (None: the scheme has
    none, or nothing was composed)."""
    if prepared.handout is None:
        return None, None
    return bool(prepared.handout.side_effects), _contact_filled(prepared.handout, prepared.scheme)


def _contact_filled(handout: Handout, scheme: Scheme) -> bool | None:
    contact = {rule.key for rule in scheme.sections if rule.safety and not rule.side_effects}
    if not contact:
        return None
    return any(section.entries for section in handout.summary if section.key in contact)


def format_readings(readings: list[TopicReading]) -> list[str]:
    """Lines for `make eval`: each topic's summary against its targets, and the leaflet's change."""
    lines = ["plain language (the project's topics, as printed with their editorial decisions):"]
    for r in readings:
        grade = "n/a" if r.summary_grade is None else f"{r.summary_grade:.1f}"
        lines.append(f"  {r.topic}: summary grade {grade} (target <= {PATIENT_GRADE:.0f}), sentences over "
                     f"{LONG_SENTENCE_WORDS} words {r.summary_long} (target 0): {'PASS' if r.meets else 'MISS'}")
        if r.median_printed is not None and r.median_sources is not None:
            lines.append(f"  {r.topic}: leaflet median sentence grade {r.median_printed:.1f} as printed, "
                         f"{r.median_sources:.1f} as the sources word it ({r.median_printed - r.median_sources:+.1f}; "
                         f"{r.rewrites} statements in an editor's wording)")
    return lines
