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
# Days known by a name whose date a calendar rule gives, as US news names them: a regex source
# of the name (capitalised, as a holiday's name is written; "Christmas eve" too) -> its rule: ``("date", month,
# day)``, ``("nth", month, weekday, n)`` (the n-th such weekday of the month, -1 the last:
# Monday is 0) or ``("easter",)``, then a shift in days (Election Day: the Tuesday after the
# first Monday of November; Black Friday: the day after Thanksgiving), then the years it comes
# in, ``(every, phase)``: the years whose remainder by ``every`` is ``phase`` (Election Day,
# the federal one, in even years; Inauguration Day, January 20 after a presidential election,
# in years after a leap year). Ordered: a longer name before one it holds ("Christmas Eve"
# before "Christmas").
_APOS = "['’]?"
NAMED_DAY_RULES: tuple[tuple[str, tuple[object, ...], int, tuple[int, int]], ...] = (
    (rf"New\s+Year{_APOS}s\s+[Dd]ay", ("date", 1, 1), 0, (1, 0)),
    (rf"New\s+Year{_APOS}s\s+[Ee]ve", ("date", 12, 31), 0, (1, 0)),
    (r"Christmas\s+[Ee]ve", ("date", 12, 24), 0, (1, 0)),
    (r"Christmas(?:\s+[Dd]ay)?", ("date", 12, 25), 0, (1, 0)),
    # not "Independence Day": every country has its own
    (r"Fourth\s+of\s+July|July\s+Fourth", ("date", 7, 4), 0, (1, 0)),
    (r"Halloween", ("date", 10, 31), 0, (1, 0)),
    (
        rf"(?:St\.?|Saint)\s+Valentine{_APOS}s\s+[Dd]ay|Valentine{_APOS}s\s+[Dd]ay",
        ("date", 2, 14),
        0,
        (1, 0),
    ),
    (rf"Veterans{_APOS}\s+[Dd]ay", ("date", 11, 11), 0, (1, 0)),
    (rf"(?:St\.?|Saint)\s+Patrick{_APOS}s\s+[Dd]ay", ("date", 3, 17), 0, (1, 0)),
    (r"Inauguration\s+[Dd]ay", ("date", 1, 20), 0, (4, 1)),
    (r"(?:Martin\s+Luther\s+King(?:\s+Jr\.?)?|MLK)\s+[Dd]ay", ("nth", 1, 0, 3), 0, (1, 0)),
    (rf"Presidents{_APOS}\s+[Dd]ay", ("nth", 2, 0, 3), 0, (1, 0)),
    (r"Memorial\s+[Dd]ay", ("nth", 5, 0, -1), 0, (1, 0)),
    (r"Labor\s+[Dd]ay", ("nth", 9, 0, 1), 0, (1, 0)),
    (r"Columbus\s+[Dd]ay", ("nth", 10, 0, 2), 0, (1, 0)),
    (r"Election\s+[Dd]ay", ("nth", 11, 0, 1), 1, (2, 0)),
    (r"Thanksgiving(?:\s+[Dd]ay)?", ("nth", 11, 3, 4), 0, (1, 0)),
    (r"Black\s+Friday", ("nth", 11, 3, 4), 1, (1, 0)),
    (r"Cyber\s+Monday", ("nth", 11, 3, 4), 4, (1, 0)),
    (r"Easter\s+Monday", ("easter",), 1, (1, 0)),
    (r"Easter(?:\s+Sunday)?", ("easter",), 0, (1, 0)),
    (r"Good\s+Friday", ("easter",), -2, (1, 0)),
    (r"Palm\s+Sunday", ("easter",), -7, (1, 0)),
    (r"Ash\s+Wednesday", ("easter",), -46, (1, 0)),
)
# Of those, the days whose rule is the United States' while other countries give the same
# name to a day of their own (Canada's Thanksgiving is in October, Labor Day is May 1 in much
# of the world, every country has its election day, Israel and South Korea their Memorial
# Day): the names' first words, folded. Such a day is dated only where the article is not
# marked as another country's coverage (corroborate.annotate.dates.another_country), or where
# its name says it is the US one ("U.S. Thanksgiving"). "Labour Day", as the Commonwealth
# spells it, no rule dates.
US_NAMED_DAYS = frozenset(
    wordlist("thanksgiving labor election memorial veterans columbus inauguration")
)
# What names the United States before a day's name ("U.S. Election Day", "America's
# Thanksgiving") or after it ("Thanksgiving in the United States"), or in an article's text
# (with its states: corroborate.annotate.dates.another_country): written as news writes it.
US_NAMES = wordlist("U.S.|US|USA|U.S.A.|America|American|United States|New England", sep="|")
# Countries other than the United States, as English news names them (short forms), with the
# regions of a few that datelines name after a town ("HALIFAX, N.S.", "PERTH, Western
# Australia") and the adjectives that name a country before a day's name ("Canadian
# Thanksgiving"; not "Polish", which title case gives nail polish too).
OTHER_COUNTRIES = wordlist(
    """
    Afghanistan|Albania|Algeria|Andorra|Angola|Antigua and Barbuda|Argentina|Armenia|Australia|
    Austria|Azerbaijan|Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|
    Bhutan|Bolivia|Bosnia|Bosnia and Herzegovina|Botswana|Brazil|Brunei|Bulgaria|
    Burkina Faso|Burundi|Cambodia|Cameroon|Canada|Cape Verde|Central African Republic|Chad|
    Chile|China|Colombia|Comoros|Congo|Costa Rica|Croatia|Cuba|Cyprus|Czech Republic|Czechia|
    Democratic Republic of Congo|Denmark|Djibouti|Dominica|Dominican Republic|East Timor|
    Ecuador|Egypt|El Salvador|Equatorial Guinea|Eritrea|Estonia|Eswatini|Ethiopia|Fiji|
    Finland|France|Gabon|Gambia|Germany|Ghana|Greece|Grenada|Guatemala|Guinea|
    Guinea-Bissau|Guyana|Haiti|Honduras|Hong Kong|Hungary|Iceland|India|Indonesia|Iran|Iraq|
    Ireland|Israel|Italy|Ivory Coast|Jamaica|Japan|Jordan|Kazakhstan|Kenya|Kiribati|Kosovo|
    Korea|Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon|Lesotho|Liberia|Libya|Liechtenstein|Lithuania|
    Luxembourg|Macau|Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|Marshall Islands|
    Mauritania|Mauritius|Mexico|Micronesia|Moldova|Monaco|Mongolia|Montenegro|Morocco|
    Mozambique|Myanmar|Namibia|Nauru|Nepal|Netherlands|New Zealand|Nicaragua|Niger|Nigeria|
    North Korea|North Macedonia|Norway|Oman|Pakistan|Palau|Palestine|Panama|
    Papua New Guinea|Paraguay|Peru|Philippines|Poland|Portugal|Qatar|Romania|Russia|Rwanda|
    Saint Lucia|Samoa|San Marino|Saudi Arabia|Senegal|Serbia|Seychelles|Sierra Leone|
    Singapore|Slovakia|Slovenia|Solomon Islands|Somalia|South Africa|South Korea|South Sudan|
    Spain|Sri Lanka|Sudan|Suriname|Sweden|Switzerland|Syria|Taiwan|Tajikistan|Tanzania|
    Thailand|Togo|Tonga|Trinidad and Tobago|Tunisia|Turkey|Turkmenistan|Tuvalu|Uganda|Ukraine|
    United Arab Emirates|UAE|United Kingdom|UK|U.K.|Britain|Great Britain|England|Scotland|
    Wales|Northern Ireland|Uruguay|Uzbekistan|Vanuatu|Vatican|Venezuela|Vietnam|Yemen|Zambia|
    Zimbabwe|
    Ontario|Quebec|British Columbia|Alberta|Manitoba|Saskatchewan|Nova Scotia|New Brunswick|
    Newfoundland|Newfoundland and Labrador|Prince Edward Island|Yukon|Northwest Territories|
    Nunavut|Ont.|Que.|B.C.|Alta.|Man.|Sask.|N.S.|N.B.|Nfld.|N.L.|P.E.I.|N.W.T.|
    New South Wales|Queensland|Victoria|Tasmania|South Australia|Western Australia|
    Northern Territory|NSW|Qld
    """,
    sep="|",
)
OTHER_COUNTRY_ADJECTIVES = wordlist(
    """
    Canadian|British|English|Scottish|Welsh|Irish|Australian|New Zealand|Indian|Pakistani|
    Bangladeshi|Sri Lankan|Nepali|Chinese|Japanese|Korean|South Korean|North Korean|Filipino|
    Philippine|Indonesian|Malaysian|Singaporean|Thai|Vietnamese|Israeli|Palestinian|Iranian|
    Iraqi|Turkish|Russian|Ukrainian|German|French|Spanish|Italian|Dutch|Belgian|Swiss|
    Austrian|Swedish|Norwegian|Danish|Finnish|Greek|Portuguese|Mexican|Brazilian|Argentine|
    Chilean|Colombian|Peruvian|Venezuelan|Cuban|Jamaican|Nigerian|Kenyan|Ghanaian|Ugandan|
    Tanzanian|Zimbabwean|Zambian|South African|Egyptian|Moroccan|Algerian|Tunisian|Ethiopian|
    Liberian|European
    """,
    sep="|",
)
# Of those, the names that are people's too ("Victoria Fuller"): no place in a text alone.
PLACES_NAMING_PEOPLE = frozenset(wordlist("Victoria Jordan Chad"))
# US states as datelines name them after a town ("PASADENA, Calif.", "LONDON, Ky."): a town
# in such a state is no other country's, whatever its name.
US_STATES = wordlist(
    """
    Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|
    Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|
    Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|
    New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|
    Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|
    West Virginia|Wisconsin|Wyoming|D.C.|Puerto Rico|Guam|
    Ala.|Ariz.|Ark.|Calif.|Colo.|Conn.|Del.|Fla.|Ga.|Ill.|Ind.|Kan.|Kans.|Ky.|La.|Md.|Mass.|
    Mich.|Minn.|Miss.|Mo.|Mont.|Neb.|Nev.|N.H.|N.J.|N.M.|N.Y.|N.C.|N.D.|Okla.|Ore.|Pa.|R.I.|
    S.C.|S.D.|Tenn.|Tex.|Vt.|Va.|Wash.|W.Va.|Wis.|Wyo.
    """,
    sep="|",
)
# Cities a dateline names alone, without their country, outside the United States (the
# Associated Press's list, and a few more that wires write so).
WORLD_DATELINE_CITIES = wordlist(
    """
    Amsterdam|Baghdad|Bangkok|Beijing|Beirut|Berlin|Brussels|Cairo|Dubai|Dublin|Frankfurt|
    Geneva|Gibraltar|Guatemala City|Havana|Helsinki|Islamabad|Istanbul|Jerusalem|Johannesburg|
    Kabul|Kuwait City|London|Madrid|Mexico City|Milan|Montreal|Moscow|Munich|New Delhi|Ottawa|
    Panama City|Paris|Prague|Quebec City|Rio de Janeiro|Rome|Sao Paulo|São Paulo|Shanghai|
    Stockholm|Sydney|Taipei|Tokyo|Toronto|Vatican City|Vienna|Zurich|Melbourne|Vancouver|
    Auckland|Wellington|Mumbai|Karachi|Lagos|Nairobi|Seoul|Manila|Jakarta|Kuala Lumpur|Hanoi|
    Tehran|Riyadh|Ankara|Athens|Lisbon|Warsaw|Kyiv|Kiev|Buenos Aires|Lima|Bogota|Santiago|
    Caracas|Canberra|Edinburgh|Glasgow|Belfast|Cardiff|Liverpool|Calgary|Edmonton|Winnipeg|
    Brisbane|Adelaide|Chennai|Kolkata|Bengaluru|
    Bangalore|Hyderabad|Dhaka|Colombo|Kathmandu
    """,
    sep="|",
)
# Country-code domains used the world over as generic ones (".co", ".io", ".tv", ".fm"): no
# country's coverage by themselves. Every other two-letter domain but ".us" is a country's.
GENERIC_COUNTRY_DOMAINS = frozenset(wordlist("co io tv fm me ly ai am cc to ws nu gg sh la"))
# The regions of a language tag ("en-US", "es-PR") that are the United States: the country
# and the territories that keep its days. Any other region of two letters is another
# country's ("en-GB", "en-CA", "en-IN"); a region of digits is a part of the world ("419").
US_REGIONS = frozenset(wordlist("US PR GU VI AS MP UM"))
# Outlets of other countries than the United States whose address is on a domain any country
# uses (".com", ".net"): their articles are that country's coverage ("ynetnews.com").
OTHER_COUNTRY_DOMAINS = frozenset(
    wordlist(
        """
        bbc.com theguardian.com aljazeera.com timesofisrael.com jpost.com haaretz.com
        ynetnews.com israelhayom.com scmp.com straitstimes.com channelnewsasia.com
        thehindu.com hindustantimes.com ndtv.com indianexpress.com indiatimes.com dawn.com
        koreaherald.com xinhuanet.com cgtn.com france24.com dw.com euronews.com news24.com
        gulfnews.com khaleejtimes.com arabnews.com thenationalnews.com rappler.com inquirer.net
        gmanetwork.com abs-cbn.com manilastandard.net thestar.com theglobeandmail.com
        nationalpost.com sky.com itv.com irishtimes.com kyodonews.net
        """
    )
)
# Outlets of other countries than the United States, folded (lower case, no leading "the"):
# their articles are that country's coverage whatever their address.
OTHER_COUNTRY_OUTLETS = frozenset(
    wordlist(
        """
        bbc|bbc news|guardian|telegraph|daily telegraph|independent|daily mail|mail online|
        mailonline|daily mirror|mirror|evening standard|sky news|itv|itv news|channel 4 news|
        financial times|scotsman|herald scotland|irish times|irish independent|rte|rté|
        rté news|cbc|cbc news|ctv|ctv news|global news|globe and mail|toronto star|
        national post|canadian press|montreal gazette|vancouver sun|cp24|sydney morning herald|
        age|australian|abc australia|sbs|sbs news|9news|australian associated press|aap|
        nz herald|new zealand herald|stuff|rnz|radio new zealand|times of india|hindustan times|
        ndtv|hindu|indian express|press trust of india|pti|ians|news18|india today|
        economic times|dawn|express tribune|straits times|channel newsasia|cna|
        south china morning post|scmp|japan times|kyodo|yonhap|korea herald|korea times|xinhua|
        china daily|global times|al jazeera|france 24|deutsche welle|dw|euronews|
        jerusalem post|times of israel|haaretz|news24|daily maverick|gulf news|khaleej times|
        arab news
        """,
        sep="|",
    )
)
# Of those, the names of feasts that also name their season or things of it ("Christmas
# trees", "Easter Island", "Halloween masks"): a day only after a word of time ("before
# Christmas", "on Thanksgiving").
NAMED_FEASTS = frozenset(wordlist("christmas easter thanksgiving halloween"))
# Words after a day's name that make it the name of a thing, not of a day ("the Good Friday
# agreement", of 1998).
NAMED_DAY_THINGS = frozenset(wordlist("agreement agreements accord accords"))
# The words of time that make a feast's name its day.
FEAST_DAY_PREPOSITIONS = wordlist("on before after since until till by through over following")
# Words that, written capitalised before a weekday, make it a day known by a name that no
# calendar rule dates ("Super Tuesday", "Mini-Tuesday", "Black Monday", "Bloody Sunday"):
# not a plain weekday; it is dated only where the article ties it to a date.
NAMED_WEEKDAY_WORDS = wordlist("Super Mini Titanic Black Bloody Selection")
# Words that tie a day known by a name to a date written near it: "March 1, known as Super
# Tuesday", "on March 15, the so-called Super Tuesday II", "the Super Tuesday primary on March 1".
NAMED_DAY_TIES = wordlist("known as|so-called|dubbed|called|billed as|nicknamed", sep="|")
# Words of a sentence in which "Election Day" may be another contest's day than November's
# ("anger at the slow pace of vote counting after Election Day" and "the primary").
OTHER_CONTESTS = frozenset(wordlist("primary primaries caucus caucuses runoff runoffs"))
ELECTION_DAY_NAMES = frozenset({"election day"})
NAMED_DAY_EVENTS = wordlist(
    "contest contests primary primaries caucus caucuses election elections vote voting"
)
# Verbs that move a date: "postponed the vote from March 3 to March 10" names two days, the old
# and the new, not a period between them (stems: "moved", "rescheduling").
DATE_MOVING_STEMS = wordlist(
    "mov postpon delay push resched shift chang brought bring advanc defer switch"
)
# Words after a pair of numbers that make them counts, not years ("between 1800 and 2000
# troops"): a range of dates is no count of anything.
COUNTED_AFTER_YEARS = frozenset(
    wordlist(
        """
        people persons men women children troops soldiers votes voters jobs workers residents
        members students seats homes units cases deaths percent per cent million billion
        thousand hundred dollars euros pounds miles kilometers km feet meters
        """
    )
)

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
    "mil": 1_000_000,
}
# Fractions of a scale word: "a quarter of a billion", "two thirds of a million".
FRACTIONS = {"quarter": 0.25, "quarters": 0.25, "third": 1 / 3, "thirds": 1 / 3}
# Counts too vague to place a date by ("a few weeks ago"), as phrases.
VAGUE_COUNTS = ("a few", "several", "a couple of")

