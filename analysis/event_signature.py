"""What grouping needs to know about one item: where, who, which words, which thread.

A matter is a *where* (an estate, a road, a site, a company) plus a *what* (the
problem). People name the where loosely — 幸福里小区, 幸福里, 河西幸福里3号楼 — and
Chinese has no spaces to tell where a name starts, so a place is keyed by the two
characters before its suffix (…幸福里 → ``幸福里``; before a context word such as 小区 or
二期, three: …金地艺境小区 → ``地艺境*``). The key is the same however the sentence runs
into the name. The pipeline and the database path both build signatures here, so they agree.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property

from analysis.entities import DISTRICT_SHORT_NAMES, districts_in
from analysis.event_lexicon import (
    AREA,
    CLAUSE_END,
    COMMON,
    CONTEXT,
    ESTATE,
    ESTATE_1,
    FACETS,
    FORMER_DISTRICTS,
    GAS_KINDS,
    GENERIC_TERMS,
    INSTITUTION,
    INSTITUTION_KIND,
    NAME_FIRST,
    NAME_GOES_ON,
    NOT_PLACE,
    NUISANCES,
    POLICY_NOT_NAME,
    PROPERTY_KINDS,
    ROAD,
    STEM_STOP,
    SUFFIX,
    TRADES,
    WATER_KINDS,
    WORD_AFTER,
    WORKS,
)
from analysis.text import REPLY_TO, REPOST_CHAIN

MAX_PLACES = 4
HE_ENDINGS = ("园", "苑", "府")  # 欣和园, 悦和苑, 雍和府: one-character endings a name in 和 takes
# An item's own kind of trouble, a facet "mark:kind": the kind of works for any item, and per
# topic the trade of a wage item, what goes wrong with gas, what a property complaint is about.
# Two items whose kinds differ are two matters (``event_match.kinds_differ``).
KIND_TABLES: dict[str | None, tuple[str, dict[str, tuple[str, ...]]]] = {
    None: ("作业:", WORKS),
    "农民工工资": ("工种:", TRADES),
    "燃气": ("燃气:", GAS_KINDS),
    "物业管理": ("物业:", PROPERTY_KINDS),
    "建筑施工扰民": ("扰民:", NUISANCES),
    "供水排水": ("水:", WATER_KINDS),
}
PHASE_MARK = "期:"
# The phases of one estate (景和家园一期 / 二期) are as apart as two kinds of trouble: the cracks in
# the phase people live in and the late handover of the one being built are two matters.
KIND_MARKS = (*(mark for mark, _ in KIND_TABLES.values()), PHASE_MARK)
_PHASE = re.compile(r"(?<![第])([一二三四五六123456])期(?!间|待|望|限|满|末|初|货|刊|房)")
MATTER_HEAD = 80  # characters of clean text (title first) in which an institution or policy is the subject
_URL = re.compile(r"https?://\S+")
_MENTION = re.compile(r"@[\w\u4e00-\u9fa5\-]{1,30}")
_EMOJI = re.compile(r"\[[\u4e00-\u9fa5A-Za-z]{1,8}\]")
_BOILERPLATE = re.compile(
    r"转发微博|来电人?(?:反映|咨询|举报|投诉|求助|表示|称)?|其(?:居住|位于|住)在?|要求(?:相关部门)?(?:尽快)?|请(?:相关部门|领导)"
)
_NON_WORD = re.compile(r"[^\u4e00-\u9fa5A-Za-z0-9]+")
_RUN = re.compile(r"[\u4e00-\u9fa5]+|[A-Za-z0-9]+")
_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")}
_BUILDING_LIST = re.compile(r"(?<!\d)((?:\d{1,3}号?\s*[、,，和及与]\s*)+)\d{1,3}\s*(?:号楼|栋|幢|#)")
_NAMED_BUILDING = re.compile(r"([\u4e00-\u9fa5]{2})(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*(?:号楼|栋|幢)")
_SAME_FIRM = r"同一(?:个|家)?(?:开发商|开发公司|老板|公司)"
OTHER_PROJECT = re.compile(_SAME_FIRM + r"|(?:另|别)(?:一个|的)项目|开发商就是[^，。]{0,10}那个")
# +1 我车也在B2, 同问，我是7号楼的, 是馨和里吧？(which estate the post means): a reply that
# opens by siding with its post is about its matter, whatever else its words touch.
AGREEING = re.compile(
    r"^\W*(?:\+\s*1|同问|同楼|同小区|同感|一样|我也(?:是|一样|遇到|被)|我家也|我们(?:楼|家|这)?也|是[^，。！？]{2,8}吧[？?]"
    # 9号楼也是，烧水壶里一层黄垢; 9号楼的也漏: another building of the estate, the same trouble.
    r"|(?:我们?|我家)?[\d一二三四五六七八九十]{1,3}号楼(?:的)?也"
    # 7号楼2门的来报到，我家次卧一样; +1 7号楼2004打卡; 澜湾苑的+1: checking in under the post's matter.
    r"|[^，。！？]{0,10}(?:来报到|报个到|来打卡|打个卡)(?![^，。！？]{0,4}(?:别的|另一))|[^，。！？+]{1,10}的\s*\+\s*1"
    # 同澜湾 27层, 同锦澜苑的: "the same estate as you", a neighbour checking in.
    r"|同(?![意时样学事步比期志行类款批一])[\u4e00-\u9fa5\d]{1,6}(?:的[，,\s]|\s)"
    r")"
)
# 暖气不热就算了，我们12号楼电梯停了; 别说暖气了; 车库还算好的; 噪音还算小事，我们13号楼地库…;
# 裕润里好歹有人抢修，我们…; 你们好歹还开工了😂 我们…; 5号楼底下新来的那家装修才叫离谱; 新来的也没好到哪去;
# 问题还不止这个; 说到柳溪苑，…; 锦澜湾起码还是地面的，我们…; 你们还说停车，物业连保安工资都…: a reply that sets its
# post's matter aside to tell of its own.
SETTING_ASIDE = re.compile(
    r"^\W*(?:借(?:个|一下|贵宝地|宝地)?楼|插(?:个|一)?楼|跑个题|先?别说[^，。！？]{1,8}了|[^，。！？]{0,10}还有(?:个|一个|件)事|别(?:光|只)[^，。！？]{1,8}了|别(?:光|只)说[^，。！？]{1,8}[，,]|(?:不光|不只|不止)[^，。！？]{0,8}|题外话|说个别的|"
    r"[^，。！？]{1,12}(?:先放放|先放一放|先放一边|凑合吧|还凑合|还能忍|还能熬|还能等[^，。！？]{0,4})|"
    r"[^。！？]{0,24}[。！？!?]\s*另外|"
    r"[^，。！？]{1,12}(?:是另一种情况|是另一回事|是两码事|就算了|是一方面|还算好的|还算好|还算小事|都算小事|也算小事|都是小事|都不算啥|算好的|算啥|算什么|先不说|且不说|就别说了|就不说了|的事还没说完|的事还没完|的事先放一边)|"
    r"[^，。！？]{1,12}(?:好歹|起码|至少)(?![一二两三四五六七八九十几\d])[^，。！？\s]{0,14}(?:[，,]|\s+(?=我))|说到[^，。！？]{1,10}[，,\s]|说起来|知足吧|"
    r"你们?还(?:在)?说[^，。！？]{1,8}[，,]|"
    # 火是灭了，物业今天开始把楼道里的电动车全清出去了，可小区里一个充电桩都没有: the post's matter granted
    r"[^，。！？]{1,6}是[^，。！？]{1,4}了[，,](?:[^。！？]{0,30}?[，,])?\s*(?:可|但)|"
    r"我(?:这|们)?不是[^，。！？]{1,8}[，,]|"
    r"([^，。！？]{1,6})就\1吧|[^，。！？]{1,20}更(?:过分|离谱|严重|厉害|惨)|[^，。！？]{2,20}才(?:叫|是)真?(?:过分|离谱|严重|闹心|吓人)|[^，。！？]{1,10}也(?:没|不)(?:好|强)到哪(?:里|儿)?去|[^，。！？]{0,10}还不(?:止|只|光)(?:这个|这些|这一个|这一件|这点|这一处)|你们(?:那|这)(?:是|还)[^，。！？]{0,8}[，,]\s*我们)"
)
# 锦澜湾的+1，不过我们这边35号是在房顶上搭玻璃房: siding with the post, then telling another matter.
CONCEDING = re.compile(r"^[^。！？!?]{0,12}\+\s*1[，,\s]*(?:不过|但是|可是|只是)[^，。！？]{0,4}(?:我们?|我家|俺)")
# 塑钢窗质量太差了，我家也灌风: the post's trouble in the writer's words, then the same at home.
# Read after the patterns that set a post aside (车库还算好的，我们家也漏了 is another matter).
AGREEING_LATER = re.compile(r"^[^。！？!?]{2,16}[，,]\s*(?:我家也|我们家也|我们楼也|俺家也)")
# 星光路南边那个学校工地也是: another site the writer points to, with the same trouble.
POINTING_ELSEWHERE = re.compile(
    r"^[^，。！？]{0,8}(?:南边|北边|东边|西边|对面|旁边|那头)那个[^，。！？]{0,10}也(?:是|一样|这样)"
    # 我是隔壁馨悦园的，我们6号楼外墙也渗水: the writer lives at the neighbouring estate.
    r"|^[^，。！？]{0,4}我(?:是|家是|家在|住)(?:隔壁|对面|旁边)[^，。！？]{2,8}的"
)
# 津塘路修地铁那块也是, 丁字沽三号路那边停水两天了: a reply pointing at a spot — another place when it
# names one the post does not (康宁里8号楼那边 under a post about 康宁里 is the post's own).
POINTING_AT = re.compile(
    r"^[^，。！？]{2,12}(?:那块|那片|那边)(?:[^，。！？]{0,8}也(?:是|一样|这样)|[^，。！？也]{2,})"
)
MASKED_PHONE = re.compile(r"1[3-9]\d[*＊]{4}\d{4}")
FOLLOW_UP = re.compile(
    r"再次反映|再次来电|重复来电|又一次反映|(?:上次|之前|此前|上个月|前些天|[一二三四五六七八九十\d]+月份?(?:\d+日)?)反映的|(?:上次|上回|之前)(?:说|发|提)的|第[二三四五六七八九十\d]+次反映|(?:之前|上次|此前|当时|曾经?|[一二三四五六七八九十\d]+月份?)[^，。]{0,16}"
    r"(?:反映过|留过言|留言反映|打过|投诉过)"
    # 打了两次12319, 通过12319热线反映后: the hotline heard it first
    r"|(?:打了?|拨打了?|打过)(?:[两几三四五\d]次|好几次|多次)?12319|(?:通过|向|给)12319[^，。]{0,6}反映"
)
METRO_LINE = re.compile(r"([0-9]{1,2}|[一二三四五六七八九十]{1,3})号线")


def metro_lines(text: str) -> frozenset[str]:
    """The metro lines a text names, as numbers (七号线 and 7号线 are one line)."""
    return frozenset(_number(m) for m in METRO_LINE.findall(text))


PIPE_WORKS = re.compile(
    r"(?:管网|管线|管道|主管|供热|暖气|燃气|自来水|供水|雨污|排水)[^，。！？]{0,4}(?:改造|施工|开挖|更换|铺设|敷设)"
    r"|挖沟|沟槽|挖开|回填"
)
# 7月份反映的屋顶漏雨问题已修好，近一周一楼下水返水: what was raised before is settled; the call
# is about something new.
_SETTLED = re.compile(r"[^。！？；]{0,30}?(?:已|已经)(?:修好|解决|处理好|处理完|修复|维修好|整改完)")
AREA_END = frozenset("镇乡街区县")
COUNTING = frozenset("一二两三四五六七八九十几每这那")
_NOT_IN_NAME = frozenset("区楼层号门单栋院")  # 小区内5号楼, 同楼3号楼: no name before the number
# Hotline exports mask names: 雍和*园, 运河湾*苑, 御澜*二期, 津海建*集团. The two characters
# before the mask are what the record still says of the name.
_MASKED = re.compile(r"([\u4e00-\u9fa5]{2})[*＊]+([\u4e00-\u9fa5]{0,4})")
# An area's or a road's last character right before the mask: what is masked is a whole name.
_BEFORE_MASKED_NAME = AREA_END | frozenset("村市路道")
_MASKED_COMPANY = re.compile(r"^[\u4e00-\u9fa5]{0,2}(?:集团|公司|劳务|建设|建工|地产|置业|物业|实业|工程)")
_BUILDING = re.compile(r"(\d{1,3})\s*(?:号楼|栋|幢|号院|#楼?)|([一二三四五六七八九十]{1,3})号楼")
_REGISTERED = re.compile(r"([\u4e00-\u9fa5]{2,16}?)(?:股份有限公司|有限责任公司|有限公司|股份公司|集团)")
_TRADE = re.compile(
    r"([\u4e00-\u9fa5]{2,8}?)(?:(?:房地产|地产|置业|建筑|劳务|建设|建工(?!程))(?:工程|开发)?|(?:房屋)?(?:租赁|中介|经纪)公司)"
)
_INDUSTRY = re.compile(
    r"(?:房地产开发|房地产|地产|置业|开发|投资|实业|发展|建筑|建设|工程|劳务|物业服务|物业|服务|管理|资产|经营|科技|"
    r"商贸|贸易|租赁|房屋|住房|公寓|热力|燃气|供热|自来水|供水|城市|市政|咨询|销售|中介|经纪|装饰|装修|安装|水务|能源|分包|电梯|维保|"
    r"总包)+$"
)
# A rental operator's brand (优居客公寓, 栖巢公寓) is a company, not an estate: its tenants and
# landlords live all over town, and one estate's evictions are not another's unpaid rent.
# Known by what is said of it: its tenants, stewards and listings, or renting through it.
_BRAND_AFTER = re.compile(
    r"管理|公司|有限|集团|的?(?:租户|租客|管家|房源|客服|合同|门店|办公)|托管|爆雷|跑路|拖欠|收房|租金贷"
)
_BRAND_BEFORE = re.compile(r"(?:通过|托管给|委托给?|经|签约)[\u4e00-\u9fa5]{0,2}$")
_APARTMENT = re.compile(r"(?=([\u4e00-\u9fa5]{2})公寓)")


@dataclass(frozen=True)
class Signature:
    """What grouping needs to know about one item; built by ``signature_for``."""

    item_ref: str
    topic: str
    published_at: datetime
    shingles: frozenset[str]
    places: frozenset[str]
    companies: frozenset[str]
    districts: frozenset[str] = frozenset()
    source: str = ""
    source_ref: str = ""  # the id at the source, which comments and reposts point to
    parent_ref: str | None = None
    topics: frozenset[str] = frozenset()  # every topic the text scored for
    tags: frozenset[str] = frozenset()  # second-level problem tags of the topic
    areas: frozenset[str] = frozenset()  # towns, streets (街道), villages: coarser than places
    buildings: frozenset[str] = frozenset()
    terms: frozenset[str] = frozenset()
    matters: frozenset[str] = frozenset()  # institutions and named policies (经济学院, 人才购房补贴)
    follow_up: bool = False  # the text says the matter was raised before (再次反映, 打过12319)
    # 同一个开发商，滨海那边已经烂尾: the company links this project to another one; it does not
    # make the two one matter.
    other_project: bool = False
    # How a reply opens: "agree" siding with its post (+1, 同问), "aside" setting its post's matter
    # aside for its own (暖气不热就算了), "elsewhere" pointing to another site with the same
    # trouble (南边那个工地也是), "there" pointing at a spot (津塘路那块也是), "" none of these.
    stance: str = ""
    masked: frozenset[str] = frozenset()  # what masks left of estate names: **华庭 → 华庭, 红*里, 怡**小区 → 怡*
    facets: frozenset[str] = frozenset()  # concrete problems a topic's tags lump together (过渡费, 强拆)
    # 【政策解读】…, 【供热准备】…: an account's announcement; the replies under it raise matters of their own.
    announcement: bool = False
    caller: str = ""  # the author's account or a hotline caller's masked number: a repeat complainant
    # 隔壁紫荆雅园都涨到两块四了 in a letter about 紫荆花园: a neighbour named to compare, not the matter's place.
    compared: frozenset[str] = frozenset()
    # 隔壁瑞和园3号楼一模一样: an estate named as next door, whether or not the item names its own.
    next_door: frozenset[str] = frozenset()
    # 供热管网改造开挖, 供热管线施工半幅封闭: pipe works, filed under the utility by one writer and
    # under the road or the site by the next.
    pipe_works: bool = False
    # 13号线白堤路站 beside 7号线红旗南路站 on one road: each metro line's works are a site of their own.
    lines: frozenset[str] = frozenset()

    @cached_property  # asked for every candidate of every match
    def problems(self) -> frozenset[str]:
        """Its facets that are concrete problems, compared as such (``KIND_ONLY`` kinds are not)."""
        return frozenset(f for f in self.facets if not f.startswith(KIND_ONLY))

    @cached_property  # asked for every candidate of every match
    def kinds(self) -> dict[str, frozenset[str]]:
        """Its facets by kind table (``KIND_MARKS``): compared table by table in ``kinds_apart``."""
        found: dict[str, set[str]] = {}
        for facet in self.facets:
            for mark in KIND_MARKS:
                if facet.startswith(mark):
                    found.setdefault(mark, set()).add(facet)
        return {mark: frozenset(kinds) for mark, kinds in found.items()}

    @cached_property  # asked for every candidate of every match
    def starred(self) -> frozenset[str]:
        """Its place keys with a masked or dropped ending (珠江*): few items have any."""
        return frozenset(k for k in self.places if k.endswith("*"))

    @cached_property  # asked for every candidate of every match
    def short_names(self) -> frozenset[str]:
        """The two characters a three-character key of its own keeps of a name written without its
        two-character ending (泰澜庭, 同澜庭 → 澜庭: 鸿泰澜庭 and 澜庭花园 are one estate). Not a neighbour
        it names to say where (与华锦澜湾隔一条马路), nor one after the word saying so (隔壁澜湾 → 壁澜湾)."""
        return frozenset(
            k[1:]
            for k in self.places - self.compared
            if len(k) == 3 and k[-1] in "庭苑园府湾里" and k[1] not in "花家嘉名" and k[0] not in _NEIGHBOUR_ENDS
        )

    @cached_property  # asked for every candidate the judge weighs
    def name_terms(self) -> frozenset[str]:
        """The character bigrams of its names (places, areas, companies, districts, institutions
        and policies): what two items share by naming one place is not a shared problem."""
        matters = [m.removesuffix("政策") for m in self.matters]
        names = [n.rstrip("*") for n in (*self.places, *self.areas, *self.companies, *self.districts, *matters)]
        # 京津路 is written 京津公路 too
        names += [n[:-1] + "公路" for n in self.places if len(n) == 3 and n.endswith("路")]
        return frozenset(n[i : i + 2] for n in names for i in range(len(n) - 1))

    @cached_property  # asked for every candidate of every match
    def thread(self) -> str:
        """The thread an item belongs to: its parent's, or its own when it has none."""
        return f"{self.source}\x1f{self.parent_ref or self.source_ref or self.item_ref}"

    @cached_property
    def own_thread(self) -> str:
        return f"{self.source}\x1f{self.source_ref or self.item_ref}"


