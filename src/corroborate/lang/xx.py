"""Multi-language (spaCy's code ``xx``): what is read whatever the article's language.

Names cross languages -- a Spanish name in an English report keeps its "de la", a French
paper is "Le Monde" in any text -- and so do the names of wires and photo agencies. German
honorifics and the German and Italian byline words sit here too (the furniture of German and
Italian pages has its own modules, :mod:`corroborate.lang.de` and :mod:`corroborate.lang.it`).

Plain data, as in :mod:`corroborate.lang.en`.
"""

from __future__ import annotations

from corroborate.lang import wordlist

# --------------------------------------------------------------------------------------------
# Names

# Particles inside personal names, folded ("Ana de la Cruz", "van der Berg", "bin Salman").
NAME_PARTICLES = frozenset(wordlist("de del la las los y da do dos van von der di le bin al el"))
# German honorifics, folded ("Herr Müller").
HONORIFICS = frozenset(wordlist("herr frau"))
# Words joining the words of a proper name -- an outlet's, a place's ("Le Monde", "El País",
# "Ana de la Cruz", "Bank of England").
NAME_CONNECTORS = wordlist("of the de la el del des du le les los las and & for y et di da do dos")

# --------------------------------------------------------------------------------------------
# Outlets, wires and photo agencies

# Words that make a short capitalised line the name of a publication, in several languages
# (regex alternatives, matched as written).
OUTLET_WORDS = wordlist(
    r"""
    News|Newspaper|Daily|Times|Post|Magazine|Mag|Journal|Herald|Tribune|Gazette|Press|
    Insider|Chronicle|Review|Wire|Radio|Television|TV|Network|Media|Report|Reporter|Observer|
    Telegraph|Guardian|Express|Mail|Star|Sun|Today|Weekly|Monthly|Monitor|Courier|Dispatch|
    Inquirer|Globe|Standard|Record|Bulletin|Examiner|Register|Sentinel|Independent|Agency|
    Agence|Agencia|Broadcasting|Broadcast|Online|Digital|Voice|Newswire|Newsweek|Presse|
    Prensa|Noticias|Diario|Periódico|Journal|Quotidien|Nouvelles|Zeitung|Nachrichten|Gazzetta|
    Corriere|Notizie|Jornal|Folha|Correio|Informador|Universal|Financiero|Economist|Business|
    Insight|Bureau|Wires|Newsroom|Ledger|Leader|Citizen|Advocate|Advertiser|Enquirer|Mirror|
    Argus|Beacon|Banner|Clarion|Courant|Free Press|Pioneer|Telegram|Tribune|Times-\w+|
    FM|Channel|Broadcasting Corporation|Tech|Wired|Echo|Écho|Observador|Observateur|Mundo|Monde|
    País|Nación|Tiempo|Temps|Soir|Matin|Heraldo|Crónica|Gazeta|Stampa|Kurier|Rundschau
    """,
    sep="|",
)
# Outlets whose names carry no tell-tale word (wires, broadcasters, well-known titles).
KNOWN_OUTLETS = wordlist(
    """
    Reuters|AP|The AP|Associated Press|The Associated Press|AFP|Agence France-Presse|
    Agence France Presse|Bloomberg|EFE|dpa|ANSA|Xinhua|Kyodo|Yonhap|TASS|RIA Novosti|UPI|
    IANS|PTI|Anadolu|Notimex|Prensa Latina|BBC|CNN|NPR|PBS|VOA|Voice of America|
    Al Jazeera|Axios|Politico|Forbes|Semafor|Vox|Slate|Le Monde|Le Figaro|Libération|
    La Presse|Le Devoir|El País|El Pais|Milenio|Excélsior|Excelsior|Proceso|La Jornada|
    Infobae|Animal Político|Deutsche Welle|DW|France 24|RFI|Euronews|CBC|ABC|NBC|CBS|
    Fox News|MSNBC|Sky News|ITV|RTÉ|RTE|Al Arabiya|Sputnik|The Hill|The Atlantic|Vice|
    HuffPost|BuzzFeed News
    """,
    sep="|",
)
# Parenthesised acronyms that are places, not wire services ("WASHINGTON (US) --").
PLACE_ACRONYMS = frozenset(wordlist("US USA UK UAE DC EU NY LA DRC CDMX"))
# Photo agencies and sources a credit names ("Jane Doe/Getty Images", "AP Photo/X"): regex
# alternatives, matched ignoring case.
PHOTO_AGENCIES = wordlist(
    """
    getty( images)?|shutterstock|alamy|istock(photo)?|unsplash|pexels|ap images|ap photo|
    afp photo|afp|reuters|epa(-efe)?|efe|xinhua|anadolu( agency)?|bloomberg|nurphoto|
    sopa images|zuma( press)?|cuartoscuro|dpa|pool|handout|ap|the associated press|
    associated press|agence france-presse|la presse|the canadian press|pa( media)?|pa wire|
    pap|ansa|picture alliance|imago|lapresse
    """,
    sep="|",
)
# ... those whose name alone on a line is a credit ("Getty Images", "AFP Photo").
STOCK_PHOTO_AGENCIES = wordlist(
    "getty images|shutterstock|alamy|istock(?:photo)?|unsplash|ap photo|afp photo", sep="|"
)

# --------------------------------------------------------------------------------------------
# Patterns that mix languages, and bylines in German and Italian (see lang.en: same names,
# read together)

CALLS_TO_ACTION = (
    r"\b(suscr[íi]base|abonnez-vous) (por|pour|à|a)\b",  # Spanish or French
)
BYLINE_WORDS = ("Von", "Di")

# --------------------------------------------------------------------------------------------
# Scripts

# Languages not written in the Latin alphabet, by script (ISO 639-1 codes; any other language is
# read as Latin). Two articles in different scripts share no word as written, only the Latin
# names and the digits inside them: the same-story model reads such pairs apart.
SCRIPTS = {
    **dict.fromkeys(wordlist("zh ja"), "han"),
    "ko": "hangul",
    **dict.fromkeys(wordlist("ar fa ur ps"), "arabic"),
    "he": "hebrew",
    **dict.fromkeys(wordlist("ru uk bg sr mk be kk"), "cyrillic"),
    "el": "greek",
    **dict.fromkeys(wordlist("hi mr ne"), "devanagari"),
    "bn": "bengali",
    "th": "thai",
    "ka": "georgian",
    "hy": "armenian",
}
