"""Web-page furniture: the phrase lists and patterns clean.py recognises, by kind.

Data, not logic: each table pairs a pattern with the reason a removal records. Patterns
are general (several languages and national formats), never keyed on one site.
"""

from __future__ import annotations

import re

Rule = tuple[re.Pattern[str], str]

# "Back to top" and its variants, a link that closes a section rather than belonging to it.
_BACK_TO_TOP = r"((back|go|scroll|return) to (the )?)?top( of (the )?page| button)?"
BACK_TO_TOP = re.compile(_BACK_TO_TOP)
_MONTH = (r"(january|february|march|april|may|june|july|august|september|october|november|december|"
          r"jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?")


def _rules(table: list[tuple[str, str]], flags: int = re.IGNORECASE) -> tuple[Rule, ...]:
    """Compile a table of (pattern, reason)."""
    return tuple((re.compile(pattern, flags), reason) for pattern, reason in table)


SOCIAL = (r"(share|facebook|twitter|x|linkedin|whatsapp|pinterest|instagram|youtube|telegram|reddit|"
           r"tiktok|messenger|e-?mail|print|copy link|download pdf|pdf|a\+|a-|a\+\+|text size|font size|listen)")
LANGUAGE = (r"(english|italiano|français|francais|deutsch|español|espanol|português|nederlands|"
             r"türkçe|en|fr|it|de|es|pt|nl|tr|"
             # a switcher names each language in its own words and script
             r"简体中文|繁體中文|繁体中文|中文|한국어|日本語|tiếng việt|русский|українська|polski|română|ελληνικά|"
             r"العربية|فارسی|اردو|हिन्दी|বাংলা|ਪੰਜਾਬੀ|ગુજરાતી|தமிழ்|አማርኛ|soomaali|kreyòl ayisyen|tagalog|cymraeg|"
             r"lietuvių|latviešu|eesti|suomi|svenska|norsk|dansk|čeština|slovenčina|magyar|hrvatski|srpski|български|"
             r"shqip|català|galego|euskara|gaeilge|kurdî|پښتو|ትግርኛ|ไทย|bahasa indonesia|bahasa melayu|kiswahili|"
             r"yorùbá|नेपाली|සිංහල)")

TRANSCRIPT_TIMESTAMP = "transcript timestamp"
# A browser's print header and footer, repeated at every page break (a list goes on over them).
PRINT_HEADER = "print header (date, time and page title)"
PRINT_FOOTER = "print footer (the page's address and number)"

# Whole-line furniture, matched against the folded line without markers and edge punctuation.
# Each is a label a page shows on its own; inside a sentence the same words are content.
PRESENTER_NOTES = "presenter's notes (label)"
# The label over a slide's notes for whoever gives the class: "**Speaker notes:**" (clean also reads
# a bare "Notes:" there as one).
PRESENTER_NOTES_LABEL = (r"(speaker|speaker's|speakers'|presenter|presenter's|facilitator|facilitator's|trainer|trainer's|"
                         r"lecturer|teaching) notes?( for (this )?slide( \d+)?)?")
