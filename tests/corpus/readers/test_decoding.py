"""Bytes → text: each encoding Chinese news arrives in, forced codecs, and bad bytes."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

import pytest

from corpus.readers import read_path
from corpus.readers.decoding import ReadError, decode
from tests.conftest import ROOT
from tests.corpus.readers.checks import SIMPLIFIED, TRADITIONAL

ENCODED = [
    ("utf-8", SIMPLIFIED, SIMPLIFIED.encode("utf-8"), "utf-8"),
    ("utf-8 with BOM", SIMPLIFIED, SIMPLIFIED.encode("utf-8-sig"), "utf-8-sig"),
    ("utf-16 LE with BOM", SIMPLIFIED, SIMPLIFIED.encode("utf-16"), "utf-16"),
    ("utf-16 BE with BOM", SIMPLIFIED, codecs.BOM_UTF16_BE + SIMPLIFIED.encode("utf-16-be"),
     "utf-16"),
    ("utf-32 with BOM", SIMPLIFIED, SIMPLIFIED.encode("utf-32"), "utf-32"),
    ("gb18030", SIMPLIFIED, SIMPLIFIED.encode("gb18030"), "gb18030"),
    ("gbk, decoded as its superset", SIMPLIFIED, SIMPLIFIED.encode("gbk"), "gb18030"),
    ("big5", TRADITIONAL, TRADITIONAL.encode("big5"), "big5"),
    ("traditional in gb18030", TRADITIONAL, TRADITIONAL.encode("gb18030"), "gb18030"),
]


@pytest.mark.parametrize("label, text, data, expected", ENCODED, ids=[e[0] for e in ENCODED])
def test_each_encoding_decodes_to_the_same_text(label, text, data, expected):
    assert decode(data, "a.txt") == (text, expected)


@pytest.mark.parametrize("label, text, data, expected", ENCODED, ids=[e[0] for e in ENCODED])
def test_read_path_records_the_encoding(tmp_path, label, text, data, expected):
    path = tmp_path / "article.txt"
    path.write_bytes(data)
    [article] = read_path(path)
    assert (article.text, article.raw, article.encoding) == (text, text, expected)


def _windows(text: str, size: int = 200, step: int = 150) -> list[str]:
    return [text[i:i + size] for i in range(0, len(text) - size, step)]


def test_detection_on_200_character_windows_of_the_seeds():
    """GB18030 vs Big5 on realistic lengths: every window of the seeds is right."""
    read = {n: p.read_text(encoding="utf-8") for n, p in _seeds().items()}
    simplified = read["001"] + read["003"]
    # Seed 004 without its pinyin artefacts is Big5-clean Traditional text.
    traditional = re.sub(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)", "", read["004"])
    cases = [(w, "gb18030") for w in _windows(simplified)]
    cases += [(w, encoding) for w in _windows(traditional) for encoding in ("big5", "gb18030")
              if _encodable(w, "big5")]
    assert len(cases) > 60
    wrong = [(w[:20], e) for w, e in cases if decode(w.encode(e), "w") != (w, e)]
    assert wrong == []


def _encodable(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


def _seeds() -> dict[str, Path]:
    return {p.name[:3]: p for p in sorted((ROOT / "seeds").glob("*.txt"))}


def test_forced_encoding_overrides_detection():
    data = TRADITIONAL.encode("big5")
    assert decode(data, "a.txt", forced="big5") == (TRADITIONAL, "big5")
    assert decode(SIMPLIFIED.encode("gbk"), "a.txt", forced="GBK") == (SIMPLIFIED, "gb18030")
    assert decode(SIMPLIFIED.encode("gb2312"), "a", forced="gb2312")[1] == "gb18030"
    assert decode(SIMPLIFIED.encode("utf-16-le"), "a", forced="utf_16_le") == \
        (SIMPLIFIED, "utf-16-le")
    assert decode(SIMPLIFIED.encode("utf-8-sig"), "a", forced="utf8") == \
        (SIMPLIFIED, "utf-8-sig")


def test_forced_encoding_with_replace_keeps_undecodable_bytes_visible():
    data = SIMPLIFIED.encode("utf-8")[:-2]   # "。\n": the last character cut in half
    text, encoding = decode(data, "a.txt", forced="utf-8:replace")
    assert encoding == "utf-8" and text.endswith("\ufffd")


def test_a_bad_forced_encoding_is_a_clear_failure(tmp_path):
    with pytest.raises(ReadError, match="unknown encoding 'klingon'"):
        decode(b"abc", "a.txt", forced="klingon")
    with pytest.raises(ReadError, match=r"cannot be decoded as utf-8: byte 4 \(cf d8"):
        decode(SIMPLIFIED.encode("gb18030"), "a.txt", forced="utf-8")
    path = tmp_path / "a.txt"
    path.write_bytes(SIMPLIFIED.encode("gb18030"))
    [failure] = read_path(path, encoding="big5")
    assert failure.name == "a.txt" and "cannot be decoded as big5" in failure.reason


def test_empty_and_binary_files_are_refused_with_a_reason():
    with pytest.raises(ReadError, match="the file is empty"):
        decode(b"", "a.txt")
    with pytest.raises(ReadError, match="the file is empty"):
        decode(codecs.BOM_UTF8, "a.txt")
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    with pytest.raises(ReadError, match="looks like a binary file"):
        decode(png, "a.png")
    no_nul = bytes(range(1, 256)) * 40       # control bytes, no NUL
    with pytest.raises(ReadError, match="looks like a binary file"):
        decode(no_nul, "a.bin")
    with pytest.raises(ReadError, match="looks like a binary file"):
        decode(codecs.BOM_UTF16_LE + "a\x00b".encode("utf-16-le"), "a.txt")


def test_damaged_utf8_is_refused_not_guessed():
    data = SIMPLIFIED.encode("utf-8")
    for damaged in (data[:-2], data[:40] + b"\xff" + data[41:]):
        with pytest.raises(ReadError, match=r"not valid UTF-8: byte [\d,]+ .*--encoding"):
            decode(damaged, "a.txt")


def test_bytes_in_no_known_encoding_are_undecodable():
    data = SIMPLIFIED.encode("gb18030")[:-2]   # cut in the middle of the last character
    with pytest.raises(ReadError, match="the encoding could not be recognised"):
        decode(data, "a.txt")


def test_a_broken_bom_file_names_its_encoding():
    with pytest.raises(ReadError, match="UTF-16 byte order mark but is not valid UTF-16"):
        decode(codecs.BOM_UTF16_LE + "平原".encode("utf-16-le") + b"\x00", "a.txt")
