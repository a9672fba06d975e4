"""Bad inputs replayed through ``hanmark import --json``, run as a user runs it.

The stored corpus (tests/fixtures/bad_inputs, described in tests/fixtures/README.md)
and inputs made here (100k nested HTML tags, a symbolic-link loop, hidden files,
odd file names, enormous lines, a very wide CSV) are each imported into a fresh
project.  For every case: the exit code; no traceback and no internal exception
text on stdout, stderr or in the JSON report; every file given named in the
report, each failure and skip with a reason in words; the files given equal the
files the report counts (nothing dropped in silence); and a case that imports
nothing leaves the project as it was.

Files refused whole, files that import cleanly and the large made inputs are imported in
groups (each file still checked on its own), and the imports run two at a time in one
module fixture: a process start is most of a case's cost.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from corpus.readers import printable
from storage.project import Project
from tests.conftest import ROOT, run_hanmark

FIXTURES = ROOT / "tests" / "fixtures" / "bad_inputs"
TEXT = "德州市审计局召开会议，王玉东出席。"
INTERNAL = re.compile(r"Traceback|\b[A-Z]\w*(Error|Exception|Warning)\b|object has no attribute|"
                      r"object is not|invalid literal for|unhashable|codec can't|\[Errno|"
                      r"\[E\d{3,}\]|internal error|sqlite3\.|BadZipFile|values to unpack|"
                      r"index out of range|argument must be|takes \d+ positional")
WORDS = re.compile(r"[a-z]{2,}\W+[a-z]{2,}", re.IGNORECASE)
BRAT_PAIRS = ("binary", "empty", "brat-wrong-types")
EXTENSIONS = (".txt", ".md", ".html", ".docx", ".csv", ".tsv", ".jsonl", ".json", ".conll",
              ".bio", ".bmes", ".ann", ".spacy")
# The groups whose every file is refused (each file's outcomes are all failures or skips)
REFUSED = ("empty under every extension", "binary under every extension",
           "truncated and bit-flipped", "undecodable", "refused whole")
# The cases that import everything they hold (exit 0); every other case has a failure.
IMPORT_CLEANLY = {"imports cleanly", "made:large inputs", "folder:hidden-files",
                  "folder:odd-names", "odd names given one by one"}


@dataclass
class Case:
    name: str
    inputs: list[Path]      # what the command line names
    files: list[Path]       # the files (and passed-over folders) those stand for


def _groups() -> dict[str, list[str]]:
    """Files that are refused whole, imported together (one process start for many);
    each file is still checked on its own: named, with its reason, counted."""
    groups = {f"{kind} under every extension": [f"{kind}{ext}" for ext in EXTENSIONS]
              for kind in ("empty", "binary")}
    groups["truncated and bit-flipped"] = [
        "truncated.json", "truncated.jsonl", "truncated.docx", "bitflipped.csv",
        "bitflipped.docx", "bitflipped.json", "bitflipped.jsonl"]
    groups["undecodable"] = ["invalid-utf8.txt", "invalid-utf8.csv", "nul-bytes.txt",
                             "nul-bytes.jsonl", "utf16-no-bom.txt", "utf16-no-bom.csv"]
    groups["refused whole"] = [
        "deeply-nested.json", "deeply-nested-meta.jsonl", "zip-bomb.docx", "not-a-zip.docx",
        "csv-no-text-column.csv", "json-not-records.json", "bigint-meta.jsonl", "orphan.ann",
        "no-tokens.conll"]
    groups["imports cleanly"] = [
        "brat-wrong-types.txt", "labelstudio-prediction-ids.json", "markdown-alias-bomb.md",
        "markdown-bad-front-matter.md", "no-extension", "truncated.csv", "unknown.xyz",
        "wrong-types-doccano-label.jsonl", "wrong-types-doccano-meta.jsonl",
        "wrong-types-labelstudio-annotations.json", "空 格 名称 文章.txt"]
    groups.update({f"brat pair {stem}": [f"{stem}.txt", f"{stem}.ann"] for stem in BRAT_PAIRS})
    return groups


def _singles() -> list[str]:
    grouped = {name for names in _groups().values() for name in names}
    return [path.name for path in sorted(FIXTURES.iterdir()) if path.name not in grouped]


def _stored_cases(work: Path) -> list[Case]:
    """The groups, and every other stored file on its own, each in a folder of its own."""
    cases = [_copied(work, name, files) for name, files in _groups().items()]
    return cases + [_copied(work, name, [name]) for name in _singles()]


def _copied(work: Path, name: str, files: list[str]) -> Case:
    folder = work / f"case-{len(list(work.iterdir()))}"
    folder.mkdir()
    for file in files:
        shutil.copy(FIXTURES / file, folder / file)
    paths = [folder / file for file in files]
    return Case(name, paths, paths)


def _made(work: Path, name: str, files: dict[str, bytes]) -> Case:
    folder = work / f"made-{name}"
    folder.mkdir()
    paths = [folder / file_name for file_name in files]
    for path, data in zip(paths, files.values()):
        path.write_bytes(data)
    return Case(f"made:{name}", paths, paths)


def _folder_files(folder: Path) -> list[Path]:
    """What a folder import must account for: each file, and each folder it does not
    enter (hidden, or a link) as one."""
    found = []
    for root, folders, names in os.walk(folder):
        kept = []
        for name in folders:
            path = Path(root, name)
            (found.append(path) if name.startswith(".") or path.is_symlink()
             else kept.append(name))
        folders[:] = kept
        found += [Path(root, name) for name in names]
    return found


def _made_cases(work: Path) -> list[Case]:
    cases = [_made(work, "large inputs", {
        "nested.html": b"<div>" * 100_000 + TEXT.encode() + b"</div>" * 100_000,
        "long-line.txt": ("长" * 2_000_000).encode(),
        "wide.csv": (",".join(f"c{i}" for i in range(20_000)) + ",text\n"
                     + ",".join("v" for _ in range(20_000)) + f",{TEXT}\n").encode(),
        "field.csv": b"a,text\n1," + b"x" * 5_000_000 + b"\n"})]
    loop = work / "symlink-loop"
    (loop / "inner").mkdir(parents=True)
    (loop / "a.txt").write_text(TEXT, encoding="utf-8")
    (loop / "inner" / "b.txt").write_text("第二篇：" + TEXT, encoding="utf-8")
    os.symlink(loop, loop / "inner" / "back-to-top")
    os.symlink(loop / "missing.txt", loop / "dangling.txt")
    hidden = work / "hidden-files"
    (hidden / ".git").mkdir(parents=True)
    (hidden / ".git" / "config.txt").write_text(TEXT, encoding="utf-8")
    (hidden / ".hidden.txt").write_text("隐藏：" + TEXT, encoding="utf-8")
    (hidden / "~$draft.docx").write_bytes(b"lock")
    (hidden / "visible.txt").write_text(TEXT, encoding="utf-8")
    odd = work / "odd-names"
    odd.mkdir()
    for raw in (b"bad\xffname.txt", b"new\nline.txt", b"-dash.txt", b" lead space.txt",
                "引号'\"和#号.txt".encode(), b"x" * 200 + b".txt"):
        Path(os.fsdecode(bytes(odd) + b"/" + raw)).write_text(f"{raw!r}{TEXT}",
                                                              encoding="utf-8")
    everything = work / "whole-corpus"
    shutil.copytree(FIXTURES, everything)
    (everything / ".hidden.jsonl").write_bytes(b'{"text": "x"}\n')
    for folder in (loop, hidden, odd, everything):
        cases.append(Case(f"folder:{folder.name}", [folder], _folder_files(folder)))
    odd_files = sorted(odd.iterdir())
    cases.append(Case("odd names given one by one", odd_files, odd_files))
    return cases


def _snapshot(project: Path) -> dict:
    with sqlite3.connect(project) as db:
        return {table: db.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
                for table in ("documents", "spans", "labels", "document_status")}


def _run(case: Case, template: Path, work: Path) -> dict:
    project = work / f"{abs(hash(case.name))}.hanmark"
    shutil.copy(template, project)
    before = _snapshot(project)
    done = run_hanmark("import", "--json", str(project), *map(os.fsencode, case.inputs))
    return {"done": done, "before": before, "after": _snapshot(project)}


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory) -> dict[str, dict]:
    work = tmp_path_factory.mktemp("bad-inputs")
    template = work / "template.hanmark"
    Project.create(template).close()
    inputs = work / "inputs"
    inputs.mkdir()
    cases = _stored_cases(inputs) + _made_cases(inputs)
    with ThreadPoolExecutor(2) as pool:
        results = pool.map(lambda case: (case, _run(case, template, work)), cases)
        return {case.name: {**result, "case": case} for case, result in results}


def _case_names() -> list[str]:
    made = ["made:large inputs", "folder:symlink-loop", "folder:hidden-files", "folder:odd-names",
            "folder:whole-corpus", "odd names given one by one"]
    return list(_groups()) + _singles() + made


def _entries(report: dict) -> list[tuple[str, dict]]:
    return [(kind, item) for kind in ("imported", "duplicates", "failed", "skipped")
            for item in report[kind]]


def _names_file(item: dict, path: Path, folder: Path | None) -> bool:
    """Whether a report entry is about the file at ``path``: its name, its path from the
    folder imported, or one of its records (``a.jsonl:3``, ``a.json#2``, ``a.json[1]``)."""
    wanted = {printable(path.name), printable(str(path))}
    if folder is not None:
        wanted.add(printable(path.relative_to(folder).as_posix()))
    for name in (item.get("name", ""), item.get("text_file", "")):
        base = re.sub(r"(:\d+|#\d+|\[\d+\])$", "", name)
        if base in wanted or any(base.endswith("/" + w) for w in wanted):
            return True
    return False


@pytest.mark.parametrize("name", _case_names())
def test_a_bad_input_is_named_explained_and_never_dropped(outcomes, name):
    outcome = outcomes[name]
    case, done = outcome["case"], outcome["done"]
    output = done.stdout + done.stderr
    assert not INTERNAL.search(output), output[:3000]
    report = json.loads(done.stdout)
    assert done.returncode == (0 if name in IMPORT_CLEANLY else 1), output[:3000]
    entries = _entries(report)
    for kind, item in entries:
        if kind in ("failed", "skipped"):
            assert WORDS.search(item["reason"]), item
    for key in ("spans_rejected", "notes"):
        for item in report.get(key, []):
            assert WORDS.search(item.get("reason") or item.get("note")), item
    # Every file given has an outcome, and the report counts exactly the files given.
    folder = case.inputs[0] if case.inputs[0].is_dir() else None
    for path in case.files:
        mine = [kind for kind, item in entries if _names_file(item, path, folder)]
        assert mine, f"{path} has no outcome in {json.dumps(entries, ensure_ascii=False)[:2000]}"
        if name in REFUSED:
            assert set(mine) <= {"failed", "skipped"}, (path, mine)
    assert report["files"] + len(report["skipped"]) == len(case.files), report
    if not report["imported"] and not report["duplicates"]:
        assert outcome["after"] == outcome["before"]   # a failing file changes nothing


def test_every_case_ran(outcomes):
    assert sorted(outcomes) == sorted(_case_names())