QUIZ = "the course's quiz or notes box"
WHOLE_LINE = _rules([
    # A transcript's timestamp alone on a line ("[04:12]", "0:12").
    (r"\d{1,2}:\d{2}(:\d{2})?", TRANSCRIPT_TIMESTAMP),
    (r"[×✕✖✗x]|close (this )?(alert|banner|message|notice|announcement|notification)", "close button"),
    (r"a\s+a(\s+a)?", "text size buttons"),  # "A  A  A": small, medium and large text
    # A web story's button over its slide counter: "Book an appointment 9/17", "Read more 10/17".
    (r"(book an appointment|read more|learn more|swipe up|call us|find out more|see more|continue)\s+\d{1,2}/\d{1,2}",
     "navigation (a story's button and slide counter)"),
    (r"(search|find|browse) (open|current|our|all) (clinical )?(trials|studies)", "navigation link"),
    # A site builder's hint to keyboard users over its menu.
    (r"use (the )?tab (key )?to navigate( through)? (the )?menu( items)?", "navigation (a menu's keyboard hint)"),
    # An answer engine's and a reader app's tools and feedback: "Share Export Rewrite Copy", "Helpful? 👍 👎".
    (r"((share|export|rewrite|copy|print|save|download|e-?mail|bookmark|regenerate|edit|report|listen|follow)[\s|·•]*){2,}",
     "navigation (the page's tools)"),
    (r"(was this( answer| page| response| article)? )?helpful\??(\s*(👍|👎|yes|no)\ufe0f?)*", "feedback widget"),
    # A how-to site's votes under each tip ("Helpful 14 Not Helpful 0") and its Q&A box's labels.
    (r"((not )?helpful\s*\d+\s*){1,2}", "feedback widget"),
    (r"add (a )?new question|expert answer|question|answer", "Q&A box label"),
    # A part's badge over "Part 1 of 3:" (a how-to site's parts).
    (r"part \d{1,2}", "a part's badge (over \"Part 1 of 3:\")"),
    (r"(co-?)?(authored|written|reviewed|medically reviewed|fact-?checked|edited|illustrated) by\s*:?|published (in|by)\s*:?", "byline label"),
    # A wiki template's view / talk / edit links, one letter each ("v", "t", "e").
    (r"[vte]|v ?[·•|] ?t ?[·•|] ?e", "wiki template links (view, talk, edit)"),
    (r"jump to (navigation|search|content|main content)( jump to (navigation|search))?", "skip link"),
    # A document viewer's page box ("Page [1] of 6": its number is an input) and its file's name as a title.
    (r"page\s*(of|/)\s*\d{1,4}", "navigation (a document viewer's page box)"),
    (r"[\w().,' -]+\.(pdf|docx?|odt|rtf|pptx?|xlsx?)", "the document's file name"),
    (r"(estimated )?(reading|read|listening|viewing) time\s*:?\s*(about |approx\.? )?\d{1,3} ?(min|mins|minutes)", "reading time"),
    # A page builder's counter: its number alone ("10,000+", "98%"), its label under it.
    (r"\d{1,3}(,\d{3})*(\.\d)?\s?(\+|%)|\d{1,3}(,\d{3})+", "counter (a number alone)"),
    # A course player's parts: its quiz counter and rules, its notes button, its lesson links, a lesson's kind and length.
    (r"(question|lesson|module|unit|step) \d{1,2} (of|/) \d{1,2}|true or false\s*[:?].{0,200}|attempts allowed\s*:.{0,80}|(save|add|edit) (a |my )?notes?|"
     r"((text|video|audio|reading|interactive)( and | with |, | & | )){1,3}(lesson|module|activity|unit)( with (text|video|audio|a quiz|transcript))?"
     r"( [·|•,-] (about |approx\.? |around )?\d{1,3} ?(min|mins|minutes))?", "the course's quiz or lesson details"),
    (r"(review|revisit|repeat|back to|go to|see)\s*:? (lesson|module|unit|chapter) \d{1,2}\b.{0,60}", "navigation (course lessons)"),
    # A slide deck's notes for whoever gives the class ("**Speaker notes:**"): the label; what follows
    # is the talk's words, kept, but for the lines addressed to the presenter (clean).
    (PRESENTER_NOTES_LABEL, PRESENTER_NOTES),
    (r"(hide|skip|close|report)( this)? ads?|advertisement|sponsored|ad|from our (partners|sponsors)|partner (offers?|content)|"
     r"paid (content|partnership)", "advertisement"),
    (r"\d{1,2}:\d{2}( ?[·|•-] ?auto-?play( is)?( on| off)?)?", "video player"),  # "2:14 · Autoplay On": a clip's length
    (r"get a (free )?quote|request a (free )?quote", "enquiry form"),
    # A price or finder widget's field and button: "ZIP code", "Compare prices".
    (r"(your |enter (your )?)?(zip|postal|post) ?code|postcode|compare (drug )?prices", "form field or button"),
    (r"scan (the qr code |this code )?to (download|get the app|install)", "app promotion"),
    (r"rated \d(\.\d)? ?(★|stars?|out of 5)?( by [\d,.]+k?\+? (users|patients|reviewers|people))?", "app promotion"),
    (r"find (a|an|your)( nearest| local)? [\w -]{0,30}(doctor|specialist|consultant|oncologist|surgeon|hospital|clinic|"
     r"centre|center|service|location|pharmacy|practice|physician|provider|gp|facility|support group|trial)s?( near you)?",
     "navigation (a finder link)"),
    (r"(senior |chief |our )?(health|medical|science|news)? ?(columnist|correspondent|editor|reporter|writer)", "byline (role)"),
    (r"\d{1,2}:\d\d ?/ ?\d{1,2}:\d\d", "audio player"),
    (r"(text|font) size:?( ?a\+{0,2}-?)*|a-? ?a ?a\+", "accessibility and translation tools"),
    # A contact box's labels: "Appointment Hotline", "Closed on Sundays and Public Holidays".
    (r"(appointments?|booking|bookings|enquiries|general enquiries|main|patient) (hotline|helpline|line|number)s?|"
     r"closed on (sundays|saturdays|weekends|public holidays|bank holidays)( and (public|bank) holidays)?", "contact box label"),
    # A post's thanks, reply and follow buttons, and a Q&A site's counters: "Upvote · 402", "Reply ·
    # Upvote · 41", "View 11 shares", "9.7K views", "More answers below", an answer's age alone ("2y").
    (r"((thank|thanks|helpful|share|report|reply|like|follow|restack)( \(\d+\))?\s*){2,}|thank|thanks|helpful|reply|restack|"
     r"\+ ?follow|follow( this question)?|unfollow|report this (article|post|comment|answer|story|page)|"
     r"((upvote|downvote|share|comment|reply|answer)s?( ?[·|•] ?|\s+))*(upvote|downvote|share|comment|reply)s? ?[·|•] ?[\d.,]+k?|"
     r"view [\d.,]+k? (more )?(upvotes?|shares?|comments?|answers?|replies|reposts?)|"
     r"[\d.,]+k? (views|upvotes|shares|followers|answers)|more answers below|"
     r"\d{1,2} ?(y|yr|mo|w|d|h)", "answer and comment buttons"),
    (r"top highlight", "readers' highlight label"),
    # A profile's badges beside the writer's name: pronouns ("She/Her"), a network's degree ("• 3rd+").
    (r"(she|he|they|ze|xe)\s?/\s?(her|hers|him|his|them|theirs|zir|xem)(\s?/\s?\w+)?|3rd\+|(1st|2nd|3rd)( degree)? connection",
     "author card (pronouns or connection degree)"),
    (r"(season|series) \d{1,2} ?[·|•,-]? ?(episode|ep\.?) ?\d{1,3}|(episode|ep\.?) \d{1,3}", "a recording's episode label"),
    (r"previous ?next|prev ?next|(browse|view|see|show) all( [\w'’-]+){0,3}", "navigation link"),
    # A story's teaser set between the article's paragraphs: "Patient story: "I kept walking the dog ..."
    # – Martin shares his experience of immunotherapy".
    (r"(patient|real|personal|member|survivor|caregiver|carer)('s|’s|s'|s’)? stor(y|ies)\s*[:–—-]\s*.{0,200}"
     r"\b(shares|tells|talks about|describes|explains|reads)\b.{0,150}", "link to a patient's story"),
    (r"subscribe ?sign ?in|sign ?in ?subscribe|comments ?restacks|top ?latest ?discussions", "newsletter form"),
    (r"(over |more than )?[\d,.]+k? (subscribers|followers|readers)", "newsletter form"),
    (r"ask (us )?a question|(how )?to reach us|send (us )?a message", "contact block"),
    (r"((previous|next|prev) (image|slide|photo)\s*){1,2}|\d{1,2} ?(/|of) ?\d{1,2}", "image carousel controls"),
    (r"ask (the|an|our) (expert|doctor|nurse|pharmacist)s?|expert q ?(&|and) ?a", "category label"),
    (r"home|home ?page|start|accueil|inicio|startseite|(main |open |close |toggle )?menu|menú|"
     r"(toggle )?navigation|skip (to (main )?content|navigation)|search( for| this site)?|"
     r"cerca|rechercher|buscar|suchen|site ?map|about( us)?|who we are|our team|news|blog|you are here|"
     r"search (this|our|the) (web ?site|site)|enlarge (the )?(image|photo|picture)|view larger( image)?|zoom in|"
     r"events|shop|donate|careers|jobs|press|advertise( with us)?|privacy( policy| notice)?|"
     r"cookies?( policy)?|terms( of (use|service))?|terms (and|&) conditions|legal( notice)?|"
     r"imprint|impressum|disclaimer|accessibility|download (the|our) app|back",
     "navigation menu"),
    (r"(read|show|load|see|view) (more|less|all)( \w+){0,2}|continue reading( below)?|"
     r"read (the )?full (article|story)|more|next|previous|prev|older posts|newer posts|"
     r"(next|previous|prev) (article|post|page|story)|"
     r"related( articles| posts| content| stories| topics| news| links)?|"
     r"you (may|might) also (like|be interested in)|recommended( for you| articles| reading)?|"
     r"(most )?popular( posts| articles| now)?|most read|latest (news|posts|articles)|"
     r"trending( now)?|" + _BACK_TO_TOP + r"|see also|"
     r"more from .+|more (\w+ ){0,2}(explainers|articles|stories|news|guides|posts|videos|features|podcasts)|"
     r"meet (all )?(of )?our (\w+ ){0,2}(team|consultants?|doctors?|specialists?|experts?|staff|nurses?|surgeons?|"
     r"oncologists?|physicians?|radiologists?|radiographers?)|"
     r"find an? (doctor|consultant|specialist|location|clinic)",
     "navigation link"),
    (r"(live )?chat( with us| now| online)?|(start|open) (a )?(live )?chat", "chat widget"),
    (r"book (an |a |your )?(online )?(appointment|consultation|visit|scan)( now| online| today)?|"
     r"(make|request) an? appointment", "booking button"),
    # A booking widget's free slots: a row of days or of times ("Mon 10 Mar  Tue 11 Mar", "9:00 am  2:00 pm").
    (r"((mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(day|sday|nesday|rsday|urday)?\.?,? \d{1,2}(st|nd|rd|th)?"
     r"( (jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]{0,6}\.?)?\s*){2,}|"
     r"(\d{1,2}([:.]\d{2})? ?(am|pm|a\.m\.|p\.m\.|h)\s*){2,}|(\d{1,2}:\d{2}\s+){1,}\d{1,2}:\d{2}",
     "booking widget (free slots)"),
    (r"(choose|select|pick) (a|an|your) (date|day|time|time slot|slot|appointment time)( and time)?|"
     r"(find|search|see|show|check) (available |free )?(appointments?|availability|slots|times)( now)?", "booking widget (free slots)"),
    # A form's drop-down with its chosen value and arrow ("Scan type: CT abdomen and pelvis ▾").
    (r"[\w' ]{2,30}: [^.!?]{1,60} ?[▾▼⌄]", "form (drop-down)"),
    # A page's own tour or video promoted on it ("Take a tour of our radiotherapy suite at ...").
    (r"(take|watch|book|join|start) (a|our) (virtual |video |online |guided |360° |3d )?(tour|walk-?through) of (our|the) .{1,60}",
     "link to a tour of the site's premises"),
    # A bookable service's card: its name, length and price ("Education session · 45 min · No charge").
    (r"([\w,'&()-]+ ){0,6}[\w,'&()-]+ [·|•] \d{1,3} ?(min|mins|minutes|hr|hrs|hours?)( [·|•] [\w $€£.,]{2,20})?",
     "booking widget (service)"),
    # A Q&A thread's controls: a vote counter between its arrows, an answer's badge.
    (r"[▲▼△▽↑↓⬆⬇]+ ?-?[\d,.]+k? ?[▲▼△▽↑↓⬆⬇]*|-?[\d,.]+k? ?[▲▼△▽↑↓⬆⬇]+", "vote buttons"),
    (r"sort(ed)? by|highest (score|rated)( \(default\)?)?|(newest|oldest|most recent|most helpful)( first)?",
     "answer list controls"),
    (r"[✓✔☑]? ?(accepted|best|top|verified|chosen) answer|(answer|reply|response) (from|by) an? "
     r"(verified|registered|certified|licensed|qualified)( [\w-]+){1,4}", "answer badge"),
    (r"page \d+ (of|/) \d+|(\d+ )+(next|previous|prev)?|(previous|prev) (\d+ )+(next)?",
     "pagination"),
    (r"play( video)?|pause( video)?|watch (the |our )?video|(view|read|show|hide|open)( the)?( video)? transcript|"
     r"(video |audio )?transcript( is)? (available|below)|video transcript|(un)?mute|full ?screen|captions?( on| off)?|"
     r"(captions?|subtitles?|cc)\s*:\s*[^\W\d_]+( ?[|/·,] ?[^\W\d_]+){0,6}|auto-?play( next)?( is)?( on| off)?", "video player"),
    (r"(expand|collapse|open|close|show|hide) all( sections| answers| questions)?( ?[|/] ?(expand|collapse|open|close|show|hide) all)?|"
     r"(tap|click|select|press|touch) (on )?(a|any|each|the|one) (heading|section|title|question|topic|item)s?( below| above)? "
     r"to (expand|open|show|see|read)( it| them| more| its text| the answers?)?|"
     r"(expand|collapse) (section|answer)|"
     r"show me (the|all|more) .{1,60}",
     "accordion control"),
    (r"(what|how) can we help( you)?( find| with)?( today)?|what are you looking for( today)?|"
     r"search (for |by |the |our )?([\w-]+ ){0,2}(doctors?|providers?|physicians?|specialists?|locations?|services?|"
     r"clinics?|jobs|site|library|topics|conditions|a-z)", "search box"),
    (r"share( this| it)?( (article|post|page|story))?|shares|share (on|to|via|with) \w+|tweet|pin( it)?|"
     r"print( this)?( (page|article))?|e-?mail this( (article|page))?|send to a friend|send (by|via) (e-?)?mail|"
     r"follow us( on \w+)?|like( this)?|like loading|condividi|partager|compartir|teilen|delen|"
     r"stampa|imprimer|imprimir|drucken|" + SOCIAL + r"( ?[|/·,]? " + SOCIAL + r")*|"
     r"share( this)?( (article|post|page|story))? ?:? ?((" + SOCIAL + r"|copy link|e-?mail|print)( ?[|/·,]? ?)){2,}",
     "share buttons"),
    (r"subscribe( now)?|sign up( now)?|newsletter|join( us| now)?|thank you for subscribing",
     "newsletter form"),
    (r"leave a (comment|reply)|post( a)? comment|add( a)? comment|submit( comment)?|reply|"
     r"cancel reply|\d+ (comments?|replies)|no comments( yet)?|comments?( [(\[]?\d+[)\]]?)?|"
     r"commenta|commenter|"
     r"comentar|kommentieren|(your |full |first |last )?name|surname|subject|"
     r"(your )?(e-?mail( address)?|website|message|phone( number)?|telephone)|(your )?mobile( phone)?( number)?|"
     r"select (your |a )?(city|country|state|location|hospital|speciality|specialty|department|doctor)|"
     r"send( (a|your))?( message| request)?", "comment or contact form"),
    (r"talk to (our|an?) (experts?|specialists?|doctors?|team)|speak (to|with) (our|an?) (experts?|specialists?)|"
     r"get a (free )?second opinion|request a (free )?(second opinion|cost estimate|quote|call ?back)", "enquiry form"),
    (r"(find out|learn|read|see) more", "navigation link"),
    (r"accessibility (tools|options|settings|menu)|immersive reader|translate( this)?( page| site)?|"
     r"(select|change|choose) (a |your )?language", "accessibility and translation tools"),
    (r"log ?in|sign ?in|log ?out|sign ?out|register|create (an )?account|my account|account|"
     r"password|user ?name|forgot(ten)? (your )?password|(reset|lost) (your )?password|"
     r"remember me|accedi|registrati|password dimenticata|se connecter|connexion|s'inscrire|"
     r"mot de passe oublié|anmelden|registrieren|passwort vergessen|iniciar sesión|registrarse",
     "login dialog"),
    (r"close|chiudi|fermer|schließen|cerrar|ok|okay|cancel|annulla|annuler|icon|icona|icône|"
     r"go|accept( all)?|decline|reject( all)?|dismiss|got it|i agree|agree|continue|yes no|yes|no|"
     r"(yes|no),? (please|thanks|thank you)",
     "dialog button"),
    (LANGUAGE + r"( ?[|/·] ?" + LANGUAGE + r")*|english version|in english|"
     r"versione (in )?(italiano|italiana|inglese)|version (en )?(française|français|anglaise)|"
     r"deutsche version|versión en (español|inglés)|"
     # "Leer en español", "Lea esta página en español", "Read this page in English"
     r"(leer|lea|ver|vea|read|view|lire|leggi|lesen|lies)( (esta|this|cette|questa|diese) (página|pagina|page|seite|"
     r"article|artículo|articulo|articolo))? (en|in|auf) (english|inglés|ingles|español|espanol|français|francais|"
     r"italiano|deutsch|português|portugues)",
     "language switcher"),
    (r"loading|loading,? please wait|please wait|caricamento( in corso)?|chargement( en cours)?",
     "loading message"),
    (r"editor'?s (choice|picks?).*|featured( articles?| posts?)?|sponsored( content)?|"
     r"partner content|categor(y|ies)|tags?|uncategori[sz]ed", "category label"),
    (r"sent from my ([\w-]+ ){0,2}(iphone|ipad|android|phone|mobile|tablet|galaxy|blackberry|device)|"
     r"get outlook for (ios|android)", "e-mail signature"),
    (r"(hi|hello|dear|good (morning|afternoon|evening))( [\w'’&-]+){0,3},?", "greeting (a letter's salutation)"),
    (r"on .{5,100} wrote:?", "quoted message's attribution"),
    (r"download original(\s+(–\s+)?copy to clipboard)?|copy to clipboard", "navigation (the message's tools)"),
    # A chat assistant's shared conversation: who speaks ("You said:", "Veyra said:") and what it did
    # before answering ("Thought for 8 seconds", "Searched 4 sites").
    (r"search in (video|transcript)", "form (search box)"),
    (r"you said:?|[\w-]+ said:|(thought|reasoned) for \d+ (seconds?|s|minutes?|min)|searched \d+ (sites?|sources?|pages?|web pages?)",
     "the chat's labels (who speaks, what it did)"),
    # A signature's working days: "Working days Mon-Wed", "Working days: Tuesday to Friday".
    (r"(my |our )?working (days|hours)\s*:?\s*(mon|tue|wed|thu|fri|sat|sun)\w*\.?"
     r"(\s*([-–]|to|and|&)\s*(mon|tue|wed|thu|fri|sat|sun)\w*\.?)?", "contact: working days"),
    (r"\d+(\.\d+)? ?(k|kb|mb)", "attachment details (its size)"),
    (r"(reading time:? )?\d+ (min|minutes?)( read)?|(time needed|time to complete|estimated time|duration)\s*:?\s*"
     r"(about |around |approx\.? |up to )?\d+(\s*(-|–|to)\s*\d+)? (min|mins|minutes?|hours?)", "reading time"),
    (r"[$£€]\s?\d[\d.,]*( (at|from) [\w&'’. -]{2,30})|(buy|shop) (now|it|here)( (at|on|from) [\w&'’. -]{2,30})?|check (the )?price",
     "shopping (a product's price)"),  # "$39 at Amazon"
    (r"(start |view |open |see )?(the )?(slideshow|slide show|photo gallery)|(view|open|see) (the )?gallery|"
     r"(next|previous|prev) (slide|photo|image)|"
     r"slide \d+ of \d+", "slideshow"),
    (r"(was|is) this (article|page|information|content) (helpful|useful)|rate this (article|page|post)|"
     r"did you find this (article|page|information) (helpful|useful)|did you find what you (were|are) looking for|"
     r"(was|is) this (handout|leaflet|guide|booklet|video|answer|chapter) (helpful|useful)"
     r"|(was|is) this (article|page|information|content|handout|leaflet|guide) (helpful|useful)\?( +(yes|no)){1,2}",
     "feedback widget"),  # "Was this page helpful?  Yes  No": the question with its buttons
    # The heading over a box of links to other pages: "Related patient education", "Related information".
    (r"related (patient |health )?(education|information|content|articles?|pages?|topics?|resources?|links?|"
     r"reading|conditions|treatments|services|guides|leaflets)", "navigation (related links)"),
    # A library guide's or blog's subject list: "Subjects: Consumer Health, Nursing, Public Health".
    (r"(subjects?|topics?|categories|filed under|tagged( with)?)\s*:\s*[^.!?:,]{1,40}(, ?[^.!?:,]{1,40})+",
     "category label"),
    # A contents box's title with its toggle ("**In this post** [hide]", "Table of contents [show]").
    (r"(in this (post|blog post|story|article|page|guide)|(table of )?contents|on this page)\W*(\[?(hide|show|toggle)\]?|"
     r"\(?(click|tap) to (open|expand|show)\)?)",
     "contents or page label"),
    (r"(story|article) continues (below|after) (this |the )?(advertisement|ad)", "advertisement"),
    # What a site says about its own pages: their contents, who they are for, how to print them.
    (r"on this page|(in|inside) this (article|leaflet|guide|booklet|page|section|factsheet|fact sheet|information|sheet|handout|faq|"
     r"document|chapter|issue|edition|newsletter|e-?mail|bulletin|lesson|module|unit|course|session|class|webinar)"
     r"( you (can|will) (find|read)( information)?( about)?)?|(page |table of |topic |test |article |guide |section |leaflet |booklet |chapter )?contents|what('s| is) in this (document|leaflet|booklet|guide|page)|jump to( a)? section|"
     r"today['’]?s (topics|class|session|talk|workshop|webinar|lesson)|in this (talk|presentation|workshop)|"
     r"what (we|i)('ll| will) (cover|talk about|look at|be covering)( today)?|(class|session|talk|lesson|course|workshop) "
     r"(outline|overview|agenda|plan)|learning (objectives|outcomes|aims)|"
     r"index|summary of contents|"  # a translated page's contents box ("Índice")
     r"today['’]?s topics|by the end of this (lesson|module|unit|course|session|class|page|leaflet|guide|video),? you (will|should) "
     r"(know|understand|be able to|have learned)( about| how to)?|"
     r"(what )?you will (learn|find|read)( about)?|(information|advice) for (patients|carers|families)"
     r"( and (carers|families|visitors))?|patient information( leaflet| sheet)?|"
     r"(participant|patient|study) information (sheet|leaflet)( and (informed )?consent form)?",
     "contents or page label"),
    (r"(download|print|save)( this| the| our)?( page| leaflet| guide| article| booklet| information)?"
     r"( as( a)?)? pdf( \(.*\)?)?|print ?/ ?save( as)? pdf|download( this| the)? (leaflet|guide|booklet)"
     r"( \(.*\)?)?", "print or download link"),  # "(PDF, 120 KB)": its ")" is stripped as an edge
    (r"contacts?( us| information| details)?|contatti|contattaci|kontakt|contactos?|"
     r"contactez-nous|nous contacter|get in touch|(where to )?find us|(our )?address|indirizzo|"
     r"adresse|opening (hours|times)|surgery hours|our hours|hours of operation|headquarters|head office|"
     r"registered office|sede( legale)?",
     "contact block"),
    # A bulletin's masthead line: "Issue 27 - February 2026", "Vol. 3, No. 2 · Spring 2025".
    (r"(issue|vol(ume)?\.?|no\.|number|edition) \d{1,4}(,? (issue|no\.?|number) \d{1,4})?"
     r"( ?[-–,·|] ?((january|february|march|april|may|june|july|august|september|october|november|december|"
     r"spring|summer|autumn|fall|winter) )?\d{4})?", "masthead (the issue of a bulletin)"),
    # The organisation's own pages, as a heading or a link: "Our mission", "Our story", "Our values".
    (r"(our|about our) (mission|vision|values|story|history|heritage|mission and values|mission,? vision and values)",
     "about the organisation"),
    # A web archive's toolbar over a saved page: its calendar's months, its capture links.
    (r"((jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)( – | ))+(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)"
     r"|((19|20)\d\d – ){2,}(19|20)\d\d|(previous|next|prev) capture( – \d{1,4})?( – (previous|next|prev) capture)?|\d{1,4} captures?( – .{0,60})?",
     "web archive toolbar"),  # a table's cells come as "a – b"
    # An index of the site's pages: "Patient leaflets A to Z", "A-Z of conditions".
    (r"([\w'’ -]{1,40} )?a ?(to|-|–) ?z( (of|index)( [\w'’ -]{1,30})?)?", "navigation (an index of pages)"),
    # A page's own producers: "Produced by: the Acute Oncology Nurse Specialists".
    (r"(produced|prepared|compiled|written|authored|elaborated|drawn up|drafted) by\s*:.{1,160}", "credits (who produced the page)"),
    # A picture the saved copy lost: "[Image not archived: a nurse with a patient]", "[Image: ...]".
    (r"(image|picture|photo|graphic|illustration|diagram|video)( not archived| missing| unavailable| not available"
     r"| not loaded| removed| could not be loaded)(:.{0,200})?", "image (a placeholder where it was)"),
    # A health library's catalogue line: "Treatments & Procedures · Article 22714", "Document ID: 4031".
    (r"([^.!?·|]{1,60} [·|] )?(article|document|doc|content|leaflet|publication|page|item) ?(id|no|number|ref|reference)?"
     r"[:.]? ?#?\d{3,}( [·|] [^.!?·|]{1,40})?", "page label (its catalogue number)"),
    # Links to the page in another form: "Easy Read version", "Other formats and languages",
    # "This decision aid in other languages:".
    (r"(an? )?(easy ?read|large print|braille|audio|plain text|printer[- ]friendly|accessible|text-only) "
     r"(version|format|copy)( of this [\w ]{1,20})?|other (formats|languages)( (and|or|&) (formats|languages))?|"
     r"(this|the) [\w ]{1,30} (in|into) (other|another|more) (languages?|formats?)\s*:?", "other formats of this page"),
    # A tool's own buttons and a rating scale's labels, as a decision aid or a survey prints them.
    (r"(clear|reset|save|print|e-?mail|review|change|delete) (my|your|all) (answers|responses|choices)", "form field or button"),
    (r"((not (at all |very )?|somewhat |fairly |quite |very |extremely )important\s*){2,}|"
     r"((strongly )?(dis)?agree|neither agree nor disagree|neutral|not sure\s*){3,}", "form (a rating scale's labels)"),
    # A commenter's badges on a forum: "Oncology RN (verified)", "Top 1% Commenter".
    (r"[\w .&/-]{2,40} \((verified|verified professional|verified member)\)?|top \d{1,2}% (commenter|poster|contributor)",
     "a commenter's badge"),
    # A page's tools and a video's notes, as a browser's translation words them: "Go up",
    # "Download in PDF (268 KB)", "Subtitles available in Spanish and English".
    (r"go (up|to (the )?top)|up to (the )?top", "navigation link"),
    (r"download( this| the)?( page| guide| leaflet| document)?( in| as)? (pdf|word)( \(?[\d.,]+ ?[kmg]b\)?)?",
     "print or download link"),
    (r"(subtitles?|captions?|closed captions?) (are )?(available )?in [\w ,]{2,40}", "video player"),
    # A social post's details: when it went out and to whom ("3 February at 09:00 · Shared with Public").
    (r"(\d{1,2} " + _MONTH + r"|" + _MONTH + r" \d{1,2})(,? \d{4})? at \d{1,2}[:.]\d{2}( ?[ap]m)?|"
     r"shared with (public|friends|everyone|your network)", "post details (who asked or answered, and when)"),
])

