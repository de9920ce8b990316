"""Explained suggestions for a node: who should lead, who should support, which indicators.

Every suggestion carries its evidence: the words that matched and where they
matched (the text, the clause's lead phrase, the section or box title, the
chapter title, or an explicit mention of the unit's name), so the reviewer can
judge it instead of trusting a number.

How departments are scored (measured on bench/data/suggest_labels.json with
bench/bench_suggest.py):

* each keyword or name of a department found in a place counts; in the text
  repeats add less and less (1 + ln n), a hit in the lead phrase, the section
  (or box) title or the chapter title adds a fixed weight for that place;
  a word several departments share is split between them;
* words of one character count when the registry lists them (碳 is specific);
  words that are everywhere in a plan (全市, 各区) never count as evidence;
* lead candidates are ranked with municipal bodies (party organs, government
  departments, directly affiliated bodies) ahead of central units, districts,
  enterprises and others: an operator or a place named in a clause (天津滨海
  国际机场, 滨海新区) is usually who carries the work out, not who leads it.
  They are the support suggestions' natural candidates instead.

Section, chapter and box nodes are scored on their title and the text of the
clauses below them.

Indicators are scored on the overlap of their name's words with the text and
a few keywords per indicator (resources/indicator_keywords.json: 碧水 for
优良水体比例, 就业 for 城镇调查失业率).

No Qt, no SQL.  Calls `segment.tokens`, which loads jieba on first use.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from workbench.core import segment
from workbench.core.departments import Department
from workbench.core.plan import BOX, CHAPTER, PARAGRAPH_KINDS, PLAN, SECTION, SENTENCE, Indicator, PlanNode
from workbench.core.sentences import lead_phrase

from .indicator_words import indicator_keywords

__all__ = ["Evidence", "DepartmentSuggestion", "IndicatorSuggestion", "NodeSuggestions", "suggest_for_node", "context_of"]

# Where a word can match, and what one hit there weighs beyond the text's own count.
TEXT, LEAD, SECTION_TITLE, CHAPTER_TITLE = "text", "lead", "section", "chapter"
PLACE_WEIGHT = {LEAD: 2.0, SECTION_TITLE: 2.0, CHAPTER_TITLE: 0.5}
NAME_WEIGHT = 3.0  # the text names the department outright
SUBSTRING_MIN = 3  # shorter words must be jieba tokens (or registry one-character words) to count
MUNICIPAL = frozenset({"party_organ", "government_department", "directly_affiliated"})
OTHER_LEAD_FACTOR = 0.25  # lead score of central units, districts, enterprises and others
GENERIC_WORDS = frozenset({"全市", "各区", "各级", "全区", "本市", "我市", "天津", "天津市"})
CHILD_TEXT_LIMIT = 4000  # characters of the clauses below a heading that are scored
RARE_SHARE = 0.05  # a word in at most this share of a plan's clauses counts fully
MIN_COMMON_WEIGHT = 0.2


@dataclass(frozen=True)
class Evidence:
    word: str
    place: str  # "text", "lead", "section", "chapter"
    count: int
    is_name: bool = False  # the word is the unit's name, full name or alias


@dataclass(frozen=True)
class DepartmentSuggestion:
    department: Department
    score: float
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class IndicatorSuggestion:
    indicator: Indicator
    score: float
    evidence: tuple[Evidence, ...]


@dataclass
class NodeSuggestions:
    lead: list[DepartmentSuggestion] = field(default_factory=list)
    support: list[DepartmentSuggestion] = field(default_factory=list)
    indicators: list[IndicatorSuggestion] = field(default_factory=list)


@dataclass(frozen=True)
class Context:
    """The texts a node is judged on, each with its jieba tokens, and the plan's clauses."""

    places: dict[str, str]
    tokens: dict[str, Counter[str]]
    corpus: tuple[str, ...] = ()  # the texts of the plan's clauses, for how common a word is

    everything_text: str = ""  # all places joined: a word absent here is absent everywhere


_CORPUS_CACHE: dict[int, tuple[int, tuple[str, ...], dict[str, float]]] = {}


