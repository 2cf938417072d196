"""English: the words and tables the stages read English text with.

Plain data only -- tuples, frozensets, dicts, and a few regex *sources* where a list is really
a pattern (month abbreviations with their optional full stop). The modules that use them build
their compiled patterns from these lists, so a new word is one change here.

Word lists are written as spaCy writes its stop words: one string, split on white space.
Lists whose order matters (they become a regex alternation, or a table read top down) are
tuples; lists only looked up are frozensets.
"""

from __future__ import annotations

from corroborate.lang import wordlist

# Stop words are spaCy's (spacy.lang.en.stop_words, read by corroborate.text): importing them
# here would load spaCy with every stage that reads a word list.

# --------------------------------------------------------------------------------------------
# Calendar

MONTHS = wordlist(
    "january february march april may june july august september october november december"
)
MONTH_ABBREVIATIONS = wordlist("jan feb mar apr jun jul aug sep sept oct nov dec")
WEEKDAYS = wordlist("monday tuesday wednesday thursday friday saturday sunday")
# A month's number by its first three letters ("sept." and "September" both read "sep").
MONTH_NUMBER = {name[:3]: number for number, name in enumerate(MONTHS, 1)}
WEEKDAY_NUMBER = {name: number for number, name in enumerate(WEEKDAYS)}  # Monday is 0
# Month names as news writes them, capitalised ("Jan.", "Sept", "June", "December"): a pattern,
# for "Jun" and "Jul" take no full stop and "Sept" may drop its "t". Compiled with IGNORECASE
# where lower case is read too.
MONTH_PATTERN = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|"
    r"Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
# Weekdays with their abbreviations ("Tues.", "Thurs", "Wednesday"), capitalised: a pattern.
WEEKDAY_PATTERN = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?"
# Days named by their distance from today.
DAY_OFFSETS = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}

# --------------------------------------------------------------------------------------------
# Numbers

# Zero to nineteen, in order: a word's place is its value.
NUMBER_WORDS = wordlist(
    """zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen
    fifteen sixteen seventeen eighteen nineteen"""
)
TENS = wordlist("twenty thirty forty fifty sixty seventy eighty ninety")  # from twenty on
SCALES = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
# Scales abbreviated after digits: "45k", "$2m", "€1.2bn".
ABBREVIATED_SCALES = {
    "k": 1_000,
    "m": 1_000_000,
    "mn": 1_000_000,
    "mln": 1_000_000,
    "bn": 1_000_000_000,
    "b": 1_000_000_000,
    "tn": 1_000_000_000_000,
}
# Fractions of a scale word: "a quarter of a billion", "two thirds of a million".
FRACTIONS = {"quarter": 0.25, "quarters": 0.25, "third": 1 / 3, "thirds": 1 / 3}
# Counts too vague to place a date by ("a few weeks ago"), as phrases.
VAGUE_COUNTS = ("a few", "several", "a couple of")

# --------------------------------------------------------------------------------------------
# Speech and attribution
#
# Each list serves one rule and they differ on purpose: a verb added to one changes that rule
# only. SPEECH_VERBS is the full list, the one that finds who said a quote.

