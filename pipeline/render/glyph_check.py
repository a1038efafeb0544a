"""Can the bundled fonts draw everything a language prints? Checked before any page is laid out.

What a language prints besides the sources' English: its translations (facts.po, ui.po), its
dates as Babel formats them (month names, and literals such as "年" "月" "日" in Chinese), and
the clinic's details in its wording (clinic.yaml). Each character must be in a font the
stylesheet in effect loads (an @font-face of print.css, from templates/assets/fonts/): Pango
takes any other from whatever font the machine has, or draws a box. `handout check` reports
what is missing per language, and a build leaves such a language out (build/catalogs.py).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path

from babel.dates import get_date_format

from pipeline.config import Config
from pipeline.i18n.locale_data import format_date, parse_locale
from pipeline.i18n.translations import Messages
from pipeline.render.fonts import describe, missing_glyphs
from pipeline.templates import ASSETS, FONTS, TemplateSet

STYLESHEET = "print.css"
HOW_TO = 'see README, "Adding a font"'
SHOWN = 8  # characters named per place; the rest are counted
# Unicode name prefixes of the characters CJK fonts draw (ideographs, kana, hangul, full-width forms).
_CJK = ("CJK", "IDEOGRAPHIC", "FULLWIDTH", "HALFWIDTH", "HIRAGANA", "KATAKANA", "HANGUL", "BOPOMOFO", "KANGXI")
_SCRIPT_WORDS = (" LETTER ", " SIGN ", " DIGIT ", " VOWEL ", " SYLLABLE ", " CHARACTER ")
_FONT_FACE = re.compile(r"@font-face\s*\{(?P<body>[^}]*)\}", re.IGNORECASE)
_URL = re.compile(r"""url\(\s*["']?(?P<url>[^"')]+)["']?\s*\)""")


@dataclass(frozen=True)
class Missing:
    """Characters no loaded font can draw, and where they come from."""

    where: str  # "locales/zh/LC_MESSAGES/ui.po:12 (sources)", "the date format of locale zh ('y年M月d日')"
    chars: tuple[str, ...]


def missing_in_language(config: Config, locale: str, messages: Messages) -> tuple[Missing, ...]:
    """Every place the language's printed text has a character the loaded fonts lack, in file order."""
    fonts = loaded_fonts(config.templates)
    places: list[tuple[str, str]] = []
    if not messages.source:
        for (domain, context), entry in sorted(messages.entries.items(), key=lambda item: item[1].line):
            if entry.translation is not None:  # a message not usable prints the English
                text = "".join(entry.translation) if isinstance(entry.translation, tuple) else entry.translation
                places.append((f"{messages.files.get(domain, domain)}:{entry.line} ({context})", text))
    pattern = get_date_format("long", locale=parse_locale(locale)).pattern
    places.append((f"the date format of locale {locale} ({pattern!r})", _dates(locale)))
    for item in config.clinic_wording:
        places.append((f"{item.where} ({item.setting})", item.text(locale)[0]))
    found = [Missing(where, tuple(chars)) for where, text in places if (chars := missing_glyphs(text, fonts))]
    return tuple(found)


def explain(missing: Sequence[Missing], locale: str, templates: TemplateSet, one_line: bool = False) -> str:
    """What is missing, where from, and the font to add (one line for a release's list of reasons)."""
    rows = [f"{m.where}: {describe(list(m.chars[:SHOWN]))}"
            + (f" and {len(m.chars) - SHOWN} more" if len(m.chars) > SHOWN else "") for m in missing]
    chars = list(dict.fromkeys(c for m in missing for c in m.chars))
    advice = _advice(chars, locale, templates)
    if one_line:
        return f"no glyph in the bundled fonts for {'; '.join(rows)}; {advice}"
    return "no glyph in the bundled fonts for:\n  " + "\n  ".join(rows) + f"\n{advice}"


def font_to_add(char: str, locale: str) -> str:
    """The open-licensed Noto font that draws char, for a message ("Noto Sans SC")."""
    name = unicodedata.name(char, "")
    if name.startswith(_CJK):
        parsed = parse_locale(locale)
        if parsed.language == "ja":
            return "Noto Sans JP"
        if parsed.language == "ko":
            return "Noto Sans KR"
        if parsed.language == "zh" and (parsed.script == "Hant" or parsed.territory in ("TW", "HK", "MO")):
            return "Noto Sans TC"
        return "Noto Sans SC"
    script = name.split(" ", 1)[0]
    if any(word in f" {name} " for word in _SCRIPT_WORDS) and script not in ("LATIN", "GREEK", "CYRILLIC"):
        return f"Noto Sans {script.title()}"
    if unicodedata.category(char).startswith("S"):
        return "a symbols font such as Noto Sans Symbols 2"
    return "an open-licensed font that has them"


def loaded_fonts(templates: TemplateSet) -> tuple[Path, ...]:
    """The font files print.css loads (@font-face); every font file there is, if it loads none."""
    return _loaded(templates) or templates.font_files()


def _loaded(templates: TemplateSet) -> tuple[Path, ...]:
    found = []
    for url in _font_urls(templates):
        path = templates.find(f"{ASSETS}/{url}")
        if path is not None and path.suffix.lower() in (".ttf", ".otf"):
            found.append(path)
    return tuple(dict.fromkeys(found))


def _font_urls(templates: TemplateSet) -> list[str]:
    path = templates.find(f"{ASSETS}/{STYLESHEET}")
    css = path.read_text(encoding="utf-8") if path else ""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)
    return [m["url"] for face in _FONT_FACE.finditer(css) for m in _URL.finditer(face["body"])]


def _advice(chars: list[str], locale: str, templates: TemplateSet) -> str:
    """The font to add, or the font file that has the characters but that print.css does not load."""
    loaded = set(loaded_fonts(templates))
    idle = [path for path in templates.font_files() if path not in loaded
            and not missing_glyphs("".join(chars), (path,))]
    if idle:
        return (f"{FONTS}/{idle[0].name} has them, but {STYLESHEET} does not load it: add an @font-face for it "
                f"and its family to the font lists of {STYLESHEET} ({HOW_TO})")
    fonts = ", ".join(dict.fromkeys(font_to_add(char, locale) for char in chars))
    return f"add {fonts} to templates/{FONTS}/ and to the font lists of {STYLESHEET} ({HOW_TO})"


@cache
def _dates(locale: str) -> str:
    """Every day of a leap year in the locale's long date format: all its month names and digits."""
    first = date(2028, 1, 1)
    return " ".join(format_date((first + timedelta(days=n)).isoformat(), locale) for n in range(366))
