"""Words that never name a caption's topic, in English and Norwegian bokmål.

One small module so the subject and main keyword (seo.text.subject, seo.suggest.main_keyword),
the drafts (seo.score.drafting) and the pattern miner (seo.index.patterns) agree on what is
a call to action, a template word or filler. A creator writing "Save this: easy sourdough
hacks" is talking about sourdough; "save", "easy" and "hacks" are how the caption sells it.
"""

from __future__ import annotations

from functools import cache, lru_cache

import stopwordsiso

from seo.text.tokenize import NOT_STOPWORDS


def word_set(text: str) -> frozenset[str]:
    """The whitespace-separated words of a word list written as one string."""
    return frozenset(text.split())


# Calls to action and platform words: they ask for something, they name nothing.
CALL_TO_ACTION = word_set(
    """
    save saved saving follow following like likes comment comments share shares tag link bio
    subscribe duet stitch repost watch click tap swipe check dm fyp foryou viral lagre lagret
    følg følge lik liker kommenter kommentar kommentarer del deler tagg lenke abonner se sjekk
    kanal kanalen channel
    """
)
# Template words of hooks and series: how a post is framed, not what it is about.
TEMPLATE = word_set(
    """
    pov part parts episode ep day days week weeks tips tip hacks hack ideas idea ways way things
    thing mistakes mistake secrets secret reasons reason steps step guide tutorial review rating
    storytime story update vlog facts fact list top version nobody everyone everybody
    anyone scrolling scroll stop wait end tried try trying rate ting måte måten måter gang
    ganger feil grunner grunn steg dag dager uke uker ide ideer triks tips oppdatering versjon
    ingen alle noen slutten slutt stopp vent testet prøvde testen
    """
)
# Vague praise and time words: they colour a topic but are never the topic.
VAGUE = word_set(
    """
    easy easiest simple simplest quick quickest best better perfect ultimate amazing awesome
    favourite favorite insane crazy literally actually really honestly today tonight weekend
    everyday daily new finally lol omg enkel enkelt enkle enkleste lett lettere rask
    raskt raske beste best bedre perfekt helt skikkelig fantastisk favoritt sinnssykt sykt dag
    idag helg helgen weekend ny nytt nye endelig verdens time gjør gjøre gjort
    tre fire fem seks sju syv åtte ni ti tolv tjue minute minutes min mins hour hours second
    minutt minutter timer sekund sekunder
    ready grwm busy alt mye litt noe noen hele hjemme første siste tiktok trend trends trending
    akkurat flere mer mest færre real yall guys gals folks month months måned måneder
    dagens ukens månedens årets helgens kveldens kvelden kvelds morgenen natta natten
    ettermiddagen formiddagen tomorrow yesterday wow yay obsessed ukas worth verdt takk tusen
    """
)
# Common verbs that tell what happened, never what it happened to ("Morning routine that
# changed my life", "det gikk ikke som planlagt", "Slik får du mer ut av lønna"). English's
# stopword list holds most of its verbs; Norwegian's holds few.
VERBS = word_set(
    """
    get gets got use used find choose pick pay paid paying eaten betale betaler betalte møter få får gjøre bruke bruker finne finner velge velger
    change changed changes changing happen happened happens wished feel hate hated looked talks tells
    believed realize realized realised told stopped started think thinking thought
    fikk fått går gikk gått tar tok tatt komme kommer kommet sier sa sagt ser sett gir ga gav
    gitt vet visste tenke tenker tenkte synes syntes tror trodde fant funnet holdt lagt satte
    står sto stått begynne begynner begynte slutte slutter sluttet endre endret endrer forandre
    forandret skje skjer skjedde skjedd planlagt virke virker virket trenge trenger trengte
    trengs mene mener mente heter viste spør spurte svarer føler følte husker glemmer glemte
    glemt klare klarer klarte hjelper hjalp hører hørte snakker snakket forteller fortalte
    elsker elsket ønsker håper betyr betydde hatt måtte bør burde gjort prøver prøvd spiser spiste spist
    støtter støttet reddet redder sparte
    """
)
FILLER = CALL_TO_ACTION | TEMPLATE | VAGUE | VERBS
# Words that make a two-word search phrase the caption's framing, not a search: "lagre
# preikestolen" (save), "mistakes puppy", "changed life". Time words stay: "leg day", "prep week".
_NOT_IN_PHRASES = (
    CALL_TO_ACTION
    | VERBS
    | (TEMPLATE - word_set("day days week weeks dag dager uke uker"))
    | word_set("minute minutes min mins hour hours second seconds minutt minutter timer sekund sekunder")
    # What the caption says about itself, never part of a search: "finally marathon", "marathon wow"
    | word_set("""finally wow omg lol literally actually really honestly obsessed today tonight tomorrow
    yesterday endelig skikkelig sykt sinnssykt""")
)  # "minute home" of "10 minute home workout"

