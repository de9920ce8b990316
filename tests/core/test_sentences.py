"""Sentence splitting keeps quotes and brackets whole."""

from __future__ import annotations

from workbench.core.sentences import lead_phrase, paragraph_title, split_sentences


def test_split_at_terminators_keeps_text():
    text = "深化协同创新。共建创新中心；强化联合攻关！是否可行？最后一句"
    parts = split_sentences(text)
    assert parts == ["深化协同创新。", "共建创新中心；", "强化联合攻关！", "是否可行？", "最后一句"]
    assert "".join(parts) == text


def test_no_split_inside_quotes_or_brackets():
    text = "落实“两个确立。两个维护。”要求。推进（一是创新。二是开放。）工作。引用《方案。》。"
    assert split_sentences(text) == ["落实“两个确立。两个维护。”要求。", "推进（一是创新。二是开放。）工作。", "引用《方案。》。"]


def test_closing_quote_stays_with_its_sentence():
    assert split_sentences("他说：“要干。”然后走了。") == ["他说：“要干。”然后走了。"]
    assert split_sentences("打造“津城”。建设“滨城”。") == ["打造“津城”。", "建设“滨城”。"]


def test_lead_phrase_rules():
    assert lead_phrase("深化京津冀协同创新共同体建设。共建北京国际科技创新中心。") == "深化京津冀协同创新共同体建设"
    assert lead_phrase("坚持高端、绿色、安全发展，加快炼化装置产品结构调整。") is None
    assert paragraph_title("坚持高端、绿色、安全发展，加快炼化装置产品结构调整。") == "坚持高端、绿色、安全发展，加快炼…"
    assert paragraph_title("实施“强基工程”，夯实基层服务网底。明晰定位。", allow_comma=True) == "实施“强基工程”，夯实基层服务网底"
