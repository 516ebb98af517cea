"""The words that place and company extraction weigh, kept apart from the code that reads them.

These lists grow as new texts show new look-alikes (a word that ends like an estate name
but is not one, a verb that sits before 小区); editing them should not mean reading the
matching code.
"""

from __future__ import annotations

import re


def words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Suffixes of places, longest first. Context words follow a name without being part of
# it (金地艺境小区, 首创禧悦项目): their key is the stem plus ``*``, and the stem alone in
# another text counts as the same place.
ESTATE = ("花园", "家园", "新村", "新苑", "嘉园", "名苑", "雅居", "公寓", "公馆", "大厦", "广场", "新城")
ESTATE_1 = ("里", "苑", "园", "府", "院", "湾", "庭", "城", "郡", "邸", "墅", "河", "湖", "溪", "渠")
ROAD = ("公路", "大街", "大道", "胡同", "路", "道")
AREA = ("街道", "镇", "乡", "村", "街")
# 滨海新区's former districts, still how people say where they live; each is a town of its own
# (汉沽盛世家园 and 塘沽盛世嘉园 are two estates), and its name closes a where before a masked
# estate name as a street's does (汉沽景*苑).
FORMER_DISTRICTS = frozenset({"塘沽", "汉沽", "大港"})
CONTEXT = ("小区", "项目", "一期", "二期", "三期", "片区", "棚户区", "工地", "楼盘", "地块", "地铁站", "公租房")
ALL_SUFFIXES = sorted(ESTATE + ESTATE_1 + ROAD + AREA + CONTEXT, key=len, reverse=True)
SUFFIX = re.compile("(" + "|".join(ALL_SUFFIXES) + ")")
NAME_GOES_ON = re.compile("(?:" + "|".join(s for s in ALL_SUFFIXES if s not in CONTEXT) + ")")
# A suffix followed by these starts another word: 城市, 城区, 道路, 路面, 河道, 湖泊.
WORD_AFTER = frozenset(
    [("城", c) for c in "市镇区管乡际中"]
    + [("路", c) for c in "面段况灯线"]  # 运输路线, 行驶路线: a route, not a road
    + [("道", "路"), ("河", "道"), ("湖", "泊")]
    + [("河", c) for c in "北西东"]  # 天津河北区: a district's name, not 天津河
    + [("园", "林")]  # 小区树木需园林部门处理, 协调园林: gardening, not an estate
    + [(w, c) for w in "河湖" for c in "燃热"]  # 冒充滨河燃气: a utility's name, not a river
    + [("街", "区")]  # 文创街区, 彻查街区内: a block of streets, not a street office
)
# Words that end like a place name but are not one (家里, 公里, 政府, 人行道, 城市, 跑路 …).
NOT_PLACE = words(
    """
    往里 手机里 包里 兜里 口袋里 电脑里 微信里 朋友圈里 视频里 照片里 图里 合同里 单子里 账户里 卡里 文件里 通知里
    名单里 公告里 新闻里 直播里 录像里 系统里
    城乡 返乡 老乡 家乡 回乡 下乡 故乡
    小区里 楼道里 房间里 时间里 电梯里 角落里 群里 家里 屋里 这里 那里 哪里 心里 夜里 手里 城里 村里 县里 市里 区里
    院里 公里 邻里 眼里 店里 子里 梯里 校里 话里 件里 同里 统里 面里 室里 楼里 境里 局里 站里 库里 车里 水里 头里
    底里 堆里 井里 闻里 厢里 政府 幼儿园 公园 校园 家园 乐园 田园 菜园 果园 花园 庄园 陵园 动物园 工业园 产业园
    物流园 公办园 民办园 医院 法院 学院 检察院 国务院 庭院 大院 住院 出院 到院 养老院 敬老院 设计院 保健院 中院
    家庭 法庭 开庭 立案庭 人行道 通道 知道 管道 下水道 车道 街道 道路 渠道 报道 频道 轨道 跑道 楼道 味道 难道 霸道
    公道 说道 隧道 地道 坡道 烟道 走道 行道 匝道 占道 变道 井道 主干道 快速路 高速路 高速公路 村级公路 断头路 十字路
    交叉路 水泥路 马路 线路 铁路 公路 出路 走路 修路 挖路 思路 跑路 迷路 带路 让路 绕路 上路 半路 一路 活路 套路 后路
    退路 网路 电路 沿路 农村 乡村 山村 城中村 新城 城市 县城 全城 进城 省城 长城 京城 大学城 商贸城 建材城 旧城 绕城
    小镇 城镇 乡镇 坐镇 大街 上街 逛街 沿街 临街 过街 满街 步行街 商业街 美食街 一条街 城市广场 美食广场 商业广场
    后广场 前广场 别墅 海湾 港湾 内河 运河 江河 山河 护城河 拔河 江湖 长租公寓 青年公寓 人才公寓 酒店公寓 单身公寓
    养老公寓 开园 入园 建园 找园 办园 普惠园 高端园 场里 压路 铺路 挡里 块里 隔路
    """
)
# Two-character words that end a phrase, not a name: a stem (造成小区, 修复道路, 安置房项目)
# or a company "name" (违章建筑, 开工建设) made of one of these is not an anchor.
COMMON = words(
    """
    附近 周边 一段 路段 修复 拆除 破碎 导致 进入 进出 影响 这是 就是 还是 整个 几个 所有 全部 部分 临时 地面 我们
    他们 你们 大家 居民 业主 住户 新建 老旧 小区 整栋 这片 一片 多个 两个 三个 来到 回到 前往 路过 经过 通往 沿着
    直到 位于 居住 住在 车进 不让 主群 下雨 屋顶 楼顶 楼下 楼上 门口 旁边 对面 里面 外面 上面 下面 建设 工程 改造
    施工 在建 住宅 开发 商品 安置 还迁 回迁 保障 公租 租房 置房 价房 迁房 道路 市政 重点 民生 棚改 拆迁 征收 这个 那个
    国际 大型 建筑 目前 服务 占用 同一 造成 使得 社区 很多 破坏 距离 品房 发现 投诉 未经 解决 自己 成本 高档 什么
    最后 电站 往来 本来 密集 一期 侵占 移民 生活 出入 维护 号线 听闻 宣传 进行 围内 备案 全体 满足 预留 家属 改善
    组织 精装 已有 入读 文明 公司 代表 规划 最近 违规 告知 排入 期间 违建 职工 众多 反映 项目 中标 违章 开工 中心
    设施 敏感 违法 地铁 相关 高层 网络 教育 技术 国有 交通 广场 加快 配套 启动 中国 国家 基础 稳定 信息 规范 食品
    绿化 重复 环境 当时 企业 股份 停止 商务 商业 非法 合法 产业 共同 培训 机械 电子 数码 汽车 治理 正式 开始 暂无
    同步 地上 用房 市房 发商 地省 随着 开展 加强 提升 提高 减少 减轻 彰显 感觉 按照 加上 拓宽 开挖 出行 景观 全市
    城区 行车 车行 通行 直行 公共 一条 两条 三条 联系 希望 督促 感谢 要求 运营 单位 这家 那家 一家 两家 这些 承建
    由于 工地 厂房 总承 物业 热力 燃气 自来 供水 供热 中介 劳务 置业 地产 房产 房屋 租赁 经纪 分包 总包 工人 老板
    装修 顶层 底层 隔壁 每栋 这栋 那栋 本楼 同楼 东边 西边 南边 北边 后边 前边 后面 前面 北侧 南侧 东侧 西侧
    昨天 今天 前天 明天 后天 今早 昨晚 今晚 上周 本周 下周 去年 今年 明年 前年 刚才 早上 晚上 半夜 凌晨 上午 中午
    下午 傍晚 天天 每天 平时 当天 那天 铁站 交站 车站 属地 合体 月底 月初 年底 年初 更换 公开 家住 家在
    核查 核实 查明 指导 结果 一共 约谈 通过 时候 抽测 公布 提醒 检查 翻建 交付 两年 多月 未见 日起 方称 业称 分流
    阵子 往东 往西 往南 往北 驶出 边拆 边老 场后 存入 纳入 列入 转入 汇入 交口 路口 道口 一期 二期 三期
    轮候 取得 担心 清楚 承诺 介绍 拨打 协调
    天津 电梯 学校 小学 中学 儿园 医院 扩建 楼盘 号楼 管廊 商场 光伏 收费 房源 现场 交房 撤场 穿行 住房 障房 集团
    材料 公楼 训楼 院楼 住楼 合楼 近日 停工 交楼 权房 适房 一户
    """
)
# Characters that end a verb, a time or a clause and never an estate's name. Before a context
# word (多次找项目部, 网传小区, 暴雨后工地, 紧邻小区, 白天工地) they leave no name to key on.
CLAUSE_END = frozenset(
    "找传称疑查动询份来复后外晚近令止确邻挨致示进入出时起间看得修理护注证督清涌毁坏购报说问到知等需按至距靠约曾已今天期处前由离"
)
# Function characters that also begin common estate and road names (和平里, 向阳路): a stem
# may start with one of these, though never end with one.
NAME_FIRST = frozenset("和向")
STEM_STOP = frozenset(
    "的了在是和与及我你他她它们这那哪此该某其各几个每没不也就还又被把将对向给从到去于为以过而但或如要请问说让吗呢吧啊区县市省条之跟像有整全"
)
# Words every complaint uses; they say nothing about which matter it is.
GENERIC_TERMS = words(
    """
    来电 电人 人反 反映 要求 相关 关部 部门 尽快 处理 解决 希望 请问 领导 问题 情况 目前 现在 已经 一直 没有 我们
    他们 这个 那个 什么 怎么 可以 能否 是否 进行 存在 严重 影响 生活 政府 天津 市民 居民 业主 小区 谢谢 感谢
    多次 联系 至今 未果 给予 督促 核查 查处 反应 投诉 举报 咨询 求助 表示 其家 家中 人员 工作 有关 单位
    """
)

