"""Person names among jieba's words: a name starts with a surname (jieba tags many ordinary
words nr: 春耕, 比武, 农村居民) and is not a surname with a form of address (王大爷, 张女士).

jieba splits names it does not know: 孙 + 建华, 周 + 建华, 龙 + 秀英, 雷 + 建新 (a verb),
吴国 + 平.  After a post (县长, 副局长) the next words are read as a name when they can be
one; elsewhere a one-character surname and a given name jieba tags nr make one.  Mixed into
the entity rules (``words``, ``rules``, ``word``, ``add``).
"""

from __future__ import annotations

from corpus.suggest.surnames import COMPOUND, has_surname

_ADDRESS = ("大爷", "大娘", "大妈", "大姐", "大哥", "女士", "先生", "师傅", "阿姨", "老师", "老人")
#: Flags a given name may not have (a verb may be one only right after a post: 雷 + 建新).
_NOT_NAME = frozenset(("v", "vd", "vn", "d", "p", "c", "u", "uj", "ul", "uz", "x", "m", "f",
                       "r", "t", "q", "post", "ns", "nt"))
#: Flags a one-character surname may not have (孙/zg, 周/nr, 龙/n, 张/q, 何/r are surnames;
#: 和/c, 向/p are not).
_NOT_SURNAME = frozenset(("c", "p", "d", "u", "uj", "ul", "uz", "x", "m", "post", "nt"))
#: After a post, a given name may be tagged anything but these (立新/d, 明亮/a, 茂林/ns,
#: 国庆/t, 平安/a).
_NOT_GIVEN = frozenset(("x", "u", "uj", "ul", "uz", "p", "c", "m", "r", "f", "q", "post",
                        "nt"))


class PersonRules:
    words: list[tuple[int, int, str]]
    rules: str

    def _person(self, start: int, end: int) -> bool:
        name = self.rules[start:end]
        longest = 4 if name.startswith(COMPOUND) else 3
        return 2 <= end - start <= longest and has_surname(name) and not name.endswith(_ADDRESS)

    def _split_name(self, i: int, after_post: bool) -> int:
        """The end index of a name a one-character surname starts at word ``i`` (孙 + 建华),
        or ``i`` when there is none."""
        if i + 1 >= len(self.words):
            return i
        start, end, kind = self.words[i]
        given_start, given_end, given_kind = self.words[i + 1]
        if end - start != 1 or kind in _NOT_SURNAME or given_start != end \
                or not has_surname(self.word(i) + "某") or not 1 <= given_end - given_start <= 2:
            return i
        if given_kind == "nr" or (after_post and given_kind not in _NOT_GIVEN):
            return i + 2
        return i

    def _name_after_post(self, i: int) -> int:
        """A name right after a post that jieba did not tag as one (孙 + 建华, 吴国 + 平, 王晓东
        as nz); returns the next word's index."""
        if i >= len(self.words):
            return i
        start, end, kind = self.words[i]
        given = self._split_name(i, after_post=True)
        if given > i:
            name_end = self.words[given - 1][1]
            if name_end - start == 3 and self.rules[name_end - 1] == "说":
                name_end -= 1                   # 李 + 明说: jieba's word for 明 + 说
            self.add(start, name_end, "PER")
            return given
        if kind in _NOT_NAME and kind != "ns" or not 2 <= end - start <= 3 \
                or not self._person(start, end):
            return i
        if end - start == 2 and i + 1 < len(self.words):    # 吴国 + 平
            next_start, next_end, next_kind = self.words[i + 1]
            if next_end - next_start == 1 and next_start == end and next_kind not in _NOT_NAME:
                self.add(start, next_end, "PER")
                return i + 2
        self.add(start, end, "PER")
        return i + 1

    def _person_at(self, i: int) -> int:
        """A name at word ``i`` outside a post's reach: jieba's nr with a surname, or a
        surname and a given name jieba tags nr (龙 + 秀英); the next word's index."""
        start, end, kind = self.words[i]
        given = self._split_name(i, after_post=False)
        if given > i:
            self.add(start, self.words[given - 1][1], "PER")
            return given
        if kind == "nr" and self._person(start, end):
            self.add(start, end, "PER")
        return i + 1