def clean_text(text: str) -> str:
    """Text without repost chains, mentions, emoticons, links and hotline boilerplate."""
    for pattern, repl in ((_URL, " "), (REPOST_CHAIN, "。"), (REPLY_TO, " "), (_MENTION, " "), (_EMOJI, " ")):
        text = pattern.sub(repl, text)
    return _BOILERPLATE.sub("。", text)


def shingles(text: str, size: int = 3) -> frozenset[str]:
    clean = _NON_WORD.sub("", clean_text(text))
    if len(clean) <= size:
        return frozenset({clean}) if clean else frozenset()
    return frozenset(clean[i : i + size] for i in range(len(clean) - size + 1))


def terms(text: str) -> frozenset[str]:
    """Character bigrams of the Chinese runs plus Latin/number tokens, minus boilerplate."""
    out: set[str] = set()
    for run in _RUN.findall(clean_text(text)):
        out.update({run.lower()} if run.isascii() else {run[i : i + 2] for i in range(len(run) - 1)})
    return frozenset(out - GENERIC_TERMS)


def _is_stem(stem: str) -> bool:
    return (
        len(stem) == 2
        and not (stem[0].isdigit() and stem[1] in "年月日号")  # 12月河东区: a date, then a district
        and all("\u4e00" <= c <= "\u9fa5" or c.isdigit() for c in stem)
        and stem[1] not in STEM_STOP
        and (stem[0] not in STEM_STOP or stem[0] in NAME_FIRST)
        and stem not in COMMON
        and stem[0] not in AREA_END  # 精武镇学府雅苑: the 镇 closes the town's name, 镇学府 is no estate
    )


