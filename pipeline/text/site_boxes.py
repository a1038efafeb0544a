"""The site's own boxes inside and around the article: its helpline, contact and booking boxes,
offers above their buttons, author boxes, signed quotes and pull quotes, sign-offs, a Markdown
clipper's tab title, a kicker above the title, an attachment's title and a byline split over two
lines. Each rule takes the lines and the removals so far, and adds removals with their reasons.
"""

from __future__ import annotations

import re

from pipeline.models import SourceLine
from pipeline.text.line_shapes import (
    EDGE_JUNK,
    HEADING_MARK,
    LABEL_MAX_WORDS,
    TABLE_ROW,
    TERMINAL,
    bare_text,
    fold_text,
    is_sentence,
    is_short_entry,
    line_ending,
    line_kind,
    lines_touch,
    word_count,
)
from pipeline.text.publisher_names import names_publisher, short_names
from pipeline.text.bullets import BULLET
from pipeline.text.web_furniture import (
    AUTHOR_LINK,
    CALLED_NUMBER,
    CONDITION,
    FIRST_PERSON,
    JOB_TITLE,
    PHONE_DIGITS,
    SERVICE_OFFER,
    SIGNATURE,
)

def has_called_number(text: str) -> bool:
    """A shorter number the line gives as one ("call 555-0100", "Oncology Infusion Center: 555-0142")."""
    labelled = re.fullmatch(r"[^:.!?]{2,60}:\s*(\+?\(?\d[\d ().-]{5,}\d)", bare_text(text))
    numbers = [m.group(1) for m in CALLED_NUMBER.finditer(text)] + ([labelled.group(1)] if labelled else [])
    return any(len(_digits(n)) >= 7 for n in numbers)


def remove_author_boxes(texts: list[str], removed: dict[int, str]) -> None:
    """Remove an author box: the writer's name, a short biography, "View all posts by <name>"."""
    for i, text in enumerate(texts):
        match = AUTHOR_LINK.match(bare_text(text))
        if not match:
            continue
        name = fold_text(match["name"]).strip(EDGE_JUNK)
        start = next((k for k in range(i - 1, max(-1, i - 4), -1) if fold_text(bare_text(texts[k])).strip(EDGE_JUNK) == name), i)
        for k in range(start, i + 1):
            removed[k] = "author box"


# A writer's or clinician's biography opens with the name above it, or a part of it, and what
# they do: "Dana is an oncology-certified nurse ...", "Dr Helena Marsh is a consultant ...".
_TITLE = r"(?:(?:Dr|Prof|Professor|Mr|Mrs|Ms|Miss)\.? )?"
_BIOGRAPHY = re.compile(rf"^{_TITLE}(?P<name>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){{0,2}}) "
                        r"(?:is|has been|has worked|has led|leads|joined|works|worked|trained|specialises|specializes)\b")
# A person's name over the biography: "Dr Helena Marsh", "About Dana Whitcombe, RN, OCN", "### Catrin Bellamy".
_PERSON = re.compile(rf"^(?:#+ )?(?:About )?{_TITLE}(?P<name>[A-Z][\w'’-]+(?: [A-Z][\w'’.-]+){{1,3}})(?:,.{{0,40}})?$")


def remove_biographies(texts: list[str], removed: dict[int, str]) -> None:
    """Remove a biography under a person's name the rules took ("Dr Helena Marsh" / "Dr Helena Marsh
    is a consultant medical oncologist ..."): an author box's or a profile card's text."""
    for i in range(1, len(texts)):
        if i in removed or i - 1 not in removed:
            continue
        person = _PERSON.match(bare_text(texts[i - 1]).strip())
        found = _BIOGRAPHY.match(bare_text(texts[i]))
        if person and found and set(found["name"].split()) <= set(person["name"].split()):
            removed[i] = "author box (the biography under the name)"


# A letter's or newsletter's sign-off: "See you in two weeks," / "Miriam". Its comma may be left out
# ("Best wishes" / "Catrin"), except after a bare "Best" or "Cheers", which say too little without it.
_SIGN_OFF = re.compile(r"^(see you (in|next|at|on|soon)\b[^.?]{0,30}|wishing you( all)?\b[^.?]{0,40}[,!]|until next time|warmly|"
                       r"take care(,? and speak soon)?|speak soon|with love|"
                       r"((with|sending) )?((warm|warmest|best|kind|kindest) )?(wishes|regards)|yours (sincerely|faithfully|truly)|"
                       r"cheers|all the best|best|thanks for reading|(many )?thanks|thank you)\s*(,$|$(?<!best)(?<!cheers))", re.IGNORECASE)
