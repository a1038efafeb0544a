"""Clean: drop web-page boilerplate from a Source, keep its headings, paragraphs and list items.

Cleaning removes whole lines and says why (models.Removal); it never rewrites text beyond
stripping list/heading markers and surrounding whitespace. Passes, in order:
line rules (metadata, furniture lexicons, contact data) -> repeated lines -> list runs ->
lines around contact data -> long unpunctuated lines (captions) -> trailing comment and
reference sections -> page header and footer outside the article body -> kinds of the rest.
"""

from __future__ import annotations

import re
import unicodedata

from pipeline.models import Block, BlockKind, CleanSource, Removal, Source, SourceLine
from pipeline.names import fold_name, names_publisher, publisher_names

Rule = tuple[re.Pattern[str], str]

PARAGRAPH_MIN_WORDS = 8  # a "real paragraph" anchors the article body
CAPTION_MIN_WORDS = 13  # longer unpunctuated lines are captions/alt texts, not headings
LABEL_MAX_WORDS = 6  # short lines that may belong to a contact block
PROMO_MAX_WORDS = 30  # a line naming the publisher goes whole only up to this length
TERMINAL = tuple(".!?:…")
SOFT_END = tuple(";,")

_BULLET = re.compile(r"^\s*(?:[-*•·‣◦▪▫■□●○►▶➤✓✔–]|\d{1,2}[.)]|[a-z]\))\s+")
_HEADING_MARK = re.compile(r"^\s*#{1,6}\s+|^\s*(\*\*|__)(?=.+(\*\*|__)\s*$)")
_BOLD_END = re.compile(r"(\*\*|__)\s*$")
_CLOSERS = "\"'”’»)]*` \t\u00a0"
_EDGE_JUNK = " \t\u00a0*•·-–—>»›<«‹|:.!?¿¡…→←↑^()[]{}\"'“”‘’"


def _rules(table: list[tuple[str, str]], flags: int = re.IGNORECASE) -> tuple[Rule, ...]:
    """Compile a table of (pattern, reason)."""
    return tuple((re.compile(pattern, flags), reason) for pattern, reason in table)


_SOCIAL = (r"(facebook|twitter|x|linkedin|whatsapp|pinterest|instagram|youtube|telegram|reddit|"
           r"tiktok|messenger|e-?mail|print|copy link)")
_LANGUAGE = (r"(english|italiano|français|francais|deutsch|español|espanol|português|nederlands|"
             r"türkçe|en|fr|it|de|es|pt|nl|tr)")

