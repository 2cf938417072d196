"""Turkish: the furniture of Turkish pages a cleaner cuts (consent banners, teasers, buttons).

Plain data, as in :mod:`corroborate.lang.en`; only page furniture. Developed on the Turkish
texts of the SemEval-2022 sample (bench/nothing_lost.py).
"""

from __future__ import annotations

from corroborate.lang import wordlist

# --------------------------------------------------------------------------------------------
# Page furniture (see lang.en: same names, read together)

COOKIE_BANNER = (
    # "Sizlere daha iyi bir hizmet sunabilmek için sitemizde çerezlerden faydalanıyoruz."
    r"^.{0,80}\b(sitemizde|web sitemizde|internet sitemizde|bu sitede) (çerez|cookie)",
    r"^(sitemizi|web sitemizi|sitemizde gezinmeye) (kullanmaya )?devam ederek\b.{0,80}"
    r"\b(çerez|cookie)",
    r"^(çerez|gizlilik) politikası$",
)
BANNER_WORDS = (r"çerez\w*", r"cookies?")
CONSENT_BUTTONS = ("tamam", "kabul et", "kabul ediyorum", "anladım", "daha fazla bilgi", "reddet")
CONSENT_ONLY_BUTTONS = ("kabul ediyorum",)
COMMENT_HEADERS = (r"^(\d+ )?(yorumlar|yorum yap)[.:]?$",)
PAGE_RESIDUE = (
    r"^[-–]?\s*reklam\s*[-–]?$",
    r"^(paylaş|yazdır|haberi kaydet|haberi paylaş)$",
    # a blog's like button: "Bunu beğen: Beğen Yükleniyor..."
    r"^bunu beğen:.{0,30}$",
)
SUBSCRIBE_PROMPTS = (r"^abone ol[.!]?$",)
RELATED_MARKERS = (
    r"ilgili haber(ler)?",
    r"(bunlar(ı)? da|bunlar da) ilginizi çekebilir",
    r"ayrıca (bakınız|okuyun)",
    r"en çok okunan(lar)?",
)
RELATED_MARKERS_CAPS = ("İLGİLİ HABER", "İLGİLİ HABERLER")
# The source credited under a story, as English "Source: AP" (lang.en BOILERPLATE).
BOILERPLATE = (r"^kaynak\s*:\s*[^.]{1,60}$",)
# Words of a site's section labels in its title ("... - News, Sports, Jobs"), folded as written
# (lang.en SECTION_WORDS).
SECTION_WORDS = frozenset(
    wordlist("haberler haber spor iş hava durumu gündem ekonomi siyaset dünya ve")
)
# What opens a date stamp ("Son Güncelleme: 18.02.2020 11:38", "last updated"; lang.en
# STAMP_WORDS).
STAMP_WORDS = ("son güncelleme", "güncelleme", "güncellenme", "yayınlanma")