# The writer under a sign-off: a first name, a full name, or a name and role ("Ruth Addison, Chief Executive").
_SIGNER = re.compile(r"[A-Z][\w'’-]+( [A-Z][\w'’.-]+){0,2}(,? [A-Z][\w&'’ -]{2,50})?")
_SIGNATURE_LINES = 4  # an e-mail signature's name, role, workplace and extension
_FIRST_NAME = re.compile(r"[A-Z][a-z'’-]{1,15}( [A-Z]\.?)?")


def remove_sign_offs(lines: list[SourceLine], texts: list[str], removed: dict[int, str]) -> None:
    """Remove a sign-off and the first name under it, and the e-mail signature that may follow:
    a few short lines after a blank one, the first naming the writer again ("Thanks," / "Amira" /
    "" / "Amira Shah" / "Reception Coordinator | Brackwater General")."""
    # A reply quotes the message it answers, sign-off and all: "> Many thanks," / "> Bronwen".
    bare = [_unquoted(bare_text(text)).strip() for text in texts]
    for i in range(len(texts) - 1):
        if i not in removed and _SIGN_OFF.match(bare[i]) and lines_touch(lines, i, i + 1) \
                and _SIGNER.fullmatch(bare[i + 1]):
            removed[i] = removed[i + 1] = "sign-off (the writer's name)"
            first_name = bare[i + 1].split()[0]
            k = i + 2
            if k < len(texts) and bare[k] == "--":  # the e-mail's signature delimiter
                k += 1
            if k < len(texts) and (bare[k].split()[:1] == [first_name] and word_count(texts[k]) <= 5
                                   or JOB_TITLE.match(bare[k])):  # the name, or at once the job
                while k < len(texts) and k - (i + 2) < _SIGNATURE_LINES and (k == i + 2 or lines_touch(lines, k - 1, k)) \
                        and word_count(texts[k]) <= 12 and line_ending(texts[k]) != ".":
                    removed.setdefault(k, "e-mail signature")
                    k += 1
    # The writer's first name alone over the phone's signature: "Jan" / "Sent from my iPhone".
    for i in range(len(texts) - 1):
        if i not in removed and removed.get(i + 1) == "e-mail signature" and _FIRST_NAME.fullmatch(bare[i]):
            removed[i] = "sign-off (the writer's name)"


# A quote's writer told by what happened to them: "Gareth, who had immunotherapy for melanoma".
_WORDS = re.compile(r"\w+")  # a kicker's words, not its separators ("Library · Tests")
_CAPTION_LABEL = re.compile(r"^caption:\s*", re.IGNORECASE)
_WHO_HAD = re.compile(r"^(?:[—–]\s*)?[A-Z][\w'’-]+( [A-Z][\w'’.-]*)?, (who (has|had|is|was)|aged \d+|\d{2}, )")


# Markdown's block quote ("> ") and bold or italic around a whole line ("**Brendan, 67, ...**").
_BLOCK_QUOTE = re.compile(r"^(>\s*)+")
_WHOLE_EMPHASIS = re.compile(r"^[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}$")


def _unquoted(text: str) -> str:
    return _WHOLE_EMPHASIS.sub("", _BLOCK_QUOTE.sub("", bare_text(text).strip())).strip()


def remove_signed_quotes(texts: list[str], removed: dict[int, str]) -> None:
    """Remove a testimonial set as a quote with its writer's name on the next line."""
    for i in range(1, len(texts)):
        quote = _unquoted(texts[i - 1])
        who = _CAPTION_LABEL.sub("", _unquoted(texts[i]))  # an HTML <figcaption> reads "Caption: ..."
        signed = SIGNATURE.match(who) or _WHO_HAD.match(who)
        if signed and quote[:1] in "“\"‘«„" and quote.rstrip()[-1:] in "”\"’»":
            removed[i - 1] = removed[i] = "testimonial (a quote signed by its writer)"


