"""A finished pairing of two versions reported as node matches: every node once, with its kind
(unchanged, moved, reworded, split, merged, deleted, new), confidence and method."""

from __future__ import annotations

from workbench.core import plan as P
from workbench.core.plan import normalise_text
from workbench.core.revision.model import (
    BY_CONTENT, BY_ROOT, BY_STRUCTURE, DELETED, MERGED, MOVED, NEW, REWORDED, SPLIT, UNCHANGED, NodeMatch,
)
from workbench.core.revision.pairing import Pairing
from workbench.core.revision.sentences import leftover_sentences, match_sentences
from workbench.core.revision.sides import CONTAINER_KINDS, UNIT_KINDS


def node_matches(pairing: Pairing) -> list[NodeMatch]:
    """Every node of both versions as a match: the pairs, their sentences, then what is deleted and new."""
    moved = _moved(pairing)
    matches: list[NodeMatch] = []
    taken_new: set[int] = set()
    sentence_matches: list[NodeMatch] = []
    for node in pairing.old.nodes:
        if node.kind == P.PLAN:
            same = normalise_text(node.title) == normalise_text(pairing.new_plan.root.title)
            matches.append(NodeMatch(UNCHANGED if same else REWORDED, P.PLAN, (node.key,),
                                     (pairing.new_plan.root.key,), 1.0, BY_ROOT))
            taken_new.add(id(pairing.new_plan.root))
        elif node.kind in CONTAINER_KINDS:
            twin = pairing.counterpart.get(id(node))
            if twin is None:
                continue
            method, score = pairing.container_score[id(node)]
            same = normalise_text(node.title) == normalise_text(twin.title)
            kind = (MOVED if moved.get(id(node)) else UNCHANGED) if same else REWORDED
            matches.append(NodeMatch(kind, node.kind, (node.key,), (twin.key,), round(min(score, 100.0) / 100, 3),
                                     method, bool(moved.get(id(node))), node.label != twin.label))
            taken_new.add(id(twin))
        elif node.kind in UNIT_KINDS and id(node) in pairing.old_taken:
            index = pairing.old_taken[id(node)]
            olds, news, method, score = pairing.groups[index]
            if node is not olds[0]:
                continue  # a merged group is reported once, at its first old node
            matches.append(_unit_match(pairing, olds, news, method, score, moved))
            taken_new.update(id(n) for n in news)
            sentence_matches.extend(match_sentences(olds, news, any(moved.get(id(o)) for o in olds)))
    matches.extend(sentence_matches)
    matches.extend(leftover_sentences(pairing.old.nodes, pairing.new.nodes, matches))
    placed_old = {k for m in matches for k in m.old}
    placed_new = {k for m in matches for k in m.new}
    for node in pairing.old.nodes:
        if node.key not in placed_old:
            matches.append(NodeMatch(DELETED, node.kind, (node.key,), (), 1.0, BY_CONTENT))
    for node in pairing.new.nodes:
        if node.key not in placed_new:
            matches.append(NodeMatch(NEW, node.kind, (), (node.key,), 1.0, BY_CONTENT))
    return matches

def _unit_match(pairing: Pairing, olds, news, method, score, moved) -> NodeMatch:
    old_keys = tuple(o.key for o in olds)
    new_keys = tuple(n.key for n in news)
    is_moved = any(moved.get(id(o)) for o in olds)
    confidence = round(min(score, 100.0) / 100, 3)
    if method == BY_STRUCTURE:
        confidence = round(confidence * 0.8, 3)
    if len(olds) > 1:
        return NodeMatch(MERGED, olds[0].kind, old_keys, new_keys, confidence, method, is_moved)
    if len(news) > 1:
        return NodeMatch(SPLIT, olds[0].kind, old_keys, new_keys, confidence, method, is_moved)
    o, n = olds[0], news[0]
    same = pairing.old.text[id(o)] == pairing.new.text[id(n)]
    kind = (MOVED if is_moved else UNCHANGED) if same else REWORDED
    return NodeMatch(kind, o.kind, old_keys, new_keys, 1.0 if same else confidence,
                     BY_CONTENT if same else method, is_moved, o.label != n.label)

def _moved(pairing: Pairing) -> dict[int, bool]:
    """id(old node) -> whether it sits under another container now (or its container moved)."""
    moved: dict[int, bool] = {}
    for node in pairing.old.nodes:  # document order: containers before their contents
        container = pairing.old.container[id(node)]
        if node.kind == P.PLAN or container is None:
            continue
        if container.kind == P.PLAN:
            twin_container = pairing.new_plan.root
        else:
            twin_container = pairing.counterpart.get(id(container))
        if moved.get(id(container)):
            moved[id(node)] = True
            continue
        if node.kind in CONTAINER_KINDS:
            twin = pairing.counterpart.get(id(node))
            news = [twin] if twin is not None else []
        elif id(node) in pairing.old_taken:
            news = pairing.groups[pairing.old_taken[id(node)]][1]
        else:
            continue
        moved[id(node)] = any(pairing.new.container[id(n)] is not twin_container for n in news)
    return moved
