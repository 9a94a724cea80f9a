"""The shape of one demo niche, written compactly: "|" separates phrases, spaces separate tags.

A topic may end in "=tag tag": captions about it carry those tags most of the time, as real
creators tag what the video is about (so a caption's words and its tags co-occur).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Topic:
    text: str
    tags: tuple[str, ...]


@dataclass(frozen=True)
class Niche:
    name: str
    topics: dict[str, tuple[Topic, ...]]  # by language: noun phrases for the {np} slot
    actions: dict[str, tuple[str, ...]]  # by language: verb phrases for the {vp} slot
    lines: dict[str, tuple[str, ...]]  # by language: niche sentences for the caption body
    tags: tuple[str, ...]  # head tags, most used first
    tail: tuple[str, ...]  # long-tail tags, each rare
    tags_nb: tuple[str, ...]  # Norwegian tags, most used first
    rising: tuple[str, ...]  # more frequent towards the end date
    declining: tuple[str, ...]  # fading out
    sounds: tuple[str, ...]
    authors: dict[str, tuple[str, ...]]  # by language
    weight: float  # relative size of the niche

    def all_tags(self) -> list[str]:
        topic_tags = [t for topics in self.topics.values() for topic in topics for t in topic.tags]
        return [*self.tags, *self.tail, *self.tags_nb, *self.rising, *self.declining, *topic_tags]


def _phrases(text: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in text.split("|") if p.strip())


def _topics(text: str) -> tuple[Topic, ...]:
    topics = []
    for phrase in _phrases(text):
        words, _, tags = phrase.partition("=")
        topics.append(Topic(words.strip(), tuple(tags.split())))
    return tuple(topics)


def niche(name: str, *, en: str, nb: str, do_en: str, do_nb: str, lines_en: str, lines_nb: str, tags: str,
          tail: str, tags_nb: str, rising: str, declining: str, sounds: str, authors: str,
          weight: float = 1.0) -> Niche:  # fmt: skip
    authors_en, _, authors_nb = authors.partition("/")
    return Niche(
        name=name,
        topics={"en": _topics(en), "nb": _topics(nb)},
        actions={"en": _phrases(do_en), "nb": _phrases(do_nb)},
        lines={"en": _phrases(lines_en), "nb": _phrases(lines_nb)},
        tags=tuple(tags.split()),
        tail=tuple(tail.split()),
        tags_nb=tuple(tags_nb.split()),
        rising=tuple(rising.split()),
        declining=tuple(declining.split()),
        sounds=_phrases(sounds),
        authors={"en": tuple(authors_en.split()), "nb": tuple(authors_nb.split())},
        weight=weight,
    )
