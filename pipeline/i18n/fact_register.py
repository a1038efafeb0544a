"""The register of printed fact ids: locales/facts.pot, as translators and editors hold on to them.

The text stages never read it: callers pass registered(root, topic) to prepare(), which gives a
reworded fact back its registered id (text/ids.py, carry_ids).
"""

from __future__ import annotations

from pathlib import Path

from pipeline.config import Config, Topic
from pipeline.errors import HandoutError
from pipeline.i18n.po_files import read_catalog, template_path
from pipeline.models import Registered
from pipeline.prepared_topic import Prepared


def registered(root: Path, topic: str) -> tuple[Registered, ...]:
    """The topic's facts in locales/facts.pot (none when there is no template yet)."""
    path = template_path(root, "facts")
    if not path.is_file():
        return ()
    prefix = f"{topic}:"
    rows = []
    for message in read_catalog(path):
        context = message.context or ""
        if message.id and context.startswith(prefix) and context != f"{topic}:title":
            where = frozenset((file, int(line)) for file, line in message.locations if line)
            rows.append(Registered(context[len(prefix):], str(message.id), where))
    return tuple(rows)


def prepare_topic(config: Config, topic: Topic, ids: tuple[Registered, ...] | None = None) -> Prepared:
    """The text stages of a topic with the ids its template registers: what every command runs.

    ids: registered(config.root, topic.key), where the caller has read it already.
    A source line the stages would lose without a trace stops it, naming file and line: no
    handout, catalog or template is made from a topic that silently lacks part of its sources.
    """
    from pipeline.prepare import prepare  # the text stages load only where they run

    prepared = prepare(config, topic, registered(config.root, topic.key) if ids is None else ids)
    check_accounted(topic, prepared)
    return prepared


def check_accounted(topic: Topic, prepared: Prepared) -> None:
    """Refuse a topic whose text stages lost a source line without a trace."""
    if prepared.unaccounted:
        raise HandoutError(f"{topic.key}: {len(prepared.unaccounted)} source line(s) would be lost without a "
                           "trace (a defect: please report it with the file):\n  " + "\n  ".join(prepared.unaccounted))