# Verbs that attribute a quote to its speaker ("..., she said", "said X", "X told reporters").
SPEECH_VERBS = wordlist(
    """
    said says say told tells added adds stated states noted notes wrote writes tweeted posted
    explained emphasised emphasized stressed insisted argued asked warned declared announced
    continued remarked commented reported expressed indicated acknowledged conceded replied
    responded observed claimed urged affirmed reaffirmed reiterated highlighted confirmed
    denied predicted promised pledged recalled concluded suggested admitted cautioned
    underlined underscored maintained contended complained boasted vowed mentioned
    explains insists argues warns recounted estimated
    """
)
# Speech verbs after which "X <verb> ..." is not what X said ("X reported 14 cases").
NON_REPORTING_VERBS = frozenset(wordlist("reported posted asked"))
# Speech verbs followed by whom it was told to ("told Harbour FM the city will ...").
TELLING_VERBS = frozenset(wordlist("told tells tell"))
# Past-tense attribution: news reports it, reader comments and photo captions rarely do.
ATTRIBUTION_VERBS = (
    *wordlist(
        """
        said says told tells stated added announced reported noted explained wrote declared
        confirmed insisted argued warned indicated emphasised emphasized expressed acknowledged
        estimated testified recalled asserted affirmed
        """
    ),
    "according to",
)
# The attribution a headline, sub-head or photo credit never carries.
PAST_SPEECH_VERBS = wordlist("said told")
# How a comment thread introduces its writers ("Jane Doe says:").
COMMENTER_VERBS = wordlist("says said wrote commented")
# Verbs beside which a name with a title is a speaker's ("said Ana Ruiz, a nurse").
SPEAKER_VERBS = frozenset(wordlist("said says told added explained warned stated"))
# Words given to a bare pronoun (", she said"): who she is was told in another sentence.
PRONOUN_SPEECH_VERBS = wordlist(
    "said says added adds told explained wrote noted warned insisted argued stressed recalled"
)
# The speaker of "X said that Y will ...": a source of the commitment, not one who commits.
SOURCE_VERBS = wordlist("said says told added stated noted")
# An attribution trailing a commitment clause (", the statement said").
ATTRIBUTION_TAIL_VERBS = wordlist("said says added stated")
# Nouns heading an unnamed speaker ("the State Department spokesman", "officials").
SPEAKER_ROLE_NOUNS = wordlist(
    """
    spokesman spokeswoman spokesperson official officials minister secretary ministry department
    statement president ambassador advisor adviser source aide diplomat analyst officer
    representative agency government office embassy police prosecutor governor mayor leader
    """
)
# Words crediting a quote to whoever passed it on (a spokesperson, a statement, a readout).
RELAY_WORDS = (
    *wordlist("spokesman spokeswoman spokesperson spokespeople statement"),
    "according to",
    "readout",
    "press secretary",
    "on behalf of",
    "communique",
    "communiqué",
)

# --------------------------------------------------------------------------------------------
# People: honorifics, titles, names

