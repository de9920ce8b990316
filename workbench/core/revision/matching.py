"""Match every node of an old version of a plan to the new version.

The approach follows how Hypothesis re-anchors web annotations after a page
changes, per paragraph of a plan instead of per quote:

1. **Content.**  Paragraph-level units (clauses, box items, the indicator
   table) whose normalised text occurs exactly once in each version are paired.
2. **Containers.**  Parts, chapters, sections and boxes are paired by their
   title and by where their paragraphs went (the new container that received
   most of them); a renumbered 专栏 or 节 is the same container.
3. **Text with context.**  Remaining paragraphs are compared by fuzzy text
   similarity within a bounded error budget (similarity.REWORD_CUTOFF); the
   context breaks ties: the same container counterpart and matched
   neighbours add a few points, distance in the document a fraction.  One old
   paragraph whose text the concatenation of several new ones reproduces is
   split; several old ones that one new paragraph reproduces are merged.
4. **Structure.**  A paragraph still unplaced that sits alone between two
   matched neighbours, opposite a lone unplaced new one of the same kind, is
   the same paragraph heavily reworded when their texts are still somewhat
   alike (similarity.STRUCTURE_CUTOFF).
5. **Sentences** follow their paragraph (sentences.py).

What remains is deleted (old) or new.  A node is *moved* when its container's
counterpart is not the new node's container, or its container moved.
Everything is deterministic: the same two plans give the same matches.

The passes are here; the two versions indexed are sides.py, the pairing they build pairing.py,
and the matches reported from it match_results.py.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from workbench.core import plan as P
from workbench.core.plan import Plan, PlanNode, normalise_text
from workbench.core.revision import similarity as S
from workbench.core.revision.indicators import match_indicators
from workbench.core.revision.match_results import node_matches
from workbench.core.revision.model import BY_CHILDREN, BY_CONTENT, BY_STRUCTURE, BY_TEXT, Revision
from workbench.core.revision.pairing import Pairing
from workbench.core.revision.sides import CONTAINER_KINDS, UNIT_KINDS, unit_class

CONTEXT_CONTAINER = 4.0  # points for landing in the counterpart of the old container
CONTEXT_NEIGHBOUR = 3.0  # points per matched neighbour next to the candidate


def match_plans(old: Plan, new: Plan) -> Revision:
    """Every node of `old` matched to `new` (see the module docstring)."""
    return _Matcher(old, new).run()


class _Matcher(Pairing):
    def __init__(self, old: Plan, new: Plan) -> None:
        super().__init__(old, new)
        self._ancestor_cache: dict[tuple[int, str], PlanNode | None] = {}

    # -- driver -------------------------------------------------------------
    def run(self) -> Revision:
        self._exact_units()
        self._containers()
        self._fuzzy_units()
        self._containers()  # again: the fuzzy pairs add votes for containers still unpaired
        self._structure_units()
        matches = node_matches(self)
        return Revision(
            matches, match_indicators(self.old_plan.indicators, self.new_plan.indicators),
            self.old_plan.sha256, self.new_plan.sha256,
        )  # fmt: skip

    # -- 1. content -------------------------------------------------------------
    def _exact_units(self) -> None:
        old_by_text: dict[tuple[str, str], list[PlanNode]] = defaultdict(list)
        new_by_text: dict[tuple[str, str], list[PlanNode]] = defaultdict(list)
        for n in self.old.units:
            old_by_text[(unit_class(n), self.old.text[id(n)])].append(n)
        for n in self.new.units:
            new_by_text[(unit_class(n), self.new.text[id(n)])].append(n)
        for key, olds in old_by_text.items():
            news = new_by_text.get(key, [])
            if len(olds) == 1 and len(news) == 1 and key[1]:
                self.pair(olds, news, BY_CONTENT, 100.0)

    # -- 2. containers ------------------------------------------------------------
    def _containers(self) -> None:
        for kind in CONTAINER_KINDS:
            olds = [n for n in self.old.nodes if n.kind == kind and id(n) not in self.counterpart]
            news_taken = {id(c) for c in self.counterpart.values()}
            news = [n for n in self.new.nodes if n.kind == kind and id(n) not in news_taken]
            if not olds or not news:
                continue
            by_id = {id(n): n for n in news}
            titles = {id(n): normalise_text(n.title) for n in news}
            by_title: dict[str, list[int]] = defaultdict(list)
            for key, title in titles.items():
                by_title[title].append(key)
            scored: list[tuple[float, int, int, PlanNode, PlanNode, str]] = []
            for o in olds:
                votes, total = self._votes(o, kind)
                title_o = normalise_text(o.title)
                # Candidates: where its paragraphs went, the same title, else similar titles (in C).
                keys = {k for k in votes if k in by_id} | set(by_title.get(title_o, ()))
                if not keys and title_o:
                    keys = {k for k, _ in S.candidates(title_o, titles, S.TITLE_CUTOFF, limit=5)}
                for key in keys:
                    n = by_id[key]
                    share = 100.0 * votes.get(key, 0) / total if total else 0.0
                    title = S.ratio(title_o, titles[key]) if (title_o or titles[key]) else 100.0
                    if title >= 90 or (share >= 50 and title >= 30) or (total == 0 and title >= S.TITLE_CUTOFF):
                        score = 0.6 * title + 0.4 * share if total else title
                        method = BY_CONTENT if title == 100 else BY_CHILDREN if share >= 50 else BY_TEXT
                        scored.append((score, self.old.seq[id(o)], self.new.seq[id(n)], o, n, method))
            used_old: set[int] = set()
            used_new: set[int] = set()
            for score, _, _, o, n, method in sorted(scored, key=lambda s: (-s[0], s[1], s[2])):
                if id(o) in used_old or id(n) in used_new:
                    continue
                used_old.add(id(o))
                used_new.add(id(n))
                self.counterpart[id(o)] = n
                self.container_score[id(o)] = (method, score)

    def _votes(self, container: PlanNode, kind: str) -> tuple[dict[int, int], int]:
        """Where this container's paragraphs went: new container of `kind` -> count."""
        votes: Counter[int] = Counter()
        total = 0
        for node in container.walk():
            if node.kind not in UNIT_KINDS or id(node) not in self.old_taken:
                continue
            total += 1
            for new_node in self.groups[self.old_taken[id(node)]][1]:
                anc = self._new_ancestor(new_node, kind)
                if anc is not None:
                    votes[id(anc)] += 1
        return votes, total

    def _new_ancestor(self, node: PlanNode, kind: str) -> PlanNode | None:
        """The new node's nearest ancestor of a container kind (cached: asked once per container level)."""
        key = (id(node), kind)
        if key not in self._ancestor_cache:
            parent = node.parent
            while parent is not None and parent.kind != kind:
                parent = parent.parent
            self._ancestor_cache[key] = parent
        return self._ancestor_cache[key]

    # -- 3. text with context -----------------------------------------------------
    def _fuzzy_units(self) -> None:
        free_old, free_new = self.free_old(), self.free_new()
        if not free_old or not free_new:
            return
        old_by_node = {id(n): n for n in self.old.nodes}
        inverse = {id(new): old_by_node[old] for old, new in self.counterpart.items()}
        new_by_id = {id(n): n for n in free_new}
        old_by_id = {id(n): n for n in free_old}
        # Free units by class and by container, so that each search looks only where it should.
        new_class: dict[str, dict[int, str]] = defaultdict(dict)
        new_near: dict[tuple[str, int], dict[int, str]] = defaultdict(dict)
        for n in free_new:
            text = self.new.text[id(n)]
            new_class[unit_class(n)][id(n)] = text
            new_near[(unit_class(n), id(self.new.container[id(n)]))][id(n)] = text
        old_class: dict[str, dict[int, str]] = defaultdict(dict)
        old_near: dict[tuple[str, int], dict[int, str]] = defaultdict(dict)
        for o in free_old:
            text = self.old.text[id(o)]
            old_class[unit_class(o)][id(o)] = text
            old_near[(unit_class(o), id(self.old.container[id(o)]))][id(o)] = text
        proposals: list[tuple[float, int, int, list[PlanNode], list[PlanNode], float]] = []
        for o in free_old:
            text, cls = self.old.text[id(o)], unit_class(o)
            twin = self._twin_container(o)
            near = new_near.get((cls, id(twin)), {}) if twin is not None else new_class[cls]
            found = S.candidates(text, near, S.REWORD_CUTOFF)
            if not found or found[0][1] < S.SURE_CUTOFF:  # not clearly here: it may have moved anywhere
                found = S.candidates(text, new_class[cls], S.REWORD_CUTOFF)
            for key, score in found:
                n = new_by_id[key]
                proposals.append((score + self._context(o, n), self.old.seq[id(o)], self.new.seq[id(n)], [o], [n], score))
            parts = sorted((new_by_id[k] for k in S.pieces(text, near)), key=lambda n: self.new.seq[id(n)])
            if len(parts) >= 2:
                score = S.joined_ratio(text, [self.new.text[id(p)] for p in parts])
                if score >= S.JOINED_CUTOFF:
                    proposals.append((score + self._context(o, parts[0]), self.old.seq[id(o)],
                                      self.new.seq[id(parts[0])], [o], parts, score))
        for n in free_new:
            text, cls = self.new.text[id(n)], unit_class(n)
            container = self.new.container[id(n)]
            if container is not None and container.kind == P.PLAN:
                origin: PlanNode | None = self.old_plan.root
            else:
                origin = inverse.get(id(container))
            scope = old_near.get((cls, id(origin)), {}) if origin is not None else old_class[cls]
            parts = sorted((old_by_id[k] for k in S.pieces(text, scope)), key=lambda o: self.old.seq[id(o)])
            if len(parts) >= 2:
                score = S.joined_ratio(text, [self.old.text[id(p)] for p in parts])
                if score >= S.JOINED_CUTOFF:
                    proposals.append((score + self._context(parts[0], n), self.old.seq[id(parts[0])],
                                      self.new.seq[id(n)], parts, [n], score))
        total_old, total_new = max(1, len(self.old.nodes)), max(1, len(self.new.nodes))
        # Position is a weak hint: only to order otherwise equal proposals.
        proposals.sort(key=lambda p: (-p[0], abs(p[1] / total_old - p[2] / total_new), p[1], p[2]))
        for _, _, _, olds, news, score in proposals:
            if any(id(o) in self.old_taken for o in olds) or any(id(n) in self.new_taken for n in news):
                continue
            self.pair(olds, news, BY_TEXT, score)

    def _twin_container(self, o: PlanNode) -> PlanNode | None:
        """The counterpart of the old node's container (the new root for the plan), None when unknown."""
        container = self.old.container[id(o)]
        if container is None:
            return None
        if container.kind == P.PLAN:
            return self.new_plan.root
        return self.counterpart.get(id(container))

    def _context(self, o: PlanNode, n: PlanNode) -> float:
        """Points for agreeing context: the container's counterpart, matched neighbours."""
        points = 0.0
        container = self.old.container[id(o)]
        if container is not None:
            twin = self.new_plan.root if container.kind == P.PLAN else self.counterpart.get(id(container))
            if twin is not None and twin is self.new.container[id(n)]:
                points += CONTEXT_CONTAINER
        old_prev, old_next = self.old.siblings(o)
        new_prev, new_next = self.new.siblings(n)
        for old_side, new_side in ((old_prev, new_prev), (old_next, new_next)):
            if old_side is not None and new_side is not None and id(old_side) in self.old_taken:
                if new_side in self.groups[self.old_taken[id(old_side)]][1]:
                    points += CONTEXT_NEIGHBOUR
        return points

    # -- 4. structure -------------------------------------------------------------
    def _structure_units(self) -> None:
        for o in self.free_old():
            prev, nxt = self.old.siblings(o)
            new_prev = self._twin_unit(prev)
            new_next = self._twin_unit(nxt)
            anchors = [a for a in (new_prev, new_next) if a is not None]
            if not anchors or (prev is not None and new_prev is None) or (nxt is not None and new_next is None):
                continue
            parent = anchors[0].parent
            if any(a.parent is not parent for a in anchors) or parent is None:
                continue
            units = [c for c in parent.children if c.kind in UNIT_KINDS]
            lo = units.index(new_prev) + 1 if new_prev is not None else 0
            hi = units.index(new_next) if new_next is not None else len(units)
            slot = [u for u in units[lo:hi] if id(u) not in self.new_taken]
            old_slot = self._old_slot(o, prev, nxt)
            if len(slot) != 1 or len(old_slot) != 1 or unit_class(slot[0]) != unit_class(o):
                continue
            score = S.ratio(self.old.text[id(o)], self.new.text[id(slot[0])])
            if score >= S.STRUCTURE_CUTOFF:
                self.pair([o], slot, BY_STRUCTURE, score)

    def _twin_unit(self, node: PlanNode | None) -> PlanNode | None:
        if node is None or id(node) not in self.old_taken:
            return None
        news = self.groups[self.old_taken[id(node)]][1]
        return news[-1] if news else None

    def _old_slot(self, o: PlanNode, prev: PlanNode | None, nxt: PlanNode | None) -> list[PlanNode]:
        units = [c for c in o.parent.children if c.kind in UNIT_KINDS] if o.parent else [o]
        lo = units.index(prev) + 1 if prev is not None else 0
        hi = units.index(nxt) if nxt is not None else len(units)
        return [u for u in units[lo:hi] if id(u) not in self.old_taken]
