"""What kind of thing an idea's head noun names, for the frames that fit only some kinds.

"I tried this job for 30 days" and "3 mistakes everyone makes with a wedding" are fill-ins
no creator would post: one tries a habit for 30 days (a routine, a diet, a workout), and
makes mistakes with a practice, not with an occasion or a pet. The lists are short on
purpose: a noun in none of them keeps every frame that fits it otherwise.
"""

from __future__ import annotations

from seo.text.filler import word_set

# Things one keeps up day after day, so "I tried … for 30 days" reads right.
HABITS = word_set(
    """
    routine routines prep diet workout workouts plan habit habits method challenge program
    schedule journal journaling fast fasting cleanse regimen stretch stretches
    skincare haircare yoga pilates cardio meditation budget budgeting
    rutine rutinen kosthold treningsplan trening treningsøkt økt plan vane vaner metode utfordring
    """
)
# Occasions and events (a test, a haul, a reveal or a photo dump is one too): nobody makes "3 mistakes" with a wedding,
# tries one for 30 days, or loves "my iPhone 15 camera test".
OCCASIONS = word_set(
    """
    wedding date birthday party christmas halloween graduation holiday vacation concert festival
    game match finals trip day night weekend anniversary funeral prom
    bryllup bryllupet bursdag bursdagen fest festen jul julaften russetid konfirmasjon ferie
    ferien kamp kampen tur turen
    test tests review reviews recap haul unboxing comparison anmeldelse announcement reveal proposal
    dump
    """
)
# Animals and people: "Nobody talks about this part of my cat".
BEINGS = word_set(
    """
    cat cats dog dogs puppy puppies kitten kittens pet pets baby babies toddler kid kids mom mum
    dad boyfriend girlfriend husband wife sister brother friend friends grandma grandpa
    katt katten hund hunden valp valpen baby babyen mamma pappa kjæreste søster bror venn venner
    """
)


_KINDS = (("habit", HABITS), ("occasion", OCCASIONS), ("being", BEINGS))
# A compound is the kind of its last part ("fisketur" is a trip, "morgenrutine" a routine), when
# what comes before is a word of its own (three letters or more: "natur" is no "na-tur").
_MIN_PART = 3


def noun_kind(word: str) -> str:
    """ "habit", "occasion", "being" or "" for the head noun `word`."""
    folded = word.casefold().rstrip(".,!?")
    for kind, words in _KINDS:
        if folded in words:
            return kind
    for at in range(_MIN_PART, len(folded) - _MIN_PART + 1):
        for kind, words in _KINDS:
            if folded[at:] in words:
                return kind
    return ""
