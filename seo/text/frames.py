"""The hook and call-to-action frames Hookline knows how to write, in English and bokmål.

A frame is both a recogniser (`match`, run over trending captions by the miner) and
a writer (`template`, filled by the drafter). The miner measures every frame on the
creator's corpus; a frame the corpus never uses still drafts, as a seed, and says
so (lift None, posts 0). `slot` says what the template needs from the idea:

    np        the idea's subject noun phrase ("sourdough bread at home")
    vp        its verb phrase after "how to" / "hvordan" ("make sourdough bread")
    sentence  its first clause as the creator wrote it
    ""        nothing (calls to action)

`cta` on a hook names the kinds of call to action that follow it naturally: a
list of mistakes is worth saving, a question asks for comments.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Frame:
    name: str
    language: str
    kind: str  # "hook" | "cta"
    template: str
    match: re.Pattern[str]
    slot: str = ""
    cta: tuple[str, ...] = ()  # hooks: the CTA kinds that fit; CTAs: the kind they are
    title: str = ""  # how the Hooks page names the shape


def _frame(name, language, kind, template, match, slot="", cta=(), title=""):
    return Frame(name, language, kind, template, re.compile(match), slot, tuple(cta), title or template)


# Hooks match the start of a caption's folded first line; CTAs match anywhere after it.
FRAMES: tuple[Frame, ...] = (
    # English hooks
    _frame("pov", "en", "hook", "POV: {sentence}", r"^pov\b", "sentence", ["shares", "follows"], "POV: …"),
    _frame("mistakes", "en", "hook", "3 mistakes everyone makes with {np}",
           r"^\d+ (?:\w+ )?mistakes\b", "np", ["saves"], "{n} mistakes everyone makes with …"),
    _frame("nobody", "en", "hook", "Nobody talks about this part of {np}",
           r"^nobody (?:talks|tells)\b", "np", ["shares", "comments"], "Nobody talks about / tells you …"),
    _frame("tried", "en", "hook", "I tried {np} for 30 days", r"^i tried\b", "np", ["comments", "follows"],
           "I tried … for {n} days"),
    _frame("stop", "en", "hook", "Stop scrolling if you care about {np}", r"^stop scrolling\b", "np", ["saves"],
           "Stop scrolling …"),
    _frame("easiest", "en", "hook", "The easiest way to {vp}", r"^the easiest way\b", "vp", ["saves"],
           "The easiest way to …"),
    _frame("how_to", "en", "hook", "How to {vp}", r"^how to\b", "vp", ["saves"], "How to …"),
    _frame("this_is_how", "en", "hook", "This is how I {vp}", r"^this is how\b", "vp", ["comments"],
           "This is how I …"),
    _frame("rating", "en", "hook", "Rating {np} so you don't have to", r"^rating\b", "np", ["comments"],
           "Rating … so you don't have to"),
    _frame("wait", "en", "hook", "Wait for the end: {sentence}", r"^wait (?:for|till|until) the end\b",
           "sentence", ["follows"], "Wait for the end …"),
    _frame("save_this", "en", "hook", "Save this for later: {np}, step by step", r"^save this\b", "np",
           ["comments"], "Save this for later: …"),
    _frame("worth_it", "en", "hook", "Is {np} worth it?", r"^is .{1,60}\bworth it\b", "np", ["comments"],
           "Is … worth it?"),
    _frame("if_you", "en", "hook", "If you love {np}, this one is for you", r"^if you\b", "np",
           ["shares", "saves"], "If you …"),
    _frame("when_you", "en", "hook", "When you finally get {np} right", r"^when you\b", "np",
           ["comments", "shares"], "When you …"),
    _frame("this_is", "en", "hook", "This is the truth about {np}", r"^this is\b", "np",
           ["comments"], "This is …"),
    _frame("i_love", "en", "hook", "I love {np}, and here is why", r"^i love\b", "np", ["comments"],
           "I love …"),
    # Norwegian (bokmål) hooks
    _frame("pov", "nb", "hook", "POV: {sentence}", r"^pov\b", "sentence", ["shares", "follows"], "POV: …"),
    _frame("feil", "nb", "hook", "3 feil alle gjør med {np}", r"^\d+ (?:\w+ )?feil\b", "np", ["saves"],
           "{n} feil alle gjør med …"),
    _frame("ingen", "nb", "hook", "Ingen snakker om dette med {np}", r"^ingen (?:snakker|forteller)\b", "np",
           ["shares", "comments"], "Ingen snakker om …"),
    _frame("testet", "nb", "hook", "Jeg testet {np} i 30 dager", r"^jeg (?:testet|prøvde)\b", "np",
           ["comments", "follows"], "Jeg testet … i {n} dager"),
    _frame("slutt", "nb", "hook", "Slutt å scrolle hvis du bryr deg om {np}", r"^(?:slutt|stopp) å scrolle\b", "np",
           ["saves"], "Slutt å scrolle …"),
    _frame("enkleste", "nb", "hook", "Den enkleste måten å {vp}", r"^den enkleste måten\b", "vp", ["saves"],
           "Den enkleste måten å …"),
    _frame("slik", "nb", "hook", "Slik kan du {vp}", r"^slik\b", "vp", ["saves"], "Slik …"),
    _frame("lagre", "nb", "hook", "Lagre denne: {np}, steg for steg", r"^lagre (?:denne|dette)\b", "np",
           ["comments"], "Lagre denne: …"),
    _frame("vent", "nb", "hook", "Vent til slutten: {sentence}", r"^vent til slutten\b", "sentence",
           ["follows"], "Vent til slutten …"),
    _frame("verdt", "nb", "hook", "Er {np} verdt det?", r"^er .{1,60}\bverdt det\b", "np", ["comments"],
           "Er … verdt det?"),
    _frame("if_you", "nb", "hook", "Hvis du elsker {np}, er denne for deg", r"^hvis du\b", "np",
           ["shares", "saves"], "Hvis du …"),
    _frame("when_you", "nb", "hook", "Når du endelig får til {np}", r"^når du\b", "np",
           ["comments", "shares"], "Når du …"),
    _frame("this_is", "nb", "hook", "Dette er sannheten om {np}", r"^dette er\b", "np",
           ["comments"], "Dette er …"),
    _frame("i_love", "nb", "hook", "Jeg elsker {np}, og her er hvorfor", r"^jeg elsker\b", "np",
           ["comments"], "Jeg elsker …"),
    # English calls to action
    _frame("comment_part2", "en", "cta", 'Comment "part 2" if you want the full version.',
           r"\bcomment \W?part \d", cta=["comments"]),
    _frame("follow_more", "en", "cta", "Follow for more like this.", r"\bfollow (?:me )?for more\b",
           cta=["follows"]),
    _frame("which_pick", "en", "cta", "Which one would you pick? Tell me in the comments.",
           r"\bwhich one would you\b", cta=["comments"]),
    _frame("tag_someone", "en", "cta", "Tag someone who needs this.", r"\btag (?:someone|a friend)\b",
           cta=["shares"]),
    _frame("save_later", "en", "cta", "Save this for later.", r"\bsave (?:this|it) for\b", cta=["saves"]),
    _frame("share_friend", "en", "cta", "Share this with a friend who needs it.",
           r"\b(?:share|send) (?:this|it) (?:with|to)\b", cta=["shares"]),
    # Norwegian calls to action
    _frame("kommenter_del2", "nb", "cta", 'Kommenter "del 2" hvis du vil se resten.',
           r"\bkommenter \W?del \d", cta=["comments"]),
    _frame("folg_mer", "nb", "cta", "Følg for mer.", r"\bfølg (?:meg )?for mer\b", cta=["follows"]),
    _frame("hvilken", "nb", "cta", "Hvilken ville du valgt? Fortell meg i kommentarene.",
           r"\bhvilken ville du\b", cta=["comments"]),
    _frame("tagg_noen", "nb", "cta", "Tagg noen som trenger dette.", r"\btagg (?:noen|en venn)\b",
           cta=["shares"]),
    _frame("lagre_senere", "nb", "cta", "Lagre denne til senere.", r"\blagre (?:denne|dette|videoen)\b",
           cta=["saves"]),
    _frame("del_venn", "nb", "cta", "Del denne med en venn som trenger den.", r"\bdel (?:denne|videoen) med\b",
           cta=["shares"]),
)  # fmt: skip

WRITTEN_LANGUAGES = ("en", "nb")


def frames_for(language: str, kind: str) -> list[Frame]:
    return [f for f in FRAMES if f.language == language and f.kind == kind]


def _template_regex(template: str) -> re.Pattern[str]:
    pattern = re.escape(template)
    pattern = re.sub(r"\d+", r"\\d+", pattern)
    for slot in ("np", "vp", "sentence"):
        pattern = pattern.replace(re.escape("{" + slot + "}"), "(?P<slot>.+?)")
    return re.compile(f"^{pattern}[.!?…]*$", re.IGNORECASE)


_WRITTEN_HOOKS = [(_template_regex(f.template), f) for f in FRAMES if f.kind == "hook" and f.slot]


def frame_slot(line: str) -> str | None:
    """What fills the slot when `line` is one of our own hooks ("3 mistakes everyone makes with X" -> X).

    Lets the main keyword of a drafted caption be the idea's, not the frame's words.
    """
    found = written_hook(line)
    return found[0] if found else None


def written_hook(line: str) -> tuple[str, str] | None:
    """What fills the slot of one of our own hooks, and the slot's kind ("np", "vp", "sentence")."""
    line = " ".join(line.split())
    for regex, frame in _WRITTEN_HOOKS:
        found = regex.match(line)
        if found:
            return found.group("slot"), frame.slot
    return None


# The calls to action as drafts write them, folded: a line that is one of them names no topic.
CTA_LINES = frozenset(" ".join(f.template.split()).casefold() for f in FRAMES if f.kind == "cta")
