"""Weak labels for the scope classifier: seed lexicons and the departments named in replies.

There is not one labelled training row, so every training signal is made here. Two
independent sources, so that each can check the other: words in the message (taxonomy
names and everyday words, ``lexicon_label``) and the department an official reply names
(``department_label``), which does not depend on the message wording at all.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from analysis.scope import GOLD_LABELS, OTHER, normalise
from analysis.training.scope_data import LABELS, TAXONOMY_FILE, read_rows

# --------------------------------------------------------------------------- seed lexicons
# Everyday words for each class, written from the taxonomy's scope notes and the usual
# remit of the departments — not from the gold rows. The heating/gas words at the end of
# 城乡建设 are the service's own (config/topics.yaml 供热/燃气): Tianjin's commonest winter
# complaints, nearly absent from these southern messages. Words shared by two remits (公积金:
# 城乡建设 and 劳动和社会保障; 食品: 商贸 and 卫生) are left out: the n-gram model decides those
# from context. City buses, metro and public bikes sit under 城乡建设 because the taxonomy files
# 公共汽车 and 地铁城铁 under its 城市建设和市政管理 (交通运输 keeps coaches, taxis, highways,
# post); noise complaints (扰民, 隔音) are 环境保护's 噪音污染; traffic lights and road markings
# are the traffic police's (政法 → 其他). Moving these to where the taxonomy puts them was the
# largest single gain on the dev set (see ``Params`` in ``analysis/training/scope.py``).
HAND_LEXICON: dict[str, str] = {
    "城乡建设": """
        物业 物业费 物业公司 物管 小区 业主 业委会 业主委员会 开发商 楼盘 房地产 商品房 购房 购房补贴 房屋 住房 公租房
        廉租房 保障房 保障性住房 安置房 安置区 经适房 经济适用房 限价房 棚改 棚户区 城中村 拆迁 征收 强拆 回迁 还建
        违建 违章建筑 违法建筑 违章搭建 违建房 加建 住改商 容积率 采光 挡光 规划局 规划许可 规划调整 施工 工地
        建筑工地 工程质量 豆腐渣 漏水 渗水 墙体开裂 裂缝 电梯 供暖 暖气 采暖 集中供暖 燃气 天然气 煤气 管道气 自来水
        供水 停水 用水 水压 水质 停电 供电 用电 电压 电费 电网 变压器 线路改造 路灯 照明 下水道 排水 雨水 化粪池
        管网 井盖 市政 绿化 园林 公园 广场 环卫 垃圾 垃圾站 垃圾桶 渣土 渣土车 市容 城管 占道 占道经营 摊贩 夜宵摊
        乱摆 公厕 停车位 车位 车库 停车场 停车难 地下室 不动产 房产证 产权证 网签 交房 延期交房 退房 烂尾 维修基金
        维修资金 维修金 装修 群租 危房 老旧小区 提质改造 新农村 村镇建设 人行道 修路 道路 路面 坑洼 破损 积水
        拉通 断头路 地下通道 人行天桥 天桥 立交 拖欠工程款 工程款 建设局 住建局 住建委 建委 住建厅 住房和城乡建设
        地铁 地铁站 地铁口 轨道交通 施工许可 商铺 房产 户型 精装 毛坯 交付 房价 限购 二手房 租房 房租 公房 房改
        学区房 楼栋 楼顶 外墙 建房 宅基地建房 自建房 捂盘 售楼 预售 定金 首付 按揭 配套设施 围墙 围栏 安全隐患
        共享单车 僵尸车 洒水车 消防通道 楼道 物业维修 开发区 新城 片区 城市建设 基础设施
        公交 公交车 公交线路 公交站 公交站台 公交站牌 公交公司 公交卡 首末站 末班车 公共自行车 城铁 轻轨
        供热 热力公司 换热站 暖气片 暖气费 取暖费 供热费 采暖费 开栓 报停 停暖 停热 不热 室温 温度不达标 供暖不达标
        暖气不热 燃气表 燃气费 漏气 停气 燃气泄漏 煤气味 燃气管道
    """,
    "环境保护": """
        环保 环境保护 环保局 生态环境 污染 排污 废气 废水 污水直排 偷排 直排 噪音 噪声 嘈杂 粉尘 扬尘 灰尘
        臭味 异味 恶臭 臭气 酸臭 烟尘 油烟 黑烟 浓烟 化工厂 环评 环境影响评价 辐射 电磁辐射 基站辐射 水污染
        大气污染 空气污染 空气质量 雾霾 焚烧 垃圾焚烧 烧垃圾 搅拌站 沥青站 养殖场 生态破坏 固废 危废 危险废物 土壤污染
        秸秆焚烧 排放 污染源 河道污染 黑臭 刺鼻 噪声扰民 噪音扰民 扰民 隔音 隔音屏 吵闹 很吵 太吵
        分贝 通宵施工 施工扰民 环境监测 超标排放 砂石厂 石料厂 采石场 采砂场 喷漆
        甲醛 有毒气体 水源污染 饮用水源 河流 湖泊 河水 水体 鱼死 死鱼 歌厅 ktv 广场舞 音响 喇叭 夜间施工 施工噪音
        环境恶化 环境污染 生态 湿地 污水处理 污水处理厂 排污口 煤矿 石灰厂 水泥厂 砖厂 锅炉 废渣 尾矿 重金属
    """,
    "交通运输": """
        交通运输 交通局 运管 运管处 出租车 的士 网约车 滴滴 客运 班车 大巴 货运 货车 物流 快递 快递柜 驿站 邮政 邮局
        公路 高速 高速公路 收费站 过路费 路桥费 汽车站 客运站 火车站 高铁 高铁站 铁路 航班 机场 轮渡 码头 超载 治超
        黑车 乘客 票价 道路运输 运输 拼车 营运
        营运证 司机 车票 国道 省道 县道 乡道 村道 通车 大桥 桥梁 渡口 航道 收费公路 高速出口 匝道 从业资格证 份子钱
        客车 校车 农村客运 城际 动车 运营 改道 通村公路 公路建设 道路硬化 硬化 路网 交通部门
    """,
    "商贸旅游": """
        旅游 景区 景点 门票 导游 旅行社 游客 商场 超市 商家 商户 消费者 购物 物价 涨价 价格 假冒 伪劣 假货
        产品质量 商品质量 传销 直销 广告 虚假宣传 工商 工商局 市场监管 市场监督 营业执照 无证经营 无照经营 商标 垄断
        不正当竞争 特种设备 质监 检验检疫 计量 加油站 菜市场 农贸市场 店铺 退款 退货 会员卡 预付卡 消费 售后 欺诈
        霸王条款 酒店 宾馆 民宿 招商 外贸 进出口 电商 网购 商品 经营者 商贸 批发市场 商业 明码标价 缺斤少两
        充值 押金 退押金 消协 消费者权益 美容 理发 健身卡 收费不合理 价格欺诈 高价 标价 定价 零售 销售 卖家
        买家 质量问题 三包 4s店 汽车销售 保健 营销 套路 非法经营 游戏机 赌博机 网吧 kfc 餐厅 饭店
        奶茶 烟花爆竹 液化气站 眼镜 配镜 金店 典当 拍卖 展会 会展 商会 营业 开业
    """,
    "教育文体": """
        教育 教育局 学校 学生 老师 教师 校长 幼儿园 小学 中学 初中 高中 大学 学院 职校 中职 中专 技校 学费 补课
        培训机构 培训班 辅导班 招生 入学 学位 学区 划片 择校 高考 中考 小升初 考试 成绩 录取 学籍 毕业证 学历 文凭
        班主任 上课 作业 减负 体育 运动 体育馆 健身 比赛 文化 图书馆 博物馆 文物 非遗 非物质文化遗产 演出 代课
        教职工 支教 家长 教学 课程 课外 民办学校 公办 义务教育 学生家长 上学 读书 入园 特岗 教师编制 教研 寒假 暑假
        开学 放学 校园 军训 研究生 本科 专升本 艺考 体育场 球场 文体 文化馆 古建筑 文化遗产 教师招聘 教师资格
        老师待遇 教龄 师范 实习 学生实习 宿舍 学生公寓 学校食堂 午托 托管 留守儿童 辍学 助学金 奖学金 贫困生
        学分 补考 毕业 学业 学费标准 择校费 赞助费 分班 重点班 学科 教材 教辅 校服 营养餐 学生安全 孩子读书
        配套幼儿园 公立幼儿园 普惠 幼师 课时 讲座 马拉松 广播 电视 电影 书法 戏曲 群众文化 书店
    """,
    "劳动和社会保障": """
        社保 社会保险 养老保险 养老金 退休 退休金 退休工资 医保 医疗保险 新农合 城乡居民医保 失业保险 失业金 工伤
        工伤认定 生育保险 生育津贴 工资 拖欠工资 欠薪 讨薪 血汗钱 薪资 薪酬 加班 加班费 劳动合同 劳动仲裁 劳动纠纷
        辞退 解雇 离职 辞职 用工 劳务派遣 农民工 员工 职工 人社 人社局 人力资源 就业 再就业 招聘 职业培训 职业技能
        技能鉴定 职称 职称评定 人事 档案 事业单位 公务员 内退 买断工龄 工龄 待遇 社保卡 缴费基数 最低工资 高温补贴
        五险一金 五险 年休假 劳动监察 劳动法 试用期 经济补偿 缴纳社保 断缴 补缴 参保 医保卡 报销 养老 退休人员
        离退休 提前退休 病退 社保局 人力资源和社会保障 用人单位 劳动者 编外 临聘 合同工 职业资格 就业创业 创业补贴
        大学生就业 人才引进 人才新政 人才 落户补贴 生活补贴 津贴 补贴发放 养老待遇 企业退休 机关事业单位 遗属
        抚恤金 丧葬费 医疗保障 异地就医 医保报销 大病保险 门诊统筹 转移接续 社保转移 公积金缴存 下岗 下岗职工
        改制职工 工资待遇 考编 编制 招考 遴选 聘用 辅警 协警 社工 门诊卡 特殊门诊 慢性病门诊 报销比例 合医 医疗报销
        大病医疗 落地险 异地医疗 住院报销 医保局 医保中心 社保中心 医疗保障局 参保缴费
    """,
    "卫生计生": """
        医院 医生 护士 患者 病人 看病 就医 医疗 诊所 卫生院 门诊 住院 手术 医疗事故 医患 误诊 医药 药品 药店 药价
        疫苗 接种 疾控 传染病 疫情 艾滋 结核 狂犬 卫生局 卫健委 卫计委 计生 计划生育 二胎 独生子女 失独 超生
        社会抚养费 准生证 出生证 保健品 化妆品 非法行医 黑诊所 急救 体检 健康证 献血 血站 医师 执业药师 中医 妇幼
        母婴 产检 精神病 医护 病房 治疗 检查费 医疗费 过度医疗 乡村医生 村医 卫生室 医共体 医务 医德 药房 处方 病历
        癌症 食品安全 食品卫生 不卫生 餐饮卫生 卫生许可 无证行医 牙科 口腔 整形 美容院 月子中心 公共卫生 疾病 残疾证
        眼科 医疗机构 卫生监督 医保定点 医疗纠纷 抢救 病情 孕妇 新生儿 生育 出生医学证明 独生子女费 奖扶
        计生奖励 计生证 流产 结扎 放环 地沟油 过期食品 食物中毒 假药 医疗器械 核酸 发烧 感冒 医学
    """,
    OTHER: """
        红绿灯 信号灯 交通信号 标线 交通管制 闯红灯 交通秩序 驾考 科目三 违停 电子警察
        公安 公安局 派出所 警察 民警 报警 治安 犯罪 赌博 黄赌毒 扫黑 黑恶 恶势力 保护伞 户口 户籍 落户 身份证 居住证
        护照 出入境 交警 驾驶证 驾照 车管所 交通违章 违章停车 罚单 交通事故 电子眼 法院 判决 律师 司法 检察院
        监狱 消防 低保 五保 特困 救助 救济 婚姻登记 殡葬 墓地 公墓 火葬 丧葬 养老院 敬老院 福利院 残疾人 残联
        退役军人 退伍 老兵 优抚 烈士 居委会 村委会 选举 地名 路名 道路命名 农业 种植 养殖户 扶贫 贫困户 精准扶贫
        惠农 粮食 农机 林业 林地 森林 滥伐 水利 水库 防汛 河堤 土地承包 宅基地 土地流转 村务 村干部 村支书 村支部
        集体资产 移民 国土 土地证 征地 土地征收 耕地 采矿 非法开采 采砂 地质灾害 土地出让 税务 偷税 漏税 发票 财政
        金融 银行 储户 理财 非法集资 股票 破产 电信 移动公司 联通 宽带 手机信号 信号 知识产权 专利 党员 党组织
        人大 政协 宗教 腐败 贪污 受贿 违纪 纪委 公款 形式主义 官僚主义 网络诈骗 电信诈骗 信访 上访 村民组 村集体
        农田 农户 农产品 防疫 猪瘟 野生动物 渔政 电鱼 捕鱼 扶贫款 民政 民政局 军人 复员 转业 社区矫正 黑社会 高利贷
        套路贷 p0p 网贷 保险公司 人寿保险 诈骗 骗局 盗窃 打架 斗殴 黄色 卖淫 红灯区 吸毒 邪教 政务公开 作风问题
        滥用职权 违规违纪 乡镇干部
    """,
}

#: Generic heads stripped from taxonomy names before they become seed words.
_GENERIC = ("管理", "问题", "政策", "服务", "工作", "事务", "事业", "其他", "建设")
_TAXONOMY_SPLIT = re.compile(r"[和与及、的]")
#: Taxonomy fragments too general to vote for one class once the head is cut off
#: (规划建设 → 规划 is 交通运输's level-3 name but 城乡规划 is 城乡建设's remit).
_SEED_STOP_WORDS = """
    办理 城市 规划 工程 组织 社会 社区 福利 经营 调解 推广 制度 法律 交通 能源 人口 补偿 交通运输 行业监管 其他污染
