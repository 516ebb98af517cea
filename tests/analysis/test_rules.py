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
        pytest.param("表扬物业维修工", "物业维修工张师傅冒雨疏通堵塞的雨水管", "物业管理", id="the-estates-own-staff"),
        pytest.param("", "限价商品房交款三年未分房", "保障性住房", id="price-capped-housing"),
        pytest.param("", "专业师傅上门防水补漏，包修5年，微信同号", "其他", id="a-waterproofing-ad"),
        pytest.param("", "在商场做保洁仨月了，一分钱工资没见着", "其他", id="a-shop-cleaners-wages"),
        pytest.param("", "医院停车场车位少，停车费半小时5元", "其他", id="a-hospital-car-park"),
        pytest.param("", "每逢暴雨下穿地道积水，司机看不清水有多深", "市政设施", id="an-underpass"),
        pytest.param("", "大风把12楼一台空调外机刮下来了", "房屋质量与安全", id="an-air-conditioner-unit"),
        pytest.param("", "有人知道天津哪家煎饼果子最地道吗", "其他", id="authentic-is-no-underpass"),
        pytest.param(
            "海河边亲水平台栏杆断了", "大光明桥往北的亲水平台，栏杆断了两节", "市政设施", id="a-riverside-railing"
        ),
        pytest.param("", "二建变更注册在网上办事大厅哪个入口啊", "建筑市场", id="a-builders-registration"),
        pytest.param(
            "", "顶楼那家在楼顶盖的阳光房到现在还在，下雨天我家顶子往下渗水", "违法建设", id="a-roof-extension-leaks"
        ),
        pytest.param(
            "", "王串场那片说拆说了三年了，房子漏雨都不敢修，到底拆不拆", "房屋征收拆迁", id="demolition-promised"
        ),
        pytest.param(
            "",
            "村里说现在盖自建房得找有资质的工匠，图纸还要报镇里，想问抗震有啥要求",
            "房屋质量与安全",
            id="a-self-built-house-asks-about-the-house",
        ),
        pytest.param(
            "", "交房半年，客厅吊顶一大块石膏板直接掉下来，砸到孩子头上", "房屋质量与安全", id="a-ceiling-comes-down"
        ),
        pytest.param(
            "",
            "四楼五楼的阳台底板老往下掉水泥块，要用维修基金得三分之二的人签字",
            "房屋质量与安全",
            id="balcony-concrete-not-the-fund",
        ),
        pytest.param(
            "",
            "顶楼邻居在楼顶私搭了个彩钢房 把防水层都刨了 一下雨我家顶棚哗哗渗水 墙皮都泡鼓了",
            "违法建设",
            id="a-roof-shed-not-the-leak",
        ),
        pytest.param(
            "农村老房翻建手续咨询",
            "听说现在农村自建房要有设计图纸，要找培训过的工匠，想了解具体要办哪些手续",
            "房屋质量与安全",
            id="building-a-village-house-safely",
        ),
        # Batches 77 and 107: the heating system's filling day (注水那天) is heating.
        pytest.param("", "请问注水那天家里必须得有人吗？我们两口子都上班，万一跑水了咋整", "供热", id="filling-day"),
    ],
)
def test_topics(rules: topics.TopicRules, title: str, content: str, topic: str) -> None:
    result = topics.classify_topic(rules, title, content)
    assert result.topic == topic
    if topic != "其他":
        assert result.hits, "a topic must say which words decided it"


def test_a_plan_to_build_together_is_no_builders_licence(rules: topics.TopicRules) -> None:
    # 统一建 holds 一建 (a first-class constructor's licence) only by accident.
    assert topics.classify_topic(rules, "", "建议物业统一建电动车充电棚").topic != "建筑市场"


@pytest.mark.parametrize(
    ("raw", "text", "rtype"),
    [
        pytest.param("咨询", "来电人反映：整栋楼停气三天还没恢复供气。来电人要求尽快恢复供气。", "投诉", id="a-demand"),
        pytest.param("投诉", "来电人称：网上办事大厅上传失败。来电人咨询上传文件有什么要求。", "咨询", id="a-question"),
        pytest.param("建议", "来电人表扬：抢修队连夜换管，顺便建议以后停水提前说一声。", "表扬", id="thanks"),
        pytest.param("求助", "来电人反映：电梯停运半个月，物业迟迟不修。", "求助", id="agreeing-field-kept"),
        pytest.param("咨询", "来电人咨询：公租房审核要多久。", "咨询", id="same-as-the-field"),
        # Batches 93-94: the masked name and phone sit between 来电人 and its verb, and a record
        # typed and opened as a question can still ask the commission to act.
        pytest.param(
            "投诉", "来电人陈*（185****3307）咨询：物业费要涨，想了解需要履行什么程序。", "咨询", id="masked-caller"
        ),
        pytest.param(
            "咨询",
            "来电人孙*（电话：138****9052）咨询：开发商既不交付车位也不退还定金，要求相关部门督促开发商退还定金。",
            "投诉",
            id="a-question-that-demands",
        ),
        pytest.param("咨询", "来电人黄*称：窗口三次说法不一，对此非常不满。", "投诉", id="anger"),
        # Batch 96: a reply demanded, a call made on a mother's behalf, a threat to go to the press.
        pytest.param(
            "咨询", "来电人韩*称：公租房审核五个多月没消息，认为街道拖着不办，要求给个明确答复。", "投诉", id="answer"
        ),
        pytest.param(
            "咨询",
            "来电人李*称其在外地工作，替母亲反映：母亲说楼道里燃气味很大，年纪大了不知道该找谁。"
            "来电人询问燃气漏气应该打什么电话，请热线帮忙联系燃气公司尽快派人上门查看。",
            "求助",
            id="help",
        ),
        pytest.param("咨询", "来电人陈*称中介扣押金，表示“再不退钱我就找电视台曝光他们”。", "投诉", id="press"),
        # Batch 98: a call made to thank, typed as a suggestion.
        pytest.param(
            "建议",
            "来电人王*称：小区完成二次供水改造，现在水压稳定。来电人表示非常满意，特意来电对相关单位和工作人员表示感谢。",
            "表扬",
            id="thanks-typed-as-suggestion",
        ),
        # Batch 105: a question about a permit that strongly demands the work stop.
        pytest.param(
            "咨询",
            "来电人称小区南侧工地每天夜里十二点以后还在打桩。来电人询问该工地有无夜间施工许可，并强烈要求立即停止夜间施工。",
            "投诉",
            id="strong-demand",
        ),
        # Batch 109: a call made on purpose to thank (来电人特来电…表示感谢), typed as a suggestion.
        pytest.param(
            "建议",
            "来电人吴*来电称：楼前自来水管道爆裂，抢修人员冒雨连夜抢修。来电人特来电对抢修班组表示感谢，希望给予表扬。",
            "表扬",
            id="came-to-thank",
        ),
        # Batch 108: a question about the requirements (有哪些安全方面的要求) demands nothing.
        pytest.param(
            "咨询",
            "来电人李*（152****0836）反映：其为宝坻区某村村民，现打算在原房上加盖一层。咨询：1.农村自建房加层需要到哪里办理"
            "手续；2.是否需要先做房屋安全鉴定；3.施工时有哪些安全方面的要求。",
            "咨询",
            id="requirements-asked",
        ),
        # Batch 110: typed a complaint, the caller only wants to know (来电人想了解…); typed a question,
        # the caller wants the early works stopped (要求尽快处理).
        pytest.param(
            "投诉",
            "来电人郭*（130****4458）来电称：近日听说片区要列入征收计划。来电人想了解征收补偿按什么标准评估，"
            "货币补偿和产权调换如何选择。",
            "咨询",
            id="wants-to-know",
        ),
        pytest.param(
            "咨询",
            "来电反映：某在建项目每天早上5点多就开始施工，影响居民休息。来电人询问这么早施工是否合规，要求尽快处理。",
            "投诉",
            id="asks-and-demands",
        ),
        # Batch 114: an elderly caller's story that leads to a question (…胶管老化，想咨询燃气入户安检).
        pytest.param(
            "求助",
            "来电人李*（72岁）反映：其居住在大港街某小区，前年该小区另一栋楼曾发生燃气爆燃事故。来电人家中胶管老化，"
            "想咨询燃气入户安检由谁负责、更换胶管是否收费。",
            "咨询",
            id="story-then-question",
        ),
    ],
)
def test_a_records_own_words_overrule_a_type_field_that_contradicts_them(
    rules: topics.TopicRules, raw: str, text: str, rtype: str
) -> None:
    assert topics.classify_request_type(rules, text, raw).request_type == rtype


