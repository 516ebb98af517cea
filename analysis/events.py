"""Group items about one concrete matter into events, incrementally.

A matter is a *where* (an estate, a road, a site, a company) plus a *what* (the
problem). People name the where loosely — 幸福里小区, 幸福里, 河西幸福里3号楼 — and
Chinese has no spaces to tell where a name starts, so a place is keyed by the two
characters before its suffix (…幸福里 → ``幸福里``; before a context word such as 小区 or
二期, three: …金地艺境小区 → ``地艺境*``). The key is the same however the sentence runs
into the name. An item joins an event when

* it comments on or reposts an item of the event (same thread, via ``parent_ref``);
* it is a near copy of a member (reposts, copy-paste complaints), at once;
* it names the same place or company, scores for the same topic and shares enough of
  the problem's words (anchor names left out), within a time window of the event's
  nearest member; every further shared anchor (area, building, district) lowers the bar.

Look-alikes stay apart: two different places or districts veto a match (the same problem
at another estate); another topic, problem tags that mostly differ, or another building
raise the bar for the same estate's other problems. Candidates come from an inverted
index (thread, place, company and area keys, a bottom-k shingle sketch, rare terms), so
adding an item compares it with a bounded number of members, never the whole index.
"""

from __future__ import annotations

import heapq
import math
import re
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

NEAR_DUPLICATE = 0.55
WINDOW = timedelta(days=14)
# Matters that stay open for weeks (a late handover, unpaid wages, a demolition
# dispute) tolerate longer silences than outages, which are over in days.
LONG_WINDOW = timedelta(days=30)
LONG_TOPICS = frozenset(
    {"房地产开发与交易", "房屋征收拆迁", "农民工工资", "违法建设", "房屋质量与安全", "保障性住房", "建筑市场"}
)
OTHER = "其他"
# Share of problem words (anchor names removed) needed for each kind of shared anchor.
SIM_PLACE = 0.07
SIM_COMPANY = 0.14
SIM_AREA = 0.14
SIM_TEXT = 0.40
EXTRA_ANCHOR = 0.03  # each further shared anchor (a second place, the area, building, district) lowers the bar
FLOOR = 0.04
CROSS_TOPIC_EXTRA = 0.06
DIVERGENT_EXTRA = 0.12  # problem tags that mostly differ (see _divergence)
OTHER_BUILDING_EXTRA = 0.25
RARE_TERM = 40  # a term found in more members than this is not used to look up candidates
TERM_CANDIDATES = 25  # members sharing the most rare terms that are compared
ANCHOR_CANDIDATES = 200  # the most recent members of a place, company or area that are compared
MAX_PLACES = 4


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_URL = re.compile(r"https?://\S+")
_CHAIN = re.compile(r"//\s*@[^:：\s]{1,30}[:：]")
_REPLY = re.compile(r"回复\s*@[^:：\s]{1,30}[:：]")
_MENTION = re.compile(r"@[\w\u4e00-\u9fa5\-]{1,30}")
_EMOJI = re.compile(r"\[[\u4e00-\u9fa5A-Za-z]{1,8}\]")
_BOILERPLATE = re.compile(
    r"转发微博|来电人?(?:反映|咨询|举报|投诉|求助|表示|称)?|其(?:居住|位于|住)在?|要求(?:相关部门)?(?:尽快)?|请(?:相关部门|领导)"
)
_NON_WORD = re.compile(r"[^\u4e00-\u9fa5A-Za-z0-9]+")
_RUN = re.compile(r"[\u4e00-\u9fa5]+|[A-Za-z0-9]+")

