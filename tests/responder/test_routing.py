"""Routing defaults of DESIGN §5 and deadlines on the working-day calendar."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from config import load_settings
from responder.decide import Responder
from responder.routing import RouteFacts, RoutingRules, route

LOCAL = ZoneInfo("Asia/Shanghai")


@pytest.fixture(scope="module")
def responder() -> Responder:
    return Responder.load(load_settings(environ={}))


def facts(**kw: object) -> RouteFacts:
    base: dict[str, object] = {
        "source": "people_liuyan",
        "kind": "message",
        "request_type": "投诉",
        "topic": "供热",
        "sentiment": "neg",
        "text": "暖气不热",
        "metrics": {},
    }
    base.update(kw)
    return RouteFacts(**base)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kw", "lead", "support"),
    [
        ({}, ("信访处",), ("供热燃气处",)),
        ({"request_type": "咨询", "text": "请问什么时候供暖"}, ("供热燃气处",), ()),
        ({"kind": "post", "request_type": "建议", "metrics": {"reposts": 800}}, ("宣传处",), ("供热燃气处",)),
        ({"request_type": "表扬", "text": "感谢热力公司"}, ("宣传处",), ("供热燃气处",)),
        ({"text": "不修好暖气我就跳楼", "kind": "post", "request_type": "投诉"}, ("信访处",), ("供热燃气处",)),
        ({"text": "记者已经来采访了，暖气不热", "request_type": "投诉"}, ("信访处", "宣传处"), ("供热燃气处",)),
        ({"topic": "其他", "request_type": "咨询", "text": "加微信领优惠活动"}, (), ()),
        ({"topic": "违法建设", "request_type": "咨询", "text": "农村自建房审批"}, ("村镇建设处",), ()),
        # A crisis that urgency finds reaches its office even without the listed words.
        (
            {"kind": "post", "request_type": "投诉", "text": "全体业主到区政府门口集合，讨个说法"},
            ("信访处",),
            ("供热燃气处",),
        ),
        (
            {"kind": "post", "request_type": "其他", "text": "听说工地塔吊倒了，砸到了旁边的平房"},
            ("宣传处",),
            ("供热燃气处",),
        ),
        (
            {"kind": "post", "request_type": "表扬", "text": "搞了一场演练，模拟工人从脚手架坠落受伤"},
            ("宣传处",),
            ("供热燃气处",),
        ),
        # 进去了 is not the writer's own 去了: a passer-by's post is no personal grievance.
        ({"kind": "post", "topic": "市政设施", "text": "出租车前轮掉进去了，太吓人"}, ("城市建设处",), ()),
        # A step that lost a piece is a hazard, not a collapse for the press office.
        ({"kind": "post", "topic": "市政设施", "text": "天桥的台阶塌了一块，老人差点踩空"}, ("城市建设处",), ()),
        # A Weibo complaint about one's own heating need not say 我; a report about others does.
        ({"kind": "comment", "text": "开栓一个礼拜了暖气还是凉的，排到过年吗"}, ("信访处",), ("供热燃气处",)),
        ({"kind": "post", "text": "听说河北区好几个小区暖气不热"}, ("供热燃气处",), ()),
        ({"kind": "post", "topic": "物业管理", "text": "小区的保安和业主打起来了"}, ("房地产处",), ()),
        # No one hurt is no incident for the press office, however the words look.
        ({"text": "钢筋滑落砸穿了阳台顶棚，所幸无人受伤"}, ("信访处",), ("供热燃气处",)),
        # Onlookers (围了好多人看) are no gathering; an early-morning 早点铺 is no threat to light the gas.
        ({"kind": "post", "request_type": "其他", "text": "小区门口围了好多人看热闹"}, ("供热燃气处",), ()),
        ({"kind": "post", "request_type": "其他", "text": "早上六点多，楼下早点铺的液化气罐冒烟"}, ("供热燃气处",), ()),
        # A Weibo report of an incident elsewhere (河东一小区) is no grievance of the writer's.
        (
            {"kind": "post", "request_type": "投诉", "text": "河东一小区楼顶的水箱掉下来了，车里的人当场就没气了"},
            ("宣传处",),
            ("供热燃气处",),
        ),
        # A threat whose condition comes first (如不恢复就…从楼上下去) reaches 信访处; a film does not.
        ({"kind": "post", "request_type": "投诉", "text": "如不恢复就从楼上下去"}, ("信访处",), ("供热燃气处",)),
        ({"kind": "post", "topic": "其他", "request_type": "其他", "text": "看了部电影，男主爬上塔吊"}, (), ()),
        # A friend's estate, or a matter heard of, is no grievance of the writer's though 我 or 住着 appear.
        ({"kind": "post", "topic": "物业管理", "text": "我闺蜜小区物业一年换了三家"}, ("房地产处",), ()),
        ({"kind": "post", "topic": "物业管理", "text": "听说对面楼里还住着租户，物业不管"}, ("房地产处",), ()),
        # Harm to the writer's own family is the writer's grievance, however the post is typed.
        (
            {"kind": "post", "topic": "房屋征收拆迁", "request_type": "咨询", "text": "把俺家老太太推地上了，咋整"},
            ("信访处", "宣传处"),
            ("房地产处",),
        ),
        (
            {"kind": "post", "topic": "物业管理", "request_type": "咨询", "text": "物业保安把我按地上打，脸都肿了"},
            ("信访处", "宣传处"),
            ("房地产处",),
        ),
        ({"kind": "post", "topic": "违法建设", "text": "邻村有人占耕地盖平房"}, ("村镇建设处",), ()),
        # A plot told, or a relative's word (听我二姨说), is no grievance.
        ({"kind": "post", "topic": "物业管理", "text": "听我二姨说她们小区物业把电梯停了"}, ("房地产处",), ()),
        ({"kind": "post", "topic": "物业管理", "text": "电视剧里演的物业把我气坏了"}, ("房地产处",), ()),
        # A daughter hurt at home is the writer's grievance beside the press office's incident.
        (
            {
                "kind": "post",
                "topic": "房屋质量与安全",
                "request_type": "求助",
                "text": "吊顶掉下来，我闺女正在底下玩，缝了四针",
            },
            ("信访处", "宣传处"),
            ("质量安全处",),
        ),
        # A reporter's interview request on a board is the press office's, not a grievance.
        (
            {
                "topic": "房屋质量与安全",
                "text": "我是《城市快报》记者。本报于3月12日刊发了墙皮脱落一文，现就有关问题向贵委采访",
            },
            ("宣传处",),
            ("质量安全处",),
        ),
        # Batch 102: a tenant's landlord raising the rent, a sleeper woken by the site next door: their own.
        (
            {
                "kind": "post",
                "topic": "房屋租赁与中介",
                "request_type": "投诉",
                "text": "房东突然说下月涨五百 不同意就搬 押金还不退 介叫嘛事儿啊 #天津租房#",
            },
            ("信访处",),
            ("房地产处",),
        ),
        # Batch 99: an official clarification (【澄清】…不信谣、不传谣) answers a rumour: the press office's.
        (
            {
                "kind": "post",
                "topic": "物业管理",
                "request_type": "其他",
                "text": "【澄清】有网民转发“某小区物业卷款跑路”的消息。经核实，双方正在办理交接。请居民不信谣、不传谣",
            },
            ("宣传处",),
            ("房地产处",),
        ),
        # Batches 92-99: the writer's own grievance the commission has no part in (a teacher's
        # allowance, a bus route, square dancing downstairs) is led by nobody here.
        (
            {
                "kind": "comment",
                "topic": "其他",
                "request_type": "投诉",
                "text": "我们学校老师的绩效工资到现在也没发下来，我找谁说理去",
            },
            (),
            (),
        ),
        # Batch 93: a family's first look at the public-rental flat they were allocated is their own
        # grievance, hashtags and all.
        (
            {
                "kind": "post",
                "topic": "保障性住房",
                "request_type": "投诉",
                "text": "排了两年终于分到公租房 今天拿钥匙进去一看 卫生间往楼下漏水 #天津公租房#",
            },
            ("信访处",),
            ("住房保障处",),
        ),
        # Batch 93: a house its owner built in a village, however worded, is 村镇建设处's; a
        # developer's own water works (自建供水设施) in a town estate is not.
        (
            {
                "kind": "work_order",
                "topic": "房屋质量与安全",
                "request_type": "咨询",
                "text": "其在下营镇某村有自建二层住房，想做安全鉴定",
            },
            ("村镇建设处",),
            (),
        ),
        (
            {
                "kind": "work_order",
                "topic": "供水排水",
                "request_type": "咨询",
                "text": "开发商自建供水设施迟迟不移交，水费怎么交",
            },
            ("城市建设处",),
            (),
        ),
        # Batch 92: a reporter's Weibo story signed off 我们会继续跟踪报道 is the media's, not a grievance.
        (
            {
                "kind": "post",
                "topic": "供热",
                "request_type": "投诉",
                "text": "今天走进宁园街一处老旧小区，两栋楼暖气不热，室温只有12度。后续进展我们会继续跟踪报道。",
            },
            ("宣传处",),
            ("供热燃气处",),
        ),
        # A letter asking whether a policy heard of is true is no rumour; one going round is.
        (
            {"text": "听说天津不让群租，是不是真的？麻烦有关部门来查一查", "topic": "房屋租赁与中介"},
            ("信访处",),
            ("房地产处",),
        ),
        (
            {"request_type": "咨询", "topic": "房屋征收拆迁", "text": "业主群里到处在传小区要拆除，想问是不是真的"},
            ("宣传处",),
            ("房地产处",),
        ),
        # A reply to a media account is no media involvement; sending the video to one is.
        (
            {
                "kind": "comment",
                "topic": "物业管理",
                "text": "回复@天津广播电视台新闻:我们小区排水泵坏了半个月物业没修",
            },
            ("信访处",),
            ("房地产处",),
        ),
        (
            {"kind": "post", "topic": "物业管理", "text": "地库积水半个月了，物业不管，再不抽我就把视频发给@天津日报"},
            ("信访处", "宣传处"),
            ("房地产处",),
        ),
        # A Weibo complaint about one's own tap water need not say 我 either.
        (
            {"kind": "post", "topic": "供水排水", "text": "这个小区的自来水黄了一个多月了 天天买桶装水喝"},
            ("信访处",),
            ("城市建设处",),
        ),
        # Batches 114-115: an ad for village houses is nobody's, whatever rural words it sells with; a
        # worker who tags @天津新闻 involves the media; a claim 传得很厉害 on the hotline is a rumour.
        (
            {
                "kind": "post",
                "topic": "其他",
                "request_type": "其他",
                "text": "【农村自建房 找我们就对了】砖混小楼 设计+施工一条龙 包工包料 上门量房 免费出图 电话/微信",
            },
            (),
            (),
        ),
        (
            {
                "kind": "post",
                "topic": "农民工工资",
                "request_type": "求助",
                "text": "在静海一个厂房项目干了八个月钢筋 一分钱没见着 @天津新闻 求关注求扩散",
            },
            ("信访处", "宣传处"),
            ("执法监督处",),
        ),
        (
            {
                "source": "hotline_12319",
                "kind": "work_order",
                "topic": "住房公积金",
                "request_type": "咨询",
                "sentiment": "neu",
                "text": "来电人称在短视频平台看到“天津公积金明年取消”的说法，同事之间传得很厉害，咨询是否属实",
            },
            ("宣传处",),
            ("住房保障处",),
        ),
        # Batch 80: 当年天津这边就辟过谣 answers a rumour going round again.
        (
            {
                "kind": "post",
                "topic": "房屋质量与安全",
                "request_type": "建议",
                "text": "家族群里又在转那个视频 说多少遍了那是好几年前外省的视频 当年天津这边就辟过谣",
            },
            ("宣传处",),
            ("质量安全处",),
        ),
        # Sitting on a crane and threatening to come down is a threat for 信访处, hot or not.
        (
            {
                "kind": "post",
                "topic": "农民工工资",
                "text": "东丽湖那边一个工地 塔吊上坐着个人 听说工钱一分没拿着 说今天不给钱就从上边下来",
                "metrics": {"reposts": 836},
            },
            ("信访处", "宣传处"),
            ("执法监督处",),
        ),
    ],
)
def test_default_routing(
    responder: Responder, kw: dict[str, object], lead: tuple[str, ...], support: tuple[str, ...]
) -> None:
    decision = route(responder.routing, facts(**kw))
    assert decision.lead == lead
    assert decision.support == support
    assert decision.fired or not lead


def test_unknown_office_in_rules_is_rejected() -> None:
    with pytest.raises(ValueError, match="unknown office"):
        RoutingRules.from_config({"offices": [{"name": "宣传处"}], "rules": [{"id": "x", "lead": ["不存在处"]}]})


def test_deadlines_skip_weekends_and_holidays(responder: Responder) -> None:
    start = datetime(2026, 9, 30, 10, tzinfo=LOCAL)  # National Day holiday follows
    rule, due = responder.sla.deadline({"kind": "message", "request_type": "咨询", "urgency": 1}, start)
    assert rule == "hotline-consult-2wd"
    assert due.date().isoformat() == "2026-10-09"  # Oct 1-7 off (10-05..07 holidays), 10-08 and 10-09 count
    rule, due = responder.sla.deadline({"kind": "post", "request_type": "投诉", "urgency": 4}, start)
    assert rule == "yq-crisis-5h" and (due - start).total_seconds() == 5 * 3600


def test_escalation_levels(responder: Responder) -> None:
    due = datetime(2026, 11, 26, 10, tzinfo=LOCAL)
    assert responder.sla.escalation_level(due, due) == 0
    assert responder.sla.escalation_level(due, due.replace(hour=11)) == 1
    assert responder.sla.escalation_level(due, due.replace(day=27, hour=11)) == 3


def test_a_thank_you_that_tells_of_a_petition_is_no_crisis_to_route() -> None:
    """Urgency never rates praise a crisis; routing reads the crisis kinds the same way."""
    text = "去年业主们一度商量要集体上访，后经区住建委多次协调，开发商已全部交房，特此表扬"
    common = {"source": "hotline_12319", "kind": "work_order", "topic": "房地产开发与交易", "metrics": {}}
    praise = RouteFacts(request_type="表扬", sentiment="pos", text=text, author_verified_type=None, **common)
    complaint = RouteFacts(
        request_type="投诉", sentiment="neg", text="业主们定于周三集体上访", author_verified_type=None, **common
    )
    assert praise.crisis_kinds == frozenset()
    assert complaint.crisis_kinds == frozenset({"群体性事件"})