def remove_kicker(lines: list[SourceLine], texts: list[str], removed: dict[int, str]) -> None:
    """Remove the category label an HTML page prints right above its first heading ("Department
    of Medical Oncology" / "# Immune-related adverse events") and above its <h1> ("Patient
    Library · Tests and Procedures" / "# CT scan"): a short line that is no heading."""
    headings = [i for i in range(len(texts)) if i not in removed and HEADING_MARK.match(texts[i])]
    titles = {headings[0], next((i for i in headings if lines[i].level == 1), headings[0])} if headings else set()
    for above in sorted(i - 1 for i in titles if i > 0):
        if above not in removed and not HEADING_MARK.match(texts[above]) and not BULLET.match(texts[above]) \
                and len(_WORDS.findall(texts[above])) <= 6 and line_ending(texts[above]) not in TERMINAL:
            removed[above] = "category label (a kicker above the title)"


def remove_pull_quotes(texts: list[str], removed: dict[int, str]) -> None:
    """Remove a pull quote: a quoted sentence of eight words or more that the article says too."""
    kept = [i for i in range(len(texts)) if i not in removed]
    for i in kept:
        bare = bare_text(texts[i]).strip()
        if bare[:1] not in "“\"‘«„" or bare[-1:] not in "”\"’»":
            continue
        inner = fold_text(bare.strip("“”\"‘’«»„ .")).rstrip(".")
        if word_count(inner) >= 8 and any(k != i and inner in fold_text(bare_text(texts[k])) for k in kept):
            removed[i] = "pull quote (repeats a sentence of the article)"


def remove_tab_title(texts: list[str], removed: dict[int, str], publisher: tuple[str, ...]) -> None:
    """Remove the browser tab's title a Markdown clipper writes first ("# Chemotherapy: What to
    Expect | Westlake UMC Patient Education"): its last part names the site."""
    first = next((i for i in range(len(texts)) if i not in removed), None)
    if first is None or not HEADING_MARK.match(texts[first]):
        return
    parts = re.split(r"\s+[|–—-]\s+", bare_text(texts[first]))
    if len(parts) > 1 and (names_publisher(parts[-1], publisher) or names_publisher(parts[-1], short_names(publisher))
                           or re.match(r"by [A-Z]", parts[-1])):  # "... - by Miriam Castell, MD"
        removed[first] = "browser tab title (the page's title and the site's name)"


# A byline's label on a line of its own, its value on the next ("From:" / "Department of Health").
_BARE_LABELS = frozenset({"from", "by", "author", "authors", "written by", "published by", "produced by", "source",
                          "provided by", "news provided by", "content provided by", "brought to you by"})


def remove_labels_over_values(lines: list[SourceLine], texts: list[str], removed: dict[int, str]) -> None:
    """Remove a byline split over two lines: "From:" alone, then who the page is from; a wire
    service's "News provided by" (no colon) over the company's name."""
    for i in range(len(texts) - 1):
        label = fold_text(bare_text(texts[i])).strip()
        if i in removed or label.rstrip(":").strip() not in _BARE_LABELS or not (label.endswith((":", " by"))):
            continue
        if i + 1 not in removed and lines_touch(lines, i, i + 1) and is_short_entry(texts[i + 1]):
            removed[i] = removed[i + 1] = "metadata: author (a label over its value)"


def remove_contact_surroundings(lines: list[SourceLine], texts: list[str],
                                 removed: dict[int, str], items: set[int]) -> None:
    """Remove short lines touching contact data ('Contact', a company name above an address)."""
    # Start from the data and cross only contact lines and labels: a menu's "Contact us" link
    # must not take the menu, the breadcrumb and the page title next to it along.
    for i in sorted(i for i, r in removed.items() if r.startswith("contact:")):
        for step in (-1, 1):
            j = i + step
            while lines_touch(lines, j - step, j) and j not in items and (
                    removed.get(j, "").startswith(("contact", "site name"))
                    # a heading below the data opens the next section; above, it titles the box
                    or (j not in removed and _is_short_label(texts[j]) and not (step == 1 and _opens_section(lines, texts, removed, j)))):
                removed.setdefault(j, "contact block")
                j += step
            if step == -1 and j >= 1 and _box_note(lines, texts, removed, items, j):
                removed[j] = removed[j - 1] = "contact block (the box's title and note)"  # "Support Centre" / "Drop in for a chat."
            if step == 1 and lines_touch(lines, j - 1, j) and j not in removed and j not in items \
                    and _NUMBER_NOTE.search(texts[j]) and not CONDITION.search(texts[j]):
                removed[j] = "contact block (its note on the number)"  # "The number is also on your alert card."
        above = i - 1
        if removed[i].startswith("contact: postal address") and above >= 0 and above not in removed \
                and above not in items and _is_short_label(texts[above]):
            removed[above] = "contact block (name above an address)"
    # A number alone under its label, whatever took the number ("Main switchboard" / "01632 960 000",
    # a printed box whose numbers the running-footer rule took): the label is the box's.
    for i in range(len(texts) - 1):
        if i not in removed and i not in items and lines_touch(lines, i, i + 1) and _BARE_NUMBER.fullmatch(bare_text(texts[i + 1])) \
                and _is_short_label(texts[i]) and line_ending(texts[i]) != ":" and not CONDITION.search(texts[i]):
            removed[i] = "contact block (a number's label)"