# A matter can be an institution or a named policy rather than a place: 经济学院 forcing
# internships, 人才购房补贴 asked about by many. These are the name endings that make one.
INSTITUTION = ("职业技术学院", "学院", "大学", "中学", "小学", "医院", "幼儿园")
# Words before an institution ending that describe it rather than name it; a name precedes
# them (雅礼实验中学 → 雅礼实验中学) or there is none (配套幼儿园, 公办幼儿园).
INSTITUTION_KIND = words(
    """
    实验 外国 国语 职业 技术 师范 附属 第一 第二 第三 培训 民办 公办 公立 私立 普惠 配套 周边 其他 我们 你们 他们
    现在 因为 就读 惠性 惠制 利性 开设 设立 规划 进出 住在 成了 专科 综合 儿童 人民 中心 眼科 妇幼 社区 乡镇 附近
    一所 这所 那所 所有 各个 设置 新建 修建 开办 一家 这家 学校 一期 二期 三期 全日 本地 外地 当地 重点 示范 私人
    普通 高等 大专 中职 高职 小区 幼儿 中小 孩子 学生
    """
)
# Two characters before 补贴/新政 that are a verb or an amount, not the policy's name
# (申请购房补贴, 3万元购房补贴 are about whichever policy the rest of the text names).
POLICY_NOT_NAME = words(
    """
    申请 万元 发布 出台 符合 提交 享受 关注 此次 这次 现在 没有 看到 其他 领取 发放 获得 给予 取消 最新 最高 新的
    什么 哪些 这些 相关 有关 关于 咨询 请问 办理 落实 兑现 拖欠 拨付 补发 政府 国家 全市 我市 本市 今年 去年 明年
    """
)