# Phrases that mark a line as furniture wherever they occur in it (matched on folded text).
ANYWHERE = _rules([
    # A forum answer's writer introduces themselves: "Oncology nurse here, 14 years on a chemo day unit ...".
    (r"(^|[.!?] )((oncology|onc|chemo|chemotherapy|radiotherapy|radiation|day unit|ward|cancer|specialist|staff|senior|"
     r"retired|former|practice|clinical|research|breast care|district|community|icu|a&e|er|registered|imaging|hospice)[ -]?){0,3}"
     r"(nurse|doctor|oncologist|radiographer|pharmacist|rn|np|physician|dietitian|radiotherapist|therapist|gp|surgeon|"
     r"medic|radiologist|technologist)s? here( too| myself)?(,|\.|!| and\b| -| –)", "the writer introduces themselves"),
    # Directions to a building: "Car park C is closest to the Imaging entrance."
    (r"^(car park|parking|multi-storey|garage|lot) [a-z0-9]{1,3} is (the )?(closest|nearest)\b|"
     r"^the (closest|nearest) (car park|parking( lot)?|entrance|bus stop) (to|for) (the )?[\w -]{1,30}(is|are)\b",
     "contact: directions"),
    # The offer of the page in another form: "If you would like this information in large print, Braille,
    # audio or another language, please call ...".
    (r"\b(information|leaflet|booklet|document|page|guide)s? (is |are )?(also )?(available )?in (large print|braille|audio|"
     r"easy read|another language|other languages|an? (alternative|different|other) formats?)\b|"
     r"\blarge print\b.{0,40}\b(braille|audio|easy read|another language|other languages)\b", "other formats of the page"),
    # Whoever saved the page wrote on it: "**My note (JM, 16/9):** TODO check with Dr ...", "Clip note: ...".
    (r"(?-i:\bTODO\b)|^(my|clip|clipping|clipper'?s?|reader'?s?) notes?\b[^:.!?]{0,30}:", "a note on the saved page (not the page's)"),
    (r"^cookies on \S+$|\b(this|our) (web ?site|site|portal) uses cookies|\bwe use cookies\b|"
     r"\buses? (technical |third[- ]party )?cookies\b|\bcookies? (policy|settings|preferences|consent|banner|"
     r"notice|statement)\b|\bcookies on (the|this|our)\b|\b(set|use|store|place)s? (some )?(\w+ )?cookies (to|that|on|so)\b|"
     r"\b(accept|reject|allow|decline|refuse|essential|analytics|analytical|optional|necessary|functional|"
     r"marketing|advertising|performance|tracking|third[- ]party)( \w+)? cookies\b|"
     r"\baccept (all )?cookies\b|\bby (continuing to (browse|use)|using) (this|our) (web ?site|site)\b|"
     r"\bwe (value|respect|care about) your privacy\b|\bcookies? (on|to) your (device|computer|browser)\b|"
     r"\b(use|set|save|store) a cookie\b|\bmanage (consent|cookies|preferences)\b|"
     r"\bprivacy policy\b|\bterms of (use|service)\b|\brecaptcha\b", "cookie or privacy banner"),
    # A book's own apparatus: its citation ("... Patients and Families [Internet]. Second edition."),
    # what changed in the update, a pointer to another chapter, an author's affiliation.
    (r"\[internet\]\.|^what'?s new in this (update|version|edition|revision)\b|"
     r"\b(is|are) (covered|described|explained|discussed) (in|under) (chapter|section|part) \d{1,2}\b|"
     r"^(there is|there's|you can find|you('ll| will) find|read) more (information |advice )?(about|on) [^.]{1,100} in "
     r"(chapter|section|part)s? \d{1,3}(,? and [^.]{1,100} in (chapter|section|part)s? \d{1,3})?\.?$|"
     r"^((for|about|on) [^.]{1,80}, see (chapter|section|part|page)s? \d{1,3}( and \d{1,3})?\.?\s*)+$|"
     # A book's note on its glossary: "Words shown like this are explained in the Glossary on page 154."
     r"^(words?|terms?)( that are| which are)? (shown|printed|written|marked|underlined|highlighted|in bold)\b[^.]{0,40}"
     r"\b(explained|defined|listed)\b[^.]{0,40}\bglossary\b|"
     r"^[^\W\d_][\w.'’-]*( [^\W\d_][\w.'’-]*){1,3}: (department|division|school|faculty|institute|cent(re|er)|unit) "
     r"(of|for) [^.,]{2,60}(, [^.,]{2,60}){1,4}\.?$",
     "the book's citation, updates and cross-references"),
    # Another page's teaser, cut short with a link to the rest ("... while MRI gives more... (more)").
    (r"(\.\.\.|…)\s*[(\[]?(more|read more|see more|continue reading|show more)[)\]]?\s*$", "link to another article (its teaser)"),
    (r"\bthis (discussion|forum|thread|board|group|conversation) is (moderated|monitored|checked)\b|"
     r"\b(answers?|replies|responds?) (to )?questions in this (forum|discussion|thread)\b", "discussion prompt (the site's forum)"),
    (r"\b(pop|put|drop|enter|type|leave) your e-?mail( address)? (in|below|here)\b|^send me (the|my|a|your) \w+$|"
     r"^free (printable|download|guide|checklist|e-?book|pdf)\b|"
     r"^(?=.{0,140}$)[^.!?]*\bnewsletters?\b|\b(sign up|subscribe|join|register)( to| for)? (our|the|my|a) ([\w-]+ ){0,2}newsletter|"
     r"\bsubscribe (to|for|now)\b|\bsign up (for|to) (our|the|free)\b|"
     r"\bjoin our mailing list\b|\bunsubscribe\b|\binbox\b|^our mailing address is\b", "newsletter form"),
    # An e-mail's merge tag, left in the saved copy: "Dear <<First Name>>,", "Hi *|FNAME|*,".
    (r"^(?=(\S+\s+){0,7}\S*$).*(<<[a-z][a-z _]*>>|\*\|[a-z_:]+\|\*|\{\{\s*[a-z_.]+\s*\}\}|%%[a-z_]+%%)", "e-mail merge tag"),
    # A series' label with its number: "TREATMENT IN FOCUS · No. 9", "Patient stories · Part 3".
    (r"^[\w' -]{3,40} [·|•] (no\.?|number|issue|part|vol\.?|volume) ?\d{1,3}$|"
     # ... and a class's: "Chemotherapy School · Patient Education Class"
     r"^[\w' &-]{3,40} [·|•] (patient |family |carer )?(education|information|teaching|support) "
     r"(class|session|course|programme|program|evening|day|webinar|workshop)$", "series label"),
    (r"\b(i|we) (can't|cannot|can not|am not able to|are not able to|am unable to|are unable to|don't|do not) "
     r"(give|provide|offer)( you)? (any )?(medical|personal|individual|clinical)( \w+)? advice\b",
     "chat widget (it gives no medical advice)"),
    (r"\byour e-?mail( address)? will not be published|\brequired fields are marked|\bakismet\b|"
     r"\breduce spam\b|\bcomment data is processed\b|\bleave a (comment|reply)\b|"
     r"\bsave my name,? e-?mail\b|\bnotify me of (new|follow-up) (comments|posts)\b|"
     r"\bmust be logged in to (post|comment)\b|\bcomments are closed\b|\bpost comment\b|"
     r"\b(tell|let) (me|us) (know )?in the comments\b|\b(i'd|i would|we'd|we would) (love|like) to hear( \w+){0,3} in the comments\b|\bshare your (experience|story|stories|tips?) (below|in the comments)\b|"
     r"\b(do not|don't|please do not) (include|enter|share|give|write) (any )?(personal|medical|health|identifiable)\b|"
     r"^thanks?( you)? for your (answer|feedback|response|rating|comment)s?\b|"
     r"\b(we|you) (cannot|can't|will not|won't) (reply|respond|receive a reply)\b|"
     r"\bwhat you think (of|about) (this|our) (leaflet|page|information|website|site|service)\b|\bfeedback form\b",
     "comment form"),
    (r"\bforgot(ten)? (your )?password\b|\b(reset|lost) (your )?password\b|\blogin credentials\b|"
     r"\bremember me\b|\b(log|sign) in to (your|continue|comment|post|read)\b|"
     r"\bdon'?t have an account\b|\busername or e-?mail\b|\benter your (e-?mail|username)\b|"
     r"^(password dimenticata|mot de passe oublié|passwort vergessen)", "login dialog"),
    (r"^share (this|on)\b|\bclick to (share|print|e-?mail)\b|^print this page\b|\bshare (this page )?by e-?mail\b|"
     r"\]\(mailto:\?(subject|body)=|"
     r"\bshare on (facebook|twitter|x|linkedin|whatsapp|pinterest)\b|^follow us\b|"
     r"\bopens in (a )?new (window|tab)\b", "share buttons"),
    (r"^(tags|tagged|categories|category|filed under|posted in)\b\s*:?\s", "category label"),
    (r"^advertisement\b|^sponsored\b|^(ads?|advertising)\s*[:\-–]", "advertisement"),
    (r"^(read|see) (also|next)\b|^also (read|see)\b|^(read|see) more\s*[:»›]|^read more (about|on)\b|^(leggi|vedi) anche\b|"
     r"^(lire|voir) aussi\b|^(previous|next|prev)( (article|post|story|page|section|chapter))?\s*[:›»]\s*\S[^.!?]*$|"
     r"^read (about|on)\b[^.!?]*$|^(find out|learn|read) more (about|on)\b[^.!?]*$|^(learn|find out) more\s*[:»›]\s*\S[^.!?]*$|"
     r"^(learn|find out|read|see|explore|discover|view|check|get)\b[^.!?]{2,80}\s[›»→]$|"  # "Learn about sliding fees ›"
     r"^([\w ]{1,30}:\s*)?(find|search for|locate) (a|an|your) [\w ,&-]{1,40} (near you|in your area)$|"
     r"^related( articles?| posts?| stories| reading)?:|^(main articles?|further information)\s*:|"
     r"^(learn|find out|read|see|visit|go to)\b[^.]{0,100}\b(our|the) [\w ,&'’()-]{2,60} (page|article|guide|section)\W*$",
     "link to another article"),
    (r"\(c\) ?\d{4}|\bcopyright\b|\ball rights reserved\b|\btutti i diritti riservati\b|"
     r"\btous droits réservés\b|\balle rechte vorbehalten\b|\btodos los derechos reservados\b",
     "copyright notice"),
    (r"^\W*(photo|photograph|image|picture|pic|foto|illustration)s?( credits?)?\s*(:|by\b)|"
     r"[.!?]\s+(photo|photograph|image|picture|foto)s?( credits?)?\s*:|(^\W*|[.!?]\s+)credits?\s*:|"
     r"\b(photo|image|picture)s? courtesy\b|\bcourtesy of\b|\b(getty( ?images)?|"
     r"shutterstock|istock(photo)?|adobe ?stock|freepik|unsplash|pexels|alamy|dreamstime|"
     r"depositphotos|123rf|science photo library)\b", "photo credit"),
    (r"^(fig\.|figure|table|chart|diagram) ?\d+\s*[:.]|^(figure|chart|diagram|infographic|graphic)\s*[:.]\s|^alt( text)?\s*:|"
     r"^caption\s*:", "image caption"),
    (r"^(also )?(read|view|available|see) ((this|it|this page) )?in\s*:", "language switcher"),
    # A footnote that cites a source; one that explains a word in a sentence of its own ("[^1]: A PICC
    # line is a long, thin tube ...") is the article's.
    (r"^\[\^\w+\]:(?!\s+(a|an|the|this|these|some|your|you|it|if|most|many|there|when|for example)\b"
     r"(?!.*(https?://|www\.|\bdoi\b|\bet al\b|\(\d{4}\)|\b(19|20)\d\d\b)))", "reference list (footnotes)"),
    (r"\b(order|download)( or (order|download))? (our|a|the) free (guide|booklet|leaflet|fact ?sheet|information pack)\b|"
     r"^free (booklet|guide|information pack)$", "download offer"),
    (r"^(read|watch|hear|listen to) ([\w-]+['’]s?|more|other|our|their)( [\w'’-]+){0,3} (stor(y|ies)|experiences?|journeys?)\W*$",
     "link to another article"),
    (r"\b(get|print|use|show) (a |your |this )?(free )?(coupon|discount card|savings card)\b|"
     r"\b(lowest|retail|cash|coupon|discount(ed)?) price\b[^.]{0,30}[$£€]\s?\d|[$£€]\s?\d[\d.,]*\s+(get|view|see) (free )?(coupons?|deals?)\b|"
     r"\bself-pay\b[^.]{0,60}\b(start|starting|from)\b[^.]{0,10}[$£€]\s?\d", "price comparison (the site's shop)"),
    (r"\b(right to|entitled to) (an? )?(free |professional )?interpreter\b|^if you need an interpreter\b(?![^.]{0,10}\bor\b)|"
     r"\binterpret(er|ing) (service|services) (is|are) (free|available)\b", "the hospital's interpreter service"),
    (r"^\d+ (clinical )?(trials?|studies) (is|are) (open|recruiting|available)\b|"
     r"^there (is|are) \d+ (open |recruiting )?(clinical )?(trials?|studies)\b", "trial finder box"),
    (r"^(car )?parking\s*:|^(show|view|open|see) (it )?(in|on) (a |the )?map\W*$|^get directions\W*$|"
     r"\b(building|block|wing) [a-z0-9]{1,2}, (ground|first|second|third|\d+(st|nd|rd|th)) floor\b",
     "directions and parking"),
    (r"\b(call|phone|ring|contact us|lines are open)\b[^.]{0,40}\bbetween \d{1,2}([.:]\d\d)?\s*(am|pm|a\.m\.|p\.m\.)? "
     r"and \d{1,2}([.:]\d\d)?|^(we are |the (office|clinic|unit|department|centre|center) is )?closed (on|at|over|during) "
     r"(public|bank|national) holidays\b|"
     # "The Ask a Nurse chat is for non-urgent questions and is staffed Monday to Friday, 9am to 5pm."
     r"^(?!.*\b(if|when|unless)\b).*?\b(is|are) (staffed|answered|monitored)\b[^.]{0,20}"
     r"\b(monday|mon|weekdays)\b[^.]{0,30}\b\d{1,2}([.:]\d\d)? ?(am|pm|a\.m\.|p\.m\.)|"
     # A team's name with its hours ("Radiotherapy Review Team (Monday to Friday, 8.30am to 5pm)"), a
     # number's hours as its label ("Evenings, weekends and bank holidays: 24-hour Advice Line ...").
     r"^[^.()\d]{3,60}\((monday|mon|weekdays)\b[^)]{0,30}\d{1,2}([.:]\d\d)? ?(am|pm)[^)]*\)\W*$|"
     r"^\W*(evenings|weekends|nights|out of hours|after hours)(,? (and )?(weekends|bank holidays|public holidays|nights|"
     r"evenings))*\s*:", "contact: hours, address or portal"),
    (r"\bsign up (for|to) [^.]{0,40}\b(our )?(free )?((monthly|weekly|fortnightly|quarterly) )?(e-?mail|newsletter|"
     r"e-?newsletter|bulletin)\b", "newsletter form"),
    (r"^(>\s*)?[\"“„«].{10,}[\"”»]\s*[–—-]\s*\w", "testimonial (a quote signed by its writer)"),
    (r"\bwe (typically|usually|normally|aim to) (reply|respond|answer)( to \w+)? within\b|"
     r"\b(virtual|digital|online) assistant\b|\bchat ?bot\b", "chat widget"),
    (r"^(powered by|website by|site by|web design by|designed (and built )?by)\b", "site credit"),
    # A Q&A answer's author card: credentials and followers ("Consultant radiologist (FRCR) · 6.8K followers").
    (r"[·|•] [\d.,]+k? followers?$", "author card (credentials and followers)"),
    (r"^originally answered\s*:", "post details (who asked or answered, and when)"),
    # A box's question and the site's offer: "Looking for a specialist? Search our doctors.",
    # "Need to change your appointment? Call Bookings on ...". Advice says "call your nurse".
    (r"^[^.!?]{3,80}\?[*_]*\s+(please\s+)?(call|phone|ring|contact|talk to|speak (to|with)|search|find|book|schedule|request|read|see|watch|download|sign in|log in|subscribe|"
     r"visit|explore|browse|learn more|sign up|get in touch|ask|chat|email|join|attend|register|enrol|enroll)\b(?! (your|you|the person|a doctor|"
     r"a pharmacist|999|911|112|000|111)\b)|"
     r"^call us (today )?to (set up|book|schedule|arrange|make|request) (a|an|your) (visit|appointment|consultation|"
     r"call|time)\b|^call us (today )?and (a member of )?(our|the) (team|nurses|staff|schedulers)\b|"
     # "Need to move your scan, or not sure how to prepare? Our schedulers can help."
     r"^[^.!?]{3,80}\?[*_]*\s+(our ([\w ]{1,30} )?(team|schedulers|nurses|staff|coordinators?|navigators?|desk) (can|will|are "
     r"(happy|glad) to) help|we can help|we('re| are) here to help|we can (coordinate|arrange|book|organi[sz]e)\b)\b",
     "call to action"),
    (r"^(video|watch|listen)\s*:|^in this video\b", "video player"),
    (r"^scan (the|this|our) qr ?code\b", "QR code (a link printed on paper)"),
    (r"^\W*(visiting|visitor) (hospital|information|restrictions|hours|update)\W*:|\bmasks? (are|is) (now )?(recommended|required)\b|"
     r"\bwe are (currently )?(looking for|recruiting) (participants|volunteers|patients)\b|"
     r"^\W*((service|site|website|clinic|hospital|system) (update|alert|notice|disruption|closure|changes?)|"
     r"(planned|scheduled|system) (maintenance|outage|downtime))( [–—-] [^:.]{1,60})?\W*:", "site alert"),
    (r"^((mon|tue|wed|thu|fri|sat|sun)[a-z]*s?|weekdays|weekends|daily|every day)\b[^.]{0,40}?\b\d{1,2}([:.]\d\d)?\s*"
     r"(a\.?m\.?|p\.?m\.?)?\s*(to|-|–)\s*(\d{1,2}([:.]\d\d)?\s*(a\.?m\.?|p\.?m\.?)?|noon|midnight)", "opening hours"),
    (r"\b\d(\.\d)? (from|out of|based on) [\d,]+ (google |patient |customer )?reviews\b|★{3,}|"
     r"\b[\d,]+ (opinions|reviews|ratings|consultations) (given|written|completed)\b|^(star|★|⭐)\s*\d(\.\d)?\s*[·|•]",
     "testimonials"),
    # An app's help page tells which menus to open: "Go to Profile > Care partners > Invite."
    (r"\b(in|under|from|open|go to|tap|select|click|choose)\s+[a-z][a-z' -]{1,25} > [a-z][a-z' -]{1,25}",
     "the app's instructions (its menus)"),
    (r"\backnowledge the traditional (owners|custodians)\b|\backnowledges? (that )?(we|it) (live|lives|work|works) on\b",
     "land acknowledgement"),
    (r"^\W*((expert|medical|clinical|content|editorial) ){0,2}reviewers?\W*:", "the page's reviewers"),
    (r"^([\w'’&,-]+ ){1,6}since (1[6-9]|20)\d\d$", "site tagline"),  # "Caring for our neighbors since 1952"
    (r"\bbulk[- ]bill(ing|ed)\b|\bno one (is|will be) turned away\b|\b(because of|for) (an )?inability to pay\b|"
     r"\bsliding[- ](fee )?scale\b", "the clinic's prices and insurers"),  # a community clinic's fee policy
    (r"\bgeneral in nature\b|^(this|the) (faq|leaflet|handout|guide|sheet) is (for )?general information\b|"
     r"\b(this|it) is (only )?general information,? (and )?not (medical |personal )?advice\b", "disclaimer"),
    (r"\b(questions|things) (patients|people|families)( and [\w ]{1,20})? ask (us )?(most often|most|about)\b|^the answers below\b",
     "about this page"),
    (r"\bcompl(y|ies) with applicable (federal )?civil rights laws\b|\bdoes not (discriminate|exclude people or treat them "
     r"differently) on the basis of (race|color|colour)\b", "non-discrimination notice"),
    # A dated notice in a bold label: "**Scanner upgrade 7–11 April:** ...", "**New from May:** ...".
    (r"^(\*\*)?[^*:]{0,60}\b(\d{1,2}([–-]\d{1,2})? " + _MONTH + r"|" + _MONTH + r" \d{1,2}|from " + _MONTH + r")\b[^*:]{0,40}:\*\*",
     "site alert"),
    (r"\b(industrial|strike) action\b|\bload[- ]shedding\b|\bpower (cuts?|outages?)\b|"
     # A city's or a region's notice: "Heat advisory in effect through Sunday. Cooling centers ..."
     r"\b(advisory|warning|watch|emergency) (is )?(now )?in effect (through|until|from|for)\b|\bcooling cent(er|re)s\b|"
     r"^notice\s*:.*\b(construction|parking|entrance|closed|closure|relocat\w*|moved|weather)\b", "site alert"),
    # An intranet post's word to the staff who hand the leaflet out: "For staff: this post carries ...".
    (r"^((a )?note )?(for|to) (staff|colleagues|clinicians|clinical staff|healthcare professionals|health professionals)"
     r"( only)?\s*:|^(staff|internal) note\s*:", "a note to staff"),
    (r"^scan (the qr code |this code )?(for|to (get|see|read|find)) the (latest|newest|current|most recent) version\b|"
     r"^correction\s*:|^(an earlier|a previous) version of this (article|story|page|column)\b|"
     r"^embargoed (until|till|to)\b", "publication note"),
    (r"^(this|the) (handout|leaflet|page|booklet|guide|article|information|factsheet) (was|has been) (written|produced|"
     r"developed|prepared|created) by\b", "credits"),
    (r"\blanguage (help|assistance|services?) (is|are) (free|available)\b|\btranslated versions?\b|"
     r"\b(machine|automatic|automated) translation (of|for) (this|our|the) (web ?site|site|page|content)\b|"
     r"\b(through|via|using|by) google translate\b", "translation note"),
    (r"\ball our (booklets|leaflets|guides|publications|factsheets) are free\b|\border a (printed|free|paper) copy\b",
     "download offer"),
    (r"^this (information|page|chapter|section) (is|comes|was taken) from (our|the) (booklet|leaflet|guide|book)\b|"
     r"^(we have|there is) more information (about|on|in)\b|\b(in|see) the (next|previous|following) chapter\b|"
     r"^you can read more about\b.{0,80}\b(chapter|section|booklet|page)\b", "link to another article"),
    (r"^video\b\s*(\([^)]{1,30}\))?\s*[,:]|\bread the (film |video )?transcript\b|^(watch|view) (our|the|this) (film|video)\b", "video player"),
    (r"^this is an? (easy read|large print|audio|plain language|summary|short|shorter|simple) version of\b|^other formats\s*:",
     "other formats of this page"),
    (r"^(download|get) (the|this|our) [\w -]{0,25}\bpdf\b|^print (our|the|this) .{0,60}\b(checklist|leaflet|guide|form|card|sheet)\W*$",
     "print or download link"),
    (r"^(image|picture|photo|illustration|drawing) of\b", "image caption"),
    (r"(was|is) this (page|leaflet|document|information) easy to (understand|read|use)\b|\bwrite your name\b.{0,40}\bhere\b",
     "feedback widget"),
    (r"\bcontracted (to|with) (all |most )?(the )?(major )?medical (schemes|aids?|insurers)\b|\bsame[- ](day|week) appointments?\b",
     "the clinic's prices and insurers"),
    (r"\byou('ve| have) read \d+ of \d+ (free )?(articles|stories)\b|\b\d+ (free )?articles? (left|remaining)\b",
     "paywall prompt"),
    (r"^name and address (supplied|withheld)\b", "letter writer (credit)"),
    (r"^your questions are important\b", "contact block"),
    (r"^slide \d+ of \d+\b", "image carousel controls"),
    (r"^\W*listen to this (article|page|story|post)\b", "audio player"),
    (r"\b[\d,]+ (people|users|members|readers) (follow|are following) this\b", "comment form"),
    (r"\bsort(ed)? by\s*:|^\d+ (doctor |expert )?answers\b", "answer list controls"),
    (r"^update\s*:\s", "the writer's update (a post's note added later)"),
    (r"\b\d+ years (in practice|of experience|experience)\b|^(dr|prof)\.? [\w'’ .-]{2,40} top doctor( \d{4})?$", "staff list (name and role)"),
    (r"^[\w ,'’-]{0,40}\b(oncologist|nurse|doctor|physician|gp|surgeon|radiologist|pharmacist|researcher) (at|in|with|for) "
     r"[^.]{3,80}\.\s+i (write|blog|post|am|have)\b", "author box"),
    (r"^(answered|asked|posted|updated|edited) (\d+|an?|one) (minutes?|hours?|days?|weeks?|months?|years?) ago$", "metadata"),
    (r"\b\d+ (doctors?|people|users|readers) (agree|found this (helpful|useful))\b", "feedback widget"),
    (r"\bthis (answer|article|post|question) (was|has been) edited\b", "publication note"),
    (r"^an? \d{1,3}-year-old (male|female|man|woman|person|member|patient)\b.{0,20}\basked\b", "the question's asker"),
    (r"^liked by\b", "comment form"),
    (r"^get (e-?mails?|e-?mail alerts?|updates|notifications) (about|on|for|when) this (page|topic|guidance)", "newsletter form"),
    (r"^an? (easy read|large print|accessible|audio|braille|welsh) version of this (guidance|page|leaflet|document|guide) is "
     r"available\b|\bmay not be suitable for users of assistive technology\b", "other formats of this page"),
    (r"^(pdf|html|ms word|odt|docx?|epub)\b,? [\d.,]+ ?[kmg]b\b", "print or download link"),
    (r"^(this|the) (page|guidance|leaflet|information|document|guide|handout|article|booklet) is (also )?available in\s*:",
     "language switcher"),
    # The same offer in the other language of a bilingual site, naming the page's other version.
    (r"^(cette page est|ce (document|feuillet|guide) est) (aussi |également )?(offerte?|disponible) en (français|anglais)\b|"
     r"^(esta página|este documento) (también )?está disponible en (español|inglés)\b|"
     r"^(diese seite|dieses dokument) (ist|gibt es) (auch )?(auf|in) (deutsch|englisch)\b", "language switcher"),
    (r"^\[\d+\]\(#footnote", "reference list (footnotes)"),
    (r"\benter [\w-]+ in the search box\b|^learn how we (develop|write|review|create|make|produce) our "
     r"(content|information|articles|guides)\b", "link instruction"),
    (r"\b(are|is) (registered )?trademarks? of\b", "copyright notice"),
    (r"\bcall our (main |office |practice )?(number|office|practice|line|switchboard)\b", "contact block"),
    (r"\bnew patients can (usually |often |normally )?(see|get|book)\b", "the clinic's prices and insurers"),
    (r"\b(trusted )?(information )?partners have more (information )?on this topic\b", "link to other sites"),
    (r"\(\s*(photo|image|picture)s?( credit)?\s*:|"
     # "(ClarionWire graphic/Harlan Creek Medical Center)": a wire's picture credit in brackets
     r"^\([^()]{0,60}\b(photo|photograph|graphic|image|illustration|picture|infographic)s?\b[^()]{0,60}\)$", "photo credit"),
    (r"\breschedule (your |an |existing )?appointments? (on|in|through|using|via) (the|our)\b|"
     r"^to (change|cancel|reschedule|rebook)\b[^.]{0,60}\bappointment\b[^.]*\b(call|contact|phone)\b", "contact: booking"),
    (r"^(lines|phones|the (phone )?lines?|the helpline|the centre|the center|the office|we|we're|it)( are| is)? open\b[^.]*"
     r"\b(mon|tue|wed|thu|fri|sat|sun|\d{1,2}([.:]\d\d)?\s?(am|pm|a\.m\.|p\.m\.))|^open (mon|tue|wed|thu|fri|sat|sun)[a-z]*\b",
     "opening hours"),
    (r"\b(we'll|we will|our [\w ]{1,40} will) call you back\b|\bshare your (contact )?details\b|\brequest a call ?back\b", "enquiry form"),
    (r"\bfor (representational|illustrative|illustration) purposes? only\b", "image caption"),
    # An advert's note on its photos ("Actor portrayals.", "Posed by models"): the people are not patients.
    (r"^(paid )?(actor|model)s? portrayals?\b|^(posed by|images? feature) (actors|models)\b|^not (an )?actual patients?\b",
     "image caption"),
    (r"\b(this|the) (page|leaflet|information|article|guide|section) is not (yet )?available in\b|"
     r"\b(was|has been) translated from\b|\bin (case|the event) of (any )?(doubt|discrepanc\w*),? the \w+ (version|original|text|page) "
     r"(applies|prevails|shall prevail)\b", "translation note"),
    # What a page says of its own readers, writers and sources: "This article has been viewed 212,408
    # times.", "87% of readers found this article helpful.", "There are 10 references cited in this article".
    (r"^this (article|page|post|guide|answer) has been (viewed|read) [\d,.]+k? times\b|"
     r"^\d{1,3}% of (readers|people|users|voters) (found|said|rated) (this|the) (article|page|answer|guide|post)\b|"
     r"^there (are|is) \d+ (references?|sources?|citations?) cited in this (article|page|guide)\b|"
     r"^thanks to all (the )?authors for creating (a|this) page\b", "about this page (its readers and sources)"),
    (r"^this (article|page|post|guide|answer) (was|has been) (co-?authored|written|medically reviewed|reviewed|fact-?checked|"
     r"edited)( and (co-?authored|written|reviewed|fact-?checked|edited))? by\b", "byline (who wrote the page)"),
    (r"^in this (article|page|post|guide|blog|episode|video|piece|story),? (we|i|our [\w ]{1,40})('ll| will)? "
     r"(answers?|explains?|looks? at|covers?|discuss(es)?|describes?|will|(walk|take) you through|go through)\b",
     "about this page"),
    # What a writer or editor says of the piece itself: a note over it, its place in a series,
    # the closing plea to follow its publication.
    (r"^editor'?s note:", "editor's note"),
    # A patient's own record printed around an education sheet (a portal's After Visit Summary):
    # identifiers, the medication list, appointments, who attached the sheet.
    (r"\bmrn:? ?#?\d{5,}|\bdob:? ?\d{1,2}/\d{1,2}/\d{2,4}", "the patient's record (identifiers)"),
    (r"^(start|continue|stop|keep) taking these medications?\b|^change how you take these medications?\b|"
     r"^[a-z][\w-]*( [a-z][\w-]*)? \d+(\.\d+)? ?(mg|mcg|g|ml|units?)(/[\w-]+)? (\w+ ){0,2}(tablets?|capsules?|injection|"
     r"inhaler|solution|patch|cream|syrup|suppository) (take|inhale|inject|apply|use|insert|dissolve)\b",
     "the patient's record (medication list)"),
    (r"^(mon|tue|wed|thu|fri|sat|sun)[a-z]*,? (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \d{1,2},? \d{4},? "
     r"\d{1,2}:\d{2} ?(am|pm)?\b", "the patient's record (appointments)"),
    (r"^(attached|added|shared|printed) by [\w .,'-]{2,60} on \d{1,2}/\d{1,2}/\d{2,4}\b", "credit (who attached the sheet)"),
    (r"^this (story|article|post|piece|blog post) is (part|chapter|episode) (\d+|one|two|three|four|five|six)\b",
     "navigation (series)"),
    (r"^if (this|you (found|liked|enjoyed) this)( \w+){0,3} (helped|was (useful|helpful)|helpful|useful)?,? "
     r"(please )?(follow|subscribe|clap|share)\b", "call to action"),
    # A recording's own furniture: the host's welcome and what the episode is about, the
    # transcript's note on how it was made.
    (r"^[\[(](theme |intro |outro |background )?(music|applause|laughter|laughs|inaudible|crosstalk|jingle|pause|silence|"
     r"sound effects?|theme)( fades( out| up| in)?| plays| begins| ends| up| continues)?[\])]$", "transcript sound cue"),
    (r"^welcome (back )?to (the )?[\w'’ ]{2,40},? (the |a |our )?(\w+ )?(podcast|show|program|programme|series)\b|"
     r"^(today|in this episode|on (this|today'?s) episode),? (we('re| are| will| ll)|i('m| am| will))\b[^.]{0,25}\b(talking|talk|taking|"
     r"looking|discussing|going)\b|^this (episode|podcast|video|show) is (all )?about\b|"
     r"^this transcript (was|is|has been) (made|generated|produced|created|edited|checked|prepared)\b", "about this page (a recording's)"),
    (r"\bvisit us (on|at|in)\b", "contact block"),
    (r"\bthis (project|website|site|page|service|content|information) (has received|received|is|was) (funding|funded)\b|"
     r"\bgrant agreement (number|no)\b", "funding credit"),
    (r"^[-•\s]*((mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?|weekdays|weekends)\b[\w\s,.&:–-]{0,30}?"
     r"\d{1,2}([:.]\d{2})?\s*(a\.?m\.?|p\.?m\.?)?\s*(–|-|to)\s*\d{1,2}([:.]\d{2})?\s*(a\.?m\.?|p\.?m\.?)?\.?$|"
     r"^[-•\s]*((mon|tue|wed|thu|fri|sat|sun)[a-z]*|weekdays|weekends|bank holidays|public holidays)"
     r"(( and | to |, | ?[–&-] ?)((mon|tue|wed|thu|fri|sat|sun)[a-z]*|bank holidays))*\s*:\s*"
     r"(closed|open|extended hours|\d{1,2}([:.]\d{2})?\s*(a\.?m\.?|p\.?m\.?))", "opening hours"),
    # A provider's regulator rating, a syndication credit, a logo's alternative text.
    (r"\b(cqc|care quality commission|ofsted|jci|nabh)\b.{0,40}\brat(ing|ed)\b|\b(read|see) our (latest )?inspection report\b|"
     r"\bcontent (supplied|provided) by\b|\bsyndicated (from|by)\b|^[\w .&'’-]{2,60} logo$", "the provider's credits and ratings"),
    (r"\byou can (now )?book your (flu|covid|autumn|winter|spring|booster|vaccination|vaccine|jab)|"
     r"\b(is|are|will be) closed (for|due to) (refurbishment|staff training|training|building work|maintenance|"
     r"the bank holiday|a public holiday|resurfacing|repairs|roadworks|works)\b|\b(is|are|will be) closed (from|until|on) (\w+day,? )?\d", "site alert"),
    # A department's notices of the day: "Scanner 2 is out of action today", "open as normal on Good Friday".
    (r"\b(is|are) out of (action|order|service) (today|this week|until|for)\b|\bappointments (are|may be) running\b[^.]{0,30}\blate\b|"
     r"\b(is|are) open as normal (on|over)\b|\bfrom (mon|tues|wednes|thurs|fri|satur|sun)day \d{1,2} " + _MONTH + r"\b[^.]{0,60}"
     r"\b(moves?|is moving|will move|relocates?) to\b", "site alert"),
    (r"\btell us how we (can|could) (improve|make) (this|our) (page|site|website|information|leaflet)\b", "feedback form"),
    # An e-mail's own furniture: its attachments, the mail system's banners and footers.
    (r"^attachments?\s*:\s*\S", "e-mail header"),
    (r"^\W*(caution|warning|notice|external)\s*:?\s*(this is an )?external (email|e-mail|sender|message)\b|"
     r"\bthis (message|email|e-mail) (came|originated|was sent) from outside (of )?(the |our |your )?\w", "e-mail banner (an outside sender)"),
    (r"\bthis (email|e-mail|message)( and any attachments?)? (has|have) been (scanned|checked) (for viruses|by)\b",
     "e-mail footer (virus scan)"),
    (r"\b(get|have) your (car park |parking )?ticket (stamped|validated)\b|\bvalidate your (car park |parking )?ticket\b",
     "directions and parking"),
    # An information group's rules about the group itself, not the treatment: "Don't message this
    # group.", "don't share results ... in the group", "We can't answer questions about ... here".
    (r"\b(do not|don'?t|never)( \w+){0,2} (post|share|write|send)\b[^.]{0,80}\b(here|(in|to|on) (this|the) (group|chat|channel))\b|"
     r"\b(do not|don'?t|never) (message|use|contact) (this|the) (group|chat|channel)\b|"
     r"\b(reply|replies|answer|answers) (in|from) (this|the) (group|chat|channel)\b|"
     r"\bwe can'?t (answer|give|reply to) [^.]{0,50}\b(here|in (this|the) (group|chat|channel))\b",
     "the group's rules (about the chat, not the treatment)"),
    (r"^\W*(saved|added|clipped) to (board|collection|folder|list|notebook|reading list|pocket|my [\w-]+)\b",
     "a note on the saved page (not the page's)"),
    # A document viewer's word on its copy: "This HTML view was created automatically from the PDF."
    (r"^this (html|text|web|online|accessible|plain[- ]text) (view|version|copy|page) (was|has been|is) (created|generated|"
     r"converted|produced|made)( automatically)? from (the|a|this|our) (pdf|original|printed|word)\b", "the viewer's note on its copy"),
    (r"\bthis (article|post|blog post|page|piece) was (checked|reviewed|fact-checked|medically reviewed) by (dr|prof|professor|our)\b",
     "credits (the page's reviewer)"),
    (r"^(this is )?an? guest (post|blog|article) (from|by)\b|\bpart of (our|a|the) series (on|about)\b", "about this page (its series)"),
    (r"^(generated|written|summari[sz]ed) by [\w ]{2,40}\.? (summaries|it|ai|answers) (can|may) (contain|make|include) mistakes\b",
     "a machine's summary of the page (not the page)"),
    # An assistant's words to whoever asked it, around its answer: "Here is a plain-language overview you
    # can share ...", "If it helps, I can turn this into a one-page handout."
    (r"^(sure[.!,]? |of course[.!,]? )?here('s| is) (a|an|the|your) ([\w-]+ ){0,4}(overview|outline|summary|explanation|guide|"
     r"version|draft|handout|answer|breakdown|introduction|description)\b(?!.*:$)|"
     r"\bi can (tailor|adapt|rewrite|turn|make|shorten|simplify|translate|format|put) (this|it|the [\w -]{1,30})\b",
     "the assistant's words to the asker (not the answer)"),
    # A channel's notes on its own series and polls: "📚 Chemotherapy series · Part 1 of 4", "Tomorrow, the
    # last part: ...", "That's the end of our chemotherapy series", "Anonymous poll", "- Radiotherapy 64 votes".
    (r"^\W*([\w -]{1,30} series\W{1,3})?part (\d{1,2}|one|two|three|four|five|six) of (\d{1,2}|two|three|four|five|six)\b"
     r"(.{0,20}$|\W*:)|^\W*(a )?new (mini-?)?series\b|^\W*tomorrow,? (the )?(last|next|final) part\b|"
     r"^\W*(that'?s the end of|that brings) (our|the|this) ([\w -]{1,30} )?series\b|\bwill post (one|a|each|the next) part\b",
     "about this page (its series)"),
    (r"^(anonymous|public|quiz) poll$|^.{1,60}\s\d{1,6} votes?$", "poll (its question and options)"),
    (r"^we use this (channel|group|chat|feed|page) to\b|^this is a one-way (channel|group)\b", "about this page"),
    (r"\bwill (close|be closed|shut) (at \d{1,2}([:.]\d\d)? ?([ap]\.?m\.?)? )?(early )?today\b|"
     r"\bwill be closed for (a|one|two|three|four|\d{1,2}) (days?|weeks?|months?)\b|"
     r"\b(a|has a|have a) new (phone |telephone )?number\b|^\W*new (phone |telephone )?number for\b", "site alert"),
    # A series' notes in its posts: "This week Sam is posting a series on ...", "Part 4 continued".
    (r"\b(is|are|will be|we'?re|we are|i'?m|i am|we'?ll be|i'?ll be) (posting|sharing|running)\b[^.]{0,80}\b(series|parts)\b|"
     r"^part (\d{1,2}|one|two|three|four|five|six) (continued|cont'?d)\b", "about this page (its series)"),
    # A research study's information sheet and consent form around the care it describes: who runs
    # the study, its title and numbers, and the statements a participant initials.
    (r"^((chief|principal|lead|local|co-?) ?)?investigators?( at [\w' -]{1,40})?\s*:", "staff list (name and role)"),
    (r"^(study|trial|project) title\s*:|^name of (the )?((chief|principal|lead) )?(investigator|researcher|person taking consent)\b|"
     r"^(optional\s*:?\s*)?please (initial|tick) (each|the|all|every|yes or no)\b|"
     r"^(participant|patient|subject|study) (identification|id|study) (number|no\.?|code)\b|"
     r"^(\d{1,2}[.)]\s*)?i (confirm|understand|agree|consent|give (my )?permission|am willing)\b.{0,300}"
     r"\b(stud(y|ies)|trial|research|information sheet|tak(e|ing) part|withdraw|voluntary)\b", "form (to fill in and sign)"),
    (r"^this is the end of (section|part|chapter)\b|^the next (section|part|chapter) (describes|explains|is about|tells you|covers)\b",
     "about this page (where its parts begin and end)"),
    (r"(^|[.?!]\s+)members (can|may|get)\b|\bsign in to (see|view|check|get|find)\b|^member tips?$|"
     r"\b(need|needs|get|requires?) (prior )?approval from your (health )?plan\b|\bin-network\b", "member promotion"),
    (r"\byour (gift|donation|support)s? (helps?|funds?|pays?|means?|makes?|keeps?)\b|"
     r"\bdonations? (from [\w ,]{1,40})?helps? us\b|"
     r"\bevery (dollar|pound|euro|penny|cent|gift|donation) (you )?(give|donate|raise|helps?|counts?)\b|"
     r"\bwhen you (give|donate)\b|\b(donate|give) (now|today|monthly)\b|\bmake a (gift|donation)\b|"
     r"\b(leave|remember us in) a gift in your will\b", "fundraising appeal"),
    (r"[£$€]\s?\d+( a| per| each) (month|year|week)\b|[£$€]\s?\d+ (could|would|will|can) (pay|buy|fund|help)\b|"
     r"\b(a|your) gift today\b|^help us (buy|fund|raise|build|support)\b|\b(scientists|researchers|research) "
     r"(funded|supported) by\b", "fundraising appeal"),
    (r"\bsession (will expire|has expired|is about to expire|timed? out)\b", "login dialog"),
    (r"\bshared this (article|page|information|handout) with you\b", "about this page"),
    (r"\bmessages are (answered|returned|read) within\b|\bmessages are not for (urgent|emergenc)", "contact: portal messages"),
    # Directions to the building: where to park, which entrance or lift to take.
    (r"\bpark (in|at) the [\w -]{0,30}\b(lot|car park|garage|parking( area| lot)?|deck)\b",
     "contact: directions and parking"),
    # What to have to hand when phoning the site's team: part of its contact box.
    (r"^please have your [\w ,'’]{3,80} (ready|to hand|with you) when you (call|phone|ring|contact us)\b",
     "contact: what to have ready when you call"),
    # What the site's donors paid for: "Your donations paid for the new chairs on the day unit."
    (r"\b(your|our supporters'?|generous|charitable) donations (paid for|funded|bought)\b|"
     r"\b(paid for|funded|bought) by (your|our supporters'?|generous|charitable) donations\b", "fundraising appeal"),
    # A health plan's notes on its own cover: prior approval, what its benefit pays, its network.
    (r"\bprior (authori[sz]ation|approval)\b|\b(covered|paid for) under your (medical|pharmacy|drug) benefit\b|"
     r"\bin-network (provider|oncologist|doctor|cancer cent(er|re)|hospital|pharmacy|infusion)", "the health plan's coverage note"),
    # What a card or form says to other professionals, not to the patient: "To emergency staff: ...".
    (r"^(note )?(to|for) (the )?(emergency|medical|hospital|healthcare|health care|a&e|er|ambulance) "
     r"(staff|professionals?|teams?|doctors?|clinicians?|personnel)\s*:", "note for health professionals"),
    (r"\b(adobe )?(acrobat )?reader is required\b|\bto view pdf files\b|\bget adobe (acrobat )?reader\b", "browser notice"),
    (r"\bvisiting (measures|restrictions|rules)\b.{0,40}\b(in effect|in place|apply)\b|"
     r"\b(construction|building|renovation) work\b.{0,60}\b(entrance|closed|parking|access)\b", "site alert"),
    (r"\bappointment reminders by (text|sms|e-?mail)\b", "member promotion"),
    (r"^(version|versión|versione) [\w]+ (disponible|disponibile)\b|^(french|english|spanish) version available\b",
     "language switcher"),
    (r"\((pdf|docx?)\b[^)]*\)\W*$", "print or download link"),
    # A private clinic's terms of business: what it costs and which insurers pay.
    (r"\bwe('re| are)? (work with|accept|recogni[sz]ed by|approved by|are recogni[sz]ed by|are approved by) "
     r"(all |most )?(the )?(major |main |leading )?([a-z]{2,3} |national |private |local )?"  # "all major UK health insurers"
     r"(health |medical )?insurers\b|\bguide price\b|\bfixed[- ]price (packages?|treatment)\b|\bself[- ]funding patients\b|"
     r"\bwe (participate|are in[- ]network) with\b|\binsurance (plans )?(we )?accepted\b|"
     r"\bmost major (commercial )?(insurance|health) plans\b|\brepresentative apr\b|\bcredit is subject to status\b|"
     r"\bpay monthly\b|\b(insured|self[- ]pay(ing)?) (and|or) (self[- ]pay(ing)?|insured) patients\b|"
     r"\bappointments? (are )?(often |usually )?available within\b|"
     r"\bfrom ((about|around|approximately|only|just) )?[£$€₹¥]\s?\d|^(cost|price|fee)s?( range| guide| estimate)?\s*:[^.]{0,20}[£$€₹¥]\s?\d|\bfrom (chf|eur|usd|gbp|aed|sgd|inr|rs\.?|sfr)\s?\d|\bcost estimate\b|"
     r"\bappointments? (are )?(often |usually |normally )?(available )?within \d+ (hours|days|working days)\b|\b(starts?|starting|prices?) (from|at) (rs\.? ?|inr ?|[£$€₹¥])\d|\bcashless (treatment|facility)\b|"
     r"^our ([\w-]+ )?(centres?|centers?|hospitals?|clinics?|units?|facilities|departments?)\b[^.]{0,60}\b(offer|provide|feature|"
     r"house|boast|are equipped)\b", "the clinic's prices and insurers"),
    (r"\b(may|will) be charged an? (\w+ )?(fee|charge)\b|\bno[- ]show (fee|charge)\b|\bmissed[- ]appointment (fee|charge)\b",
     "the clinic's prices and insurers"),
    # A helpline box: its title with its hours, and its "keep this number" line.
    (r"^[\w'’ ]{2,40}\b(line|helpline|hotline)\s*[–-]\s*(24 hours|24/7|open)\b|\bkeep this (phone )?number\b",
     "contact: helpline box"),
    # Site banners every page of a kind of site carries: a government site's identity line, a
    # funding lapse, an operating-status note.
    (r"^an official website of the\b|^here'?s how you (know|can tell)\b|"
     # ... and its kin elsewhere: "A Singapore Government Agency Website · How to identify",
     # "An official Australian Government website", "Official government websites use .gov.sg".
     r"^an? ([\w-]+ ){0,3}government (agency )?website\b|^an official ([\w-]+ ){0,2}government website\b|"
     r"^official (government )?websites use\b|^secure websites use https\b|"
     r"^government agencies (will )?(reach|contact|communicate with) you\b|\blapse in (federal |government )?funding\b|"
     r"\b(web ?site|site) is not being (fully )?(maintained|updated)\b|\boperating status\b", "site alert"),
    (r"\b(outdated|out-of-date|old|older|unsupported) (version of (your|the|this) )?(web )?browser\b|"
     r"\b(upgrade|update) your (web )?browser\b|\bjavascript (is )?(disabled|turned off|not enabled|switched off)\b|"
     r"\b(enable|turn on) javascript\b|\byour browser (is|does) not\b", "browser notice"),
    (r"^(the )?information (on|in) this (page|leaflet|guide) (comes|is taken|is provided|is) from\b|"
     r"^this (page|text|information) is an? ([\w-]+ )?translation\b|\bif the (texts|versions) differ\b|"
     r"^is this (topic|page|leaflet|guide|information) (for|right for) you\b|"  # a licensed health library's scope note
     r"^(these|this) (care )?instructions (are|is) (mostly |mainly )?(about|for)\b|"
     r"^(this|the) (page|leaflet|guide|guidance|article|booklet|factsheet|fact sheet|information sheet|sheet|information|section|post|blog post|"
     r"chapter|lesson|module|course|story|web story|"
     r"resource|handout|e-?mail|newsletter|message|bulletin|list|mailing list|group|forum|topic) "
     r"(is (mainly |mostly |chiefly |largely |only )?(for|about|written for|intended for|aimed at)|provides|explains|gives|"
     r"tells you|describes|covers|"
     r"(will )?helps? you (get ready|prepare|understand|learn)|"
     r"contains|has information|(will )?focus(es)? on|deals with|looks at)\b|"
     r"^(on|in) this (page|article|leaflet|guide|section|booklet),? you (will|can|'ll) (learn|find|read)\b|"
     r"^these (are the )?(slides|notes|handouts|materials)( (come|came|are|were))? (from|for|of|used in)\b", "about this page"),
    # A subtitle or standfirst saying whom the page is for: "A guide for patients starting radiotherapy at
    # the clinic's unit", "Advice for adults having radiotherapy, including ..." (not a list's lead-in).
    (r"^(a |an )?(short |patient |practical |cancer care |cancer |health )?(guide|information|advice|leaflet|booklet|factsheet|fact sheet)"
     r"( and (advice|support))? for (our )?(patients|people|adults|anyone|parents|carers|caregivers|families|you)\b(?!.*:$)", "about this page"),
    # Where the page's text comes from: "The text below is copied, with permission, from the centre's
    # leaflet.", "We have reproduced the imaging department's leaflet here ...".
    (r"^(the )?(text|information|content|wording) (below|on this page|here) (is|has been|was) (copied|reproduced|taken|adapted)\b|"
     r"\bwe ('ve|have) (reproduced|copied|adapted) (the|this|their|a) [\w'’ -]{1,50}(leaflet|booklet|guide|information|page)s? "
     r"(here|below|on this page)\b", "about this page (where its text comes from)"),
    # A practice's own hours, and where to call when it is closed: "When we are closed, phone NHS 24 on 111."
    (r"^(when|if) (we are|we're) closed\b",
     "contact: hours, address or portal"),
    # A footnote of a document exported with its notes: "[1] Radiotherapy department pathway RT-02, 2024."
    (r"^\[\d{1,3}\] .{10,200}\b(19|20)\d\d[a-z]?\.?$", "references (a footnote)"),
    # A recording's credits: its presenter introducing themselves ("Hi, I'm Farid Osei, and I'm a senior
    # radiographer ..."), and its credit lines ("Presenter: ...", "Produced by ...").
    (r"^(hi|hello|hey|welcome)( there| everyone| all)?[,!.]? (i'm|i am|my name is) [a-z'’-]+( [a-z'’-]+)?,? (and )?"
     r"(i'm|i am|i work|the|a|an|one of)\b|^(presenter|presented by|produced by|narrator|host|hosted by)s?\s*:?\s",
     "credits (the recording's presenter)"),
    # A series' notes on the piece: "This is the first article in my Plain Words series.", "Part two of
    # Plain Words for Treatment.", "Next in the series: ...", "Next month: ...".
    (r"\b(the )?(first|second|third|fourth|fifth|last|final|latest|next) (article|post|part|instalment|installment|episode|issue) "
     r"(in|of) (my|our|the|this) ([\w'’-]+ ){0,5}series\b|^part (one|two|three|four|five|six|\d+) of\b|"
     r"^(next in (the|this|my) series|next (month|week|time|issue)|coming (up )?next)\s*:|"
     r"^((coming up|up next|next up|last part|final part|next part)\s+)?(tomorrow|next (week|time|month|issue))\s*:",
     "about this page (its series)"),
    (r"\b(my|our) (earlier|previous|last|other|next) (article|post|piece|blog post|guide)s?\b",
     "link to another article (by its title)"),
    # A message's subject as a reply or forward: "Re: Starting chemo on Thursday", "FW: Your scan".
    (r"^(re|fwd?|aw|tr)\s*:\s*\S.{0,150}$", "e-mail subject (the message's title)"),
    # A browser's print header and footer: the date and time printed, then the page's title
    # ("09/03/2026, 16:21  Mail - Re: ..."); the page's address and the page's number ("https://... 2/4").
    (r"^\d{1,2}/\d{1,2}/\d{2,4},? \d{1,2}:\d\d( ?[ap]m)?\s+\S.{0,200}$", PRINT_HEADER),
    (r"^(https?|file)://\S+\s+(–\s+)?\d{1,3}/\d{1,3}$", PRINT_FOOTER),
    # A controlled document's notes: its reference code ("Reference PIL-IMG-0047", "Leaflet number: RT 012")
    # and "Uncontrolled when printed" (a printed copy may be out of date).
    (r"\b(reference|ref\.?|(leaflet|document|publication) (number|no\.?|code|id|reference))\s*:?\s*"
     r"(?!(range|value|level|interval|point)s?\b)[a-z]{1,5}(-?[a-z]{0,5})*[- /]?\d{2,}\b",
     "metadata: the document's reference"),
    (r"\buncontrolled (copy |document )?(when|if|once) printed\b", "publication note (the document's control)"),
    (r"^(updated?|edited|revised)[, ]+(on |in )?(\d{1,2} )?" + "(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)" +
     r"\w*( \d{1,2},?)? \d{4}\s*:", "publication note"),
    (r"^(this|the) (leaflet|page|information|document|booklet|guide) is (also )?available in (other|different|"
     r"alternative|large print|easy read)", "other formats of this page"),
    (r"^(((editor'?s )?note|update)\s*:\s*)?(this|the) (page|leaflet|guide|article|booklet|factsheet|information|story|post|column) "
     r"(was|has been) (first )?(published|written|"
     r"produced|updated|reviewed|last reviewed)\b|^(patient )?(information sheet|handout|fact ?sheet) ([a-z]{2,}-[\w-]*\d|"
     r"ref(erence)?\b|number\b|no\b)|^(leaflet|document|patient information|pil) "
     r"(ref(erence)?|number|no|code)\b", "publication note"),
    # The site's notes on its own text: changes under way, and what it does not answer for.
    (r"\bwe('re| are|'ve| have)( now| currently)? (reviewing|updating|updated|revising|revised|changed|withdrawn)\b"
     r"[^.]*\b(this|the) (guideline|page|leaflet|guide|article|booklet|factsheet|information)\b|"
     r"^(this|the) (guideline|page|leaflet|guide|article|booklet|factsheet|information) (is being|has been|was) "
     r"(reviewed|updated|revised|withdrawn)\b", "notice about changes to this page"),
    (r"\b(picked|chosen|selected|tested) by our (editors|shopping (team|editors)|product testers)\b", "shopping (a product's price)"),
    (r"^up next\s*:", "navigation link"),
    # A plain-text message's link to its numbered list of addresses: "More about planning: [1]".
    (r"^(read |find out |learn )?more (about|on) [^.]{1,40}:?\s*\[\d{1,2}\]\s*$", "navigation link"),
    # A mailing list's notes on itself: how to reply to a digest, how to leave the list.
    (r"\bwhen replying,? please (edit|change) your subject line\b|\b(leave|unsubscribe from|join|subscribe to) (the|this|our) "
     r"(list|mailing list|group)\b|\bswitch to the (daily |weekly )?digest\b", "mailing list form"),
    # A printed form's blanks to write in: "Where: ..........", "Date: ____________".
    # A printed document's footer: its number, title and version ("TOA-PI-041  Having a CT Scan  Version 1.4").
    (r"^[a-z]{2,6}(-[a-z0-9]{1,6}){1,4} .{0,80}\b(version|ver\.?|v) ?\d{1,2}(\.\d{1,2}){0,2}$", "publication note"),
    # (Read folded: a run of underscores is one.)
    (r"^([^._…]{1,40}?([.…]{6,}|_+)\s*){1,3}(\([^()]{1,40}\))?$", "write-in space (a form to fill in by hand)"),
    (r"☐\s*yes\b.{0,6}☐\s*no\b|☐[^☐]{1,40}☐|\bcut (along|out along) the (dotted|dashed) line\b|\bcut (it )?out and keep\b",
     "form (tick boxes, or a card to cut out)"),
    # A publisher's note on its own information and its other publications.
    (r"\bwe (make|take) every (effort|care) to (make sure|ensure)\b.{0,60}\baccurate\b|"
     r"\b(cannot|can't|can not|do not|does not) accept (any )?liability\b", "disclaimer"),
    (r"\b(find|read|get|have|is) more( tips| information| advice)?( about [\w ,'’-]{1,40}| on this)? in our "
     r"(booklet|leaflet|factsheet|fact sheet|guide)s?\b|"
     r"\bour (booklets?|leaflets?|factsheets?|guides?)\b.{0,120}\b(are|is) (free to order|free to download|available to order)\b",
     "link to another article"),
    (r"^prices? (were|was|are|is) (accurate|correct|current) (at|as of) (the )?time of (publishing|publication|writing)\b|"
     r"^prices? (are|is) (indicative|approximate|a guide)\b", "shopping (a product's price)"),
    (r"^\W*(medical |legal )?disclaimer\W*:|\baffiliate links?\b|\b(earn|receive|make) (a )?(small )?commission\b|"
     r"\b(is|are) not (responsible|liable) for (the )?(content|quality|accuracy|information|advice|views|"
     r"availability)\b|\bnot (intended|meant|designed) (as|to be|to serve as) a substitute for\b|"
     r"^(this|it) is (for )?general information only\b|\bfor (general|educational) (information|purposes) only\b|"
     r"\bdoes not (endorse|necessarily reflect)\b|"
     r"\b(information|content|web ?site|site|page|article|material)s?\b[^.]{0,80}\bnot (a )?(substitute|replacement) for\b|"
     r"^this (web ?site|site|page) does not (provide|give|offer|contain)\b|"
     r"\b(this|the) (article|page|information|content|site|website) is (for )?general information\b|\bdisclaims? (any|all) (warranty|warranties|liability|responsibility)\b|"
     r"^((important|note|please note)\s*:\s*)?(the |this |our )?(information sheet|information|content|material|handout|leaflet|"
     r"booklet|guide|article|page)s?"
     r"( (on|in) this (page|site|website|leaflet|handout))? "
     r"(does not|do not|is not (intended|meant|designed) to|are not (intended|meant|designed) to|should not) "
     r"(replace|take the place of|substitute for)\b|"
     # "The information in this guide is for education only. It does not replace advice from your doctor."
     r"\bfor (general )?(health )?education(al purposes)? only\b|\b(this|the) information is (general )?health education\b|"
     r"(^|[.!?] )it (does not|doesn't|is not meant to|is not intended to) (replace|take the place of|substitute for) "
     r"(the )?(advice|care|guidance|information)\b|"
     r"\b(is|are) (for )?general (guidance|information)( only)?\b[^.]{0,40}\b(does not|do not|doesn't|don't) "
     r"(replace|take the place of|substitute for)\b", "disclaimer"),
    # Who a page is for, said as a label: "Who this guide is for: anyone about to start chemotherapy".
    (r"^who (this|the) (guide|page|article|leaflet|booklet|factsheet|information|handout|course|episode|post) is "
     r"(for|aimed at|written for)\b", "about this page"),
    (r"(^|[.!?] )in this (episode|podcast|show|webinar)\b", "about this episode (its show notes)"),
    # A forum's or community's banner: "A peer-support space, not a clinic. Our volunteers share general
    # information, never personal medical advice."
    (r"\b(never|not|no) (personal|individual|individualised|individualized) (medical )?advice\b|"
     r"\b(peer[- ]support|support|community) (space|forum|group|site),? not a (clinic|medical service|doctor)\b", "disclaimer"),
    # A marketplace's or directory's note on how it lists providers: "Clinics are ranked by patient ratings ...".
    (r"\b(ranked|listed|sorted|ordered) by (patient |user |customer )?(ratings?|reviews?|response times?|popularity|price)\b|"
     r"\b(do not|don't|cannot|can't) pay (us )?(to appear|for (a )?(higher|better) (ranking|placement|position))\b|"
     r"\bmedical visas?\b|\bvisa (invitation|application|support) letter\b", "the clinic's prices and insurers"),
    # A journal's notes under its article: "Conflict of Interest Disclosures: ...", "Funding/Support: None reported."
    (r"^(conflicts? of interest( disclosures?)?|competing interests?|financial disclosures?|funding( ?/ ?support| and support)?"
     r"|author contributions|role of the (funder|sponsor)( ?/ ?sponsor)?)\s*:", "the provider's credits and ratings"),
    # A shop's product tile inside a health page: its star rating, its price, its basket button.
    (r"^(rated )?\d(\.\d)?( out of 5)?( stars?)? \(\d[\d,]*( reviews?| ratings?)?\)$|"
     r"^([£$€]\s?\d+([.,]\d{2})?( each| per \d*\s?[a-z]{1,5})?\s*)+$|^add to (basket|cart|bag|trolley)$",
     "shop product tile (rating, price or basket button)"),
    (r"\((pdf|docx?|rtf|odt|epub|xlsx?|pptx?)\b[^)]*\b\d+([.,]\d+)?\s?[kmg]b\)", "print or download link"),
    (r"^click (on )?(a|an|the|any|each|one of the)\b[^.]*\b(for|to (read|find|learn|see|get))\b",
     "link instruction"),
    (r"^skip (to|navigation|the (primary |main )?(navigation|menu|content))\b|"
     r"^you (can )?return to (the )?(page )?(content|top|navigation|menu)\b", "skip link"),
    # A wiki's notes on its own pages: where a name redirects, what the article lacks, who edited
    # it when, its licence, and its references, each led by a "^" back to where it is cited.
    (r"\bredirects here\b|^\(redirected from\b|\bfor other uses,? see\b|\(disambiguation\)", "hatnote (a wiki's pointer to other pages)"),
    (r"^this (article|section|page|list) (needs|relies|has multiple issues|may (need|require|be)|is missing|lacks|"
     r"is a stub)\b|\bplease help (improve|us improve|expand) (this|the)\b|\blearn how and when to remove this\b",
     "wiki maintenance notice"),
    (r"^this page was last (edited|modified|updated|changed) on\b|^this page has been (accessed|viewed) [\d,.]+ times\b",
     "publication note"),
    (r"\b(content|text) is available under\b|\bcreative commons\b|\blicen[cs]ed under (the |a )?(cc|gnu|open government)\b",
     "licence note"),
    (r"^\^\s", "reference list (a wiki's references, each led by a back-link)"),
    (r"^!\[[^\]]*\]\([^)]*\)$|^<img\b", "image (alt text)"),
])