# --------------------------------------------------------------------------------------------
# Speech and attribution
#
# Each list serves one rule and they differ on purpose: a verb added to one changes that rule
# only. SPEECH_VERBS, the longest, finds who said a quote.

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
# Nouns for one person besides titles ("a source", "a witness"): a speaker so introduced
# is whom "he said" next points to, rather than a name before.
PERSON_NOUNS = frozenset(
    wordlist(
        """
        source aide person man woman witness resident voter supporter worker friend neighbor
        neighbour member student teacher activist protester organizer strategist consultant
        staffer insider participant attendee
        """
    )
)
# Who can commit to something, besides the speakers' nouns and titles: "both countries
# agreed", "the organisers plan to".
AGENT_NOUNS = frozenset(
    wordlist(
        """
        country countries nation nations side sides state states company companies firm
        bank club team organiser organisers organizer organizers participant lawmaker
        legislator regulator investor leader authority authorities people residents
        officials governments ministers leaders allies partner partners member members
        employer employers union unions school university hospital city town council
        owner owners family families player players coach manager group groups delegation
        delegations crew crews staff engineers firefighters rescuers troops soldiers forces
        volunteers doctors nurses police agencies
        businessman businesswoman billionaire nominee entrepreneur mogul
        """
    )
)
# Bodies that speak as one ("the committee said"), besides SPEAKER_ROLE_NOUNS.
SPEAKING_BODY_NOUNS = frozenset(
    wordlist(
        """
        administration committee council court commission union association federation party
        board panel team jury senate congress parliament white house
        """
    )
)
# Lemmas of the verbs of saying: with a clause or a quote as its complement (or right beside a
# quote), such a verb attributes the words to its subject. The parse decides it is a verb
# ("Arab states attacked" is a noun) and that it has such a complement ("recalled 14 batches"
# has none).
SPEECH_LEMMAS = frozenset(
    wordlist(
        """
        say tell add state note write tweet post explain emphasise emphasize stress insist argue
        ask warn declare announce continue remark comment report express indicate acknowledge
        concede reply respond observe claim urge affirm reaffirm reiterate highlight confirm deny
        predict promise pledge recall conclude suggest admit caution underline underscore
        maintain contend complain boast vow mention recount estimate assert testify joke quip
        shout yell scream chant proclaim exclaim counter retort muse wonder inform advise
        lament concur charge allege thunder read describe call question
        accuse assure answer bark bemoan blame cite credit criticize criticise decry fume gush
        interject mock praise press scoff snap thank quote put elaborate speculate opine
        clarify
        """
    )
)
# Of those, the ones that attribute only beside a quote or with a clause, never with a noun
# complement alone ("continued its work", "called the meeting", "read the report").
SPEECH_LEMMAS_NEEDING_CLAUSE = frozenset(
    wordlist(
        """
        continue call read describe question recall report post charge estimate accuse answer
        blame cite credit criticize criticise mock praise press quote put thank elaborate
        clarify
        """
    )
)
# Nouns for something said, whose owner said the words in marks they hold ("her remark that
# “…”", "Lee's promise that “…”").
SAYING_NOUNS = frozenset(
    wordlist(
        """
        promise pledge vow claim comment remark warning line slogan catchphrase mantra motto
        refrain quip phrase words assertion boast insult declaration message statement
        """
    )
)
# Nouns that stand for a written statement: "the statement said" -> whoever issued it.
STATEMENT_NOUNS = frozenset(
    wordlist(
        """
        statement release communique communiqué report letter filing memo readout post tweet
        email e-mail text notice complaint lawsuit suit document ad advertisement editorial
        """
    )
)
# Forms of verbs of saying whose object is never the statement itself: "the ministry said a
# statement" is a translation's slip for "said in a statement" ("added" is left out: "added
# his own comment" is English).
SAYING_AS_OBJECT_NOT_VERBS = wordlist("said says say stated states")
# Verbs of saying that end an attribution and take no person as their object: "..., a
# spokesperson emphasized Miller." names a speaker on both sides of the verb, a slip of word
# order ("..., Miller emphasized"); "told", "thanked", "urged" take a person and are left out.
ATTRIBUTION_TAIL_NO_PERSON_VERBS = wordlist(
    """
    said says added stated emphasized emphasised stressed noted explained declared insisted
    affirmed reaffirmed reiterated underlined underscored highlighted
    """
)
# A determiner opening a described speaker ("the ministry", "a spokesperson").
SPEAKER_DETERMINERS = wordlist("a an the this that")
# Capitalised words a verb of saying may end a sentence with: when it was said, or an answer
# ("..., the official said Tuesday.", "Asked whether he would run, the senator said No.").
SAID_WHEN_WORDS = frozenset((*MONTHS, *MONTH_ABBREVIATIONS, *WEEKDAYS, "yes", "no"))
# Nouns for something that tells (a poll, a report, a ruling, an interview): a date that dates
# one ("a poll released Thursday") dates what the sentence says it told.
# (Not a promise or a pledge: what was promised is seldom what the sentence goes on to say.)
TELLING_NOUNS = STATEMENT_NOUNS | frozenset(
    wordlist(
        """
        poll survey study interview disclosure data figure result analysis ruling decision
        verdict opinion order speech testimony remarks message declaration address briefing
        hearing broadcast video book memoir article story paper investigation probe audit
        review estimate forecast projection tally count census announcement
        """
    )
)
# Nouns any organisation may be called by: "the company said" may be the last one that spoke.
ANY_ORGANISATION_NOUNS = frozenset(
    wordlist("company firm group campaign paper organisation organization")
)
# Heads of a subject that count people as a poll does ("55 percent of voters", "24% of
# Republicans", "a majority of them", "two-thirds"): a figure, never who spoke.
SHARE_NOUNS = frozenset(
    wordlist(
        """
        percent per-cent % percentage majority minority plurality half third thirds quarter
        quarters fifth fifths share proportion fraction
        """
    )
)
# Who speaks on air or in print, by role: "the host said" is one person the text does not
# name there (a "he said" after it is that person's, not a name before it).
MEDIA_PERSON_NOUNS = frozenset(
    wordlist(
        """
        host co-host anchor moderator interviewer columnist commentator pundit pollster
        blogger broadcaster presenter
        """
    )
)
# Pronouns that point back to a speaker, by the gender they say (p: a group).
SPEAKER_PRONOUN_GENDER = {"he": "m", "she": "f", "they": "p", "him": "m", "her": "f"}
# A title's head as abbreviated before a name ("Florida Sen. X") -> as a description says it
# ("the Florida senator"): what reads "the senator said" back to the person so titled.
TITLE_HEAD_ABBREVIATIONS = {
    "sen": "senator",
    "gov": "governor",
    "rep": "representative",
    "pres": "president",
    "gen": "general",
    "adm": "admiral",
    "sec": "secretary",
    "supt": "superintendent",
}
# Words that may stand right before a name and are no description of the person ("said Jo
# Lee", "with Jo Lee"): a description's head is never one of them.
NOT_DESCRIPTION_HEADS = frozenset(
    wordlist(
        """
        said says told asked added and or but with by for from to of at in on as than
        about against between after before like including including when while where
        """
    )
)
# Words beside a name that tell a person's gender.
MALE_WORDS = frozenset(
    wordlist(
        """
        mr sir lord he his him himself man husband father son brother spokesman chairman
        congressman councilman businessman king prince
        """
    )
)
FEMALE_WORDS = frozenset(
    wordlist(
        """
        mrs ms miss lady dame she her hers herself woman wife mother daughter sister
        spokeswoman chairwoman congresswoman councilwoman businesswoman queen princess
        """
    )
)
# Words that open a clause whose subject follows them ("when Lee arrived", "as Lee said"): a
# name right after one is that clause's subject, no object.
CLAUSE_OPENERS = frozenset(
    wordlist(
        "when as while because that after before since if although though where but so until"
        " once whether"
    )
)
# Words that stand alone as an unnamed speaker ("one said", "another added").
UNNAMED_SPEAKER_WORDS = frozenset(wordlist("one another some many others several few both"))
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
# What a post is over, beyond TITLE_WORDS ("Infrastructure Minister", "Fisheries Secretary"):
# two titles differing in these name different posts (a role conflict); titles differing in
# other words (a headline run into a name, a page's "VIDEO") are not said to conflict.
POST_DOMAIN_WORDS = frozenset(
    wordlist(
        """
        infrastructure industry planning fisheries fishing mines mining water sport sports youth
        women family veterans children social budget revenue intelligence cyber climate aviation
        maritime oil petroleum gas natural resources land lands forestry forests food rural
        urban local municipal territorial electoral parliamentary legislative judicial
        constitutional military police fire emergency disaster customs border citizenship
        employment work works pensions equality integration heritage arts media information
        broadcasting telecommunications postal monetary fiscal tax taxation competition consumer
        investment cooperation humanitarian peace reconciliation indigenous tribal minorities
        religious research innovation higher european asian african pacific atlantic
        operations strategy marketing sales financial technical medical nursing surgeon
        """
    )
)
# A web page's labels and credits that scraping runs into the name beside them ("Watch Jamie
# Oliver", "Getty Donald Trump", "Twitter Read More"): at the start of a name, no part of it.
PAGE_LABELS = frozenset(
    wordlist(
        """
        watch read more getty images image photo photos video videos credit credits subscribe
        advertisement sponsored share follow listen gallery related close buy twitter facebook
        instagram youtube tiktok whatsapp linkedin reuters afp ap epa
        """
    )
)
# The words of a site's section names, which a page title of a site's header page is made of
# beside the site's name ("The Daily Courier — Local News", "Home | Courier: Breaking News,
# Sports, Weather"): a title made only of them is no headline (corroborate.read.clean).
SECTION_WORDS = frozenset(
    wordlist(
        """
        home homepage front page main index news local latest breaking top stories story
        headlines world national international nation us u.s. politics business economy
        markets sport sports weather opinion opinions editorials entertainment lifestyle life
        culture arts travel health science tech technology education crime obituaries
        community region regional metro city state live updates video videos photos today
        daily online official site website portal and & of the for in your
        """
    )
)
# What a site says of itself in its title, a part of it ("Dan Tri International | The news
# portal of Vietnam", "Field Notes - A blog about life on the river"): a motto, no headline.
SITE_MOTTOS = (
    r"^(the|your) (\w+ ){0,3}(source|portal|gateway|home|destination|window) (for|of|to|on) "
    r".{0,60}$",
    r"^an? (\w+ ){0,3}(blog|website|newsletter|podcast|magazine|portal) (about|on|for|of|covering) "
    r".{0,80}$",
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
# A party named before a title as a noun ("Democrat Sen.", "GOP Rep."): it describes the person,
# not the post, as the adjectives "Democratic" and "Republican" already dropped do.
PARTY_PREFIXES = frozenset(wordlist("democrat dem gop"))
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
        company corporation corp inc ltd llc authority news times post journal magazine network radio tv
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
    ("plus or minus", "plus or minus"),
    ("±", "plus or minus"),
)
# Currency marks written before a figure ("US $", "C$", "€", "GBP "): a pattern, for a space may
# stand inside or after some; and the ISO code each stands for ("$" is the US dollar).
CURRENCY_PATTERN = (
    r"\$US\s?|US\s?\$|U\.S\.\s?\$|USD\s?|C\$|CA\$|A\$|AU\$|MX\$|NZ\$|HK\$|S\s?\$|NT\$|R\$|"
    r"AUD\s?|CAD\s?|NZD\s?|SGD\s?|HKD\s?|CHF\s?|INR\s?|JPY\s?|CNY\s?|RMB\s?|RM\s?|Rs\.?\s?|"
    r"\$|€|EUR\s?|£|GBP\s?|¥|₹|₩|₽"
)
CURRENCY_CODES = {
    "$": "USD",
    "US$": "USD",
    "$US": "USD",
    "U.S.$": "USD",
    "USD": "USD",
    "C$": "CAD",
    "CA$": "CAD",
    "CAD": "CAD",
    "A$": "AUD",
    "AU$": "AUD",
    "AUD": "AUD",
    "MX$": "MXN",
    "NZ$": "NZD",
    "NZD": "NZD",
    "HK$": "HKD",
    "HKD": "HKD",
    "S$": "SGD",
    "SGD": "SGD",
    "NT$": "TWD",
    "R$": "BRL",
    "CHF": "CHF",
    "€": "EUR",
    "EUR": "EUR",
    "£": "GBP",
    "GBP": "GBP",
    "¥": "JPY",
    "JPY": "JPY",
    "CNY": "CNY",
    "RMB": "CNY",
    "₹": "INR",
    "INR": "INR",
    "Rs": "INR",
    "Rs.": "INR",
    "RM": "MYR",
    "₩": "KRW",
    "₽": "RUB",
}
# Currency marks written glued to the figure with a letter last ("AUD1.5m", "RM79", "$US113"):
# the number after them is not part of a word.
CURRENCY_GLUED = ("$US", "AUD", "USD", "CAD", "NZD", "SGD", "HKD", "CHF", "INR", "JPY", "CNY",
                  "RMB", "EUR", "GBP", "RM", "Rs")  # fmt: skip
