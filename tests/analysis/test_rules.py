"""Topic, request type, entities, urgency and events on hand-written domain texts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from analysis import entities, topics, urgency
from analysis.events import EventIndex, Signature, shingles
from config import load_settings
from config.rules import load_rule_file

NOW = datetime(2026, 11, 26, 8, tzinfo=UTC)


@pytest.fixture(scope="module")
def rules() -> topics.TopicRules:
    return topics.TopicRules.from_config(load_rule_file(load_settings(environ={}).rules_dir, "topics"))


@pytest.mark.parametrize(
    ("title", "content", "topic"),
    [
        ("暖气不热", "我家暖气不热，找物业物业说不归他们管，热力公司也不来", "供热"),
        ("物业乱收费", "物业公司乱收物业费，电梯坏了一个月没人修", "物业管理"),
        ("工地夜间施工", "工地每天半夜施工噪音太大，无法入睡", "建筑施工扰民"),
        ("拖欠工资", "建筑公司拖欠农民工工资三个月", "农民工工资"),
        ("教师工资", "我是一名老师，学校拖欠我们工资", "其他"),
        ("燃气泄漏", "楼道里有很大的燃气味，怀疑漏气", "燃气"),
        pytest.param("", "下点雨我们小区门口就成海了，水都没过膝盖", "供水排水", id="flooding-said-as-a-sea"),
        pytest.param("医院停车难", "医院周边停车位太少，看病的车辆排长队", "其他", id="parking-off-the-estate"),
        pytest.param("物业装修押金不退", "物业收的装修押金一直不退", "物业管理", id="a-deposit-is-not-always-rent"),
        pytest.param("", "路面突然陷下去一个大坑，出租车前轮掉进去了", "市政设施", id="a-road-not-a-taxi"),
        pytest.param("", "工地晚上十点以后还在浇筑混凝土，吵得睡不着", "建筑施工扰民", id="concrete-being-poured"),
        pytest.param("", "我们工地一百多号人三个月没发钱了", "农民工工资", id="wages-said-as-money"),
        pytest.param("", "村民自建房今天上午坍塌，两人被埋", "房屋质量与安全", id="a-self-built-house-falls"),
        pytest.param(
            "",
            "家门口的工地每天晚上十点准时停工，还定时洒水降尘",
            "建筑施工扰民",
            id="stopping-on-time-is-not-a-stalled-project",
        ),
        pytest.param("", "俺们干了一冬的活，到现在一分没见着", "农民工工资", id="wages-not-seen"),
        pytest.param("", "项目经理同时在三个在建项目上挂名，实际都不在现场", "建筑市场", id="a-name-on-paper"),
        pytest.param("", "咱们村被征地的都去镇政府门口", "房屋征收拆迁", id="land-taking"),
        pytest.param("", "这房子住了不到五年，墙皮掉得跟下雪似的", "房屋质量与安全", id="plaster-falling"),
        pytest.param("", "隔壁三居室住了十几个人，上下铺", "房屋租赁与中介", id="bunk-beds-are-a-crowded-let"),
        pytest.param("", "地铁站的电梯又坏了，拎着行李箱爬台阶", "其他", id="a-metro-lift-is-no-estates"),
    ],
)
def test_topics(rules: topics.TopicRules, title: str, content: str, topic: str) -> None:
    result = topics.classify_topic(rules, title, content)
    assert result.topic == topic
    if topic != "其他":
        assert result.hits, "a topic must say which words decided it"


def test_request_type_prefers_the_source_label(rules: topics.TopicRules) -> None:
    assert topics.classify_request_type(rules, "请问怎么办", "建言").request_type == "建议"
    assert topics.classify_request_type(rules, "感谢物业及时维修", None).request_type == "表扬"
    assert topics.classify_request_type(rules, "请问公租房怎么申请", None).request_type == "咨询"


@pytest.mark.parametrize(
    ("text", "rtype"),
    [
        ("拿到钥匙了！！等了四年终于交房了，感谢保交楼专班", "表扬"),
        ("大雪天物业师傅凌晨就起来铲雪，路上一点冰都没有，这物业费交得值👍", "表扬"),
        ("热力公司的师傅太负责了，大半夜来修暖气，感动", "表扬"),
        ("我家宅基地上的房子评估价一平才几百块，在镇上连个厕所都买不起", "投诉"),
        ("公积金app老登不上去，提取个钱这么费劲吗", "投诉"),
        ("物业服务是一点没有，钱倒是收得积极", "投诉"),
        ("多交了好几万的税，中介现在装死", "投诉"),
        ("单位食堂的饭越来越难吃了[吐]", "投诉"),
        ("新修的步道真漂亮，晚上灯一开跟画儿似的", "表扬"),
        ("今天天津的雾霾有点重，出门记得戴口罩", "咨询"),
        ("地铁4号线今天又故障了，车厢里闷了二十分钟", "投诉"),
        ("拆迁的把我们家房子推了，我妈被推倒在地上", "投诉"),
        ("交了五年物业费，物业一句不归我们管，那我们交钱干啥？", "投诉"),
        ("天津的出租车能不能别拒载了", "投诉"),
        ("暴雨夜物业小哥把被困的老人背了出来，好样的！", "表扬"),
        ("现在买期房还靠谱吗？怕烂尾，求懂行的说说", "咨询"),
        ("物业这次真是用心了，楼道重新刷了漆，住得舒心", "表扬"),
        ("小区违建找谁拆。请问是找街道还是找城管执法？", "咨询"),
        ("请问小区门口的道路属于市政道路还是小区内部道路，坏了找谁修？", "咨询"),
        ("公积金中心的小哥帮我加班办完了提取，没让我白跑，好人一生平安", "表扬"),
        ("楼下的广场舞音响开得震天响，晚上九点半还不停", "投诉"),
        ("我们这栋楼的水黄得跟茶水似的，还敢喝吗？", "投诉"),
        ("介都什么时候了还不来热乎气儿，交钱的时候可积极了", "投诉"),
        ("窗口的姐姐一次性告诉我要补啥，没让我跑第二趟，赞一个", "表扬"),
        ("租房合同没到期，房东要卖房让我搬，我能要求赔偿吗？", "咨询"),
        ("今天带孩子打疫苗排了三个小时的队", "投诉"),
        ("小区门口的断头路终于打通了，上班能少绕两公里", "表扬"),
    ],
)
def test_request_type_reads_colloquial_praise_and_complaint(rules: topics.TopicRules, text: str, rtype: str) -> None:
    assert topics.classify_request_type(rules, text, None).request_type == rtype


def test_entities_find_districts_estates_and_buildings() -> None:
    found = entities.extract("河西区幸福里小区3号楼暖气不热，天津某某热力有限公司不管")
    assert found.districts == ("河西区",)
    assert "幸福里" in found.estates
    assert found.buildings == ("3号楼",)
    assert any("热力有限公司" in c for c in found.companies)


@pytest.mark.parametrize(
    ("text", "rtype", "level"),
    [
        ("再不发工资我就从楼上跳楼", "投诉", 4),
        ("工地塔吊倒塌砸伤路人", "举报", 4),
        ("明天我们集体上访拉横幅", "投诉", 4),
        ("楼道里有燃气味，疑似漏气", "求助", 3),
        ("整栋楼停暖三天了", "投诉", 3),
        ("物业费太贵", "投诉", 2),
        ("请问公积金怎么提取", "咨询", 1),
        # Crises worded the way people write them, not with the textbook word.
        ("二单元楼梯间塌下来一大块，好几户被堵在楼上", "投诉", 4),
        ("听说工地塔吊倒了，砸到了旁边的平房", "其他", 4),
        ("有个工人从三楼脚手架上掉下来了", "举报", 4),
        ("我爸说再逼他就在屋里点了煤气跟他们拼了", "求助", 4),
        ("说再没人管他就去热力公司楼顶上站着", "投诉", 4),
        ("再不给钱我就从这楼上下去", "投诉", 4),
        ("全体业主到区政府门口集合，讨个说法", "投诉", 4),
        ("明天我们二十多个兄弟就去项目部门口等着", "投诉", 4),
        ("大伙商量好了，下礼拜一块儿去住建委讨说法", "投诉", 4),
        # … and scary words that are no crisis.
        ("搞了一场高处坠落应急救援演练，模拟工人从脚手架坠落受伤后送医", "表扬", 1),
        ("大风把工地围挡刮倒了一片，横在便道上", "投诉", 2),
        ("冻死了冻死了，屋里才16度", "投诉", 2),
        ("上周我家老人被困在电梯里四十多分钟", "投诉", 2),
        # Present hazards and building-wide outages in plain words.
        ("钢管从上面掉下来，差点砸到路过的学生", "举报", 3),
        ("其母亲被困在6号楼电梯内，已经十多分钟", "求助", 3),
        ("燃气管道接口处有嘶嘶的声音，能闻到味道", "求助", 3),
        ("整个小区暖气都不热了，暖气片冰凉", "投诉", 3),
        ("燃气表箱锈烂了，管子也锈穿了，一直闻到一股味儿", "投诉", 3),
        ("阳台往外扩了一米多，悬在半空，看着随时要掉下来", "投诉", 3),
        ("天桥的台阶塌了一块，老人差点踩空", "投诉", 3),
        ("塔吊掉下来一根钢管，把楼下一辆车砸了个窟窿，幸亏没砸到人", "投诉", 3),
        ("小区5号楼有户阳台整块掉下来了，砸在车棚上", "其他", 4),
        ("我妈拦着不让，被推倒在地上，头磕破了流了好多血", "投诉", 4),
        ("网传工地农民工讨薪被打死了，有知道的吗？", "咨询", 4),
        ("我们三十多个工人已经在项目部门口坐了两天了", "投诉", 4),
        ("在建楼一面墙整个倒了，底下好像有干活的人", "其他", 4),
        ("俺爹上去理论被几个人按在地上打，现在躺在县医院", "投诉", 4),
        ("半夜楼上哐当一声，以为楼塌了，结果是邻居家柜子倒了", "其他", 1),
        ("今天消防在我们小区搞燃气泄漏爆炸应急演练，别害怕哈", "投诉", 2),
        ("物业又涨价了，肺都要气炸了", "投诉", 2),
        ("好像是哪家煤气炸了，有人被抬出来了", "其他", 4),
        ("楼道顶上的水泥板掉下来了，正好砸到邻居大爷头上，血流了一地", "投诉", 4),
        ("不给钱我就不走了，大不了一起死", "投诉", 4),
        ("整个片区没签字的住户一起去区信访办", "投诉", 4),
        ("征收部门要求三天内搬离，否则断水断电", "投诉", 2),
        ("家中自来水管道冻裂，总阀门锈死关不上", "求助", 3),
        ("工地门口围了一百多号人，都是来要工钱的", "其他", 4),
        ("隔壁单元有人家里煤气罐爆了，不知道有没有人受伤", "其他", 4),
        ("钢筋滑落砸穿了一户人家的阳台顶棚，所幸无人受伤", "举报", 3),
        ("老楼墙体出现多条贯穿裂缝，门窗变形关不上", "求助", 3),
        ("别墅业主私挖地下室，已挖到邻居家地基下面", "举报", 3),
        ("明天一早，咱们村被征地的都去镇政府门口，带上材料", "投诉", 4),
        ("上面掉下来个东西，一个外卖小哥直接倒地上了，一动不动，救护车刚到", "其他", 4),
        ("其租住的房屋被房东断水断电", "投诉", 2),
        ("一楼商户打通承重墙扩建门脸，正在施工", "举报", 3),
        ("路面出现多处坑槽，已有多辆车爆胎", "求助", 3),
        ("邻居家房子拆了一半，砖头瓦块砸到了来电人家的院子里", "投诉", 3),
        ("楼下早点铺的液化气罐爆了，老板和一个顾客被送到医院了", "其他", 4),
        ("有个老太太拆迁的时候被铲车刮倒了，人现在还在ICU", "其他", 4),
        ("物业的保安把送外卖的小哥打了，脸上全是血", "其他", 4),
        ("老乡们说好了，后天一早把项目部的门堵上", "投诉", 4),
        ("工地的围挡被大风刮倒，横在人行道上，非常危险", "投诉", 3),
        ("燃气灶关火后还有小火苗，旋钮拧不动", "求助", 3),
        ("外墙保温层鼓起来了，哪天掉下来砸着人咋办", "投诉", 3),
        ("防护网破了好几个大窟窿，碎砖头往下掉，底下就是人行道", "投诉", 3),
        ("谁敢来推房子他就把自己锁屋里点了", "求助", 4),
        ("物业要是再敢断我家的水，我就拎着汽油桶去物业办公室", "投诉", 4),
        ("网上传的视频是真的吗？说东丽有个工地的塔吊砸到了公交车", "咨询", 4),
        ("送快递的踩空摔下去了，腿断了", "投诉", 4),
        ("楼前供水管道破裂，水喷出两米多高", "求助", 3),
        ("天桥的栏杆松动，有一段已经断开，桥下就是快速路", "求助", 3),
        ("村里现在好几十口子人围在村委会", "其他", 4),
        ("燃气公司要求每户自费更换户内燃气管道，不换就停气", "投诉", 2),
        ("楼顶女儿墙开裂，有砖块已经松动，下面是小区主路", "求助", 3),
        ("塔吊吊着东西从孩子们头顶过", "投诉", 3),
        ("工地的工人师傅帮我们把被风刮倒的自行车棚扶起来了，谢谢你们", "表扬", 1),
        ("为了拆迁款，我舅舅在拆迁办门口喝了农药，现在在医院洗胃", "投诉", 4),
        ("塔吊吊装作业时经常越过居民楼上空", "投诉", 3),
        # Fresh batch 11: a conditional jump, oil, loose numbers, reported deaths and blasts …
        ("说今天再没结果就从工地塔吊上下去", "投诉", 4),
        ("表示如不恢复就带着孩子一起从楼上下去", "求助", 4),
        ("明天就去区政府门口浇上油，让大伙都看看", "投诉", 4),
        ("讨不到 干脆一了百了 明天工地见", "投诉", 4),
        ("俺们二十来个兄弟明儿一早去区住建委门口要说法", "投诉", 4),
        ("我们三十几个工人已经在项目部门口守了两天两夜", "投诉", 4),
        ("业主群里约定本周六全体到区政府门口讨说法", "投诉", 4),
        ("一百多户业主已经在物业办公室门口坐了一上午了", "投诉", 4),
        ("听说一个饭店燃气爆了，死了俩，真的假的？", "其他", 4),
        ("说是谁家煤气罐子炸喽", "其他", 4),
        ("工地脚手架垮了，现场拉了警戒线", "其他", 4),
        ("车里的人当场就没气了", "其他", 4),
        ("骑电动车的小伙子连人带车栽进去了，满头是血", "其他", 4),
        ("把俺爹推倒了，脑袋磕地上起不来了，拉医院去了", "投诉", 4),
        ("电梯突然下坠，一位老人腿动不了，已经打了120", "求助", 4),
        # … and their look-alikes: a film, accidents years ago, a warning, a planned or denied cut.
        ("看了部讲讨薪的电影，男主爬上塔吊说要跳下去", "其他", 1),
        ("十年前其楼栋发生过阳台坍塌事故，当时已处理完毕，现在阳台出现裂缝", "求助", 2),
        ("三年前在工地摔伤的那个工友，官司终于赢了", "表扬", 1),
        ("井盖缺失半个月，只放了个破筐挡着，再不修要出人命了", "投诉", 3),
        ("停气检修未通知。燃气公司通知其楼栋明天停气检修，但未提前张贴通知", "投诉", 2),
        ("网传下月起全市停暖改电，假的！热力公司已经辟谣了", "投诉", 2),
        ("我从楼上下去看了一眼，工地还在干活", "投诉", 2),
        ("所有手续都去住建委办完了，还是不给过户", "投诉", 2),
    ],
)
def test_urgency_levels_with_reasons(text: str, rtype: str, level: int) -> None:
    result = urgency.assess(text, rtype, "其他", {}, NOW)
    assert result.level == level and result.reasons


def test_hot_post_is_high_urgency() -> None:
    assert urgency.assess("物业费太贵", "投诉", "物业管理", {"reposts": "1.2万"}, NOW).level == 3


def _sig(ref: str, text: str, topic: str, places: set[str], days: int = 0) -> Signature:
    return Signature(ref, topic, NOW + timedelta(days=days), shingles(text), frozenset(places), frozenset())


def test_events_join_the_same_matter_and_keep_look_alikes_apart() -> None:
    index = EventIndex()
    a, _ = index.add(_sig("a", "幸福里小区3号楼暖气不热室温只有14度", "供热", {"幸福里"}))
    b, why = index.add(_sig("b", "幸福里3号楼暖气不热，热力公司不管，孩子冻感冒了", "供热", {"幸福里"}, 1))
    c, _ = index.add(_sig("c", "幸福里小区物业乱收停车费", "物业管理", {"幸福里"}, 1))
    d, _ = index.add(_sig("d", "阳光花园暖气不热室温只有14度", "供热", {"阳光花园"}, 1))
    e, _ = index.add(_sig("e", "幸福里小区3号楼暖气不热室温只有14度", "供热", {"幸福里"}, 30))
    assert a == b and why
    assert c != a and d != a and e != a
