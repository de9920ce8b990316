"""Matching against drafts it was not tuned on: random edits of the seed with a known truth."""

from __future__ import annotations

import random

import pytest

from workbench.core.importing import import_lines
from workbench.core.revision import DELETED, MERGED, MOVED, NEW, REWORDED, SPLIT, UNCHANGED, match_plans

POOL = "推进加快完善健全强化提升构建实施深化优化统筹协调保障服务体系机制能力建设发展创新"
NEW_TOPICS = ("低空经济", "银发经济", "冰雪运动", "海水淡化", "算力调度", "氢能重卡", "智慧港口", "城市更新基金")


def _edit(text: str, rng: random.Random) -> str:
    chars = list(text)
    for _ in range(rng.randint(2, 4)):
        at = rng.randrange(len(chars))
        if chars[at] not in "。，；：":
            chars[at] = rng.choice([c for c in POOL if c != chars[at]])
    return "".join(chars)


def _new_text(rng: random.Random, n: int) -> str:
    topic = rng.choice(NEW_TOPICS) + f"第{n}项"
    return (f"布局{topic}试点示范。制定{topic}专项扶持政策，设立{rng.randint(2, 9)}个示范区，"
            f"到{rng.randint(2027, 2030)}年形成可复制推广的经验做法。")


@pytest.mark.parametrize("seed", range(6))
def test_random_drafts_are_matched_as_drafted(seed_path, seed):
    rng = random.Random(seed)
    lines = seed_path.read_text(encoding="utf-8").split("\n")
    old = import_lines(lines, "old.txt")
    clauses = [n for n in old.nodes() if n.kind == "clause" and len(n.lines) == 1 and len(n.text) > 60]
    chosen = rng.sample(clauses, 40)
    reworded, deleted, anchors, moved = chosen[:15], chosen[15:20], chosen[20:26], chosen[26:30]
    taken = {n.key for n in chosen[:30]}
    long = [n for n in chosen[30:] if sum(1 for c in n.children) >= 4][:2]
    pairs = []
    for node in clauses:
        parent = node.parent
        following = parent.children[node.row + 1] if node.row + 1 < len(parent.children) else None
        if (following is not None and following in clauses and len(pairs) < 2 and not {node.key, following.key} & taken
                and node not in long and following not in long and following.lines[0] == node.lines[0] + 1):
            pairs.append((node, following))
            taken |= {node.key, following.key}
    out = list(lines)
    for node in reworded:
        out[node.lines[0] - 1] = _edit(lines[node.lines[0] - 1], rng)
    for node in deleted:
        out[node.lines[0] - 1] = ""
    added = []
    for i, node in enumerate(anchors):
        text = _new_text(rng, i)
        added.append(text)
        out[node.lines[0] - 1] = out[node.lines[0] - 1] + "\n" + text
    for i, node in enumerate(moved):  # to the end of another chapter's first section
        target = anchors[(i + 1) % len(anchors)]
        out[target.lines[0] - 1] = out[target.lines[0] - 1] + "\n" + lines[node.lines[0] - 1]
        out[node.lines[0] - 1] = ""
    for node in long:
        sentences = [c.text for c in node.children]
        half = len(sentences) // 2
        out[node.lines[0] - 1] = "".join(sentences[:half]) + "\n" + "".join(sentences[half:])
    for first, second in pairs:
        out[first.lines[0] - 1] = lines[first.lines[0] - 1].rstrip() + lines[second.lines[0] - 1].strip()
        out[second.lines[0] - 1] = ""
    new = import_lines("\n".join(out).split("\n"), "new.txt")
    revision = match_plans(old, new)
    truth = {n.key: REWORDED for n in reworded} | {n.key: DELETED for n in deleted}
    truth |= {n.key: SPLIT for n in long} | {n.key: MERGED for pair in pairs for n in pair}
    for node in moved:  # moved to another section (or, by chance, within its own: then unchanged)
        target = anchors[(moved.index(node) + 1) % len(anchors)]
        truth[node.key] = MOVED if target.parent is not node.parent else UNCHANGED
    for node in old.nodes():
        if node.kind == "clause":
            assert revision.for_old(node.key).kind == truth.get(node.key, UNCHANGED), (seed, node.key)
    assert len(long) == 2 and len(pairs) == 2
    news = sorted(new.root.find(m.new[0]).text for m in revision.matches if m.kind == NEW and m.node_kind == "clause")
    assert news == sorted(added)