# An author box closes with a link to the writer's other posts ("View all posts by Maggie Rowe").
AUTHOR_LINK = re.compile(r"^(view|see|read|more) (all )?(more )?(posts|articles|stories|entries|blogs) (by|from) (?P<name>.+)$",
                         re.IGNORECASE)
# A testimonial's signature on a line of its own, under the quote: "— Denise M., Millbrook".
SIGNATURE = re.compile(r"^[—–]\s*[A-Z][\w'’.-]*( [A-Z][\w'’.-]*){0,2}(,\s*[A-Z][\w .'’-]{1,30})?$")
IMAGE_FILE = re.compile(r"[\w().,' -]+\.(jpe?g|png|gif|webp|svg|avif|bmp|tiff?)", re.IGNORECASE)
# A list of the clinic's staff: "Dr Jane Roe – Consultant Oncologist, breast cancer".
# A consultant's card: the name alone as its heading ("Dr Fiona Lisgarde").
STAFF_NAME = re.compile(r"^(Dr|Prof|Professor|Mr|Mrs|Ms|Miss|Mx)\.? [A-Z][\w'’-]+( [A-Z][\w'’-]+){0,2}$")
# A sentence that sends the reader to another page by its title: "Learn more about ports in
# Getting Chemotherapy Through a Port.", "For tips on fatigue, see Radiation Therapy Side Effects."
_TITLE_WORDS = r"[A-Z][\w'’-]*(?:,? (?:[A-Z][\w'’-]*|a|an|the|of|and|or|to|for|in|on|with|through|during|after|at))*"
CROSS_REFERENCE = re.compile(rf"^((Learn|Read|Find out)( more)? about .+ (in|on|at)|(.+,\s+)?[Ss]ee) {_TITLE_WORDS}\.?$|"
                             rf"^(Read|See|Visit|Watch) {_TITLE_WORDS} (to learn more|for more information|for details)"
                             rf"( about [^.]+)?\.?$")
