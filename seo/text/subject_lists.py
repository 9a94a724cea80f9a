"""The word lists the subject rule (seo.text.subject) reads an idea with: praise, describing
words, format nouns, opening verbs, list frames, pronouns and the patterns of a word, an
amount and a clause end. English and Norwegian; lowercase (compared casefolded).
"""

from __future__ import annotations

import re

from seo.text.filler import word_set

# Words keep inner hyphens and apostrophes ("pull-up", "don't").
TOKEN = re.compile("[^\\W_]+(?:[-'\u2019][^\\W_]+)*")
CLAUSE_END = re.compile(r"[.!?…:;|\n()\[\]\"“”\u2014\u2013]|\s-\s|,")
NOISE = re.compile(r"(?<![\w])[#@][^\s#@]+|(?:https?://|www\.)\S+", re.IGNORECASE)
NUMBER = re.compile(r"^\d+(?:[.,]\d+)?$")
# An amount names no topic: "$20k of debt" is about debt, "5000 kroner" about money saved.
AMOUNT = re.compile(r"^[$€£]?\d+(?:[.,]\d+)?(?:k|m|x|kr|%|s)?$", re.IGNORECASE)
# Words that rate or rank the subject without naming it: "the craziest NBA buzzer beaters",
# "verdens beste kanelboller". A creator searches the thing, not the praise.
PRAISE = frozenset(
    [
        "best",
        "worst",
        "biggest",
        "greatest",
        "latest",
        "newest",
        "cheapest",
        "fastest",
        "easiest",
        "funniest",
        "craziest",
        "weirdest",
        "hardest",
        "ultimate",
        "perfect",
        "viral",
        "world's",
        "verdens",
        "beste",
        "verste",
        "største",
        "enkleste",
        "raskeste",
        "billigste",
        "morsomste",
        "perfekte",
        "honest",  # "my honest review of X" is about X
        "ærlig",
        "ærlige",
    ]
)
# Describing words that rarely belong to the searched name: "weeknight pasta" is searched as
# pasta, "billig middag" as middag ("floating shelves" stays a pair: its modifier is a
# participle, and the corpus writing a pair as a phrase keeps it too).
DESCRIBING = frozenset(
    [
        "cheap",
        "healthy",
        "simple",
        "homemade",
        "weeknight",
        "weekend",
        "delicious",
        "tasty",
        "fresh",
        "cozy",
        "fancy",
        "new",
        "old",
        "big",
        "small",
        "little",
        "good",
        "great",
        "nice",
        "cute",
        "pretty",
        "amazing",
        "favorite",
        "favourite",
        "everyday",
        "daily",
        "billig",
        "billige",
        "sunn",
        "sunne",
        "enkel",
        "enkle",
        "hjemmelaget",
        "hjemmelagde",
        "deilig",
        "deilige",
        "god",
        "gode",
        "ny",
        "nye",
        "gammel",
        "gamle",
        "stor",
        "store",
        "liten",
        "små",
        "koselig",
        "koselige",
        "fin",
        "fine",
        "busy",  # "dinners for busy weeknights": #busy is nobody's topic
        "skinny",
        "fast",  # "fast food burgers": #fast names nothing
        "lazy",
        "travel",
        "travle",
        "travelt",
    ]
)
DESCRIBING_ENDINGS = ("ful", "ous", "ig", "lig", "isk", "ige", "iske", "frie")  # billige, glutenfrie


def describes(word: str) -> bool:
    word = word.casefold()
    return word in DESCRIBING or (len(word) > 4 and word.endswith(DESCRIBING_ENDINGS))