# Words that open a sentence about the topic rather than name it ("how to", "slik").
FRAMING = word_set(
    """
    how why what when who where which this these here there here's is are was i i'm im we you
    let me let's lets show hvordan hvorfor hva når hvem hvor hvilken dette her er var jeg vi du
    slik sånn
    """
)
# Common verbs an idea starts with after "how to" / "hvordan": the object is the topic.
LEADING_VERBS = word_set(
    """
    make cook bake build style wear clean grow save learn start get do use train fix plan
    organize organise pack prep prepare paint decorate find choose pick buy sell eat drink run
    lift study travel edit film shoot write draw knit sew brew lage bake bygge style bruke trene
    spare lære starte få gjøre rydde pakke planlegge male pynte finne velge kjøpe selge spise
    drikke løpe studere reise redigere filme skrive tegne strikke sy brygge vaske lager baker
    bygger bruker trener sparer lærer starter får gjør rydder pakker planlegger maler pynter
    finner velger kjøper selger spiser drikker løper studerer reiser vasker
    """
)
# Words that end a noun phrase: prepositions and conjunctions in both languages.
PHRASE_BREAKS = word_set(
    """
    at in on with without under over from into after before during until while because so but
    and or vs versus than to if when that which who like as for of about i på med uten under
    over fra etter før mens fordi så men og eller enn til hvis når som for av om hos rundt langs
    gjennom mellom utenfor ved mot
    """
)
# Determiners a noun phrase may start with but never end with ("a", "the", "en").
ARTICLES = frozenset(["a", "an", "the", "en", "et", "ei", "den", "det", "de"])


@cache
def stopwords(language: str | None) -> frozenset[str]:
    """Function words of English and Norwegian (captions mix them), plus `language`'s own."""
    found = set(stopwordsiso.stopwords("en")) | set(stopwordsiso.stopwords("no"))
    code = {"nb": "no", "nn": "no"}.get(language or "", language or "")
    if code and stopwordsiso.has_lang(code):
        found |= stopwordsiso.stopwords(code)
    return frozenset(found - NOT_STOPWORDS)


@lru_cache(maxsize=65_536)  # every suggestion asks about each of its words
def is_filler(word: str, language: str | None = None) -> bool:
    """True for a word that cannot be a main keyword: a stopword, CTA, template or filler word."""
    folded = word.casefold().strip("#@'\u2019-")
    if not folded or not any(ch.isalpha() for ch in folded):
        return True
    parts = [part for part in folded.replace("\u2019", "'").split("-") if part]
    return all(part in FILLER or part in stopwords(language) for part in parts) or folded in FILLER


def frames_phrase(term: str) -> bool:
    """True for a phrase of several words with a call to action, template word or
    what-happened verb in it: the caption's framing ("lagre preikestolen"), no search term."""
    words = term.casefold().split()
    return len(words) > 1 and any(w in _NOT_IN_PHRASES for w in words)