# Suffixes of places, longest first. Context words follow a name without being part of
# it (金地艺境小区, 首创禧悦项目): their key is the stem plus ``*``, and the stem alone in
# another text counts as the same place.
_ESTATE = ("花园", "家园", "新村", "新苑", "嘉园", "名苑", "公寓", "公馆", "大厦", "广场", "新城")
_ESTATE_1 = ("里", "苑", "园", "府", "院", "湾", "庭", "城", "郡", "邸", "墅", "河", "湖", "溪", "渠")
_ROAD = ("公路", "大街", "大道", "胡同", "路", "道")
_AREA = ("街道", "镇", "乡", "村", "街")
_CONTEXT = ("小区", "项目", "一期", "二期", "三期", "片区", "棚户区", "工地", "楼盘")
_ALL_SUFFIXES = sorted(_ESTATE + _ESTATE_1 + _ROAD + _AREA + _CONTEXT, key=len, reverse=True)
_SUFFIX = re.compile("(" + "|".join(_ALL_SUFFIXES) + ")")
_NAME_GOES_ON = re.compile("(?:" + "|".join(s for s in _ALL_SUFFIXES if s not in _CONTEXT) + ")")
# A suffix followed by these starts another word: 城市, 城区, 道路, 路面, 河道, 湖泊.
_WORD_AFTER = frozenset(
    [("城", c) for c in "市镇区管乡际"] + [("路", c) for c in "面段况灯"] + [("道", "路"), ("河", "道"), ("湖", "泊")]
)
# Words that end like a place name but are not one (家里, 公里, 政府, 人行道, 城市, 跑路 …).
_NOT_PLACE = _words(
    """
    小区里 楼道里 房间里 时间里 电梯里 角落里 群里 家里 屋里 这里 那里 哪里 心里 夜里 手里 城里 村里 县里 市里 区里
    院里 公里 邻里 眼里 店里 子里 梯里 校里 话里 件里 同里 统里 面里 室里 楼里 境里 局里 站里 库里 车里 水里 头里
    底里 堆里 井里 闻里 园里 政府 幼儿园 公园 校园 家园 乐园 田园 菜园 果园 花园 庄园 陵园 动物园 工业园 产业园
    物流园 公办园 民办园 医院 法院 学院 检察院 国务院 庭院 大院 住院 出院 到院 养老院 敬老院 设计院 保健院 中院
    家庭 法庭 开庭 立案庭 人行道 通道 知道 管道 下水道 车道 街道 道路 渠道 报道 频道 轨道 跑道 楼道 味道 难道 霸道
    公道 说道 隧道 地道 坡道 烟道 走道 行道 匝道 占道 变道 井道 主干道 快速路 高速路 高速公路 村级公路 断头路 十字路
    交叉路 水泥路 马路 线路 铁路 公路 出路 走路 修路 思路 跑路 迷路 带路 让路 绕路 上路 半路 一路 活路 套路 后路
    退路 网路 电路 农村 乡村 山村 城中村 新城 城市 县城 全城 进城 省城 长城 京城 大学城 商贸城 建材城 旧城 绕城
    小镇 城镇 乡镇 坐镇 大街 上街 逛街 沿街 临街 过街 满街 步行街 商业街 美食街 一条街 城市广场 美食广场 商业广场
    别墅 海湾 港湾 内河 运河 江河 山河 护城河 拔河 江湖 长租公寓 青年公寓 人才公寓 酒店公寓 单身公寓 养老公寓
    """
)
# Two-character words that end a phrase, not a name: a stem (造成小区, 修复道路, 安置房项目)
# or a company "name" (违章建筑, 开工建设) made of one of these is not an anchor.
_COMMON = _words(
    """
    附近 周边 一段 路段 修复 拆除 破碎 导致 进入 进出 影响 这是 就是 还是 整个 几个 所有 全部 部分 临时 地面 我们
    他们 你们 大家 居民 业主 住户 新建 老旧 小区 整栋 这片 一片 多个 两个 三个 来到 回到 前往 路过 经过 通往 沿着
    直到 位于 居住 住在 车进 不让 主群 下雨 屋顶 楼顶 楼下 楼上 门口 旁边 对面 里面 外面 上面 下面 建设 工程 改造
    施工 在建 住宅 开发 商品 安置 还迁 回迁 保障 公租 租房 置房 迁房 道路 市政 重点 民生 棚改 拆迁 征收 这个 那个
    国际 大型 建筑 目前 服务 占用 同一 造成 使得 社区 很多 破坏 距离 品房 发现 投诉 未经 解决 自己 成本 高档 什么
    最后 电站 往来 本来 密集 一期 侵占 移民 生活 出入 维护 号线 听闻 宣传 进行 围内 备案 全体 满足 预留 家属 改善
    组织 精装 已有 入读 文明 公司 代表 规划 最近 违规 告知 排入 期间 违建 职工 众多 反映 项目 中标 违章 开工 中心
    设施 敏感 违法 地铁 相关 高层 网络 教育 技术 国有 交通 广场 加快 配套 启动 中国 国家 基础 稳定 信息 规范 食品
    绿化 重复 环境 当时 企业 股份 停止 商务 商业 非法 合法 产业 共同 培训 机械 电子 数码 汽车 治理 正式 开始 暂无
    同步 地上 用房 市房 发商 地省 随着 开展 加强 提升 提高 减少 减轻 彰显 感觉 按照 加上 拓宽 开挖 出行 景观 全市
    城区 行车 车行 通行 直行 公共 一条 两条 三条 联系 希望 督促 感谢 要求 运营 单位 这家 那家 一家 两家 这些 承建
    由于 工地 总承 物业 热力 燃气 自来 供水 供热 中介 劳务 置业 地产 房产 房屋 租赁 经纪 分包 总包 工人 老板
    """
)
_STEM_STOP = frozenset(
    "的了在是和与及我你他她它们这那哪此该某其各几个每没不也就还又被把将对向给从到于为以过而但或如要请问说让吗呢吧啊区县市省条之"
)
_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")}
_BUILDING = re.compile(r"(\d{1,3})\s*(?:号楼|栋|幢|号院)|([一二三四五六七八九十]{1,3})号楼")
_REGISTERED = re.compile(r"([\u4e00-\u9fa5]{2,16}?)(?:股份有限公司|有限责任公司|有限公司|股份公司|集团)")
_TRADE = re.compile(
    r"([\u4e00-\u9fa5]{2,8}?)(?:(?:房地产|地产|置业|建筑|劳务|建设)(?:工程|开发)?|(?:房屋)?(?:租赁|中介|经纪)公司)"
)
_INDUSTRY = re.compile(
    r"(?:房地产开发|房地产|地产|置业|开发|投资|实业|发展|建筑|建设|工程|劳务|物业服务|物业|服务|管理|资产|经营|科技|"
    r"商贸|贸易|租赁|房屋|热力|燃气|供热|自来水|供水|城市|市政|咨询|销售|中介|经纪|装饰|装修|安装|水务|能源|分包|总包)+$"
)
# Words every complaint uses; they say nothing about which matter it is.
_GENERIC_TERMS = _words(
    """
    来电 电人 人反 反映 要求 相关 关部 部门 尽快 处理 解决 希望 请问 领导 问题 情况 目前 现在 已经 一直 没有 我们
    他们 这个 那个 什么 怎么 可以 能否 是否 进行 存在 严重 影响 生活 政府 天津 市民 居民 业主 小区 谢谢 感谢
    多次 联系 至今 未果 给予 督促 核查 查处 反应 投诉 举报 咨询 求助 表示 其家 家中 人员 工作 有关 单位
    """
)
SKETCH = 6  # smallest shingle hashes kept per item: near copies share some of them


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

    @property
    def thread(self) -> str:
        """The thread an item belongs to: its parent's, or its own when it has none."""
        return f"{self.source}\x1f{self.parent_ref or self.source_ref or self.item_ref}"

    @property
    def own_thread(self) -> str:
        return f"{self.source}\x1f{self.source_ref or self.item_ref}"