# Whole-line furniture, matched against the folded line without markers and edge punctuation.
# Each is a label a page shows on its own; inside a sentence the same words are content.
_WHOLE_LINE = _rules([
    (r"[×✕✖✗x]", "close button"),
    (r"home|home ?page|start|accueil|inicio|startseite|(main |open |close |toggle )?menu|menú|"
     r"(toggle )?navigation|skip (to (main )?content|navigation)|search( for| this site)?|"
     r"cerca|rechercher|buscar|suchen|site ?map|about( us)?|who we are|our team|faqs?|news|blog|"
     r"events|shop|donate|careers|jobs|press|advertise( with us)?|privacy( policy| notice)?|"
     r"cookies?( policy)?|terms( of (use|service))?|terms (and|&) conditions|legal( notice)?|"
     r"imprint|impressum|disclaimer|accessibility|download (the|our) app|back",
     "navigation menu"),
    (r"(read|show|load|see|view) (more|less|all)|continue reading( below)?|"
     r"read (the )?full (article|story)|more|next|previous|prev|older posts|newer posts|"
     r"(next|previous|prev) (article|post|page|story)|"
     r"related( articles| posts| content| stories| topics| news| links)?|"
     r"you (may|might) also (like|be interested in)|recommended( for you| articles| reading)?|"
     r"(most )?popular( posts| articles| now)?|most read|latest (news|posts|articles)|"
     r"trending( now)?|((back|go|scroll|return) to )?top( of (the )?page| button)?|see also",
     "navigation link"),
    (r"page \d+ (of|/) \d+|(\d+ )+(next|previous|prev)?|(previous|prev) (\d+ )+(next)?",
     "pagination"),
    (r"share( this| it)?( (article|post|page|story))?|shares|share on \w+|tweet|pin( it)?|"
     r"print( this)?( (page|article))?|e-?mail this( (article|page))?|send to a friend|"
     r"follow us( on \w+)?|like( this)?|like loading|condividi|partager|compartir|teilen|delen|"
     r"stampa|imprimer|imprimir|drucken|" + _SOCIAL + r"( ?[|/·,]? " + _SOCIAL + r")*",
     "share buttons"),
    (r"subscribe( now)?|sign up( now)?|newsletter|join( us| now)?|thank you for subscribing",
     "newsletter form"),
    (r"leave a (comment|reply)|post( a)? comment|add( a)? comment|submit( comment)?|reply|"
     r"cancel reply|\d+ (comments?|replies)|no comments( yet)?|comments?|commenta|commenter|"
     r"comentar|kommentieren|(your |full |first |last )?name|surname|subject|"
     r"(your )?(e-?mail( address)?|website|message|phone( number)?|telephone)|"
     r"send( (a|your))?( message| request)?", "comment or contact form"),
    (r"log ?in|sign ?in|log ?out|sign ?out|register|create (an )?account|my account|account|"
     r"password|user ?name|forgot(ten)? (your )?password|(reset|lost) (your )?password|"
     r"remember me|accedi|registrati|password dimenticata|se connecter|connexion|s'inscrire|"
     r"mot de passe oublié|anmelden|registrieren|passwort vergessen|iniciar sesión|registrarse",
     "login dialog"),
    (r"close|chiudi|fermer|schließen|cerrar|ok|okay|cancel|annulla|annuler|icon|icona|icône|"
     r"go|accept( all)?|decline|reject( all)?|dismiss|got it|i agree|agree|continue|yes no",
     "dialog button"),
    (_LANGUAGE + r"( ?[|/·] ?" + _LANGUAGE + r")*|english version|in english|"
     r"versione (in )?(italiano|italiana|inglese)|version (en )?(française|français|anglaise)|"
     r"deutsche version|versión en (español|inglés)",
     "language switcher"),
    (r"loading|loading,? please wait|please wait|caricamento( in corso)?|chargement( en cours)?",
     "loading message"),
    (r"editor'?s (choice|picks?).*|featured( articles?| posts?)?|sponsored( content)?|"
     r"partner content|categor(y|ies)|tags?|uncategori[sz]ed", "category label"),
    (r"(reading time:? )?\d+ (min|minutes?)( read)?", "reading time"),
    (r"(was|is) this (article|page|information|content) (helpful|useful)|rate this (article|page|post)|"
     r"did you find this (article|page|information) (helpful|useful)", "feedback widget"),
    (r"contacts?( us| information| details)?|contatti|contattaci|kontakt|contactos?|"
     r"contactez-nous|nous contacter|get in touch|(where to )?find us|(our )?address|indirizzo|"
     r"adresse|opening hours|headquarters|head office|registered office|sede( legale)?",
     "contact block"),
])

