"""Real jieba and real OpenCC on the real seed articles (cleaned by the import path)."""

import pytest

from corpus.preparing import prepare
from corpus.resources import seeds_dir
from corpus.text.tokenizer import DictionaryError, Tokenizer, check_dictionary


@pytest.fixture(scope="module")
def tokenizer(tmp_path_factory):
    return Tokenizer(tmp_path_factory.mktemp("jieba")).initialize()


def words(tokenizer, text):
    return [text[start:end] for start, end in tokenizer.tokens(text)]


def seed_text(name):
    path = next(seeds_dir().glob(name + "*"))
    return prepare(path)[0].document.text


def test_tokens_cover_the_text_without_gaps(tokenizer):
    text = "平原县委书记王玉东介绍，严真细实快𠮷😀"
    spans = tokenizer.tokens(text)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:]))


def test_domain_words_are_single_tokens(tokenizer):
    found = words(tokenizer, "打造“五型”机关，落实严真细实快要求，一把手带头，四位一体推进")
    for word in ("五型", "严真细实快", "一把手", "四位一体"):
        assert word in found


def test_traditional_seeds_tokenize_into_sensible_words(tokenizer):
    text = seed_text("004")
    found = words(tokenizer, text)
    assert "(" not in "".join(found[:50])  # the pinyin artefacts are gone before tokenizing
    for word in ("項目", "建設", "工地", "機械", "幹部" if "幹部" in text else "干部"):
        assert word in found, word
    text = seed_text("002")
    found = words(tokenizer, text)
    for word in ("基層", "干部", "工作", "作風", "建設"):
        assert word in found, word


def test_shadow_keeps_length_and_offsets(tokenizer):
    text = "縣委書記說：發展經濟"
    shadow = tokenizer.shadow(text)
    assert len(shadow) == len(text) and shadow == "县委书记说：发展经济"
    assert words(tokenizer, text)[:2] == ["縣委書記", "說"]


def test_key_changes_with_the_domain_dictionary(tmp_path):
    one = tmp_path / "a.txt"
    one.write_text("五型 10 nz\n", encoding="utf-8")
    two = tmp_path / "b.txt"
    two.write_text("五型 10 nz\n四位一体 10 nz\n", encoding="utf-8")
    assert Tokenizer(tmp_path, one).key != Tokenizer(tmp_path, two).key


def test_bad_dictionary_lines_are_refused(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("五型\t10\tnz\n", encoding="utf-8")
    with pytest.raises(DictionaryError):
        check_dictionary(bad)


def test_jieba_cache_never_goes_to_the_shared_temp_folder(tokenizer, tmp_path):
    assert tokenizer._jieba.tmp_dir == str(tokenizer.cache_dir)


def test_the_process_tokenizer_gives_the_same_tokens(tokenizer, tmp_path):
    from corpus.text.tokenizer_process import ProcessTokenizer

    remote = ProcessTokenizer(tmp_path / "jieba")
    try:
        assert remote.key == tokenizer.key
        remote.initialize()
        assert remote.ready and not remote.in_process  # really in the child
        text = seed_text("004")
        assert remote.token_ends(text) == tokenizer.token_ends(text)
        remote.add_word("商南縣城鄉")
        assert (0, 5) in remote.tokens("商南縣城鄉便掀起")
    finally:
        remote.close()


def test_the_process_tokenizer_falls_back_in_process(tmp_path, monkeypatch):
    from concurrent.futures.process import BrokenProcessPool

    from corpus.text.tokenizer_process import ProcessTokenizer

    remote = ProcessTokenizer(tmp_path / "jieba")
    remote.close()

    def broken(*args, **kwargs):
        raise BrokenProcessPool("cannot spawn here")

    monkeypatch.setattr(remote._pool, "submit", broken)
    assert remote.initialize().ready and remote.in_process
    assert remote.tokens("平原县委")[-1][1] == 4
