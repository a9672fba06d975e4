"""Entities from jieba's part-of-speech tags, refined by the rules of the annotation
guidelines (resources/guidelines, PER/ORG/LOC/POST).

nr → PER, ns → LOC, nt → ORG; a run of place and organisation words ending in an
organisation (德州 + 市审计局, 浙江省委 + 组织部) is one ORG, and so is a place followed by a
few nouns that end in an organisation's suffix (齐河县 + 发展和改革 + 局: an organisation's
full name with its place prefix); a word ending in a place suffix is a LOC whatever jieba
tagged it (王庙镇), and a name before 街道/社区 is one place (广运街道).  Posts (the domain
dictionary tags them ``post``): after an organisation's full name the title alone is the
POST (德州市审计局 + 局长; 齐河 + 县委书记 → ORG 齐河县委, POST 书记); without a place the
whole is the POST (县发改局局长, 组织部部长, 县委书记).  A person's name (nr) must start with
a surname (jieba tags many ordinary words nr: 春耕, 比武, 智慧) and is not a surname with a
form of address (王大爷, 张女士).

Before the rules run, jieba's words are re-cut on China's administrative divisions
(corpus.suggest.places: 陵 + 城区 → 陵城区, 西峡 → a place), and a town's or village's pieces
after its county are joined; names jieba splits are read in corpus.suggest.persons, titles
whatever jieba tagged them in corpus.suggest.posts.
"""

from __future__ import annotations

from corpus.text.shadow import simplified_shadow
from corpus.suggest.model import Suggestion
from corpus.suggest.places import UNITS as _UNITS, join_units, mark_places
from corpus.suggest.posts import PREFIXES, is_title
from corpus.suggest.persons import PersonRules

SOURCE = "entities"
# Suffixes in Simplified only: the rules read the document's Simplified shadow
# (corpus.text.shadow), like jieba's tags; the spans are cut from the document's own text.
ORG_SUFFIXES = ("县委", "市委", "省委", "区委", "党委", "政府", "局", "厅", "委员会", "组织部",
                "统战部", "政法委", "纪委", "监委", "发改委", "卫健委", "工委", "党工委",
                "人大", "常委会", "政协", "协会", "联合会", "工会", "妇联", "团委", "管委会",
                "合作社", "扶贫办", "编办", "政府办", "党政办", "信访办", "综治办", "农办",
                "宣传部", "办公室", "公司", "中心", "集团", "大学", "学院", "医院", "银行", "法院",
                "检察院")
PLACE_SUFFIXES = ("省", "市", "县", "区", "镇", "乡", "村", "街道")
PLACE_OR_ORG = ("ns", "nt")
_DETERMINERS = frozenset("各全本该每我外")     # 各乡镇, 全县: no place's name
#: Words jieba's dictionary tags ns that news text uses as ordinary words (新建 is 南昌's
#: 新建区 too, but 新建 + 高标准农田 builds).
_NOT_PLACES = frozenset(("新建", "美丽", "上岗"))


class EntitySuggester:
    name = SOURCE

    def __init__(self, tokenizer) -> None:
        self.tokenizer = tokenizer  # anything with pos(text): a Tokenizer or ProcessTokenizer

    def suggest(self, text: str) -> list[Suggestion]:
        return from_pos(text, self.tokenizer.pos(text))


#: Flags of the words inside an organisation's full name between its place and its suffix.
_NAME_FLAGS = frozenset(("n", "vn", "v", "nz", "nr", "nrt", "ns", "j", "nt", "c", "an", "b"))
_NAME_MAX = 10                         # characters between the place and the suffix, at most
#: Bodies a post word may start with (县委书记): after a place they belong to the ORG.
_ORG_IN_POST = ("县委", "市委", "区委", "省委", "镇党委", "乡党委", "党委", "县政府", "市政府",
                "区政府", "纪委")
#: Generic nouns that name no organisation on their own (该公司, 市政府 stays: 市 is its place).
_BARE = frozenset(("党委", "工委", "常委会", "协会", "工会", "合作社", "公司", "政府", "中心",
                   "集团", "大学", "学院", "医院", "银行", "法院", "检察院", "办公室", "委员会",
                   "局", "厅"))
