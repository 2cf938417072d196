"""German: the furniture of German pages a cleaner cuts (consent banners, teasers, buttons, a
press release's contact block and distribution line).

Plain data, as in :mod:`corroborate.lang.en`; only page furniture (German dates and names are
read elsewhere). Developed on the German texts of the SemEval-2022 sample (bench/nothing_lost.py).
"""

from __future__ import annotations

from corroborate.lang import wordlist

# --------------------------------------------------------------------------------------------
# Page furniture (see lang.en: same names, read together)

COOKIE_BANNER = (
    # "Diese Seite verwendet Cookies", "Wir verwenden auf unserer Webseite Cookies ...",
    # "Wir setzen auf unserer Website Cookies und andere Technologien ein"
    r"^(diese[sr]?|unsere) (web)?(seite|site|website|webseite) (verwendet|nutzt|benutzt|setzt)"
    r"\b.{0,30}\bcookies\b",
    r"^wir (verwenden|nutzen|benutzen|setzen)\b.{0,40}\bcookies\b",
    r"^cookie-?(informationen|einstellungen|hinweis|richtlinie|zustimmung)",
    # a banner's notice in other words: "Um die Funktion unserer Website zu verbessern ...,
    # sammeln wir technische anonymisierte Informationen über Sie"
    r"^um\b.{0,160}\b(sammeln|verwenden|nutzen|speichern) wir\b.{0,40}"
    r"\b(cookies|anonymisierte|technische|pseudonyme|informationen über sie|ihre daten)\b",
    r"^(durch|mit) (die |der )?(weitere[n]? )?nutzung (unserer|dieser) (web)?(seite|site|website)"
    r"\b.{0,120}\b(cookies|einverstanden|zu)\b",
    r"^ihre (zustimmung|einwilligung) können sie\b.{0,120}$",
    # "Indem Sie „Akzeptieren und schließen“ anklicken, stimmen Sie ... der Verarbeitung ... zu"
    r"^indem sie\b.{0,80}\b(an)?klicken\b.{0,20}\b(stimmen|willigen) sie\b",
    r"^(zur|zu unserer) datenschutzerklärung$",
    r"^(alle )?cookies (akzeptieren|ablehnen|zulassen|erlauben)$",
)
BANNER_WORDS = (
    *(r"cookies?", r"cookie-\w+", r"datenschutz\w*", r"einwilligung", r"zustimmung"),
    # a consent's button and its withdrawal, in a banner's machine-translated sentences ("Sie
    # "akzeptieren und schließen", um ...", "... werden in der Art und Weise widerrufen.")
    *(r"akzeptieren und schließen", r"widerrufen"),
)
CONSENT_BUTTONS = (
    *("akzeptieren", "alle akzeptieren", "zustimmen", "alle zustimmen", "ablehnen"),
    *("alle ablehnen", "einverstanden", "verstanden", "einstellungen", "weitere informationen"),
    *("mehr erfahren", "akzeptieren und schließen", "datenschutz", "datenschutzerklärung"),
    "impressum",
)
CONSENT_ONLY_BUTTONS = ("alle akzeptieren", "alle ablehnen", "alle zustimmen")
COMMENT_HEADERS = (r"^(\d+ )?(kommentare?|leserkommentare)[.:]?$",)
COMMENT_FORM = (
    r"^kommentar-?profil anlegen\b.{0,160}$",
    r"^(anmeldung )?noch nicht bei (der|den|dem) [\w .-]{2,40}\?$",
    # the form's checkbox: "Ich habe die NETIQUETTE und die DATENSCHUTZERKLÄRUNG gelesen und
    # akzeptiere diese." ("Ich habe die Netiquette nie gelesen, gab er zu" is news)
    r"^(kommentar-?profil anlegen )?ich habe die (netiquette|datenschutzerklärung)\b.{0,80}"
    r"\bgelesen und akzeptiere\b.{0,60}$",
    r"^melden sie sich an und diskutieren sie mit\.?$",
    r"^(kommentar schreiben|jetzt kommentieren)$",
)
PAGE_RESIDUE = (
    r"^(anzeige|werbung)$",
    r"^weiterlesen( nach der anzeige)?\.?$",
    # share buttons, alone or in a row: "Teilen Weiterleiten", "Tweeten Weiterleiten Drucken"
    r"^(jetzt )?teilen:?$",
    r"^(teilen|weiterleiten|drucken|tweeten|twittern|versenden|merken)"
    r"(\s+(teilen|weiterleiten|drucken|tweeten|twittern|versenden|merken))+$",
    r"^(weiterleiten|drucken|tweeten|merken|vorlesen|artikel vorlesen)$",
    # a teaser's tail where the article is cut off: "Den vollständigen Artikel lesen ..."
    r"^(den )?(vollständigen|ganzen) artikel lesen\b.{0,10}$",
    r"^themen folgen$",
    r"^bild-?infos$",
    r"^anmelden( pfeil nach rechts)?$",
    r"^bei problemen mit der wiedergabe des videos aktivieren sie bitte javascript\.?$",
)
SUBSCRIBE_PROMPTS = (
    r"^(jetzt )?(abonnieren|registrieren)[.!]?$",
    r"^(melden sie sich|abonnieren sie)\b.{0,80}\bnewsletter\b",
    r"^folgen sie uns\b",
)
CALLS_TO_ACTION = (r"^(abonnieren sie)\b",)
RELATED_MARKERS = (
    r"lesen sie (auch|mehr)",
    r"mehr zum thema",
    r"auch interessant",
    r"das könnte sie (auch )?interessieren",
    r"weitere (artikel|nachrichten|meldungen)",
    r"empfehlung(en)?",
)
# ... as written, then the teaser's headline ("Lesen Sie auch Neues Faltphone kommt")
RELATED_MARKERS_CAPS = ("LESEN SIE AUCH", "MEHR ZUM THEMA", "AUCH INTERESSANT", "Lesen Sie auch")
# Ad labels a scraper fuses to the front of a sentence (matched as written): doubled, for one
# "Anzeige" is a word of German prose too ("Die Frau erstattete Anzeige").
AD_LABELS = (r"Anzeige(?:\s+Anzeige)+", r"ANZEIGE(?:\s+ANZEIGE)*")
# The source credited under a story, as English "Source: AP" (lang.en BOILERPLATE), and the
# distribution line under a press release the wire service news aktuell (ots) sends out
# ("Original-Content von: <sender>, übermittelt durch news aktuell"; "Original-Inhalt von:" in
# a machine translation), with its pointers to more ("Weiteres Material: ...",
# "Originalmeldung: <link>").
BOILERPLATE = (
    r"^quellen?\s*:\s*[^.]{1,60}$",
    r"^original-(content|inhalt) von\s*:\s*[^:]{1,120}\bübermittelt durch\b[^:]{0,40}$",
    r"^weiteres material\s*:.{0,120}$",
    r"^originalmeldung\s*:\s*\S*$",
)
# ... and the same line where a page run into one line ends on it (matched as written).
RELEASE_DISTRIBUTION = (
    r"(?:Weiteres Material:\s(?:OTS:\s)?[^:]{1,80}?\s)?"
    r"Original-(?:Content|Inhalt) von:\s[^:]{1,120}?übermittelt durch news ?aktuel\w*\.?",
    r"Weiteres Material:\s(?:OTS:\s)?[^:]{1,80}",
)
# The heading of a press release's contact block (as English "Notes to editors", lang.en
# NOTES_TO_EDITORS: whom the press may call, to the end): "Pressekontakt:", "Rückfragen bitte
# an:", "Medienrückfragen bitte an:", "Rückfragen & Kontakt:".
NOTES_TO_EDITORS = (
    r"(presse|medien)kontakte?",
    r"(medien|presse)?rückfragen( bitte)?( an| richten sie (bitte )?an)?( (&|und) kontakt)?",
)
# The fields of a contact block, one of which tells a contact block run into a line from a
# heading-like phrase in prose ("Telefon: 0211 505-2627", "E-Mail: presse@...").
CONTACT_FIELDS = (r"tel(efon)?\.?", r"fax", r"e-?mail", r"mobil", r"handy")
# Words of a site's section labels in its title ("... - News, Sports, Jobs"), folded as written
# (lang.en SECTION_WORDS).
SECTION_WORDS = frozenset(
    wordlist(
        "nachrichten news sport jobs wetter meinung politik wirtschaft startseite lokales aktuell und"
    )
)
# What a site says of itself in its title, a part of it (lang.en SITE_MOTTOS).
SITE_MOTTOS = (
    r"^(das|ihr|dein) (\w+ ){0,2}(nachrichtenportal|newsportal|onlineportal|portal) (für|aus|der|des)\b.{0,60}$",
)