"""
_SEED_STOP = frozenset(_SEED_STOP_WORDS.split())

# --------------------------------------------------------------------------- reply departments
# Department names in official replies → class. Ambiguous offices are deliberately unmapped:
# 信访局/政府办 (they forward everything), 公积金中心 (公积金 belongs to two remits), 发改委
# (物价 is 商贸旅游, the rest 经济管理), 水利/水务 (rural drinking water vs 水利工程) and 交警
# (the taxonomy files it under 政法, a class the gold sample lacks).
DEPARTMENTS: dict[str, str] = {
    "城乡建设": """
        住房和城乡建设 住建局 住建委 住建厅 城乡建设局 建设局 建委 住房保障局 房产局
        房地产管理 城管局 城市管理 城管执法 行政执法局 城乡规划局 规划局 规划分局 规建局
        市政局 园林局 环卫局 征收办 拆迁办 房屋征收 燃气公司 自来水公司 供水公司
        供电公司 电力局 不动产登记 城乡建设行政执法 村镇建设
    """,
    "环境保护": """
        环保局 环境保护局 生态环境局 生态环境厅 环保厅 环境监察 环保分局 生态环境分局
    """,
    "交通运输": """
        交通运输局 交通局 交通运输厅 运管处 运输管理 公路局 公路管理 邮政管理 客运管理
        出租车管理 交通运输部
    """,
    "商贸旅游": """
        商务局 市场监督管理 市场和质量监督管理 工商局 工商分局 质监局 质量技术监督 物价局
        旅游局 商务厅 市场监管局 旅游发展委员会
    """,
    "教育文体": """
        教育局 教育厅 教育体育局 教体局 文体局 体育局 文化局 文物局 文广新局
        教育阳光服务
    """,
    "劳动和社会保障": """
        人力资源和社会保障 人社局 人社厅 社保局 社会保险 社保中心 医保中心 医疗保障局
        医疗保险管理 劳动监察 劳动保障监察 就业服务 社会保障卡 医保局 人社部门
        养老保险管理
    """,
    "卫生计生": """
        卫生健康委 卫健委 卫健局 卫计委 卫计局 卫生局 卫生和计划生育 计生局 疾控中心
        食品药品监督 食药监 卫生计生
    """,
    OTHER: """
        公安局 派出所 公安分局 民政局 民政厅 农业局 农业农村局 农委 林业局 国土资源局
        国土局 国土所 财政局 财政厅 税务局 司法局 法院 纪委 扶贫办 残联 退役军人事务
        自然资源局 畜牧 农机局 统计局 档案局 电信公司 移动公司
    """,
}


# --------------------------------------------------------------------------- weak labels
def taxonomy_seeds(shared_dir: Path) -> dict[str, set[str]]:
    """Seed words per class from the taxonomy's level-2/3 names (see module doc, point 1)."""
    seeds: dict[str, set[str]] = {label: set() for label in LABELS}
    for row in read_rows(shared_dir / TAXONOMY_FILE):
        label = row["一级分类"] if row["一级分类"] in GOLD_LABELS else OTHER
        for name in (row["二级分类"], row["三级分类"]):
            for part in _TAXONOMY_SPLIT.split(name):
                head = next((h for h in _GENERIC if part.endswith(h) and len(part) - len(h) >= 2), "")
                word = part[: len(part) - len(head)]
                if len(word) >= 2 and word not in _GENERIC and word not in _SEED_STOP:
                    seeds[label].add(word)
    # a seed claimed by two classes (安全隐患, 安置补偿 …) decides nothing
    counts = Counter(word for words in seeds.values() for word in words)
    return {label: {w for w in words if counts[w] == 1} for label, words in seeds.items()}


