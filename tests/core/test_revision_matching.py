"""Matching an old version of the seed plan to a revised one built the way drafting changes plans."""

from __future__ import annotations

import pytest

from tests.revision_drafts import ADDED_TEXTS, draft_revision, reword
from workbench.core.importing import import_lines
from workbench.core.plan import normalise_text
from workbench.core.revision import (
    DELETED, MERGED, MOVED, NEW, REWORDED, SPLIT, UNCHANGED, match_plans,
)

PARAGRAPHS = frozenset({"clause", "box_item"})


@pytest.fixture(scope="module")
def seed_lines(seed_path) -> list[str]:
    return seed_path.read_text(encoding="utf-8").split("\n")


@pytest.fixture(scope="module")
def old(seed_lines):
    return import_lines(seed_lines, "征求意见稿.txt")


@pytest.fixture(scope="module")
def drafted(seed_lines, old):
    lines, drafting = draft_revision(seed_lines, old)
    return import_lines(lines, "批准稿.txt"), drafting


@pytest.fixture(scope="module")
def revision(old, drafted):
    return match_plans(old, drafted[0])


def test_the_seed_against_itself_is_entirely_unchanged(old, seed_lines):
    same = import_lines(seed_lines, "again.txt")
    revision = match_plans(old, same)
    assert revision.counts() == {UNCHANGED: sum(1 for _ in old.nodes())}
    assert all(m.old == m.new and m.confidence == 1.0 for m in revision.matches)
    assert {m.kind for m in revision.indicators} == {"unchanged"}
    assert len(revision.indicators) == len(old.indicators)


def test_every_old_node_is_placed_exactly_once(old, drafted, revision):
    new = drafted[0]
    olds = [k for m in revision.matches for k in m.old]
    news = [k for m in revision.matches for k in m.new]
    assert sorted(olds) == sorted(n.key for n in old.nodes())
    assert sorted(news) == sorted(n.key for n in new.nodes())


def test_reworded_clauses_are_reworded_with_confidence_below_one(old, drafted, revision):
    new, drafting = drafted
    for key in drafting.reworded:
        match = revision.for_old(key)
        assert match is not None and match.kind == REWORDED, (key, match)
        assert 0.9 < match.confidence < 1.0
        (twin,) = match.new
        assert new.root.find(twin).text == reword(old.root.find(key).text)
        assert match.needs_review


def test_the_moved_section_and_everything_in_it_is_moved(old, drafted, revision):
    new, drafting = drafted
    section = old.root.find(drafting.moved_section)
    match = revision.for_old(section.key)
    assert match.kind == MOVED and match.renumbered
    (twin_key,) = match.new
    twin = new.root.find(twin_key)
    assert twin.parent.key == "ch06" and twin.title == section.title
    for node in section.walk():
        if node.kind in PARAGRAPHS:
            m = revision.for_old(node.key)
            assert m.kind == MOVED and not m.needs_review, (node.key, m)
            assert new.root.find(m.new[0]).text == node.text


def test_boxes_renumbered_by_the_move_are_the_same_boxes(old, drafted, revision):
    new, drafting = drafted
    (moved_box,) = drafting.moved_boxes
    assert revision.for_old(moved_box).new != (moved_box,)  # 专栏9 became another number
    renumbered = [m for m in revision.matches if m.node_kind == "box" and m.renumbered]
    assert len(renumbered) == 3  # 专栏9 -> 11, 10 -> 9, 11 -> 10
    for m in renumbered:
        o, n = old.root.find(m.old[0]), new.root.find(m.new[0])
        assert o.title == n.title and o.label != n.label
    box10 = revision.for_old("box10")
    assert box10.kind == UNCHANGED and box10.new == ("box09",)  # the key box09 now names another box


