"""The main keyword: picks win, then the idea's subject; never filler, a CTA or a hashtag-only word."""

from __future__ import annotations

import pytest

from seo.suggest.main_keyword import main_keyword
from seo.text.filler import CALL_TO_ACTION, FILLER, TEMPLATE, is_filler
from seo.text.subject import subject, subject_phrase

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("idea", "expected"),
    [
        ("How to make sourdough bread at home", "sourdough bread"),
        ("Easy protein on a budget", "protein"),
        ("5 ways to style a blazer", "blazer"),
        ("Save this: easy sourdough hacks", "sourdough"),
        ("Lagre denne: billig middag for studenter", "middag"),
        ("Slik lager du verdens beste kanelboller", "kanelboller"),
        ("Følg for del 2: fjelltur med hunden", "fjelltur"),
        ("Why my cat refuses to drink water from a bowl", "cat"),
    ],
)
def test_it_takes_the_head_of_the_subject_without_an_index(idea, expected):
    assert main_keyword(idea) == expected


@pytest.mark.parametrize(
    ("idea", "expected"),
    [
        # the head noun keeps its modifier: "dogs" alone, "square" alone name other topics
        ("Korean corn dogs at a street market in Seoul", "corn dogs"),
        ("Beginner crochet granny square tutorial", "granny square"),  # the format noun goes
        ("Reacting to the craziest NBA playoff buzzer beaters", "buzzer beaters"),  # praise goes
        ("Why my sourdough starter keeps dying and how I fixed it", "sourdough starter"),  # predicate ends it
        ("How I paid off $20k of debt in 18 months", "debt"),  # an amount is no topic
        ("Tur til Trolltunga: alt du må vite før du går", "trolltunga"),  # a trip names its place
        ("Get ready with me for my first day at a new job", "job"),  # the format opener goes
        ("Bygg en flytende hylle på stua uten å bore feil", "flytende hylle"),
        ("This pasta takes 15 minutes", "pasta"),  # a verb before a count ends the phrase
        ("Things I wish I knew before moving to New York", "new york"),  # no noun phrase: the name
        ("Why you should never skip leg day", "leg"),  # a modal's verb is no subject
        ("Day in my life as a nurse on night shift", "nurse"),  # the format opener and "as" go
        ("Hundevalp første uke hjemme", "hundevalp"),
        ("Morning routine that changed my life", "morning routine"),  # a relative clause ends it
        ("Skincare routine for oily skin", "skincare routine"),
        ("My honest review of the new iPhone camera", "iphone camera"),  # "honest review of" frames it
        ("Things I wish I knew before adopting a cat", "cat"),  # the gerund's object
        ("Guitar chords every beginner should learn", "guitar chords"),  # a clause without "that"
        ("Rating every Taylor Swift album", "taylor swift"),  # the name, not "swift album"
        ("How I saved 5000 kroner in one month", "money"),  # a sum is about money
        ("What I eat in a day as a vegan", "vegan"),  # the format opener goes
        ("Min første maraton: det gikk ikke som planlagt", "maraton"),
        ("Slik får du mer ut av lønna di", "lønna"),
        ("Small business packing orders with me", "packing orders"),  # "business" is no verb in -s
        ("Why nobody talks about the real cost of owning a dog", "dog"),  # the frame and "cost of" go
        ("Bake with me: glutenfrie kanelboller", "kanelboller"),  # "<verb> with me:" opens, "-frie" describes
        ("My skincare routine costs less than $20", "skincare routine"),  # "costs less" is the predicate
        ("Beste turene rundt Bergen", "bergen"),  # "rundt" is a preposition, "turene" a format noun
        ("Gaming setup tour 2026", "gaming setup"),
        ("Hvordan få flere følgere på TikTok", "følgere"),  # "flere" (more) names nothing
        ("Hvorfor alle snakker om Lofoten akkurat nå", "lofoten"),
        ("POV: you finally found the perfect running shoes", "running shoes"),  # "you finally found" goes
    ],
)
def test_it_names_the_thing_a_creator_would_search(idea, expected):
    assert main_keyword(idea) == expected


def test_the_creators_first_non_filler_pick_wins():
    assert main_keyword("How to make sourdough bread", picked=["save", "lagre", "Sourdough Starter"]) == (
        "sourdough starter"
    )


