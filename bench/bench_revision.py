"""Revision matching speed: the seed against its revised draft, and a plan 50 times the seed's size
against its revision, each beside a floor measured in the same run: pairing the same nodes by their
exact content hash (what matching costs when nothing changed and nothing needs fuzzy comparison).

Run: python3 bench/bench_revision.py
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import synthetic_plan_text  # noqa: E402
from timing import best_of  # noqa: E402

from tests.revision_drafts import draft_revision  # noqa: E402
from workbench import paths  # noqa: E402
from workbench.core.importing import import_lines  # noqa: E402
from workbench.core.plan import content_hash  # noqa: E402
from workbench.core.revision import match_plans  # noqa: E402

CHAPTER = re.compile(r"^\s*第[一二三四五六七八九十百零]+章")


def exact_hash_floor(old, new) -> int:
    """Pair nodes whose content hash is identical: the cheapest matching there is.  The hashes are
    computed in each run (matching, too, normalises every text each time)."""
    by_hash: dict[str, list] = {}
    for node in new.nodes():
        by_hash.setdefault(content_hash(node.kind, node.label, node.title, node.text), []).append(node)
    paired = 0
    for node in old.nodes():
        twins = by_hash.get(content_hash(node.kind, node.label, node.title, node.text))
        if twins:
            twins.pop()
            paired += 1
    return paired


def distinct_copies(text: str, chapters_per_copy: int) -> str:
    """The synthetic plan repeats the seed's body; mark each copy's paragraphs so that every clause
    is unique, as in a real plan (a body repeated verbatim 50 times is not one)."""
    out, seen = [], 0
    for line in text.split("\n"):
        if CHAPTER.match(line):
            seen += 1
        copy = max(0, (seen - 1) // chapters_per_copy)
        if copy and len(line) > 30 and "。" in line:
            line = line.replace("。", f"（第{copy}组）。", 1)
        out.append(line)
    return "\n".join(out)


def main() -> None:
    seed_text = paths.SEED_PLAN.read_text(encoding="utf-8")
    lines = seed_text.split("\n")
    seed = import_lines(lines, "seed.txt")
    revised_lines, _ = draft_revision(lines, seed)
    chapters = seed.count("chapter")
    big_old_text = distinct_copies(synthetic_plan_text(seed_text, 50), chapters)
    big_new_text = distinct_copies(synthetic_plan_text("\n".join(revised_lines), 50), chapters)
    cases = [
        ("seed vs itself", seed, import_lines(lines, "same.txt"), 5),
        ("seed vs revision", seed, import_lines(revised_lines, "rev.txt"), 5),
        ("50x vs 50x revision", import_lines(big_old_text.split("\n"), "big.txt"),
         import_lines(big_new_text.split("\n"), "big-rev.txt"), 2),
    ]
    print(f"{'case':<22}{'nodes':>9}{'floor s':>10}{'match s':>10}{'ratio':>8}   changed paragraphs")
    for label, old, new, repeat in cases:
        nodes = sum(1 for _ in old.nodes())
        floor = best_of(lambda: exact_hash_floor(old, new), repeat)
        start = time.perf_counter()
        revision = match_plans(old, new)
        once = time.perf_counter() - start
        matching = min(once, best_of(lambda: match_plans(old, new), repeat - 1)) if repeat > 1 else once
        counts = revision.counts(frozenset({"clause", "box_item"}))
        changed = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()) if k != "unchanged")
        print(f"{label:<22}{nodes:>9}{floor:>10.4f}{matching:>10.3f}{matching / floor:>8.1f}   {changed or '-'}")
    carry_figures(lines, revised_lines)


def carry_figures(lines: list[str], revised_lines: list[str]) -> None:
    """The whole `import --revision-of` on a fully tagged seed workspace (match, store, carry every tag
    as audited events), beside importing the same document as a plain plan."""
    import tempfile

    from tests.revision_drafts import tag_fully
    from workbench.storage.audit.audit import Reviewer
    from workbench.storage.files.database import open_workspace
    from workbench.storage.repository import Repository

    with tempfile.TemporaryDirectory() as tmp:
        old_file, new_file = Path(tmp) / "draft.txt", Path(tmp) / "approved.txt"
        old_file.write_text("\n".join(lines), encoding="utf-8")
        new_file.write_text("\n".join(revised_lines), encoding="utf-8")
        from workbench.core.importing import import_file

        repo = Repository(open_workspace(Path(tmp) / "a.sqlite"), Reviewer("bench"))
        old_id = repo.import_plan(import_file(old_file)).plan_id
        tag_fully(repo, old_id)
        plain = Repository(open_workspace(Path(tmp) / "b.sqlite"), Reviewer("bench"))
        new_plan = import_file(new_file)
        start = time.perf_counter()
        plain.import_plan(new_plan)
        floor = time.perf_counter() - start
        new_plan = import_file(new_file)
        start = time.perf_counter()
        result = repo.import_revision(new_plan, revision_of=old_id)
        took = time.perf_counter() - start
        print(f"\nimport --revision-of, seed fully tagged: {took:.3f} s ({result.events} events, "
              f"{result.carried} nodes carried), plain import of the same file {floor:.3f} s, "
              f"ratio {took / floor:.1f}")


if __name__ == "__main__":
    main()