# Phrases that mark a line as furniture wherever they occur in it (matched on folded text).
_ANYWHERE = _rules([
    (r"\b(this|our) (web ?site|site|portal) uses cookies|\bwe use cookies\b|"
     r"\buses? (technical |third[- ]party )?cookies\b|\bcookie (policy|settings|preferences|consent)\b|"
     r"\baccept (all )?cookies\b|\bby (continuing to (browse|use)|using) (this|our) (web ?site|site)\b|"
     r"\bwe (value|respect|care about) your privacy\b|\bmanage (consent|cookies|preferences)\b|"
     r"\bprivacy policy\b|\bterms of (use|service)\b|\brecaptcha\b", "cookie or privacy banner"),
    (r"\bnewsletter|\bsubscribe (to|for|now)\b|\bsign up (for|to) (our|the|free)\b|"
     r"\bjoin our mailing list\b|\bunsubscribe\b|\binbox\b", "newsletter form"),
    (r"\byour e-?mail( address)? will not be published|\brequired fields are marked|\bakismet\b|"
     r"\breduce spam\b|\bcomment data is processed\b|\bleave a (comment|reply)\b|"
     r"\bsave my name,? e-?mail\b|\bnotify me of (new|follow-up) (comments|posts)\b|"
     r"\bmust be logged in to (post|comment)\b|\bcomments are closed\b|\bpost comment\b",
     "comment form"),
    (r"\bforgot(ten)? (your )?password\b|\b(reset|lost) (your )?password\b|\blogin credentials\b|"
     r"\bremember me\b|\b(log|sign) in to (your|continue|comment|post|read)\b|"
     r"\bdon'?t have an account\b|\busername or e-?mail\b|\benter your (e-?mail|username)\b|"
     r"^(password dimenticata|mot de passe oublié|passwort vergessen)", "login dialog"),
    (r"^share (this|on)\b|\bclick to (share|print|e-?mail)\b|"
     r"\bshare on (facebook|twitter|x|linkedin|whatsapp|pinterest)\b|^follow us\b|"
     r"\bopens in (a )?new (window|tab)\b", "share buttons"),
    (r"^(tags|tagged|categories|category|filed under|posted in)\b\s*:?\s", "category label"),
    (r"^advertisement\b|^sponsored\b|^(ads?|advertising)\s*[:\-–]", "advertisement"),
    (r"^(read|see) (also|next)\b|^(read|see) more\s*[:»›]|^(leggi|vedi) anche\b|"
     r"^(lire|voir) aussi\b|^(previous|next|prev) (article|post|story|page)\s*:|"
     r"^related( articles?| posts?| stories| reading)?:", "link to another article"),
    (r"\(c\) ?\d{4}|\bcopyright\b|\ball rights reserved\b|\btutti i diritti riservati\b|"
     r"\btous droits réservés\b|\balle rechte vorbehalten\b|\btodos los derechos reservados\b",
     "copyright notice"),
    (r"^(photo|photograph|image|picture|pic|foto|illustration)s?( credits?)?\s*(:|by\b)|"
     r"^credits?\s*:|\b(photo|image|picture)s? courtesy\b|\bcourtesy of\b|\b(getty( ?images)?|"
     r"shutterstock|istock(photo)?|adobe ?stock|freepik|unsplash|pexels|alamy|dreamstime|"
     r"depositphotos|123rf|science photo library)\b", "photo credit"),
    (r"^(fig\.|figure) ?\d+\s*[:.]|^alt( text)?\s*:", "image caption"),
])

_PEOPLE = (r"(doctor|physician|oncologist|nurse|patient|woman|man|women|men|girl|boy|child|person|"
           r"people|researcher|scientist|surgeon|team|family|couple|hands?)s?")
_POSES = (r"(talking|speaking|holding|sitting|standing|smiling|examining|consulting|discussing|"
          r"explaining|showing|pointing|wearing|comforting|listening|analy[sz]ing)")
# Depictions are recognisable only on lines that are not sentences (checked by the caller).
_DEPICTION = _rules([
    (rf"^([\w-]+ ){{0,3}}?{_PEOPLE} ({_POSES}\b|(at|in front of) (a|an|the|their|her|his) "
     r"(\w+ )?(microscope|computer|laptop|desk|table|window|bedside|screen|monitor|whiteboard|"
     r"lab|laboratory)\b)", "image caption"),
    (r"\bmetaphor (of|for)\b|\billustrat(ion|ive (image|photo|picture))\b|\bpictured\b|"
     r"\bstock (photo|image)\b|\b(photo|image|picture) of\b", "image caption"),
])