def build_lexicon(shared_dir: Path) -> dict[str, dict[str, str]]:
    """word → (class, origin) for taxonomy seeds and the hand lexicon; words claimed twice are dropped."""
    claims: dict[str, set[str]] = {}
    origin: dict[str, str] = {}
    for label, words in taxonomy_seeds(shared_dir).items():
        for word in words:
            claims.setdefault(word, set()).add(label)
            origin[word] = "taxonomy"
    for label, text in HAND_LEXICON.items():
        for word in text.split():
            claims.setdefault(word, set()).add(label)
            origin[word] = "taxonomy+hand" if origin.get(word) == "taxonomy" else "hand"
    return {
        normalise(word): {"label": next(iter(c)), "origin": origin[word]} for word, c in claims.items() if len(c) == 1
    }


def lexicon_hits(text: str, lexicon: dict[str, dict[str, str]]) -> set[str]:
    """Lexicon words found in normalised ``text``, longest match first.

    A word lying inside a longer matched word does not count (医疗 inside 医疗保险, 公交 inside
    公交车): the longer word is the more specific claim, and counting both would let the
    short, broad word of another class tie it.
    """
    spans: list[tuple[int, int, str]] = []
    for word in lexicon:
        start = text.find(word)
        while start >= 0:
            spans.append((start, start + len(word), word))
            start = text.find(word, start + 1)
    spans.sort(key=lambda s: (s[0] - s[1], s[0]))  # longest first
    covered: list[tuple[int, int]] = []
    kept: set[str] = set()
    for begin, end, word in spans:
        if any(b <= begin and end <= e for b, e in covered):
            continue
        covered.append((begin, end))
        kept.add(word)
    return kept


