"""The sample project (the seed articles) with a carefully clean layer, and a copy of it
with one of each inconsistency planted: the checks' acceptance fixture."""

from __future__ import annotations

from pathlib import Path

from storage.project import Project
from storage.sample import build_sample
from tests.conftest import new_document

TERMS = {
    "PER": ["王玉东", "齐强", "潘吉兵"],
    "ORG": ["平原县委", "县委组织部", "德州市审计局", "中央和国家机关工委"],
    "LOC": ["平原县", "德州", "浙江", "王庙镇"],
    "POST": ["县委书记", "县发改局局长"],
    "METRIC": ["1500余场次", "86.72%", "9.35万张", "665万元", "第3位", "1/3"],
    "SLOGAN": ["严真细实快", "五型", "零差错", "车头向前，蓄势待发", "三统筹三扩大四创建", "四位一体",
               "11710"],
}
BOILERPLATE_TEXT = "平原县召开会议，王庙镇参加。\n会议强调要狠抓落实。\n责任编辑：李超然"


def label_everywhere(project: Project, annotator: str, terms: dict[str, list[str]]) -> int:
    """Label every occurrence of every term (longest first, never overlapping) and mark
    every document done: a clean layer."""
    order = sorted(((t, label) for label, ts in terms.items() for t in ts), key=lambda x: -len(x[0]))
    count = 0
    for document_id in project.document_ids():
        text = project.text_of(document_id)
        taken = bytearray(len(text))
        for term, label in order:
            position = text.find(term)
            while position >= 0:
                end = position + len(term)
                if not any(taken[position:end]):
                    project.add_span(document_id, position, end, label, annotator=annotator)
                    taken[position:end] = b"\x01" * len(term)
                    count += 1
                position = text.find(term, end)
        project.set_status(document_id, annotator, "done")
    return count


def clean_project(path: Path) -> Path:
    build_sample(path)
    with Project.open(path) as project:
        project.add_document(new_document(BOILERPLATE_TEXT, "editor.txt"))
        label_everywhere(project, "alice", TERMS)
        # two more layers, consistent with alice and with themselves
        label_everywhere(project, "bob", {"PER": ["王玉东"]})
        label_everywhere(project, "carol", {"PER": ["王玉东"]})
    return path


def spans_of(project: Project, annotator: str, text: str):
    return [s for d in project.document_ids() for s in project.spans(d, annotator)
            if s.text == text]


def plant(path: Path) -> dict[str, tuple[int, int, int]]:
    """Plant one of each inconsistency; returns check → (document, start, end)."""
    planted = {}
    with Project.open(path) as project:
        dezhou = spans_of(project, "alice", "德州")[3]
        project.relabel_span(dezhou.id, "ORG")
        planted["label-conflict"] = (dezhou.document_id, dezhou.start, dezhou.end)
        bob = spans_of(project, "bob", "王玉东")
        for span in bob:
            project.relabel_span(span.id, "ORG")
        planted["layer-conflict"] = (bob[0].document_id, bob[0].start, bob[0].end)
        organs = spans_of(project, "alice", "县委组织部")
        project.delete_span(organs[1].id)
        planted["missed"] = (organs[1].document_id, organs[1].start, organs[1].end)
        post = spans_of(project, "alice", "县委书记")[0]      # 县委书 | 记: cuts 书记
        project.resize_span(post.id, post.start, post.end - 1)
        planted["token-cut"] = (post.document_id, post.start, post.end - 1)
        five = spans_of(project, "alice", "五型")[0]           # “五型 with its quotation mark
        project.resize_span(five.id, five.start - 1, five.end)
        planted["edge"] = (five.document_id, five.start - 1, five.end)
        organ = organs[0]           # 组织部 and the two characters after it, as ORG again
        added = project.add_span(organ.document_id, organ.start + 2, organ.end + 2, "ORG",
                                 annotator="alice")
        assert _occurrences(project, added.text) == 1
        planted["overlap"] = (added.document_id, added.start, added.end)
        person = spans_of(project, "alice", "潘吉兵")[0]
        project.add_span(person.document_id, person.start, person.end, "PER", annotator="alice")
        planted["duplicate"] = (person.document_id, person.start, person.end)
        planted["metric-value"] = _unique_metric(project)
        planted["damaged"] = _damaged(project)
        editor = len(project.document_ids())
        start = project.text_of(editor).index("李超然")
        project.add_span(editor, start, start + 3, "PER", annotator="alice")
        planted["boilerplate"] = (editor, start, start + 3)
    return planted


def _occurrences(project: Project, needle: str) -> int:
    return sum(project.text_of(d).count(needle) for d in project.document_ids())


def _unique_metric(project: Project) -> tuple[int, int, int]:
    """METRIC on words with no number in them, found once in the corpus."""
    text = project.text_of(4)
    start = text.index("奋勇争先")
    while _occurrences(project, text[start:start + 6]) > 1:
        start += 1
    project.add_span(4, start, start + 6, "METRIC", annotator="alice")
    return (4, start, start + 6)


def _damaged(project: Project) -> tuple[int, int, int]:
    document = project.document(3)
    offset = document.meta["damage"][0]["offset"]
    project.add_span(3, offset - 2, offset + 1, "SLOGAN", annotator="alice")
    return (3, offset - 2, offset + 1)