_TLD = r"(com|org|net|edu|gov|info|io|co|uk|it|fr|de|es|nl|be|ch|at|eu|us|ca|au|tr|ie|pt|health)"
_CONTACT = _rules([
    (r"[\w.+-]+@[\w-]+(\.[\w-]+)+", "contact: email address"),
    (r"https?://|\bwww\.|\b[\w-]+(\.[\w-]+)*\.(?-i:" + _TLD + r")\b(?!\w|\.\w)", "contact: web address"),
    (r"\b(tel|tél|phone|telephone|téléphone|telefono|telefon|fax|mobile|mob|cell ?phone|hotline|"
     r"call us( at| on)?)\b\.?\s*[:.]?\s*[+(]?\d", "contact: phone number"),
    (r"(?-i:\b(VAT|P\. ?IVA|SIRET|SIREN|USt-IdNr|ABN|KvK)\b)|\bpartita iva\b|\bcodice fiscale\b|"
     r"\b(registration|charity|company) (no|number|reg)|\bregistered (charity|in (england|scotland|"
     r"wales))\b|\bnuméro de tva\b|\bhandelsregister\b",
     "contact: company registration number"),
])
_PHONE_DIGITS = re.compile(r"(?<![\w/.,-])[+(]?\d[\d ().\-]{6,}\d(?![\w/%])")
_DATE = re.compile(r"^\d{1,4}([./-])\d{1,2}\1\d{1,4}$")
_STREET_FIRST = (r"Via|Viale|Piazza|Piazzale|Corso|Largo|Calle|Avenida|Plaza|Paseo|Carrer|Rua|Rue|"
                 r"Route|Chemin|Avenue|Boulevard|Quai|[A-ZÄÖÜ][\w-]*(straße|strasse|str\.|gasse|weg|"
                 r"platz|allee|straat|laan|plein|gracht|kade|singel|vej|gatan|gata|vägen)")
# Postal addresses in common national forms; only lines of at most 15 words are tested.
_ADDRESS = _rules([
    (r"\b\d{1,5}[A-Za-z]?,?\s+(?-i:([A-Z][\w'’.-]*\s+){0,3}(Street|St\.?|Road|Rd\.?|Avenue|"
     r"Ave\.?|Boulevard|Blvd\.?|Lane|Drive|Way|Place|Square|Court|Terrace|Crescent|Parkway))\b",
     "number then street (English)"),
    (r"\b\d{1,4}(\s?(bis|ter))?,?\s+(rue|avenue|boulevard|bd|chemin|allée|place|quai|impasse)\b",
     "number then street (French)"),
    (r"(?-i:\b(" + _STREET_FIRST + r")\s+([\w.'’-]+\s+){0,4}?\d{1,4}[a-z]?\b)",
     "street then number (Latin and Germanic languages)"),
    (r"\b(p\.? ?o\.? box|postbus|casella postale|apartado|boîte postale)\s*\d+", "post box"),
    (r"(?-i:\b[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}\b|\b[A-Z]\d[A-Z] \d[A-Z]\d\b|"
     r"\b[A-Z]{2},? \d{5}(-\d{4})?$)", "UK, Canadian or US postcode"),
    (r"(?-i:(^|,\s*)([A-Z]{1,2}-)?\d{4,5}\s+[A-ZÀ-Ý][\w'’-]+(\s+[\w'’()-]+){0,2}$)",
     "postcode then town"),
])
_COMPANY = re.compile(r"\b(s\.?r\.?l|s\.?p\.?a|ltd|llc|inc|gmbh|sarl|s\.?a\.?s|plc|pty|"
                      r"(?-i:Limited|AG|SA|BV|NV|S\.A|B\.V|N\.V))\.?$", re.IGNORECASE)