BOX_NOTE_MAX_WORDS = 20


def _box_note(lines: list[SourceLine], texts: list[str], removed: dict[int, str], items: set[int], j: int) -> bool:
    """A contact box's one-sentence note between its title and its data, the title a short label
    right above it: "Information and Support Centre" / "Drop in for a chat or a cup of tea." / address."""
    if j in removed or j in items or j - 1 in removed or j - 1 in items or not lines_touch(lines, j - 1, j) \
            or not lines_touch(lines, j, j + 1) or not removed.get(j + 1, "").startswith(("contact:", "opening hours")):
        return False  # right above the data itself, not above the next section's "Important phone numbers"
    note, title = texts[j], texts[j - 1]
    return is_sentence(note) and word_count(note) <= BOX_NOTE_MAX_WORDS and not CONDITION.search(note) \
        and _is_short_label(title) and not HEADING_MARK.match(title) and line_ending(title) != ":"


SECTION_TEXT_MIN_WORDS = 8
_BARE_NUMBER = re.compile(r"\s*(\+?\(?\d[\d ()-]{8,}\d)\s*")  # a phone number and nothing else


def _opens_section(lines: list[SourceLine], texts: list[str], removed: dict[int, str], j: int) -> bool:
    """A label below contact data that heads the next section: marked as a heading, or right over a
    sentence of text ("After your treatment" / "Most side effects fade within weeks ...")."""
    if HEADING_MARK.match(texts[j]):
        return True
    below = j + 1
    return lines_touch(lines, j, below) and below not in removed and is_sentence(texts[below]) \
        and word_count(bare_text(texts[below])) >= SECTION_TEXT_MIN_WORDS


def remove_offers_above_calls_to_action(lines: list[SourceLine], texts: list[str], removed: dict[int, str],
                                         items: set[int]) -> None:
    """Remove the site's offer right above its button ("Our providers can help you understand
    your care plan." / "Request an Appointment"): a sentence the site says of itself, in a box
    whose next line is an enquiry form, a call to action or the site's number."""
    for i in range(len(texts) - 1):
        if i in removed or i in items or not lines_touch(lines, i, i + 1) \
                or not removed.get(i + 1, "").startswith(_OFFER_BUTTONS):
            continue
        if FIRST_PERSON.match(bare_text(texts[i])) and is_sentence(texts[i]):
            removed[i] = "the site's offer (above its call to action)"


# ... or the site's own line to call or write to ("Our helpline advisers can help ..." / "Call 0808 ...").
_OFFER_BUTTONS = ("enquiry form", "call to action", "contact: booking", "booking button", "navigation (a finder link)",
                  "contact: phone number", "contact: email address")


# A contact box's closing note on its numbers ("The number for your hospital is also on your card.").
_NUMBER_NOTE = re.compile(r"\b(the|this|these|that|your) (phone |telephone )?(numbers?|line|helpline)\b", re.IGNORECASE)


def _is_short_label(text: str) -> bool:
    """Tell whether a line is a short label without sentence punctuation."""
    return word_count(text) <= LABEL_MAX_WORDS and line_ending(text) not in tuple(".!?…")


_FILE_DETAILS = re.compile(r"^(pdf|html|ms word|odt|docx?|epub)\b,? [\d.,]+ ?[kmg]b\b", re.IGNORECASE)


def remove_attachment_titles(lines: list[SourceLine], texts: list[str], removed: dict[int, str]) -> None:
    """Remove an attachment's title over its file details ("Chemotherapy: easy read guide" / "PDF, 1.4 MB")."""
    for i in range(len(texts) - 1):
        if i not in removed and lines_touch(lines, i, i + 1) and _FILE_DETAILS.match(bare_text(texts[i + 1])) \
                and is_short_entry(texts[i]):
            removed[i] = "print or download link (the attachment's title)"


