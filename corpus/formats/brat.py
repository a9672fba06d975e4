"""brat standoff: a folder with ``NAME.txt`` + ``NAME.ann`` per document, code points.

``T`` lines are spans (``T1<TAB>LABEL START END<TAB>text``; a span over line
breaks is written as fragments ``0 5;6 10`` split at the breaks, as brat wants),
``A`` lines attributes (``A1<TAB>name T1 value``; a value that is not a plain
word is JSON), ``#`` lines notes (``#1<TAB>AnnotatorNotes T1<TAB>note``), ``R`` lines relations
(``R1<TAB>TYPE Arg1:T1 Arg2:T2``, a note on one as ``AnnotatorNotes R1``).
``annotation.conf`` lists the labels so that brat can show the folder.

A span that starts or ends with a line break keeps its exact bounds through an
empty fragment there (``2 2;3 5`` is ``\ncd`` at [2, 5)), which brat accepts:
its text is the fragments' texts joined by spaces, and no line break ever gets
into an ``.ann`` line.  The text is the rest of the ``T`` line, tabs included.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import orjson

from corpus.document import Document
from corpus.formats.model import (
    Annotated,
    FormatError,
    ExportError,
    FormatSpan,
    ReadOptions,
    RecordFailure,
    WriteOptions,
    relation_ids,
    span_key,
    written,
)
from corpus.relations import FormatRelation

# Whatever ends a line for str.splitlines (and, \r, for brat's own reading).
_BREAK = re.compile("[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]+")


def fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """[start, end) cut at line breaks: the pieces brat can show, with an empty piece
    at ``start`` or ``end`` where the span starts or ends with a break."""
    out, pos = [], start
    for match in _BREAK.finditer(text, start, end):
        out.append((pos, match.start()))
        pos = match.end()
    out.append((pos, end))
    inner = [(s, e) for s, e in out[1:-1] if s < e]
    return [out[0], *inner, out[-1]] if len(out) > 1 else out


def ann_lines(text: str, spans: list, relations=()) -> list[str]:
    lines, attr, note = [], 0, 0
    for number, span in enumerate(spans, 1):
        pieces = fragments(text, span.start, span.end)
        where = ";".join(f"{s} {e}" for s, e in pieces)
        covered = " ".join(text[s:e] for s, e in pieces)
        lines.append(f"T{number}\t{span.label} {where}\t{covered}")
        for name, value in (span.attributes or {}).items():
            attr += 1
            lines.append(f"A{attr}\t{name} T{number}{_value(value)}")
        if span.note:
            note += 1
            lines.append(f"#{note}\tAnnotatorNotes T{number}\t{_one_line(span.note)}")
    linked, _left_out = relation_ids(spans, relations)
    for number, (relation, a, b) in enumerate(linked, 1):
        lines.append(f"R{number}\t{_type_name(relation.type)} Arg1:T{a} Arg2:T{b}\t")
        if relation.note:
            note += 1
            lines.append(f"#{note}\tAnnotatorNotes R{number}\t{_one_line(relation.note)}")
    return lines


def _type_name(name: str) -> str:
    if any(c.isspace() for c in name):
        raise ExportError(f"relation type {name!r} has a space, which brat cannot read; "
                          "rename it first")
    return name


def _value(value) -> str:
    if value is True:
        return ""
    if isinstance(value, str) and value and not any(c.isspace() for c in value):
        try:
            orjson.loads(value)
        except orjson.JSONDecodeError:
            return f" {value}"
    return " " + orjson.dumps(value).decode()


def _one_line(text: str) -> str:
    return " ".join(text.split())


class Writer:
    def __init__(self, path: Path, options: WriteOptions) -> None:
        self.folder, self.options = path, options
        self.folder.mkdir(parents=True, exist_ok=True)
        self.attributes: set[str] = set()
        self.relation_types: set[str] = set()

    def write(self, document: Document, spans: list, meta: dict, relations=()) -> None:
        base = self.folder / f"doc-{document.id:06d}"
        base.with_suffix(".txt").write_text(document.text, encoding="utf-8", newline="")
        lines = ann_lines(document.text, spans, relations)
        self.relation_types.update(relation.type for relation in relations)
        base.with_suffix(".ann").write_text("".join(f"{line}\n" for line in lines),
                                            encoding="utf-8", newline="")
        self.attributes.update(name for span in spans for name in (span.attributes or {}))

    def close(self) -> None:
        labels = "\n".join(self.options.labels)
        attributes = "\n".join(f"{name} Arg:<ENTITY>" for name in sorted(self.attributes))
        relations = "\n".join(self._relation_conf())
        conf = (f"[entities]\n{labels}\n[relations]\n{relations}\n[events]\n[attributes]\n"
                f"{attributes}\n")
        (self.folder / "annotation.conf").write_text(conf, encoding="utf-8")


    def _relation_conf(self) -> list[str]:
        """``TYPE Arg1:A|B, Arg2:C`` per relation type of the scheme and of the files."""
        known = {t.name: t for t in self.options.relation_types}
        out = []
        for name in [*known, *sorted(self.relation_types - set(known))]:
            pairs = known[name].pairs if name in known else ()
            sources = "|".join(dict.fromkeys(a for a, _ in pairs)) or "<ENTITY>"
            targets = "|".join(dict.fromkeys(b for _, b in pairs)) or "<ENTITY>"
            if not any(c.isspace() for c in name):
                out.append(f"{name} Arg1:{sources}, Arg2:{targets}")
        return out


def sniff_folder(path: Path) -> bool:
    return path.is_dir() and any(path.rglob("*.ann"))


def read(path: Path, options: ReadOptions = ReadOptions()) -> Iterator[Annotated | RecordFailure]:
    """Every ``.ann`` in the folder (or the one named) with its ``.txt``."""
    files = sorted(path.rglob("*.ann")) if path.is_dir() else [path.with_suffix(".ann")]
    if not files:
        raise FormatError(f"{path.name}: no .ann files")
    for ann in files:
        name = str(ann.relative_to(path)) if path.is_dir() else ann.name
        try:
            yield _document(name, ann)
        except (OSError, ValueError) as error:
            yield RecordFailure(name, getattr(error, "strerror", None) or str(error))


def _document(name: str, ann: Path) -> Annotated:
    txt = ann.with_suffix(".txt")
    if not txt.is_file():
        raise ValueError(f"no {txt.name} beside it")
    text = _utf8(txt)
    if not text.strip():
        raise ValueError(f"{txt.name} is empty: there is no text to annotate")
    spans: dict[str, FormatSpan] = {}
    relations: dict[str, list] = {}          # R key → [type, Arg1 key, Arg2 key, note]
    rejected: list[tuple[str, str]] = []     # a bad line loses itself, not the document
    for number, line in enumerate(_utf8(ann).split("\n"), 1):
        line = line.removesuffix("\r")
        if line.strip():
            try:
                _line(text, spans, line, number, relations)
            except ValueError as error:
                rejected.append((f"{ann.name}:{number} {written(line)}", str(error)))
    notes: list[str] = []
    return Annotated(name, text, list(spans.values()), title=ann.stem, rejected=rejected,
                     notes=notes, relations=_relations(spans, relations, notes))


def _relations(spans: dict[str, FormatSpan], relations: dict[str, list],
               notes: list[str]) -> list[FormatRelation]:
    out = []
    for key, (kind, source, target, note) in relations.items():
        if source not in spans or target not in spans:
            notes.append(f"relation {key} left out: its arguments {source}, {target} are not "
                         "T lines of the file that could be read")
            continue
        out.append(FormatRelation(span_key(spans[source]), span_key(spans[target]), kind, note))
    return out


def _utf8(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as error:
        raise ValueError(f"{path.name} is not UTF-8 text (byte {error.start}); brat files "
                         "are UTF-8") from None


def _line(text: str, spans: dict[str, FormatSpan], line: str, number: int,
          relations: dict[str, list]) -> None:
    fields = line.split("\t", 2)
    key = fields[0]
    try:
        if key.startswith("T"):
            spans[key] = _span(text, fields)
        elif key.startswith("R"):
            relations[key] = [*_relation(fields[1]), ""]
        elif key.startswith("#") and len(fields) > 2 and fields[1].split(" ")[1] in relations:
            relations[fields[1].split(" ")[1]][3] = fields[2]
        elif key.startswith(("A", "M")):
            parts = fields[1].split(" ", 2)
            if len(parts) < 2:
                raise ValueError(f"not 'NAME T# [VALUE]' but {fields[1]!r}")
            name, target, *value = parts
            span = spans[target]
            attributes = {**(span.attributes or {}), name: _parse(value[0]) if value else True}
            spans[target] = span._replace(attributes=attributes)
        elif key.startswith("#") and len(fields) > 2:
            target = fields[1].split(" ")[1]
            spans[target] = spans[target]._replace(note=fields[2])
    except IndexError:
        raise ValueError(f"line {number}: not brat's KEY<TAB>FIELDS form") from None
    except KeyError as error:
        raise ValueError(f"line {number}: refers to {error.args[0]}, which no T line "
                         "before it defines") from None
    except ValueError as error:
        raise ValueError(f"line {number}: {error}") from None


def _span(text: str, fields: list[str]) -> FormatSpan:
    label, _, where = fields[1].partition(" ")
    try:
        pieces = [tuple(int(x) for x in piece.split()) for piece in where.split(";")]
    except ValueError:
        raise ValueError(f"the offsets {where!r} are not whole numbers") from None
    if not label or any(len(p) != 2 for p in pieces):
        raise ValueError(f"not 'LABEL START END' but {fields[1]!r}")
    start, end = pieces[0][0], pieces[-1][1]
    covered = " ".join(text[s:e] for s, e in pieces)
    claimed = fields[2] if len(fields) > 2 else covered
    if not 0 <= start < end <= len(text):
        raise ValueError(f"span [{start}, {end}) {label} is not inside the text "
                         f"(0 to {len(text)}) or does not end after it starts")
    if claimed != covered:
        raise ValueError(f"span [{start}, {end}) {label} covers {covered!r}, not {claimed!r}")
    return FormatSpan(start, end, label)


def _relation(field: str) -> tuple[str, str, str]:
    """``TYPE Arg1:T1 Arg2:T2`` → (TYPE, T1, T2)."""
    kind, *arguments = field.split()
    found = dict(a.split(":", 1) for a in arguments)
    if set(found) != {"Arg1", "Arg2"}:
        raise ValueError("a relation needs Arg1 and Arg2")
    return kind, found["Arg1"], found["Arg2"]


def _parse(value: str):
    try:
        return orjson.loads(value)
    except orjson.JSONDecodeError:
        return value