_SITE_NAME = re.compile(r"(https?://)?(www\.)?[\w-]+(\.[\w-]+)*\.[a-z]{2,}/?")
_SEPARATORS = re.compile(r"\s+[/|]\s+|\s*[>›»→]\s*")
_HOME = {"home", "homepage", "start", "accueil", "inicio", "startseite"}
# Headings that open a trailing section that is not the article: readers' comments, and the
# reference list (citations are not statements for a leaflet; sources are listed separately).
_TRAILING_SECTIONS = _rules([
    (r"(\d+ )?(comments?|commenti|commentaires|kommentare|comentarios)|\d+ (responses?|replies)|"
     r"\d+ (thoughts?|comments?|responses?|replies) (on|to) .*|leave a (comment|reply)",
     "comment section"),
    (r"references|sources|bibliography|further reading|useful links|fonti|bibliografia|"
     r"références|bibliographie|quellen|literatur|referencias", "reference list"),
])

_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|gen|mag|giu|lug|ago|set|ott|dic)"
_METADATA = re.compile(
    r"^(?P<label>last\s+(update[ds]?|modified|reviewed|revised|edited)|updated|modified|published|"
    r"posted|reviewed|medically reviewed|written|author|date|mis à jour|dernière mise à jour|publié|"
    r"aggiornato|ultimo aggiornamento|pubblicato|aktualisiert|veröffentlicht|actualizado|publicado)"
    r"(\s*[:\-–—]\s*|\s+(on|by|at|il|le|am|el)\s+|\s+(?=\d|" + _MONTH + r"))(?P<value>\S.*)$",
    re.IGNORECASE)
_BYLINE = re.compile(r"^[Bb]y\s+(?P<value>[A-Z][\w.'’-]*(\s+[A-Z][\w.'’-]*){0,3})$")
_BYLINE_PARTS = re.compile(r"\s+[|·•]\s+")  # "By Jane Doe | Updated 3 May 2021 · 4 min read"
_READING_TIME = re.compile(r"\d+\s*(min|minutes?)( read|\.? di lettura| de lecture)?", re.IGNORECASE)
_METADATA_KEYS = (("updat", "last update"), ("modif", "last update"), ("revis", "last update"),
                  ("edit", "last update"), ("jour", "last update"), ("aggiorna", "last update"),
                  ("aktualis", "last update"), ("actualiz", "last update"), ("review", "reviewed"),
                  ("writ", "author"), ("author", "author"), ("date", "date"))


def clean(source: Source) -> CleanSource:
    """Remove boilerplate lines from a source and classify the rest as content blocks."""
    lines = [line for line in source.lines if line.text.strip()]
    texts = [line.text.strip() for line in lines]
    removed: dict[int, str] = {}
    metadata: list[tuple[str, str]] = []
    publisher = publisher_names(source.meta.publisher)
    for i, text in enumerate(texts):
        found = _metadata(_bare(text))
        if found:
            metadata.extend(found)
            removed[i] = "metadata: " + ", ".join(key for key, _ in found)
        elif reason := _line_reason(text, publisher):
            removed[i] = reason
    _remove_repeats(texts, removed)
    items, runs = _list_items(lines, texts, removed)
    _remove_contact_surroundings(lines, texts, removed, items)
    for i, text in enumerate(texts):
        if i not in removed and i not in items and _is_caption_length(text):
            removed[i] = "image caption (long line without final punctuation)"
    _remove_trailing_sections(texts, removed)
    _remove_outside_body(texts, removed, runs)
    blocks = [Block(source.path, lines[i].number, _kind(texts[i], i in items), _bare(texts[i]))
              for i in range(len(lines)) if i not in removed]
    removals = [Removal(source.path, lines[i].number, texts[i], reason)
                for i, reason in sorted(removed.items())]
    return CleanSource(path=source.path, meta=source.meta, blocks=tuple(blocks),
                       removed=tuple(removals), found_metadata=tuple(metadata))


