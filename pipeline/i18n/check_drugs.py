"""Drug names kept: every drug the English names must be in the translation, spelled the language's way.

A drug name is a word ending in an INN stem (WHO's stems for international nonproprietary names:
-mab, -nib, -platin, -taxel, -rubicin, ...; STEMS), a word marked ® or ™, or a capitalised brand in
brackets after an INN ("pembrolizumab (Keytruda)"). A brand must appear as written (any case, so a
Turkish suffix "Keytruda'nın" or a German capital is fine). An INN may take the spelling WHO and
pharmacopoeias give it in the language ("cisplatine", "cisplatino", Turkish "sisplatin",
"doksorubisin"): both sides are reduced to a skeleton (accents, ph/f, th/t, x/ks, y/i, soft and hard
c, doubled letters, a final vowel) and the translation must have a word starting with the
English one's skeleton. Another drug of the same class (pertuzumab for trastuzumab) does not match.
A translation written mostly in another script than Latin (Arabic, Chinese, ...) is not checked:
such translations may transliterate a name, and a transliteration cannot be checked from locale data.
"""

from __future__ import annotations

import re
import unicodedata

# INN stems (WHO "The use of stems in the selection of INN"), the oncology ones and a few common classes.
STEMS = (
    "mab", "nib", "ciclib", "parib", "lisib", "zomib", "degib", "sertib", "toclax", "platin", "taxel",
    "rubicin", "cycline", "mycin", "tecan", "mustine", "fosfamide", "citabine", "uracil", "trexate",
    "poside", "olimus", "lutamide", "trozole", "ifene", "oxifen", "ercept", "leucel", "leukin", "relix",
    "relin", "lidomide", "vastatin", "prazole", "sartan", "cillin",
)
# Words that end like an INN and name no drug: a class of proteins, not a medicine.
NOT_DRUGS = frozenset({"interleukin"})
_INN = re.compile(r"\b[A-Za-z][A-Za-z-]{2,}(?:" + "|".join(STEMS) + r")\b", re.IGNORECASE)
_MARKED = re.compile(r"\b([A-Za-z][\w-]+)\s*[®™]")
_BRACKETED = re.compile(r"\b[A-Za-z][A-Za-z-]{2,}\s*\(\s*([A-Z][\w-]+)\s*[®™]?\s*\)")
_SKELETON = ((r"ph", "f"), (r"th", "t"), (r"x", "ks"), (r"y", "i"), (r"c(?=[ei])", "s"), (r"[cq]", "k"),
             (r"z", "s"), (r"(.)\1", r"\1"))


def drug_names(english: str) -> tuple[set[str], set[str]]:
    """The INNs and the brand names the English names."""
    brands = {m.group(1) for m in _MARKED.finditer(english)}
    brands |= {m.group(1) for m in _BRACKETED.finditer(english) if _INN.match(m.group(0))}
    inns = {m.group(0) for m in _INN.finditer(english) if m.group(0).casefold() not in NOT_DRUGS} - brands
    return inns, brands


def skeleton(word: str) -> str:
    """A drug name with the spelling differences between languages taken out."""
    plain = "".join(c for c in unicodedata.normalize("NFD", word.casefold()) if not unicodedata.combining(c))
    plain = plain.replace("ı", "i")
    for pattern, replacement in _SKELETON:
        plain = re.sub(pattern, replacement, plain)
    return re.sub(r"[aeo]$", "", plain)


def _latin(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    latin = sum(1 for c in letters if "LATIN" in unicodedata.name(c, ""))
    return bool(letters) and latin * 2 >= len(letters)


def drug_problems(english: str, translation: str) -> list[str]:
    """Drug names of the English that the translation does not have."""
    inns, brands = drug_names(english)
    if not (inns or brands) or not _latin(translation):
        return []
    folded = translation.casefold()
    missing = sorted(b for b in brands if b.casefold() not in folded)
    words = [skeleton(w) for w in re.findall(r"[^\W\d_]+", translation)]
    missing += sorted(i for i in inns if not any(w.startswith(skeleton(i)) for w in words))
    if missing:
        return [f"drug name {', '.join(missing)} of the English is not in the translation"]
    return []