def test_all_filler_picks_fall_back_to_the_text():
    assert main_keyword("Budget meal prep for students", picked=["follow", "tips"]) == "meal prep"


def test_a_word_only_inside_a_hashtag_never_counts():
    assert main_keyword("Save this for later #sourdough #bread") is None
    assert main_keyword("Weeknight pasta #sourdough") == "pasta"


@pytest.mark.parametrize(
    "text", ["Save this and follow for part 2", "Lagre denne og følg for del 1", "POV: tips"]
)
def test_text_of_only_calls_to_action_and_templates_has_none(text):
    assert main_keyword(text) is None


@pytest.mark.parametrize(
    "word", ["save", "lagre", "easy", "måten", "gang", "weekend", "follow", "følg", "like", "del", "comment",
             "kommenter", "link", "bio", "pov", "part", "tips", "hacks", "ideas", "ways", "things", "ting"],
)  # fmt: skip
def test_the_issues_filler_words_are_filler(word):
    assert is_filler(word)
    assert word in FILLER or is_filler(word.upper())


@pytest.mark.parametrize("word", ["får", "gikk", "fikk", "changed", "happened", "planlagt"])
def test_verbs_that_tell_what_happened_are_filler(word):
    assert is_filler(word)


def test_a_verb_after_how_to_is_the_doing_not_the_subject():
    found = subject("How to repot a monstera")
    assert (found.verb_phrase, found.kind, main_keyword("How to repot a monstera")) == (
        "repot a monstera",
        "vp",
        "monstera",
    )


def test_the_lists_name_no_topic_words():
    assert not {"bread", "pasta", "middag", "trening", "cat", "morning", "routine"} & (
        FILLER | CALL_TO_ACTION | TEMPLATE
    )
    assert not is_filler("sourdough") and not is_filler("pull-up")


def test_the_subject_phrase_keeps_whole_noun_phrases_and_never_dangles():
    assert subject_phrase("How to make sourdough bread at home") == "sourdough bread at home"
    assert subject_phrase("My first pull-up after 3 months of training") == "my first pull-up after 3 months"
    assert subject("5 ways to style a blazer").verb_phrase == "style a blazer"
    assert (
        subject("Slik lager du verdens beste kanelboller").verb_phrase == ""
    )  # present tense, not "å lager"
    assert subject("Hvordan spare penger på matbutikken").verb_phrase == "spare penger på matbutikken"
    for idea in ("Tips for a", "Protein on the", "Middag med en"):
        words = subject_phrase(idea).split() or [""]
        assert words[-1].lower() not in {"a", "the", "en", "for", "on", "med"}


@pytest.mark.parametrize(
    ("idea", "phrase", "head", "kind"),
    [
        ("Five mistakes almost everyone makes with home workouts", "home workouts", "home workouts", "list"),
        ("Tre feil alle gjør når de lader elbil om vinteren", "elbil om vinteren", "elbil", "list"),
        (
            "3 easy high-protein breakfast ideas for busy mornings",
            "high-protein breakfast for busy mornings",
            "high-protein breakfast",
            "list",
        ),
        ("7 mistakes beginners make when they start running", "running", "running", "list"),
        ("3 ting du må vite om brunost", "brunost", "brunost", "list"),
        ("Fem ting jeg skulle ønske jeg visste før jeg kjøpte elbil", "elbil", "elbil", "list"),
        ("5 ways to style a blazer", "a blazer", "a blazer", "list"),
        (
            "Slik baker du verdens beste kanelboller",
            "verdens beste kanelboller",
            "verdens beste kanelboller",
            "clause",
        ),
        ("POV: du glemte å lade elbilen før hytteturen", "elbilen før hytteturen", "elbilen", "clause"),
        (
            "How I paid off my student loan in two years",
            "my student loan in two years",
            "my student loan",
            "clause",
        ),
        ("Hvordan spare penger på matbutikken", "penger på matbutikken", "penger", "vp"),
        (
            "Vaskerutine for en ren leilighet på 30 minutter",
            "vaskerutine for en ren leilighet",
            "vaskerutine",
            "np",
        ),
    ],
)
def test_an_idea_written_as_a_hook_has_the_hooks_subject(idea, phrase, head, kind):
    found = subject(idea)
    assert (found.phrase, found.head, found.kind) == (phrase, head, kind)
    assert found.phrase.split()[0].casefold() not in {"de", "når", "hvis", "when", "if", "they", "du", "i"}