STAFF_LINE = re.compile(r"^(Dr|Prof|Professor|Mr|Mrs|Ms|Miss|Mx)\.? (?:[A-Z][\w'’-]*\.? ?){1,4}\s*[–—,|-]\s*\w")
# A person's name, any letters after it, then the job a document's author or reviewer holds:
# "Mireille Baptiste, RN, Oncology Nurse Educator", "Thomas Achille, Lead Therapeutic Radiographer".
_JOB = (r"(nurse|educator|radiographer|oncologist|consultant|specialist|physician|therapist|pharmacist|physicist|"
        r"dietitian|dietician|surgeon|radiologist|director|manager|coordinator|co-ordinator|navigator|practitioner|"
        r"sister|matron|registrar|technologist|lead|superintendent|dosimetrist|counsellor|counselor|psychologist)")
STAFF_JOB_LINE = re.compile(rf"^(?P<name>[A-Z][\w'’.-]+( [A-Z][\w'’.-]+){{1,2}})(,? [A-Z]{{2,5}})*, "
                            rf"([A-Z][\w'’-]* ){{0,4}}(?i:{_JOB})s?(, [A-Z][\w'’ -]{{2,40}})?$")
# A post signed with its writer's first name and job: "✍️ Bronagh, Senior Staff Nurse, Chemotherapy Day Unit".
SIGNED_STAFF_LINE = re.compile(r"^(?:[\u2600-\u27BF\U0001F300-\U0001FAFF][\uFE0F\u200D]*\s*|[-–—]\s*)"
                               rf"[A-Z][\w'’.-]+( [A-Z][\w'’.-]+){{0,2}}, ([A-Z][\w'’-]* ){{0,4}}(?i:{_JOB})s?"
                               rf"(, [A-Z][\w'’ -]{{2,40}})?$")