def _starts_name(text: str, at: int) -> bool:
    """Whether a name can begin at ``at``: after a street's, road's or district's last
    character, a break or a word before a name (金钟街欣和园, 在春和园, 住春和园), not inside a
    longer one (丁字沽和苑 is 和苑)."""
    if at <= 0:
        return True
    before = text[at - 1]
    if text[max(0, at - 2) : at] in NEIGHBOUR_WORDS:
        return True  # 隔壁瑞和园
    return before in "街镇乡区县村路道住" or before in STEM_STOP or not "\u4e00" <= before <= "\u9fa5"


def _is_masked_stem(stem: str) -> bool:
    """What a mask leaves of a name (雍和*园): any two characters of a name, even one ending in 和."""
    return stem[0] not in STEM_STOP and stem not in COMMON


_WORD_ENDS = frozenset(w for w in NOT_PLACE if len(w) >= 2)


def _ends_in_word(text: str, end: int) -> bool:
    return any(text[max(0, end - n) : end] in _WORD_ENDS for n in (2, 3))


_ESTATE_ENDING = "|".join(sorted(ESTATE + ESTATE_1, key=len, reverse=True))
# 西青区中北镇**华庭7号楼, 金钟街**湾项目: a hotline export masks the whole name and keeps its ending.
_MASKED_WHOLE = re.compile(r"[*＊]{2,}([\u4e00-\u9fa5]{0,2}?(?:" + _ESTATE_ENDING + "))")
# Beside a place (北侧, 路边) or after a street's or road's name, a mask that starts one
# character later keeps the name's first character (宁园街红*里); that character is never
# the street's own last one (新村街**家园 keeps nothing).
_BESIDE = "侧边旁"
# 汉沽景*苑, 塘沽海**家园: an old town's name (``FORMER_DISTRICTS``) closes a where as a street's does.
_HEADED_MASK = (
    r"(?:(?<=[街镇乡区县村路道" + _BESIDE + r"])|(?<=" + "|".join(sorted(FORMER_DISTRICTS)) + r"))"
    r"([^街镇乡区县村路道\W\d])[*＊]+"
)
# 宁园街红*里: the name's first character and its ending.
_MASKED_AFTER_AREA = re.compile(_HEADED_MASK + "(" + _ESTATE_ENDING + ")")
# 咸阳北路街怡**小区: the mask took the ending too; the first character still narrows the name.
_MASKED_HEAD_ONLY = re.compile(_HEADED_MASK + "(?=小区|项目|社区|安置|还迁)")
# 天津北站, 北站那边, 西站后广场: a railway station is the landmark people place a matter by.
_STATION = re.compile(
    r"天津([东西南北])站|(?<![\u4e00-\u9fa5])([东西南北])站|"
    r"([东西南北])站(?=那边|这边|附近|一带|周边|旁边|后广场|前广场|地区)"
)
# Village names told apart by one character before the rest: 北孟庄村 / 南孟庄村, 大韩庄村.
_VILLAGE_HEAD = frozenset("东西南北前后大小上中下")