def remove_site_number_offers(lines: list[SourceLine], texts: list[str], removed: dict[int, str],
                               items: set[int]) -> None:
    """Remove the site's helpline box inside the article: "Call 8-1-1 to speak with a nurse, any
    time." offering the number its header or footer gives, with no condition saying when to call
    (advice: "Call 8-1-1 if ..."), and the box's question title above it ("Not sure if a symptom
    is serious?")."""
    site = {_digits(number) for i in removed for number in _numbers(texts[i])}
    for i, text in enumerate(texts):
        if i in removed or i in items or line_kind(text, False) == "heading":
            continue
        bare = bare_text(text)
        # The site's own service, in its own voice ("Our volunteers can drive you ... - call 13 11 20
        # to check if you are eligible"), offers its number as surely as "Call ... to speak with us".
        ours = _OWN_SERVICE.search(bare) and (called := CALLED_NUMBER.search(bare))
        if not ours:
            called = CALLED_NUMBER.match(bare)
        if not called or _digits(called.group(1)) not in site or CONDITION.search(_ELIGIBILITY.sub(" ", text)) \
                or not (ours or SERVICE_OFFER.search(text)):
            continue
        removed[i] = "contact: the site's own number (its header or footer gives it too)"
        if i > 0 and i - 1 not in removed and lines_touch(lines, i - 1, i) and line_ending(texts[i - 1]) == "?" \
                and word_count(bare_text(texts[i - 1])) <= 12:
            removed[i - 1] = "title of a box of removed lines (the site's own number)"


_OWN_SERVICE = re.compile(r"\bour [\w' -]{0,40}\b(volunteers?|drivers?|service|scheme|programme|program|helpline|"
                          r"advisers?|advisors?|navigators?)\b", re.IGNORECASE)
_ELIGIBILITY = re.compile(r"\b(check|see|find out|ask|know)\s+(if|whether)\b", re.IGNORECASE)  # no condition to call


def _numbers(text: str) -> list[str]:
    """The phone numbers a line gives: long ones anywhere, short ones ("8-1-1") after "call"."""
    return [m.group(1) for m in CALLED_NUMBER.finditer(text)] + [m.group() for m in PHONE_DIGITS.finditer(text)]


def _digits(number: str) -> str:
    return "".join(ch for ch in number if ch.isdigit())


# A social network's post embedded in a page: "Riverside Hospital shared a post · 2 days ago",
# the post, then "54 Likes · 9 Comments · Share".
# A forum thread's question reads the same way: "Posted by u/name 3 mo. ago", its title, flair and
# words, then its votes and "Comments 64".
_POST_HEADER = re.compile(r"\b(shared|posted) an? (post|link|photo|video|update)\b|\bposted (on|at)\b.*\b(ago|\d{4})\b|"
                          r"^(posted|asked|started) by \S+( \S+){0,2}? (\d{1,2}|an?) ?\w{1,7}\.? ago$", re.IGNORECASE)
_POST_FOOTER = re.compile(r"\b\d[\d,.]*k?\s+(likes?|comments?|shares?|retweets?|reactions?)\b|^comments? \d[\d,.]*k?$",
                          re.IGNORECASE)
POST_MAX_LINES = 6  # the post's title, flair, words and votes; an article is longer


def remove_social_posts(texts: list[str], removed: dict[int, str]) -> None:
    """Remove the text of an embedded social-media post, or a thread's question: the lines between
    its header (who posted, when) and its counts of likes and comments, at most POST_MAX_LINES."""
    for i, text in enumerate(texts):
        if not _POST_HEADER.search(text):
            continue
        end = next((k for k in range(i + 1, min(i + 2 + POST_MAX_LINES, len(texts))) if _POST_FOOTER.search(texts[k])),
                   None)
        if end is None:
            continue
        for k in range(i, end + 1):
            removed.setdefault(k, "social media post (embedded)")
    for i in range(len(texts) - 1):
        if _POST_STATS.fullmatch(texts[i + 1].strip()) and word_count(texts[i]) <= POST_TITLE_MAX_WORDS:
            removed.setdefault(i, "link to another post (its votes and comments below it)")
            removed.setdefault(i + 1, "link to another post (its votes and comments below it)")


# "More posts you may like": each title over its counts ("41 upvotes · 27 comments").
_POST_STATS = re.compile(r"[\d.,]+k? (up)?votes?( ?[·•|,] ?[\d.,]+k? (comments?|replies|answers))?|"
                         r"[\d.,]+k? (comments?|replies|answers) ?[·•|,] ?[\d.,]+k? (up)?votes?", re.IGNORECASE)
