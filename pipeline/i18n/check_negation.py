"""Negation kept: a "not" of the English must be in the translation, and none may be added.

CLDR has no negation words, so each language has a small table here (NEGATION). Each table has:
- strong: words that always negate ("pas", "nunca", "değil"): they satisfy a negation of the
  English, and one in a translation of an English without negation is reported as added;
- weak: words or endings that often negate but also do other work (French "ne" of "ne ... que"
  = "only", Italian/French "non" of "non hodgkinien", Turkish verb suffixes -ma/-me, Chinese
  characters that also build other words): they satisfy a negation of the English, but never count
  as added;
- ignore: fixed phrases that look negative and are not ("sin embargo" = however, "لا سيما" =
  especially, "yok etmek" = destroy, 非常 = very): taken out before looking.
The English side counts not, no, never, n't, cannot, without, neither, nor, none, nothing, nobody,
nowhere. A negation carried by a prefix or a verb ("unable", "non-small", "lack", "avoid", "only",
"unless") is often translated with a negation word, so when the English has one, a negation added
by the translation is not reported. The check is presence, not count: a message with two negations
that loses one of them is not caught. A language without a table is not checked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipeline.i18n.locale_data import parse_locale


@dataclass(frozen=True)
class Negation:
    """One language's negation words (regular expressions, matched case-insensitively)."""

    strong: str
    weak: str = r"(?!x)x"  # matches nothing
    ignore: str = r"(?!x)x"


_W = r"(?<![\w])"  # the start of a word
_E = r"(?![\w])"
ENGLISH = Negation(
    strong=r"\b(?:not|never|without|neither|nor|none|nothing|nobody|nowhere|cannot)\b|\bno\b(?!\.?\s*\d)|n[’']t\b",
    # Not negations themselves, but often translated with one.
    weak=(r"\bun(?!der|i|til)[a-z]{3,}|\bnon-?[a-z]|\b(?:in|im|ir|il)(?:possib|suffic|adequa|complet|effect|appropri"
          r"|capab|abil|activ|visib|correct|frequen|toler|regular|revers|curab|operab)\w*|\w{3,}less\b"
          r"|\w-free\b|\b(?:lack\w*|absen\w+|free of|fail\w*|avoid\w*|prevent\w*|stop\w*|rarely|seldom|hardly|barely"
          r"|instead|rather than|only|except|unless|other than)\b"),
)
NEGATION = {
    "fr": Negation(strong=r"\b(?:pas|jamais|aucun\w*|sans|ni|rien|nullement|guère)\b|\bn(?:e\s+|['’])(?:\w+\s+){0,2}?plus\b",
                   weak=r"\b(?:ne|non)\b|\bn['’]"),
    "es": Negation(strong=r"\b(?:no|nunca|jamás|ningun\w*|ningún|nada|nadie|sin|ni|tampoco)\b",
                   ignore=r"\bsin embargo\b|\bno\.?\s*\d"),
    "it": Negation(strong=r"\b(?:non|mai|nessun\w*|senza|né|niente|nulla|neanche|nemmeno|neppure)\b"),
    "de": Negation(strong=r"\b(?:nicht|nichts|nie|niemals|niemand|kein\w*|ohne|weder)\b"),
    # Turkish negates verbs with a suffix (-ma/-me): reliable enough to satisfy a negation, not to report one.
    "tr": Negation(
        strong=rf"{_W}(?:değil\w*|hiçbir|asla|yok(?:tur|tu|tır)?){_E}",
        weak=(rf"{_W}(?:hiç|yok\w*){_E}|\w+(?:m[ıiuü]yor|m[ae]z|m[ae]d[ıi]|m[ae]m[ıi]ş|m[ae]y[ae]c[ae]k|m[ae]y[ae]bil"
              r"|m[ae]y[ae]n|m[ae]y[ıi]p|m[ae]y[ıi]n|m[ae]d[ae]n|m[ae]ks[ıi]z[ıi]n|m[ae]m[ae][ksldyt])\w*"
              r"|\w+s[ıiuü]z\w*"),
        ignore=rf"{_W}yok\s+(?:et|ed|ol)\w*|{_W}yoksa{_E}"),
    "ar": Negation(
        strong=rf"{_W}[وف]?(?:لا|لم|لن|ليس\w*|لست\w*|لسنا|بدون|بلا){_E}",
        weak=rf"{_W}[وف]?(?:غير|عدم|دون){_E}",
        # "لا يزال" / "ما زال" ("does not cease") = still; "لا سيما" = especially.
        ignore=rf"{_W}[وف]?لا\s+سيما{_E}|{_W}[وف]?(?:لا|ما)\s+[يتنأ]?زال\w*"),
    # Chinese negation characters also build other words (不同 different, 非常 very): weak only.
    "zh": Negation(strong=r"(?!x)x", weak=r"[不没沒未无無非别別勿否]",
                   ignore=r"非常|未来|未來|特别|特別|分别|分別|区别|區別|类别|類別|别的|別的|别人|別人|无论|無論|不过|不過|不断|不斷|不良|不同|不适|不適"),
}


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


@cache
def _language(locale: str) -> str:
    return parse_locale(locale).language


def _find(table: Negation, text: str) -> tuple[list[str], list[str]]:
    """The strong and the weak negations in text, fixed phrases taken out."""
    text = _compiled(table.ignore).sub(" ", text)
    return _compiled(table.strong).findall(text), _compiled(table.weak).findall(text)


def negation_problems(english: str, translation: str, locale: str) -> list[str]:
    """A negation of the English missing from the translation, or one the translation adds."""
    table = NEGATION.get(_language(locale))
    if table is None:
        return []
    said, implied = _find(ENGLISH, english)
    strong, weak = _find(table, translation)
    if said and not (strong or weak):
        return [f"the English says {said[0]!r} but the translation has no negation"]
    if strong and not said and not implied:
        return [f"the translation has a negation ({strong[0]!r}) that the English has not"]
    return []