# Words no person's name is made of ("Clinical Nurse Specialist, ...", "Your Care Team, ...").
_NOT_NAME_WORDS = re.compile(rf"\b({_JOB}|your|our|my|the|care|team|therapy|radiation|clinical|medical|cancer|patients?|"
                             r"information|services?|department|unit|centre|center|hospital|clinic|health|oncology)\b",
                             re.IGNORECASE)


# A writer's headline on a professional network: "Clinical Nurse Specialist, Acute Oncology at Kingsreach
# Cancer Centre | Writing plain-language guides for patients".
STAFF_HEADLINE = re.compile(rf"^([A-Z][\w'’-]* ){{0,4}}(?i:{_JOB})s?(, [^|]{{2,60}})? at [A-Z][^|.]{{2,60}}( [|·] [^|]{{2,120}})*$")


# A job title alone, as an e-mail signature gives it under the name: "Radiotherapy Clinical Nurse Specialist".
JOB_TITLE = re.compile(rf"^([A-Z][\w'’-]* ){{0,5}}(?i:{_JOB})s?( \([^)]{{1,30}}\)| [·|] (pronouns: )?\w+/\w+)?$")


# A post's writer signing for the site's team: "Niamh Arden, Lumenpath nurse team".
TEAM_SIGNATURE = re.compile(r"^(?P<name>[A-Z][\w'’-]+ [A-Z][\w'’-]+), ([A-Z][\w'’&-]* ){0,3}"
                            r"(?i:(nurse|nursing|care|support|clinical|patient information|editorial|health information) team)$")


def is_staff_job_line(text: str) -> bool:
    """A person's name with the job they hold, and nothing else (a document's author, its reviewer)."""
    found = STAFF_JOB_LINE.match(text) or TEAM_SIGNATURE.match(text)
    if found and not _NOT_NAME_WORDS.search(found.group("name")):
        return True
    return bool(STAFF_HEADLINE.match(text))  # or the job and the employer, as a network's headline gives them

PEOPLE = (r"(doctor|physician|oncologist|nurse|patient|woman|man|women|men|girl|boy|child|person|grandad|granddad|"
           r"grandma|grandmother|grandfather|grandparent|grandchild|grandchildren|baby|teenager|"
           r"people|researcher|scientist|surgeon|team|family|couple|hands?|radiographer|radiologist|"
           r"therapist|technician|technologist|pharmacist|carer|caregiver|mother|father|daughter|son|"
           r"husband|wife|partner|friend)s?")
POSES = (r"(talking|speaking|holding|sitting|standing|smiling|examining|consulting|discussing|"
          r"explaining|showing|pointing|wearing|comforting|listening|analy[sz]ing|lying|looking|"
          r"answering|putting|checking|reading|walking|hugging|laughing|chatting|resting|adjusting|"
          r"preparing|setting up|writing|reassuring|greeting|hooking up)(?! after\b)")
# Depictions are recognisable only on lines that are not sentences (checked by the caller).
DEPICTION = _rules([
    (rf"^([\w-]+ ){{0,3}}?{PEOPLE} ({POSES}\b|(at|in front of) (a|an|the|their|her|his) "
     r"(\w+ )?(microscope|computer|laptop|desk|table|window|bedside|screen|monitor|whiteboard|"
     r"lab|laboratory)\b)", "image caption"),
    (r"\bmetaphor (of|for)\b|\billustrat(ion|ive (image|photo|picture))\b|\bpictured\b|"
     r"\bstock (photo|image)\b|\b(photo|image|picture) of\b", "image caption"),
])