POST_TITLE_MAX_WORDS = 16


# A medicine maker's page ends with the drug's label, which US law makes it print: "INDICATION",
# "IMPORTANT SAFETY INFORMATION". It is about one product, not the treatment the page explains.
_LABEL_HEADING = re.compile(r"(select |important )?(safety information|indications?)( (and|&) (usage|(select |important )?"
                            r"safety information|indications?))*|(full )?prescribing information")
_PRODUCT_MARK = re.compile(r"[®™]|\bprescribing information\b|\bmedication guide\b|\bmedwatch\b|\bpackage insert\b",
                           re.IGNORECASE)


def remove_prescribing_information(texts: list[str], removed: dict[int, str]) -> None:
    """Remove a medicine's indication and safety information, headings and all, to the next other
    heading: only where it names a product as a label does (®, "Prescribing Information", the
    Medication Guide, MedWatch), so a clinic's own "Important safety information" stays."""
    i = 0
    while i < len(texts):
        if not (line_kind(texts[i], False) == "heading" and _is_label_heading(texts[i])):
            i += 1
            continue
        end = i + 1
        while end < len(texts) and (line_kind(texts[end], False) != "heading" or BULLET.match(texts[end])
                                    or _is_label_heading(texts[end])):
            end += 1
        if any(_PRODUCT_MARK.search(texts[k]) for k in range(i, end)):
            for k in range(i, end):
                removed.setdefault(k, "a medicine's indication and safety information (its maker's label)")
        i = end


def _is_label_heading(text: str) -> bool:
    return bool(_LABEL_HEADING.fullmatch(fold_text(bare_text(text)).strip(EDGE_JUNK)))


# A table whose row gives prices ("| Price | $590 | $1,290 |", "Cost\t€250"): the site's packages.
_PRICE_CELL = re.compile(r"(total )?(prices?|costs?|fees?|rates?)( from)?")
_MONEY = re.compile(r"[$€£¥₹₺]\s?\d|\d\s?[$€£¥₹₺]|\b\d[\d,.]*\s?(usd|eur|gbp|chf|inr|aed|try|zar)\b", re.IGNORECASE)


def remove_price_tables(lines: list[SourceLine], texts: list[str], removed: dict[int, str]) -> None:
    """Remove a table that prices the site's own packages, header row and all: a row whose first
    cell is "Price" or "Cost" and whose other cells are sums of money, or a last column headed
    "Price" (_a_price_list). A table ends at a blank line."""
    i = 0
    while i < len(texts):
        if not _is_table_row(texts[i]):
            i += 1
            continue
        end = i + 1
        while end < len(texts) and _is_table_row(texts[end]) and lines_touch(lines, end - 1, end):
            end += 1
        if any(_prices_its_columns(texts[k]) for k in range(i, end)) or _a_price_list(texts[i:end]):
            for k in range(i, end):
                removed.setdefault(k, "the clinic's prices and insurers (a price table)")
        i = end


def _a_price_list(rows: list[str]) -> bool:
    """A table whose last column is headed "Price" ("Self-pay price", "Fee") and holds a sum of
    money on every row below: "| Exam | Self-pay price |" over "| CT with contrast | $395 |"."""
    rows = [row for row in rows if any(ch.isalnum() for ch in row)]  # not Markdown's "|---|---|"
    if len(rows) < 3:
        return False
    header, *priced = (_cells(row) for row in rows)
    return len(header) >= 2 and bool(_PRICE_HEADING.fullmatch(fold_text(header[-1]))) \
        and all(len(cells) >= 2 and _MONEY.search(cells[-1]) for cells in priced)


_PRICE_HEADING = re.compile(r"([\w-]+ ){0,2}(prices?|costs?|fees?|charges?|rates?)( \(.*\))?")


def _cells(text: str) -> list[str]:
    cells = [cell.strip(" *_") for cell in re.split(r"\t|\|", text.strip().strip("|"))]
    return [cell for cell in cells if cell]


def _is_table_row(text: str) -> bool:
    return bool(TABLE_ROW.match(text)) or "\t" in text.strip()


def _prices_its_columns(text: str) -> bool:
    cells = _cells(text)
    return len(cells) >= 2 and bool(_PRICE_CELL.fullmatch(fold_text(cells[0]))) \
        and all(_MONEY.search(cell) for cell in cells[1:])
