"""French: the words the stages know of French pages (dates, and the furniture a cleaner cuts).

Plain data, as in :mod:`corroborate.lang.en`.
"""

from __future__ import annotations

from corroborate.lang import wordlist

# --------------------------------------------------------------------------------------------
# Calendar

MONTHS = wordlist(
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"
)

# --------------------------------------------------------------------------------------------
# People

HONORIFICS = frozenset(wordlist("m mme mlle"))  # folded, no full stop: "M.", "Mme", "Mlle"
TITLE_ABBREVIATIONS = wordlist("Mme Mlle")  # written with a full stop in English copy

# --------------------------------------------------------------------------------------------
# Page furniture (see lang.en: same names, read together)

COOKIE_BANNER = (
    r"^(ce site|notre site) (web )?utilise (des )?(cookies|témoins)\b",
    r"^nous utilisons (des )?(cookies|témoins)\b",
)
CONSENT_BUTTONS = ("accepter", "tout accepter", "refuser", "tout refuser")
CONSENT_ONLY_BUTTONS = ("tout accepter", "tout refuser")
COMMENT_HEADERS = (r"^(commentaires?)[.:]?$",)
COMMENT_FORM = (
    r"^laisser un commentaire$",
    r"^votre adresse (e-mail|courriel) ne sera pas publiée\.?$",
)
PAGE_RESIDUE = (
    r"^(publicité)$",
    r"^(partager|imprimer)$",
    r"^lire la suite\s*(…|\.\.\.)?$",  # a teaser's link to the rest: "Lire la suite …"
)
SUBSCRIBE_PROMPTS = (r"^(abonnez-vous|inscrivez-vous|suivez-nous)\b",)
CALLS_TO_ACTION = (r"^(abonnez-vous)\b",)
RELATED_MARKERS = (r"(à |a )?lire (aussi|également)", r"(à )?voir aussi", r"à lire")
RELATED_MARKERS_CAPS = ("LIRE AUSSI", "À LIRE AUSSI", "A LIRE AUSSI")
CREDIT_LABELS = (r"crédit( photo)?", r"crédits")
CREDIT_LABELS_CAPS = ("PHOTOGRAPHIE", "INFOGRAPHIE", r"CAPTURE D['’]ÉCRAN", r"CAPTURE D['’]ECRAN")
CAPTION_LABELS = ("légende",)
BYLINE_WORDS = ("Par", "PAR")
BYLINE_ROLES = ("correspondante?", "journaliste", "envoyée? spéciale?")
STAMP_WORDS = ("publié", "mis à jour")
# Words of a site's section labels in its title ("... - News, Sports, Jobs"), folded as written
# (lang.en SECTION_WORDS).
SECTION_WORDS = frozenset(
    wordlist(
        "actualités actualites infos info sport sports emploi météo opinion opinions politique économie accueil et"
    )
)
# What a site says of itself in its title, a part of it (lang.en SITE_MOTTOS).
SITE_MOTTOS = (
    r"^(le|la|votre) (\w+ ){0,2}(portail|site|source) (d['’]|de |des )(information|informations|actualités|actualites|nouvelles)\b.{0,60}$",
)
