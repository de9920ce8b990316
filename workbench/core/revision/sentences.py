"""Sentences follow their paragraph across versions.

Inside a matched paragraph (or the pieces of a split one, or the parts of a
merged one) sentences pair by identical text first, then by fuzzy similarity;
a sentence that left its paragraph unchanged is paired anywhere by identical
text afterwards.  A sentence is moved when its paragraph moved.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from workbench.core import plan as P
from workbench.core.plan import PlanNode, normalise_text
from workbench.core.revision import similarity as S
from workbench.core.revision.model import BY_CONTENT, BY_TEXT, MOVED, REWORDED, UNCHANGED, NodeMatch


def match_sentences(olds: Sequence[PlanNode], news: Sequence[PlanNode], parent_moved: bool) -> list[NodeMatch]:
    """The sentences of the old paragraph(s) `olds` matched to those of their counterpart(s) `news`."""
    old_sents = [s for o in olds for s in o.children if s.kind == P.SENTENCE]
    new_sents = [s for n in news for s in n.children if s.kind == P.SENTENCE]
    same = MOVED if parent_moved else UNCHANGED
    if len(old_sents) == len(new_sents) and all(a.text == b.text for a, b in zip(old_sents, new_sents)):
        # The common case, without normalising: the same sentences in the same order.
        return [NodeMatch(same, P.SENTENCE, (a.key,), (b.key,), 1.0, BY_CONTENT, parent_moved)
                for a, b in zip(old_sents, new_sents)]
    result: list[NodeMatch] = []
    free_new = {id(s): s for s in new_sents}
    pending: list[PlanNode] = []
    by_text: dict[str, list[PlanNode]] = defaultdict(list)
    for s in new_sents:
        by_text[normalise_text(s.text)].append(s)
    for s in old_sents:
        twins = [t for t in by_text.get(normalise_text(s.text), []) if id(t) in free_new]
        if twins:
            del free_new[id(twins[0])]
            result.append(NodeMatch(same, P.SENTENCE, (s.key,), (twins[0].key,), 1.0, BY_CONTENT, parent_moved))
        else:
            pending.append(s)
    for s in pending:
        texts = {k: normalise_text(v.text) for k, v in free_new.items()}
        found = S.candidates(normalise_text(s.text), texts, S.TITLE_CUTOFF, limit=1)
        if found:
            t = free_new.pop(found[0][0])
            result.append(NodeMatch(REWORDED, P.SENTENCE, (s.key,), (t.key,), round(found[0][1] / 100, 3),
                                    BY_TEXT, parent_moved))
    return result


def leftover_sentences(old_nodes: Iterable[PlanNode], new_nodes: Iterable[PlanNode],
                       matches: Iterable[NodeMatch]) -> list[NodeMatch]:
    """Sentences not yet placed whose identical text sits, unplaced, elsewhere in the new version."""
    matches = list(matches)
    placed_old = {k for m in matches for k in m.old}
    placed_new = {k for m in matches for k in m.new}
    free: dict[str, list[PlanNode]] = defaultdict(list)
    for n in new_nodes:
        if n.kind == P.SENTENCE and n.key not in placed_new:
            free[normalise_text(n.text)].append(n)
    result = []
    for o in old_nodes:
        if o.kind == P.SENTENCE and o.key not in placed_old:
            twins = free.get(normalise_text(o.text))
            if twins:
                result.append(NodeMatch(MOVED, P.SENTENCE, (o.key,), (twins.pop(0).key,), 1.0, BY_CONTENT, True))
    return result