# Honorifics, folded (no full stop): stripped from names, never a role on their own. Other
# languages' (Mme, Sr., Herr) are in their modules; roles reads them all.
HONORIFICS = frozenset(
    wordlist(
        "mr mrs ms miss mx dr prof sir dame lord lady sen rep gov gen lt col capt sgt adm hon rev"
    )
)
# Abbreviations written before a name or a number, whose full stop ends no sentence ("Det. Supt.
# Alan Pryce", "Jan. 5"); other languages' (Mme., Sra.) are in their modules.
TITLE_ABBREVIATIONS = wordlist(
    """
    Mr Mrs Ms Dr Prof Rev Hon Sen Rep Gov Gen Lt Col Maj Capt Cmdr Adm Sgt Cpl Pte Det Insp Supt
    Const Cllr Atty Fr Sr St Mt Jan Feb Aug Sept Oct Nov Dec
    """
)
# Abbreviations whose full stop does not end the sentence an attribution is looked for in
# ("Mr.", "Inc.", "Sept."): a rule of its own, apart from TITLE_ABBREVIATIONS.
QUOTE_ABBREVIATIONS = wordlist(
    """
    Mr Mrs Ms Dr St Jr Sr No vs Gen Sen Rep Gov Lt Col Capt Adm Prof Jan Feb Mar Apr Aug Sept Sep
    Oct Nov Dec Inc Ltd Co Corp
    """
)
# Title heads: the word that says what the person is ("Foreign Minister", "spokesman for").
TITLE_HEADS = frozenset(
    wordlist(
        """
        minister secretary undersecretary under-secretary sub-secretary subsecretary advisor
        adviser counselor counsellor president vice-president vicepresident premier chancellor
        spokesperson spokesman spokeswoman ambassador administrator commissioner director chief
        governor senator congressman congresswoman congressmember lawmaker speaker mayor
        councillor councilor councilman councilwoman alderman alderwoman detective inspector
        sergeant constable prosecutor judge general admiral commander secretary-general
        attorney-general chairman chairwoman chair chairperson ceo founder head leader official
        officer analyst diplomat envoy czar tsar coordinator candidate king queen prince
        princess pope sheriff superintendent president-elect deputy representative rep sen gov
        treasurer auditor economist professor researcher expert manager executive
        negotiator correspondent reporter editor attorney lawyer
        """
    )
)
# The words government and corporate titles are built from, besides heads ("Homeland Security",
# "Foreign Affairs", "White House", "acting", "deputy").
TITLE_WORDS = frozenset(
    wordlist(
        """
        former new then acting interim senior assistant associate vice top outgoing incoming
        first prime principal executive foreign affairs state homeland security national public
        defense defence interior justice finance treasury economy economic trade commerce health
        education energy labor labour agriculture transport transportation environment
        environmental navy naval army air force human rights population migration immigration
        white house department ministry policy communications press external relations welfare
        development housing culture tourism digital science technology attorney solicitor legal
        staff cabinet council presidential federal mexican regional international internal civil
        protection citizen north american america department's deputy chief general special
        """
    )
)
# Words that join the words of a title ("Secretary of State", "spokesman for the ministry").
TITLE_CONNECTORS = frozenset(wordlist("of for to the and & on at in"))
# Words a title may carry in lower case before a name ("former deputy chief X"), besides heads.
TITLE_LOWERCASE_WORDS = frozenset(
    wordlist(
        """
        former new senior deputy acting interim top chief assistant foreign policy national
        security press then outgoing incoming
        """
    )
)
# Words dropped from the front of a title before it is compared ("the former Minister").
TITLE_LEADING_WORDS = frozenset(wordlist("the a an former new then outgoing incoming top"))
# Nationality prefixes dropped from titles ("US Secretary of State", "Mexican Foreign Minister"),
# folded, full stops dropped.
NATIONAL_PREFIXES = frozenset(wordlist("us u.s usa american mexican mexico uk british eu"))
# Wordings of one post: (pattern, the wording compared), applied in order to folded titles.
TITLE_SYNONYMS = (
    (r"\bforeign (?:affairs|relations)\b", "foreign"),
    (r"\bexternal (?:affairs|relations)\b", "foreign"),
    (r"\bnational (?:defen[cs]e)\b", "defense"),
    (r"\bdefence\b", "defense"),
    (r"\bpublic security\b", "security"),
    (r"\bsecurity and civilian protection\b", "security"),
    (r"\bhome affairs\b", "interior"),
    (r"\binterior affairs\b", "interior"),
    (r"\badviser\b", "advisor"),
    (r"\bcounsell?or\b", "advisor"),
    (r"\bspokes(?:man|woman|person)\b", "spokesperson"),
    (r"\bunder-secretary\b", "undersecretary"),
    (r"\bsub-?secretary\b", "undersecretary"),
)
# Words that start a capitalised run but are no part of a name or title (folded).
NON_NAME_CAPS = frozenset(
    wordlist(
        """
        the a an this that these those it he she they we i you his her their our its in on at
        for of and but or so as after before when while during since until if although though
        according meanwhile however also then there here what who which why how
        """
    )
) | frozenset((*WEEKDAYS, *MONTHS, *MONTH_ABBREVIATIONS))
# What follows a surname and is no part of it ("Jr.", "III").
NAME_SUFFIXES = frozenset(wordlist("jr sr ii iii iv"))
# Common short forms of given names that are not a prefix of the full one (a prefix of three
# letters or more -- Dan/Daniel, Gav/Gavin -- is matched without a list).
NICKNAMES = {
    "bill": "william",
    "billy": "william",
    "will": "william",
    "bob": "robert",
    "bobby": "robert",
    "rob": "robert",
    "liz": "elizabeth",
    "beth": "elizabeth",
    "betty": "elizabeth",
    "jim": "james",
    "jimmy": "james",
    "jack": "john",
    "johnny": "john",
    "mike": "michael",
    "mick": "michael",
    "dick": "richard",
    "rick": "richard",
    "peggy": "margaret",
    "maggie": "margaret",
    "meg": "margaret",
    "kate": "katherine",
    "katie": "katherine",
    "sandy": "alexander",
    "alex": "alexander",
    "ted": "edward",
    "ned": "edward",
    "tony": "anthony",
    "chuck": "charles",
    "charlie": "charles",
    "hank": "henry",
    "harry": "henry",
    "larry": "lawrence",
    "sally": "sarah",
    "steve": "stephen",
    "nick": "nicholas",
    "tom": "thomas",
    "tommy": "thomas",
    "andy": "andrew",
    "drew": "andrew",
    "sue": "susan",
    "pat": "patricia",
    "patty": "patricia",
}

# --------------------------------------------------------------------------------------------
# Organisations and places

# Words that make a capitalised run an organisation or a place, not a person ("Eastvale Fire",
# "Kessing Hospital", "FC Lindholm").
ORG_WORDS = frozenset(
    wordlist(
        """
        department ministry institute committee council agency party university college school
        sector patrol gap summit declaration act bill court house senate congress parliament
        commission office bureau service services corps union association federation group bank
        company corporation inc ltd llc news times post journal magazine network radio tv
        foundation center centre program programme initiative plan project airport station
        street avenue road river jungle province state states city county republic kingdom
        administration government police army navy force forces guard
        port quay harbour harbor borough district town hospital clinic infirmary stadium lane
        fire rescue ambulance
        labs laboratories logistics industries holdings plc club fc united rovers athletic
        wanderers
        """
    )
)
# Prepositions that put a name on the map ("in Millbeck", "at Brook Lane"): people are seldom
# "in" or "at" someone.
LOCATIVES = frozenset(wordlist("in at near outside inside across around throughout"))
# Nationalities and short forms of countries, folded, and the country they name.
DEMONYMS = {
    "mexican": "Mexico",
    "american": "United States",
    "u.s.": "United States",
    "us": "United States",
    "the united states": "United States",
    "united states": "United States",
    "the u.s.": "United States",
    "u.s": "United States",
    "guatemalan": "Guatemala",
    "canadian": "Canada",
    "chinese": "China",
    "british": "United Kingdom",
    "french": "France",
}

