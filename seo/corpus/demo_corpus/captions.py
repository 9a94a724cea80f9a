"""How demo captions are put together: hook shapes, calls to action, filler lines and emoji.

Each hook shape carries a `lift`: the engagement multiplier its posts get in the generator.
The shapes that lift (numbered mistakes, "Nobody tells you", "I tried … for 30 days") are
the ones creators report working, and "Stop scrolling" bait under-performs, so the Hooks
page mines real differences, not noise. Slots: {np} a niche topic (noun phrase), {vp} a
thing to do (verb phrase, infinitive), {n} a small number, {d} a day count.
"""

from __future__ import annotations

# (name, template, lift, weight): weight is how often creators use the shape.
HOOKS_EN = [
    ("mistakes", "{n} mistakes everyone makes with {np}", 1.7, 5),
    ("mistakes", "{n} mistakes I made with {np} (so you don't have to)", 1.7, 3),
    ("nobody", "Nobody tells you this about {np}", 1.5, 4),
    ("nobody", "Nobody talks about the worst part of {np}", 1.5, 2),
    ("tried", "I tried {np} for {d} days", 1.4, 4),
    ("tried", "I tried {np} so you don't have to", 1.35, 2),
    ("pov", "POV: you finally figured out {np}", 1.3, 4),
    ("pov", "POV: your friend asks about {np} one more time", 1.3, 2),
    ("save_this", "Save this for later: {np}, step by step", 1.25, 3),
    ("how_to", "How to {vp} (the lazy way)", 1.2, 3),
    ("how_to", "How to {vp} without losing your mind", 1.2, 2),
    ("easiest", "The easiest way to {vp}", 1.15, 3),
    ("worth_it", "Is {np} worth it?", 1.1, 3),
    ("question", "Would you try {np}?", 1.05, 3),
    ("question", "Am I the only one obsessed with {np}?", 1.05, 2),
    ("rating", "Rating {np} so you don't have to", 1.05, 2),
    ("this_is_how", "This is how I {vp}", 1.0, 2),
    ("wait", "Wait for the end… {np} went sideways", 0.95, 2),
    ("if_you", "If you love {np}, this one is for you", 1.0, 2),
    ("stop", "Stop scrolling if you care about {np}", 0.7, 3),
    ("plain", "{NP} 🤍", 0.95, 4),
    ("plain", "Day {d} of {np}", 0.95, 3),
    ("plain", "{NP} but make it cozy", 0.95, 1),
    ("plain", "Just {np} things", 0.9, 2),
    ("plain", "{NP} (you asked!)", 0.95, 2),
    ("plain", "Finally tried {np} and wow", 1.0, 2),
]
HOOKS_NB = [
    ("feil", "{n} feil alle gjør med {np}", 1.6, 5),
    ("feil", "{n} feil jeg gjorde med {np}", 1.6, 2),
    ("ingen", "Ingen forteller deg dette om {np}", 1.45, 4),
    ("ingen", "Ingen snakker om dette med {np}", 1.45, 2),
    ("testet", "Jeg testet {np} i {d} dager", 1.35, 4),
    ("testet", "Jeg prøvde {np} så du slipper", 1.3, 2),
    ("pov", "POV: du har endelig skjønt {np}", 1.3, 1),
    ("pov", "POV: {np} på en tirsdag", 1.3, 2),
    ("lagre", "Lagre denne: {np}, steg for steg", 1.25, 4),
    ("slik", "Slik kan du {vp}", 1.2, 5),
    ("enkleste", "Den enkleste måten å {vp}", 1.1, 3),
    ("verdt", "Er {np} verdt det?", 1.1, 3),
    ("question", "Hvem andre elsker {np}?", 1.05, 2),
    ("question", "Hadde du prøvd {np}?", 1.05, 2),
    ("when_you", "Når du endelig får til {np}", 1.0, 2),
    ("vent", "Vent til slutten… {np}", 0.95, 2),
    ("slutt", "Slutt å scrolle hvis du bryr deg om {np}", 0.7, 2),
    ("plain", "{NP} 🤍", 0.95, 4),
    ("plain", "Dag {d} med {np}", 0.95, 3),
    ("plain", "Kveldens prosjekt: {np}", 0.95, 2),
    ("plain", "Endelig {np}!", 1.0, 2),
]

# (template, metric it raises, factor, weight). "" = no call to action (most captions).
CTAS_EN = [
    ("", "", 1.0, 14),
    ('Comment "part 2" if you want the full version.', "comments", 2.2, 2),
    ("Follow for more like this.", "follows", 1.0, 2),
    ("Which one would you pick?", "comments", 1.8, 2),
    ("Tag someone who needs this.", "shares", 2.0, 2),
    ("Save this for later.", "saves", 2.4, 2),
    ("Send this to a friend who needs it.", "shares", 2.0, 1),
    ("What would you add? 👇", "comments", 1.6, 1),
]
CTAS_NB = [
    ("", "", 1.0, 14),
    ('Kommenter "del 2" hvis du vil se resten.', "comments", 2.2, 2),
    ("Følg for mer.", "follows", 1.0, 2),
    ("Hvilken ville du valgt?", "comments", 1.8, 2),
    ("Tagg noen som trenger dette.", "shares", 2.0, 2),
    ("Lagre denne til senere.", "saves", 2.4, 2),
    ("Del denne med en venn som trenger den.", "shares", 2.0, 1),
]

# Short asides creators add between the hook and the tags.
ASIDES_EN = [
    "Honestly a game changer.",
    "Took me way too long to figure this out.",
    "Part 2 tomorrow.",
    "Not sponsored, just obsessed.",
    "Still thinking about it.",
    "Let me know if you want more of these.",
    "Details below 👇",
]
ASIDES_NB = [
    "Helt ærlig en game changer.",
    "Brukte altfor lang tid på å finne ut av dette.",
    "Del 2 kommer i morgen.",
    "Ikke sponset, bare helt hekta.",
    "Stol på meg her.",
    "Si ifra hvis dere vil ha flere sånne.",
    "Mer info under 👇",
]
EMOJI = ["✨", "😭", "🔥", "😅", "🙌", "💀", "🥹", "👀", "😍", "🫶"]
# Sound creators use without picking one: TikTok names it after them.
ORIGINAL_SOUND = {"en": "original sound - {author}", "nb": "original lyd - {author}"}

# Generic tags and how often creators reach for them (weights). `norge` is a place, not
# generic: it stays a real tag for Norwegian content.
GENERIC_TAGS = {"fyp": 30, "viral": 10, "fypシ": 7, "foryoupage": 7, "foryou": 6, "trending": 4,
                "xyzbca": 2, "fyppppppppppppppppppppppp": 2, "fy": 2, "viralvideo": 2, "blowthisup": 1}  # fmt: skip
GENERIC_TAGS_NB = {"fyp": 30, "viral": 10, "foryou": 6, "fypシ": 4, "foryoupage": 4, "norge": 10,
                   "norsk": 6, "fypnorge": 3, "viralnorge": 2}  # fmt: skip
NOT_GENERIC = frozenset({"norge", "norsk"})
GENERIC_SHARE = {"en": 0.46, "nb": 0.5}  # of tagged posts: ~38% of all posts, as in real trending data
