"""Entities from jieba's part-of-speech tags, refined by suffix rules.

nr → PER, ns → LOC, nt → ORG; a run of place and organisation words ending in an
organisation (德州 + 市审计局, 浙江省委 + 组织部) is one ORG; a word ending in a place
suffix is a LOC whatever jieba tagged it (王庙镇); posts (the domain dictionary tags
them ``post``) are POST, and an organisation right before a post makes one POST
(县发改局局长) beside the ORG inside it.  A person's name (nr) must start with a
surname: jieba tags many ordinary words nr (春耕, 比武, 智慧).
"""

from __future__ import annotations

from corpus.suggest.model import Suggestion
from corpus.suggest.surnames import has_surname

SOURCE = "entities"
# Suffixes in both scripts: the words are the document's own (Traditional stays
# Traditional), only jieba's tags come from the Simplified shadow.
_ORG = ("县委", "市委", "省委", "党委", "政府", "局", "厅", "委员会", "组织部", "宣传部",
        "办公室", "公司", "中心", "集团", "大学", "学院", "医院", "银行", "法院", "检察院")
_ORG_TRADITIONAL = ("縣委", "黨委", "廳", "委員會", "組織部", "宣傳部", "辦公室", "集團",
                    "大學", "學院", "醫院", "銀行", "檢察院")
ORG_SUFFIXES = _ORG + _ORG_TRADITIONAL
PLACE_SUFFIXES = ("省", "市", "县", "区", "镇", "乡", "村", "街道", "縣", "區", "鎮", "鄉")
PLACE_OR_ORG = ("ns", "nt")


class EntitySuggester:
    name = SOURCE

    def __init__(self, tokenizer) -> None:
        self.tokenizer = tokenizer  # anything with pos(text): a Tokenizer or ProcessTokenizer

    def suggest(self, text: str) -> list[Suggestion]:
        return from_pos(text, self.tokenizer.pos(text))


def _kind(text: str, start: int, end: int, flag: str) -> str:
    word = text[start:end]
    if flag == "post":
        return "post"
    if flag == "nt" or (flag in ("n", "nz", "nr") and word.endswith(ORG_SUFFIXES)
                        and len(word) > 1):
        return "nt"
    if flag in ("ns", "nr", "nz") and word.endswith(PLACE_SUFFIXES) and len(word) > 1:
        return "ns"
    return flag


def from_pos(text: str, tagged: list[tuple[int, int, str]]) -> list[Suggestion]:
    """The rules, on ``(start, end, flag)`` words (pure: testable without jieba)."""
    words = [(s, e, _kind(text, s, e, f)) for s, e, f in tagged]
    found: list[Suggestion] = []

    def add(start: int, end: int, label: str) -> None:
        if end - start > 1:     # one character (河, 湖) is a piece of a name, not a mention
            found.append(Suggestion(start, end, label, SOURCE, text[start:end]))

    i = 0
    while i < len(words):
        start, end, kind = words[i]
        if kind in PLACE_OR_ORG:
            j = i
            while j + 1 < len(words) and words[j + 1][2] in PLACE_OR_ORG:
                j += 1
            run_end = words[j][1]
            if any(words[k][2] == "nt" for k in range(i, j + 1)):
                org_end = max(words[k][1] for k in range(i, j + 1) if words[k][2] == "nt")
                add(start, org_end, "ORG")
                if org_end < run_end:
                    add(org_end, run_end, "LOC")
            else:
                add(start, run_end, "LOC")
            if j + 1 < len(words) and words[j + 1][2] == "post":
                add(start, words[j + 1][1], "POST")
                j += 1
            i = j + 1
            continue
        if kind == "post":
            add(start, end, "POST")
        elif kind == "nr" and 2 <= end - start <= 4 and has_surname(text[start:end]):
            add(start, end, "PER")
        i += 1
    unique = {(s.start, s.end, s.label): s for s in found}
    return [unique[key] for key in sorted(unique)]
