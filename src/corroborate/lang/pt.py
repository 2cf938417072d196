"""Portuguese: the furniture of Portuguese pages a cleaner cuts (consent banners, teasers,
buttons).

Plain data, as in :mod:`corroborate.lang.en`; only page furniture. The SemEval-2022 sample
holds no Portuguese text: these are the common wordings of Portuguese and Brazilian sites,
kept as narrow as their French and Spanish counterparts (tests/test_clean.py).
"""

from __future__ import annotations

from corroborate.lang import wordlist

# --------------------------------------------------------------------------------------------
# Page furniture (see lang.en: same names, read together)

COOKIE_BANNER = (
    r"^(este|o nosso|nosso) (site|portal|sítio)( web)? (utiliza|usa) cookies\b",
    r"^(utilizamos|usamos) cookies\b",
    r"^ao (continuar|navegar|utilizar|usar)\b.{0,120}\b(cookies|concorda|aceita)\b",
    r"^política de (cookies|privacidade)$",
)
BANNER_WORDS = (r"cookies?", r"privacidade")
CONSENT_BUTTONS = ("aceitar", "aceitar todos", "aceito", "rejeitar", "recusar", "concordo")
CONSENT_ONLY_BUTTONS = ("aceitar todos", "rejeitar todos")
COMMENT_HEADERS = (r"^(\d+ )?(comentários?)[.:]?$",)
COMMENT_FORM = (r"^deixe (um|o seu|seu) comentário$",)
PAGE_RESIDUE = (r"^(publicidade)$", r"^(partilhar|compartilhar|imprimir)$")
SUBSCRIBE_PROMPTS = (r"^(assine|subscreva|inscreva-se|siga-nos)\b",)
RELATED_MARKERS = (
    r"leia (também|mais)",
    r"veja (também|mais)",
    r"saiba mais",
    r"(notícias |matérias )?relacionad[oa]s",
    r"mais lid[oa]s",
)
RELATED_MARKERS_CAPS = ("LEIA TAMBÉM", "VEJA TAMBÉM", "LEIA MAIS", "SAIBA MAIS")
# The source credited under a story, as English "Source: AP" (lang.en BOILERPLATE).
BOILERPLATE = (r"^fonte\s*:\s*[^.]{1,60}$",)
# Words of a site's section labels in its title ("... - News, Sports, Jobs"), folded as written
# (lang.en SECTION_WORDS).
SECTION_WORDS = frozenset(
    wordlist(
        "notícias noticias esportes esporte desporto empregos tempo opinião política economia início e de"
    )
)
