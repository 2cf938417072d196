"""Italian: the furniture of Italian pages a cleaner cuts (consent banners, teasers, buttons).

Plain data, as in :mod:`corroborate.lang.en`; only page furniture. Developed on the Italian
texts of the SemEval-2022 sample (bench/nothing_lost.py).
"""

from __future__ import annotations

from corroborate.lang import wordlist

# --------------------------------------------------------------------------------------------
# Page furniture (see lang.en: same names, read together)

COOKIE_BANNER = (
    r"^(questo|il nostro) sito( web)? (utilizza|usa|fa uso di) (i )?cookie",
    r"^(utilizziamo|usiamo|noi e i nostri partner utilizziamo) (i )?cookie",
    r"^(chiudendo|continuando|proseguendo|scorrendo)\b.{0,120}\b(cookie|acconsenti|consenso)\b",
    r"^(cookie policy|informativa (sui cookie|cookie|privacy|sulla privacy))$",
)
BANNER_WORDS = (r"cookies?", r"privacy", r"consenso")
CONSENT_BUTTONS = (
    *("accetta", "accetta tutti", "accetto", "rifiuta", "rifiuta tutti", "impostazioni"),
    *("personalizza", "ho capito", "ok, ho capito", "accetta e chiudi"),
)
CONSENT_ONLY_BUTTONS = ("accetta tutti", "rifiuta tutti", "accetta e chiudi")
COMMENT_HEADERS = (r"^(\d+ )?(commenti|commento)[.:]?$",)
COMMENT_FORM = (r"^lascia un commento$",)
PAGE_RESIDUE = (
    r"^(pubblicità|annuncio pubblicitario)$",
    r"^(condividi|stampa|tumblr)$",
    r"^condividi( questo| su [\w .]{1,20})?\s*:?(\s*e-?mail)?$",
    # share buttons' screen-reader labels: "Fai clic per condividere su Twitter (Si apre in una
    # nuova finestra)"
    r"^(fai clic|clicca) per (condividere|inviare|stampare)\b.{0,60}$",
    r"^.{1,60}?,? \(?si apre in una nuova (finestra|scheda)\)?$",
    # a blog's like button: "In questo modo: Mi piace Caricamento in corso... Correlati"
    r"^(in questo modo:\s*)?mi piace\s+caricamento in corso\b.{0,20}$",
    r"^(di più|leggi avanti|per saperne di più|leggi di più)[.:]?$",
)
SUBSCRIBE_PROMPTS = (
    r"^(iscriviti|abbonati)( ora| oggi| qui| gratuitamente| gratis)?[.!]?$",
    r"^(iscriviti|abbonati)\b.{0,100}\bnewsletter\b",
)
CALLS_TO_ACTION = (r"^(iscriviti)\b",)
RELATED_MARKERS = (
    r"leggi( anche| pure| di più( su)?)?",
    r"(vedi|guarda) anche",
    r"(articoli )?correlati",
    r"potrebbe (anche )?interessarti",
    r"(il |i )?più lett[ioe]",
    r"ultime (storie|notizie)",
    r"scelta della redazione",
)
RELATED_MARKERS_CAPS = ("LEGGI ANCHE",)
AD_LABELS = (r"ANNUNCIO PUBBLICITARIO", r"PUBBLICITÀ")
# The source credited under a story, as English "Source: AP" (lang.en BOILERPLATE).
BOILERPLATE = (r"^fonte\s*:\s*[^.]{1,60}$",)
# Words of a site's section labels in its title ("... - News, Sports, Jobs"), folded as written
# (lang.en SECTION_WORDS).
SECTION_WORDS = frozenset(
    wordlist(
        "notizie news cronaca sport lavoro meteo opinioni politica economia cultura home ultime e di"
    )
)
# What a site says of itself in its title, a part of it (lang.en SITE_MOTTOS).
SITE_MOTTOS = (
    r"^(la|il) (\w+ ){0,2}(porta|portale|sito|fonte|finestra) (di|delle|per le|sulle|sul) (notizie|informazioni|news)\b.{0,60}$",
)
# Labels of a photo credit ("Foto: ...", "Illustrazione: ...", "Credito: ..."), as lang.en
# CREDIT_LABELS.
CREDIT_LABELS = (r"illustrazione", r"credit[oi]")
