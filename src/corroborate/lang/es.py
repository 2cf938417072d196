"""Spanish: the words the stages know of Spanish pages (dates, and the furniture a cleaner cuts).

Plain data, as in :mod:`corroborate.lang.en`.
"""

from __future__ import annotations

from corroborate.lang import wordlist

# --------------------------------------------------------------------------------------------
# Calendar

MONTHS = wordlist(
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre"
)

# --------------------------------------------------------------------------------------------
# People

# Folded, no full stop: "Don", "Doña", "Sr.", "Sra.", "Lic." (licenciado), "Ing." (ingeniero).
HONORIFICS = frozenset(wordlist("don dona senor senora sr sra lic ing"))
TITLE_ABBREVIATIONS = wordlist("Sra")  # "Sra. López"

# --------------------------------------------------------------------------------------------
# Page furniture (see lang.en: same names, read together)

COOKIE_BANNER = (
    r"^(este|nuestro) (sitio|portal)( web)? utiliza cookies\b",
    r"^utilizamos cookies\b",
    # a privacy notice under the GDPR ("RGPD"), addressed to the reader: "Estamos
    # comprometidos a proteger su información personal y hemos actualizado nuestra Política de
    # Privacidad ...", "Por favor revise nuestra Política de Privacidad.", "Dado que ya
    # compartió sus datos personales con nosotros ..., marque la casilla" (with the site: "...
    # con la empresa, el cliente exigió ..." is news)
    r"^(estamos comprometidos a|nos comprometemos a) proteger (su|tu|sus|tus) (información "
    r"personal|datos)\b",
    r"^(por favor,? )?(revise|lea|consulte) nuestra política de privacidad\b",
    r"^dado que ya (compartió|ha compartido|compartiste|has compartido) (sus|tus) datos "
    r"personales con nosotros\b",
)
CONSENT_BUTTONS = ("aceptar", "rechazar")
COMMENT_HEADERS = (r"^(comentarios?)[.:]?$",)
COMMENT_FORM = (r"^deja (un|tu) comentario$",)
PAGE_RESIDUE = (r"^(publicidad)$", r"^(compartir|imprimir)$")
SUBSCRIBE_PROMPTS = (r"^(suscríbete|suscribete|síguenos)\b",)
CALLS_TO_ACTION = (r"^(suscr[íi]base|abónese)\b",)
RELATED_MARKERS = (
    r"le(a|e|er)? también",
    r"ver también",
    r"(le|te) puede interesar",
    r"más noticias",
)
RELATED_MARKERS_CAPS = ("LEE TAMBIÉN", "LEA TAMBIÉN")
CREDIT_LABELS = (r"foto(s|grafía)?",)
CREDIT_LABELS_CAPS = ("FOTO",)
CREDIT_WORDS = ("foto",)
CAPTION_LABELS = ("pie de foto",)
BYLINE_WORDS = ("Por", "POR")
BYLINE_ROLES = ("corresponsal", "periodista", "enviad[oa] especial")
STAMP_WORDS = ("publicado",)
# The same newsletter box as lang.en SIGN_UP_BOXES, machine-translated ("Regístrese para
# recibir alertas de correo electrónico ... Correo electrónico no válido").
SIGN_UP_BOXES = (
    r"Regístrese para recibir alertas de correo electrónico\b.{0,300}?"
    r"Correo electrónico no válido",
)
# Words of a site's section labels in its title ("... - News, Sports, Jobs"), folded as written
# (lang.en SECTION_WORDS).
SECTION_WORDS = frozenset(
    wordlist(
        "noticias deportes empleo empleos clima tiempo opinión política economía portada inicio última últimas y de"
    )
)
# What a site says of itself in its title, a part of it (lang.en SITE_MOTTOS).
SITE_MOTTOS = (
    r"^(el|la|tu|su) (\w+ ){0,2}(portal|sitio|fuente|ventana) (de|para) (noticias|información|informacion)\b.{0,60}$",
)