# Nouns that name the format, not the topic: "granny square tutorial" is about the granny square,
# "tur til Trolltunga" about Trolltunga.
FORMAT_NOUNS = frozenset(
    [
        "moving",  # "moving to New York" is about New York
        "flytte",
        "flytting",
        "travelling",
        "traveling",
        "tutorial",
        "tutorials",
        "guide",
        "video",
        "vlog",
        "review",
        "recipe",
        "recipes",
        "hack",
        "hacks",
        "update",
        "edition",
        "compilation",
        "tur",
        "turen",
        "turene",
        "turer",
        "tour",  # "Gaming setup tour" is about the gaming setup
        "videos",
        "cost",  # "the real cost of owning a dog" is about owning a dog
        "price",
        "truth",
        "trip",
        "reise",
        "oppskrift",
        "oppskrifter",
        "entry",  # "my entry for the challenge" is about the challenge
        "submission",
        "attempt",
        "reaction",
        "bidrag",
        "forsøk",
    ]
)
# Words that say what kind of trip or tour it is, not where: "budget trip to Lisbon".
FORMAT_MODIFIERS = frozenset(["budget", "solo", "family", "road", "girls", "billig", "familie"])
# Verbs an idea opens with, the object following: gerunds of review formats and Norwegian
# imperatives ("Bygg en hylle", "Lag pizza").
OPENING_VERBS = frozenset(
    [
        "testing",
        "trying",
        "reviewing",
        "ranking",
        "rating",
        "unboxing",
        "comparing",
        "exploring",
        "visiting",
        "tasting",
        "bygg",
        "lag",
        "bak",
        "vask",
        "rydd",
        "spar",
        "prøv",
        "test",
        "kjøp",
        "mal",
        "strikk",
        "sy",
        "finn",
        "velg",
        "tren",
        "bruk",
        # bokmål's present tense opens a reaction or test the way English "Reacting to" does
        "reagerer",
        "tester",
        "prøver",
        "smaker",
        "rangerer",
        "anmelder",
    ]
)
# Openers that name a video format: what follows them is the subject ("Get ready with me for
# my first day at a new job").
FORMAT_OPENER = re.compile(
    r"^\s*(?:get ready with me|grwm|come with me|day in (?:my|the) life(?: of)?|a day in my life"
    r"|bli med meg|en dag i livet(?: som)?|what i eat in a day|hva jeg spiser (?:på|i) (?:en|ei) dag"
    r"|things i wish i (?:knew|had known|'d known)|ting jeg (?:skulle )?ønske jeg (?:visste|hadde visst)"
    r"|(?:why |things )?(?:nobody|no one) (?:talks about|tells you about|tells you)"
    r"|(?:hvorfor |det )?ingen (?:snakker om|forteller deg(?: om)?)|\w+ with me|\w+ med meg"
    r"|behind the scenes|bak kulissene)\b"
    r"[\s,:]*(?:for|to|til|på|as an?|as|som|before|about|før|om|at|of|in|i|hos)?\s*",
    re.IGNORECASE,
)
# "3 ways to", "5 tips for", "10 ting om": a count and a template noun open many ideas.
COUNT_WORDS = frozenset(
    [
        "ways",
        "tips",
        "things",
        "ideas",
        "hacks",
        "reasons",
        "steps",
        "mistakes",
        "måter",
        "tips",
        "ting",
        "ideer",
        "triks",
        "feil",
    ]
)
COUNT_LINKS = frozenset(["to", "for", "of", "about", "å", "til", "for", "om", "med"])


# "Five mistakes", "Tre feil": a count may be spelled out ("to"/"en"/"ni" only before a count word).
NUMBER_WORDS = word_set(
    """one two three four five six seven eight nine ten eleven twelve fifteen twenty
    en ett to tre fire fem seks sju syv åtte ni ti elleve tolv femten tjue"""
)
# An idea written as a list hook: "Five mistakes (almost) everyone makes with X",
# "Tre feil alle gjør når de lader X", "5 things I wish I knew before X". Who makes them
# and the verb are the frame, the link word ends it; what follows is the subject.
LIST_WHO = word_set(
    """almost nearly most all everyone everybody people beginners you we i they new
    alle nesten de fleste folk nybegynnere du vi jeg man nye"""
)
LIST_VERBS = word_set(
    """make makes made do does did have has wish knew know learned learnt need must should
    gjør gjorde har hadde lager begår skulle ønske ønsker visste vite lærte må bør burde trenger"""
)
LIST_LINKS = word_set(
    """with when in about on for to before after if while med når i om på for til før etter hvis mens
    ved"""
)
# A subordinate clause opens with one of these ("når de lader elbil"): its subject and verb go.
SUBORDINATORS = frozenset(["when", "if", "while", "because", "når", "hvis", "mens", "fordi"])
SUBJECT_PRONOUNS = frozenset(
    ["i", "you", "we", "they", "he", "she", "people", "jeg", "du", "vi", "de", "han", "hun", "man", "folk"]
)
ADVERBS = word_set(
    """not never always just really finally still also ikke aldri alltid bare endelig fortsatt også"""
)
PARTICLES = frozenset(["off", "up", "out", "down", "away", "opp", "ut", "ned", "av", "bort"])
MAX_PHRASE_WORDS = 6
# "my dog to ring a bell": an infinitive ends the noun phrase ("trip to Japan" does not).
INFINITIVE_MARKS = frozenset({"to", "å"})
DETERMINERS = frozenset(
    ["the", "a", "an", "my", "your", "his", "her", "our", "their", "this", "that", "these", "those"]
)
PRONOUNS = frozenset(["du", "you", "vi", "we", "jeg", "i"])
# After these a verb is in its plain form, so "to {verb phrase}" / "å {verb phrase}" reads right.
INFINITIVE_BEFORE = frozenset(["to", "i", "we", "you", "å", "hvordan"])
# After a noun, a verb in -s followed by one of these starts the predicate ("my cat refuses to").
PREDICATE_NEXT = frozenset(
    ["to", "the", "a", "an", "my", "his", "her", "their", "your", "it", "me", "him", "them", "up", "out",
     "less", "more", "nothing"]  # "My skincare routine costs less than $20"
)  # fmt: skip