# --------------------------------------------------------------------------------------------
# Quantities: hedges, currencies, units

# How an outlet hedges a figure, written before it, and the qualifier recorded: (words, name).
QUANTITY_QUALIFIERS = (
    ("just over", "just over"),
    ("just under", "just under"),
    ("well over", "over"),
    ("more than", "more than"),
    ("a little more than", "more than"),
    ("upwards of", "more than"),
    ("in excess of", "more than"),
    ("over", "over"),
    ("above", "over"),
    ("exceeding", "over"),
    ("at least", "at least"),
    ("no fewer than", "at least"),
    ("as many as", "up to"),
    ("as much as", "up to"),
    ("up to", "up to"),
    ("at most", "up to"),
    ("fewer than", "fewer than"),
    ("less than", "fewer than"),
    ("under", "fewer than"),
    ("below", "fewer than"),
    ("nearly", "nearly"),
    ("almost", "nearly"),
    ("close to", "nearly"),
    ("about", "about"),
    ("around", "about"),
    ("approximately", "about"),
    ("roughly", "about"),
    ("circa", "about"),
    ("an estimated", "about"),
    ("estimated", "about"),
    ("~", "about"),
    ("some", "some"),
)
# Currency marks written before a figure ("US $", "C$", "€", "GBP "): a pattern, for a space may
# stand inside or after some; and the ISO code each stands for ("$" is the US dollar).
CURRENCY_PATTERN = (
    r"US\s?\$|U\.S\.\s?\$|USD\s?|C\$|CA\$|A\$|AU\$|MX\$|NZ\$|HK\$|R\$|\$|€|EUR\s?|£|GBP\s?|¥|₹"
)
CURRENCY_CODES = {
    "$": "USD",
    "US$": "USD",
    "U.S.$": "USD",
    "USD": "USD",
    "C$": "CAD",
    "CA$": "CAD",
    "A$": "AUD",
    "AU$": "AUD",
    "MX$": "MXN",
    "NZ$": "NZD",
    "HK$": "HKD",
    "R$": "BRL",
    "€": "EUR",
    "EUR": "EUR",
    "£": "GBP",
    "GBP": "GBP",
    "¥": "JPY",
    "₹": "INR",
}
# Units written after a figure: (pattern, the normalised unit), tried in order ("square
# kilometres" before "kilometres", "pounds of" before "pounds" sterling).
UNITS = (
    (r"%|percent(?:age)?(?!\s+points?)|per\s?cent", "%"),
    (r"percentage\s+points?|pp\b|points?(?=\s+(?:higher|lower|up|down))", "pp"),
    (r"square[\s-]+(?:kilomet(?:er|re)s?)|sq\.?\s*km|km2|km²", "km2"),
    (r"square[\s-]+miles?|sq\.?\s*mi(?:les?)?", "mi2"),
    (r"square[\s-]+met(?:er|re)s?|sq\.?\s*m\b|m2\b|m²", "m2"),
    (r"square[\s-]+(?:feet|foot)|sq\.?\s*ft\b", "ft2"),
    (r"kilomet(?:er|re)s?|kms?\b", "km"),
    (r"miles?\b|mi\b", "mi"),
    (r"met(?:er|re)s?\b|m\b(?!\s*(?:people|migrants|dollars|euros))", "m"),
    (r"centimet(?:er|re)s?|cm\b", "cm"),
    (r"millimet(?:er|re)s?|mm\b", "mm"),
    (r"feet\b|foot\b|ft\b", "ft"),
    (r"inch(?:es)?\b", "in"),
    (r"yards?\b", "yd"),
    (r"acres?\b", "acre"),
    (r"hectares?\b|ha\b", "ha"),
    (r"kilo(?:gram)?(?:me)?s?\b|kg\b", "kg"),
    (r"milligrams?\b|mg\b", "mg"),
    (r"micrograms?\b|mcg\b|µg\b", "µg"),
    (r"millilit(?:er|re)s?\b|ml\b", "mL"),
    (r"grams?\b|grammes?\b|g\b", "g"),
    (r"pounds?\b(?=\s+of\b)|lbs?\b", "lb"),
    (r"(?:metric\s+)?tonnes?\b|tons?\b", "t"),
    (r"lit(?:er|re)s?\b|l\b", "L"),
    (r"gallons?\b", "gal"),
    (r"barrels?\b|bbl\b", "bbl"),
    (r"degrees?\s+(?:fahrenheit|f\b)|°\s?f\b", "°F"),
    (r"degrees?\s+(?:celsius|centigrade|c\b)|°\s?c\b", "°C"),
    (r"degrees?\b|°", "°"),
    (r"mph\b|miles\s+per\s+hour", "mph"),
    (r"km/h\b|kph\b|kilomet(?:er|re)s\s+per\s+hour", "km/h"),
    (r"megawatts?\b|mw\b", "MW"),
    (r"gigawatts?\b|gw\b", "GW"),
    (r"(?:us\s+|u\.s\.\s+|american\s+)?dollars?\b", "USD"),
    (r"euros?\b", "EUR"),
    (r"pesos?\b", "peso"),
    (r"(?:british\s+)?pounds?\s+sterling\b|pounds?\b", "GBP"),
    (r"yuan\b|renminbi\b", "CNY"),
    (r"yen\b", "JPY"),
    (r"rupees?\b", "INR"),
    (r"years?(?:[\s-]+old)?\b", "year"),
    (r"months?\b", "month"),
    (r"weeks?\b", "week"),
    (r"days?\b", "day"),
    (r"hours?\b|hrs?\b", "hour"),
    (r"minutes?\b|mins?\b", "minute"),
    (r"seconds?\b|secs?\b", "second"),
)
# Adverbs of rate and the time unit each is per ("11,000 a day", "spent daily").
RATE_ADVERBS = {
    "daily": "day",
    "weekly": "week",
    "monthly": "month",
    "annually": "year",
    "yearly": "year",
    "hourly": "hour",
    "nightly": "night",
}
# Nouns a number after which names a thing, not a count ("Highway 49", "Room 12", "Episode 3").
IDENTIFIER_NOUNS = wordlist(
    """
    No Nos Number Highway Route Interstate Flight Section Article Chapter Title Room Gate Page
    Pages Level Phase Category Stage Terminal Platform Building Unit Resolution Proposition Prop
    Act Rule Bill Version Model Channel Pier Lot Apollo Row Seat Door Exit Track Bus Ward
    District Precinct Zone Grade Class Week Day Game Round Match Series Episode Season Vol
    Volume Part Figure Fig Table Item
    """
)
# Words that end the noun phrase saying what a figure counts: verbs and auxiliaries, clause
# words, time words.
MEASURE_STOP_WORDS = frozenset(
    wordlist(
        """
        is was were are be been being has have had will would could should can may might must
        did do does which while when where as than because but and or so if though although
        since until after before according says said say including compared up down this that
        last next every each per daily weekly monthly annually yearly to nearly almost about
        around some roughly between from by during ago earlier later early late mid yesterday
        today tomorrow tonight currently now then also still already just
        """
    )
)
# Prepositions a measure's noun phrase goes on through ("apprehensions at the southern border").
NOUN_PHRASE_PREPOSITIONS = frozenset(
    wordlist(
        """
        of at in with on into across along through for from toward towards inside within near
        under over via
        """
    )
)
# Words trimmed from either end of a measure ("the", "their", "record", "'s").
MEASURE_DETERMINERS = frozenset(
    wordlist("the a an its their his her our these those of all new more other record 's ’s")
)
# Words around a figure that say how it is measured, not what is measured ("12 years old").
VAGUE_MEASURE_WORDS = frozenset(
    wordlist("away long wide high tall deep far old age ago later earlier total overall nearly")
)

# --------------------------------------------------------------------------------------------
# Events and commitments

# Nouns of a happening a date is given to ("the December 27 meeting").
EVENT_NOUNS = frozenset(
    wordlist(
        """
        meeting meetings summit talks visit election elections call conference hearing
        inauguration vote trip session
        """
    )
)
# Words that say a sentence commits, not what is committed to: left out when two commitments'
# words are compared.
COMMITMENT_WORDS = frozenset(
    wordlist(
        """
        agreed agree pledged pledge committed commit promised vowed plans planned intends stands
        ready continue held scheduled will invested million billion
        """
    )
)
