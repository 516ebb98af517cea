"""Places and organisations named in a text: what events are grouped on and routed by.

Tianjin people name districts by their short form (河西, 滨海) or by a former name (塘沽,
汉沽, 大港 are in 滨海新区; 蓟县 is 蓟州区), so both resolve to the official name — but
河北省 is a province, not 河北区. Phone and ID numbers in public text are masked first
(``text.mask_numbers``), so no entity ever carries one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.text import mask_numbers

DISTRICTS = (
    "和平区",
    "河东区",
    "河西区",
    "南开区",
    "河北区",
    "红桥区",
    "东丽区",
    "西青区",
    "津南区",
    "北辰区",
    "武清区",
    "宝坻区",
    "滨海新区",
    "宁河区",
    "静海区",
    "蓟州区",
)
_DISTRICT_SHORT = {d.removesuffix("新区").removesuffix("区"): d for d in DISTRICTS}
_DISTRICT_ALIAS = {**_DISTRICT_SHORT, "塘沽": "滨海新区", "汉沽": "滨海新区", "大港": "滨海新区", "蓟县": "蓟州区"}
DISTRICT_SHORT_NAMES = frozenset(_DISTRICT_ALIAS)  # how people name a district in passing: 北辰, 塘沽
# A short name counts unless it is part of another name (河北省, 子牙河北路, 河北大街; 南开大学 is still 南开);
# 和平 needs a place word after it (和平年代 is not a district); the 津 of 天津 begins no 津南
# (#天津南开#, 天津南站).
_DISTRICT_MENTION = re.compile(
    "("
    + "|".join(
        "(?<!天)津南" if k == "津南" else k
        for k in sorted((k for k in _DISTRICT_ALIAS if k != "和平"), key=len, reverse=True)
    )
    + r")(?![省市人路道]|大街)"
    r"|(和平)(?=区|路|道|里|街)"
)
_ESTATE_SUFFIX = "小区|花园|家园|公寓|新村|新苑|嘉园|名苑|里|苑|园|大厦|公馆|府|城|湾|庭|里小区"
# A suffix that runs into 路/道 ends a road's name, not an estate's (黑牛城道, 华苑路); 园林 is
# gardening (树木需园林部门处理); 城中村 is a kind of village, no estate's 城.
ESTATE = re.compile(
    rf"([\u4e00-\u9fa5A-Za-z0-9]{{2,10}}?(?:{_ESTATE_SUFFIX}))(?![路道]|(?<=园)林|(?<=城)中)(?:小区)?(?:\d+号楼|\d+栋|\d+门)?"
)
BUILDING = re.compile(r"(\d{1,3})\s*(?:号楼|栋|幢)")
COMPANY = re.compile(
    r"([\u4e00-\u9fa5]{2,16}?(?:有限公司|集团|物业公司|物业|热力公司|燃气公司|建筑公司|开发公司|置业|地产))"
)
ROAD = re.compile(r"([\u4e00-\u9fa5]{2,8}(?:路|道|街|大街|胡同))(\d+号)?")
# Generic words that look like estate names but are not one.
_NOT_ESTATE = {
    "小区",
    "我们小区",
    "本小区",
    "该小区",
    "这个小区",
    "花园",
    "公园",
    "家园",
    "公寓",
    "校园",
    "田园",
    "幼儿园",
    "家里",
    "这里",
    "那里",
    "哪里",
    "城里",
    "县城",
    "全城",
    "进城",
    "公里",
    "千里",
    "里",
}
_LEAD_NOISE = re.compile(
    r"^(?:我们|我家|本人|我|住在|位于|居住在|在|的|是|家住|天津市?|市|感谢|投诉|举报|表扬|和|与|及|由|对|向|给|被|买了|买的|租了|租的|搬进)+"
)


@dataclass(frozen=True)
class Entities:
    districts: tuple[str, ...]
    estates: tuple[str, ...]
    buildings: tuple[str, ...]
    companies: tuple[str, ...]
    roads: tuple[str, ...]

    def as_dict(self) -> dict[str, list[str]]:
        return {
            "districts": list(self.districts),
            "estates": list(self.estates),
            "buildings": list(self.buildings),
            "companies": list(self.companies),
            "roads": list(self.roads),
        }


def _unique(values: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v for v in values if v))


def _clean_estate(name: str) -> str:
    name = _LEAD_NOISE.sub("", name)
    for district in DISTRICTS:
        name = name.removeprefix(district)
    return name if len(name) >= 3 and name not in _NOT_ESTATE else ""


def districts_in(text: str) -> tuple[str, ...]:
    """Official names of the Tianjin districts a text names, in order of first mention."""
    found = [_DISTRICT_ALIAS[m.group(1) or m.group(2)] for m in _DISTRICT_MENTION.finditer(text)]
    return _unique(found)


def extract(text: str) -> Entities:
    text = mask_numbers(text)
    districts = list(districts_in(text))
    estates = [_clean_estate(m.group(1)) for m in ESTATE.finditer(text)]
    companies = [_LEAD_NOISE.sub("", m.group(1)) for m in COMPANY.finditer(text)]
    return Entities(
        districts=_unique(districts),
        estates=_unique(estates),
        buildings=_unique([m.group(1) + "号楼" for m in BUILDING.finditer(text)]),
        companies=_unique([c for c in companies if len(c) >= 4]),
        roads=_unique([m.group(1) for m in ROAD.finditer(text)]),
    )
