"""Regular word forms a spelling dictionary does not list: what makes a word plausible without an entry.

The spelling check (pipeline/review/spelling.py) asks these questions of a word its dictionary
and the medical word list do not know, before calling it a typo:
- `variants`: its other spellings. The bundled English dictionary is American; British pages
  write "tumour", "centre", "recognise", "oesophagus", "travelling", so a word whose American
  form is known is spelled right.
- `stems`: the word without a regular ending ("dosimetrists", "cannulas"), for the word lists
  that hold base forms only.
- `medical_shape`: a drug's name by its international nonproprietary name stem (-mab, -nib,
  -platin, -taxel, -rubicin ...: the WHO's stem book gives them one ending per class, so a new
  drug has the ending of its class) or a medical term built from a Greek or Latin affix
  (-itis, -penia, -ectomy, chemo- ...).
- `compound`: a known prefix or word joined to a known word ("unperfumed", "chairside",
  "neurotoxicity").
The last two say only that a word could be right; spelling.py still flags it when it is a
known word with two letters swapped, the commonest slip of the keys.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

# British -> American spellings, each a regular pattern (anywhere in the word).
_BRITISH = (
    (re.compile(r"(?<=[a-z])our"), "or"),  # colour, tumour, favourite, neighbourhood
    (re.compile(r"([bt])re(?=s?$|d$)"), r"\1er"),  # centre, litre, fibre, centred
    (re.compile(r"is(?=e|es$|ed$|ing$|ation|ab)"), "iz"),  # recognise, moisturiser, specialises
    (re.compile(r"ys(?=e|ing$)"), "yz"),  # analyse, paralysed
    (re.compile(r"(?<=[^aeiou])ae|^ae"), "e"),  # anaemia, haematology, leukaemia, paediatric
    (re.compile(r"oe(?=[a-z])"), "e"),  # oesophagus, oedema, diarrhoea, foetus
    (re.compile(r"(?<=[aeiou])ll(?=ing$|ed$|er|or|ery|ation)"), "l"),  # travelling, counsellor, cancelled
    (re.compile(r"ellery"), "elry"),  # jewellery
    (re.compile(r"ogue(?=s?$)"), "og"),  # catalogue
    (re.compile(r"ence(?=s?$)"), "ense"),  # defence, licence
    (re.compile(r"mme(?=s?$)"), "m"),  # programme
    (re.compile(r"oul(?=d)"), "ol"),  # mould, smoulder
    (re.compile(r"yre(?=s?$)"), "ire"),  # tyre
    (re.compile(r"(?<=g)e(?=ment|ing$)"), ""),  # judgement, ageing
    (re.compile(r"storey"), "story"),  # multi-storey
)

# Regular endings, longest first: ending -> what replaces it in the base form.
_ENDINGS = (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"))

# Stems of international nonproprietary names (WHO stem book) of drug classes patients meet
# in cancer care: antibodies, kinase and other inhibitors, cytotoxics, hormones, supportive drugs.
_DRUG_STEMS = (
    "mab", "cept", "nib", "ciclib", "parib", "lisib", "zomib", "degib", "limus", "platin", "taxel", "rubicin",
    "mycin", "tecan", "citabine", "fosfamide", "mustine", "trexed", "poside", "leukin", "lutamide", "strozole",
    "relin", "relix", "mestane", "dronate", "setron", "pitant", "prazole", "tidine", "isone", "asone", "olone",
    "statin", "pril", "sartan", "olol", "dipine", "conazole", "vir", "cillin", "cycline", "floxacin", "parin",
    "xaban", "gatran", "gliptin", "gliflozin", "formin", "grastim", "poetin", "leucel",
)
# Greek and Latin endings and beginnings of medical terms.
_MEDICAL_SUFFIXES = (
    "itis", "osis", "oses", "emia", "aemia", "penia", "cytosis", "pathy", "ectomy", "ostomy", "otomy", "oscopy",
    "ography", "ogram", "ologist", "ology", "ological", "oma", "omas", "plasia", "plasty", "trophy", "algia",
    "rrhoea", "rrhea", "cyte", "cytes", "genic", "toxicity", "toxic", "therapy", "therapies", "lysis",
)
_PREFIXES = (
    "anti", "auto", "bio", "cardio", "chemo", "co", "cyto", "de", "derma", "dys", "endo", "extra", "gastro",
    "haemato", "hemato", "hepato", "hyper", "hypo", "immuno", "inter", "intra", "lympho", "micro", "mini",
    "multi", "myelo", "nephro", "neuro", "non", "onco", "over", "para", "peri", "post", "pre", "pseudo",
    "radio", "re", "self", "semi", "sub", "super", "trans", "ultra", "un", "under", "well",
)
MIN_STEM = 3  # letters a drug or term must have before its ending ("mab" alone is no drug)
MIN_PART = 4  # letters of each word of a compound ("chair" + "side")


def variants(word: str) -> set[str]:
    """Other spellings of a lower-case word: each British pattern alone, and all of them together."""
    found = set()
    together = word
    for pattern, american in _BRITISH:
        changed = pattern.sub(american, word)
        if changed != word:
            found.add(changed)
        together = pattern.sub(american, together)
    return found | ({together} if together != word else set())


def stems(word: str) -> Iterator[str]:
    """A lower-case word without each regular ending it has ("cannulas" -> "cannula")."""
    for ending, base in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            yield word[: -len(ending)] + base


def medical_shape(word: str) -> bool:
    """True for a lower-case word shaped like a drug's name or a medical term."""
    return any(word.endswith(end) and len(word) - len(end) >= MIN_STEM for end in (*_DRUG_STEMS, *_MEDICAL_SUFFIXES))


def compound(word: str, known: Callable[[str], bool]) -> bool:
    """True when a lower-case word is a prefix or a known word joined to a known word."""
    for prefix in _PREFIXES:
        rest = word[len(prefix):].lstrip("-")
        if word.startswith(prefix) and len(rest) >= MIN_STEM and known(rest):
            return True
    return any(known(word[:i]) and known(word[i:]) for i in range(MIN_PART, len(word) - MIN_PART + 1))