#: Titles jieba may glue to the suffix before them (局局长 = 局 + 局长).
_TITLES = ("局长", "厅长", "处长", "科长", "主任", "书记", "部长", "院长", "行长", "所长",
           "站长", "队长", "校长", "董事长", "总经理", "会长", "理事长", "社长")


def _org_word(word: str) -> bool:
    """Ends in an organisation's suffix, with a name before it (公安局; not 格局, 大厅)."""
    suffix = next((x for x in ORG_SUFFIXES if word.endswith(x)), "")
    return bool(suffix) and (len(suffix) > 1 or len(word) >= 3)


def _kind(text: str, start: int, end: int, flag: str) -> str:
    word = text[start:end]
    if flag == "post" or is_title(word):
        return "post"
    if flag in ("nt", "n", "nz", "nr", "i", "j", "l") and _org_word(word):
        return "nt"         # jieba's nt without an organisation's suffix: 调度会, 格局
    if flag == "nt":
        return "n"
    if flag == "ns" and (word in _NOT_PLACES or (len(word) == 2 and word[0] in _UNITS
                                                 and word[1] in "里上内外中")):
        return "v"                              # 镇里, 村上: the unit's inside
    suffix = next((x for x in PLACE_SUFFIXES if word.endswith(x)), "")
    if flag in ("ns", "nr", "nz") and suffix:
        stem = word[:-len(suffix)]
        # 城镇, 包村, 各乡镇 are no places: a place's name before its unit (王庙 + 镇)
        return "ns" if len(stem) >= 2 and stem[0] not in _DETERMINERS else "n"
    return flag


