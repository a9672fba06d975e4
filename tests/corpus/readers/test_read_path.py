"""read_path and expand_inputs: format detection, the seeds, and every kind of bad input."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from corpus.article import ImportFailure, RawArticle
from corpus.readers import SUPPORTED, detect_format, expand_inputs, read_bytes, read_path
from tests.conftest import ROOT
from tests.corpus.readers.checks import SIMPLIFIED, assert_article_maps_back

SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def one_article(path: Path, **options) -> RawArticle:
    [article] = read_path(path, **options)
    assert isinstance(article, RawArticle), article
    assert_article_maps_back(article)
    return article


def one_failure(path: Path, **options) -> ImportFailure:
    [failure] = read_path(path, **options)
    assert isinstance(failure, ImportFailure), failure
    return failure


# -- the seeds -----------------------------------------------------------------------------

def test_seed_000_is_a_jekyll_post_with_html_paragraphs():
    article = one_article(SEEDS[0])
    assert (article.name, article.format, article.encoding) == (SEEDS[0].name, "markdown",
                                                                "utf-8")
    assert article.meta["title"] == "平原：激活高质量发展原动力"
    assert article.meta["date"].startswith("2022-02-15")
    assert article.meta["categories"] == "dazhongribao"
    assert article.raw == SEEDS[0].read_text(encoding="utf-8")
    assert article.text.startswith("政治路线确定后，干部是决定因素。")
    assert "\n“加强机关自身建设，从个人层面讲" in article.text
    assert "---" not in article.text and "layout: post" not in article.text
    assert "<p" not in article.text and "</p>" not in article.text
    assert "投资规模均居德州市前列\n（文章来源：大众日报）\n<http://finews.zning.xyz/" in article.text
    assert article.text.endswith("[返回首页](//finews.withounder.com/)")
    assert "\n\n" not in article.text.split("<http")[0]       # one break per paragraph


@pytest.mark.parametrize("seed", SEEDS[1:], ids=lambda p: p.name[:3])
def test_the_plain_seeds_are_text_unchanged(seed):
    article = one_article(seed)
    assert (article.format, article.encoding, article.meta) == ("text", "utf-8", {})
    assert article.text == article.raw == seed.read_text(encoding="utf-8")


@pytest.mark.parametrize("encoding", ["gb18030", "utf-16"])
def test_a_seed_in_another_encoding_reads_the_same(tmp_path, encoding):
    text = SEEDS[3].read_text(encoding="utf-8")
    path = tmp_path / "003.txt"
    path.write_bytes(text.encode(encoding))
    article = one_article(path)
    assert (article.text, article.encoding) == (text, encoding)


# -- format detection ----------------------------------------------------------------------

def test_format_comes_from_extension_and_content(tmp_path):
    cases = {
        "post.txt": ("---\ntitle: 题\n---\n正文", "markdown"),
        "page.txt": ("<p>第一段</p><p>第二段</p>", "html"),
        "page.htm": ("只有文字", "html"),
        "notes.md": ("# 标题\n\n<b>粗</b>体<i>斜</i>", "markdown"),
        "plain.txt": ("a < b，c > d", "text"),
        "noext": ("<!DOCTYPE html><p>正文</p>", "html"),
        "page.php": (SIMPLIFIED, "text"),
        "jekyll.html": ("---\ntitle: 题\n---\n<p>正文</p>", "markdown"),
    }
    for name, (content, expected) in cases.items():
        path = tmp_path / name
        path.write_text(content, encoding="utf-8")
        assert one_article(path).format == expected, name


def test_a_format_can_be_forced(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text("<p>正文</p>", encoding="utf-8")
    assert one_article(path, format="text").text == "<p>正文</p>"
    assert one_failure(path, format="pdf").reason.startswith("unknown format 'pdf'")


def test_detect_format_and_supported():
    assert detect_format("正文", ".CSV") == "csv"
    assert detect_format("---\ntitle: x\n---\n", ".md") == "markdown"
    assert {".txt", ".md", ".html", ".htm", ".docx", ".csv", ".tsv", ".jsonl", ".json"} <= \
        set(SUPPORTED)


# -- bad input -----------------------------------------------------------------------------

def test_bad_files_each_get_a_one_line_reason(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text(" \n\t\n", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(500))
    (tmp_path / "cut.txt").write_bytes(SIMPLIFIED.encode("utf-8")[:-2])
    (tmp_path / "scripts.html").write_text("<script>x()</script><style>p{}</style>", "utf-8")
    (tmp_path / "folder").mkdir()
    (tmp_path / "a.hanmark").write_bytes(b"SQLite format 3\x00")
    reasons = {name: one_failure(tmp_path / name).reason for name in (
        "empty.txt", "blank.txt", "image.png", "cut.txt", "scripts.html", "folder",
        "missing.txt", "a.hanmark")}
    assert reasons["empty.txt"] == "the file is empty"
    assert reasons["blank.txt"] == "the file has only whitespace"
    assert reasons["image.png"].startswith("looks like a binary file")
    assert reasons["cut.txt"].startswith("not valid UTF-8: byte 5")
    assert reasons["scripts.html"] == "no text outside the HTML markup"
    assert reasons["folder"] == "is a folder, not a file"
    assert reasons["missing.txt"] == "no such file or folder"
    assert reasons["a.hanmark"] == "is a Hanmark project file, not an article"
    assert all("\n" not in reason for reason in reasons.values())


def test_a_10_mb_file_is_over_the_limit(tmp_path):
    path = tmp_path / "huge.txt"
    article = SIMPLIFIED.encode("utf-8")
    path.write_bytes(article * (10 * 1024 * 1024 // len(article) + 1))     # just over 10 MB
    failure = one_failure(path)
    assert failure.name == "huge.txt"
    assert failure.reason == "the file is too large: 10.0 MB (the limit is 8.0 MB)"
    assert one_failure(path, max_bytes=100).reason.endswith("(the limit is 100 bytes)")
    [article] = read_path(path, max_bytes=11 * 1024 * 1024)
    assert len(article.text) > 3_000_000


def test_an_unreadable_file(tmp_path, monkeypatch):
    path = tmp_path / "locked.txt"
    path.write_text("正文", encoding="utf-8")

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("corpus.readers.open", refuse, raising=False)
    assert one_failure(path).reason == "cannot be read: Permission denied"


def test_a_readers_bug_is_a_failure_not_a_crash(monkeypatch):
    def broken(raw, name, encoding):
        raise RuntimeError("boom")

    monkeypatch.setitem(__import__("corpus.readers").readers._READERS, "text", broken)
    [failure] = read_bytes("正文".encode(), "a.txt", suffix=".txt")
    # The user reads words; the exception's text goes to the log only.
    assert failure.reason.startswith("could not be read: its content is of a form")
    assert "RuntimeError" not in failure.reason and "boom" not in failure.reason


def test_names_can_be_given():
    [article] = read_bytes("正文".encode(), "news/2022/a.txt", suffix=".txt")
    assert article.name == "news/2022/a.txt"


# -- expand_inputs -------------------------------------------------------------------------

@pytest.fixture
def tree(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    files = ["news/b.txt", "news/a.html", "news/sub/c.md", "news/sub/deep/d.json",
             "news/.hidden.txt", "news/.git/e.txt", "news/project.hanmark",
             "news/project.hanmark-wal", "news/project.hanmark-shm", "news/~$draft.docx",
             "news/photo.png", "news/README", "top.txt", "other/x.csv"]
    for name in files:
        Path(name).parent.mkdir(parents=True, exist_ok=True)
        Path(name).write_text("正文", encoding="utf-8")
    return tmp_path


def as_posix(paths):
    return [path.as_posix() for path in paths]


PHOTO = ImportFailure(str(Path("news/photo.png")), "not a kind of file Hanmark imports (.png)",
                      skipped=True)


def test_a_folder_is_searched_recursively_in_a_stable_order(tree):
    files, failures = expand_inputs(["news"])
    assert as_posix(files) == ["news/README", "news/a.html", "news/b.txt", "news/sub/c.md",
                               "news/sub/deep/d.json"]
    # every file has an outcome: those passed over are skipped, each saying why
    assert PHOTO in failures and all(f.skipped for f in failures)
    reasons = {Path(f.name).as_posix(): f.reason for f in failures}
    assert set(reasons) == {"news/.git", "news/.hidden.txt", "news/photo.png",
                            "news/project.hanmark", "news/project.hanmark-shm",
                            "news/project.hanmark-wal", "news/~$draft.docx"}
    assert reasons["news/.hidden.txt"].startswith("hidden (its name starts with a dot)")
    assert reasons["news/.git"] == "a hidden folder (its name starts with a dot): not searched"
    assert "Office lock file" in reasons["news/~$draft.docx"]
    assert "project file" in reasons["news/project.hanmark-wal"]


def test_files_globs_and_missing_paths(tree):
    files, failures = expand_inputs(["top.txt", "news/photo.png", "*.txt", "news/**/*.md",
                                     "other", "missing.txt", "none/*.txt", "top.txt"])
    assert as_posix(files) == ["top.txt", "news/photo.png", "news/sub/c.md", "other/x.csv"]
    assert failures == [ImportFailure("missing.txt", "no such file or folder"),
                        ImportFailure("none/*.txt", "no file matches this pattern")]


def test_a_glob_skips_hidden_and_project_files(tree):
    files, failures = expand_inputs(["news/*"])
    assert as_posix(files) == ["news/README", "news/a.html", "news/b.txt", "news/photo.png",
                               "news/sub/c.md", "news/sub/deep/d.json"]
    assert sorted(Path(f.name).as_posix() for f in failures if f.skipped) == [
        "news/project.hanmark", "news/project.hanmark-shm", "news/project.hanmark-wal",
        "news/~$draft.docx"]


def test_an_unreadable_folder_is_reported(tree, monkeypatch):
    scandir = os.scandir

    def refuse_sub(path="."):
        if Path(path).name == "sub":
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refuse_sub)
    files, failures = expand_inputs(["news"])
    assert as_posix(files) == ["news/README", "news/a.html", "news/b.txt"]
    assert PHOTO in failures
    assert [f for f in failures if not f.skipped] == [ImportFailure(
        str(Path("news/sub")), "the folder cannot be read: Permission denied")]