# Units written after a figure: (pattern, the normalised unit), tried in order ("square
# kilometres" before "kilometres", "pounds of" before "pounds" sterling).
UNITS = (
    (r"percentage\s+points?|pp\b|points?(?=\s+(?:higher|lower|up|down))", "pp"),
    (r"%|percent(?:age)?(?!\s+points?)|per\s?cent|pc\b", "%"),
    (r"square[\s-]+(?:kilomet(?:er|re)s?)|sq\.?\s*km|km2|km²", "km2"),
    (r"square[\s-]+miles?|sq\.?\s*mi(?:les?)?", "mi2"),
    (r"square[\s-]+met(?:er|re)s?|sq\.?\s*m\b|sqm\b|m2\b|m²", "m2"),
    (r"square[\s-]+(?:feet|foot)|sq\.?\s*ft\b", "ft2"),
    (r"kilomet(?:er|re)s?\s+(?:per|an?)\s+hour|km/h\b|kph\b|kmh\b", "km/h"),
    (r"miles\s+(?:per|an)\s+hour|mph\b", "mph"),
    (r"kilomet(?:er|re)s?|kms?\b", "km"),
    (r"miles?\b|mi\b", "mi"),
    (r"met(?:er|re)s?\s+per\s+second|m/s\b", "m/s"),
    (r"met(?:er|re)s?\b|m\b(?!\s*(?:people|migrants|dollars|euros))", "m"),
    (r"centimet(?:er|re)s?|cm\b", "cm"),
    (r"millimet(?:er|re)s?|mm\b", "mm"),
    (r"micromet(?:er|re)s?\b|microns?\b|µm\b", "µm"),
    (r"nanomet(?:er|re)s?\b|nm\b", "nm"),
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
    (r"ounces?\b|oz\b", "oz"),
    (r"(?:metric\s+)?tonnes?\b|tons?\b", "t"),
    (r"lit(?:er|re)s?\b|l\b", "L"),
    (r"gallons?\b", "gal"),
    (r"barrels?\b|bbl\b", "bbl"),
    (r"deg(?:rees?)?\s*(?:fahrenheit|f\b)|°\s?f\b", "°F"),
    (r"deg(?:rees?)?\s*(?:celsius|centigrade|c\b)|°\s?c\b", "°C"),
    (r"degrees?\b|°", "°"),
    (r"knots?\b", "kn"),
    (r"kilowatt[\s-]hours?\b|kwh\b", "kWh"),
    (r"megawatt[\s-]hours?\b|mwh\b", "MWh"),
    (r"megawatts?\b|mw\b", "MW"),
    (r"gigawatts?\b|gw\b", "GW"),
    (r"kilowatts?\b|kw\b", "kW"),
    (r"watts?\b", "W"),
    (r"volts?\b", "V"),
    (r"mah\b", "mAh"),
    (r"b?hp\b|horsepower\b", "hp"),
    (r"gbps\b|gigabits?\s+per\s+second", "Gbps"),
    (r"mbps\b|megabits?\s+per\s+second", "Mbps"),
    (r"terabytes?\b|tb\b", "TB"),
    (r"gigabytes?\b|gb\b", "GB"),
    (r"megabytes?\b|mb\b", "MB"),
    (r"gigahertz\b|ghz\b", "GHz"),
    (r"megahertz\b|mhz\b", "MHz"),
    (r"kilohertz\b|khz\b", "kHz"),
    (r"hertz\b|hz\b", "Hz"),
    (r"decibels?\b|db\b", "dB"),
    (r"(?:kilo)?calories\b|kcal\b", "kcal"),
    # "45 million dollars US (about 41 million euros)": a translation's order
    (
        r"(?:us\s+|u\.s\.\s+|american\s+)?dollars?\b(?:\s+(?-i:US|U\.S\.)(?=\s*[(),;:]|\s*$))?",
        "USD",
    ),
    (r"euros?\b", "EUR"),
    (r"pesos?\b", "peso"),
    (r"(?:british\s+)?pounds?\s+sterling\b|pounds?\b", "GBP"),
    (r"yuan\b|renminbi\b", "CNY"),
    (r"yen\b", "JPY"),
    (r"rupees?\b", "INR"),
    (r"ringgit\b", "MYR"),
    (r"shekels?\b", "ILS"),
    (r"cents?\b|¢", "cent"),
    (r"pence\b|(?<=\d)p\b(?!\.m)", "pence"),
    (r"(?:index\s+)?points?\b|pts\b", "point"),
    (r"years?(?:[\s-]+old)?\b|yrs?\b", "year"),
    (r"months?\b", "month"),
    (r"weeks?\b", "week"),
    (r"days?\b", "day"),
    (r"hours?\b|hrs?\b", "hour"),
    (r"minutes?\b|mins?\b", "minute"),
    (r"seconds?\b|secs?\b", "second"),
)
# Units written glued to the figure ("1.5mm", "60GB", "5kW", "24pc"): the figure ends where they
# begin. A pattern, read with IGNORECASE.
GLUED_UNIT = (
    r"(?:mm|cm|km|kms|kg|mg|ml|m|g|l|ft|in|mi|kw|kwh|mw|mwh|gw|w|v|mah|hp|bhp|gb|mb|tb|"
    r"gbps|mbps|ghz|mhz|khz|hz|mph|kph|kmh|pc|p|sqm|nm|oz|lbs?|db|kcal|yr|yrs|hrs?|mins?|"
    r"secs?)(?![\w])|(?:sq|deg)(?=\s?[a-z])"
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
# Things a price or amount is per, besides a time ("$2.60 a gallon", "$70 a barrel").
PER_THINGS = wordlist(
    """
    gallon litre liter barrel share person head capita tonne ton kilo kilogram pound ounce
    ticket unit seat vote
    """
)
# Nouns a number after which names a thing, not a count ("Highway 49", "Room 12", "Episode 3").
IDENTIFIER_NOUNS = wordlist(
    """
    No Nos Number Highway Route Interstate Flight Section Article Chapter Title Room Gate Page
    Pages Level Phase Category Stage Terminal Platform Building Unit Resolution Proposition Prop
    Act Rule Bill Version Model Channel Pier Lot Apollo Row Seat Door Exit Track Bus Ward
    District Precinct Zone Grade Class Week Day Game Round Match Series Episode Season Vol
    Volume Part Figure Fig Table Item Docket Patent Badge Jersey ID PIN Ext Suite Apt Apartment
    ISO Hull Pennant Serial
    """
)
# Street words: a number before a name ending in one is an address ("1600 Pennsylvania Avenue").
STREET_WORDS = wordlist(
    """
    Street St Avenue Ave Road Rd Boulevard Blvd Lane Ln Drive Dr Way Place Pl Court Ct Square
    Sq Terrace Parkway Pkwy Highway Hwy Circle Plaza Alley Crescent Close
    """
)
# Words around a pair "3-1" that make it a score or a tally of votes, not a range.
SCORE_WORDS = wordlist(
    """
    win wins won winning beat beats beating defeat defeated defeats victory victories lead led
    leads leading draw drew drawn lost lose loses loss losses score scored scores scoring tie
    tied ties edged edge routed thrashed trailed trailing trail aggregate vote votes voted
    ruling ruled margin
    """
)
# Plural nouns a year is often put before ("the 2020 elections"): after a year they do not make
# it a count ("1000 hires" is one).
YEAR_MODIFIED_NOUNS = frozenset(
    wordlist(
        """
        elections games olympics levels figures results numbers prices models seasons midterms
        budgets accounts standards rules playoffs finals championships championships awards
        accords talks protests riots floods attacks
        """
    )
)
# Hedges that make a four-digit number a count, not a year ("about 1000 come from Asia").
COUNT_HEDGES = (
    "about", "some", "nearly", "almost", "around", "approximately", "roughly", "more than",
    "fewer than", "less than", "at least", "as many as", "an estimated",
)  # fmt: skip
# Plural scale words that give a vague range ("thousands of", "tens of thousands of"):
# the word, and the range's low end (the high end is ten times it).
VAGUE_SCALES = {"hundreds": 100, "thousands": 1_000, "millions": 1_000_000,
                "billions": 1_000_000_000}  # fmt: skip
# Nouns a number word is fused with to name a feature, not a count ("a three-bed apartment", a
# "six-speed gearbox", "a two-time champion").
FEATURE_COMPOUNDS = frozenset(
    wordlist(
        """
        bed bedroom bath bathroom door speed cylinder time star story storey piece way point
        seat seater wheel wheeler lane engine stroke sided fold dimensional legged letter
        """
    )
)
# Fraction words a figure may be ("a third of those screened", "half the condos").
FRACTION_WORDS = {"half": 0.5, "third": 1 / 3, "quarter": 0.25, "fourth": 0.25, "fifth": 0.2,
                  "tenth": 0.1,
                  "two-thirds": 2 / 3, "three-quarters": 0.75}  # fmt: skip
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
# Prepositions that end the head of what a figure counts ("118 crew members aboard the Kursk").
HEAD_PREPOSITIONS = NOUN_PHRASE_PREPOSITIONS | frozenset(
    wordlist("aboard onboard about against among around behind below beside by out per to")
)
# Past tenses that end no "-ed" (a head of what a figure counts stops at a verb: "the
# 12,000-square-metre depot fell in").
IRREGULAR_PASTS = frozenset(
    wordlist(
        """
        fell rose grew went came ran sank hit cut won lost took gave got said told made left
        held met saw paid sold bought sent spent built brought fought stood struck broke drove flew
        began kept led put set shot slid spread stole swept threw wore wrote burnt shut
        """
    )
)
# Nouns that end in "-ing" (a head stops at a participle, not at these).
ING_NOUNS = frozenset(
    wordlist(
        """
        building buildings housing meeting meetings funding spending ceiling wedding weddings
        evening morning offering offerings earnings savings holdings listing listings rating
        ratings ranking rankings clothing bedding flooding training boarding dwelling dwellings
        sibling siblings being beings setting settings recording recordings reading readings
        painting paintings warning warnings filing filings hearing hearings landing landings
        crossing crossings opening openings shooting shootings stabbing stabbings bombing
        bombings killing killings sighting sightings screening screenings casing
        """
    )
)
# Words that end a head without changing what it counts ("crew members" are the crew).
HEAD_TAILS = frozenset(wordlist("member members personnel staffers"))
# Nouns before "of <figure>" that are not what it measures ("a total of", "an average of").
NOT_HEAD_NOUNS = frozenset(
    wordlist(
        """
        total number sum maximum minimum max min record estimate estimated tally count
        figure toll one some any all each none most many few majority minority rest part lot
        lots dozens hundreds thousands millions billions tens group set range series couple
        pair handful number increase rise drop fall decline gain loss cut growth jump surge
        change upwards excess up out because instead ahead
        """
    )
)
# Verbs through which a figure's subject is what it counts ("encounters totaled 235,173").
# Words that name one happening however an outlet words it ("two hurt", "2 injured", "three
# dead", "3 killed"), to the stem figures' measures are compared by (corroborate.compare.numbers).
HAPPENING_STEMS = {
    "hurt": "injur",
    "wounded": "injur",
    "dead": "kill",
    "died": "kill",
    "death": "kill",
    "deaths": "kill",
}
# Words that, right after a bare count, say it counts people ("2 injured", "Four hurt in...",
# "3 dead"): the noun a headline leaves out (corroborate.annotate.quantities).
CASUALTY_WORDS = frozenset(wordlist("injured hurt wounded killed dead missing rescued"))
# Verbs that tell money paid out, in any of their forms: "costing the city $2 million" and "the
# city spent $2.5 million" tell one expense (corroborate.compare.numbers reads them as one
# happening when the same payer is named over the same period).
EXPENSE_VERBS = frozenset(
    wordlist(
        """
        cost costs costing costed spend spends spending spent pay pays paying paid
        """
    )
)
# Verbs of giving money, each form to the noun of what its subject gives: a sum right after one
# ("the city will add $20 million", "Germany pledged $500 million", "the World Bank will lend
# Kenya $750 million") measures what the verb's subject gives, and is compared only with sums
# of the same giver (corroborate.annotate.quantities reads the giver, Quantity.giver).
GIVING_VERBS = {
    form: noun
    for noun, forms in (
        (
            "contribution",
            """
            give gives giving gave given pledge pledges pledging pledged contribute
            contributes contributing contributed provide provides providing provided donate
            donates donating donated grant grants granting granted commit commits committing
            committed offer offers offering offered allocate allocates allocating allocated
            earmark earmarks earmarking earmarked award awards awarding awarded inject injects
            injecting injected promise promises promising promised add adds adding added put
            puts putting
            """,
        ),
        ("payment", "pay pays paying paid"),
        ("spending", "spend spends spending spent"),
        ("investment", "invest invests investing invested"),
        ("loan", "lend lends lending lent loan loans loaning loaned"),
    )
    for form in wordlist(forms)
}
# Verbs of a participle that names what a noun is called ("a company called Harmony
# Enterprises", "a group named Ready PAC"): the name is the noun's.
NAMING_VERBS = frozenset(wordlist("call name dub"))
# Nouns whose "of" phrase is the sum a verb of giving gives ("gave a total of $5 million").
SUM_NOUNS = frozenset(wordlist("total sum amount"))
# Nouns of an aside between a verb of giving and its sum, on which a parse may hang the sum
# ("will contribute for its part 15 million euros").
GIVING_ASIDE_NOUNS = frozenset(wordlist("part"))
# Verbs whose infinitive ("to pay", as the parse reads it) commits their subject to the giving
# ("agreed to pay", "engages itself to pay", "is expected to provide", "is to pay"): the
# subject of the clause is still the giver. Any other verb ("refused to pay", "asked Congress
# to provide", "will propose spending") leaves the giver unread.
GIVING_LEAD_VERBS = frozenset(
    wordlist(
        """
        agree agrees agreed plan plans planned promise promises promised pledge pledges pledged
        vow vows vowed offer offers offered commit commits committed engage engages engaged
        expect expects expected intend intends intended decide decides decided vote votes voted
        set due going prepared ready has have had is are was were will would
        """
    )
)
# Auxiliaries of a verb's chain ("will", "has", "was"): one right after a relative clause's
# closing comma starts the main clause again ("Northgate, which has run the bridge since 2009,
# will contribute").
GIVING_AUXILIARIES = frozenset(
    wordlist(
        """
        will would shall should can could may might must has have had is are was were be been
        being do does did
        """
    )
)
# The words that open the noun phrase of a giver ("the City of Porthaven", "its parent").
GIVER_DETERMINERS = frozenset(wordlist("the a an its their his her our this these those"))
# Nouns of what is written, enacted or agreed, not of who acts ("the plan would add $6 billion",
# "the bill provides $40 million", "the deal gives the port €2 million"): a measure, a law, a
# budget or a deal moves money, but the one who gives is the government or party behind it, so
# such a subject is no giver (corroborate.annotate.quantities._giver_phrase).
NOT_AN_ACTOR = frozenset(
    wordlist(
        """
        plan proposal bill budget policy law legislation measure package program programme
        scheme reform cut tax levy tariff hike increase amendment provision act deal agreement
        accord treaty rule regulation initiative resolution ordinance stimulus bailout formula
        """
    )
)
# Possessive determiners that open a name when they stand before a proper noun ("Our Principles
# PAC", "Your Voice Fund"): the news tells no first or second person's organisation by name
# after "our" or "your", so the word is the name's own, not the writer's.
NAME_POSSESSIVES = frozenset(wordlist("our my your"))
# What "add" a sum "to" is not given to but grows by it ("would add $4 billion to the deficit",
# "added $2 trillion to the national debt"): a cost, not a gift.
COST_TOTALS = frozenset(wordlist("deficit deficits debt debts shortfall borrowing"))
# Words of time that say when, not what, a sum given is for ("$45 million over five years").
GIVER_TIME_WORDS = frozenset(
    wordlist("year years week weeks month months day days night morning evening weekend quarter")
    + MONTHS
    + WEEKDAYS
)
# Subjects of a verb of giving that name no giver of their own ("each will pay $500", "both
# gave $5 million", "donors who gave"): no sum is told of them.
NOT_A_GIVER = frozenset(
    wordlist(
        """
        each both all others some many most none one anyone everyone someone nobody somebody
        everybody who which what whoever
        """
    )
)
COUNT_VERBS = frozenset(
    wordlist(
        """
        is was were are totaled totalled totals total reached reaches hit hits stood stands
        numbered numbers came comes rose rises fell falls climbed climbs dropped drops jumped
        grew grows amounted amounts
        """
    )
)
# How a sentence frames a figure that is no plain statement of what was counted or measured
# (see corroborate.annotate.quantities.Quantity.frame): regex sources, read in the clause
# before the figure (and, for "after", just after it), with IGNORECASE.
FRAME_CUES_BEFORE = (
    (r"\b(?:built|designed|intended|made|meant|planned|equipped|licensed|rated)\s+"
     r"(?:to\s+\w+\s+|for\s+|to\s+(?:hold|carry|take|handle|seat)\s+)"
     r"|\bcapacity\s+(?:of|for|to)\b|\b(?:can|could|able\s+to)\s+(?:hold|carry|accommodate|"
     r"seat|handle|take|house|serve)\b|\bseats?\s+up\s+to\b", "capacity"),
    (r"\b(?:maximum|max\.?|top\s+speed|peak\s+capacity|capable\s+of|rated\s+(?:at|for|to))\b"
     r"|\b(?:can|could|able\s+to)\b[^,;]{0,40}\bup\s+to\s*$", "maximum"),
    (r"\b(?:if|unless|suppose|supposing|imagine|hypothetical(?:ly)?|would\s+have)\b",
     "hypothetical"),
    # "may have exposed": a hedged statement of what was, not a forecast
    (r"\b(?:may|might|could)\s+have\b", "stated"),
    # "may" and "will" in lower case only: "In May it was 170", "Will Smith paid $20 million"
    (r"\b(?:(?-i:will)|'ll|shall|would|might|expects?|expected|forecasts?|forecasted|projects?|"
     r"projected|predicts?|predicted|anticipates?|anticipated|likely\s+to|set\s+to|due\s+to|"
     r"on\s+track\s+to|aims?\s+(?:to|for)|target(?:s|ed)?|goal\s+of|plans?\s+to|could|"
     # an effort toward a figure, not what was done: "has worked to process 5,000 pages"
     r"(?:work(?:s|ed|ing)?|seek(?:s|ing)?|sought|tr(?:y|ies|ied|ying)|hop(?:e|es|ed|ing)|"
     r"striv(?:e|es|ing)|strove)\s+to|"
     r"(?-i:may))\b",
     "expected"),
)  # fmt: skip
FRAME_CUES_AFTER = (
    # "15,000 vehicles is its capacity" (not "a 16,500-capacity stadium": that names the measure)
    (r"[^,;.]{0,30}\s(?:capacity|at\s+most|at\s+the\s+most|maximum)\b", "capacity"),
    (r"[^,;.]{0,30}\b(?:is|are|was|were)\s+(?:expected|forecast|projected|predicted)\b",
     "expected"),
    (r"[^,.;]{0,60}\b(?:if|unless)\b", "hypothetical"),
)  # fmt: skip
# What makes a figure a part of a larger count, or a total of parts.
PART_CUES_BEFORE = r"\b(?:including|among\s+them|another|an?\s+(?:additional|extra|further))\s+$"
PART_CUES_AFTER = (
    r"^\s+(?:other|more|additional|further|extra|new)\b"
    r"|^\s+of\s+(?:the|them|those|these|whom|which|its|their|our|his|her)\b"
)
TOTAL_CUES_BEFORE = (
    r"\b(?:a\s+total\s+of|in\s+total|total(?:ling|ing)?|altogether|all\s+told|overall|"
    r"combined|in\s+all)\s+(?:of\s+)?$"
)
TOTAL_CUES_AFTER = r"^[^,;.]{0,25}\b(?:in\s+total|in\s+all|altogether|all\s+told|combined)\b"
# Words trimmed from either end of a measure ("the", "their", "record", "'s").
MEASURE_DETERMINERS = frozenset(
    wordlist("the a an its their his her our these those of all new more other record 's ’s")
)
# Words between a subject and its figure, passed over when what the figure counts is read
# back from it ("encounters totaled 235,173").
MEASURE_LINK_WORDS = frozenset(
    wordlist(
        "of to at with reported totaled totalled reached hit stood was were is are had has have"
    )
)
# Words that stand for what a figure counts without saying it ("Last year it was 30", "there
# were 23"): a measure read back from the figure that meets one first is left empty.
STAND_IN_SUBJECTS = frozenset(wordlist("it there they this that these those he she we i you"))
# Personal pronouns: a measure read after a figure stops at one ("the signs she printed"),
# and one alone names nothing a figure counts ("86 percent of them"). "US" and "her" (a
# country, a possessive) are no such pronoun; "I" is one only as a capital.
MEASURE_PRONOUNS = frozenset(wordlist("he she it they we you him them us me i"))
# Words that stress or colour a figure, not what it counts ("only 24 percent", "has only
# spent $5 million", "a solid 50 percent", "a whopping 40"): a measure read back from the
# figure passes over them and ends at them.
FOCUS_WORDS = frozenset(
    wordlist("only merely solely even solid mere whopping staggering paltry healthy")
)
# Words right before a figure that make it a stretch of time or a rank, not a count of
# something ("for the past 40 years", "a child's first 18 years", "the top three").
SPAN_WORDS_BEFORE = frozenset(
    wordlist("past last next first previous coming final following preceding top bottom")
)
# Prepositions that start a place or a setting, not what a figure counts ("seven minutes
# outside the White House", "5 points among likely voters", "215 feet above a creek").
SETTING_PREPOSITIONS = frozenset(
    wordlist(
        "among amongst outside above below beneath against near inside behind beyond across "
        "along around via within at"
    )
)
# Particles that complete a verb ("dialed down", "turned out"): a verb phrase cut before one
# says nothing of what was done.
VERB_PARTICLES = frozenset(wordlist("up down out off back away over"))
# Nouns in "-ly" (not adverbs): a measure may start with one ("family members").
LY_NOUNS = frozenset(
    wordlist(
        "family assembly supply rally ally anomaly monopoly italy july bully belly jelly lily "
        "holly folly homily reply butterfly firefly fly ugly quarterly weekly monthly daily "
        "yearly elderly"
    )
)
# Plurals that end in no "-s": what a participle before a counted noun may describe ("five
# missing children", "12 injured people").
IRREGULAR_PLURALS = frozenset(
    wordlist("people children men women police staff personnel crew cattle feet teeth mice geese")
)
# What stands before a figure that counts what the figure of the sentence before counted
# ("... about a dozen boats a year. Last year it was 30.", "there were 23", "this year that
# stood at 40"): an impersonal stand-in and a link verb, right before the figure.
CARRIED_MEASURE_BEFORE = (
    r"\b(?:it|there|that|this)\s+(?:(?:has|had|have)\s+been|was|were|is|are|stood\s+at|"
    r"reached|hit|totall?ed)\s+$"
)
# Words around a figure that say how it is measured, not what is measured ("12 years old").
VAGUE_MEASURE_WORDS = frozenset(
    wordlist("away long wide high tall deep far old age ago later earlier total overall nearly")
)

# --------------------------------------------------------------------------------------------
# Places: a count made in one country is not set against a count made in another
# (quantities.places_near). One name for a country's other names, as quantities.place_name
# reads them (folded, lower-cased, without "the" and dots).

PLACE_ALIASES = {
    **dict.fromkeys(("us", "usa", "united states of america", "america"), "united states"),
    **dict.fromkeys(("uk", "britain", "great britain"), "united kingdom"),
}

# --------------------------------------------------------------------------------------------
# Polls and surveys: a figure told of one measures that poll alone, so two outlets' figures are
# set against each other only when both name the same poll (quantities.poll_of).

POLL_PATTERN = r"\b(?:polls?|polling|surveys?|pollsters?|margin of error)\b"
# words that may stand between a pollster's name and "poll": "the Washington Post/ABC News
# national tracking poll", "a CBS News telephone survey"
POLL_NAME_FILLERS = wordlist(
    "new latest recent previous last earlier national nationwide statewide state daily weekly "
    "monthly tracking online telephone phone exit public opinion released published"
)
# words that open no pollster's name, though capitalised at a sentence's start
POLL_NOT_NAMES = wordlist(
    "the a an this that these those its their his her our your one another each every other "
    "new latest recent previous national but and or in on at for of by from with according "
    "several many most some few both all two three four five "
    "poll polls survey surveys pollster pollsters"
)
POLL_NAME_AFTER = (
    r"(?:conducted|commissioned|sponsored|carried out|released|published)?\s*(?:by|from|for)"
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
# Prepositions that set a happening off from a dated one ("campaigned in Ohio ahead of
# Tuesday's primary", "after Friday's meeting"): the sentence's happening is not on that day.
TEMPORAL_PREPOSITIONS = frozenset(
    wordlist("ahead before after since until till following prior pending")
)
# Nouns that only say which part of a day or period a date means ("Wednesday morning"): no
# happening of their own.
TIME_OF_DAY_NOUNS = frozenset(
    wordlist("morning afternoon evening night midnight noon day week weekend month year time")
)
# Tense and modality of the verb a date or a commitment hangs on (lemmas, as spaCy gives them;
# corroborate.annotate.grammar). Auxiliaries that put a verb ahead ("will meet", "won't") and
# modals that speak of what may come ("could be exhausted by Friday").
FUTURE_AUXILIARIES = frozenset(wordlist("will shall wo 'll ’ll"))
MODAL_AUXILIARIES = frozenset(wordlist("would could might may should must can ought"))
# Verbs whose complement lies ahead of them: "expect Clinton to win Monday's debate", "a rally
# slated for Wednesday", "the meeting scheduled for Friday", "plans to visit on Sunday".
LOOKING_AHEAD_VERBS = frozenset(
    wordlist(
        """
        expect plan hope want intend aim seek prepare schedule slate set due vow pledge promise
        threaten propose mean await anticipate
        """
    )
)
# Verbs that ask or agree for someone to act, whose infinitive lies ahead of them when they
# stand in the present perfect or present ("has invited Trump to meet ... on Thursday", "asks
# them to vote Tuesday"); told in the past, their act may have had its day.
ASKING_VERBS = frozenset(wordlist("invite ask urge agree decide encourage order call"))
# The participles of those verbs as written (the lemmatizer misreads some: "slated" -> "slat").
LOOKING_AHEAD_PARTICIPLES = frozenset(
    wordlist("slated scheduled set due planned expected timed poised foreseen envisaged")
)
# Adjectives before an infinitive that put it ahead: "likely to compete", "due to meet".
LOOKING_AHEAD_ADJECTIVES = frozenset(wordlist("likely unlikely due set poised about sure bound"))
# A date on the way to which lies "according to" is the day of a report ("according to an
# official on a call to reporters Thursday"): behind the article's date.
REPORTING_PREPOSITIONS = frozenset(wordlist("according accord"))
# Adverbs that close a process: "finally agreed to", "eventually agreed to" tell an agreement
# whose act has followed, not a next step.
COMPLETION_ADVERBS = frozenset(wordlist("finally eventually ultimately"))
# Adverbs that tell where a commitment began, in the past ("where the minister first promised
# state money", "originally pledged to"): that earlier occasion, recalled, not a next step.
ORIGIN_ADVERBS = frozenset(wordlist("first originally initially"))
# Commitment verbs that, as a participle or in the passive, tell a purpose, not a plan
# ("injections intended to calm her", "the plan is designed to").
PURPOSE_VERBS = frozenset(wordlist("intend design aim mean"))
# Subjects that stand for no one in particular: a commitment whose subject is one of these
# names no actor.
PERSONAL_PRONOUNS = frozenset(wordlist("i we you he she it they who which that this"))
# Words that reverse or end what a sentence tells ("called off the strike", "declared dead",
# "abandoned the search"): a sentence with one does not report what one without it reports
# (corroborate.compare.facts), whatever else they share.
REVERSAL_PATTERNS = (
    r"call(?:s|ed|ing)?\s+off",
    r"cancel(?:s|ed|led|ing|ling)?",
    r"suspend(?:s|ed|ing)?",
    r"scrap(?:s|ped|ping)?",
    r"abandon(?:s|ed|ing)?",
    r"drop(?:s|ped|ping)?\s+(?:its|their|his|her|the)",
    r"postpone(?:s|d|ing)?",
    r"withdr(?:aw|aws|ew|awn)",
    r"declared\s+dead",
    r"(?:was|were|has\s+been|have\s+been)\s+(?:ended|halted|lifted|overturned|revoked)",
)
# What makes a sentence a supposition, not a report ("suppose he wins 1,237 delegates",
# "imagine that the convention", "hypothetically"): regex sources, with IGNORECASE. Not
# "supposed to" (a plan or a duty), nor a bare "if" (news tells conditions as facts: "the
# nominee if no one reaches 1,237" is how the rules are reported).
SUPPOSITION_PATTERNS = (
    r"suppos(?:e|ing)",
    r"imagin(?:e|ing)\s+(?:that|if|a|an|the|what|how)",
    r"hypothetical(?:ly)?",
    r"what\s+if",
    r"let['’]?s\s+say",
    r"for\s+the\s+sake\s+of\s+argument",
    # a counterfactual: "if there were no superdelegates, she would have won already"
    r"if\s[^.;:!?]*?\b(?:were|had)\b[^.;:!?]*?\bwould\s+(?:(?:not|already)\s+)?have",
)
# What makes a sentence a forecast, what someone expects to come, not a report of what came or
# is ("will almost certainly push the mayor out", "is likely to win", "predicts that
# prices will fall", "is on track to win", "is poised to extend her lead"): regex sources, with
# IGNORECASE. A forecast is not cited for a report, nor a report for it (corroborate.compare.
# facts); two outlets' one forecast are still one fact. A "will" is a forecast only hedged
# (HEDGE_ADVERBS but "certainly" and "surely" alone, which may stress a promise: "I will
# certainly vote"); "would" speaks of a condition as often as of a forecast; "predicted" only
# before what is predicted ("as polls predicted, she won" reports the win).
FORECAST_PATTERNS = (
    r"(?:will|wo|'ll|’ll)(?:n['’]t|\s+not)?\s+"
    r"(?:almost\s+certainly|likely|probably|perhaps|possibly|maybe|inevitably)",
    r"(?:is|are|was|were|seems?|looks?)\s+(?:un)?likely\s+to",
    r"(?:predict|forecast)(?:s|ed)?\s+(?:that|a|an|the)",
    r"on\s+track\s+to",
    r"poised\s+to",
)
# Words by which a sentence that names no day refers back to the day told just before it
# ("Obama meets Sanders on Thursday. Sanders also plans to meet Reid that day"): regex
# sources, with IGNORECASE (corroborate.compare.facts reads the day of the sentence before).
DAY_REFERRED_BACK = (
    r"that\s+(?:same\s+)?(?:day|morning|afternoon|evening|night)",
    r"the\s+same\s+(?:day|morning|afternoon|evening|night)",
    r"later\s+(?:in\s+)?the\s+day",
    r"earlier\s+(?:in\s+)?the\s+day",
)
# How a sentence refers to a place it does not name, by its kind ("the state's 20 pledged
# delegates", "the country's death toll"; not "the town of Kessingford", which names it):
# regex sources, with IGNORECASE (corroborate.compare.facts then reads its figures' place).
PLACE_REFERRED_BACK = (
    r"the\s+(?:state|country|nation|city|town|province|county|region|island)"
    r"(?:['’]s\b|\b(?!\s+of\b))",
)
# Heads of counts that say not what they count, only that it is persons or things ("230
# people" employed, "a town of 95,000 people"): two counts sharing only such a word are not
# shown to count one thing (corroborate.compare.facts).
GENERIC_COUNT_HEADS = tuple(wordlist("people persons person individuals others times things"))
# Words that speak of later on the day of telling ("the council meets tonight"): the day
# is the article's, and its happening still ahead (corroborate.compare.facts does not read
# such a sentence as telling what came of a plan for that day).
LATER_TODAY = (r"tonight", r"this\s+(?:evening|afternoon)", r"later\s+(?:today|this\s+\w+)")
# Adverbs of frequency, that make a sentence tell a habit or a run of happenings, not one
# ("has repeatedly called", "led every poll, usually by double digits"): regex sources, with
# IGNORECASE. Such a sentence is not cited for one day's news (corroborate.compare.facts):
# "called the system rigged in a tweet Tuesday" is one happening, "has repeatedly called it
# rigged" many. Not "often" ("more often than not", "as often as"), nor a span ("for months",
# "has long"), which news sets in a clause of background ("who had trailed for months, won").
HABIT_PATTERNS = (
    r"repeatedly",
    r"routinely",
    r"usually",
    r"frequently",
    r"regularly",
    r"habitually",
    r"time\s+and\s+(?:time\s+)?again",
    r"again\s+and\s+again",
    r"over\s+and\s+over",
    r"time\s+after\s+time",
)
# Words by which a writer speaks to the reader ("you actually don't win by how many states you
# win"), outside any quotation: commentary, not a report of a happening (corroborate.compare.
# facts keeps such a sentence apart from one with none).
READER_WORDS = frozenset(wordlist("you your yours yourself yourselves"))
# Words that are no part of a person's title: between two names of a list ("Bush, Ohio Gov.
# John Kasich") a title may stand, but these begin a clause or a phrase ("Trump, who beat
# Cruz"; "Clinton, speaking to Sanders").
NOT_IN_A_TITLE = tuple(
    wordlist(
        """
        who whom whose which that said says told tells asked called met beat beats than to in
        on at by with from for against after before over about as while when
        """
    )
)
# Verbs that move a happening to a later day: "postponed until Friday", "delayed to Monday".
DEFERRAL_VERBS = frozenset(wordlist("postpone delay adjourn defer extend reschedule push"))
# Conjunctions before a participle with no auxiliary ("once installed", "when completed", "if
# approved"): the clause takes the time of the clause it depends on.
BARE_PARTICIPLE_MARKS = frozenset(wordlist("once when whenever until till if unless"))
# Conjunctions of a time clause ("three years after Republicans vowed to ..."): a commitment told
# in the past inside one dates the main clause, a past occasion, not a next step.
TIME_CLAUSE_MARKS = frozenset(wordlist("after since when before once"))
# Nouns that "pledged" or "promised" qualify as an adjective ("regular, pledged delegates", "the
# promised land"), however the parse reads it: no pledge of a thing.
PLEDGED_NOUNS = frozenset(wordlist("delegate land"))
# Things made to be shown, whose "will run" is a schedule ("the ad will run on Tuesday", "this
# spot, which will run statewide"), not a forecast.
BROADCAST_NOUNS = frozenset(
    wordlist(
        "ad advert advertisement commercial spot campaign series show episode documentary broadcast"
    )
)
# Loyalties sworn: a pledge of one is done in the swearing ("pledged his allegiance to the
# group"), a bond, not an act that lies ahead.
LOYALTY_NOUNS = frozenset(wordlist("allegiance loyalty fealty fidelity"))
# Reporting verbs: in the present ("Johnson tells MSNBC on Friday") news still reports the past.
REPORTING_LEMMAS = frozenset(
    wordlist(
        """
        say tell add note write argue claim insist explain report announce tweet post warn
        declare confirm deny admit acknowledge contend suggest
        """
    )
)
# Prepositions before a date that fix its side whatever the tense ("since Monday", "ahead of
# Tuesday's vote").
BACKWARD_PREPOSITIONS = frozenset(wordlist("since"))
FORWARD_PREPOSITIONS = frozenset(wordlist("ahead"))
# Prepositions of a deadline or an end ("until Friday", "by Friday", "through Sunday"): ahead of a
# verb in the present, the future or a modal, or after a deferral verb; behind a past one.
DEADLINE_PREPOSITIONS = frozenset(wordlist("until till through by"))
# Time nouns after a weekday that make it a habit, not a day ("Saturday evenings").
HABITUAL_TIME_NOUNS = frozenset(wordlist("mornings afternoons evenings nights"))

# Acts a subject does because it decides to (lemmas; a particle after a space: "reach out"):
# after "will" or "going to" with a subject who can act, a plan or a promise ("he'll share",
# "we will appeal", "I'm going to appoint"), where a verb of an outcome, a state or a win is a
# forecast or a boast ("will win", "will be great", "will need", "will face", "will get"), and
# a verb as often said of what others will do, or of an effect, as of one's own plan is left
# out ("will pay", "will raise taxes", "will make", "will help build trust"). corroborate.annotate.commitments reads them.
DELIBERATE_ACTS = frozenset(
    wordlist(
        """
        seek hold meet visit host send provide invest spend deploy open launch create establish
        sign travel conduct begin start resume fund allocate donate build hire release deliver
        expand increase reduce return convene announce address attend speak moderate headline
        veto testify campaign unveil introduce rally tour nominate vote
        appeal sue join share impose focus protect fight push file submit present publish issue
        propose appoint name endorse resign retire withdraw debate discuss respond answer work
        offer order approve enact implement repeal ban negotiate renegotiate investigate
        review perform write give ask urge opt oversee direct chair
        assemble recruit organize organise
        oppose defend support accept advise execute screen enforce pursue restore cap
        wear march boycott protest picket demonstrate
        """
    )
    + ("reach out", "roll out", "lay out", "spell out", "carry out", "set up", "face off")
    + ("come back", "pore over")
)
# Acts of DELIBERATE_ACTS' kind only with a direct object and no clause after it ("will help
# Ted", "is going to help immigrant communities"); with one they tell an effect ("will help
# build trust", "will help you find").
DELIBERATE_WITH_OBJECT = frozenset(wordlist("help manage stop"))
# Posts someone is appointed to, told with "will be" ("will be co-chairman of the rules
# committee", "will be the moderator"): a role taken on, not a state; "co-" may precede.
APPOINTED_ROLES = frozenset(wordlist("chair chairman chairwoman chairperson moderator host emcee"))
# An act named before and taken up again ("And I will continue to do so", "we will do so by
# March"): "do" with "so" is the deliberate act it stands for.
DELIBERATE_PRO_ACT = "do so"
# Verbs that open the act rather than being it ("start winning", "continue to do so", "try to
# reach"): the act is the verb they open.
ASPECT_VERBS = frozenset(wordlist("start begin continue keep resume try"))
# Adverbs that open an indirect question about a "will" ("the question is how Sanders will
# respond", "asked why they will"): what is asked, not a plan told.
INDIRECT_QUESTION_ADVERBS = frozenset(wordlist("how why"))
# ... and the pronouns that open one when the clause is not of a noun ("whom they will support").
INDIRECT_QUESTION_PRONOUNS = frozenset(wordlist("who whom what"))
# Verbs that tell what such a clause holds ("talking about how he's going to build a wall",
# "explained how they will pay for it"): a plan told, not a question.
TELLING_VERBS = frozenset(wordlist("talk speak say tell explain describe detail outline show"))
# Adverbs that tell a plan as since changed ("was originally scheduled to have six more
# stops"): background, not a step ahead.
SUPERSEDED_ADVERBS = frozenset(wordlist("originally initially previously"))
# Verbs that call off a plan or a scheduled thing told under them ("postponing a news conference
# scheduled for Friday", "canceled an event ... where he was scheduled to speak"; a particle
# after a space). Those of DEFERRING_VERBS put it off: to a day they name, it still lies ahead.
CALLING_OFF_VERBS = frozenset(
    wordlist("cancel postpone scrap delay suspend shelve abandon")
    + ("call off", "put off", "push back")
)
DEFERRING_VERBS = frozenset(wordlist("postpone delay")) | {"put off", "push back"}
# Adverbs that make a "will" a forecast ("will likely face", "will probably use").
HEDGE_ADVERBS = frozenset(
    wordlist("likely probably perhaps possibly maybe surely certainly inevitably hopefully")
)
# Adjectives of likelihood whose clause is a forecast ("it seems inevitable that X will",
# "it is likely that"), not a plan told.
LIKELIHOOD_ADJECTIVES = frozenset(
    wordlist(
        """
        likely unlikely inevitable certain possible probable clear sure doubtful conceivable
        plausible obvious
        """
    )
)
# Adverbs that make a "will" a habit, not a plan ("periodically will issue", "will always
# answer").
FREQUENCY_ADVERBS = frozenset(
    wordlist(
        """
        periodically usually often always regularly sometimes typically generally routinely
        frequently occasionally repeatedly constantly normally ever
        """
    )
)
# Verbs whose clause is a belief, a hope or a fear, not a plan told ("hopes that his successor
# will push", "I'm worried that we will slip back").
BELIEF_VERBS = frozenset(
    wordlist(
        """
        hope expect predict believe think fear doubt wonder bet guess assume suspect worry
        imagine wish forecast anticipate suppose reckon feel
        """
    )
)
# Nouns whose clause is a likelihood, a belief, a hope or a fear ("a one-in-four chance that
# the bank will return to ...", "fears that the union will strike"): what may come, not a plan
# told.
BELIEF_NOUNS = frozenset(
    wordlist(
        """
        chance odds likelihood probability possibility prospect risk danger fear hope
        expectation belief bet speculation worry concern doubt sign assumption prediction
        forecast guess suspicion estimate explanation argument theory
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

# --------------------------------------------------------------------------------------------
# Page furniture: what the cleaner cuts (corroborate.read.clean)
#
# Whole-line patterns (regex sources, matched ignoring case unless said), grouped by the
# removal reason they give; fr, es and xx add their languages' under the same names, and the
# cleaner reads them all (corroborate.lang.merged).

# Cookie and consent banners.
COOKIE_BANNER = (
    r"^(this|our) (web ?site|site|page|portal|app) (uses|use|is using|may use) cookies\b",
    r"^we (use|and our (\d+ )?partners (use|store)|may use) cookies\b",
    r"^we and our (\d+ )?(partners|vendors)\b.{0,80}\b(cookies|device|data)\b",
    r"^we value your privacy\b",
    r"^(your privacy (matters|is important)|privacy (preferences|settings|choices))\b",
    r"^by (continuing|using|clicking|browsing|staying)\b.{0,120}\b(you (agree|accept|consent)|"
    r"cookies)\b",
    r"^cookies? (policy|settings|preferences|consent|notice|banner)\b",
    r"^(manage|customi[sz]e|change) (cookies|cookie settings|(my |your )?preferences|consent)$",
    r"^(accept|reject|decline|allow|refuse|deny) (all )?cookies\.?$",
    # a dialog's heading run into its buttons: "Cookies! Accept all."
    r"^cookies?\s*[!.:]\s*(accept|reject|decline|allow|refuse|deny|agree|manage)\b.{0,40}$",
    r"^do not sell (or share )?my personal information$",
)
# The words of a sentence right after a cookie banner inside a line that make it part of the
# banner (regex alternatives, ignoring case; other languages add theirs).
BANNER_WORDS = ("cookies",)
# A site's answer to the program that fetched the page, instead of the article: a robot check,
# a browser requirement, an error page. Searched anywhere in a line (regex sources, ignoring
# case); a text that opens on one and is short is no article (corroborate.read.clean).
SCRAPER_ANSWER = (
    r"\b(i am|i'm|i’m) not a robot\b",
    r"\bare you a (robot|human)\b",
    r"\bverify (that )?you(['’]re| are) (a )?human\b",
    r"\bchecking (your browser|if the site connection is secure)\b",
    r"\bunusual traffic from your\b",
    r"\b(huge|large|unusual) (amount|number) of (connections|requests) from\b",
    r"\byou have been blocked\b",
    r"\baccess (to this page )?(has been |is )?denied\b",
    r"\b(your )?request (was |has been )?blocked\b",
    r"\bwe noticed you(['’]re| are) (blocking ads|using an? ad ?blocker)\b",
    r"\b(turn(ing)? off|disabl(e|ing)|paus(e|ing)) (your )?ad ?block(er)?\b",
    r"\bcookies must be enabled\b",
    r"\bto use this (web ?site|site), (cookies|javascript)\b",
    r"\b(please )?enable (javascript|cookies) (in your browser )?to (continue|use|access|read)\b",
    r"\bjavascript is (disabled|required)\b",
    r"\b404\b.{0,30}\bnot found\b",
    r"\bthe page you (are|were) looking for (could not|cannot|can['’]t|does not|doesn['’]t)\b",
    r"\bthis page (is no longer available|does not exist|could not be found)\b",
)
# The buttons of a consent dialog (cut next to a banner), as whole lines.
CONSENT_BUTTONS = (
    *("accept", "accept all", "accept & close", "accept and close", "reject", "reject all"),
    *("decline", "deny", "allow all", "agree", "i agree", "i accept", "agree and close"),
    *("got it", "ok", "okay", "continue", "more options", "settings", "read more", "learn more"),
    *("privacy policy", "opt-out", "opt out", "manage settings", "manage options"),
    *("manage preferences", "manage choices", "cookie settings", "customise", "customize"),
    *("necessary only", "only necessary", "accept necessary", "reject non-essential"),
)
# Buttons that only ever appear on consent dialogs, even far from their banner text.
CONSENT_ONLY_BUTTONS = (
    *("accept", "accept all", "accept & close", "accept and close", "reject all", "i agree"),
    *("i accept", "agree and close", "got it", "allow all"),
)
# Comment sections: their headers, their forms, and a comment's furniture.
COMMENT_HEADERS = (
    r"^\d+\s+(comments?|responses?|replies|reactions?|thoughts)(\s+(on|to)\s+[\"“‘«].{1,150})?$",
    r"^(comments?|reader comments|readers' comments|readers’ comments|discussion|"
    r"join the (conversation|discussion)|show comments|view comments|load comments|"
    r"(add|post|leave|write) (a|your) (comment|reply|response)|comments \(\d+\))[.:]?$",
    r"^(comments|responses) to [\"“].{0,200}$",
)
COMMENT_FORM = (
    r"^leave (a|your) (reply|comment|response)\b.{0,60}$",
    r"^cancel reply$",
    r"^your email address will not be published\b.{0,80}$",
    r"^required fields are marked\b.{0,10}$",
    r"^(post|submit|send|publish) (a |your )?(comment|reply|response)$",
    r"^(comment|name|email|e-mail|website|message)\s*\*\s*:?$",
    r"^(comment|website)$",
    r"^save my name, email,? and website\b.{0,100}$",
    r"^notify me of (follow-up comments|new posts|new comments)\b.{0,60}$",
    r"^you must be logged in to (post|leave) a comment\.?$",
    r"^log ?in to (reply|comment)$",
    r"^comments are (closed|disabled)\.?$",
    r"^this site uses akismet to reduce spam\b.{0,80}$",
    r"^(reply|report|report comment|permalink|flag)$",
)
COMMENT_META = (
    rf"^{MONTH_PATTERN} \d{{1,2}},? \d{{4}},? (at )?\d{{1,2}}:\d{{2}}( ?[ap]\.?m\.?)?$",
    r"^\d{1,2}[/.]\d{1,2}[/.]\d{2,4},? (at )?\d{1,2}:\d{2}( ?[ap]\.?m\.?)?$",
    r"^\d+ (minutes?|hours?|days?|weeks?|months?|years?) ago$",
    r"^\d+ (likes?|replies|upvotes?|downvotes?|points?)$",
    r"^(reply|report|like|permalink|flag|log in to reply)$",
)
# Ad labels a scraper fuses to the front of a sentence or after a headline ("ADVERTISEMENT
# The minister said ..."), matched as written; other languages add theirs (lang.de ...).
AD_LABELS = (r"(?:ADVERTISEMENT|ADVERTISING|Advertisement)(?:\s+(?:ADVERTISEMENT|Advertisement))*",)
# The labels over paid content (one pattern).
SPONSORED_LABELS = (
    r"sponsored( content| links?| stories)?|paid (content|post)|promoted( stories)?|partner content"
)
# The signature line of an embedded post: "— Jane Doe (@jdoe) January 26, 2024" (the post's
# text above it is the article's: it quotes the post).
EMBEDDED_POST_SIGNATURE = (
    rf"^[—–-]\s*[^()]{{1,60}}\(@\w{{1,30}}\)\s+{MONTH_PATTERN}\s+\d{{1,2}},\s+\d{{4}}$"
)
# What a scraper leaves of a page: ad labels, share and navigation buttons, players' banners.
PAGE_RESIDUE = (
    r"^source site-?\d+$",
    rf"^(advertisement|advertising|advert|ad|ads|{SPONSORED_LABELS})$",
    r"^skip to (main )?(content|navigation|search)$",
    r"^share (this|the) (article|story|page|post)[.:!]?$",
    r"^share (this|the) (article|story|page|post)\s*(:|on|via)\s*[\w .]{1,20}"
    r"(\s*[|·•,/]\s*[\w .]{1,20}){0,8}$",
    r"^share( (on|via|to) [\w.+ ]{1,20})?:?$",
    r"^share this:?$",
    r"^(tweet|email|e-mail|print|facebook|twitter|x|whatsapp|linkedin|reddit|pinterest|telegram|"
    r"threads|bluesky|messenger|sms|copy|copy link|link copied|copied!?|close|menu|search|"
    r"home|loading\.*|toggle navigation|open in app|show more|show less|see more|back to top|"
    r"scroll to top|listen|listen to this article|save|saved|bookmark|gift this article)$",
    r"^story continues (below|after)( (the )?(advertisement|ad))?\.?$",
    r"^(article )?continues (below|after) (this |the )?(advertisement|ad)\.?$",
    r"^this (advertisement|ad) has not loaded yet\b.{0,80}$",
    r"^we apologi[sz]e, but this video has failed to load\b.{0,40}$",
    r"^continue reading( (below|the main story))?\.?$",
    r"^scroll (down )?to continue( (with|reading) (the )?(content|article))?\.?$",
    r"^\d+ ?min(ute)?s? (read|listen)$",
    r"^(click|tap) here\b.{0,60}$",
    r"^(photo|photos|video|videos|gallery|image|watch|audio|play|play video|watch video)$",
    r"^\d{1,2}:\d{2}(\s*/\s*\d{1,2}:\d{2})?$",
    r"^pic\.twitter\.com/\w+$",
    # A screen reader's label left on a link, a player's banner, a standards link.
    r"^.{1,60}?,? opens (in )?(a )?new (tab|window)$",
    r"^now playing\b.{0,80}$",
    r"^our (standards|editorial (standards|guidelines)|principles)\s*:.{0,80}$",
    r"^(previous|next|older|newer) (post|article|story)$",
    # a site's notices to its visitor: push alerts, the terms a login or a sign-up binds to
    r"^we['’]ll send (you )?(breaking news|news alerts|alerts|notifications)\b.{0,60}$",
    r"^\*?\s*i understand and agree that registration\b.{0,160}$",
    r"^by (logging|signing) (in|up)\b.{0,100}\byou (accept|agree)\b.{0,80}$",
    # a page's demand for a script or a browser, where its text (or a player) would be
    r"^(please |you (need|have) to |you must )?(enable|turn on|activate|allow) javascript\b.{0,100}$",
    r"^javascript (is )?(required|disabled|must be (enabled|turned on))\b.{0,100}$",
    r"^this (web ?site|site|page|app|content) requires javascript\b.{0,100}$",
    r"^your browser (does not|doesn['’]t|cannot|can['’]t) (support|play)\b.{0,80}$",
    EMBEDDED_POST_SIGNATURE,
    # A kicker over the headline: "BREAKING", "Exclusive", "LIVE".
    r"^(breaking|breaking news|just in|developing|developing story|live|live updates|exclusive)"
    r"[.:!]?$",
)
# Subscribe, sign-up and follow prompts, as whole lines.
SUBSCRIBE_PROMPTS = (
    r"^(subscribe|sign up|sign in|log in|register)( now| today| here)?[.!]?$",
    r"^already (a subscriber|a member|have an account)\b.{0,60}$",
    r"^(to continue reading|to read (this|the full) (article|story))\b.{0,100}\b(subscri|sign in|"
    r"log in|register)",
    r"^this (article|story|content) is (only )?(available )?(for|to) (subscribers|members)\b",
    # a paywall's meter and an ad-blocker wall, where the article should be
    r"^you(['’]ve| have) (reached|hit|used( up)?) (the|your) (limit|maximum|quota|allowance)\b"
    r".{0,80}\b(free|articles?|stories|access|views?)\b",
    r"^you(['’]ve| have) (read|viewed|used) (all|\d+|your)\b.{0,60}\b(free|articles|stories)\b",
    r"^we hope you(['’]ve| have)? enjoyed your (complimentary|free)\b",
    r"^to continue (viewing|reading|accessing)\b.{0,100}\b(sign in|log in|subscri|account)",
    r"^we noticed you(['’]re| are) (blocking ads|using an? ad ?blocker)\b",
    r"^(to read our articles,? )?(please )?(disable|turn off|pause|whitelist)\b.{0,30}"
    r"\b(ad ?block(er)?|ublock)\b",
    r"^subscribe (to|for)\b",
    r"^sign up (for|to|now|here|today)\b",
    r"^(sign up|register|join)\b.{0,100}\b(newsletters?|inbox|alerts)\b",
    r"^follow (us|[@#]?\w[\w.]*( \w+)?) on (facebook|twitter|x|instagram|tiktok|youtube|linkedin|"
    r"threads|bluesky|telegram|whatsapp|google news|mastodon)\b",
    r"^follow us\b",
    r"^(like|find) us on facebook\b",
    r"^(get|receive) (the latest|our|daily|weekly|breaking|the best)\b.{0,100}\b(inbox|newsletters?|"
    r"e-?mail|alerts|app|notifications)\b",
    r"^download (our|the) (free )?[\w ]{0,20}app\b",
    r"^join (our|us on) (whatsapp|telegram|newsletter|community|channel)\b",
    r"^(please )?support (our|independent|quality) journalism\b",
    r"^(become a|donate)\b.{0,60}\b(member|subscriber|today|now)\b",
    r"^enter your e-?mail( address)?\b.{0,60}$",
    r"^if you (found|enjoyed|liked|valued|appreciated) (this|our)\b.{0,120}\b(share|subscribe|"
    r"follow|sign up|donate|support)\b",
)
# A call to action anywhere in a short line: "... Subscribe today for unlimited access".
CALLS_TO_ACTION = (
    r"\b(subscribe (today|now|here)|become a (paid )?(subscriber|member|supporter)|"
    r"sign up (now|today|here|for free)|sign up for (our|the) [\w ’'-]{0,40}(newsletter|briefing)|"
    r"(support|fund) (local|independent|quality|our) journalism|in your inbox|"
    r"delivered (right |straight |directly )?to your inbox|"
    r"already a subscriber|unlimited (digital )?access|"
    r"follow (him|her|them|us) on (x|twitter|facebook|instagram|threads|bluesky|linkedin|tiktok)|"
    r"follow @\w+)\b",
    r"^(got|have) a (news )?tip\?",
    # call-outs to readers: "Do you have pictures of the fire? Email ...", "Have your say"
    r"^(do|did|have|were|are) you\b.{0,120}\?"
    r"\s*(email|e-mail|contact|call|message|send|tell|share|get in touch|have your say|let us know)",
    r"\bhave your say\b",
    r"^(get|receive) (the|our) [\w ’'-]{0,40}newsletter\b",
    r"\bnewsletter\b.{0,80}\bsign up\b",
    r"\bsign up for (its|their|his|her) [\w ’'-]{0,40}newsletters?\b",
    r"^listen (to|live)\b.{0,120}\b(fm|am|app|radio|podcast|online)\b",
)
# What opens a teaser for another article ("Read also:", "Related", "You may also like").
RELATED_MARKERS = (
    r"read (also|more|next|this|further|the full story)",
    r"also read",
    r"see also",
    r"related( (articles?|stories|story|news|coverage|content|links?|reading|topics?|posts?|"
    r"video))?",
    r"recommended( (for you|reading|stories|articles|videos?))?",
    r"more (on|about) this( story| topic)?",
    r"more stories",
    r"more from [\w ]{1,30}",
    r"you (may|might) (also )?(like|be interested in|have missed)",
    r"most (read|popular|viewed)",
    r"trending( now| stories)?",
    r"don['’]t miss",
    r"further reading",
    r"editor['’]s picks?",
    r"top stories",
)
# ... in capitals, then the teaser's headline (matched as written).
RELATED_MARKERS_CAPS = (
    *("ALSO READ", "READ ALSO", "READ MORE", "SEE ALSO", "RELATED", "RECOMMENDED"),
    *("MORE ON THIS", "MUST READ"),
)
# A gallery's navigation, as whole lines.
GALLERY_NAVIGATION = (
    r"^(previous|next|prev|previous (image|slide|photo)|next (image|slide|photo)|"
    r"(view|open|see|launch) (the )?(gallery|slideshow|photos)|enlarge( this image)?|expand|"
    r"zoom|zoom in|full ?screen|(toggle|hide|show) caption|\d+ (photos|images|pictures))$",
)
# Labels of a photo credit ("Photo: ...", "Image courtesy of ..."), as alternatives.
CREDIT_LABELS = (
    r"photos?",
    r"photograph(s|y)?",
    r"image(s)?",
    r"picture(s)?",
    r"pic",
    r"illustration",
    r"graphic",
    r"photo credit",
    r"image credit",
    r"picture credit",
    r"photo courtesy",
    r"image courtesy",
    r"courtesy( of)?",
    r"credits?",
    r"image source",
    r"source image",
    r"photo source",
    r"photo illustration",
    r"file photo",
    r"main image",
    r"top image",
    r"featured image",
    r"cover image",
    r"header image",
    r"video credit",
)
# ... in capitals before the credit ("PHOTO JOHN DOE, REUTERS"; matched as written).
CREDIT_LABELS_CAPS = ("PHOTOS?", "PHOTOGRAPH", "ILLUSTRATION", "IMAGE")
# Words that make a line in brackets a credit ("(Getty Images)", "(File photo)").
CREDIT_WORDS = wordlist(
    "photo image images picture getty shutterstock alamy istock handout courtesy file via pool"
)
# Labels before a caption ("Image caption, ...", "Pictured: ...").
CAPTION_LABELS = ("image caption", "media caption", *wordlist("caption pictured above top"))
# Words and marks of captions, not of news prose (regex alternatives).
CAPTION_WORDS = (
    r"\((left|right|centre|center|L|R|C|L-R|R-L|from left|top|bottom|file)\)",
    r"\bpictured\b",
    r"\bin this (photo|picture|image|handout|file photo)\b",
    r"\bfile photo\b",
    r"\bpose[sd]? for\b",
    r"\blooks on\b",
    r"\bis seen\b",
    r"\bare seen\b",
    r"\bphoto taken\b",
    r"\bseen here\b",
)
# Copyright lines, credits of the writing, editors' notes, tags: boilerplate, as whole lines.
BOILERPLATE = (
    r"^(©|copyright\s*(©|\(c\)|\d{4}|by)).{0,200}$",
    r"^.{0,80}\ball rights reserved\.?$",
    r"^\(?(reporting|additional reporting|writing|editing|compiled|translated|translation|"
    r"research|produced|edited|fact-checked) by\b.{0,300}$",
    r"^.{0,120}\bcontributed (reporting )?to this (report|story|article)\.?$",
    r"^this (article|story|piece|report|post|content) (was |is |has been )?(first |originally )?"
    r"(published|appeared|posted|republished|reproduced)\b.{0,200}$",
    r"^(originally|first) (published|appeared)\b.{0,120}$",
    r"^(words|text|words and pictures|report)\s*:\s*[A-ZÀ-Ý][\w'’.-]+( [A-ZÀ-Ý][\w'’.-]+){0,3}"
    r"(\s*(,|and|&)\s*[A-ZÀ-Ý][\w'’.-]+( [A-ZÀ-Ý][\w'’.-]+){0,3})*$",
    # An editor's note on the article itself, not news: "This story was updated at 9:10 a.m. to
    # add ...", "Update: ...", "Correction: an earlier version ...".
    r"^this (article|story|piece|report|post) (was|has been) (updated|corrected|amended|changed)"
    r"\b.{0,250}$",
    r"^(update|updated|correction|clarification|editor['’]s note)\s*(\(.{1,40}\))?\s*:.{0,300}$",
    r"^this (is a developing|story is developing|is a breaking news) (story|and)\b.{0,100}$",
    r"^this (story|article|report) will be updated\b.{0,80}$",
    # a republished story's credit: "This story was produced by X and is republished here"
    r"^this (story|article|piece|report) was (produced|reported|written) by\b.{0,100}\b"
    r"(republish|reprint|license|licence|partnership|in collaboration)\w*\b.{0,120}$",
    # an affiliate disclosure: "When you buy through links on our site, we may earn ..."
    r"^(when you (buy|purchase|shop) (something )?through (links|our links)|we may earn (a|an)"
    r" (affiliate )?commission)\b.{0,160}$",
    r"^source\s*:\s*[^.]{1,60}$",
    r"^(updated|last updated|published|posted|first published)\b[^.!?]{0,40}\d[\w .:,/|-]{0,30}$",
    r"^(posted in|filed under|tags|tagged|tagged with|topics|categories|category)\b\s*:?\s*\S.{0,200}$",
)
# Newsroom matter: what a newsroom writes for editors and clients, not for readers. Whole
# lines, matched ignoring case: filing lines, notes to editors, embargoes, where a story moves,
# Reuters' notes of what a new version adds and its reporter's contact line.
NEWSROOM_LINES = (
    r"^(story )?filed by\s*:?\s*[A-Z].{0,100}$",
    r"^(eds?|editors|attention editors?|note to editors|ed note)\s*:\s*\S.{0,400}$",
    r"^(embargoed|under embargo|embargo)\b.{0,120}$",
    r"^(moves|moving|will move|moved) on (the )?[\w ,&-]{1,60}\b(wires?|services?|circuits?)\b"
    r".{0,60}$",
    r"^repeats? (to|for) (additional|other) (subscribers|clients|users)\.?$",
    r"^\((adds|updates|recasts|corrects|refiles|repeats|changes|fixes|removes|rewrites|inserts|"
    r"deletes|clarifies|updates|revises)\b[^()]{0,160}\)\.?$",
    r"^\(\([^()]{0,160}(@|\d{3})[^()]{0,160}\)\)$",
)
# The heading of a press release's notes to editors: what follows it is for the press (the
# heading's words; the rule reads it as a whole line, "Notes to editors:", or in a page run into
# one line, where a colon follows it).
NOTES_TO_EDITORS = (r"notes? (to|for) editors|editors['’]? notes?",)
# ... matched as written (capitals): end marks, wire slugs ("BC-US-Storms-Plains,2nd
# Ld-Writethru"), what a new version does ("UPDATES with ..."), advisories.
ADVISORY_HEADING = (
    r"^((MEDIA|PRESS|NEWS|PHOTO|VIDEO|COVERAGE|EDITORIAL|EDITORS['’]?) )?ADVISORY\b.{0,200}$"
)
END_MARKS = r"^(ENDIT|ENDS?|ENDALL|END OF STORY|-30-|- 30 -|#{3,}|\(END\)|\(ENDS\)|\(ENDIT\))$"
NEWSROOM_MARKS = (
    END_MARKS,
    r"^(-MORE-|\(MORE\)|MORE)$",
    r"^[A-Z]{2,4}-[A-Za-z0-9]+(-[A-Za-z0-9]+)+(,[\w .&-]+)*$",
    r"^(UPDATES|RECASTS|ADDS|CORRECTS|REFILES|REPEATS|SUBS|FIXES|CLARIFIES|REVISES|WRITETHRU|"
    r"EDS)\b[:,]?\s.{0,200}$",
    ADVISORY_HEADING,
)
# A contact line for editors: one of these words and a telephone number or an e-mail address
# ("The desk can be reached at 212-555-0100", "Questions about photos go to the photo desk").
NEWSROOM_CONTACT_WORDS = (
    *wordlist("desk supervisor supervisors newsroom editor editors subscribers clients"),
    *("news center", "customer support", "for questions", "questions about"),
    *("media contact", "press contact", "press office", "media enquiries", "media inquiries"),
    "interviews",
)
# The lines a budget or an advisory is made of (whole-article evidence, never cut alone): a
# budget's title ("Domestic News Budget", "Sports Budget for Saturday"), an entry's slug in
# capitals ("CONGRESS-SPENDING — ...") and its length in words ("By Dana Whitfield. 900
# words. Photos."), an advisory's fields ("WHEN: Thursday, 10:30 a.m.", as written).
NEWS_BUDGET_TITLE = (
    r"\b(news|sports|photo|video|weekend|domestic|international|business|features?)\s+"
    r"(news\s+)?(budget|digest|daybook)\b"
)
BUDGET_SLUG = r"^[A-Z0-9]{2,}(-{1,2}[A-Za-z0-9]+)+\s*(—|–|--?)\s+\S"
BUDGET_LENGTH = r"\b(\d{1,2},\d{3}|\d{2,4})\s+words\b"
ADVISORY_FIELDS = wordlist("WHAT WHEN WHERE WHO WHY CONTACT RSVP VISUALS")
# The heading of a corrections notice ("Corrections and clarifications", "CORRECTION: ...",
# "For the record"), and what its paragraphs say.
CORRECTIONS_HEADING = (
    r"^(corrections?|clarifications?|corrections?\s+(and|&)\s+clarifications?|for the record)"
    r"\s*:?$",
    r"^corrections?\s*:\s*.{1,80}$",
)
CORRECTION_WORDS = (
    *wordlist("incorrectly erroneously misidentified misstated misspelled misattributed"),
    *wordlist("mislabeled mislabelled misquoted wrongly"),
    *("an earlier version", "because of an editing error", "because of a reporting error"),
    *("a corrected version", "should have said", "was incorrect"),
)
# The word that opens a byline ("By Jane Doe"), as written.
BYLINE_WORDS = ("By", "BY")
# What a credited byline calls its writer ("By Ellis Okonkwo, Midlands correspondent").
BYLINE_ROLES = wordlist("correspondent reporter reporters editor writer journalist staff")
# What follows a paper's name in a byline ("Chronicle staff"), not in its name.
BYLINE_STAFF_WORDS = wordlist(
    """
    staff reporter reporters correspondent correspondents writer writers editor editors
    contributor contributors desk team wire wires
    """
)
# What opens a date stamp ("Published: April 16, 2025", "Last updated 2 hours ago").
STAMP_WORDS = (*wordlist("published updated posted"), "last updated", "first published")
# Words a headline or sub-head does not end on.
HEADLINE_DANGLING_WORDS = wordlist(
    """
    the a an of to and or but in on at for with by from that which who as is are was were be
    been his her its their our this these those than into over about
    """
)
# Small words a Title Case line leaves in lower case.
TITLE_CASE_SMALL_WORDS = wordlist("a an as at by in into on or to vs with from over but")
# Future and modal markers: "Officials meet again on Friday" is a plan, not a photo's caption.
NOT_NOW_WORDS = (
    *wordlist("will would could should may might shall expected plans? planned"),
    *("set to", "due to"),
    *wordlist("next again tomorrow later"),
)
# Irregular past tenses (and "was", "had"): news prose tells the past, captions the present.
IRREGULAR_PAST_TENSE = wordlist(
    """
    was were had met took said told made went came gave left held began saw became found
    brought thought won lost fled sent spent paid fell rose led ran got kept struck stood sought
    """
)
# Reader comments: insults and chat words, reply formulas, shouted words, chatty openers.
OPINION_WORDS = (
    *wordlist(
        """
        idiot idiots idiotic stupid moron morons ridiculous pathetic disgusting disgrace clown
        clowns lol lmao rofl imho imo smh omg crap bullshit damn bitch sheeple libtards?
        commies? nonsense shameful
        """
    ),
    *("shame on", "wake up"),
    *wordlist("dems repubs"),
)
REPLY_OPENERS = (
    *("well said", "agreed", "so true", "spot on", "amen", "exactly"),
    r"great (article|post|piece|read)",
    r"good (article|post|piece|read)",
    r"nice (article|post|piece)",
    r"thanks? (you )?for (the|this|sharing|writing)",
)
# Shouted words (matched as written): a comment in capitals.
SHOUTED_WORDS = wordlist(
    """
    NOT ALL NEVER EVER WE YOU THEY ARE WAS WERE THE AND IS IT NO YES OWNS? STOP WHY WHAT HOW
    THIS THAT MUST WILL CAN DO DON'T DONT HE SHE HIS HER
    """
)
CHAT_OPENERS = (
    *wordlist(
        """
        well so and or really yes no sorry thanks agreed exactly lol wow hmm oh ok okay great nice
        amen sad typical seriously honestly imho imo
        """
    ),
    *("but really", "excuse me", "thank you", "another point", "just saying", "i think"),
    "in my opinion",
)


# --------------------------------------------------------------------------------------------
# Damaged wording (corroborate.compare.wording)

# Words English writes twice in a row ("he said that that was wrong", "had had", "came in in
# 1979", "very very", "bye bye"): a doubled word other than these is a slip.
DOUBLED_WORDS_ALLOWED = frozenset(
    wordlist(
        """
        that had in on is do so very really many much more far long ha ho hey go blah bla ta
        yada la boo bang chop tut hear there tsk tweet bye no yes knock etc night like now
        again over round
        """
    )
)
# A newsletter box a scraper ran into the text, from its offer to its error message (matched
# as written, inside a line): "Sign up to FREE email alerts from ... Subscribe Thank you for
# subscribing See our privacy notice Invalid Email".
SIGN_UP_BOXES = (
    r"Sign up to (?:FREE|free)(?: daily| weekly)? email alerts\b.{0,200}?\bInvalid Email",
)