TLD = r"(com|org|net|edu|gov|info|io|co|uk|it|fr|de|es|nl|be|ch|at|eu|us|ca|au|tr|ie|pt|health)"
CONTACT = _rules([
    (r"[\w.+-]+@[\w-]+(\.[\w-]+)+", "contact: email address"),
    (r"https?://|\bwww\.|\b[\w-]+(\.[\w-]+)*\.(?-i:" + TLD + r")\b(?!\w|\.\w)", "contact: web address"),
    (r"\b(tel|tél|phone|telephone|téléphone|telefono|telefon|fax|mobile|mob|cell ?phone|hotline|helpline|"
     r"call us( at| on)?)\b\.?\s*[:.]?\s*[+(]?\d[\d ().-]{3,}\d", "contact: phone number"),  # not "phone 999"
    (r"(?-i:\b(VAT|P\. ?IVA|SIRET|SIREN|USt-IdNr|ABN|KvK)\b)|\bpartita iva\b|\bcodice fiscale\b|"
     r"\b(registration|charity|company) (no|number|reg)|\bregistered (charity|in (england|scotland|"
     r"wales))\b|\bnuméro de tva\b|\bhandelsregister\b",
     "contact: company registration number"),
])
# Words by which a sentence says when to call a number: advice to the patient, not contact data.
WHEN_TO_CALL = re.compile(r"\b(if|when|whenever|unless|before|after|until|as soon as|straight away|right away|"
                          r"immediately|urgent(ly)?|any time|day (or|and) night|24[- ]hours?|out of hours|after hours|"
                          r"(outside (of )?|during )(business |opening |office |working |clinic )hours|in an emergency|"
                          r"(questions|problems|anything) (that )?(can|can't|cannot) wait|"
                          r"(?-i:si|quand|se|quando|wenn|cuando))\b", re.IGNORECASE)  # not "Harlan Falls"
# "Call 8-1-1 ...", "phone us on 0800 555 0100": the number a call to action gives.
CALLED_NUMBER = re.compile(r"\b(?:(?:call|phone|dial|ring|text)\s+(?:us\s+)?(?:on\s+|at\s+)?|via\s+)(\+?\(?\d[\d ().-]{1,16}\d)",
                           re.IGNORECASE)
# What a helpline box offers: someone to speak to, at its hours ("to speak with a nurse, 24/7").
SERVICE_OFFER = re.compile(r"\b(to (speak|talk|chat) (to|with)|and ask (to speak|for)|any ?time|24/7|24 hours a day|"
                           r"day or night|monday|weekdays|seven days)\b", re.IGNORECASE)
PHONE_DIGITS = re.compile(r"(?<![\w/.,-])[+(]?\d[\d ().\-]{6,}\d(?![\w/%])")
DATE = re.compile(r"^\d{1,4}([./-])\d{1,2}\1\d{1,4}$")
STREET_FIRST = (r"Via|Viale|Piazza|Piazzale|Corso|Largo|Calle|Avenida|Plaza|Paseo|Carrer|Rua|Rue|"
                 r"Route|Chemin|Avenue|Boulevard|Quai|[A-ZÄÖÜ][\w-]*(straße|strasse|str\.|gasse|weg|"
                 r"platz|allee|straat|laan|plein|gracht|kade|singel|vej|gatan|gata|vägen)")
# Postal addresses in common national forms; only lines of at most 15 words are tested.
ADDRESS = _rules([
    (r"\b\d{1,5}[A-Za-z]?,?\s+(?-i:([A-Z][\w'’.-]*\s+){0,3}(Street|St\.?|Road|Rd\.?|Avenue|"
     r"Ave\.?|Boulevard|Blvd\.?|Lane|Drive|Way|Place|Square|Court|Terrace|Crescent|Parkway))\b",
     "number then street (English)"),
    (r"\b\d{1,4}(\s?(bis|ter))?,?\s+(rue|avenue|boulevard|bd|chemin|allée|place|quai|impasse)\b",
     "number then street (French)"),
    (r"(?-i:\b(" + STREET_FIRST + r")\s+([\w.'’-]+\s+){0,4}?\d{1,4}[a-z]?\b)",
     "street then number (Latin and Germanic languages)"),
    (r"\b(p\.? ?o\.? box|postbus|casella postale|apartado|boîte postale)\s*\d+", "post box"),
    (r"(?-i:\b[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}\b|\b[A-Z]\d[A-Z] \d[A-Z]\d\b|"
     r"\b[A-Z]{2},? \d{5}(-\d{4})?$)", "UK, Canadian or US postcode"),
    (r"(?-i:(^|,\s*)([A-Z]{1,2}-)?\d{4,5}\s+[A-ZÀ-Ý][\w'’-]+(\s+[\w'’()-]+){0,2}$)",
     "postcode then town"),
])
COMPANY = re.compile(r"\b(s\.?r\.?l|s\.?p\.?a|ltd|llc|inc|gmbh|sarl|s\.?a\.?s|plc|pty|"
                      r"(?-i:Limited|AG|SA|BV|NV|S\.A|B\.V|N\.V))\.?$", re.IGNORECASE)
SITE_NAME = re.compile(r"(https?://)?(www\.)?[\w-]+(\.[\w-]+)*\.[a-z]{2,}/?")
SEPARATORS = re.compile(r"\s+[/|]\s+|\s*[>›»→]\s*")
HOME = {"home", "homepage", "start", "accueil", "inicio", "startseite"}
# Headings that open a trailing section that is not the article: readers' comments, and the
# reference list (citations are not statements for a leaflet; sources are listed separately).
TRAILING_SECTIONS = _rules([
    (r"(\d+ )?((readers'?|your|user) )?(comments?|responses|replies|commenti|commentaires|kommentare|comentarios)"
     r"( [(\[]?\d+[)\]]?)?|\d+ (responses?|replies)|"
     r"\d+ (thoughts?|comments?|responses?|replies) (on|to) .*|leave a (comment|reply)|"
     r"discussion( about this (post|article|story))?",
     "comment section"),
    (r"references|sources|bibliography|further reading|useful links|(foot)?notes|notes and (sources|references)|fonti|bibliografia|"
     r"références|bibliographie|quellen|literatur|referencias", "reference list"),
])

MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|gen|mag|giu|lug|ago|set|ott|dic)"
METADATA = re.compile(
    r"^(?P<label>((page|media)\s+)?last\s+(update[ds]?|modified|reviewed|revised|edited)|updated|modified|published|released|aired|"
    r"posted|reviewed|(medically|clinically|expert|fact[- ]) ?reviewed|((media|page) )?(next )?review(ed)? (date|due|on)|"
    r"next review|written|author|contributed( by)?|prepared|revised|(medical|clinical) review|applies to|"
    r"(online |clinical |expert )?(medical |clinical |content |editorial )?reviewers?|(content|medical) (source|editor)s?|"
    r"(leaflet |document |page |class |course |slide |deck |booklet )?version|approved( by)?|date (approved|ratified)|approval date|ratified( by)?|"
    r"(document|leaflet|handout) (no\.?|number|id|ref(erence)?|owner)|"
    r"last (medical |clinical |content )?review(ed)?|content (responsible|owner|editor)|page (owner|responsible)|"
    r"content reviewed|created(?=\s*:|\t)|(written|reviewed|edited|checked|updated) by(?=\s*:)|"
    r"date (last )?(reviewed|updated|modified|revised)|date of (the )?last (update|review|revision|modification)|(last )?(fact[- ])?checked( for accuracy)?|current as of|"
    r"(publication |issue )?date|date (of (issue|publication)|published)|mis à jour|dernière mise à jour|publié|"
    r"aggiornato|ultimo aggiornamento|pubblicato|aktualisiert|veröffentlicht|actualizado|publicado)"
    r"(\s*[:\-–—]\s*|\s+(on|by|at|il|le|am|el)\s+|\s+in\s+(?=\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b)|\s+(?=\d|" + MONTH + r")|\t+)"
    r"(?P<value>\S.*)$",
    re.IGNORECASE)
# A leaflet's own code on its own or in a byline: "Leaflet PIL-ONC-014 (version 4)", "Ref: RAD/CT/06".
DOCUMENT_CODE = re.compile(r"^(?i:(leaflet|document|doc|publication|booklet|factsheet|handout|information sheet)"
                           r"( (no\.?|number|ref(erence)?|code|id))?|ref(erence)?( no\.?)?)\s*[:#]?\s*"
                           r"(?P<value>[A-Z]{2,}[\w/.-]*\d[\w/.-]*(\s*\(?(?i:version|v\.?|issue|edition)\s*\d+(\.\d+)?\)?)?)$")
_NAME = r"[A-Z][\w.'’-]*(\s+[A-Z][\w.'’-]*){0,3}"
# A role after the name is Title Case ("Health Correspondent", "MD") or names a newsroom job:
# "By Friday, most side effects have gone" is a sentence, not a byline.
_ROLE = (r"(([A-Z][\w.'’&/-]*(\([A-Z]{1,5}\))?|\([A-Z][\w&/-]{0,10}\)|of|and|at|for|the|in|on|&)(\s+|$|(?=,))){1,6}|"
         r"[a-z][\w ]{0,40}\b(correspondent|editor|reporter|writer|journalist|contributor|"
         r"columnist|producer|oncologist|physician|surgeon|nurse|radiologist|pharmacist|doctor|specialist|consultant|"
         r"therapist|dietitian|radiographer)s?")
# A class's or a recording's speakers are its byline too ("Presented by Nadia Forsythe, Nurse Educator, and ...").
BYLINE = re.compile(rf"^(([Bb]y|([Pp]resented|[Dd]elivered|[Hh]osted|[Nn]arrated|[Tt]aught) by)\s+"
                    rf"(?P<value>{_NAME}(\s+(and|&)\s+{_NAME})?)(,\s+({_ROLE})){{0,4}}|"
                    rf"From:\s+(?P<source>([A-Z][\w'’&.-]*|of|and|for|the|on|in)(\s+([A-Z][\w'’&.-]*|of|and|for|the|on|in)){{0,7}}))$")
# A wiki's tagline under the title: "From OpenHealth Wiki, the free health encyclopedia".
SITE_TAGLINE = re.compile(r"^From\s+(?P<source>[A-Z][\w'’&.-]*(\s+[\w'’&.-]+){0,5}),\s+the\s+(free\s+)?([\w-]+\s+){0,2}"
                          r"(encyclopedia|encyclopaedia|wiki|dictionary|library)$")
# A bare date, and time, beside a byline: "By Jane Doe | 12 June 2024, 06:00 BST".
BARE_DATE = re.compile(
    r"(\w+,? )?(\d{1,2}(st|nd|rd|th)? " + MONTH + r"\w*\.?,? \d{4}|" + MONTH + r"\w*\.? \d{1,2}(st|nd|rd|th)?,? \d{4}|"
    r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4})(,? (at )?\d{1,2}[:.]\d{2}\s*([ap]\.?m\.?)?( [A-Z]{2,4})?)?", re.IGNORECASE)
BYLINE_PARTS = re.compile(r"\s+[|·•]\s+")  # "By Jane Doe | Updated 3 May 2021 · 4 min read"
# Some blogs set dashes between the parts ("By Dr Helen Park, MD - September 16, 2024 - Imaging"),
# where a role may hold one too ("Senior Consultant – Radiation Oncology"): tried second.
BYLINE_DASHES = re.compile(r"\s+[|·•–—-]\s+")
READING_TIME = re.compile(r"(\d+\s*[–-]\s*)?\d+\s*(min|minutes?)( read| listen| watch|\.? di lettura| de lecture)?|"
                          r"(practice|registration|hpcsa|gmc|npi) (no\.?|number)\s*:?\s*[\w-]+|"
                          r"(\d+|no) (comments?|responses?|replies)", re.IGNORECASE)
METADATA_KEYS = (("approv", "approved"), ("ratif", "approved"), ("owner", "author"), ("document", "document"),
                 ("leaflet", "document"), ("handout", "document"), ("reviewer", "reviewer"), ("editor", "author"), ("source", "author"),
                 ("next review", "next review"), ("review date", "next review"),
                 ("review due", "next review"), ("updat", "last update"), ("modif", "last update"), ("revis", "last update"),
                  ("edit", "last update"), ("jour", "last update"), ("aggiorna", "last update"),
                  ("aktualis", "last update"), ("actualiz", "last update"), ("review", "reviewed"),
                  ("writ", "author"), ("author", "author"), ("creat", "created"), ("contribut", "author"), ("prepar", "author"), ("date", "date"),
                  ("version", "version"))

# A reader's comment opens with its writer and when it was posted: "**Margaret, Leeds** – 2 days
# ago", "dave_t · March 3, 2024 at 10:15 am". The writer is one handle or up to four capitalised
# words, so "Treatment started – 2 weeks ago" is not taken for one.
_POSTED = (r"((\d+|an?|one) (second|minute|min|hour|hr|day|week|month|year)s? ago|yesterday|just now|"
           r"(on )?(\w+ \d{1,2},? \d{4}|\d{1,2} \w+ \d{4}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}) at "
           r"\d{1,2}[:.]\d{2}\s*([ap]\.?m\.?)?)")
# A Q&A site's comment header, its writer and the comment's short age: "Marek Dvorak · 4mo". Between
# answers, not a trailing comment section: it opens no section.
SHORT_AGE_HEADER = re.compile(r"^(?-i:[A-Z][\w'’.-]*(\s[A-Z][\w'’.-]*){0,3}) [·•|] \d{1,2} ?(y|yr|mo|w|d|h)$")
COMMENT_HEADER = re.compile(
    r"^([^\s,]+|(?-i:[A-Z][\w'’.-]*(,?\s[A-Z][\w'’.-]*){0,3}))(\s[-–—|·•]\s|,\s)"
    r"((posted|commented|replied|wrote) )?" + _POSTED + r"$", re.IGNORECASE)

# A Q&A thread's post details: who asked, answered or edited it, and when ("asked May 11 at 18:02
# first_cycle_jen 146 ● 3", "Member reply · answered May 12 ...", "edited Jun 9 at 11:48 by mod_hannah").
POST_DETAILS = re.compile(r"^((\w+ ){1,2}· )?(asked|answered|edited|commented|replied)( on)? (" + MONTH +
                          r"\w* \d{1,2}\b|\d{1,2} " + MONTH + r"|(\d+|an?) \w+ ago|yesterday|today)", re.IGNORECASE)
# A reader's comment signed at its end with a user name and a date ("... – nurse_kel May 11 at 19:03").
SIGNED_COMMENT = re.compile(r"\s[–—-]\s?[\w.-]+ (" + MONTH + r"\w* \d{1,2}( at \d{1,2}[:.]\d{2})?|(\d+|an?) \w+ ago)\s*$",
                            re.IGNORECASE)

# Headings over a list of links to the site's other pages ("Most read" + five headlines).
RELATED_HEADING = re.compile(
    r"related( \w+)?|related \w+ (reviews?|articles?|content|reading|pages?|links?|stories|guides?|resources)|"
    r"for more information|further (information|reading|resources)|useful (links|resources|websites)|"
    r"stories (from|of) .{1,40}|more in .{1,40}|(patient|patients'|readers'?|community|real) stories|you (may|might) also (like|be interested in|want to read)|recommended( \w+)?|"
    r"(most )?popular( \w+)?|top results|search results|explore (the|this) topic|(other|more) [\w ]{0,20}(easy read|leaflets|guides|pages|information sheets|sheets|handouts|articles|topics)( (about|in|on) [\w -]{1,30})?( (that )?you (may|might) (also )?find (useful|helpful|interesting))?|most (read|viewed|shared)|latest( \w+)?|trending( now)?|see also|more from .+|"
    r"more (\w+ ){0,2}(explainers|articles|stories|news|guides|posts|videos|features|podcasts)", re.IGNORECASE)

