"""Pattern mining: frames counted per language and niche with lift and examples, stored per index version."""

from __future__ import annotations

import json

import numpy as np
import pytest

from seo.index.lifecycle import index_build
from seo.index.patterns import FILE_NAME, patterns_mine
from seo.index.serving import reset_loaded_index
from seo.score.patterns import mined_rows, patterns_for
from seo.text.frames import FRAMES, frame_slot
from tests.corpus_factory import post


def _mine(captions, rates, languages=None, **kwargs):
    return patterns_mine(
        captions=captions,
        engagement_rate=np.asarray(rates, dtype=float),
        languages=languages or [""] * len(captions),
        post_ids=np.arange(1, len(captions) + 1),
        **kwargs,
    )


def test_a_frame_used_often_enough_is_mined_with_its_lift_posts_and_best_example():
    captions = [f"3 mistakes everyone makes with topic {i}. Save this for later" for i in range(6)]
    captions += [f"just a post about thing {i}" for i in range(6)]
    rates = [0.2] * 6 + [0.1] * 6
    rows = {(r["kind"], r["name"]): r for r in _mine(captions, rates) if r["niche"] == ""}
    mistakes = rows[("hook", "mistakes")]
    assert mistakes["language"] == "en"  # credited to the frame's language when the post has none
    assert mistakes["posts"] == 6
    assert mistakes["lift"] == pytest.approx(0.2 / 0.15, abs=0.01)  # against the corpus median
    assert mistakes["examples"][0]["caption"].startswith("3 mistakes everyone makes with")
    assert rows[("cta", "save_later")]["posts"] == 6
    assert rows[("hook", "just a")]["template"] == ""  # a mined shape without a slot is shown, not drafted


def test_a_pattern_below_the_minimum_is_left_out():
    captions = ["POV: you finally did it"] * 4 + ["other words here"] * 10
    assert not [r for r in _mine(captions, [0.1] * 14) if r["name"] == "pov"]


def test_label_shapes_in_other_languages_become_their_own_patterns():
    captions = [f"Receta: pan número {i}" for i in range(5)]
    rows = _mine(captions, [0.1] * 5, languages=["es"] * 5)
    label = next(r for r in rows if r["name"] == "receta:")
    assert label["language"] == "es" and label["template"] == "Receta: {sentence}"


def test_patterns_are_counted_per_niche_from_the_posts_tags():
    captions = ["Nobody talks about this part of bread"] * 5 + ["Nobody talks about this part of cars"] * 5
    rows = _mine(
        captions, [0.1] * 10,
        tag_indptr=np.arange(11), tag_indices=np.array([0] * 5 + [1] * 5), tag_niche=["food", "cars"],
    )  # fmt: skip
    niches = {r["niche"]: r["posts"] for r in rows if r["name"] == "nobody"}
    assert niches == {"": 10, "food": 5, "cars": 5}


def test_our_own_hooks_give_back_what_filled_them():
    assert frame_slot("3 mistakes everyone makes with sourdough bread") == "sourdough bread"
    assert frame_slot("Slik kan du spare penger på mat") == "spare penger på mat"
    assert frame_slot("A normal sentence") is None
    for frame in FRAMES:
        if frame.kind == "hook" and frame.slot:
            filled = frame.template.replace("{" + frame.slot + "}", "banana bread")
            assert frame_slot(filled) == "banana bread", frame.template


@pytest.mark.django_db
@pytest.mark.usefixtures("index_env")
def test_the_build_stores_patterns_with_the_version_and_a_rebuild_re_mines_them():
    for i in range(5):
        post(f"3 mistakes everyone makes with sourdough {i}", ["bread"])
    first = index_build()
    reset_loaded_index()
    assert any(r["name"] == "mistakes" for r in mined_rows())
    path = first.path
    for i in range(5):
        post(f"Nobody talks about this part of pasta {i}", ["pasta"])
    second = index_build()
    reset_loaded_index()
    assert second.path != path
    assert any(r["name"] == "nobody" for r in mined_rows())
    stored = json.loads((index_env_dir(second) / FILE_NAME).read_text(encoding="utf-8"))
    assert stored == mined_rows()


@pytest.mark.django_db
def test_without_an_index_every_frame_drafts_as_a_seed():
    reset_loaded_index()
    hooks = patterns_for(language="nb", kind="hook")
    assert hooks and all(p.is_seed and p.lift is None and p.posts == 0 for p in hooks)


def index_env_dir(version):
    from django.conf import settings

    return settings.DATA_DIR / version.path


@pytest.mark.django_db
@pytest.mark.usefixtures("index_env")
def test_english_drafts_never_use_a_mined_label_but_other_languages_do():
    for i in range(6):
        post(f"Edit: my thing number {i}", ["thing"], language="en")
        post(f"Receta: pan número {i}", ["pan"], language="es")
    index_build()
    reset_loaded_index()
    assert any(r["name"] == "edit:" for r in mined_rows())
    assert "edit:" not in {p.name for p in patterns_for(language="en", kind="hook")}
    assert "receta:" in {p.name for p in patterns_for(language="es", kind="hook")}
