"""Word documents: paragraphs and tables in order, core properties, corrupt files."""

from __future__ import annotations

import datetime

import docx
import pytest

from corpus.readers import read_path


@pytest.fixture
def article_docx(tmp_path):
    document = docx.Document()
    document.add_heading("平原：激活高质量发展原动力", level=1)
    document.add_paragraph("政治路线确定后，干部是决定因素。")
    paragraph = document.add_paragraph("第一行")
    paragraph.add_run().add_break()
    paragraph.add_run("第二行")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "合并单元格"
    table.cell(1, 0).text = "甲"
    table.cell(1, 1).text = "乙"
    document.add_paragraph("")
    document.add_paragraph("𠮷野家😀")
    properties = document.core_properties
    properties.title = "平原"
    properties.author = "张大伟"
    properties.created = datetime.datetime(2022, 2, 15, 1, 45, 39)
    properties.modified = datetime.datetime(2022, 2, 16)
    path = tmp_path / "article.docx"
    document.save(path)
    return path


def test_paragraphs_and_tables_in_order_with_core_properties(article_docx):
    [article] = read_path(article_docx)
    assert article.format == "docx"
    assert article.text == article.raw == ("平原：激活高质量发展原动力\n政治路线确定后，干部是决定因素。\n"
                                           "第一行\n第二行\n合并单元格\n甲\n乙\n\n𠮷野家😀")
    assert article.text_map.to_json() == [[0, len(article.text), 0, len(article.raw), 1]]
    assert article.meta == {"title": "平原", "author": "张大伟",
                            "created": "2022-02-15T01:45:39+00:00",
                            "modified": "2022-02-16T00:00:00+00:00"}


def test_a_truncated_docx_is_a_clear_failure(article_docx, tmp_path):
    broken = tmp_path / "broken.docx"
    broken.write_bytes(article_docx.read_bytes()[:2000])
    [failure] = read_path(broken)
    assert failure.name == "broken.docx"
    assert failure.reason == "not a readable .docx file (not a zip archive, or a damaged one)"


def test_a_zip_that_is_not_a_word_document(tmp_path):
    import zipfile

    path = tmp_path / "other.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "你好")
    [failure] = read_path(path)
    assert failure.reason.startswith("not a readable .docx file")
    path.rename(tmp_path / "archive")
    [failure] = read_path(tmp_path / "archive")
    assert failure.reason == "looks like a binary file (a zip archive)"


def test_an_empty_document_and_a_docx_without_its_extension(tmp_path, article_docx):
    empty = tmp_path / "empty.docx"
    docx.Document().save(empty)
    [failure] = read_path(empty)
    assert failure.reason == "the document has no text"
    renamed = tmp_path / "download"
    renamed.write_bytes(article_docx.read_bytes())
    [article] = read_path(renamed)
    assert article.format == "docx" and article.text.startswith("平原")


def test_a_zip_bomb_posing_as_docx_is_refused_by_what_it_expands_to():
    import io
    import zipfile

    from corpus.readers import read_bytes

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document>" + "长" * 3_000_000
                         + "</w:document>")
    data = out.getvalue()
    assert len(data) < 100_000
    (failure,) = read_bytes(data, "bomb.docx", suffix=".docx", max_bytes=1024 * 1024)
    assert failure.reason.startswith("expands to 9 MB, more than the 1 MB limit (--max-size)")
