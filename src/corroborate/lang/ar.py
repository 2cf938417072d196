"""Arabic: the furniture of Arabic pages a cleaner cuts (a site's appeal for donations, its
subscription prompts).

Plain data, as in :mod:`corroborate.lang.en`; only page furniture. Developed on the Arabic
texts of the SemEval-2022 sample (bench/nothing_lost.py).
"""

from __future__ import annotations

# --------------------------------------------------------------------------------------------
# Page furniture (see lang.en: same names, read together)

# A site's appeal for donations, on its masthead: "التبرع للموقع - ادعمونا" ("donate to the
# site - support us"), "تبرع للموقع - ادعمنا"; alone on a line, or after the site's name on the
# masthead line (matched at its end).
SITE_APPEALS = (r"(ال)?تبرع(وا)?\s+(لل|ل)?موقع\w*\s*[-–—|]\s*ادعم(نا|ونا)",)
SUBSCRIBE_PROMPTS = (
    r"^(ال)?تبرع(وا)?\s+(لل|ل)?موقع\w*(\s*[-–—|]\s*ادعم(نا|ونا))?$",
    r"^ادعم(نا|ونا)$",
    # a short line ending "subscribe now" ("شاهد أخبار الدوريات في يوم .. اشترك الآن")
    r"^.{0,60}\bاشترك\s+الآن[.!]?$",
)
# A site's subscription prompt run into the first sentence of its text: "اشترك لتصلك أهم
# الأخبار" ("subscribe to get the most important news"), or "اشترك لك أهم الأخبار".
SIGN_UP_BOXES = (r"اشترك\s+(لتصلك|لك)\s+أهم\s+الأخبار،?",)