def _bare(text: str) -> str:
    """Strip list and heading markers and surrounding whitespace."""
    if mark := _HEADING_MARK.match(text):
        inner = text[mark.end():]
        return (_BOLD_END.sub("", inner) if mark.group(1) else inner).strip()
    return _BULLET.sub("", text, count=1).strip()


def _fold(text: str) -> str:
    """Casefold, unify apostrophes and collapse spaces, for matching."""
    return " ".join(text.lower().replace("’", "'").replace("‘", "'").split())


def _words(text: str) -> int:
    """Count whitespace-separated words."""
    return len(text.split())


def _ending(text: str) -> str:
    """Return the last meaningful character, ignoring closing quotes and brackets."""
    stripped = text.rstrip(_CLOSERS)
    return stripped[-1:] if stripped else ""


def _metadata(text: str) -> list[tuple[str, str]]:
    """Return (key, value) pairs if the line is a date/author line ('By X | Updated: 3 May 2021')."""
    if _words(text) > 16:
        return []
    found = []
    for part in _BYLINE_PARTS.split(text):
        if _READING_TIME.fullmatch(part):
            continue
        pair = _metadata_part(part)
        if pair is None:
            return []
        found.append(pair)
    return found


def _metadata_part(text: str) -> tuple[str, str] | None:
    """Return (key, value) for one piece of a byline, e.g. ('last update', '01/04/2020')."""
    if match := _BYLINE.match(text):
        return ("author", match["value"])
    match = _METADATA.match(text)
    if not match:
        return None
    label = _fold(match["label"])
    key = next((key for stem, key in _METADATA_KEYS if stem in label), "published")
    return (key, match["value"].strip(" |–—-"))


def _line_reason(text: str, publisher: tuple[str, ...]) -> str | None:
    """Return why one line, on its own, is web furniture (or None if it may be content)."""
    folded = _fold(text)
    label = _fold(_bare(text)).strip(_EDGE_JUNK)
    if "©" in text:  # after a sentence, '©Someone' credits the photo the line captions
        before = _fold(text.split("©")[0])
        caption = _words(before) >= 4 and "copyright" not in before
        return "image caption with photo credit" if caption else "copyright notice"
    if fold_name(label) in publisher:
        return "site name"
    if _SITE_NAME.fullmatch(text.strip(" /")):
        return "site name"
    for rule, reason in _WHOLE_LINE:
        if rule.fullmatch(label):
            return reason
    if _is_breadcrumb(_bare(text)):
        return "navigation (menu or breadcrumb)"
    for rule, reason in _ANYWHERE + _CONTACT:
        if rule.search(folded if not reason.startswith("contact") else text):
            return reason
    if _has_phone_number(text):
        return "contact: phone number"
    if _words(text) <= 15:
        for rule, form in _ADDRESS:
            if rule.search(text):
                return f"contact: postal address ({form})"
    if _words(text) <= LABEL_MAX_WORDS and _COMPANY.search(text.strip()):
        return "contact: company name"
    if _ending(text) not in TERMINAL and any(rule.search(folded) for rule, _ in _DEPICTION):
        return "image caption"
    if _words(text) <= PROMO_MAX_WORDS and names_publisher(text, publisher):
        # A longer paragraph keeps its other sentences; facts leaves out the naming one.
        return "names the publishing site"
    return None


def _is_breadcrumb(text: str) -> bool:
    """Tell whether a line is a trail of short labels such as 'Home > Health > Cancer'."""
    parts = _SEPARATORS.split(text)
    if len(parts) < 2 or not all(p and p[0].isalpha() and _words(p) <= 4 and
                                 _ending(p) not in TERMINAL for p in parts):
        return False
    return len(parts) >= 3 or parts[0].casefold() in _HOME or not re.search(r"\s[/|]\s", text)


def _has_phone_number(text: str) -> bool:
    """Find a run of 9+ digits with phone separators, or 8+ after '+' or '(', not a date."""
    for match in _PHONE_DIGITS.finditer(text):
        number = match.group().strip()
        digits = sum(ch.isdigit() for ch in number)
        if _DATE.match(number):
            continue
        if digits >= 9 or (digits >= 8 and number[0] in "+("):
            return True
    return False


