"""What a PO file's header says about its bytes, checked before they are read.

The header declares the file's charset and language. Babel decodes with whatever the header
says, so a UTF-8 file declared ISO-8859-1 prints "LâimmunothÃ©rapie" without an error, and an
unknown charset is a LookupError; a file whose `Language:` is not its folder's would print one
language's text in another's leaflet. Here each is an error naming the file and the header line.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from babel.core import parse_locale as babel_parse_locale

from pipeline.errors import HandoutError
from pipeline.i18n.locale_data import folder_locale

# A header field: `"Name: value\n"`; the header is the msgstr of the first entry, msgid "".
_FIELD = re.compile(r"^([A-Za-z][\w-]*):[ \t]*(.*?)[ \t]*$")
_STRING = re.compile(rb'^(?:msgstr\s+)?"(.*)"\s*$')


def header_fields(data: bytes) -> dict[str, tuple[str, int]]:
    """The header's fields as written, by lower-case name: (value, 1-based line of the field).

    Read from the bytes, before any decoding: the header says how to decode the rest. Field
    names and the values that matter here (charset, language) are ASCII in every encoding
    gettext accepts.
    """
    lines = data.split(b"\n")
    start = next((i for i, line in enumerate(lines) if line.strip() and not line.startswith(b"#")), None)
    if start is None or lines[start].strip() != b'msgid ""':
        return {}
    pieces: list[tuple[str, int]] = []
    for number, line in enumerate(lines[start + 1:], start + 2):
        match = _STRING.match(line.strip())
        if match is None or (not pieces and not line.strip().startswith(b"msgstr")):
            break
        pieces.append((match.group(1).decode("ascii", "replace"), number))
    fields: dict[str, tuple[str, int]] = {}
    text, first_line = "", 0
    for piece, number in pieces:  # a field may be wrapped over several quoted lines
        text, first_line = text + piece, first_line or number
        while "\\n" in text:
            field, text = text.split("\\n", 1)
            match = _FIELD.match(field)
            if match:
                fields.setdefault(match.group(1).lower(), (match.group(2), first_line))
            first_line = number if text else 0
    return fields


def _charset(data: bytes, path: Path) -> str:
    """The codec the header declares (UTF-8 without one), checked against the bytes."""
    content_type, line = header_fields(data).get("content-type", ("", 0))
    match = re.search(r"charset\s*=\s*([^\s;]+)", content_type, re.IGNORECASE)
    if match is None:
        return "utf-8"
    declared = match.group(1)
    where = f"{path}:{line}"
    # xgettext's placeholder in a template not yet started: gettext reads it as ASCII.
    name = "ascii" if declared.upper() == "CHARSET" else declared
    try:
        codec = codecs.lookup(name).name
        if not _keeps_ascii(codec):  # UTF-16, unicode_escape, idna ...: not a PO file's encoding
            raise LookupError(declared)
    except LookupError as exc:
        raise HandoutError(f"{where}: unknown charset {declared!r} in Content-Type; "
                           "write `charset=UTF-8` (and save the file as UTF-8)") from exc
    if codec in ("utf-8", "utf-8-sig"):
        return "utf-8"
    if not data.isascii() and _is_utf8(data):
        # Latin-1 decodes any bytes: UTF-8 read as it would print "Ã©" for "é" without an error.
        raise HandoutError(f"{where}: the file looks UTF-8 while its header says charset={declared}: "
                           f"its non-ASCII bytes are UTF-8, read as {declared} they would print as garbage "
                           "(\"Ã©\" for \"é\"); fix the header to `charset=UTF-8` (or re-save the file in "
                           f"{declared} if that is what it is meant to be)")
    return codec


# Codecs Python has that encode something other than a file's text (domain names, escapes).
_NOT_FILE_ENCODINGS = frozenset({"idna", "punycode", "unicode-escape", "raw-unicode-escape"})


def _keeps_ascii(codec: str) -> bool:
    """True for a file encoding that reads every ASCII byte as itself, as gettext needs of a PO file."""
    if codec in _NOT_FILE_ENCODINGS:
        return False
    ascii_bytes = bytes(range(1, 128))
    try:
        return ascii_bytes.decode(codec) == ascii_bytes.decode("ascii")
    except (UnicodeDecodeError, ValueError, LookupError, TypeError):
        return False


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def decoded(data: bytes, path: Path) -> str:
    """The text of a PO file's bytes, in the charset its header declares, once that is checked."""
    charset = _charset(data, path)
    try:
        return data.decode(charset)
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise HandoutError(f"{path}:{line}: not {charset} text (byte {data[exc.start]:#04x}), though the "
                           "header's Content-Type says it is: fix the charset or re-save the file in it") from exc


def check_language(path: Path, data: bytes) -> None:
    """A PO file's `Language:` must be its folder's language (locales/fr/... says fr)."""
    if path.parent.name != "LC_MESSAGES" or path.parent.parent.parent.name != "locales":
        return
    folder = path.parent.parent.name
    declared, line = header_fields(data).get("language", ("", 0))
    if not declared:
        return
    try:
        wanted = folder_locale(folder)
    except HandoutError:
        return  # the folder's own name is the error, said by languages()
    try:
        said = babel_parse_locale(declared.replace("-", "_"))
    except ValueError as exc:
        raise HandoutError(f"{path}:{line}: Language: {declared!r} is not a locale identifier; "
                           f"the folder says {folder}") from exc
    # Only what both write must agree: "fr_FR" in locales/fr/ is French.
    if said[0].lower() != wanted.language or any(
            written and folders and written.lower() != folders.lower()
            for written, folders in ((said[1], wanted.territory), (said[2], wanted.script))):
        raise HandoutError(f"{path}:{line}: Language: {declared} in the header, but the file is in "
                           f"locales/{folder}/: move the file to the folder of its language, or correct "
                           f"the header if the translation is {folder}")
