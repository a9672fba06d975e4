"""Bad inputs for ``hanmark import --json``: a few hundred, each run as a user runs it.

Generates empty and binary files under every extension, truncated and bit-flipped
JSON/JSONL/CSV/.docx, invalid UTF-8, NUL bytes, UTF-16 without a BOM, deep JSON,
enormous lines, wrong types in the fields of doccano, Label Studio and CLUENER
records, zip bombs posing as .docx, HTML with 100k nested tags, a brat .ann without
its .txt, a symbolic-link loop, odd file names and hostile YAML front matter.
Each input is imported into a fresh project on its own, with a time limit, and
counted: tracebacks, internal messages (exception class names, ``'int' object``…),
silent drops (an input with no outcome in the report), runs over the time limit.

    python benchmarks/bad_inputs.py [--quick] [--keep DIR]

The last line printed is one JSON object of the figures.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
LIMIT_S = 60
INTERNAL = re.compile(r"Traceback|\b(Value|Type|Key|Index|Attribute|Recursion|Overflow|"
                      r"UnicodeEncode|UnicodeDecode|Memory|OS|Zip|Integrity|Operational)Error\b"
                      r"|object has no attribute|object is not|internal error|unhashable|"
                      r"codec can't|BadZipFile|sqlite3\.")
EXTENSIONS = (".txt", ".md", ".html", ".docx", ".csv", ".tsv", ".jsonl", ".json", ".conll",
              ".bio", ".bmes", ".ann", ".spacy")
TEXT = "德州市审计局召开会议，王玉东出席。"


def _jsonl(*records) -> bytes:
    return b"\n".join(json.dumps(r, ensure_ascii=False).encode() for r in records) + b"\n"


def _docx(body: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml",
                   '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/'
                   f'2006/main"><w:body><w:p><w:r><w:t>{body}</w:t></w:r></w:p></w:body>'
                   "</w:document>")
    return out.getvalue()


def valid_samples() -> dict[str, bytes]:
    return {
        "doccano.jsonl": _jsonl({"text": TEXT, "label": [[0, 6, "ORG"], [12, 15, "PER"]]},
                                {"text": "五型机关", "label": []}),
        "ls.json": json.dumps([{"id": 1, "data": {"text": TEXT}, "annotations": [{"result": [
            {"type": "labels", "value": {"start": 0, "end": 6, "labels": ["ORG"]}}]}]}],
            ensure_ascii=False).encode(),
        "cluener.json": _jsonl({"text": TEXT, "label": {"ORG": {"德州市审计局": [[0, 5]]}}}),
        "table.csv": ("标题,正文\n会议," + TEXT + "\n").encode(),
        "article.md": ("---\ntitle: 会议\ndate: 2022-02-15\n---\n\n# 会议\n\n" + TEXT).encode(),
        "page.html": f"<html><body><h1>会议</h1><p>{TEXT}</p></body></html>".encode(),
        "doc.docx": _docx(TEXT),
        "tokens.conll": "德 B-ORG\n州 I-ORG\n市 I-ORG\n\n".encode(),
    }


def _mutations(name: str, data: bytes, rng: random.Random, count: int):
    for i in range(count):
        cut = rng.randrange(1, max(2, len(data)))
        yield f"trunc{i}-{name}", data[:cut]
        flipped = bytearray(data)
        for _ in range(rng.randint(1, 8)):
            pos = rng.randrange(len(flipped))
            flipped[pos] ^= 1 << rng.randrange(8)
        yield f"flip{i}-{name}", bytes(flipped)


def _wrong_types():
    values = [None, 1, -1, 2 ** 70, 1.5, True, "x", [], {}, [1, 2], {"a": 1}]
    for i, v in enumerate(values):
        yield f"doccano-text-{i}.jsonl", _jsonl({"text": v, "label": []})
        yield f"doccano-label-{i}.jsonl", _jsonl({"text": TEXT, "label": v})
        yield f"doccano-span-{i}.jsonl", _jsonl({"text": TEXT, "label": [[0, 2, "ORG"],
                                                                           [v, 3, "ORG"],
                                                                           [0, 3, v], v]})
        yield f"doccano-meta-{i}.jsonl", _jsonl({"text": TEXT, "label": [], "meta": v})
        yield f"doccano-entities-{i}.jsonl", _jsonl({"text": TEXT, "entities": [
            {"id": 1, "start_offset": v, "end_offset": 3, "label": "ORG"}, v],
            "relations": v})
        yield f"ls-ann-{i}.json", json.dumps([{"data": {"text": TEXT}, "annotations": v,
                                               "predictions": [v]}]).encode()
        yield f"ls-result-{i}.json", json.dumps([{"data": {"text": TEXT}, "annotations": [
            {"result": v}, {"result": [v, {"type": "labels", "value": v}]}]}]).encode()
        yield f"ls-data-{i}.json", json.dumps([{"data": {"text": v}, "annotations": [],
                                                "meta": v}]).encode()
        yield f"cluener-{i}.json", _jsonl({"text": TEXT, "label": {"ORG": v}},
                                          {"text": TEXT, "label": {"ORG": {"德州": v}}})
    yield "ls-ids.json", json.dumps([{"id": 1, "data": {"text": TEXT}, "annotations": [],
                                      "predictions": [11, 12]}]).encode()


def _front_matter():
    heads = ["date: 2022-02-30", "n: " + "9" * 40, "a: &a [*a]",
             "a: &a [1,1,1,1,1,1,1,1,1]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
             "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
             "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: [*e,*e,*e,*e,*e,*e,*e,*e,*e]",
             "x: " + "[" * 500 + "]" * 500, "publish_time: 2022-02-15T10:00:39.123+08:00",
             "? [1, 2]\n: complex key", "t: !!python/object:os.system 1", "- a\n- b",
             "date: 2022年2月15日", "x: \x00"]
    for i, head in enumerate(heads):
        yield f"front-{i}.md", f"---\n{head}\n---\n\n{TEXT}\n".encode()


def _bomb() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        body = "<w:p><w:r><w:t>" + "长" * 1000 + "</w:t></w:r></w:p>"
        z.writestr("word/document.xml", '<w:document xmlns:w="http://schemas.openxmlformats.'
                   'org/wordprocessingml/2006/main"><w:body>' + body * 60000
                   + "</w:body></w:document>")
    return out.getvalue()


def generate(folder: Path, quick: bool) -> list[Path]:
    rng = random.Random(14)
    items: list[tuple[str, bytes]] = []
    for ext in EXTENSIONS:
        items += [(f"empty{ext}", b""), (f"binary{ext}", bytes(rng.randrange(256)
                                                              for _ in range(2048))),
                  (f"nul{ext}", b"\x00" * 100 + TEXT.encode() + b"\x00"),
                  (f"badutf8{ext}", b"\xff\xfe\xfa" + TEXT.encode("gb18030")[:7] + b"\xc3"),
                  (f"utf16nobom{ext}", TEXT.encode("utf-16-le"))]
    for name, data in valid_samples().items():
        items.append((f"valid-{name}", data))
        items += list(_mutations(name, data, rng, 3 if quick else 8))
    items += list(_wrong_types())
    items += list(_front_matter())
    items += [("deep.json", b"[" * 100000 + b"]" * 100000),
              ("deep.jsonl", b'{"text": "a", "meta": ' + b"[" * 5000 + b"]" * 5000 + b"}\n"),
              ("deepmeta.jsonl", _jsonl({"text": TEXT, "label": [],
                                         "meta": json.loads("[" * 900 + "]" * 900)})),
              ("longline.txt", ("长" * 3_000_000).encode()),
              ("widefield.csv", b"a,text\n1," + b"x" * 5_000_000 + b"\n"),
              ("wide.csv", (",".join(f"c{i}" for i in range(20000)) + "\n"
                            + ",".join("v" for _ in range(20000)) + "\n").encode()),
              ("nested.html", b"<div>" * 100000 + TEXT.encode() + b"</div>" * 100000),
              ("punct.md", ("*_`[" * 200000).encode()),
              ("bomb.docx", _bomb()),
              ("orphan.ann", "T1\tORG 0 6\t德州市审计局\n".encode()),
              ("bigint.jsonl", b'{"text": "a", "meta": {"n": ' + b"9" * 400 + b"}}\n")]
    paths = []
    for name, data in items:
        path = folder / name
        path.write_bytes(data)
        paths.append(path)
    loop = folder / "loop"
    loop.mkdir()
    (loop / "a.txt").write_bytes(TEXT.encode())
    os.symlink(loop, loop / "self")
    paths.append(loop)
    for odd in (b"bad\xffname.txt", b"new\nline.txt", b" lead space.txt", b"-dash.txt"):
        path = Path(os.fsdecode(bytes(folder) + b"/" + odd))
        path.write_bytes(TEXT.encode())
        paths.append(path)
    return paths


def _around(out: str) -> str:
    """The internal message and a little around it (else the output's end)."""
    found = INTERNAL.search(out)
    if not found:
        return out[-300:]
    return out[max(0, found.start() - 150):found.end() + 100]


def outcome_names(report: dict) -> set[str]:
    keys = ("imported", "duplicates", "failed", "skipped")
    return {str(item.get("name", "")) for key in keys for item in report.get(key, [])}


def run_one(path: Path, work: Path) -> dict:
    project = work / f"p-{abs(hash(str(path)))}.hanmark"
    subprocess.run([PYTHON, "-m", "hanmark", "new", str(project)], capture_output=True,
                   cwd=ROOT)
    started = time.perf_counter()
    try:
        done = subprocess.run([PYTHON, "-m", "hanmark", "import", "--json", str(project),
                               os.fsencode(path)], capture_output=True, cwd=ROOT,
                              timeout=LIMIT_S)
    except subprocess.TimeoutExpired:
        return {"path": path, "timeout": True, "seconds": LIMIT_S}
    finally:
        project.unlink(missing_ok=True)
    out = done.stdout.decode("utf-8", "replace") + done.stderr.decode("utf-8", "replace")
    result = {"path": path, "seconds": time.perf_counter() - started, "code": done.returncode,
              "internal": bool(INTERNAL.search(out)), "traceback": "Traceback" in out,
              "output": _around(out)}
    try:
        report = json.loads(done.stdout)
    except ValueError:
        result["silent"] = done.returncode == 0
        return result
    stem = path.name.split(".")[0][:6]
    names = outcome_names(report)
    result["silent"] = not path.is_dir() and not any(stem in n or n.startswith(stem[:3])
                                                     for n in names)
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--keep", type=Path, help="write the inputs here and keep them")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp) / "inputs"
        folder.mkdir(parents=True, exist_ok=True)
        paths = generate(folder, args.quick)
        work = Path(tmp) / "projects"
        work.mkdir()
        print(f"{len(paths)} bad inputs, each imported on its own")
        started = time.perf_counter()
        with ThreadPoolExecutor(2) as pool:
            results = list(pool.map(lambda p: run_one(p, work), paths))
        elapsed = time.perf_counter() - started
    bad = [r for r in results if r.get("internal") or r.get("timeout") or r.get("silent")]
    for r in bad:
        kind = ", ".join(k for k in ("traceback", "internal", "timeout", "silent") if r.get(k))
        print(f"{kind:24} {os.fsencode(r['path'].name)!r}: "
              f"{' '.join(r.get('output', '').split())[:300]}")
    figures = {"inputs": len(results),
               "tracebacks": sum(bool(r.get("traceback")) for r in results),
               "internal_messages": sum(bool(r.get("internal")) for r in results),
               "silent_drops": sum(bool(r.get("silent")) for r in results),
               "timeouts": sum(bool(r.get("timeout")) for r in results),
               "slowest_s": round(max(r["seconds"] for r in results), 2),
               "total_s": round(elapsed, 1)}
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