def _corpus(node: PlanNode) -> tuple[str, ...]:
    root = node
    while root.parent is not None:
        root = root.parent
    cached = _CORPUS_CACHE.get(id(root))
    if cached is None or cached[0] != len(root.children):
        texts = tuple(p.text for p in _paragraphs(root))
        _CORPUS_CACHE.clear()  # one plan at a time is what the GUI and the CLI need
        cached = _CORPUS_CACHE[id(root)] = (len(root.children), texts, {})
    return cached[1]


def commonness(word: str, corpus: tuple[str, ...]) -> float:
    """Weight of a word by how rare it is in the plan: 1 for rare words, down to 0.2 for everywhere-words.

    A word in at most one clause in twenty counts fully; above that its weight
    falls with the log of its clause frequency (质量, 人才 and 改革 are in a
    large share of any plan's clauses and say little about who leads).
    """
    if not corpus:
        return 1.0
    memo = next((c[2] for c in _CORPUS_CACHE.values() if c[1] is corpus), None)
    if memo is not None and word in memo:
        return memo[word]
    df = sum(1 for text in corpus if word in text)
    share = df / len(corpus)
    value = 1.0 if share <= RARE_SHARE else max(MIN_COMMON_WEIGHT, math.log(1 / share) / math.log(1 / RARE_SHARE))
    if memo is not None:
        memo[word] = value
    return value


def context_of(node: PlanNode) -> Context:
    """Text, lead phrase, section (or box) title and chapter title of a node."""
    if node.kind == SENTENCE and node.parent is not None:
        text, owner = node.text, node.parent
    elif node.kind in PARAGRAPH_KINDS:
        text, owner = node.text, node
    else:  # a heading: its title and the clauses below it
        parts: list[str] = []
        size = 0
        for child in _paragraphs(node):
            parts.append(child.text)
            size += len(child.text)
            if size > CHILD_TEXT_LIMIT:
                break
        text, owner = "\n".join(parts), node
    lead = ""
    if owner.kind in PARAGRAPH_KINDS:
        lead = (owner.title if owner.title and owner.title in owner.text else lead_phrase(owner.text)) or ""
    sections: list[str] = []  # a box's title and the section's above it
    chapter = ""
    for ancestor in ([owner] if owner.kind in (SECTION, BOX, CHAPTER) else []) + list(owner.ancestors()):
        if ancestor.kind in (SECTION, BOX) and ancestor.title:
            sections.append(ancestor.title)
        elif ancestor.kind == CHAPTER and not chapter:
            chapter = ancestor.title
    places = {TEXT: text, LEAD: lead, SECTION_TITLE: "\n".join(sections), CHAPTER_TITLE: chapter}
    if owner.kind in PARAGRAPH_KINDS:
        tokens = {place: _tokens(value) for place, value in places.items()}
    else:  # a heading: the clauses' tokens one by one, so each clause's cut is reused
        tokens = {place: _tokens(value) for place, value in places.items() if place != TEXT}
        tokens[TEXT] = sum((_tokens(part) for part in text.split("\n")), Counter())
    return Context(places, tokens, _corpus(node), "\n".join(places.values()))


def clear_caches() -> None:
    """Forget cached cuts and word frequencies (benchmarks time a cold start with this)."""
    _tokens.cache_clear()
    _indicator_words.cache_clear()
    _CORPUS_CACHE.clear()


@lru_cache(maxsize=4096)
def _tokens(text: str) -> Counter[str]:
    """jieba tokens of a text, counted; cached, since the same clause is suggested for again and again."""
    return Counter(segment.tokens(text)) if text else Counter()


def _paragraphs(node: PlanNode) -> Iterable[PlanNode]:
    for child in node.children:
        if child.kind in PARAGRAPH_KINDS:
            yield child
        elif child.kind != SENTENCE:
            yield from _paragraphs(child)


def _count(word: str, place: str, context: Context) -> int:
    hits = context.tokens[place].get(word, 0)
    if not hits and (len(word) >= SUBSTRING_MIN or len(word) == 1):
        hits = context.places[place].count(word)
    return hits


ZONE_SUFFIXES = ("管理委员会", "管委会")  # 中新天津生态城管委会 governs 中新天津生态城: the zone's name names it