def _village_head(char: str) -> bool:
    """The character before a village's last two (曹|家台村, 范|庄子村) belongs to its name unless it
    ends a word or a bigger place (到王庄村, 镇王庄村, 的王庄村)."""
    return char in _VILLAGE_HEAD or (
        "\u4e00" <= char <= "\u9fa5"
        and char not in STEM_STOP
        and char not in CLAUSE_END
        and char not in "镇乡街区县村市道路省城"
    )


_ANNOUNCEMENT = re.compile(r"\s*【[^】]{2,30}】")  # 【政策解读】…: an account's announcement


def masked_endings(text: str) -> frozenset[str]:
    """What masks left of estate names: the ending of a name masked whole (**华庭 → 华庭), the
    first character and the ending (红*里), or the first character alone (怡**小区 → ``怡*``):
    all a record keeps of where. Cleaning never touches a mask."""
    whole = {m.group(1) for m in _MASKED_WHOLE.finditer(text)}
    headed = {f"{m.group(1)}*{m.group(2)}" for m in _MASKED_AFTER_AREA.finditer(text)}
    return frozenset(whole | headed | {f"{m.group(1)}*" for m in _MASKED_HEAD_ONLY.finditer(text)})


def places_in(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """(estate, road and site keys; area keys: towns, streets, villages) named in a text.

    Only the first few of each count: a concrete matter has one or two places, and a
    post listing a dozen roads is a policy wish whose roads would chain unrelated items.
    A name before a context word keeps three characters when it has them (金地艺境小区 →
    ``地艺境*``): two would too often be a verb (装修项目, 担心小区).
    """
    text = clean_text(text)
    fine: list[str] = []
    areas: list[str] = []
    named_ends: set[int] = set()  # where the names found end
    for found in SUFFIX.finditer(text):
        suffix, start, end = found.group(1), found.start(), found.end()
        stem, after = text[max(0, start - 2) : start], text[end : end + 2]
        key = stem + suffix
        # 雍和嘉园, 祥和家园: before a two-character estate ending a name may end in 和.
        named = _is_stem(stem) or (
            len(stem) == 2
            and (
                suffix in ESTATE
                or (suffix == "里" and (after[:1] or " ") not in "面头边外")
                or (suffix in HE_ENDINGS and (after[:1] or " ") not in "区方林" and _starts_name(text, start - 2))
            )
            and stem[1] == "和"
            and "\u4e00" <= stem[0] <= "\u9fa5"
            and stem[0] not in STEM_STOP
            and stem[0] not in "子儿人"  # 房子和花园: a noun, then 和
        )
        numbered = key[1:] == "马路" and stem[0] in "一二三四五六七八九十"  # 五马路, 二马路: Tianjin's numbered roads
        if not named or key in NOT_PLACE or (key[1:] in NOT_PLACE and not numbered):
            continue
        if stem[0] == "同" and (start == 2 or not "\u4e00" <= text[start - 3] <= "\u9fa5") and after[:1] in "的 ":
            continue  # 同澜湾 27层: "the same estate as you" before a short name, no estate called 同澜湾
        if text[max(0, start - 3) : start - 1] == "地铁":
            continue  # 地铁宁园站: a station's name runs into 地铁, no estate called 铁宁园
        if text[max(0, start - 3) : end] in NOT_PLACE or (suffix, after[:1]) in WORD_AFTER:
            continue
        if suffix == "路" and after[:1] == "过" and after != "过街":
            continue  # 辰光里路过: passing by, no road called 光里路 (汇川路过街通道 keeps its road)
        if suffix == "里" and (_ends_in_word(text, start) or stem[-1] in "镇村乡县区市"):
            continue  # 公园里, 幼儿园里, 等镇里, 找村里: inside a place-word or a town; 宁园里 is an estate
        if NAME_GOES_ON.match(after) and not after.startswith(("村民", "村委", "村里", "城中", "道路")):
            continue  # 星湖|湾, 梅溪|湖: the name goes on to a longer suffix
        if suffix in ESTATE and stem[-1] in "路道":
            # 育才路新城实验小学: the road (read as running on into 新城) is the place; no estate is
            # called 才路新城.
            road = text[max(0, start - 3) : start]
            if len(road) == 3 and _is_stem(road[:2]) and road not in fine and len(fine) < MAX_PLACES:
                fine.append(road)
            continue
        if suffix == "村" and after[:1] == "民" and stem[-1] in CLAUSE_END:
            continue  # 路面未恢复致村民摔伤: the villagers, after a verb; no village called 恢复致村
        if suffix == "道" and stem[-1] in COUNTING:
            continue  # 有一道裂缝, 好几道口子: a measure word, not a road
        if stem[-1] in "村镇乡" and (suffix in CONTEXT or suffix == "村"):
            continue  # 北孟庄村一期, 南孟庄村村民: the village's own key already names it
        if suffix in CONTEXT:
            if any(not k.endswith(ROAD) for k in places_in(text[max(0, start - 6) : start])[0]):
                continue  # 幸福里小区: the estate's own key already names it (新开路嘉和里小区: a road does not)
            if stem[-1] in "全整各本该每此批" or stem[-1] in CLAUSE_END or stem in DISTRICT_SHORT_NAMES:
                continue  # 全小区停止供热, 该项目, 第二批公租房, 北辰公租房, 网传小区: no place's name
            head = text[start - 3 : start - 2] if start >= 3 else ""
            if head in ("*", "＊"):
                continue  # **家园小区: the name is masked, 家园 is only its ending
            if stem.endswith(ROAD):
                continue  # 雍阳东道工地: the road's own key names it
            key = (head if _is_stem(head + stem[0]) and head not in _BEFORE_MASKED_NAME else "") + stem + "*"
        if suffix == "村" and start >= 3 and _village_head(text[start - 3]):
            # 北孟庄村 and 南孟庄村 are neighbours, not one 孟庄村; 范庄子村 and 刘家庄子村 not one 庄子村
            key = text[start - 3] + key
        if suffix == "街道":
            key = stem + "街"  # 丁字沽街道 and 丁字沽街 are one street
        elif suffix == "公路":
            key = stem + "路"  # 京津公路 and 京津路 are one road
        bucket = areas if suffix in AREA else fine
        named_ends.add(end)
        if key not in bucket and len(bucket) < MAX_PLACES:
            bucket.append(key)
        # 御河湾花园 is also 御河湾: people drop the outer ending as often as they write it.
        inner = text[max(0, start - 3) : start]
        nested = suffix in ESTATE and len(inner) == 3 and inner[-1] in ESTATE_1 and _is_stem(inner[:2])
        if nested and inner not in fine and len(fine) < MAX_PLACES:
            fine.append(inner)
    for found in _MASKED.finditer(text):
        # 雍和*园 here, 雍和嘉园 there: the stem plus ``*`` matches the name written in full.
        stem, tail = found.group(1), found.group(2)
        if stem[-1] in _BEFORE_MASKED_NAME:
            continue  # 华明街**家园: a street's name, then the whole estate name masked
        after_town = text[found.start() - 1 : found.start() + 1] in FORMER_DISTRICTS
        if stem[0] in _BEFORE_MASKED_NAME or stem[0] in _BESIDE or after_town:
            continue  # 宁园街红*里, 汉沽景*苑: one character of the name is left (see ``masked_endings``)
        if named_ends & {found.start() + 1, found.start() + 2} or stem in DISTRICT_SHORT_NAMES:
            continue  # 生态城**府, 生态城海*府, 塘沽**公租房: a place's or a district's name, then the masked one
        if _is_masked_stem(stem) and not _MASKED_COMPANY.match(tail):
            key = stem + "*"
            if key not in fine and len(fine) < MAX_PLACES:
                fine.append(key)
    for found in _NAMED_BUILDING.finditer(text):
        # 润泽12号楼: an estate's short name right before a building number; like a name before
        # a context word, its key is the stem plus ``*`` and matches 润泽花园 written in full.
        stem = found.group(1)
        if _is_stem(stem) and stem[-1] not in CLAUSE_END and not SUFFIX.search(stem) and not set(stem) & _NOT_IN_NAME:
            key = stem + "*"
            if key not in fine and len(fine) < MAX_PLACES:
                fine.append(key)
    for found in _STATION.finditer(text):
        key = (found.group(1) or found.group(2) or found.group(3)) + "站"
        if key not in areas and len(areas) < MAX_PLACES:
            areas.append(key)
    return frozenset(fine), frozenset(areas)


def companies_in(text: str, named: Iterable[str] = ()) -> frozenset[str]:
    """Company keys: the two characters before the industry words (天津宏达建筑工程有限公司 → 宏达).

    Only registered names (有限公司, 集团) and trade names (宏达建筑, 顺达劳务) count: a bare
    物业公司 or 热力公司 is whoever serves the estate, which the place already says.
    """
    clean = clean_text(text)
    names = [m.group(1) for m in _REGISTERED.finditer(clean)] + [m.group(1) for m in _TRADE.finditer(clean)]
    keys: set[str] = set()
    for name in names + [n for n in named if _REGISTERED.search(n)]:
        core = _INDUSTRY.sub("", _REGISTERED.sub(r"\1", name))[-2:]
        if _is_stem(core) and not SUFFIX.fullmatch(core[-1]) and core[-1] not in CLAUSE_END:
            keys.add(core)  # 年前劳务老板, 应由劳务公司: a time or a verb before the trade, no name
    # 津海建*集团: a masked registered name keeps the two characters before its mask.
    keys.update(
        m.group(1) for m in _MASKED.finditer(clean) if _MASKED_COMPANY.match(m.group(2)) and _is_masked_stem(m.group(1))
    )
    return frozenset(keys)


_INSTITUTION = re.compile("(" + "|".join(sorted(INSTITUTION, key=len, reverse=True)) + ")")
# A district's name and up to ten characters of one clause before what it runs (北辰区第二批…).
_IN_DISTRICT = "(" + "|".join(sorted(DISTRICT_SHORT_NAMES)) + r")(?:新区|区)?[^，。！？；\s]{0,10}?"
# 北辰区第二批公租房摇号, 北辰这次公租房摇号: one district's allocation round is one matter,
# however each family words it (keyed by the district: 北辰摇号).
_LOTTERY = re.compile(
    _IN_DISTRICT + r"(?:公租房|保障房|限价房|经适房|廉租房|共有产权房|人才公寓)[^，。！？；\s]{0,2}?(?:摇号|配租|选房)"
)
# 和平区住房租金补贴, 和平区的租房补贴: one district's rent subsidy is paid in rounds, and a round
# paid late is one matter however each family words it (keyed by the district: 和平租补).
_RENT_SUBSIDY = re.compile(_IN_DISTRICT + r"(?:住房)?(?:租金|租房)(?:补贴|补助)")
_POLICY = re.compile(
    r"([\u4e00-\u9fa5]{2})(?:认证|新政)?的?(?:购房|租房|住房|安家)(?:及购房)?(?:补贴|补助)|([\u4e00-\u9fa5]{2})新政"
)


# 居民管道天然气销售价格将于11月1日起调整, 居民气价要调了: a citywide utility price change is one
# matter, however each household asks about it (keyed by the utility: 气价调价).
_PRICE_CHANGE = re.compile(
    r"(天然气|燃气|气|自来水|水|供热|采暖|热)(?:销售)?(?:价格?|费标准)[^，。！？；]{0,10}?(?:调整|调了|上调|调价|上涨|涨价)"
)
_PRICE_KIND = {
    "天然气": "气价",
    "燃气": "气价",
    "气": "气价",
    "自来水": "水价",
    "水": "水价",
    "供热": "热价",
    "采暖": "热价",
    "热": "热价",
}


def matters_in(text: str) -> frozenset[str]:
    """Institutions and named policies a text is about: the *where* of matters with no address.

    An institution is keyed by the two characters before its ending, the same however the
    sentence runs into it (涉外经济学院 and 经济学院 → ``经济学院``); a descriptive word there
    (实验, 配套) takes the two before it, or drops the name when there are none. A policy is
    keyed by whom it is for (人才新政, 人才购房补贴, 人才认证租房补贴 → ``人才政策``): people ask
    about it in their own words and rarely quote the document's title. Only the title and
    opening count: a school or a subsidy named further on is usually context (the estate is
    near 博才小学, the buyer once had a subsidy), not what the text is about.
    """
    clean = clean_text(text)[:MATTER_HEAD]
    keys: list[str] = []
    for found in _INSTITUTION.finditer(clean):
        start, stem = found.start(), clean[max(0, found.start() - 2) : found.start()]
        if stem in INSTITUTION_KIND:
            head = clean[max(0, start - 4) : start - 2]
            stem = head + stem if _is_stem(head) and head not in INSTITUTION_KIND else ""
        key = stem + found.group(1)
        named = stem and _is_stem(stem[:2]) and not any(c in "性型" for c in stem)  # 营利性, 普惠型
        if named and key not in NOT_PLACE and key not in keys:
            keys.append(key)
    for found in _POLICY.finditer(clean):
        stem = found.group(1) or found.group(2)
        if _is_stem(stem) and stem not in POLICY_NOT_NAME and not any(c in "最年次" for c in stem):
            keys.append(stem + "政策")
    keys += [found.group(1) + "摇号" for found in _LOTTERY.finditer(clean)]
    keys += [found.group(1) + "租补" for found in _RENT_SUBSIDY.finditer(clean)]
    keys += [_PRICE_KIND[found.group(1)] + "调价" for found in _PRICE_CHANGE.finditer(clean)]
    return frozenset(keys[:MAX_PLACES])


def institution_core(key: str) -> str:
    """An institution key's ending and one character of its name (学总医院 → 总医院, 城建职业学院
    → 建职业学院: a descriptive word such as 职业 is not the name)."""
    found = _INSTITUTION.search(key)
    if found is None:
        return key
    name = key[: found.start()]
    keep = 3 if name[-2:] in INSTITUTION_KIND else 1
    return name[-keep:] + key[found.start() :]


def buildings_in(text: str) -> frozenset[str]:
    """Building numbers, as digits (3号楼, 三号楼 and 3栋 are the same building); a list
    (17、18、21号楼 or 5号、6号楼) names every building in it, not only the last."""
    found = {_number(m.group(1) or m.group(2)) for m in _BUILDING.finditer(text)}
    for listed in _BUILDING_LIST.finditer(text):
        found.update(_number(n) for n in re.findall(r"\d{1,3}", listed.group(1)))
    return frozenset(found)


def _own_buildings(text: str) -> frozenset[str]:
    """The buildings an item is about, without one it disowns (来电人特别说明不是前几天爆管的9号楼):
    kept whole when nothing is left."""
    found = buildings_in(text)
    if len(found) < 2:
        return found
    return buildings_in(_DISOWNED.sub("，", text)) or found


def _number(numeral: str) -> str:
    if numeral.isdigit():
        return str(int(numeral))
    tens, _, units = numeral.rpartition("十")
    value = (_DIGITS.get(tens, 1) * 10 if "十" in numeral else 0) + _DIGITS.get(units, 0)
    return str(value)


def rental_brands(text: str) -> frozenset[str]:
    """Stems of rental operators' brands (the two characters before 公寓), keyed like companies."""
    clean = clean_text(text)
    found = set()
    for m in _APARTMENT.finditer(clean):
        start, end = m.start(), m.start() + 4
        if _BRAND_AFTER.match(clean, end) or _BRAND_BEFORE.search(clean[max(0, start - 5) : start]):
            found.add(m.group(1))
    return frozenset(stem for stem in found if _is_stem(stem))


def signature_for(
    item_ref: str,
    topic: str,
    published_at: datetime,
    text: str,
    *,
    estates: Iterable[str] = (),
    companies: Iterable[str] = (),
    districts: Iterable[str] = (),
    source: str = "",
    source_ref: str = "",
    parent_ref: str | None = None,
    topics: Iterable[str] = (),
    tags: Iterable[str] = (),
    author: str | None = None,
) -> Signature:
    """The one way the pipeline and the database path build a signature, so they agree."""
    fine, areas = places_in(text)
    for estate in estates:
        fine |= places_in(estate)[0]
    compared = _compared(text, fine)
    brands = rental_brands(text)
    if brands:
        fine = frozenset(p for p in fine if not (p.endswith("公寓") and p[:-2] in brands))
    announcement = _ANNOUNCEMENT.match(text) is not None
    districts = _own_districts(text, frozenset(districts))
    return Signature(
        item_ref=item_ref,
        topic=topic,
        published_at=published_at,
        shingles=shingles(text),
        places=fine,
        companies=companies_in(text, companies) | brands,
        districts=districts,
        source=source,
        source_ref=source_ref or item_ref,
        parent_ref=parent_ref or None,
        topics=frozenset(topics) | {topic},
        tags=frozenset(tags),
        areas=areas,
        buildings=_own_buildings(text),
        matters=matters_in(text),
        terms=terms(text),
        follow_up=_follows_up(text),
        other_project=OTHER_PROJECT.search(text) is not None,
        stance=_stance(text),
        caller=_caller(text, source, author),
        masked=masked_endings(text),
        facets=_facets(text) | _own_kind(text, topic) | _phases(text),
        announcement=announcement,
        compared=compared,
        next_door=_next_door(text, fine),
        pipe_works=PIPE_WORKS.search(text) is not None,
        lines=metro_lines(text),
    )


# 隔壁X, 对面X, 马路对面河北区的X: a neighbour named to compare.
NEIGHBOUR_WORDS = ("隔壁", "对面", "旁边", "附近")
_NEIGHBOUR_ENDS = frozenset(w[-1] for w in NEIGHBOUR_WORDS)  # 隔壁澜湾 keyed 壁澜湾
_NEIGHBOUR = re.compile(
    r"(?:隔壁|对面|旁边)(?:[^，。！？、]{0,8}?的|那个|小区)?([\u4e00-\u9fa5]{2,6})"
    # 金桥雅苑小区（与金桥悦府相邻）, 澜景苑（与澜湾花园隔路相对）: the neighbour the writer places
    # their estate by.
    r"|(?:与|和|跟)([\u4e00-\u9fa5]{2,8}?)(?:相邻|紧邻|毗邻|挨着|隔路|隔街|隔河|隔着|[仅只]?一(?:路|街|墙)之隔)"
)
# 同一换热站所带春晖里、毓秀里等小区供热不受影响: places a notice names as spared.
_SPARED = re.compile(r"[^，。！？；]{2,40}(?:[不未没]受影响|不在[^，。！？]{0,8}范围|正常供(?:热|暖|水|气))")
# 听说河东程林庄路那边同一家物业…, 我在网上看到北辰有个叫馨悦家园的小区…: what the writer heard
# or read of another place.
_HEARD = re.compile(
    r"(?:听说|据说|据了解|听人说|(?:在)?网上看到|新闻(?:上|里)(?:说|看到)|看新闻)[^。！？]{0,40}|看到[^，。！？]{2,24}的新闻"
    # 近期北辰区刚发生过塔吊吊物坠落砸入小区的事情, 这家物业在西青景湖苑也出了车库被淹的事: what happened
    # elsewhere, told as the reason to worry.
    r"|[^，。！？]{0,10}(?:刚|也|曾)(?:发生过|出过|出了)[^，。！？]{2,30}"
)
# 海韵花园（陈塘庄那个，不是尖山的海韵苑）, 注意不是隔壁的学府雅苑, 和云锦华庭隔一条路: a look-alike
# the writer disowns.
_DISOWNED = re.compile(
    r"不是[^，。！？；（）()]{2,20}|(?:和|跟|与)[\u4e00-\u9fa5]{2,10}?(?:隔一条|隔条|隔着|不是一个|不是同一|是两个)"
)
# 开发商在津南的项目也存在同样问题, 同一个开发商润鑫，津南那个锦澜苑也没证: the firm's project
# elsewhere, told beside the writer's own (the clause ``OTHER_PROJECT`` only marks).
_FIRMS_OTHER = re.compile(
    r"(?:开发商|公司|他们|他家|这家)在[^，。！？]{1,12}的(?:项目|楼盘|小区|盘)[^，。！？]{0,20}"
    r"|" + _SAME_FIRM + r"[^。！？]{0,24}"
)
# 继锦汇园之后，柳韵苑也开始刷脸了, 跟锦汇园一样: another estate the writer's own is likened to.
_LIKENED = re.compile(
    r"继[^，。！？]{2,12}之后|(?:跟|像)[\u4e00-\u9fa5]{2,10}?(?:一样|似的|那样)"
    # 物业也是津泓，跟西青兰亭那家是同一个公司, 与津南区锦悦湾为同一开发商: the other estate of the same firm
    r"|(?:跟|和|与)[\u4e00-\u9fa5]{2,10}?(?:那家|那个|那边)?[是为]同一(?:个|家)?"
)
# 北辰府的幼儿园锁着门长草，西青那边锦悦园干脆没盖: another place the writer points over to.
_OVER_THERE = re.compile(r"(?:那边|那头)(?:的|那个)?([^，。！？；]{2,10})")
# 同一家津味和，河北望川里那家刚关门: the firm's branch at another estate, pointed to.
_THAT_BRANCH = re.compile(r"([\u4e00-\u9fa5]{2,8})那家")
# 涉及春晖里、福源里、毓秀里等老旧小区: a round-up of several estates.
_ROUND_UP = re.compile(r"[\u4e00-\u9fa5]{2,8}(?:、[\u4e00-\u9fa5]{2,8}){2,}等")


def _own_districts(text: str, districts: frozenset[str]) -> frozenset[str]:
    """The districts an item is in, without those it names only for another place: 看到北辰那边塔吊
    掉钢管的新闻 in a 河北区 call, 不是北辰那个啊，是河北区 in a reply. Kept whole when nothing is left."""
    if len(districts) < 2:
        return districts
    rest = clean_text(text)
    for pattern in (_HEARD, _DISOWNED, _NEIGHBOUR, _FIRMS_OTHER):
        rest = pattern.sub("，", rest)
    own = districts & set(districts_in(rest))
    return frozenset(own) if own else districts


def estate_keys(keys: frozenset[str] | set[str]) -> set[str]:
    """The keys that name an estate or site in full: no road, no stem written before 小区 or a mask."""
    return {k for k in keys if not k.endswith(("*", *ROAD))}


def _compared(text: str, places: frozenset[str]) -> frozenset[str]:
    """Estates an item names without being about them, beside an estate of its own: a neighbour
    (隔壁X, 对面X), a place a notice says was spared, one the writer only heard or read of,
    points over to (西青那边锦悦园, 河北望川里那家) or disowns (不是尖山的海韵苑); and
    every estate of a round-up (涉及A、B、C等小区), which is about the firm or the policy, not one
    of them."""
    clean = clean_text(text)
    listed = estate_keys({k for m in _ROUND_UP.finditer(clean) for k in places_in(m.group(0))[0]} & places)
    if len(listed) >= 3:
        return frozenset(listed)
    near = _named_beside(clean, places, placed_by=True, words=NEIGHBOUR_WORDS)
    near |= {k for m in _SPARED.finditer(clean) for k in places_in(m.group(0))[0]}
    near |= {k for m in _HEARD.finditer(clean) for k in places_in(m.group(0))[0]}
    near |= {k for m in _DISOWNED.finditer(clean) for k in places_in(m.group(0))[0]}
    near |= {k for m in _LIKENED.finditer(clean) for k in places_in(m.group(0))[0]}
    near |= {k for m in _FIRMS_OTHER.finditer(clean) for k in places_in(m.group(0))[0]}
    near |= {k for m in _OVER_THERE.finditer(clean) for k in places_in(m.group(1))[0]}
    near |= {k for m in _THAT_BRANCH.finditer(clean) for k in places_in(m.group(1))[0]}
    near &= places
    # 学府澜岸小区（与锦澜湾小区隔一条路）: the writer's own estate may be a stem written before 小区
    own = {k for k in places - near if not k.removesuffix("*").endswith(ROAD)}
    return frozenset(near) if own else frozenset()


def _named_beside(clean: str, places: frozenset[str], *, placed_by: bool, words: tuple[str, ...]) -> set[str]:
    """Keys of the places a text names as a neighbour: after 隔壁, 对面 or 旁边, beside which the writer
    places their own (与金桥悦府相邻, with ``placed_by``), or run into one of ``words`` before them
    (隔壁悦府, 对面悦府 keyed 壁悦府, 面悦府: a neighbour's short name)."""
    found = {
        k for m in _NEIGHBOUR.finditer(clean) if m.group(1) or placed_by for k in places_in(m.group(1) or m.group(2))[0]
    }
    return found | {k for k in places if any(word + k[1:] in clean for word in words)}


def _next_door(text: str, places: frozenset[str]) -> frozenset[str]:
    """Estates named after 隔壁 or 对面: a reply naming only these is about the estate next door."""
    found = _named_beside(clean_text(text), places, placed_by=False, words=NEIGHBOUR_WORDS[:2])
    return frozenset(estate_keys(found & places))


def _facets(text: str) -> frozenset[str]:
    """The concrete problems (``FACETS``) a text names anywhere."""
    return frozenset(name for name, said in FACETS.items() if any(w in text for w in said))


_CLAUSE = re.compile(r"[，,。！？!?；;\s]+")
_CONTRAST = re.compile(r"倒(?:是|挺|也|好|还|很)")
_RAISED_ELSEWHERE = re.compile(r"另外反映|另行反映|单独反映|已经反映过了")
EVERY_NAMED = frozenset({"扰民:"})  # kind tables where an item has every kind it names
# Kinds compared only among themselves (``kinds_apart``), never as concrete problems: a
# site's noise or where the rain did its harm says nothing against a leak or a cut.
KIND_ONLY = ("扰民:", "水:")


def _phases(text: str) -> frozenset[str]:
    """The phases of an estate or project a text names (一期, 二期)."""
    return frozenset(PHASE_MARK + _number(m.group(1)) for m in _PHASE.finditer(text))


TRADE_MARK = KIND_TABLES["农民工工资"][0]
# 现代表木工、钢筋两个班组73名工友反映: a letter for several teams is about each team's wages.
_TEAMS = re.compile(r"[、和及与][^，。！？]{0,6}?(?:两|三|四|几|多|各)个?(?:班组|工种)")


def _own_kind(text: str, topic: str) -> frozenset[str]:
    """The kinds of trouble an item is about (see ``KIND_TABLES``): in each table the one it
    dwells on, or every one it names as often."""
    own: set[str] = set()
    # 对面修路的晚上倒是早停了, 漏气不管收钱倒挺积极: a kind named in contrast is not the item's;
    # 夜间施工扰民的事已经另外反映过了，这次想反映扬尘: nor is one the writer has raised elsewhere.
    text = "，".join(c for c in _CLAUSE.split(text) if not _CONTRAST.search(c) and not _RAISED_ELSEWHERE.search(c))
    for mark, table in (KIND_TABLES[None], *([KIND_TABLES[topic]] if topic in KIND_TABLES else [])):
        said = {name: sum(text.count(w) for w in words) for name, words in table.items()}
        most = max(said.values())
        # A site's neighbours list every nuisance they suffer (夜里施工到两点，白天裸土不苫盖): each
        # is theirs; only a letter that names one alone is apart from the others.
        every = mark in EVERY_NAMED or (mark == TRADE_MARK and _TEAMS.search(text) is not None)
        own.update(mark + name for name, n in said.items() if n and (every or n == most))
    return frozenset(own)


def _follows_up(text: str) -> bool:
    """The text says the matter was raised before, and not that what was raised is settled."""
    return any(not _SETTLED.match(text, found.end()) for found in FOLLOW_UP.finditer(text))


def _stance(text: str) -> str:
    if CONCEDING.search(text):
        return "aside"
    if AGREEING.search(text):
        return "agree"
    if POINTING_ELSEWHERE.search(text):
        return "elsewhere"
    if SETTING_ASIDE.search(text):
        return "aside"
    if AGREEING_LATER.search(text):
        return "agree"
    return "there" if POINTING_AT.search(text) else ""


def _caller(text: str, source: str, author: str | None) -> str:
    """Who raised it: the account, or the masked number a hotline export keeps (来电人（陈*，135****7710）).
    Three digits, the mask and four digits are one caller among millions; the number itself is
    never kept."""
    if author:
        return f"{source}:{author}"
    found = MASKED_PHONE.search(text)
    return f"tel:{found.group(0)}" if found else ""