def test_an_officials_thanks_to_the_public_are_no_praise(rules: topics.TopicRules) -> None:
    text = "【情况通报】外墙一处空调外机支架脱落，致一名老人受伤，已送医救治。感谢广大市民关心。"
    assert topics.classify_request_type(rules, text, None).request_type != "表扬"
    # Batch 108: a reply's closing 感谢您对城市管理工作的关注与监督 is courtesy.
    text = (
        "回复@西青小陈:您好，您反映的西青区张家窝镇某小区顶层露台私搭阳光房及彩钢棚问题已收悉，已转西青区住建委"
        "会同属地镇政府、综合执法部门核查处理，请保持电话畅通。感谢您对城市管理工作的关注与监督！"
    )
    assert topics.classify_request_type(rules, text, None).request_type != "表扬"


def test_request_type_prefers_the_source_label(rules: topics.TopicRules) -> None:
    assert topics.classify_request_type(rules, "请问怎么办", "建言").request_type == "建议"
    assert topics.classify_request_type(rules, "感谢物业及时维修", None).request_type == "表扬"
    assert topics.classify_request_type(rules, "请问公租房怎么申请", None).request_type == "咨询"


@pytest.mark.parametrize(
    ("text", "rtype"),
    [
        ("拿到钥匙了！！等了四年终于交房了，感谢保交楼专班", "表扬"),
        # Praise said mockingly: a notice that reads well, heat that is "worth every yuan".
        ("通知写得挺好看 我家暖气到现在摸着还是凉的", "投诉"),
        ("暖气费交了两千六，屋里17度，真是物超所值啊👍👍👍 穿着羽绒服看电视", "投诉"),
        ("真得好好谢谢我们物业🙏 垃圾桶满了一礼拜没人清 物业费可是一分没少收啊👏👏", "投诉"),
        ("真心感谢我们小区物业🙏🙏 电梯坏了整整五天，让我一个住18楼的免费体验了五天登山运动👍", "投诉"),
        ("我家就住学校对面，这都快十一点了那边还在打桩，咣！咣！咣！整栋楼跟着颤", "投诉"),
        ("老板说马上挪，到现在也没挪。请燃气管理部门赶紧来查一查。", "投诉"),
        ("+1 介供暖费交了个寂寞 屋里17度 在家穿俩毛衣🥶", "投诉"),
        # Batches 92-94: heat "still" cold in six characters; thanks for a hardship "enjoyed".
        ("暖气还是凉的", "投诉"),
        ("补偿标准到现在都没公示，隔壁村一亩地给的多出一大截，凭嘛？", "投诉"),
        ("感谢物业 感谢热力公司👍👍 俩单位踢皮球踢得倍儿专业 我家暖气片凉的跟冰箱门似的", "投诉"),
        # Batches 101 and 103: a formal proposal stays one, whatever wrongs it cites on the way.
        (
            "尊敬的领导：本人从事建筑施工管理工作十余年。近年来，我市部分项目仍存在最低价中标倾向，个别企业中标后通过偷工减料、"
            "拖欠分包款等方式弥补，给工程质量埋下隐患。为此建议：一是推行评定分离；二是建立履约评价与招标评分挂钩机制；"
            "三是加强对异常低价投标的核查。以上建议，仅供参考。",
            "建议",
        ),
        # Batches 98-99: a broken lift called exercise; "how do I pay" asks.
        ("真心感谢我们小区的物业👍👍 电梯停了五天了，让我老妈天天爬十六楼，说是帮老年人锻炼身体，太贴心了！", "投诉"),
        # Batch 96: a letter that lists its questions (想咨询一下：一是…) asks; a shop's extension built
        # without leave (私自扩建) is reported, though the letter asks whether it counts.
        (
            "顶楼漏雨想用维修基金 具体咋申请。您好，我家住河北区月纬路附近一个老小区，六层顶楼。"
            "楼顶防水老化了，一下大雨屋顶就洇一片。物业说可以申请动用专项"
            "维修资金，但要楼里业主签字同意。想咨询一下：一是具体的申请流程是什么，找谁递材料；二是业主签字是按户数算还是按"
            "面积算，要多少比例才行；三是我们小区没有业委会，由谁来牵头申请？谢谢。",
            "咨询",
        ),
        (
            "小区门口临街有一家饭店，今年五一以后私自把门脸往外扩建了三米多，搭了彩钢棚子，占了一大半人行道，还把小区出入口"
            "挡了一半，老人推轮椅、孩子骑车都得绕到马路上走。请问这种私自扩建算不算违法建设？希望有关部门依法拆除。",
            "举报",
        ),
        (
            "今年夏天开始，我家厨房和楼梯间的墙上出现几道斜着的裂缝，现在最宽的地方能塞进一枚硬币，而且还在变宽。"
            "楼里好几户都发现了类似情况。请问能不能安排专业单位来做一下房屋安全鉴定？",
            "求助",
        ),
        ("又在这儿表扬自己“根治欠薪”呢👏👏 我表哥在工地干了仨月 到现在一分钱没见着", "投诉"),
        # A letter of questions that closes with a plea for help asks for help.
        (
            "公租房轮候两年多了还没消息。我想问问，残疾人家庭是不是可以优先配租？排到第多少号了？恳请领导帮帮我们。",
            "求助",
        ),
        ("真心感谢津华热力🙏🙏 让我们一家整个冬天在屋里都能体验户外风情 室温常年16度", "投诉"),
        ("真心感谢我们家物业🙏 让全楼老少爷们儿都练出了麒麟臂——停水第三天了", "投诉"),
        # 方便太多了 is praise though 太多了 is usually a complaint; 不用穿羽绒服了 is a cold flat put right.
        ("确实快！我上礼拜刚提的 比以前方便太多了", "表扬"),
        ("感谢热力公司的师傅们！老人孩子终于不用在屋里穿羽绒服了👍", "表扬"),
        # A thank-you that tells the hardship put right, or a complaint turned into praise.
        ("一家四口原来挤在十几平的平房里，夏天热得睡不着。上个月拿到了钥匙，特地来留言说声谢谢！", "表扬"),
        ("本来是来投诉的，现在改成表扬。暖气突然不热了，我气得不行，结果维修师傅一小时就到了，谢谢！", "表扬"),
        # 坑 is a cheat (坑人), not the pit a repair crew crouches in.
        ("零下好几度蹲坑里抢修暖气管道 热力的师傅们辛苦了🙏", "表扬"),
        ("专项行动年年有 西青那个项目欠我们木工班八个多月工钱了 项目部都撤了 查到了吗？", "投诉"),
        # Older residents' letters: thanks and questions around a request for help.
        (
            "我2022年就申请了公租房，一直在轮候，问排到多少号了也不告诉。是不是有人插队了？"
            "请领导帮忙查一下我们家到底排到哪了，给个准话。",
            "求助",
        ),
        (
            "首先感谢政府这些年对老旧小区的关心。今年入冬以来我家暖气一直不热，给供热站打过三次电话。"
            "另外顺便问一句，七十岁以上老人供热费有减免，不知道是不是真的，我们怎么申请。"
            "麻烦领导帮着督促一下供热单位，早点给修好，谢谢！",
            "求助",
        ),
        (
            "2019年买的养老公寓，售楼处说两年内办下房本，现在六年过去了还办不下来。如果还没有个说法，"
            "我们就只能去找电视台的记者了。恳请领导过问一下，谢谢！",
            "投诉",
        ),
        # Mock thanks for a taste of country life; a letter of grievance that asks questions.
        ("真心感谢物业🙏 楼道垃圾八天没人收，让我们全单元提前体验了乡村田园的风味", "投诉"),
        (
            "公积金提取审核了两个月，“审核中”我都背下来了\n我于8月初提交了购房公积金提取申请，到今天整整两个月，系统一直显示审核中，打电话问就说耐心等待。"
            "贵中心的效率真是让人叹为观止，首付是等不起的，请问到底卡在哪个环节？请尽快给个答复。",
            "投诉",
        ),
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
        ("注水那天要上班家里没人咋整啊？能不能提前约个时间😭", "咨询"),
        # Batches 107-112: a short 嘛时候 asks; 问一下 asks past a joke; thanks for a wait of months mock.
        ("公租房嘛时候摇号", "咨询"),
        ("测了下贷款额度 我的买房计划差点原地塌房😂 问一下 夫妻俩都缴公积金的话 额度能合并算不？", "咨询"),
        ("公积金提取审核效率真高啊 才等了俩月呢👏👏", "投诉"),
        ("我们物业真是太棒了👍 电梯坏了十来天，让老太太天天爬18楼，这是免费给业主安排健身项目呗，真贴心！", "投诉"),
        ("从去年10月开始租房补贴就没到账，已经三个月了。去街道问，说是系统升级在重新审核，让等着。", "投诉"),
        (
            "必须表扬一下我们这个物业 开春第一件事就是贴通知涨物业费 效率真高👍 楼道灯坏了仨月没人换 真是贴心小棉袄呢",
            "投诉",
        ),
        ("今天带孩子打疫苗排了三个小时的队", "投诉"),
        ("小区门口的断头路终于打通了，上班能少绕两公里", "表扬"),
        ("办房本的窗口一次把材料讲得明明白白，半小时就办完，点个赞", "表扬"),
        ("感谢供热站！让我们在自己家里就能体验北极的感觉，穿着棉袄睡觉", "投诉"),
        ("这座桥修了三年还没通车，建议直接申报吉尼斯纪录", "投诉"),
        ("听说公积金贷款额度又调了？有懂行的说说现在啥标准", "咨询"),
        ("物业给每个单元挂了灯笼贴了福字，年味儿一下就上来了，物业有心了", "表扬"),
        ("请教一下，租房押金最多能收几个月？", "咨询"),
        ("热力师傅上门换了阀门，还教我怎么放气，点个赞", "表扬"),
        # Batches 104-106: told five times and still nothing; a proposal that cites other cities'
        # practice (外地好像有这样的做法，供参考) and the neglect it would cure.
        ("窗户玻璃碎了一冬。跟物业说了不下五次，每次都说报上去了。这点小事都办不了吗？", "投诉"),
        (
            "想提一点建议。一些老小区市场化物业干两年就撤，撤了就没人管。能不能由区里组织国企物业兜底接管？"
            "外地好像有这样的做法，供参考。",
            "建议",
        ),
        # Batches 107-108: 不满意 is no 满意; lift-less stairs "free" with thanks; wages paid in full.
        (
            "特价房比我买的每平少了四千多，心态彻底塌了。去售楼处问，人家说不满意可以走法律程序，合着老业主就是韭菜呗",
            "投诉",
        ),
        ("感谢某某物业🙏 电梯停了第三天 让我这个住18楼的每天免费爬楼 腿都练粗了 真是贴心到家了👍👍", "投诉"),
        (
            "在东丽干活的河南老乡们看过来👏 我们班组二十多个人 去年被欠的七个多月工钱 今天全部打到卡上了！！"
            "前前后后找了三个月 最后是东丽区住建委的同志盯着总包一笔一笔对账 还帮我们跑了好几趟"
            " 今年总算能回家过年了🙏🙏 真心谢谢！",
            "表扬",
        ),
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


def test_the_jin_of_tianjin_begins_no_jinnan() -> None:
    """#天津南开#, @天津南开发布 and 天津南站 name no 津南区; 天津津南区 and 津南咸水沽 do."""
    assert entities.extract("迎水西里的水箱多少年没洗过了 #天津南开#").districts == ("南开区",)
    assert entities.extract("天津南站附近").districts == ()
    assert entities.extract("天津津南区咸水沽").districts == ("津南区",)
    assert entities.extract("津南咸水沽").districts == ("津南区",)


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
        # Fresh batch 12: sitting on a roof, a meeting agreed, loose crowds, 趴了, no one saved …
        ("其哥哥已经在区政府楼顶上待了一个多小时，谁劝都不下来", "求助", 4),
        ("等了六年又没我，活着真没意思，不如死了算了", "投诉", 4),
        ("工友们商量好了，初八一块儿上市里", "投诉", 4),
        ("五十余名农民工现已在某项目部门口聚集", "投诉", 4),
        ("我们一百来号人明天去甲方公司讨说法", "投诉", 4),
        ("近两百名业主现在把售楼处围了", "投诉", 4),
        ("大家约好明早八点物业门口集合，不退费不散", "投诉", 4),
        ("工地上一个师傅从十八楼掉下去了，人没救过来", "其他", 4),
        ("里面的老人突发心梗，最后被120拉走了", "投诉", 4),
        ("隔壁村违建的二层小楼半夜轰一下全趴了", "其他", 4),
        # … and a joke, a threatened cut, an accident last year.
        ("这房价跌的，开发商都要跳楼了吧哈哈", "投诉", 2),
        ("物业威胁若不交清欠费就停水停电", "投诉", 2),
        ("某工地去年发生过塔吊倒塌事故，现在又在原位置安装塔吊", "投诉", 2),
        ("花盆从楼上掉下来了，把车砸了个坑", "投诉", 3),
        # Fresh batch 13: pinyin and typos, a gas bottle held, a life staked, a meeting call …
        ("再不结账 老子就从28楼tiao下去 说到做到", "投诉", 4),
        ("我爸拎着煤气罐站在院门口 说谁进来就点了", "投诉", 4),
        ("一家老小睡大街，我这条命不要了也得讨个说法", "投诉", 4),
        ("交房无望，我已写好遗书，明天去售楼处", "投诉", 4),
        ("兄弟们明天早上8点 住建委见 一个都别少", "投诉", 4),
        ("俺们包工队四五十口人 今儿都在总包公司大厅里坐着呢", "投诉", 4),
        ("业主们已经拉了群，准备周一统一穿白衣服去区政府讨说法", "投诉", 4),
        ("南开老楼阳台蹋了 砸着楼下大妈了", "其他", 4),
        ("一名工人作业时被钢筋扎穿大腿，工友已送其就医", "求助", 4),
        ("把俺家老太太推地上了，现在躺床上下不来", "投诉", 4),
        ("楼下商铺发生燃气闪燃，一名店员面部被烧", "求助", 4),
        # … and a drill with a typo, a feared leak, a near miss.
        ("小区今天燃气爆炸应急演连，消防员抬着“伤员”跑", "其他", 1),
        ("多户燃气表显示异常，担心存在泄漏隐患", "投诉", 2),
        ("掉下来的墙皮差点砸到其孩子", "投诉", 3),
        # Fresh batch 14: climbing to a crane, lying under a digger, a call to meet, a blast heard …
        ("明天俺就爬到你们项目部塔吊顶上，看你们给不给", "投诉", 4),
        ("再来强拆，俺就抱着孩子躺在挖掘机底下", "投诉", 4),
        ("老板再不给钱，我就死他办公室里", "投诉", 4),
        ("明早六点 咱工地所有人 区政府 不见不散", "投诉", 4),
        ("我们两百多户业主下周三将到市住建委集体反映问题", "投诉", 4),
        ("我们这栋楼刚才轰的一声，三楼那家厨房墙都没了", "其他", 4),
        ("强拆那天我老伴被挖掘机铲倒，至今瘫痪在床", "投诉", 4),
        ("物业保安把我按地上打，脸都肿了", "投诉", 4),
        ("广告牌被风刮下来把一个路人砸了，流了一地的血", "其他", 4),
        # … and fatigue, a documentary, a bedridden parent, a threat of a collapse-free kind.
        ("今天加班到十点，累得想跳楼，明天还得去工地", "其他", 1),
        ("这部纪录片讲天津港爆炸救援，看哭了", "其他", 1),
        ("家里有瘫痪在床的老人，征收指挥部的工作人员多次上门耐心讲解政策", "表扬", 1),
        ("去年买的房子，今天阳台塌下来砸到楼下的人", "投诉", 4),
        # Fresh batch 15: a window ledge, fire at a gate, a knife taken, people carried out, a car in a river …
        ("已经在17楼窗户外面坐着了，谁也别劝", "投诉", 4),
        ("这个月再不给答复，我就在保障中心门口点火", "投诉", 4),
        ("包工头不给钱 我弟拿着刀去找他了", "投诉", 4),
        ("业主们明天全员上街，从售楼处一路走到区政府", "投诉", 4),
        ("整栋楼的业主今晚八点在小区广场集合，一起去物业讨说法", "投诉", 4),
        ("消防从里面背出来一个人", "其他", 4),
        ("一辆车直接掉河里了，司机还没找到", "其他", 4),
        ("厨师整个人着了", "其他", 4),
        ("工地的升降梯坠了，里头三个工人，两个当场没了", "其他", 4),
        ("据传武清一自建房倒了，埋了五六口人", "其他", 4),
        ("一名工人今天上午从塔吊上摔落", "举报", 4),
        ("我哥上去拦，被打进医院了", "投诉", 4),
        ("楼栋一单元整体坍了，正在搜救", "其他", 4),
        # … and a contractor gone missing, a plot in 《》, a ritual fire.
        ("承包人拖欠十几名工人工资近八万元，承包人已失联", "投诉", 2),
        ("《狂飙》里那个工地的戏拍得真好，吊车砸人那段太吓人了", "其他", 1),
        ("楼下商铺装修把承重柱砸了，整栋楼晃了一下", "投诉", 3),
        # Fresh batch 16: 大不了…一块没, out over a balcony, bones broken, under a truck, sunk into the road …
        ("补偿不到位谁也别想动我家房子，大不了人和房子一块没", "投诉", 4),
        ("我真的撑不下去了，准备从阳台翻出去", "投诉", 4),
        ("农民工兄弟们听好了，周五上午全部到建委，带上欠条", "投诉", 4),
        ("一个服务员烧得挺严重，120刚走", "其他", 4),
        ("工地吊装的钢梁掉下来，一个工人被砸得当场不能动了", "其他", 4),
        ("我母亲被强拆人员从屋里拖出来时摔断了腿", "投诉", 4),
        ("一辆渣土车转弯时将一名骑车老人卷入车底", "求助", 4),
        ("物业经理带人把我爸打了，鼻梁骨都打断了", "投诉", 4),
        ("一个环卫大姐连人带车陷进去了，正在救", "其他", 4),
        ("我家老头子被拆迁办的人气得心脏病犯了，抢救了一晚上", "投诉", 4),
        # … and a near miss inside the clause, one flat's cold radiators, debris falling.
        ("井口敞着，已经有人差点掉进去，请求尽快更换", "求助", 3),
        ("暖气片冰凉，全家穿着羽绒服睡觉", "投诉", 2),
        ("现场至今未设置防护网，碎石时常掉落", "投诉", 3),
        # Fresh batch 17: 收尸, 拼到底, poison bought or swallowed, people fainting, a driver not out …
        ("称拿不到钱就让老板给他收尸", "求助", 4),
        ("今天拆迁队要是敢进村，我们全村人就跟他们拼到底", "投诉", 4),
        ("工钱要不回来，我这就去买瓶农药", "投诉", 4),
        ("我就在你们大厅把安眠药全吞了", "投诉", 4),
        ("我们八十几名农民工已经连续三天睡在工地门口", "投诉", 4),
        ("本小区业主定于本周日上午统一到区住建委反映问题", "投诉", 4),
        ("百余名业主明日前往市信访办", "投诉", 4),
        ("俺们二十几个人的工钱，包工头卷跑了，明天去政府", "投诉", 4),
        ("河东某小区一居民楼发生燃爆", "其他", 4),
        ("燃气管道被挖断，整条街都是煤气味，三个人晕倒了", "其他", 4),
        ("我邻居昨天在拆迁现场被铲车铲伤了", "其他", 4),
        ("一辆车困在里面，司机没出来", "其他", 4),
        ("工地一个小伙子被卷进搅拌机了", "其他", 4),
        ("一家三口都被烧了，孩子最严重", "其他", 4),
        # … and a gathering supposed by others, a past frame, the caller (来电人) as no victim, a leak fixed.
        ("来电人称物业扬言若业主再拉横幅就报警抓人", "投诉", 2),
        ("十五年前我们村拆迁的时候，村民在村口拉横幅拦铲车", "其他", 1),
        ("来电人称五年前小区发生过电梯坠落事故，近期电梯又频繁故障", "投诉", 2),
        ("通知其小区明早八点至下午五点停水，但小区内有透析病人", "求助", 2),
        # Fresh batch 18: jumping down, petrol kept, hunger strike, a call to assemble, 坍方, concussion …
        ("工头再躲着不见，我就从他家楼上往下跳", "投诉", 4),
        ("老两口把自己反锁在待拆房屋内，屋里放着几桶汽油", "求助", 4),
        ("我在保障房中心门口绝食第三天了，没人理我", "投诉", 4),
        ("全体木工班组，后天上午九点，劳务公司门口集合，讨薪", "投诉", 4),
        ("全楼二十多户今晚去物业办公室讨说法", "投诉", 4),
        ("工地基坑坍方，听说埋进去一个人", "其他", 4),
        ("强拆时我儿子被几个人按着打，脑震荡住院一周", "投诉", 4),
        ("大树被风刮倒，砸中一辆电动车，骑车人倒地流血", "求助", 4),
        ("红桥老楼的外挂楼梯整个脱落了，一个大爷当时正在上面", "其他", 4),
        ("那栋楼的阳台一层砸一层全掉下来了", "其他", 4),
        # … and a training drill (实训), passengers trapped (a hazard), a lift entrapment last week.
        ("消防进工地搞了次脚手架坍塌救援实训，演得挺像", "其他", 1),
        ("地道桥下积水太深，一辆公交车熄火，乘客被困车内", "求助", 3),
        # Fresh batch 19: 栽下去, buried with the house, a meeting time and place, a crane snapped …
        ("今天不给结账，我就从这脚手架顶上栽下去", "投诉", 4),
        ("不给安置房我就在这老房子里跟它一起埋了", "投诉", 4),
        ("周六上午十点，区政府广场，穿黑衣服，带上购房合同", "投诉", 4),
        ("我们十来个工友今天在区住建委门口跪了一上午", "投诉", 4),
        ("津南那边一个在建楼的塔吊折了，吊臂直接砸在工棚上", "其他", 4),
        ("我们楼后面那栋今早整个歪倒了", "其他", 4),
        ("俺大爷拦着推土机，被刮倒了，腿压在底下", "投诉", 4),
        ("孩子掉进没盖的化粪池，捞上来的时候已经没有呼吸了", "其他", 4),
        # … and the past recalled (想当年), bare wires (a hazard), a wind-blown shed.
        ("想当年我们村为征地的事，几百号人在县政府门口坐了一天一夜", "其他", 1),
        ("楼道里的电线全裸露着，还冒过火花", "投诉", 3),
        ("工人师傅帮我们把被风刮倒的自行车棚扶起来了", "表扬", 1),
        # A whole building without heat is an outage; a petition with 过 is over; an
        # announced gathering and an announced climb are crises.
        ("富民里3号楼，整栋楼暖气从昨晚就凉透了，屋里12度", "投诉", 3),
        ("楼里有几户暖气不热，室温14度左右，已持续一周", "投诉", 2),
        ("去年因为拆迁补偿的事，我们几户还一起去区里上访过。后来补偿款到位了", "咨询", 1),
        ("明早9点大家在物业办公室门口集合，横幅已经印好了", "其他", 4),
        ("找开发商没人，明天我就上售楼处楼顶，让他们看看", "投诉", 4),
        ("我家楼下大门口集合了很多人跳广场舞", "投诉", 2),
        # A simile, a gathering talked down, a dated climb, a limb hit; 一大片 is no film.
        ("这两年手里那套房跌得跟楼塌了似的", "投诉", 2),
        ("群里有人提议去售楼处拉横幅，被大多数人劝住了", "投诉", 2),
        ("我已经没路可走了，下周去他们办公楼顶上站着", "投诉", 4),
        ("阳台水泥板整块掉下来，正好砸到我爸左胳膊，现在在医院缝针", "投诉", 4),
        ("外墙有一大片瓷砖已经鼓起松动，刮风时能看见在晃", "投诉", 3),
        ("根据《天津市物业管理条例》，楼道里燃气味这么大物业必须处理", "投诉", 3),
        ("刚才楼下砰的一声，我家窗户玻璃嗡嗡地抖，下楼一看对面那栋三楼窗户全没了", "其他", 4),
        ("我爸把几桶汽油搬进了屋，说再有人来动房子，他就和这房子一起点着", "投诉", 4),
        ("隔壁工地凌晨三点打桩，我整个人要原地爆炸了", "投诉", 2),
        ("楼上装修疑似拆改了承重墙，天花板今天早上还往下掉灰块", "举报", 3),
        ("楼道里老有一股臭鸡蛋味，今天特别冲", "投诉", 3),
        ("管道改造完工五天了，21、22、23号楼三栋楼还没恢复通气", "求助", 3),
        # The group chat blows up, the wallet collapses, a near miss, a joke said to be one,
        # a banner in a story of last year, and a thank-you for a subsidence put right.
        ("公积金额度上调的消息一出，我们公司群直接炸了哈哈哈", "其他", 1),
        ("市内六区一个一居室四千起步，我的钱包当场塌房了", "投诉", 2),
        ("沟挖了一周也不回填，已经有老人差点掉下去", "投诉", 3),
        ("物业费一年涨两次，气得我想从楼上跳下去（开玩笑的 但是真离谱）", "投诉", 2),
        ("我们去年在北辰也被拖过工资，当时也拉了横幅，最后半个月全结清了", "其他", 1),
        ("前段时间反映的路面塌陷三天就修好了，效率真高，特此感谢", "表扬", 1),
        ("桥墩底部混凝土成块剥落，锈蚀的钢筋都露在外面", "投诉", 3),
        ("刷到外省那个楼盘业主集体维权的新闻，看得我血压都上来了", "投诉", 2),
        ("凌晨一点了楼下工地还在打桩，感觉整栋楼都要被震塌了", "投诉", 2),
        ("救命 我担的楼塌房了 官宣恋情还被扒出来脚踩两条船", "其他", 1),
        ("12号楼暖气不热，室温仅12℃左右，整栋楼住户均如此", "投诉", 3),
        ("家里暖气摸着温乎乎的，冻得我都想从窗户跳下去晒太阳了", "投诉", 2),
        ("我家住塘沽某小区，暖气进户阀门漏水，只好关了阀门，全家没暖气", "投诉", 2),
        ("燃气公司把整栋楼的总阀关了，说立管老化要换，四天没法做饭", "投诉", 3),
        ("物业一直没扫雪，小区主干道和单元门口已冻成冰面", "投诉", 3),
        ("电锤就怼在我卧室窗户外边，真的有种想从楼上跳下去的心了", "投诉", 2),
        ("最后一天暖气了，明天就停了，明年见吧老伙计 #天津停暖#", "其他", 1),
        ("物业私自出售公共车位，如一周内不予处理，将联系报社和电视台曝光", "投诉", 2),
        # A debunk: the quoted claim of a collapse to come is nothing, the finding no hazard;
        # a claim of an explosion that happened still calls for the press office at once.
        ("辟谣：群里传的“3号楼裂了马上要塌”是假的，住建委来看过，只是外墙保温层脱落一小块，已修补", "其他", 1),
        ("【辟谣】网传“某小区燃气爆炸致两人死亡”系不实信息，经核实为油锅起火，无人员伤亡", "其他", 4),
        ("大家别传了，不是燃气爆炸，是楼下饭馆着火冒烟，玻璃是消防砸的，没人受伤", "其他", 1),
        ("有人知道是不是真有楼塌了？群里都在传视频", "其他", 4),
        ("去年讨薪的时候有工友到住建委门口反映过，现在就剩一点尾款，想问问找哪个部门", "咨询", 1),
        ("楼上阳台的水泥块早就松了，今天终于砸着人了，老太太头上全是血", "投诉", 4),
        ("路口的井盖都丢了三天了，拿个纸箱子盖着，晚上根本看不见", "投诉", 3),
        ("卧室承重墙的裂缝两个月了，而且还在变宽，能塞进硬币", "投诉", 3),
        ("我爸在屋里放了一桶汽油，说谁来拆就点了自己", "求助", 4),
        ("上周楼上掉下来的瓷砖差半米砸到我女儿，物业到现在不管", "投诉", 3),
        ("请赶紧排查外墙，别等真砸着人了才来", "投诉", 3),
        ("昨晚梦见我们楼塌了，原来是隔壁工地打桩", "投诉", 2),
        ("工地天天半夜打桩，吵得人真想跳楼", "投诉", 2),
        ("整栋楼暖气从周一开始就是凉的，屋里12度", "投诉", 3),
        ("楼道里有明显的燃气异味，越往上越重", "求助", 3),
        ("小区搞燃气泄漏应急演练，教大家怎么关总阀", "其他", 1),
        ("前年那次燃气爆炸震坏了我家窗户，至今已一年多还没修", "投诉", 2),
        ("前几年新闻里外地有人因为拆迁想不开喝了农药，我们不会走那条路，只求公平", "投诉", 2),
        ("群里都在传我们楼要塌了，别再瞎传了，其实是外墙保温层掉了一大块，现在随时还可能砸人", "投诉", 3),
        ("楼上窗户玻璃整扇掉下来，摔在单元门口炸了一地，窗框还在上面晃悠", "投诉", 2),
        ("工地塔吊吊着钢筋从我们楼顶上悠过去，大风天也不停", "投诉", 3),
        ("昨晚卫生间一氧化碳报警器报警了，热水器烟道可能漏烟", "求助", 3),
        ("贷款拖了两个月还没放，我真的急得想跳楼了🙃", "投诉", 2),
        ("群里传“某小区水管爆炸炸伤人”，别再转了！我就住这，是主管爆管跑水，根本没有爆炸，已经抢修好了", "其他", 1),
        ("网传某工地塔吊倒了砸死人？有没有官方出来说一下，别又是谣言", "其他", 4),
        ("对门被二房东打了隔断，住了十几个人", "举报", 2),
        ("井盖丢了，一个大姐前轮直接陷进去了，幸亏反应快没摔进去", "投诉", 3),
        ("去年拆违建的时候塌下来一块，好在没人", "投诉", 2),
        ("房价又跌了，感觉可以从28楼……算了我家住2楼 跳下去顶多崴个脚🤡", "其他", 1),
        ("小桥护栏被车撞断十几天了，晚上行人有落水危险", "投诉", 3),
        ("路口一下雨就成河，干脆淹死我们算了🙄", "投诉", 2),
        ("人行道井盖在暴雨中被冲走，井口敞开，晚上看不见", "求助", 3),
        # Session 9's blind batches: a word inside another (糟蹋了), deaths in another city's
        # news, a matter given up (这事我一了百了), a climb under way, an eyewitness.
        ("不要让老百姓的改造钱被糟蹋了", "举报", 2),
        ("前些天看新闻，外地有个小区电动车在楼道里充电起火，死了好几个人，建议建充电棚", "建议", 1),
        ("我们是外地来的农民工，今天工地上有人从脚手架上摔下来了", "求助", 4),
        ("买房这事 我一了百了 不想了 租房租到老吧", "建议", 1),
        ("有时候真想一了百了，省得拖累老婆孩子", "求助", 4),
        ("工地塔吊上坐着个人 说今天不给钱就从上边下来", "投诉", 4),
        ("亲眼看见抬出来一个大爷 脸上都是黑的", "求助", 4),
        ("人行道上有个井盖缺了一大块，骑车的差点陷进去", "投诉", 3),
        ("燃气公司来人拿胶布缠了缠就走了 现在楼道里还是有味", "投诉", 3),
        ("通知说停气一天，结果到今天已经第三天了还没恢复供气，整栋楼六个单元都做不了饭", "投诉", 3),
        ("跟停热没关系 借个地儿问问 小区电梯坏了半个多月了 这个到底该找谁管啊", "投诉", 2),
        ("这次再没结果，就去找天津电视台《百姓问政》和网上媒体曝光", "投诉", 2),
        # A car that "drowned", house prices that "collapsed", a drain that keeps blocking beside
        # twenty tenants, a gas leak suspected and ruled out: none is a crisis or a hazard.
        ("昨晚一场雨 我们小区地下车库直接成了游泳池 我的车淹死了 物业挡水板压根没放", "投诉", 2),
        ("天津这房价是真塌了😂 同小区现在挂牌比他买的时候低了小五十万", "其他", 1),
        ("三室一厅被二房东隔成了十来个小间，住了二十多人，天天进进出出，卫生间下水老堵", "举报", 2),
        ("住户起初怀疑是燃气泄漏，已报燃气公司上门检测，确认燃气管道无泄漏，系污水回流", "投诉", 2),
        ("烧烤店老板把七八个液化气钢瓶就堆在我们3单元门口的楼梯底下", "投诉", 3),
        ("工地的树被风刮倒横在人行道上，旁边还耷拉着几根电线", "投诉", 3),
        # Batch 92: another city's explosion told by name, and a tip for whoever smells gas.
        ("刚看到新闻，哈尔滨一小区昨天发生燃气爆炸，1死3伤。大家回家闻到燃气味千万别开灯，先开窗关阀门", "建议", 1),
        ("和平区哈尔滨道一小区昨天发生燃气爆炸，1死3伤", "其他", 4),
        # Batch 92: a reporter's sign-off is coverage, though its 会 reads like a threat's.
        ("两栋楼暖气始终不热，多户室温只有12度。后续进展我们会继续跟踪报道", "投诉", 3),
        # Batch 92-94: a building without a drop of water; one home's cold radiators beside the
        # building's pipes (楼里管道) the firms argue over; the floors above the 10th without water.
        ("夜里零下九度，我们楼的上水立管冻住了，从前天早上到现在整栋楼一滴水没有", "求助", 3),
        ("我家暖气片还是冰凉的，物业说楼里管道是热力公司的，热力说归物业，屋里才14度", "投诉", 2),
        ("我家在18号楼，楼里二次供水水泵坏了，10层以上住户整整三天没有水", "求助", 3),
        ("今早楼上暖气片接口崩了，热水顺着我家吊灯往下滴，电闸都不敢推", "求助", 3),
        # Batch 95: a debunked rule of what would happen (暴晒会爆炸) is no explosion.
        ("【辟谣】有网民转发“高温天燃气表暴晒会爆炸，燃气公司将统一上门更换防爆表”。经核实，该信息不实。", "其他", 1),
        # Batches 95-96: a garage flood still rising; a pit full of rain with no warning or guard; a
        # site the press has already covered (记者来小区拍过，也发了报道).
        ("地下车库自今晨5时起进水，目前水深已超过半米且还在上涨", "求助", 3),
        ("围挡里面就是基坑，坑里积满了雨水，没有任何警示和防护，常有孩子路过", "举报", 3),
        ("上个月北方网记者来小区拍过，也发了报道，工地停了两天，这两天又照旧了", "投诉", 3),
        # Batches 99-100: a hydrant without water is no outage; a house in the country that fell down
        # long ago (早就塌了一半) is no collapse now; a protest in another province is news.
        ("公共收益从来没公示过，地库漏水、消防栓没水没人修，整个小区一千二百户", "投诉", 2),
        ("说她名下多了一套房要清退，那是我舅舅留下的老平房，在宝坻农村，早就塌了一半没法住", "投诉", 2),
        ("外省这个烂尾盘太惨了，几百户业主去售楼处拉横幅要退房，看得我心里发毛", "建议", 1),
        # Batch 95: an outdoor unit swinging in the wind on rusted bolts.
        ("楼上的空调外机架子膨胀螺丝都锈出来一截了，昨晚刮大风外机跟着晃悠，底下就是单元门口", "求助", 3),
        # Batch 103: a pavement fallen into a pit is a hazard, not a collapse; a road that swallowed a
        # car into a big pit stays one.
        ("菜市场门口的便道塌了一个一米多宽的坑，老人推车得绕到机动车道上走", "投诉", 2),
        ("路面塌了个大坑，直接把一辆白色小轿车吞进去了", "其他", 4),
        # Batch 93: forty households agreed to go to the petition bureau together next Monday.
        ("我们四十多户村民已经商量好了，3月16日（下周一）上午一块儿去区信访局，把情况当面说清楚", "举报", 4),
        # Batches 104-106: thirty households going together to the heat company; a tenant's threat
        # to open the gas and end with the flat; a collapse "any moment" passed on from a video.
        ("我们楼三十多户已经商量好了，明天上午一块儿去热力公司营业厅，当面要个说法", "投诉", 4),
        ("要是真来人撵我，我就在屋里把煤气一开，跟这房子一块儿完了", "求助", 4),
        ("北辰那个新交房的小区楼都歪了！！朋友发我的视频 说是随时要塌 里面的人都在往外搬", "其他", 4),
        # ... and what is none: a buyer who "collapsed", a sales office where no one can be found,
        # while a whole building's gas cookers that will not light is an outage.
        ("房贷还了两年 交房又延期到明年 我整个人都塌了", "投诉", 2),
        ("开发商一会儿说资金在协调，售楼处现在连人都找不着了", "投诉", 2),
        ("今早起全楼燃气灶打不着火、壁挂炉停机，各户无法做饭取暖", "求助", 3),
        # Batches 107-109: a blast felt by a whole building is an explosion; a heart that sank, a
        # laugh, and a balcony that fell in a sentence opening 前年夏天 are no crisis now.
        ("就在我们单位对面 当时砰一声整栋楼都跟着颤 这家后厨那个味儿我们闻了小半年了", "投诉", 4),
        ("来电人称“房价一下塌了三成，心也跟着塌了”，认为开发商降价销售损害老业主权益", "投诉", 2),
        ("收房那天一看，我心都塌了，攒了半辈子的钱", "投诉", 2),
        ("哈哈哈笑塌了家人们😂😂😂", "其他", 1),
        ("前年夏天，我们楼五层一户的阳台底板掉下来一大块水泥，正好砸在楼下的自行车棚上", "建议", 1),
        # Batches 110-112: a threat told to the hotline beside a firm's 与物业无关 (no debunk); some
        # day's collapse; a city not named; a balcony of 1996, nearly thirty years gone.
        (
            "物业称暖气归热力公司管、与物业无关。来电人称“再不给弄好，我就拎桶汽油去热力公司营业厅，跟他们一块儿完蛋”",
            "投诉",
            4,
        ),
        ("二层小楼就立了几根细柱子 这要哪天塌了砸着人谁负责？", "举报", 3),
        (
            "刷到个新闻 南方某市一个老小区燃气管道老化漏气 半夜爆燃 伤了三个人 建议燃气公司把老旧小区的立管都排查排查",
            "建议",
            1,
        ),
        (
            "一九九六年夏天，我们隔壁楼一户人家的阳台塌了下去，老太太摔断了腿。这件事过去快三十年了。为此建议每年排查",
            "建议",
            1,
        ),
        # Batches 113-115: a sunroom blocking the roof's escape route (疏散通道) is no evacuation; a
        # notice's 以免试水时跑水 is a precaution; an official debunk's 危房 is the rumour's word; a
        # province is elsewhere.
        ("顶层住户在楼顶公共平台私自搭建阳光房，违建占用楼顶疏散通道。要求执法部门查处。", "举报", 2),
        ("家中长期无人的请在楼道留好联系方式，以免试水时跑水漏水。", "其他", 1),
        ("【辟谣】近日有网络文章称“鉴定为D级危房的房子一律拆除且不给补偿”。经核实，上述说法不实。", "其他", 1),
        ("来电人称看到新闻报道河北省某地居民楼发生燃气爆炸，担心自家安全，咨询燃气管道多长时间检查一次", "咨询", 1),
        # Batches 116-118: a fear told as 万一…塌下来可怎么好; an injury it has done before (烫伤过);
        # a collapse in news from 南方那边; 天都塌了 is a figure.
        ("夜里睡不着就琢磨：万一哪天地震了，或者楼顶的预制板塌下来可怎么好", "咨询", 1),
        ("来电人称该处前年冬天曾爆过管，当时烫伤过一名住户，担心再出事，要求供热单位尽快来修", "求助", 2),
        ("刷到南方那边一栋自建房加层后塌了的新闻，看得后背发凉。想问问农村自己家房子加层到底要办什么手续", "咨询", 1),
        ("来电人称接到通知后“天都塌了”，一时找不到合适住处，希望有关部门帮助协调", "求助", 2),
        # Batches 119-121: 还活不活了 asks a question; a developer's image (人设) and a tired worker
        # "collapse"; a holiday tip to close the gas valve before leaving is no cut.
        ("有许可就能整宿不让人睡觉？？河西区这边的住户还活不活了", "投诉", 2),
        ("上礼拜又发通知延到明年三月 开发商人设彻底塌了 首付还是跟我爸妈借的", "投诉", 2),
        ("周六加班到夜里十一点 回家人都累塌了 一进屋冷得跟冰窖似的 暖气片温乎都不温乎", "投诉", 2),
        ("【春节燃气安全提示】春节假期将至，请广大市民：出门前关闭燃气总阀；使用燃气时保持通风", "其他", 1),
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
    index = EventIndex(judge=None)  # the rules alone: signatures built by hand, which the pair judge never saw
    a, _ = index.add(_sig("a", "幸福里小区3号楼暖气不热室温只有14度", "供热", {"幸福里"}))
    b, why = index.add(_sig("b", "幸福里3号楼暖气不热，热力公司不管，孩子冻感冒了", "供热", {"幸福里"}, 1))
    c, _ = index.add(_sig("c", "幸福里小区物业乱收停车费", "物业管理", {"幸福里"}, 1))
    d, _ = index.add(_sig("d", "阳光花园暖气不热室温只有14度", "供热", {"阳光花园"}, 1))
    e, _ = index.add(_sig("e", "幸福里小区3号楼暖气不热室温只有14度", "供热", {"幸福里"}, 30))
    assert a == b and why
    assert c != a and d != a and e != a


@pytest.mark.parametrize(
    ("text", "rtype"),
    [
        pytest.param(
            "想问一下我能不能申请公租房，要求天津户口吗？谢谢领导百忙之中回复。", "咨询", id="thanks-close-a-question"
        ),
        pytest.param("建议有关部门排查一下这一片的路灯。只是个建议，辛苦了。", "建议", id="thanks-close-a-suggestion"),
        pytest.param("拆迁组的小伙子帮我家老人把东西搬上车，还送了慰问品，感谢", "表扬", id="thanks-are-the-message"),
        pytest.param("谢谢你们！", "表扬", id="nothing-but-thanks"),
    ],
)
def test_closing_courtesies_are_not_praise(rules: topics.TopicRules, text: str, rtype: str) -> None:
    assert topics.classify_request_type(rules, text, None).request_type == rtype


@pytest.mark.parametrize(
    ("text", "official", "incident", "expected"),
    [
        pytest.param(
            "内部消息，公积金贷款要取消了，赶紧提出来，转给身边的朋友", False, False, "其他", id="forwarded-rumour"
        ),
        pytest.param("【记者探访】某小区地下室积水数月，居民出行靠垫砖", False, False, "其他", id="news-report"),
        pytest.param("小区地下室积水几个月了，物业一直不管", True, False, "其他", id="a-media-account"),
        pytest.param(
            "【通知】城区集中供热将于11月15日起正式供热，请各用户提前检查户内供热设施，发现跑冒滴漏及时报修",
            True,
            False,
            "其他",
            id="a-notice-asks-its-readers",
        ),
        pytest.param("刚才饭店后厨一声巨响，好几个人被抬上救护车", False, True, "其他", id="an-eyewitness"),
        pytest.param("物业的人把我妈推下台阶，胳膊骨折了", False, True, None, id="harm-to-the-writers-family"),
        pytest.param("网传小区要拆迁，都没人管吗？谁来管管", False, False, None, id="a-rumour-with-a-demand"),
        pytest.param("小区地下室积水几个月了，物业一直不管", False, False, None, id="an-ordinary-complaint"),
        pytest.param("下午小区搞燃气泄漏应急演练，吓我一跳，还挺像回事", False, False, "其他", id="a-drill"),
        pytest.param("昨晚追的那部剧里工地塔吊倒塌砸死了人，看得我心惊肉跳", False, False, "其他", id="a-series"),
    ],
)
def test_public_posts_that_ask_nothing_are_other(
    rules: topics.TopicRules, text: str, official: bool, incident: bool, expected: str | None
) -> None:
    found = topics.classify_request_type(rules, text, None)
    got = topics.no_request(rules, text, found, public=True, official=official, incident=incident)
    assert got.request_type == (expected or found.request_type) and (expected is None) == (got == found)
    # A board message or a hotline call is a request by its nature.
    assert topics.no_request(rules, text, found, public=False, official=official, incident=incident) == found


def test_how_do_i_pay_is_a_question_before_the_stance_model_is_asked(rules: topics.TopicRules) -> None:
    """Batch 99: 物业费咋交啊 has no cue word of its own, and the stance model read 交 as a complaint."""
    result = topics.classify_request_type(rules, "物业费咋交啊", None)
    assert result.request_type == "咨询" and "咋交" in result.reason


def test_a_short_dialect_question_has_a_cue_of_its_own(rules: topics.TopicRules) -> None:
    """Batches 107-110: 公租房嘛时候摇号, 介路嘛时候修完啊 ask; with no cue the stance model read them as
    complaints."""
    for text in ("公租房嘛时候摇号", "介路嘛时候修完啊", "嘛时候来暖气啊介"):
        assert topics._cue_scores(rules, text)[0].get("咨询"), text