# Prepositions whose complement still names the subject: "routine for oily skin", "20k of
# debt", "tur til Trolltunga" (not "in 18 months", "før jobb", "på stua").
SUBJECT_LINKS = frozenset(["for", "of", "with", "about", "til", "av", "med", "om"])
# Words after a noun that start a clause about it rather than go on naming it: "guitar chords
# every beginner should learn", "the chords you need" ("de" is an article too, so it stays).
CLAUSE_STARTS = frozenset(
    ["every", "each", "everyone", "everybody", "nobody", "i", "you", "we", "they", "he", "she",
     "alle", "hver", "enhver", "jeg", "du", "vi", "han", "hun"]
)  # fmt: skip
# Filler words that begin a place's name: "New York", "Los Angeles", "Great Britain".
NAME_STARTS = frozenset(["new", "san", "los", "las", "saint", "st", "great", "north", "south", "real"])
RELATIVES = frozenset(["that", "which", "who", "som"])
# "this winter", "neste uke": a time said after the subject ends it.
TIME_DEICTICS = frozenset(["this", "next", "last", "denne", "dette", "neste", "forrige", "i"])
TIME_WORDS = frozenset(
    ["winter", "summer", "spring", "fall", "autumn", "week", "weekend", "year", "month", "morning", "evening",
     "night", "vinter", "sommer", "vår", "høst", "uke", "helg", "helgen", "år", "måned", "morgen", "kveld",
     "vinteren", "sommeren", "våren", "høsten", "season", "sesong", "sesongen"]
)  # fmt: skip
# "Why your sourdough is flat", "Er elbil verdt det": after the copula (or "worth") comes what is
# said about the subject.
COPULAS = frozenset(
    ["is", "are", "was", "were", "isn't", "aren't", "er", "var", "blir", "ble", "worth", "verdt"]
)
# "Toddler tries lemon", "Hundevalp møter katten": a verb after the subject tells a story about
# it; the subject ends there (the third person in English, the present tense in bokmål).
STORY_VERBS = frozenset(
    ["tries", "meets", "reacts", "reviews", "rates", "ranks", "tests", "tastes", "eats", "learns",
     "discovers", "sees", "finds", "gets", "makes", "takes", "says", "plays", "visits", "opens",
     "cooks", "bakes", "builds", "explains", "reads", "watches", "wins", "loses", "hates", "loves",
     "møter", "prøver", "reagerer", "tester", "smaker", "spiser", "lærer", "oppdager", "finner",
     "leker", "besøker", "åpner", "lager", "baker", "bygger", "forklarer", "vinner", "taper"]
)  # fmt: skip
# "Marathon training week 12 recap", "Treningsdagbok dag 3": a numbered stretch of time ends the
# subject (the count is the episode, not the thing).
TIME_UNITS = frozenset(
    ["day", "week", "month", "year", "episode", "part", "dag", "uke", "måned", "år", "episode", "del"]
)
# Norwegian possessives that follow their noun ("hunden min"): a word in -er after one is a verb.
OWNERS_AFTER = frozenset(
    ["min", "mitt", "mine", "din", "ditt", "dine", "vår", "vårt", "våre", "sin", "sitt", "sine"]
)
# Words that may close a clause but never a noun phrase: "Vi pusset opp badet selv".
TRAILING = frozenset(
    ["selv", "også", "igjen", "sammen", "nå", "again", "too", "also", "alone", "together", "now", "ever",
     "myself", "yourself", "ourselves", "themselves", "meg", "deg", "oss"]
)  # fmt: skip
# A sum of money names no topic but money: "How I saved 5000 kroner" is about money.
CURRENCIES = frozenset(
    ["kroner", "krone", "kr", "nok", "dollars", "dollar", "bucks", "usd", "euro", "euros", "eur",
     "pounds", "gbp", "kronor", "kronur"]
)  # fmt: skip
MONEY = {"nb": "penger", "nn": "pengar", "no": "penger"}  # else "money"
# So is a weight: "Hvordan jeg gikk ned 10 kilo" is about weight ("vekt"), not kilos.
WEIGHTS = frozenset(["kilo", "kilos", "kg", "pounds", "lbs", "lb", "stone", "kilogram"])
WEIGHT = {"nb": "vekt", "nn": "vekt", "no": "vekt"}  # else "weight"

# A modal's verb follows it: "Why you should never skip leg day" -> "leg day".
MODALS = frozenset(
    ["should", "can", "could", "must", "will", "would", "shall", "may", "might",
     "bør", "burde", "må", "kan", "skal", "vil"]
)  # fmt: skip
