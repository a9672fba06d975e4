"""Common Chinese surnames: a person's name starts with one.

jieba tags many ordinary words ``nr`` (春耕, 比武, 智慧, 晉升); a name the entity
rules accept must begin with a surname.  The list holds the ~200 most frequent
single-character surnames (covering well over 90% of the population), plus common
compound surnames, in Simplified characters: a name in Traditional text is checked
in the text's Simplified shadow (corpus.text.shadow), so 蔣中正 is found through 蒋.
"""

from __future__ import annotations

_SIMPLIFIED = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛"
    "郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦"
    "俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房"
    "滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应"
    "臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝代慕蔺展郜"
)
COMPOUND = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "长孙",
             "宇文", "司徒", "夏侯", "端木")
SURNAMES = frozenset(_SIMPLIFIED)


def has_surname(name: str) -> bool:
    """``name`` starts with a known surname and has a given name after it."""
    if name.startswith(COMPOUND):
        return len(name) >= 3
    return len(name) >= 2 and name[0] in SURNAMES