class _Rules(PersonRules):
    """One pass over the tagged words of a text (``rules``: its Simplified shadow)."""

    def __init__(self, text: str, rules: str, words: list[tuple[int, int, str]],
                 places: set[tuple[int, int]] = frozenset()) -> None:
        self.text, self.rules, self.words, self.places = text, rules, words, places
        self.found: dict[tuple[int, int, str], Suggestion] = {}

    def add(self, start: int, end: int, label: str) -> None:
        if label == "ORG" and self.rules.startswith("中共", start - 2) and start >= 2:
            start -= 2                          # 中共 + 利川市委: the party's full name
        if end - start > 1:     # one character (河, 湖) is a piece of a name, not a mention
            self.found[(start, end, label)] = Suggestion(start, end, label, SOURCE,
                                                         self.text[start:end])

    def run(self) -> list[Suggestion]:
        i = 0
        while i < len(self.words):
            i = self.step(i)
        return [self.found[key] for key in sorted(self.found)]

    def step(self, i: int) -> int:
        start, end, kind = self.words[i]
        if self._post_after_place(i):
            return self._name_after_post(i + 2)
        if kind in PLACE_OR_ORG:
            return self._run_of_places(i)
        joined = self._joined_post(i)
        if joined:
            return self._name_after_post(joined)
        if kind == "post":
            self.add(start, end, "POST")
            return self._name_after_post(i + 1)
        return self._person_at(i)

    def word(self, i: int) -> str:
        return self.rules[self.words[i][0]:self.words[i][1]] if i < len(self.words) else ""

    def _joined_post(self, i: int) -> int:
        """镇 + 党委书记, 常务 + 副县长, 社区 + 党总支 + 书记: one post; the index of the word
        after it, or 0."""
        k = i
        while k < len(self.words) and k - i < 3 and self.words[k][2] != "post" and (
                self.word(k) in PREFIXES or (k == i and self.word(k) in _UNITS)):
            k += 1
        if k == i or k >= len(self.words) or self.words[k][2] != "post" \
                or self.words[k][0] != self.words[k - 1][1]:
            return 0
        self.add(self.words[i][0], self.words[k][1], "POST")
        return k + 1

    def _post_after_place(self, i: int, j: int | None = None) -> bool:
        """齐河 + 县委书记: ORG 齐河县委, POST 书记 (words i..j are the place)."""
        j = i if j is None else j
        if j + 1 >= len(self.words) or self.words[j][2] not in ("ns", "nr", "nz"):
            return False
        start, end = self.words[i][0], self.words[j][1]
        post_start, post_end, post_kind = self.words[j + 1]
        body = next((b for b in _ORG_IN_POST
                     if self.rules.startswith(b, post_start) and post_start + len(b) < post_end),
                    None)
        if post_kind != "post" or body is None or post_start != end:
            return False
        self.add(start, post_start + len(body), "ORG")
        self.add(post_start + len(body), post_end, "POST")
        return True

    def _run_of_places(self, i: int) -> int:
        words = self.words
        j = i
        while j + 1 < len(words) and words[j + 1][2] in PLACE_OR_ORG:
            j += 1
        j = self._full_name(j)
        start, run_end = words[i][0], words[j][1]
        if i and words[i][2] == "nt" and self.word(i - 1) in _UNITS \
                and words[i - 1][1] == start:
            start = words[i - 1][0]             # 县 + 纪委监委: the county's body
        kinds = [words[k][2] for k in range(i, j + 1)]
        has_place = "ns" in kinds
        if "nt" not in kinds and self._post_after_place(i, j):
            return self._name_after_post(j + 2)     # 连州市 东陂镇 + 党委书记
        if "nt" in kinds:
            org_end = max(words[k][1] for k in range(i, j + 1) if words[k][2] == "nt")
            if not self._generic_before_post(has_place, j) \
                    and self.rules[start:org_end] not in _BARE:
                self.add(start, org_end, "ORG")
            if org_end < run_end:
                self.add(org_end, run_end, "LOC")
        else:
            self._places(i, j)
        if j + 1 < len(words) and words[j + 1][2] == "post":
            post_start = start if not has_place else words[j + 1][0]
            self.add(post_start, words[j + 1][1], "POST")
            return self._name_after_post(j + 2)
        return j + 1

    def _places(self, i: int, j: int) -> None:
        """Words i..j, all places: each division its own LOC (河南省 南阳市 西峡县), the
        words between them one LOC."""
        start = None
        for k in range(i, j + 1):
            word = self.words[k][:2]
            if word in self.places:
                if start is not None:
                    self.add(start, self.words[k - 1][1], "LOC")
                self.add(*word, "LOC")
                start = None
            elif start is None:
                start = word[0]
        if start is not None:
            self.add(start, self.words[j][1], "LOC")

    def _generic_before_post(self, has_place: bool, j: int) -> bool:
        """An organisation without a place right before a post is part of the post."""
        return not has_place and j + 1 < len(self.words) and self.words[j + 1][2] == "post"

    def _full_name(self, j: int) -> int:
        """After a place, the nouns up to an organisation's suffix (齐河县 + 发展和改革局):
        the index of the suffix word, or ``j`` when there is none within reach."""
        words = self.words
        if words[j][2] != "ns":
            return j
        k, reach = j + 1, words[j][1] + _NAME_MAX
        while k < len(words) and words[k][1] <= reach and (
                words[k][2] in _NAME_FLAGS or words[k][2] == "nt"):
            self._split_title(k)
            if words[k][2] == "nt" or self.rules[words[k][0]:words[k][1]].endswith(ORG_SUFFIXES):
                words[k] = (words[k][0], words[k][1], "nt")
                return k
            if words[k][2] == "c" and self.rules[words[k][0]:words[k][1]] not in ("和", "与"):
                return j
            if words[k][2] == "v" and k == j + 1:
                return j                        # 德州市 + 已有: a verb is no name's start
            k += 1
        return j


    def _split_title(self, k: int) -> None:
        """局局长 → 局 (the organisation's suffix) + 局长 (a post)."""
        start, end, _kind = self.words[k]
        word = self.rules[start:end]
        title = next((t for t in _TITLES if word.endswith(t) and len(word) > len(t)), None)
        if title is not None and word[:-len(title)].endswith(ORG_SUFFIXES):
            cut = end - len(title)
            self.words[k:k + 1] = [(start, cut, "nt"), (cut, end, "post")]


def from_pos(text: str, tagged: list[tuple[int, int, str]]) -> list[Suggestion]:
    """The rules, on ``(start, end, flag)`` words (pure: testable without jieba); they read
    the Simplified shadow of ``text`` and cut the spans from ``text``."""
    rules = simplified_shadow(text)
    words, places = mark_places(rules, [(s, e, _kind(rules, s, e, f)) for s, e, f in tagged])
    return _Rules(text, rules, join_units(rules, words, places), places).run()
