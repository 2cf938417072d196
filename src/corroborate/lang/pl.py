"""Polish: the furniture of Polish pages a cleaner cuts (consent banners, teasers, buttons,
ad-blocker walls, robot checks).

Plain data, as in :mod:`corroborate.lang.en`; only page furniture. Developed on the Polish
texts of the SemEval-2022 sample (bench/nothing_lost.py).
"""

from __future__ import annotations

from corroborate.lang import wordlist

# --------------------------------------------------------------------------------------------
# Page furniture (see lang.en: same names, read together)

COOKIE_BANNER = (
    r"^(ta|nasza) (strona|witryna|serwis)( internetowa| internetowy)? (używa|wykorzystuje|stosuje|"
    r"korzysta z) (plików )?cookie",
    r"^(używamy|wykorzystujemy|stosujemy) (plików )?cookie",
    # a banner's notice in other words: "Aby poprawić swoją witrynę, ... zbieramy anonimowe
    # informacje techniczne"
    r"^(aby|w celu)\b.{0,160}\b(zbieramy|przetwarzamy|używamy|wykorzystujemy|stosujemy)\b.{0,40}"
    r"\b(anonimowe|techniczne|plik(i|ów) cookie|twoje dane|dane osobowe)",
    # a privacy notice under the GDPR ("RODO")
    r"^dokładamy wszelkich starań,? aby chronić (twoje|swoje|państwa) dane\b",
    r"^(proszę )?zapoznaj się z naszą polityką prywatności\b",
    r"^klikając\b.{0,120}\b(zgod[ęa]|akceptuj)",
    r"^polityka prywatności$",
    # addressed to the reader: "Ponieważ już podzieliłeś się z nami Twoimi danymi osobowymi,
    # zakładając konto, ..." ("Ponieważ udostępnił dane osobowe klientów, ..." is news)
    r"^ponieważ (już )?(udostępnił|podzielił)(eś|aś|a?ście)\b.{0,60}\bdan\w* osobow\w*",
)
BANNER_WORDS = (
    r"cookies?",
    r"prywatności",
    r"danych osobowych",
    r"dane osobowe",
    r"zgod[ęya]",
    r"rodo",
    # the consent's withdrawal, machine-translated ("Wycofać może Państwo, postąpić z ...")
    r"wycofać",
)
CONSENT_BUTTONS = (
    *("akceptuję", "akceptuj", "zaakceptuj", "zaakceptuj i zamknij", "zgadzam się"),
    *("przejdź do serwisu", "akceptuję i przechodzę do serwisu", "ustawienia", "odrzuć"),
    "polityka prywatności",
)
CONSENT_ONLY_BUTTONS = ("zaakceptuj i zamknij", "akceptuję i przechodzę do serwisu")
COMMENT_HEADERS = (r"^(\d+ )?(komentarze|komentarzy|skomentuj)[.:]?$",)
PAGE_RESIDUE = (
    r"^[-–]?\s*reklama\s*[-–]?$",
    # share and vote buttons, alone or in a row: "Głosuj Głosuj Podziel się Opinie"
    r"^(głosuj|podziel się|opinie|udostępnij|drukuj|skomentuj)"
    r"(\s+(głosuj|podziel się|opinie|udostępnij|drukuj|skomentuj))*$",
    r"^dalsza część (tekstu|artykułu) pod (galerią|reklamą|materiałem|wideo|zdjęciem)\.?$",
    r"^czytaj dalej\s*[.…»]*$",
    r"^twój adres ip:\s*[\d.:a-f]+$",
)
SUBSCRIBE_PROMPTS = (
    # an ad-blocker wall: "Czy wiesz, że korzystasz z adblocka?", "Wyłącz AdBlocka/uBlocka"
    r"^czy wiesz, że (używasz|korzystasz z) adblock",
    r"^wyłącz adblock",
    r"^(aby|żeby) (czytać|przeczytać) nasze artykuły\b.{0,80}\badblock",
    r"^reklamy nie są takie złe\b",
    # ... and its reassurance: "Spokojnie, dodanie wyjątku nie wyłączy blokowania reklam."
    r"^(spokojnie,\s*)?(\w+\s+){0,3}wyjątk\w*\b.{0,40}\bblokowania reklam\w*\.?$",
    r"^(zapisz się|subskrybuj)\b.{0,80}\bnewsletter",
    r"^nie przegap\b.{0,80}\b(obserwuj|kliknij|subskrybuj)\b",
)
RELATED_MARKERS = (
    r"czytaj (także|też|również|więcej)",
    r"(zobacz|przeczytaj) (też|także|również)",
    r"polecamy",
    r"najnowsze (newsy|wiadomości)( dnia)?",
)
RELATED_MARKERS_CAPS = (
    *("CZYTAJ TAKŻE", "CZYTAJ RÓWNIEŻ", "CZYTAJ TEŻ", "ZOBACZ TAKŻE", "ZOBACZ RÓWNIEŻ"),
    *("ZOBACZ TEŻ", "POLECAMY", "Zobacz wideo"),
)
AD_LABELS = (r"REKLAMA",)
# A site's answer to the program that fetched the page (see lang.en): a robot check.
SCRAPER_ANSWER = (
    r"\bnie jestem robotem\b",
    r"\b(ogromną|dużą|nietypową) (ilość|liczbę) (połączeń|zapytań)\b",
)
# The source credited under a story, as English "Source: AP" (lang.en BOILERPLATE).
BOILERPLATE = (r"^źródło\s*:\s*[^.]{1,60}$",)
# Words of a site's section labels in its title ("... - News, Sports, Jobs"), folded as written
# (lang.en SECTION_WORDS).
SECTION_WORDS = frozenset(
    wordlist("wiadomości wiadomosci sport praca pogoda opinie polityka gospodarka kraj świat i")
)
# Labels of a photo credit ("Zdj. ilustracyjne / Archiwum ...": an illustrative photo, "Fot.:
# ..."), as lang.en CREDIT_LABELS.
CREDIT_LABELS = (r"zdj\.( ilustracyjne)?", r"zdjęcie( ilustracyjne)?", r"fot\.")
