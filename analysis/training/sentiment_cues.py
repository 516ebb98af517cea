"""Wording that stands in for labels the data lack: weak-label cues and seed sentences.

No dataset here labels government messages as complaint / enquiry / praise, and none has
enough short plain questions or thanks in the commission's vocabulary. The cues label a
message from its *title* (the model then learns from the body, so the cue is never the
feature that predicts it); the seeds teach that a question about 供暖 is neutral even
though hotel reviews taught that 供暖 comes with praise. Both are written from DESIGN §5
and everyday hotline wording, never read off a TEST file; they live apart from the
training code so they can be reviewed as language, not as code.
"""

from __future__ import annotations

import re

# A title with a complaint cue is a complaint even if it also asks a question ("扰民何时休？").
COMPLAINT_CUES = re.compile(
    "投诉|举报|扰民|乱收费|违规|违法|违建|拖欠|欠薪|讨薪|不作为|乱作为|强拆|强行|强制|噪音|噪声|污染|恶臭|异味|"
    "臭气|漏水|渗水|霸王|欺诈|欺骗|诈骗|坑害|无人管|没人管|推诿|敷衍|刁难|严重|侵害|侵占|克扣|隐患|脏乱|乱象|"
    "拒不|黑心|维权|不合理|不公|太差|很差|难以忍受|扰乱|占道|霸占|暴力"
)
ENQUIRY_CUES = re.compile("咨询|请问|询问|问询|能否|可否|是否|何时|什么时候|如何|怎么|怎样|哪里|哪些|建议")
PRAISE_CUES = re.compile("感谢|表扬|点赞|致谢|赞扬|好评|锦旗")


def _words(spaced: str) -> tuple[str, ...]:
    """Space-separated phrases, so the seed lists stay compact and readable."""
    return tuple(spaced.split())


# Hand-written seed sentences for what no dataset here has enough of: short plain
# questions (neutral), thanks/praise of a service (positive) and short grievances
# (negative) in the commission's own vocabulary. Review data teach that "供暖" or "维修"
# come with praise of a hotel; these teach that a question about them is neutral.
SEED_TOPICS = _words(
    "公租房 廉租房 经济适用房 住房公积金 公积金贷款 房屋维修基金 物业费 供暖 暖气费 燃气开户 天然气改造 自来水 "
    "加装电梯 老旧小区改造 拆迁补偿 征收补偿 房产证 不动产登记 购房补贴 人才购房补贴 商品房预售 二手房过户 "
    "租房备案 施工许可 房屋安全鉴定 棚户区改造 保障房摇号 公积金提取 物业招标 小区停车位"
)
SEED_ENQUIRY = _words(
    "请问{t}怎么申请？ 请问{t}需要什么条件？ 咨询一下{t}的办理流程 想了解{t}相关政策 {t}在哪里办理？ "
    "{t}什么时候开始？ 请问{t}的标准是多少？ {t}需要准备哪些材料？ 我想问问{t}能不能网上办理 "
    "请问{t}要多久才能办好？ 关于{t}的咨询 {t}的申请时间是什么时候？"
)
SEED_ORGS = _words(
    "物业 物业公司 住建委 社区 街道办 热力公司 燃气公司 维修师傅 工作人员 施工单位 房管局 网格员 12345热线"
)
SEED_GOOD_DEEDS = _words(
    "及时维修 很快解决了问题 上门服务 耐心解答我的问题 及时处理了漏水 修好了电梯 恢复了供暖 清理了楼道垃圾 "
    "帮我们解决了难题"
)
SEED_PRAISE = _words(
    "感谢{o}{a} 表扬{o}，{a}，服务很周到 为{o}点赞，{a} {o}{a}，非常满意 谢谢{o}{a}，辛苦了 {o}服务态度很好，{a}"
)
SEED_PROBLEMS = _words(
    "电梯经常坏 楼道漏水 暖气不热 燃气有异味 半夜施工噪音扰民 垃圾堆积发臭 乱收停车费 拖欠工资不给 延期交房 "
    "房屋墙体开裂"
)
SEED_COMPLAINT = _words(
    "{x}，{o}一直不管 投诉{o}，{x} {x}好几个月了，{o}没有人处理，太气人了 {x}，打了多次电话给{o}都没用，强烈要求解决 "
    "{x}，{o}推来推去，到底有没有人管？"
)