def _remove_repeats(texts: list[str], removed: dict[int, str]) -> None:
    """Remove exact repeats of a line kept earlier in the same file (repeated titles, menus)."""
    seen: set[str] = set()
    for i, text in enumerate(texts):
        if i in removed:
            continue
        if text in seen:
            removed[i] = "repeated line"
        seen.add(text)


def _is_lead_in(text: str) -> bool:
    """Tell whether a line introduces a list: it ends with a colon."""
    return _ending(_bare(text)) == ":"


def _is_label_item(text: str) -> bool:
    """Tell whether a line reads 'Short label: explanation', a common list-item form."""
    match = re.match(r"^([^:.!?]+):\s+\S", _bare(text))
    return bool(match) and _words(match.group(1)) <= LABEL_MAX_WORDS


def _is_item_like(text: str) -> bool:
    """Tell whether a line can continue a list run after a lead-in."""
    if _BULLET.match(text) or _is_label_item(text):
        return True
    end, words = _ending(text), _words(text)
    if end in (":", "?") or _HEADING_MARK.match(text):
        return False
    return not (end in TERMINAL and words >= PARAGRAPH_MIN_WORDS) and words <= 30


def _list_items(lines: list[SourceLine], texts: list[str],
                removed: dict[int, str]) -> tuple[set[int], dict[int, int]]:
    """Find list items (bullets, and runs after a lead-in); return items and run end by lead-in."""
    kept = [i for i in range(len(texts)) if i not in removed]
    items = {i for i in kept if _BULLET.match(texts[i])}
    runs: dict[int, int] = {}
    for pos, lead in enumerate(kept):
        if not _is_lead_in(texts[lead]):
            continue
        last, tight = lead, None  # tight: items so far were not separated by blank lines
        for nxt, i in enumerate(kept[pos + 1:], start=pos + 1):
            gap = lines[i].number - lines[last].number > 1
            bullet = bool(_BULLET.match(texts[i]))
            if not bullet and (not _is_item_like(texts[i]) or _heads_next_list(texts, kept, nxt)
                               or (gap and tight)):
                break
            if last != lead:
                tight = not gap if tight is None else tight
            items.add(i)
            last = i
        runs[lead] = last
    return items, runs


def _heads_next_list(texts: list[str], kept: list[int], pos: int) -> bool:
    """Tell whether a short unpunctuated line is the heading of the next lead-in, not an item."""
    text = texts[kept[pos]]
    follows_lead_in = pos + 1 < len(kept) and _is_lead_in(texts[kept[pos + 1]]) \
        and not _is_label_item(texts[kept[pos + 1]])
    return follows_lead_in and _ending(text) not in TERMINAL and _words(text) <= 10


def _remove_contact_surroundings(lines: list[SourceLine], texts: list[str],
                                 removed: dict[int, str], items: set[int]) -> None:
    """Remove short lines touching contact data ('Contact', a company name above an address)."""
    for i in sorted(i for i, r in removed.items() if r.startswith("contact")):
        for step in (-1, 1):
            j = i + step
            while 0 <= j < len(texts) and abs(lines[j].number - lines[j - step].number) == 1 \
                    and j not in items and (j in removed or _is_short_label(texts[j])):
                removed.setdefault(j, "contact block")
                j += step
        above = i - 1
        if removed[i].startswith("contact: postal address") and above >= 0 and above not in removed \
                and above not in items and _is_short_label(texts[above]):
            removed[above] = "contact block (name above an address)"


def _is_short_label(text: str) -> bool:
    """Tell whether a line is a short label without sentence punctuation."""
    return _words(text) <= LABEL_MAX_WORDS and _ending(text) not in tuple(".!?…")