def lexicon_label(
    title: str,
    body: str,
    lexicon: dict[str, dict[str, str]],
    *,
    min_score: float = 2.0,
    ratio: float = 3.0,
    title_weight: float = 3.0,
) -> tuple[str | None, dict[str, float]]:
    """The class whose seed words dominate the message (a title hit counts 3, a body hit 1), or None.

    A label needs at least ``min_score`` and ``ratio`` times the runner-up: weak labels
    should be few and right rather than many and noisy — EM fills in the rest.
    """
    scores: Counter = Counter()
    for word in lexicon_hits(normalise(title), lexicon):
        scores[lexicon[word]["label"]] += title_weight
    for word in lexicon_hits(normalise(body[:1500]), lexicon):
        scores[lexicon[word]["label"]] += 1.0
    if not scores:
        return None, {}
    ranked = scores.most_common()
    best, top = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0.0
    if top >= min_score and top >= ratio * second:
        return best, dict(scores)
    return None, dict(scores)


_DEPT_PATTERNS = {label: re.compile("|".join(map(re.escape, names.split()))) for label, names in DEPARTMENTS.items()}


def department_label(reply: str) -> tuple[str | None, Counter]:
    """The class of the departments an official reply names, when they all belong to one class."""
    counts: Counter = Counter()
    for label, pattern in _DEPT_PATTERNS.items():
        found = len(pattern.findall(reply or ""))
        if found:
            counts[label] = found
    if len(counts) == 1:
        return next(iter(counts)), counts
    if len(counts) > 1:
        ranked = counts.most_common()
        if ranked[0][1] >= 3 * ranked[1][1]:
            return ranked[0][0], counts
    return None, counts