def test_split_merged_deleted_and_new(old, drafted, revision):
    new, drafting = drafted
    split = revision.for_old(drafting.split)
    assert split.kind == SPLIT and len(split.new) == 2
    joined = "".join(new.root.find(k).text for k in split.new)
    assert normalise_text(joined) == normalise_text(old.root.find(drafting.split).text)
    merged = revision.for_old(drafting.merged[0])
    assert merged.kind == MERGED and merged.old == drafting.merged and len(merged.new) == 1
    assert revision.for_old(drafting.merged[1]) is merged
    for key in drafting.deleted:
        assert revision.for_old(key).kind == DELETED
        for sentence in old.root.find(key).children:
            assert revision.for_old(sentence.key).kind == DELETED
    new_paragraphs = [m for m in revision.matches if m.kind == NEW and m.node_kind in PARAGRAPHS]
    assert sorted(new.root.find(m.new[0]).text for m in new_paragraphs) == sorted(ADDED_TEXTS)


def test_all_other_paragraphs_are_unchanged(old, drafted, revision):
    _, drafting = drafted
    section = old.root.find(drafting.moved_section)
    touched = {*drafting.reworded, drafting.split, *drafting.merged, *drafting.deleted}
    touched |= {n.key for n in section.walk()}
    counts = {UNCHANGED: 0}
    for node in old.nodes():
        if node.kind in PARAGRAPHS and node.key not in touched:
            assert revision.for_old(node.key).kind == UNCHANGED, node.key
            counts[UNCHANGED] += 1
    assert counts[UNCHANGED] > 250
    assert revision.counts(PARAGRAPHS) == {
        UNCHANGED: counts[UNCHANGED], REWORDED: 12, MOVED: 8, SPLIT: 1, MERGED: 1, DELETED: 3, NEW: 5,
    }


def test_sentences_follow_their_paragraph(old, drafted, revision):
    new, drafting = drafted
    reworded_sentences = [
        revision.for_old(s.key) for key in drafting.reworded for s in old.root.find(key).children
    ]
    assert any(m.kind == REWORDED for m in reworded_sentences)
    assert all(m.kind in (UNCHANGED, REWORDED) for m in reworded_sentences)
    split = old.root.find(drafting.split)
    twins = {k for s in split.children for k in revision.for_old(s.key).new}
    pieces = revision.for_old(drafting.split).new
    assert twins == {s.key for k in pieces for s in new.root.find(k).children}


def test_indicators_matched_by_number_and_name_with_value_changes(revision, drafted):
    _, drafting = drafted
    changed = {m.old: m for m in revision.indicators if m.kind == "changed"}
    assert set(changed) == {f"ind{n}" for n in drafting.indicator_targets}
    for number, (before, after) in drafting.indicator_targets.items():
        assert changed[f"ind{number}"].changes == (("target_value", before, after),)


def test_an_unrelated_replacement_is_deleted_and_new_not_reworded(seed_lines, old):
    node = old.root.find("ch09/s02/p01")
    lines = list(seed_lines)
    lines[node.lines[0] - 1] = "全面推行河湖长制。落实河湖长巡河制度，开展河湖“清四乱”常态化规范化行动。"
    revision = match_plans(old, import_lines(lines, "other.txt"))
    assert revision.for_old(node.key).kind == DELETED
    assert revision.for_new("ch09/s02/p01").kind == NEW


def test_matching_is_deterministic(old, drafted, revision):
    again = match_plans(old, drafted[0])
    assert again.matches == revision.matches and again.indicators == revision.indicators


def test_a_heavy_rewrite_in_the_same_place_is_found_by_structure_with_low_confidence(seed_lines, old):
    node = old.root.find("ch05/s03/p01")
    text = seed_lines[node.lines[0] - 1]
    lines = list(seed_lines)
    lines[node.lines[0] - 1] = text[: int(len(text) * 0.3)] + (
        "构建开放创新生态，完善成果转化激励机制，推动创新链产业链资金链人才链深度融合，"
        "支持龙头企业牵头组建创新联合体，打造一批高水平中试平台和概念验证中心。")
    revision = match_plans(old, import_lines(lines, "rewritten.txt"))
    match = revision.for_old(node.key)
    assert match.kind == REWORDED and match.method == "structure" and match.confidence < 0.5
    assert match.needs_review
