"""The metric suggester's vocabulary: units and measure words, units of time and
approximators (corpus.suggest.metrics reads the Simplified shadow: these are Simplified)."""

import re

#: Measure words and units a metric may end in (Simplified: the rules read the shadow).
UNITS = (
    # counts
    "个", "名", "位", "人", "人次", "户", "件", "项", "场", "场次",
    "次", "张", "套", "家", "所", "座", "条", "支", "批", "类", "种",
    "处", "份", "台", "辆", "辆次", "架", "架次", "艘", "间", "栋",
    "幢", "层", "只", "头", "株", "棵", "本", "篇", "册", "首", "幅", "部",
    "款", "枚", "例", "剂", "剂次", "针", "票", "起", "宗", "笔", "组",
    "队", "门", "节", "片", "块", "倍", "岁", "分", "方面", "课时", "学时",
    "班次", "车次", "趟", "床", "箱", "袋", "吨", "亩", "位次", "个位次", "大",
    "封", "盏", "根", "颗", "粒", "轮", "口", "眼", "期", "单", "成",
    # places counted ("11省市", "7市")
    "村", "镇", "乡", "县", "市", "省", "省市", "县市区", "国",
    # money
    "元", "美元", "欧元", "港元", "日元", "英镑", "块钱",
    # measures
    "公里", "千米", "米", "厘米", "毫米", "平方米", "平米", "平方公里", "公顷",
    "立方米", "千克", "公斤", "克", "斤", "升", "毫升", "千瓦", "千瓦时", "瓦", "兆瓦", "度",
    "微克/立方米", "毫克/立方米", "毫克/升", "微克", "毫克", "元/吨", "元/亩", "元/平方米",
    "标箱",
    # percentages
    "个百分点", "百分点", "%", "％", "‰",
    # time: these make the number a date or a duration (excluded unless dates=True)
    "年", "年度", "周年", "年代", "个月", "月", "月份", "日", "天", "周", "星期",
    "个星期", "小时", "个小时", "分钟", "秒", "秒钟", "季度", "个季度",
    "个工作日", "工作日", "世纪",
)
TIME_UNITS = frozenset((
    "年", "年度", "周年", "年代", "个月", "月", "月份", "日", "天", "周", "星期", "个星期",
    "小时", "个小时", "分钟", "秒", "秒钟", "季度", "个季度", "个工作日", "工作日", "世纪"))
#: Units of time that make a duration (365天, 2个月); the others name a date (3月, 80年代).
#: 年 is a duration unless its number is a year (2021年, 二〇二一年).
DURATION_UNITS = frozenset((
    "年", "个月", "天", "周", "星期", "个星期", "小时", "个小时", "分钟", "秒", "秒钟", "季度",
    "个季度", "个工作日", "工作日"))
#: After a lone 一 before a unit of time, what makes it a duration (一年来, 一年时间, 一年内).
ONE_DURATION_AFTER = ("来", "以来", "时间", "内", "多", "才", "便")
#: 一个月就办齐了 takes a month; 在一天就要抓24小时 (就要: a duty) does not count the day.
ONE_DURATION_JIU = re.compile("就(?!要)")
#: Before a lone 一 and a unit of time, what makes it a duration (仅用一个月, 只用一天).
ONE_DURATION_BEFORE = ("用", "仅", "只", "历时", "耗时")
PERCENT_UNITS = frozenset(("%", "％"))
#: Units that follow Chinese numerals in names and idioms: they count after digits only.
ARABIC_ONLY = frozenset((
    "分", "度", "台", "门", "节", "头", "片", "块", "首", "层", "针", "票", "起", "克", "升",
    "部", "本", "队", "村", "镇", "乡", "县", "市", "省", "省市", "县市区", "国",
    "口", "眼", "期", "单", "根", "轮"))

APPROXIMATION = {
    "余": "≥", "多": "≥", "以上": "≥", "超": "≥", "超过": "≥", "超出": "≥", "逾": "≥", "过": "≥",
    "多于": "≥", "高于": "≥", "不少于": "≥", "不低于": "≥",
    "约": "≈", "大约": "≈", "近": "≈", "将近": "≈", "接近": "≈", "左右": "≈",
    "来": "≈", "不到": "<", "不足": "<", "少于": "<", "低于": "<", "以下": "≤", "以内": "≤", "不超过": "≤",
}
