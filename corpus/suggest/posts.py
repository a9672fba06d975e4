"""Posts: the titles of offices (POST), with or without the body before them.

The domain dictionary (resources/dictionaries/domain.txt) tags the common titles ``post``;
the titles here are posts whatever jieba tagged them (第一书记 comes as nz, 委员 as n), and a
body's name glued to a title is one post (政协主席, 人大常委会主任).  Words that belong to
the post after them when no place precedes: 常务 + 副县长, 社区 + 党总支 + 书记, 村 + 党支部书记
(after a place the title alone is the post and the rest the organisation: guidelines).
"""

from __future__ import annotations

TITLES = frozenset((
    "书记", "副书记", "第一书记", "党委书记", "党委副书记", "党组书记", "党支部书记", "支部书记",
    "党总支书记", "村支书", "主任", "副主任", "村主任", "局长", "副局长", "县长", "副县长",
    "常务副县长", "市长", "副市长", "区长", "副区长", "镇长", "副镇长", "乡长", "副乡长", "村长",
    "委员", "常委", "部长", "副部长", "主席", "副主席", "董事长", "副董事长", "总经理",
    "副总经理", "总裁", "厅长", "副厅长", "省长", "副省长", "处长", "科长", "所长", "站长",
    "院长", "校长", "行长", "社长", "队长", "主任委员", "秘书长", "调研员", "理事长", "会长",
    "检察长", "副检察长", "专员", "副专员"))
#: Bodies jieba glues to the title after them (政协主席, 人大常委会主任).
_GLUED_BODIES = ("政协", "人大常委会", "人大", "纪委", "监委", "妇联", "团委", "工会", "总工会")
#: Words that belong to the post after them when no place precedes.
PREFIXES = frozenset(("常务", "执行", "党组", "社区", "村", "党总支", "党支部", "支部", "村委会",
                      "居委会", "党工委"))


def is_title(word: str) -> bool:
    """A post whatever jieba tagged it: a title, or a body glued to one."""
    if word in TITLES:
        return True
    body = next((b for b in _GLUED_BODIES if word.startswith(b)), "")
    return bool(body) and word[len(body):] in TITLES