def clean_text(text: str) -> str:
    """Text without repost chains, mentions, emoticons, links and hotline boilerplate."""
    for pattern, repl in ((_URL, " "), (_CHAIN, "。"), (_REPLY, " "), (_MENTION, " "), (_EMOJI, " ")):
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
    return frozenset(out - _GENERIC_TERMS)


def _is_stem(stem: str) -> bool:
    return (
        len(stem) == 2
        and all("\u4e00" <= c <= "\u9fa5" or c.isdigit() for c in stem)
        and not any(c in _STEM_STOP for c in stem)
        and stem not in _COMMON
    )


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
    for found in _SUFFIX.finditer(text):
        suffix, start, end = found.group(1), found.start(), found.end()
        stem, after = text[max(0, start - 2) : start], text[end : end + 2]
        key = stem + suffix
        if not _is_stem(stem) or key in _NOT_PLACE or key[1:] in _NOT_PLACE:
            continue
        if text[max(0, start - 3) : end] in _NOT_PLACE or (suffix, after[:1]) in _WORD_AFTER:
            continue
        if _NAME_GOES_ON.match(after):
            continue  # 星湖|湾, 梅溪|湖: the name goes on to a longer suffix
        if suffix in _CONTEXT:
            if places_in(text[max(0, start - 6) : start])[0]:
                continue  # 幸福里小区: the estate's own key already names it
            head = text[start - 3 : start - 2] if start >= 3 else ""
            key = (head if _is_stem(head + stem[0]) else "") + stem + "*"
        bucket = areas if suffix in _AREA else fine
        if key not in bucket and len(bucket) < MAX_PLACES:
            bucket.append(key)
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
        if _is_stem(core) and not _SUFFIX.fullmatch(core[-1]):
            keys.add(core)
    return frozenset(keys)