# Headings of a section that is the site's, not the article's, with everything under them:
# who the page is for (and its "Yes, if ..." answers), its legal notes, its change history.
META_SECTIONS = _rules([
    (r"(is|are) this (information|page|leaflet|guide|booklet|factsheet|article|section|guideline) "
     r"(right|suitable|relevant|meant|written|intended) for (me|you)|"
     r"how to (use|read) this (document|leaflet|booklet|guide|page|information|handout)|"
     r"who (is|are) this (information|page|leaflet|guide|booklet|factsheet|article|guideline)( is)? "
     r"(for|aimed at|written for)|about this (information|page|leaflet|guide|booklet|factsheet|guideline|handout|"
     r"document|information sheet|sheet)",
     "who this page is for"),
    (r"your responsibility|(medical |legal )?disclaimer|terms of use|legal (notice|information)",
     "the site's legal note"),
    (r"(service|site|website|clinic|hospital) (update|alert|notice|disruption|closure|changes?)( ?:.*)?|"
     r"(important|temporary) (service )?(notice|closure|disruption)( ?:.*)?", "site alert"),
    (r"(your )?feedback|tell us what you think|have your say|rate this (page|leaflet|article|issue|newsletter)|"
     r"how (useful|helpful) (was|is|did you find) this (page|leaflet|article|issue|newsletter|e-?mail|guide)\??", "feedback form"),
    # A newsletter's own news beside the article: events, its volunteers, its appeals.
    (r"dates for (your|the) diary|(upcoming|forthcoming|local) events( near you)?|events near you|what'?s on( near you)?|"
     r"volunteer(s'?)? (spotlight|news|corner|of the month)|meet (one of )?our volunteers?", "the site's news and events"),
    (r"credits|content credits|(medically |clinically |expert )?reviewed by|(medical |clinical |expert )?reviewers?|"
     r"(the )?experts? in this (story|article)|featured experts?|about the (author|writer|expert|doctor|reviewer)s?",
     "credits"),
    (r"(the )?(organi[sz]ation|agency|programme|program)('s)? response|our response", "the site's own work"),
    (r"page details|document (control|details|information)|about this page|about this guidance|about our (information|content|leaflets|booklets|handouts)|syndicate this (content|page|article)|cite this (page|article|content)|"
     r"reuse (of )?(this|our) (content|information)|republish this (page|article)", "the page's details"),
    # A private provider's sales: why choose it, what it costs, what patients say, how to enquire.
    (r"(order|download)( or (order|download))? (the|this|our|a) (booklet|leaflet|guide|handout|factsheet)s?", "download offer"),
    (r"(any |got |have )?(a )?questions\??( (call|contact|phone|ring|ask) us\.?)?", "contact box (its questions box)"),
    (r"((important|useful|key) )?(tele)?phone numbers( and (addresses|hours|opening times))?|contact (numbers|details)",
     "contact box (the site's numbers)"),
    # A printed handout's forms: the patient's signed acknowledgement, a box staff fill in.
    (r"((patient|carer|caregiver)('s)? )?(acknowledg(e)?ment|declaration|sign-?off|signatures?)( form)?|"
     r"for (office|staff|clinic) use( only)?|.{1,50}\((to be )?(completed|filled in) by (the )?[\w /-]{1,30}\)",
     "form (to fill in and sign)"),
    (r"((participant|patient|informed) )?consent form( for .{1,60})?", "form (to fill in and sign)"),
    # A research study's information sheet around the care it describes: the study's own sections,
    # under the standard headings of participant information sheets and consent documents.
    (r"(an )?invitation( to (take part|participate)( in (a|this|our) (research )?(study|trial))?| and brief summary)?|"
     r"(part|section) ([a-z]|\d{1,2}|one|two)\s*[:.–-]?\s*(about )?(the|this|our) ([\w-]+ ){0,3}(study|trial|research)|"
     r"what is the (purpose|aim) of (the|this) (study|trial|research)|why is (this|the) (study|trial|research) being done|"
     r"why (have|has) (i|you|my child) been (invited|chosen|asked)( to take part)?|do i have to take part|"
     r"what (will|would) happen (to me )?if i (take part|decide to take part|join( the (study|trial))?)|"
     r"what are the (possible )?(benefits|disadvantages|risks|advantages)( and (risks|disadvantages|benefits|advantages))? of taking part|"
     r"what (will|would) happen to (the )?(information|data) (about me|collected)|what (will|would) happen to my (samples|data|information)|"
     r"will my taking part( in (this|the) (study|trial))? be kept confidential|what if (there is|something goes wrong|i have) a problem|"
     r"what (will|would) happen if i (don'?t want to carry on|decide to stop|withdraw)|"
     r"who is (organi[sz]ing|sponsoring|funding)( and (funding|sponsoring|organi[sz]ing))? (the|this) (study|trial|research)|"
     r"who has (reviewed|approved) (the|this) (study|trial|research)|what (will|would) happen to the results of (the|this) (study|trial|research)",
     "the research study (not the treatment)"),
    (r"our ([\w-]+ ){0,3}team", "staff list (name and role)"),
    # An answer engine's search steps: "Pro Search" / "- Searching for" / its queries / "- Reading 6 sources".
    (r"(pro |deep )?search( steps)?|(research|reasoning|search) steps|searching( the web)?( for)?",
     "the answer engine's search (its queries and sources)"),
    # What an app adds over a saved page: a machine's summary of it, the reader's own highlights and
    # notes (copies of its sentences), its own downtime.
    (r"\W*(ai|ai-generated|ai generated|auto-?generated|automatic|machine-generated)( page| article)? summary|"
     r"summary (by|from) (ai|the assistant)", "a machine's summary of the page (not the page)"),
    (r"(my |your )?highlights( and notes)?( \(\d+\)?)?|my notes( \(\d+\)?)?|(my |your )?annotations( \(\d+\)?)?",
     "the reader's highlights and notes (copies of the page's sentences)"),
    (r"(planned|scheduled) (maintenance|outage|downtime)( [\w ,-]{1,40})?", "site alert"),
    (r"(your )?(current )?medication list|orders placed (this|during this) (encounter|visit)|education materials",
     "the patient's record"),
    (r"why ((our )?(patients|people|families) )?(choose|chose|pick|come to|trust) .{1,40}|(which|who|what) is the best (hospital|clinic|centre|center|doctor|"
     r"oncologist|surgeon)s?\b.{0,60}", "the site's selling points"),
    (r"how much (does|do|will|would) .{1,50} cost( abroad| overseas| here| with us| in [\w ]{1,30})?|(the )?costs? of .{1,50}|paying for .{1,50}|.{1,30} (prices|pricing|fees)|"
     r".{1,40} (costs?|prices?) (at|in) .{1,40}|"
     r"prices?|pricing|fees( and (payment|finance))?|finance( options)?|payment options|prices? (for|of) .{1,50}|"
     r"(a )?note on (costs|fees|charges|payment|paying)",
     "the clinic's prices and insurers"),
    (r"what (our )?patients say|patient (reviews|stories|testimonials)|testimonials|reviews|"
     # a box of one person's story, titled the same on each page ("Carer's story", "Real stories")
     r"([\w-]+['’]s?|patient|carer|caregiver|member|reader|real|personal|family|your) stor(y|ies)|"
     r"(patient|carer|caregiver)s?['’]? (voices|experiences)", "testimonials"),
    # The hospital's patient portal, offered in a box ("Manage your care online", "Sign in to MyChart").
    (r"manage your (care|health|appointments?|account) online|(sign|log) ?in to (mychart|your (patient )?portal)|"
     r"(your |our |the )?patient portal|mychart", "the patient portal's offer"),
    # A hospital's own services, beside any treatment: interpreters, directions, parking, lodging.
    (r"(do you )?need an interpreter\??|interpret(er|ers|ing)( services?)?|(language|translation) (help|support|services?)",
     "the hospital's interpreter service"),
    (r"(will|does|would) (my )?(health |medical )?insurance (cover|pay for) [\w' -]{1,50}\??|"
     r"(do i need|getting|applying for) an? (medical |travel )?visa|travel(ling)? (and|&) visas?|"
     r"(is|are) [\w' -]{1,50} covered by (my |your )?(health |medical |private )?insurance( policy)?\??|"
     r"(does|will|would) (my |your )?(health |medical |private )?insurance (policy )?cover [\w' -]{1,50}\??|"
     r"can (i|you) (have|get|pay for) [\w' -]{1,50} as an? (self-?pay(ing)?|private|uninsured) patient\??|"
     r"[\w' -]{1,50} (fees|prices|costs) for (self-?pay(ing)?|private|insured|uninsured|international) patients",
     "the clinic's prices and insurers"),
    (r"(car )?parking( for [\w ]{1,30})?|is there (free |any )?(car )?parking( at [\w' -]{1,40})?\??|getting here|how to (get|find) (here|us)|finding us|directions|travel(ling)? and parking|"
     r"where (to find us|we are)|patient hotel|accommodation( for patients)?", "directions and parking"),
    # A magazine's shopping box: its editors' product picks, with prices and shop links.
    (r"shop (the|this) (story|article|post|look|list)|shop (our|the editors['’]?) picks|(our )?editors['’]? picks( for .{1,50})?|"
     r"products (we love|mentioned( in this (story|article))?)|(the )?products in this (story|article)", "shopping (the site's product picks)"),
    (r"compare (drug |medication |prescription )?prices( near you| nearby)?|(drug|medication|prescription) "
     r"(prices|coupons|discounts|savings)", "price comparison (the site's shop)"),
    (r"(make|send)( us)? an enquiry|enquire( now| online| today)?|request (an appointment|a call ?back|a consultation)|"
     r"(get|request) a call ?back|call me back|book an? [\w -]{1,30}|"
     r"(change|cancel|rebook|reschedule|move)( or (change|cancel|rebook|reschedule|move))? (your|an) appointment|"
     r"book (online|an appointment|a consultation|your (scan|appointment|consultation))|schedule (an?|your) [\w -]{1,30}|"
     r"talk to (a|an|our) [\w -]{0,30}(specialist|expert|doctor|nurse|team)", "enquiry form"),
    (r"where can (you|i) (learn|find out|get|read) more( information)?|(need )?more information\?|"
     r"(resources|links|books|websites|articles) (mentioned|discussed|from) (in )?(this|the|today'?s) (episode|show|video|podcast)",
     "links to other pages"),
    (r"in the( [\w-]+)? app|using the( [\w-]+)? app|app tips?|try it in the app", "the app's instructions (its menus)"),
    # A course's quiz and its private notes box, beside the lesson ("Check your understanding" /
    # "Question 1 of 2" / its options / "Submit"; "Pause and reflect" / a prompt / "Save note").
    (r"check your (understanding|knowledge|learning)|test your (understanding|knowledge)|(quick |lesson |module |review )?quiz|"
     r"knowledge check|self[- ]check|pause and (reflect|think)|(my |your )?(private )?notes \(only you can see (these|them)\)",
     QUIZ),
    # A course's or forum's prompt to the readers ("Talk about it" / "What helped you ...? Share one tip.").
    (r"talk about it|join the (discussion|conversation)|discussion( forum| board| question)?|over to you|your turn|"
     r"share your (tips?|experiences?|thoughts)", "discussion prompt (the site's forum)"),
    # A library guide's boxes: where else to look, and how to search its catalogue.
    (r"(useful |other |recommended |more )?(websites|web sites|web links|online resources|databases)|"
     r"(find|search for) (books|articles|e-?books)( and (e-?books|articles|dvds))?( in the catalog(ue)?)?|librarian['’]?s? tips?",
     "links to other pages"),
    (r"(episode |video )?chapters|(episode |video )?timestamps|in this (episode|video)", "a recording's chapters"),
    (r"(about|meet) (our|the|today'?s|this episode'?s) (guests?|hosts?|speakers?|panel(lists)?|experts?)( and (guests?|hosts?))?",
     "credits"),
    (r"(sources|references)( (that )?(we|the [\w -]{1,30}|our [\w -]{1,30}))? (checked|used|consulted|cited|read)|"
     r"(expert |medical |clinical )?review(ers)? and (references|sources)|(references|sources) and (further reading|"
     r"more information)", "reference list"),
    (r"update information|(page|document|version|update|revision|review|change) history|updates to this (page|guidance|document)|"
     r"(see |show )?all updates|"
     r"(what'?s new|changes) (in|to) this (page|guideline|leaflet|guide|information|version)",
     "the page's change history"),
])
# A list item that cites a publication: "Smith J et al. (2021)", "Evidence review A (2021)", a DOI.
CITATION = re.compile(r"\((19|20)\d{2}[a-z]?\)\.?$|\bet al\b|\bdoi\s*[:.]|\bpmid\b|\b(19|20)\d{2};\s*\d+",
                      re.IGNORECASE)

# Lead-ins that introduce links to other pages ("More about coping with side effects:"), not
# an article list whose items happen to be links ("Common side effects include:").
LINK_LEAD_IN = re.compile(
    r"\b(read (more|also|about|our)|more (about|on|from|information|articles|guides)|find out more|"
    r"learn more|see (also|our|more)|related|further (information|reading)|"
    r"our (other )?(guides?|articles?|pages?|resources)|(other|useful|similar) (guides?|articles?|"
    r"pages?|stories|resources|links)|you (may|might) also)\b", re.IGNORECASE)
MARKDOWN_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")

# Phrases clean weighs in context: a reviewer's name and role, who offers a phone number and on
# what terms (clean._is_advice), a news site being told something.
# A name with its role: "Thomas D. Marchetti MD - Family Medicine", "Jane Roe, RN".
_NAME_WITH_CREDENTIAL = r"[A-Z][\w'’.-]*( [A-Z][\w'’.-]*){1,3},? (MD|DO|RN|PhD|MBBS|FRCP\w*|NP|PA|PharmD|MPH|MSN|BSN)"
SIGNED_ITEM = re.compile(rf"^{_NAME_WITH_CREDENTIAL}\b")
# A card's name line with nothing else on it: "Priya Raman, MD", "Jordan Ellis, RN, OCN", or a forum's
# user card with the handle before and the titles after ("nurse_maggie Maggie Okafor, RN · moderator").
STAFF_CARD = re.compile(rf"(@?[a-z\d]+[_.][a-z\d_.]+ )?{_NAME_WITH_CREDENTIAL}(,? [A-Z]{{2,5}})*"
                        r"( [\w'’ -]{1,40}( [·|•] [\w'’ -]{1,40})+)?")
# The site speaking of itself, or of its own services.
FIRST_PERSON = re.compile(r"\W*\b(we|us|our|ours|we're|we've)\b", re.IGNORECASE)
# When to call, as a condition (not only opening hours such as "24 hours a day").
CONDITION = re.compile(r"\b(if|when|whenever|unless|as soon as|straight away|right away|immediately|urgent(ly)?|"
                       r"(?-i:si|quand|lorsque|wenn|cuando|quando))\b", re.IGNORECASE)
# "Call ...", "Please phone ...": an imperative that only hands out the number.
CALL_TO_ACTION = re.compile(r"(^|[.!?:,]\s+)((or|and)\s+)?(please\s+)?(call|phone|ring|text|dial|contact|llame|appelez|chiami|rufen)\b|"
                            r"\b(book|order|apply|register|enquire|sign up)( online)? or (call|phone|ring)\b",
                            re.IGNORECASE)
# A line that opens as contact data does ("Phone (02) 5550 4310, Monday to Friday ...").
CONTACT_LABEL = re.compile(r"^\W*(phone|tel|telephone|call|freephone|helpline|fax)\b\W*[+(]?\d|"
                           r"^[^:.!?]{2,60}:\s*[+(]?\d[\d ().-]{6,}\d", re.IGNORECASE)  # "Imaging Scheduling: 312-555-0163"
# The language-help taglines US health sites print in many languages ("ATENCIÓN: si habla
# español ... Llame al ...", "CHÚ Ý: ..."), and their English line: the label in the other languages,
# and the offer of free help.
_FOREIGN_ATTENTION = (r"atención|atencion|atenção|attenzione|achtung|chú ý|uwaga|paunawa|внимание|ВНИМАНИЕ|주의|注意|"
                      r"ملحوظة|توجه|xiyyeeffannaa|baa ákoninízin")
_FREE_LANGUAGE_HELP = r"\bfree (language|interpret(ing|er)) (help|assistance|services?)\b|\blanguage assistance services?\b"
ATTENTION_LABEL = re.compile(rf"^\W*(attention|{_FOREIGN_ATTENTION})\s*[:：]|{_FREE_LANGUAGE_HELP}|^\W*se habla espa[ñn]ol\b",
                             re.IGNORECASE)
# A language-help tagline itself, whatever its language, not only its label: "ATENCIÓN: si habla
# español ...", "If you speak Spanish, ...", "Wenn Sie Deutsch sprechen, ...".
LANGUAGE_TAGLINE = re.compile(rf"^\W*({_FOREIGN_ATTENTION})\s*[:：]|\bif you speak [A-Z]|\bsi habla\b|\bsi vous parlez\b|"
                              rf"\bwenn sie \w+ sprechen\b|{_FREE_LANGUAGE_HELP}", re.IGNORECASE)
# A box's hours and address lines ("Telephone hours: ...", "Ground floor, Cancer Centre"), and the
# portal the site answers messages in.
CONTACT_HOURS = re.compile(r"^\W*((telephone|phone|opening|visiting|office|reception|operating|clinic|business|hotline) "
                           r"(hours|times|address)\s*:|"
                           r"(ground|first|second|third|\d{1,2}(st|nd|rd|th)) floor,)", re.IGNORECASE)
PORTAL_MESSAGE = re.compile(r"\b(send us|message us|write to us)\b.{0,40}\b(patient portal|app|online)\b|"
                            r"\blogged in to (the|your) patient portal\b")
# A news site spoken to ("told The Medical Times"): reporting, not the site's promotion.
REPORTED = r"\b(told|telling|speaking to|spoke to|said to|interviewed by|in an interview with)\s+(the\s+)?"
