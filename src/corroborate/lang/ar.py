"""Arabic: the furniture of Arabic pages a cleaner cuts (a site's appeal for donations, its
subscription and follow prompts, teasers, photo credits) and the wires it credits.

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
    # a follow or sign-up prompt standing alone: "تابعونا على فيسبوك" ("follow us on
    # Facebook"), "تابعوا آخر الأخبار عبر تطبيق ..." ("follow the latest news through the ...
    # app"), "اشترك في النشرة البريدية" ("subscribe to the newsletter"), "حمل تطبيق ..."
    # ("download the ... app")
    r"^تابع(ونا|وا|نا)\s+(على|عبر|في|فى)\s.{0,60}$",
    r"^تابعوا\s+(آخر|أهم|أحدث)\s+(الأخبار|الاخبار)\s.{0,60}$",
    r"^(اشترك|اشتركوا|سجل|سجلوا)\s+(الآن\s+)?(في|فى|ب)\s*(النشرة|نشرتنا|قناة|قناتنا)\b.{0,60}$",
    r"^(حمل|حملوا|نزل|نزلوا)\s+(الآن\s+)?تطبيق\b.{0,60}$",
)
# A site's subscription prompt run into the first sentence of its text: "اشترك لتصلك أهم
# الأخبار" ("subscribe to get the most important news"), or "اشترك لك أهم الأخبار".
SIGN_UP_BOXES = (r"اشترك\s+(لتصلك|لك)\s+أهم\s+الأخبار،?",)
# What opens a teaser for another article: "اقرأ أيضا" ("read also", with or without the
# tanween, after "و" "and"), "شاهد أيضا" ("watch also"), "طالع أيضا", "اقرأ المزيد" ("read
# more"), "أخبار ذات صلة" ("related news"), as alternatives (lang.en RELATED_MARKERS).
RELATED_MARKERS = (
    r"و?(اقرأ|إقرأ|اقرا|طالع|شاهد)\s+(أيضا|أيضًا|أيضاً|ايضا|ايضًا)",
    r"و?(اقرأ|إقرأ|اقرا)\s+(المزيد|أكثر)",
    r"(أخبار|مواضيع|مقالات|موضوعات)\s+(ذات صلة|متعلقة)",
)
# Labels of a photo credit: "صورة: ..." ("photo"), "تصوير: ..." ("photographed by") (lang.en
# CREDIT_LABELS); and words that make a line in brackets a credit ("(صورة أرشيفية)", "file
# photo").
CREDIT_LABELS = (r"(ال)?صور(ة|ه)?", r"تصوير")
CREDIT_WORDS = ("صورة", "صوره", "أرشيفية", "ارشيفية", "تصوير")
# The wires an Arabic page credits in Arabic letters, as the Latin ones (lang.xx
# KNOWN_OUTLETS): "أ ش أ" (the Middle East News Agency, MENA), "أ ف ب" (AFP), "د ب أ" (dpa),
# "رويترز" (Reuters), "وكالات" ("agencies").
KNOWN_OUTLETS = ("أ ش أ", "أ.ش.أ", "أ ف ب", "أ.ف.ب", "د ب أ", "د.ب.أ", "رويترز", "وكالات")
# The source credited under a story, as English "Source: AP" (lang.en BOILERPLATE):
# "المصدر: ..." ("the source").
BOILERPLATE = (r"^(ال)?مصدر\s*:\s*[^.]{1,60}$",)