def buildings_in(text: str) -> frozenset[str]:
    """Building numbers, as digits (3号楼, 三号楼 and 3栋 are the same building)."""
    return frozenset(_number(m.group(1) or m.group(2)) for m in _BUILDING.finditer(text))


def _number(numeral: str) -> str:
    if numeral.isdigit():
        return str(int(numeral))
    tens, _, units = numeral.rpartition("十")
    value = (_DIGITS.get(tens, 1) * 10 if "十" in numeral else 0) + _DIGITS.get(units, 0)
    return str(value)


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
) -> Signature:
    """The one way the pipeline and the database path build a signature, so they agree."""
    fine, areas = places_in(text)
    for estate in estates:
        fine |= places_in(estate)[0]
    return Signature(
        item_ref=item_ref,
        topic=topic,
        published_at=published_at,
        shingles=shingles(text),
        places=fine,
        companies=companies_in(text, companies),
        districts=frozenset(districts),
        source=source,
        source_ref=source_ref or item_ref,
        parent_ref=parent_ref or None,
        topics=frozenset(topics) | {topic},
        tags=frozenset(tags),
        areas=areas,
        buildings=buildings_in(text),
        terms=terms(text),
    )


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def containment(a: frozenset[str], b: frozenset[str]) -> float:
    """Share of the smaller text found in the larger: a repost quoting a post scores high."""
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def cosine(a: frozenset[str] | set[str], b: frozenset[str] | set[str]) -> float:
    return len(a & b) / math.sqrt(len(a) * len(b)) if a and b else 0.0


@dataclass(frozen=True)
class Match:
    score: float
    reason: str


def match(a: Signature, b: Signature) -> Match | None:
    """Why two items are about the same matter (with a strength to rank candidates), or None."""
    if a.thread == b.thread or a.own_thread == b.thread or a.thread == b.own_thread:
        return Match(3.0, "同一帖子的评论或转发")
    window = LONG_WINDOW if a.topic in LONG_TOPICS and b.topic in LONG_TOPICS else WINDOW
    if abs(a.published_at - b.published_at) > window:
        return None
    overlap = jaccard(a.shingles, b.shingles)
    if overlap >= NEAR_DUPLICATE or (
        containment(a.shingles, b.shingles) >= 0.8 and min(len(a.shingles), len(b.shingles)) >= 15
    ):
        return Match(2.0 + overlap, f"内容近似（相似度{overlap:.2f}）")
    same_topic = a.topic == b.topic and a.topic != OTHER  # 其他 says only what the matter is not
    if not (same_topic or OTHER in (a.topic, b.topic) or (a.topic in b.topics and b.topic in a.topics)):
        return None
    shared_place = (a.places & b.places) | _soft_shared(a, b)
    if not shared_place and _places_differ(a, b):
        return None
    if not (a.terms and b.terms):  # signatures built by hand in tests carry shingles only
        problem = sim = overlap
    else:
        anchors = _anchor_terms(a) | _anchor_terms(b)
        problem, sim = cosine(a.terms - anchors, b.terms - anchors), cosine(a.terms, b.terms)
    shared_company = (a.companies & b.companies) | _brand_shared(a, b)
    shared_area = a.areas & b.areas
    evidence = (
        max(len(shared_place), 1)
        + bool(shared_area)
        + bool(shared_company)
        + bool(a.buildings & b.buildings)
        + bool(a.districts & b.districts)
    )
    bar = (0.0 if same_topic else CROSS_TOPIC_EXTRA) + _divergence(a, b) - EXTRA_ANCHOR * (evidence - 1)
    topic = a.topic if a.topic != OTHER else b.topic
    if shared_place and problem >= max(SIM_PLACE + bar, FLOOR):
        return Match(1.0 + problem, f"同一地点（{min(shared_place).rstrip('*')}）且同一问题（{topic}）")
    if shared_company and problem >= max(SIM_COMPANY + bar, FLOOR):
        return Match(0.8 + problem, f"同一单位（{min(shared_company)}）且同一问题（{topic}）")
    if shared_area and problem >= max(SIM_AREA + bar, FLOOR):
        return Match(0.6 + problem, f"同一地区（{min(shared_area)}）且同一问题（{topic}）")
    if (same_topic or a.topic == b.topic == OTHER) and sim >= SIM_TEXT + max(bar, 0.0):
        return Match(sim, f"内容相似（相似度{sim:.2f}，{topic}）")
    return None