# Concrete problems that one topic's tags lump together: in one village under 征收, a
# transition fee owed, an area disputed at valuation and a house pulled down at night are
# three matters. Two items at one place that each name one of these and share none are two
# matters however alike the rest of their words are (see ``event_match.divergence``).
FACETS: dict[str, tuple[str, ...]] = {
    "过渡费": ("过渡费", "临时安置费", "周转费"),
    "评估面积": ("评估面积", "认定面积", "面积认定", "测绘面积", "面积有异议", "评估结果", "评估价"),
    "强拆": ("强拆", "夜里拆", "半夜拆", "夜间拆", "连夜拆", "偷拆", "推平", "扒了"),
    "断水断电": ("断水", "断电", "停水停电", "拉闸", "掐了水", "掐水", "掐电"),
    "迁坟": ("迁坟", "坟地", "祖坟"),
    "安置资格": ("安置名额", "安置资格", "安置人口", "外嫁", "出嫁女"),
    "补偿分配": ("土地补偿款", "补偿款分配", "分配方案", "账目公开"),
    "维修资金": ("维修资金", "维修基金", "公共收益"),
    "停车费": ("停车费", "车位费", "车位租金", "车库租金", "月租"),
    # What a developer does with the parking it sells: a space sold only with a storeroom, spaces
    # sold and never let; an estate's parking fee is a third matter.
    "车位捆绑": ("捆绑", "搭售", "捆着", "储藏间", "储藏室"),
    "只售不租": ("只售不租", "只卖不租", "不租"),
    "业委会选举": ("选举", "投票", "业主大会", "筹备组"),
    # A burst or leaking radiator pipe and a flat that is too cold: two matters in one estate's
    # heating (the leak is the building's, the cold the estate's).
    "漏水": ("漏水", "跑水", "滴水", "渗水", "淌水"),
    "室温": ("不热", "不达标", "室温", "冰凉", "不暖和", "温度计", "更冷", "太冷", "好冷", "冷得", "挨冻", "冻得"),
}
# A site's trades are paid by different subcontractors: the 木工 team's unpaid wages and the
# 水电 team's on one site are two matters (each team's boss owes its own). A wage item is
# about the trade it dwells on; another it names once is often the team it compares itself
# to (讨薪的是木工班的，我们水电班没人管).
TRADES: dict[str, tuple[str, ...]] = {
    "木工": ("木工",),
    "钢筋": ("钢筋",),
    "水电": ("水电",),
    "保温": ("外墙保温", "保温班", "保温工"),
    "瓦工": ("瓦工", "砌筑"),
    "架子工": ("架子工",),
    "油工": ("油工", "油漆工", "涂料"),
    "防水": ("防水班", "防水工"),
    "幕墙": ("幕墙",),
    "电梯安装": ("电梯安装",),
}
# What kind of works makes the noise: a site's night piling and the road works in front of it
# are two matters on one road. Like a trade, the kind an item dwells on is its own (不是旁边
# 楼盘工地打桩，是马路上修路的机械 is about the road works).
WORKS: dict[str, tuple[str, ...]] = {
    "打桩": ("打桩", "桩机"),
    "修路": ("修路", "铣刨", "摊铺", "压路机", "道路改造", "道路提升", "路面改造"),
    "扬尘": ("扬尘", "粉尘", "土堆", "裸土", "防尘网", "苫盖", "尘土", "灰尘", "暴土"),
    "遗撒": ("遗撒", "撒漏", "一地泥", "带泥", "掉土", "撒土"),
}
# Where rain does its harm: a flooded garage or basement, a flooded junction. One road's junction
# under water and an estate's garage on that road are two matters.
WATER_KINDS: dict[str, tuple[str, ...]] = {
    "地库": ("地库", "车库", "地下室", "负一层", "负二层", "泵房"),
    "路面": ("路口", "交口", "道口", "路面积水", "马路上", "下穿", "桥下", "积水点"),
}
# What a site does to its neighbours: its noise, its dust, the mud its trucks spill. One
# station's night works and the dust off its bare ground are two matters, told apart by the
# nuisance a letter dwells on (夜间施工扰民的事另外反映过了，这次想反映扬尘问题 is about dust).
NUISANCES: dict[str, tuple[str, ...]] = {
    "噪声": ("噪音", "噪声", "夜间施工", "夜里施工", "半夜施工", "夜间作业", "破碎锤", "吵得", "吵醒"),
    "扬尘": WORKS["扬尘"],
    "遗撒": WORKS["遗撒"],
}
# What goes wrong with gas at one estate: a smell in a stairwell, a claimed explosion, low
# pressure that puts boilers out, a meter swap's fee, a renewal's trench left open — each its
# own matter, told by the kind an item dwells on. No gas is no kind of its own: it follows a
# leak, a blast or a cut pipe and belongs to the matter that caused it.
GAS_KINDS: dict[str, tuple[str, ...]] = {
    "漏气": ("漏气", "泄漏", "异味", "煤气味", "燃气味", "漏点"),
    "爆炸": ("爆炸", "炸了", "起火", "失火", "着火了", "着了火", "火灾", "火很大", "火好大"),
    "气压": ("压力", "熄火", "火苗"),
    "换表": ("换表", "燃气表", "表费", "物联网表", "智能表"),
    "挖沟": ("挖沟", "挖的沟", "沟槽", "开挖", "挖开", "回填", "沟挖", "路面恢复", "恢复路面", "未恢复路面"),
}
# A fee rise and an owners' committee election at one estate are two matters, however much
# each letter mentions the other (选举的事才是根上的问题, 涨价就是业委会没选出来): told by the kind an
# item dwells on. A handover dispute mixes the election with the firm's exit and its gates, and a
# fee letter lists the rubbish and the lift: those stay with the tags.
PROPERTY_KINDS: dict[str, tuple[str, ...]] = {
    "物业费": ("物业费", "物业服务费", "涨价", "上调", "调价", "涨到"),
    "业委会选举": ("选举", "投票", "选票", "候选人", "计票", "唱票", "筹备组"),
    "消防": ("消防", "喷淋", "报警主机", "消火栓", "消防栓", "灭火器"),
}