def _words(dept: Department) -> tuple[set[str], set[str]]:
    names = {n.strip() for n in (dept.name, dept.full_name, *dept.aliases) if len(n.strip()) >= 2}
    for name in list(names):
        for suffix in ZONE_SUFFIXES:
            if name.endswith(suffix) and len(name) - len(suffix) >= 3:
                names.add(name[: -len(suffix)])
    keywords = {k.strip() for k in dept.keywords if k.strip()}
    return keywords - GENERIC_WORDS, names - GENERIC_WORDS


def _evidence(words: set[str], names: set[str], context: Context) -> list[Evidence]:
    found = []
    everything = context.everything_text
    for word in words | names:
        if word not in everything:  # the places' tokens are all substrings of the places
            continue
        for place in (TEXT, LEAD, SECTION_TITLE, CHAPTER_TITLE):
            count = _count(word, place, context) if context.places[place] else 0
            if count:
                found.append(Evidence(word, place, count, word in names))
    return found


def _weight(item: Evidence) -> float:
    base = NAME_WEIGHT if item.is_name else 1.0
    if item.place == TEXT:
        return base * (1.0 + math.log(item.count))
    return base * PLACE_WEIGHT[item.place]


def score_departments(context: Context, departments: Sequence[Department]) -> list[tuple[float, Department, tuple[Evidence, ...]]]:
    """(raw score, department, evidence) for every department with evidence, unordered."""
    owners: Counter[str] = Counter()
    words = {}
    for dept in departments:
        keywords, names = _words(dept)
        words[id(dept)] = (keywords, names)
        owners.update(keywords | names)
    all_names = {name for _, names in words.values() for name in names}
    scored = []
    for dept in departments:
        keywords, names = words[id(dept)]
        found = _outside_longer_names(_evidence(keywords, names, context), names, all_names, context)
        if not found:
            continue
        score = sum(_weight(e) * commonness(e.word, context.corpus) / owners[e.word] for e in found)
        found.sort(key=lambda e: (-_weight(e), e.word, e.place))
        scored.append((round(score, 6), dept, tuple(found)))
    return scored


def _outside_longer_names(found: list[Evidence], own: set[str], all_names: set[str], context: Context) -> list[Evidence]:
    """A unit's name counts only where it is not part of another unit's longer name.

    「区科技局牵头」 names 区科技局, not 市科技局 through its alias 科技局.
    """
    kept = []
    for item in found:
        longer = [n for n in all_names if item.word in n and n not in own] if item.is_name else []
        if longer:
            text = context.places[item.place]
            inside = sum(text.count(n) * n.count(item.word) for n in longer)
            remaining = min(item.count, text.count(item.word) - inside)
            if remaining <= 0:
                continue
            item = Evidence(item.word, item.place, remaining, item.is_name)
        kept.append(item)
    return kept


def lead_factor(dept: Department, evidence: Sequence[Evidence]) -> float:
    """1 for municipal bodies and for a unit the section title names (中新天津生态城 in its box); less for others."""
    if dept.kind in MUNICIPAL or any(e.is_name and e.place == SECTION_TITLE for e in evidence):
        return 1.0
    return OTHER_LEAD_FACTOR


def suggest_for_node(
    node: PlanNode,
    departments: Sequence[Department],
    indicators: Sequence[Indicator] = (),
    *,
    limit: int = 5,
    include_retired: bool = False,
) -> NodeSuggestions:
    """Ranked, explained lead, support and indicator suggestions for one node."""
    if node.kind == PLAN or limit <= 0:
        return NodeSuggestions()
    context = context_of(node)
    if not any(context.places.values()):
        return NodeSuggestions()
    pool = [d for d in departments if include_retired or not d.retired]
    scored = score_departments(context, pool)

    leads = sorted(((round(s * lead_factor(d, e), 6), d, e) for s, d, e in scored), key=lambda i: (-i[0], i[1].sort_key()))
    lead = [DepartmentSuggestion(d, s, e) for s, d, e in leads[:limit]]
    first = lead[0].department if lead else None
    support_pool = sorted((item for item in scored if item[1] is not first), key=lambda item: (-item[0], item[1].sort_key()))
    support = [DepartmentSuggestion(d, s, e) for s, d, e in support_pool[:limit]]
    return NodeSuggestions(lead, support, suggest_indicators(context, indicators, limit=limit))