def same_matter(a: Signature, b: Signature) -> str | None:
    """Why two items are about the same matter, or None."""
    found = match(a, b)
    return found.reason if found else None


def _soft_shared(a: Signature, b: Signature) -> set[str]:
    """A name written without its context word on one side: 珠江帝景小区 here, 珠江帝景 there."""
    shared = {k for k in a.places if len(k) == 4 and k.endswith("*") and k[:3] in b.shingles}
    return shared | {k for k in b.places if len(k) == 4 and k.endswith("*") and k[:3] in a.shingles}


def _places_differ(a: Signature, b: Signature) -> bool:
    """Both say where the matter is, and not the same where: a look-alike, not a repeat."""
    if a.districts and b.districts and not (a.districts & b.districts):
        return True
    if a.places and b.places and not (a.places & b.places):
        return True
    return bool(a.areas and b.areas and not (a.areas & b.areas))


def _divergence(a: Signature, b: Signature) -> float:
    """How much more alike the words must be: another building, or problem tags that mostly differ
    (each side has its own, and at most a third are shared: 停车费 and 电梯 at one estate)."""
    if a.buildings and b.buildings and not (a.buildings & b.buildings):
        return OTHER_BUILDING_EXTRA
    if a.topic != b.topic or not (a.tags - b.tags and b.tags - a.tags):
        return 0.0
    return DIVERGENT_EXTRA if len(a.tags & b.tags) * 3 <= len(a.tags | b.tags) else 0.0


def _brand_shared(a: Signature, b: Signature) -> set[str]:
    """A company named by its short name or after its estate: 津城安居公司 here, 津城安居公寓 there."""
    shared = {c for c in a.companies if c in b.terms or any(p[:2] == c for p in b.places)}
    return shared | {c for c in b.companies if c in a.terms or any(p[:2] == c for p in a.places)}


def _anchor_terms(sig: Signature) -> set[str]:
    names = [n.rstrip("*") for n in (*sig.places, *sig.areas, *sig.companies, *sig.districts)]
    return {n[i : i + 2] for n in names for i in range(len(n) - 1)}


def _sketch(sig: Signature) -> list[str]:
    """Bottom-k of the shingle hashes: two texts with Jaccard ≥ 0.55 almost surely share one."""
    return [f"s:{h}" for h in heapq.nsmallest(SKETCH, {zlib.crc32(x.encode()) for x in sig.shingles})]


@dataclass
class EventGroup:
    key: str
    members: list[Signature] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)


