"""The jieba segmenter: lazy, thread-safe start, user dictionary, tokens for index and query."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from workbench.core import segment

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module", autouse=True)
def segmenter(tmp_path_factory):
    segment.initialise(cache_dir=tmp_path_factory.mktemp("jieba"))


def run_fresh(code: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """Run code in a new interpreter whose user data dir is tmp_path."""
    env = dict(os.environ, WORKBENCH_DATA_DIR=str(tmp_path), PYTHONPATH=str(ROOT))
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, cwd=ROOT, env=env, timeout=120
    )


def test_import_loads_nothing_and_threads_share_one_tokenizer(tmp_path):
    result = run_fresh(
        """
        import sys, threading
        from workbench.core import segment
        assert "jieba" not in sys.modules, "jieba imported at import time"
        assert not segment.is_ready()
        import jieba
        made = []
        class Counting(jieba.Tokenizer):
            def __init__(self, *a, **k):
                made.append(self)
                super().__init__(*a, **k)
        jieba.Tokenizer = Counting
        results = []
        threads = [threading.Thread(target=lambda: results.append(segment.tokens("港口和财政"))) for _ in range(6)]
        for t in threads: t.start()
        for t in threads: t.join()
        assert segment.is_ready()
        assert len(made) == 1, len(made)
        assert all(r == ["港口", "和", "财政"] for r in results), results
        print("ok")
        """,
        tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
    assert result.stderr == "", "jieba logged to stderr"
    assert (tmp_path / "cache" / "jieba.cache").is_file(), "jieba's cache is not in the user data dir"


def test_add_words_makes_a_token_and_changes_the_fingerprint(tmp_path):
    result = run_fresh(
        """
        from workbench.core import segment
        segment.initialise()
        before = segment.dictionary_fingerprint()
        assert "蓝鲸塔" not in segment.tokens("建设蓝鲸塔工程")
        assert segment.add_words(["蓝鲸塔", " "]) == 1
        assert segment.add_words(["蓝鲸塔"]) == 0
        assert "蓝鲸塔" in segment.tokens("建设蓝鲸塔工程")
        assert segment.dictionary_fingerprint() != before
        print("ok")
        """,
        tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"


def test_initialise_is_idempotent_and_ready():
    segment.initialise()
    assert segment.is_ready()
    fingerprint = segment.dictionary_fingerprint()
    segment.initialise()
    assert segment.dictionary_fingerprint() == fingerprint


def test_user_dictionary_holds_plan_vocabulary_and_department_words():
    words = segment.user_words()
    assert {"新质生产力", "京津同城化", "中新天津生态城"} <= words  # resources/segment_words.txt
    assert {"市发展改革委", "市发改委", "天津市教育委员会"} <= words  # registry names, aliases, full names
    assert "产教融合" in words  # a registry keyword
    assert not any(w.startswith("#") or not w.strip() for w in words)


def test_tokens_drop_punctuation_and_whitespace():
    toks = segment.tokens("推动“港产城”融合发展， 提升 PM2.5 治理。\n")
    assert toks
    assert all(t.strip() and t not in "“”，。" for t in toks)
    assert "融合" in toks and "PM2.5" in toks


def test_search_mode_indexes_words_and_their_parts():
    toks = segment.tokens("京津冀协同发展，培育新质生产力，建设滨海新区")
    assert {"京津冀", "京津", "新质生产力", "生产力", "滨海新区", "滨海", "新区", "协同", "发展"} <= set(toks)


def test_user_words_are_cut_whole():
    assert "智能网联汽车" in segment.tokens("推动智能网联汽车测试")
    # precise mode (queries) keeps it whole; stock jieba cuts 智能网 / 联 / 汽车
    assert segment.query_tokens("推动智能网联汽车测试") == ["推动", "智能网联汽车", "测试"]
    assert "市发展改革委" in segment.tokens("由市发展改革委牵头")


def test_query_tokens_tile_compounds_into_indexed_parts():
    assert segment.query_tokens("协同创新") == ["协同", "创新"]
    assert segment.query_tokens("京津冀协同发展") == ["京津冀", "协同", "发展"]
    assert segment.query_tokens("新质生产力") == ["新质生产力"]  # 新质 is no dictionary word: stays whole
    assert segment.query_tokens("港口") == ["港口"]
    assert segment.query_tokens(" 港口，港口 财政 ") == ["港口", "财政"]


def test_query_parts_are_indexed_wherever_the_word_is():
    for text in ("深化京津冀协同创新共同体建设", "全面加强协同创新和产业协作"):
        toks = set(segment.tokens(text))
        assert set(segment.query_tokens("协同创新")) <= toks


def test_empty_and_punctuation_only():
    assert segment.tokens("") == []
    assert segment.tokens("  ，。") == []
    assert segment.query_tokens("   ") == []
    assert segment.query_tokens("“”") == []