def _is_caption_length(text: str) -> bool:
    """Tell whether a line is too long for a heading yet has no final punctuation."""
    end = _ending(text)
    return _words(text) >= CAPTION_MIN_WORDS and end not in TERMINAL and end not in SOFT_END


def _is_paragraph(text: str) -> bool:
    """Tell whether a line is a real paragraph: long enough and ending like a sentence."""
    return _words(_bare(text)) >= PARAGRAPH_MIN_WORDS and _ending(text) in TERMINAL


def _is_sentence(text: str) -> bool:
    """Tell whether a line is a short sentence (three words or more, final punctuation)."""
    return _words(_bare(text)) >= 3 and _ending(text) in tuple(".!…")


def _remove_trailing_sections(texts: list[str], removed: dict[int, str]) -> None:
    """Remove everything after a comments or references heading that follows most of the text."""
    words = [_words(t) if i not in removed and _is_paragraph(t) else 0 for i, t in enumerate(texts)]
    reason = None
    for i, text in enumerate(texts):
        heading = _trailing_section(text)
        # A 'Comments' link near the top must not cut the article: most of the text comes first.
        if heading and (reason or sum(words[:i]) > sum(words[i + 1:])):
            reason = heading
        if reason:
            removed.setdefault(i, reason)


def _trailing_section(text: str) -> str | None:
    """Return the kind of trailing section a heading line opens ('comment section'), if any."""
    label = _fold(_bare(text)).strip(_EDGE_JUNK)
    return next((reason for rule, reason in _TRAILING_SECTIONS if rule.fullmatch(label)), None)


def _remove_outside_body(texts: list[str], removed: dict[int, str], runs: dict[int, int]) -> None:
    """Remove page header and footer lines outside the article body (first..last paragraph)."""
    kept = [i for i in range(len(texts)) if i not in removed]
    paragraphs = [i for i in kept if _is_paragraph(texts[i])]
    if not paragraphs:
        return  # no article body to anchor on: leave the lines to the editor
    first, last = paragraphs[0], paragraphs[-1]
    last = max([last] + [end for lead, end in runs.items() if first <= lead <= last])
    last = _closing_lines(texts, [i for i in kept if i > last], last, runs)
    header = [i for i in kept if i < first]
    for i in header:
        titled = _ending(texts[i]) == "?" or bool(_HEADING_MARK.match(texts[i])) or \
            (i in header[-2:] and _words(_bare(texts[i])) >= 3)
        if not titled:
            removed[i] = "before the article"
    for i in kept:
        if i > last:
            removed[i] = "after the article"


def _closing_lines(texts: list[str], after: list[int], last: int, runs: dict[int, int]) -> int:
    """Extend the body end over closing short sentences and lists (with their heading)."""
    for pos, i in enumerate(after):
        if i <= last:
            continue  # inside a list already taken
        following = after[pos + 1] if pos + 1 < len(after) else -1
        if _is_closing_list(texts, runs, i):
            last = runs[i]
        elif _is_sentence(texts[i]):
            last = i
        elif _words(texts[i]) <= 10 and _ending(texts[i]) not in TERMINAL \
                and _is_closing_list(texts, runs, following):
            last = runs[following]
        else:
            break
    return last


def _is_closing_list(texts: list[str], runs: dict[int, int], lead: int) -> bool:
    """Tell whether a lead-in after the last paragraph opens an article list, not a footer menu."""
    # Footer link lists have one- or two-word labels ("Services:"); article lists a lead-in.
    return runs.get(lead, lead) > lead and _words(texts[lead]) >= 3


def _kind(text: str, is_item: bool) -> BlockKind:
    """Classify a kept line as heading, paragraph or item."""
    if _HEADING_MARK.match(text):
        return "heading"
    if is_item:
        return "item"
    end = _ending(text)
    if end == "?" and _words(text) <= 15:
        return "heading"
    return "paragraph" if end in TERMINAL or end in SOFT_END else "heading"