@dataclass
class EventIndex:
    """Incremental grouping over an inverted index; the worker seeds it with recent items.

    Postings map place, company and area keys, shingle sketches and terms to members. A
    new item is compared with every member sharing an anchor or a sketch hash, and with
    the few members sharing the most rare terms, never with the whole index.
    """

    groups: dict[str, EventGroup] = field(default_factory=dict)
    by_item: dict[str, str] = field(default_factory=dict)
    _members: list[tuple[Signature, str]] = field(default_factory=list)
    _postings: dict[str, list[int]] = field(default_factory=dict)
    _threads: dict[str, str] = field(default_factory=dict)
    _positions: dict[str, int] = field(default_factory=dict)
    _dead: set[int] = field(default_factory=set)
    _bare: dict[str, str | None] = field(default_factory=dict)  # source id → event, None when ids clash

    def add(self, sig: Signature, key: str | None = None) -> tuple[str, str | None]:
        """Place an item; returns (event key, why it joined or None when it starts one)."""
        anchors, words = self._keys(sig)
        best: tuple[float, str, str] | None = None
        thread_key = self._threads.get(sig.thread) or self._threads.get(sig.own_thread)
        if thread_key is None and sig.parent_ref:  # the post filed under another source name
            thread_key = self._bare.get(sig.parent_ref)
        if thread_key is not None:
            best = (9.0, thread_key, "同一帖子的评论或转发")
        else:
            for position in self._candidates(sig, anchors, words):
                member, group_key = self._members[position]
                found = match(sig, member)
                if found and (best is None or found.score > best[0]):
                    best = (found.score, group_key, found.reason)
        group_key, reason = (best[1], best[2]) if best else (key or f"ev-{sig.item_ref}", None)
        self._record(sig, group_key, reason, anchors + words)
        return group_key, reason

    def seed(self, sig: Signature, key: str, reason: str | None = None) -> None:
        """Record an item as a member of event ``key`` (database seeds of a batch)."""
        anchors, words = self._keys(sig)
        self._record(sig, key, reason, anchors + words)

    def size(self, key: str) -> int:
        return len(self.groups[key].members) if key in self.groups else 0

    def candidates(self, sig: Signature) -> list[Signature]:
        """The members a new item would be compared with (bounded, whatever the index holds)."""
        return [self._members[p][0] for p in self._candidates(sig, *self._keys(sig))]

    def __len__(self) -> int:
        return len(self._members) - len(self._dead)

    def knows_thread(self, thread: str) -> bool:
        return thread in self._threads

    def link_thread(self, thread: str, key: str) -> None:
        """Point a thread at an event whose post is not in the index (it is older than the window)."""
        self._threads.setdefault(thread, key)

    def forget(self, item_ref: str) -> None:
        """Drop an item recorded by a batch that was rolled back, so nothing joins it."""
        position = self._positions.pop(item_ref, None)
        if position is None:
            return
        self._dead.add(position)
        sig, key = self._members[position]
        group = self.groups.get(key)
        if group is not None:
            group.members = [m for m in group.members if m.item_ref != item_ref]
            if not group.members:
                del self.groups[key]
        if self.by_item.get(item_ref) == key:
            del self.by_item[item_ref]
        for thread in (sig.thread, sig.own_thread):
            if self._threads.get(thread) == key and key not in self.groups:
                del self._threads[thread]

    @staticmethod
    def _keys(sig: Signature) -> tuple[list[str], list[str]]:
        anchors = [f"p:{p}" for p in sig.places] + [f"c:{c}" for c in sig.companies] + [f"a:{a}" for a in sig.areas]
        return anchors + _sketch(sig), [f"t:{t}" for t in sig.terms]

    def _record(self, sig: Signature, key: str, reason: str | None, index_keys: list[str]) -> None:
        group = self.groups.setdefault(key, EventGroup(key))
        group.members.append(sig)
        if reason:
            group.reasons.append(reason)
        self.by_item[sig.item_ref] = key
        self._threads.setdefault(sig.thread, key)
        self._threads.setdefault(sig.own_thread, key)
        own = sig.source_ref or sig.item_ref
        self._bare[own] = key if self._bare.get(own, key) == key else None
        position = len(self._members)
        self._members.append((sig, key))
        self._positions[sig.item_ref] = position
        for index_key in index_keys:
            self._postings.setdefault(index_key, []).append(position)

    def _candidates(self, sig: Signature, anchors: list[str], words: list[str]) -> list[int]:
        """Members sharing an anchor or a sketch hash (the most recent of a long posting), and
        the few sharing the most rare terms; terms and hashes common to many members are skipped."""
        found: set[int] = set()
        for index_key in anchors:
            posting = self._postings.get(index_key, ())
            if index_key.startswith("s:") and len(posting) > RARE_TERM:
                continue
            found.update(posting[-ANCHOR_CANDIDATES:])
        shared: dict[int, int] = {}
        for index_key in words:
            posting = self._postings.get(index_key, ())
            if len(posting) <= RARE_TERM:
                for position in posting:
                    shared[position] = shared.get(position, 0) + 1
        found.update(heapq.nlargest(TERM_CANDIDATES, shared, key=lambda p: (shared[p], p)))
        return sorted(
            p
            for p in found
            if p not in self._dead and abs(self._members[p][0].published_at - sig.published_at) <= LONG_WINDOW
        )
