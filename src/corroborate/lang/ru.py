"""Russian: the furniture of Russian pages a cleaner cuts (consent banners, teasers, buttons).

Plain data, as in :mod:`corroborate.lang.en`; only page furniture. Developed on the Russian
texts of the SemEval-2022 sample (bench/nothing_lost.py).
"""

from __future__ import annotations

from corroborate.lang import wordlist

# --------------------------------------------------------------------------------------------
# Page furniture (see lang.en: same names, read together)

COOKIE_BANNER = (
    r"^(этот|наш) сайт (использует|применяет) (файлы )?(cookie|куки)",
    r"^мы (используем|применяем) (файлы )?(cookie|куки)",
    r"^продолжая (использовать|пользоваться)\b.{0,100}\b(cookie|куки|соглашаетесь)",
    r"^политика конфиденциальности$",
)
BANNER_WORDS = (r"cookies?", r"куки", r"конфиденциальности")
CONSENT_BUTTONS = ("принять", "принять все", "согласен", "понятно", "отклонить", "настройки")
CONSENT_ONLY_BUTTONS = ("принять все",)
COMMENT_HEADERS = (r"^(\d+ )?(комментари[йия]|комментировать)[.:]?$",)
PAGE_RESIDUE = (r"^реклама$", r"^(поделиться|распечатать|версия для печати)$")
SUBSCRIBE_PROMPTS = (
    r"^подпишитесь\b",
    r"^поддержите (настоящую|местную|независимую|качественную) журналистику\b",
)
RELATED_MARKERS = (r"читайте (также|тоже)", r"смотрите также", r"(ещё|еще) по теме", r"по теме")
RELATED_MARKERS_CAPS = ("ЧИТАЙТЕ ТАКЖЕ",)
AD_LABELS = (r"РЕКЛАМА",)
# A copyright line, and the source credited under a story, as English "Source: AP"
# (lang.en BOILERPLATE).
BOILERPLATE = (r"^авторское право\s*(©|\(c\)|\d{4}).{0,240}$", r"^источник\s*:\s*[^.]{1,60}$")
# The same newsletter box as lang.en SIGN_UP_BOXES, machine-translated ("Подпишитесь на
# БЕСПЛАТНЫЕ ежедневные оповещения по электронной почте ... Недействительный адрес электронной
# почты").
SIGN_UP_BOXES = (
    r"Подпишитесь на БЕСПЛАТНЫЕ(?: ежедневные| еженедельные)? оповещения по электронной почте"
    r"\b.{0,300}?(?:Недействительный|Неверный) адрес электронной почты",
)
# Words of a site's section labels in its title ("... - News, Sports, Jobs"), folded as written
# (lang.en SECTION_WORDS).
SECTION_WORDS = frozenset(
    wordlist("новости спорт работа погода мнения политика экономика общество главная лента и")
)
# What a site says of itself in its title, a part of it (lang.en SITE_MOTTOS).
SITE_MOTTOS = (r"^(новостной|информационный) (портал|сайт)\b.{0,60}$",)