# -- indicators ------------------------------------------------------------------

MIN_INDICATOR_SCORE = 1.5  # below this the overlap is a common word or two, not the indicator
INDICATOR_STOP = frozenset({"综合", "能力", "天津", "生产", "核心", "加值", "增加值", "以上", "规模", "调查", "拥有量", "比重", "占", "增长", "比例", "总值", "总量", "增速", "数", "率", "年", "全市", "人均", "单位", "地区", "每", "拥有", "人口", "万人", "千人"})


def suggest_indicators(context: Context, indicators: Sequence[Indicator], *, limit: int = 5) -> list[IndicatorSuggestion]:
    """Indicators whose name words or keywords occur in the node's texts, best first."""
    ranked = []
    for position, indicator in enumerate(indicators):
        name_words, keywords = _indicator_words(indicator.name)
        found: list[Evidence] = []
        for word in name_words | keywords | {indicator.name}:
            if word not in context.everything_text:
                continue
            for place in (TEXT, LEAD, SECTION_TITLE):
                count = _count(word, place, context) if context.places[place] else 0
                if count:
                    found.append(Evidence(word, place, count, word == indicator.name))
        if not found:
            continue
        score = 0.0
        for item in found:
            weight = 4.0 if item.is_name else (1.5 if item.word in keywords else 1.0)
            weight *= commonness(item.word, context.corpus)
            score += weight * ((1.0 + math.log(item.count)) if item.place == TEXT else PLACE_WEIGHT[item.place])
        matched = {e.word for e in found if e.word in name_words}
        if matched:  # a few of the name's words: weighed by the share present
            score *= 0.5 + len(matched) / len(name_words)
        if indicator.parent_key:  # sub-rows follow their parent
            score *= 0.9
        if score < MIN_INDICATOR_SCORE:
            continue
        found.sort(key=lambda e: (-e.count, e.word))
        ranked.append((-round(score, 6), position, IndicatorSuggestion(indicator, round(score, 6), tuple(found))))
    ranked.sort(key=lambda r: r[:2])
    return [r[2] for r in ranked[:limit]]


@lru_cache(maxsize=1024)
def _indicator_words(name: str) -> tuple[frozenset[str], frozenset[str]]:
    """(words of the name that say something, extra keywords) of an indicator name."""
    name_words = frozenset(w for w in segment.tokens(name) if len(w) >= 2 and w not in INDICATOR_STOP)
    return name_words, frozenset(indicator_keywords(name)) - name_words


# -- explanations ------------------------------------------------------------------

PLACE_LABELS = {TEXT: "正文", LEAD: "首句", SECTION_TITLE: "节标题", CHAPTER_TITLE: "章标题"}


def explain(evidence: Sequence[Evidence], labels: dict[str, str] | None = None, *, limit: int = 6) -> str:
    """One line: 点名「天津海关」（正文）；碳×18（正文）；碳市场（节标题） ..., strongest first."""
    labels = labels or PLACE_LABELS
    parts = []
    for item in evidence[:limit]:
        word = f"点名「{item.word}」" if item.is_name else item.word
        times = f"×{item.count}" if item.count > 1 else ""
        parts.append(f"{word}{times}（{labels.get(item.place, item.place)}）")
    more = "…" if len(evidence) > limit else ""
    return "；".join(parts) + more


def as_dict(found: NodeSuggestions) -> dict[str, list[dict[str, object]]]:
    """Plain data for JSON: each suggestion with its score, reason and evidence."""

    def evidence(items: Sequence[Evidence]) -> list[dict[str, object]]:
        return [{"word": e.word, "where": e.place, "count": e.count, "name": e.is_name} for e in items]

    def department(s: DepartmentSuggestion) -> dict[str, object]:
        return {"department": s.department.name, "kind": s.department.kind, "score": s.score,
                "reason": explain(s.evidence), "evidence": evidence(s.evidence)}  # fmt: skip

    return {
        "lead": [department(s) for s in found.lead],
        "support": [department(s) for s in found.support],
        "indicators": [{"number": s.indicator.number, "indicator": s.indicator.name, "score": s.score,
                        "reason": explain(s.evidence), "evidence": evidence(s.evidence)} for s in found.indicators],
    }  # fmt: skip
