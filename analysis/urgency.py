"""Urgency 1–4 with the reasons that produced it (DESIGN §5).

4 crisis: threat of an extreme act, deaths or injuries, collapse, explosion (also a
circulating claim of one), a collective petition under way or announced.
3 high: a present physical hazard, an outage of heat/gas/water for a building or more,
wide public heat, actual media coverage.
2 an ordinary complaint, report or request for help; 1 consultation, suggestion, praise.

Plain keyword lists get the edges wrong, so the patterns carry their context: 冻死了 and
吓死人 are not deaths, 不让人活了 is not a threat, a wind-blown 围挡倒塌 is not a
collapse, 无人员伤亡 is no injury, a press *threat* (找媒体曝光) is not coverage, and one
flat's water cut off (停我家的水) is not a building's outage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

_INTENSIFIED = "吓笑冻累气烦急热饿困腾愁馋忙臭折熏憋闷吵"  # 吓死了, 熏死人: emphasis, not death
CRISIS = {
    "扬言极端行为": re.compile(
        r"(?<![累烦困忙愁饿吵]得想)(?<![累烦困忙愁饿吵]得都想)跳楼(?!价|大甩卖)|自焚|轻生|自杀|喝了?农药|喝药|喝了?(?:敌敌畏|百草枯)|洗胃|同归于尽|以死相逼|不想活|活不下去|一死了之|寻死|寻短见|"
        r"跳河|割腕|跳下去|跳下来|从.{1,12}跳下|爬(?:上|到)[^，。]{0,10}(?:塔吊|楼顶|天台|高处)|"
        r"(?:带|拿|浇|泼|买|提|拎|扛|抱|端|揣)[^，。]{0,4}汽油|汽油[^，。]{0,3}(?:搬|拿|拎|提|放)(?:进|到|回)|(?:和|跟|连)[^，。]{0,6}一起点着|(?:把自己|自个儿)[^，。]{0,6}(?:点了|烧了)|放火|一把火|(?:都|就)?别活|(?<!活)不活了|死给.{0,4}看|死在.{0,8}(?:门口|面前|这|那)|(?:再不|再没|不给|不解决|不退|如不|若不|要不|要是不)[^。]{0,12}从[^，。]{0,8}(?:楼|顶|塔吊|天台|脚手架)上?(?:跳|tiao|栽|摔)?下去|从[^，。]{0,8}(?:楼|顶|塔吊|天台)上?tiao|(?:浇|泼)(?:上|了|点)?(?:汽)?油(?!漆|烟)|一了百了|(?:一起|一块儿?)埋了|(?:楼上|楼顶|天台|窗户|阳台|楼边)[^，。]{0,2}往下跳|扬言[^，。]{0,4}往下跳|(?:放着|放了|备着|备了|准备了|囤了)[^，。]{0,4}汽油|点了自己|烧了自己|(?:跟|和|连)这?(?:房子|房|屋子?)一(?:块儿?|起)(?:没了|死|烧|完)|(?:就|我就)[^，。]{0,6}把(?:煤气|燃气|液化气)[^，。]{0,2}(?:一开|打开|开开|全开)|绝食|收尸|拼到底|(?:买|找|备)[了瓶包些]*[^，。]{0,2}(?:农药|敌敌畏|百草枯|安眠药|老鼠药)|(?:安眠药|农药|老鼠药)[^，。]{0,4}(?:吞|吃|喝)了?|吞了?[^，。]{0,4}(?:安眠药|农药|老鼠药)|大不了[^，。]{0,8}(?:一块儿?|一起)(?:没|死|完)|从[^，。]{0,6}(?:阳台|窗户|窗台|楼顶|天台)[^，。]{0,2}(?:翻出去|翻下去|跳出去)|(?:窗户|窗台|楼顶|天台|阳台)(?:外面|外边|边上|沿上?)[^，。]{0,2}(?:坐|站|蹲)(?:着|了)|谁(?:也|都)别劝|别劝我|(?:门口|楼下|大门口?|大厅|办公室)[^，。]{0,2}(?:点火|自焚|放火)(?!烧纸)|(?:拿|提|带|揣|拎)着?(?:一把|把)?(?:菜)?刀(?:去|找|要|上|冲)|一头撞死|就死(?:在)?[^，。]{0,6}(?:办公室|门口|家里|面前|项目部|售楼处|政府|公司)|躺(?:在|到)[^，。]{0,6}(?:挖掘机|铲车|推土机|车轮|车)(?:底下|下面|前面|前)|(?:这条|这)命不要了|豁出(?:这条)?命|遗书|(?:煤气罐|液化气罐|燃气罐|汽油)[^。]{0,16}(?:就|便)(?:点了|点火|引爆|炸了)|谁(?:进来|敢来|敢进|来)[^，。]{0,4}(?:就|便)(?:点了|点火|跟谁拼)|"
        # 塔吊上坐着个人…说今天不给钱就从上边下来: a climb under way and its threat.
        r"(?:塔吊|楼顶|天台|脚手架)上[^，。]{0,2}(?:坐|站|蹲)着(?:个|一个|俩|两个|几个)?(?:人|工人|农民工|师傅)|"
        r"(?:不给|不结|不还|不发|不解决)[^，。]{0,6}就从(?:上边|上面|上头|这儿?|那儿?)(?:跳)?下(?:来|去)|"
        r"拼了这条命|(?:大不了|就)[^，。]{0,4}(?:一起死|一死)|鱼死网破|你死我活|(?:跟|和|与)[^，。]{0,6}拼(?:了|命)|(?:点了|点着了?|引爆)[^，。灶]{0,2}(?:煤气|燃气|液化气)(?!灶)|持刀|拿刀|"
        r"站在(?:了)?[^，。]{0,6}(?:楼顶|天台|塔吊|窗台|楼顶边)|在[^，。]{0,8}(?:楼顶|天台|塔吊)上?(?:待|站|坐|蹲)(?:了|着)|(?:谁劝都|怎么劝都|劝了[^，。]{0,4}都?)不下来|(?:不如|还不如|干脆)?死了算了|"
        r"(?:再|如果|要是|不给|不解决|没人管)[^。！？]{0,16}(?:上|去|到|爬)[^，。]{0,8}(?:楼顶|天台|塔吊)(?:上|边)?(?:站|坐|待)|"
        # 明天我就上售楼处楼顶，让他们看看: the writer's own climb, announced.
        r"我[^，。]{0,4}就(?:去|上|爬上|爬到)[^，。]{0,8}(?:楼顶|天台|塔吊)(?![^，。]{0,4}(?:晒|修|看看?风景|拍|检查))|"
        # 下周去他们办公楼顶上站着: a dated climb to stand on a roof.
        r"(?:下周|明天|明早|今晚|后天|过两天|到时候|月底|周一|周二|周三|周四|周五|周六|周日)[^。]{0,6}(?:上|去|到|爬)[^，。]{0,8}(?:楼顶|天台|塔吊)(?:上|边)?(?:站|坐|待)"
    ),
    "人员伤亡": re.compile(
        rf"死亡(?!证明)|身亡|遇难|丧生|死了人|(?<![{_INTENSIFIED}])死人了|死了(?:俩|仨|[一两三四五几好多]+[个名位口])|(?:当场|人)[^，。]{{0,3}}没(?:气|了呼吸)|当场死亡|[砸炸压烧摔电]死|(?<!车)淹死|(?<!一头)(?<!想)(?<!要)(?:[打撞砍捅]死)(?![也都我])|出人命|人没了|当场(?:就)?没了|(?:背|抬|拖)了?出来[^，。]{{0,4}}(?:人|伤员|工人|老人|孩子|小孩|大爷|大妈|老太太|老头)|(?:打|砸|撞|推|烫|烧)进了?(?:医院|ICU)|(?:车|人|孩子|老人)[^，。]{{0,6}}(?:掉|冲|坠|翻)(?:进|到|入)?了?(?:河|江|湖|海)里|(?:司机|孩子|老人|工人|落水者)[^，。]{{0,4}}(?:还没找到|下落不明|失踪)|埋了[^，。]{{0,6}}(?:人|工人)|(?:人|身上|衣服)[^，。]{{0,3}}(?<![不找睡])(?:着了|着火|烧着)|没(?:能)?(?:救|抢救)过来|被?120[^，。]{{0,2}}(?:拉走|接走|送走)|突发(?:心梗|脑梗|脑溢血)|不幸离世|"
        r"缝针|砸(?:到|中|伤)了?[^，。]{0,6}(?:胳膊|腿|手臂|肩膀|后背|腰|脚)|受伤|轻伤|(?<!严)重伤|伤者|伤亡|[打砸烧烫摔撞擦铲轧碾夹割扎]伤|缝了.{0,3}针|送医|送[往到]医院|(?:拉|送|抬)(?:到|去|进|往)?(?:了)?[镇区市县]?医院(?:去了|了)?|(?:打了?|叫了?|拨打了?)(?:120|急救)|救护车(?:来了|到了|拉走)|抢救无效|被埋|坠楼|"
        r"(?:头|脸|腿|胳膊|手|脑袋)[^，。]{0,3}(?:磕破|撞破|砸破|打破|摔破)|头破|流了?(?:好多|很多|一地|满脸|一身|不少)的?血|血流|(?:全是|满是|一脸|满脸|一身|满头|一头|满身)(?:是)?血|血(?:糊糊|淋淋)|ICU|重症监护|(?:还在|正在)抢救|抢救了|(?:摔|砸|打|压)断了?[^，。]{0,2}(?:腿|胳膊|手|肋骨|脚|骨头|腰)|骨[^，。]{0,2}(?:都)?(?:打|摔|砸)?断了|烧得[^，。]{0,3}(?:严重|厉害|不成样|面目全非)|(?:人|工人|师傅|老人|孩子|行人)被[^，。]{0,4}砸(?:得|伤|中|到|倒)|当场不能动|卷(?:入|进|到)车底|脑震荡|没有(?:了)?(?:呼吸|心跳)|(?:腿|人|身子)压在(?:底下|下面)|颅内出血|按着打|倒地[^，。]{0,4}(?:流血|出血)|(?:头部|头上|腿上|脸上|满脸)(?:出血|流血)|埋(?:进去|在里面|在下面|在底下)了?[^，。]{0,3}(?:人|工人|个)|卷(?:进|入)[^，。]{0,4}(?:搅拌机|机器|设备)|(?:[一两二三四五六七八九几]个|多名|几名|\d+名)人[^，。]{0,2}(?:晕倒|昏倒|晕过去)|(?:司机|人|孩子|老人|工人)[^，。]{0,2}没(?:能)?(?:出来|逃出来|救出来)|(?:人|一家[^，。]{0,3}|孩子|老人|工人)[^，。]{0,3}被(?:烧|烫)(?:了|伤|得)|压在车底|(?:人|大姐|大哥|大爷|大妈|孩子|老人|小孩|行人|连人带车)[^，。差险]{0,6}(?:陷进去|掉进去|栽进去|掉进了?坑)|(?<!无须)(?<!不用)送去抢救|"
        r"(?:人|老人|老太太?|孩子|小孩|行人|路人|工人|大爷|大妈|小哥)被[^，。]{0,6}(?:撞倒|刮倒|撞飞|碾压|轧)|把[^，。]{0,8}(?:人|小哥|老人|业主|工人|大爷|大妈|孩子|师傅|爸|妈|爹|哥|姐|弟|妹|父亲|母亲|老伴|老公|老婆)打(?:了|伤|得)|(?:倒地|倒在地上|倒地上)[^。]{0,10}(?:一动不动|不省人事|昏迷|救护车|120)|(?:人|伤员|工人)[^，。]{0,4}被?抬(?:出来|上车|上救护车)|"
        r"砸(?:到|中|在)[^，。]{0,8}(?:头|身上)|(?<!别)(?<!不要)砸(?:着|到|中|伤)人了|砸(?:着|到|中)了?[^，。]{0,4}(?:大妈|大爷|老人|孩子|小孩|行人|路人|工人|老太太|师傅)|(?:扎|刺|戳)(?:穿|伤|进)了?[^，。]{0,4}(?:腿|手|脚|胳膊|身体|肚子|胸|头)|送(?:其|他|她|伤者)?(?:去|到)?就医|把[^，。]{0,6}(?:人|老人|老太太|老头|大爷|大妈|爹|妈|爸|父亲|母亲|孩子|业主|村民|工人)[^，。]{0,2}(?:推倒|推到地上|推地上|推在地上|撞倒|踹倒|打倒)|(?:面部|脸部?|手|胳膊|腿|身上|头发)[^，。]{0,2}被(?:烧|烫|炸)|"
        r"被[^，。]{0,6}(?:打了(?!隔断|隔间)|打伤|打得|打一顿|殴打|按在地上打)|按(?:在|倒在)?地上(?:打|踹)|(?:脸|眼睛|头)[^，。]{0,2}(?:都)?(?:肿了|打肿)|(?:至今|导致|致其?|落下)瘫痪|植物人|截肢|被[^，。]{0,6}(?:铲倒|撞倒|推倒|砸倒|压倒)|把[^，。]{0,6}(?:路人|行人|人|老人|孩子)砸(?:了|伤|倒)|躺在[^，。]{0,4}医院|"
        r"(?:底下|下面|里面)[^，。]{0,6}(?:有|压着|埋着)[^，。]{0,6}(?:人|工人|干活的)|"
        r"(?:(?<!来电)(?<!诉求)(?<!反映)人|工人|孩子|老人|男子|女子|小孩|师傅|小伙子?|大哥|大姐|民工|农民工)[^，。]{0,14}(?:坠落|跌落|摔落|掉下来|掉下去|摔下来|摔下去|栽下来)|骨折|(?:腿|胳膊|手|肋骨)(?:都)?(?:摔|砸|打)?断了|头破血流|昏迷|中毒|触电|溺亡|死者|遇难者|罹难"
    ),
    "坍塌爆炸": re.compile(
        r"(?<!围挡)(?<!护栏)(?<!栏杆)(?<!广告牌)(?:坍塌|倒塌|垮塌)|(?:塔吊|脚手架|楼房?|房子|房屋|自建房|民房|小楼|平房|大棚|厂房|桥|墙|楼板|模板|支架)(?:整个|整面|一下子?)?(?:倒了|歪倒|砸下来|垮了)|(?<!糟)蹋了|坍了|坍方|塌方|塔吊[^，。]{0,4}(?:折了|折断|倾覆)|倾覆|(?:栋|幢)[^，。]{0,6}(?:整个|整体)(?:歪倒|倒了|倒塌|塌了)|(?:楼梯|阳台|雨棚|挑檐|外挂)[^，。]{0,4}(?:整个|整体|全)(?:脱落|掉了|掉下来)|(?:阳台|楼梯)[^，。]{0,6}全掉下来|(?:整体|整个)坍|(?<!崩)塌了(?!一块|一角|一点|[^，。大]{0,10}(?:坑|洞))|要塌|(?<!破损)(?<!路面)(?<!人行道)(?<!地面)塌陷|塌下(?!来?(?:一块|一角|一点|一片|些))来?|塌掉|陷下去|(?:阳台|楼板|楼梯|屋顶|房顶|雨棚|挑檐)[^，。]{0,4}(?:整块|整个|一大块)?(?:掉下来|塌落|砸下来|垮了)|楼塌|(?:楼|房|房子|小楼|平房|厂房|大棚)[^，。]{0,8}(?:全|整个|一下)?趴(?:了|下)|(?<!原地)爆炸(?!性)|(?:塔吊|吊篮|升降机|升降梯|施工电梯)(?:坠了|整个|直接|从[^，。]{0,6})?(?:砸到|砸中|砸在|砸了|掉下来|坠落|坠下)(?!一根|一块|一个|一捆|[个根块捆])|(?:煤气罐|液化气罐|燃气罐|钢瓶|锅炉|热水器)[^，。]{0,2}爆了|爆燃|闪爆|闪燃|燃爆|(?:轰|嘭|砰|咣)的?一声[^。]{0,20}(?:墙(?:都)?没了|墙(?:都)?塌)|(?:轰|嘭|砰|咣)的?一声[^。]{0,40}(?:窗户|玻璃)[^，。]{0,4}(?:震碎|全碎|碎了|飞出|震飞|崩出|全没了)|(?:轰|嘭)的?一声[^。]{0,40}(?:窗户|玻璃|楼)[^，。]{0,4}(?:跟着)?(?:抖|震|颤)[^。]{0,20}消防车|(?:轰|嘭|砰)的?一声[^，。]{0,4}(?:整栋楼|整个楼|整幢楼)[^，。]{0,2}都跟着(?:抖|震|颤|晃)|(?<![锅毛摔])(?<!原地爆)(?<!(?<![煤燃然])气)炸[死伤了喽啦](?!一地|得满地|得一地)|(?:燃气|煤气|天然气|液化气)[^，。]{0,4}爆了|"
        r"(?:水泥板|预制板|楼板|天花板|吊顶|屋顶)[^，。]{0,4}(?:掉下来|砸下来|塌下来)(?=[^。]{0,12}(?:砸|人|头))"
    ),
    "群体性事件": re.compile(
        r"集体上访|集体维权|集体讨薪|集体停工|停工讨薪|(?:工人|工友|农民工|集体)[^，。]{0,4}罢工|[拉打举挂](?:起|着|出)?了?(?:横幅|条幅)|静坐|"
        r"(?:聚集|聚在|聚到|围堵)[^，。]{0,8}(?:门口|政府|售楼处|项目部|工地|大门|信访|住建)|"
        r"(?:门口|大门口?)[^，。]{0,2}(?:聚集|静坐|围堵)|(?:政府|住建委|信访办|售楼处|项目部)(?:门口|楼下)?见(?![到过面了])|一个(?:都|也)(?:别|不能)少|(?:定于|约定|计划|准备|相约)[^。]{0,12}(?:统一|集体|一起|全体)[^，。]{0,4}(?:到|去|前往)[^，。]{0,8}(?:政府|住建|建委|信访)|(?:全员|集体|一起)上街|游行|全体[^。]{0,24}集合|(?:点|(?<![当那平有同及临按准暂])时)，?[^，。]{0,4}(?:政府|住建委?|信访办?)(?:门口|广场|大门)|(?:业主|工人|工友|村民|居民)[^。]{0,20}(?:集合|集结)|(?:政府|住建委?|信访办?|售楼处|项目部|门口)[^。]{0,4}不见不散|(?:到|去)[^，。]{0,8}(?:政府|住建委?|信访|市里|区里)[^，。]{0,4}集体(?:反映|上访|请愿|讨|维权)|(?:约好|约了|商量好|说好)[^。]{0,12}(?:政府|售楼处|项目部|住建|信访|物业)[^，。]{0,3}(?:集合|集结|会合|碰头)|(?:到|去)[^，。]{0,10}(?:政府|售楼处|项目部|住建委|信访)[^，。]{0,4}(?:集合|集结|会合|碰头|门口等|等着)|"
        r"(?:全体|所有人|所有(?:业主|工人|工友|村民|居民|租户))[^，。]{0,6}(?:到|去)[^，。]{0,8}(?:政府|售楼处|项目部|住建|信访)|"
        # 明早9点大家在物业办公室门口集合, 横幅已经印好了: a gathering announced.
        r"(?:大家|大伙|业主们?|工友们?|村民们?|邻居们)[^。]{0,16}(?:门口|楼下|大门|广场|大厅)[^，。]{0,2}(?:集合|集结)|(?:横幅|条幅)[^，。]{0,4}(?:印好|做好|准备好|写好|备好)|"
        r"(?:集体|一起|一块儿?|组团)(?:到|去).{0,8}(?:政府|市里|区里|信访|上访|维权|讨薪)|"
        r"(?:大伙|大家|业主们|工友们|工人们|村民们|兄弟们|住户们|居民们|全体|所有人|整个(?:片区|小区|村|楼)|(?:咱们?|我们|全)(?:村|小区|楼|片区))"
        r"[^。]{0,12}(?:(?:一起|一块儿?|集体|组团|都|全部|全员)|统一[^，。]{0,6})(?:到|去|上)[^，。]{0,8}"
        r"(?:政府|市里|区里|住建|建委|信访|售楼处|项目部|讨说法|讨个说法|上访|维权|讨薪)|"
        r"(?:几十|数十|上百|百余|近百|几百|数百|上千|近?[一两二三四五六七八九]百(?:多|来|余)?|十几|十来|[二三四五六七八九]十(?:多|来|几|余)?|[二三四五六七八][三四五六七八九]十|\d{2,}(?:多|余)?)(?:名|个|位|户|号|口子|口)?"
        r"(?:人|工人|农民工|村民|业主|居民|工友|兄弟|老乡|师傅|住户|家长|(?<=户)).{0,16}"
        r"(?:讨薪|要工钱|讨工钱|上访|维权|聚|围在|拉着|拉起|(?<![水管桶道老又])堵|围(?!挡|墙)|(?:一起|一块儿?|一同)去|(?:去|到|前往).{0,6}(?:政府|住建委|信访)|(?:睡|躺|住|跪)在[^，。]{0,6}(?:门口|大门|大厅|楼下)|停工|(?:去|到|在).{0,8}(?:项目部|售楼处|公司|工地|政府|住建|办公室)(?:门口)?[^，。]{0,3}(?:等|堵|要|讨|坐|守|蹲|跪|睡|躺))|"
        r"(?:工友|工人|村民|业主|居民|大家|我们)们?.{0,12}(?:上访|信访局|信访办|去.{0,6}政府)|"
        r"(?:老乡们|工友们|兄弟们|工人们|业主们|村民们|大伙|大家)[^。]{0,20}(?:把|去)[^，。]{0,8}(?:门|路|项目部|售楼处|政府)[^，。]{0,2}(?:堵|围|封)|"
        r"(?:围了|聚了|聚集了|堵了|坐了|跪了)[^，。]{0,4}(?:几十|数十|上百|百余|近百|几百|数百|上千|近?[一两二三四五六七八九]百(?:多|来|余)?|十几|十来|[二三四五六七八九]十(?:多|来|几|余)?|[二三四五六七八][三四五六七八九]十|\d{2,}(?:多|余)?)"
        r"(?:名|个|位|户|号)?(?:人|工人|农民工|村民|业主|居民|工友)"
    ),
}
# What every crisis text says somewhere, however unusually worded (a roof, a crane, a
# collapse, blood, a hospital, a gathering): the crisis model may find new wordings of a
# crisis, but never one in a text without any of these (a question about opening hours).
CRISIS_VOCABULARY = re.compile(
    r"楼顶|天台|塔吊|脚手架|窗台|跳|塌|倒|压|埋|炸|爆|火|烧|死|伤|血|针|医院|救护|120|抢救|出事|命|汽油|农药|刀|"
    r"横幅|集合|集结|集体|请愿|上访|一起|全体|堵|围住|围了|围在|围着|静坐|不下来|拼"
)
# Words that cancel a crisis match in their sentence: "no one was hurt" is no injury; a
# feared or possible collapse, explosion or injury (担心房屋倒塌, 存在爆炸隐患, 万一砸伤人)
# is a present hazard at most. Threats and announced petitions are conditional by nature
# (再不解决就…), so only injuries and collapses are checked for this.
NEGATED = re.compile(
    r"(?<!有)(?:无|没有?|未造成|未发生|无一|未)(?:人员|人)?(?:伤亡|受伤|死亡)|无生命危险|没有?(?:摔|砸|烫|磕|碰|撞)伤"
)
# News of somewhere else: 外地, or another city by name (哈尔滨一小区燃气爆炸). Tianjin names
# its roads after other cities (南京路, 成都道, 哈尔滨道), and 保定人 is someone from there, here.
_OTHER_CITIES = (
    "北京|上海|重庆|石家庄|太原|呼和浩特|沈阳|长春|哈尔滨|南京|杭州|合肥|福州|南昌|济南|郑州|武汉|长沙|广州|南宁|海口|成都|"
    "贵阳|昆明|拉萨|西安|兰州|西宁|银川|乌鲁木齐|深圳|大连|青岛|宁波|厦门|苏州|唐山|廊坊|保定|沧州|燕郊|邯郸|衡水"
)
_ELSEWHERE = (
    # 南方某市一个老小区…爆燃, 刷到南方那边一栋自建房…塌了: an unnamed city elsewhere.
    r"外地|外省|外市|别的城市|其他城市|别的省|南方那边|北方那边|(?:南方|北方|外地)?某(?:市|省)(?![民场政区])"
    # 河北省某地居民楼发生燃气爆炸: Tianjin is in no province.
    r"|(?:河北|山东|山西|河南|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海)省"
    rf"|(?:{_OTHER_CITIES})(?:市)?(?![路道街里])"
)
# What comes before news of somewhere else (看新闻说外地有老楼塌了; 外省这个烂尾盘…拉横幅): a worry
# or a story here, not an incident or a petition here; 外地来的, 外地务工 are people from elsewhere, here.
_ELSEWHERE_BEFORE = rf"(?:{_ELSEWHERE})(?!来|人|打工|务工|民工|农民工|工人|口音|牌照)[^。]{{0,30}}$"
HYPOTHETICAL_BEFORE = re.compile(
    r"(?:万一|一旦|如果|若是?|假如|避免|防止|差点|险些|差一点|以免|预防|可能|容易|会造成|会导致|会引发|担心|害怕|生怕|怕|随时|恐|"
    r"会不会|存在|以为|还以为|当成|当是|感觉|好像|仿佛|似乎|"
    # 别等真砸着人了, 非得等砸死人, 差半米砸到孩子, 梦见楼塌了: warnings, near misses, dreams.
    r"别等|非得等|非要等|要等到|等到|难道要等|梦见|梦到|做梦|差(?:半|一|两|几)"
    # 这要哪天塌了砸着人谁负责: some day, not today.
    r"|哪天|哪一天|有朝一日)[^，。]{0,6}$"
    rf"|{_ELSEWHERE_BEFORE}"
)
# 再不修要出人命了, 早晚砸死人: a warning of what will happen.
# 燃气表暴晒会爆炸: what would happen, told as a rule (a rumour's claim), not what did.
FUTURE_BEFORE = re.compile(r"(?:迟早|早晚|非得?|就?要|快要?|得|会)$|要被[^，。]{0,2}$")
# 小孩都从坑边上挤过去 这要是掉下去怎么办: the fall is supposed inside the very words that tell it.
SUPPOSING = re.compile(r"要是|万一|如果|假如|一旦")
WORRY_AFTER = re.compile(r"可怎么好|怎么办|咋办|可咋整|后果不堪设想|谁负责")
HYPOTHETICAL_AFTER = re.compile(r"^[^，。]{0,3}(?:的)?(?:风险|隐患|危险|可能|事故隐患|将会|会是|有可能)")
# A drill or a simulation stages an accident: its injuries and collapses did not happen.
DRILL = re.compile(r"演练|演习|模拟|推演|实操培训|实训|应急演|消防演|假人")
# A film, a series or a novel tells its plot: its threats, deaths and collapses are fiction.
# 开发商都要跳楼了吧哈哈: a joke, not a threat.
JOKE = re.compile(r"哈哈|笑死|hhh|😂|🤣|🤡|doge|开玩笑|开个玩笑|玩笑话|晒太阳|[（(]不是[）)]")
FICTION = re.compile(
    r"电影|电视剧|小说|短剧|剧情|剧里|男主|女主|影片|这部剧|纪录片|灾难片|(?:看|灾难|好莱坞|科幻|动作)大片|影院|"
    # A title in 《》 is a work of fiction, unless it names a regulation or a notice.
    r"《(?![^》]*(?:条例|规定|办法|法|通知|标准|规范|意见|细则|合同|公告|报|指南|方案))[^》]{1,15}》"
)
# An accident years ago (十年前发生过坍塌, 三年前摔伤的工友) is history, not a crisis now;
# 年前 alone is "before the New Year", so a count of years is required.
PAST_BEFORE = re.compile(
    r"(?:[\d一二三四五六七八九十几两多]+年(?:前|以前)|前(?:几|些|两)年|上次|上回|那次|那回|当年|那年|早年|多年前|曾经|去年|前年|发生过|小时候|早就|早已|早都)[^，。]{0,16}$"
)
# 上个月我们拉横幅讨薪，后来…到账了: a gathering already over (for injuries "last month"
# is still the aftermath a duty officer must see, so only petitions read these words).
PAST_PETITION = re.compile(
    PAST_BEFORE.pattern + r"|(?:上个?月|上周|上礼拜|前段时间|前阵子|当时|那时候?|那会儿?|一度)[^，。]{0,16}$"
)
# 群里直接炸了, 钱包塌房了: the group chat and the wallet, not a building.
# 买房这事 我一了百了 不想了: done with a matter, not with life.
FIGURE = re.compile(
    r"(?:群|评论区|朋友圈|网上|心态|钱包|热搜|房价|股市|行情|价格)[^，。]{0,4}(?:炸了|炸锅|塌了|塌房)|塌房|整个人[^，。]{0,2}塌|人都塌了|"
    # 心也跟着塌了, 我心都塌了, 笑塌了: a heart that sank, a laugh.
    r"心[^，。]{0,4}塌了|笑塌|天(?:都|也)?塌(?:了|下来)|人设[^，。]{0,4}塌|(?:累|吓|气|冻|饿)塌了|(?:这事儿?|这件事)\s?我?\s?一了百了"
)
# 想从楼上跳下去的心了, 想死的心都有了, 吵得人真想跳楼: venting, not a threat.
VENT = re.compile(r"的心(?:都有|了)|有种想|(?:吵|烦|累|困|忙|热|冻|吓|急|愁|气)得[^，。]{0,3}(?:真|都)?想")
# 干脆淹死我们算了: an outburst, not a death.
DEATH_WISH = re.compile(r"死我们?算了")
# 老人差点掉下去, 幸好没砸着人: a near miss is a hazard, not an injury.
_LUCKY = "(?:幸好|幸亏|好在|还好|所幸)"
LUCKY = re.compile(_LUCKY + r"[^，。]{0,3}没")
LUCKY_MISS = re.compile(_LUCKY + r"[^，。]{0,6}没有?(?:摔|掉|陷|砸着|砸到|伤着|出事)")
NEAR_MISS = re.compile(r"差点|险些|差一点|差一些")
# 爆炸事故…至今已一年仍未落实: an incident long over, its aftermath the complaint.
ELAPSED = re.compile(
    r"(?:至今|到现在|到今天)(?:已经?|都)?(?:[一两三四五六七八九十几半]|\d+)(?:年|个多?月)"
    r"|过去(?:了)?(?:快|将近|近)?(?:[一两三四五六七八九十几半]+|\d+)年|(?:[一两三四五六七八九十几半]|\d+)年(?:都)?过去了"
)
# A threat told of someone elsewhere (外地有人…喝了农药) is not the writer's.
ELSEWHERE_BEFORE = re.compile(rf"(?:{_ELSEWHERE}|新闻里?)[^，。]{{0,20}}$")
# 不是燃气爆炸，是饭馆油锅起火: the incident named is the one denied.
NEGATION_BEFORE = re.compile(r"(?:(?<![是要])不是|并非|并不是|也不是|没有?发生|未发生|根本没有?|并没有)[^，。]{0,4}$")
# 辟谣: a debunk quotes the rumour (“楼体开裂马上要塌”) and says what was really found,
# usually already put right. A quoted claim of a collapse to come is then nothing, and the
# finding is no hazard; a quoted claim of an explosion or deaths that happened stays a
# crisis (DESIGN §5: a circulating claim of one), for the press office answers it at once.
# A resident's denial (我就住这个小区，别再转了) or an official's (经核实…不信谣) is a debunk.
# 与我区无关, 与燃气爆炸无关 deny the incident; 与物业无关, 与他们无关 only pass the buck.
RESIDENT_DENIAL = re.compile(
    r"别(?:再)?(?:乱|瞎)?(?:传|转)了|辟个谣|旧视频|与(?!物业|他|她|其|我无关|公司)[^，。]{0,6}无关|是假的|假消息"
)
DEBUNK = re.compile(r"辟谣|不实|谣言|纯属|不信谣|不传谣|" + RESIDENT_DENIAL.pattern)
QUOTED = re.compile(r"“[^”]{0,80}”|「[^」]{0,80}」|\"[^\"]{0,80}\"")
IMMINENT = re.compile(r"要塌|快塌")
# 听说…楼随时可能塌，紧急扩散: a collapse said to be coming, passed on as news, is the circulating
# claim DESIGN counts as a crisis (one's own fear, 随时可能倒塌, is a hazard).
# 朋友发我的视频 说是随时要塌: the same claim passed on from a video or a group chat.
SPREAD_CLAIM = re.compile(
    r"(?:听说|网传|都在传|紧急扩散|扩散|(?:视频|群里|朋友)[^。]{0,12}说是)[^。]{0,40}?随时(?:可能|会|要)?(?:倒塌|塌)"
)
# An official debunk (经核实…不信谣) answers a claim the press office must still treat as a
# crisis; a resident's (我就住这个小区，别再转了) only tells what did not happen.
OFFICIAL_DEBUNK = re.compile(r"【辟谣】|经(?:现场)?核[实查]|不信谣|以官方发布")
# 经核实，该视频系2019年外省某地拆除工程现场画面: the rumoured collapse happened nowhere here.
FOOTAGE_ELSEWHERE = re.compile(r"(?:旧|老)(?:视频|画面|照片)|系\d{4}年|(?:外地|外省|外市)某地|与我[区市]无关")
RESOLVED = re.compile(
    r"已(?:经|于)?[^，。]{0,10}(?:修复|修好|修补|补上|清理|清掉|拆除|处置完|处理完|整改完)|清掉|补上了"
)
# 房价跌得跟楼塌了似的: a figure of speech, not a collapse.
SIMILE_AFTER = re.compile(r"^[^，。]{0,3}(?:似的|一样|一般)")
# 有人提议去售楼处拉横幅，被大多数人劝住了: a gathering proposed and held back.
HELD_BACK_BEFORE = re.compile(r"(?:提议|建议|有人说要|想过|差点)[^，。]{0,8}$")
HELD_BACK_AFTER = re.compile(r"^[^。]{0,10}(?:劝住|劝下来|劝回|拦住|拦下|没去成|作罢)")
# 外省那个楼盘业主集体维权的新闻: a petition elsewhere, seen in the news.
ELSEWHERE_AFTER = re.compile(r"^[^，。]{0,2}的(?:新闻|视频|报道)")
ELSEWHERE_PETITION = re.compile(_ELSEWHERE_BEFORE)
# 还一起去区里上访过, 到住建委门口反映过: the 过 after the words puts the petition in the past.
PAST_AFTER = re.compile(r"^[^，。]{0,3}过(?![来去夜年节日])")
# 若业主再拉横幅就报警: a gathering supposed, not announced.
SUPPOSED = re.compile(r"(?:若|如果|要是|假如)[^，。]{0,4}再?$")
# 十五年前我们村拆迁的时候，村民拉横幅…: a time long past frames the whole sentence.
PAST_FRAME = re.compile(
    r"(?:[\d一二三四五六七八九十几两多]+年前|当年|\d{4}年)[^，。]{0,12}(?:的时候|那会儿?|那阵子?)|小时候|想当年"
    # 前年夏天，我们楼五层一户的阳台底板掉下来一大块: a sentence that opens in a past year.
    r"|^\s*(?:前年|去年|前几年|前些年|那年|早些年|[\d一二三四五六七八九十几两]+年前|(?:19|20)\d{2}年|[一二][九〇零][〇零一二三四五六七八九]{2}年)"
    r"(?:[春夏秋冬]天|[\d一二三四五六七八九十]+月份?|年[初底末]|(?:的)?时候|那会儿?)?[，,]"
)
NOT_DONE = re.compile(r"(?:未|没有?|不)[^，。]{0,2}$")  # 未拉横幅: a gathering that did not happen
# A drill that stages a leak or a fall is no hazard: the drill word may follow in the sentence.
HAZARD = re.compile(
    # 地库水深已超过半米且还在上涨: a flood still rising.
    r"(?:积水|水深|水位|进水)[^。]{0,16}(?:还在|仍在|持续|不断)(?:上涨|上升|往里灌|倒灌)|"
    # 热水顺着我家吊灯往下滴, 水漫到插座: water in the wiring.
    r"(?:水|热水|污水)[^，。]{0,4}(?:顺着|沿着|流进|灌进|漫到|泡了|淹了)[^，。]{0,6}(?:吊灯|灯口|灯座|插座|电线|电闸|电表|配电箱)|"
    r"外机[^。]{0,12}(?:倾斜|松动|要掉|摇摇欲坠|往外歪|晃悠|晃荡|直晃)|(?:外机)?支架[^。]{0,6}(?:锈蚀|锈透|松动)[^。]{0,12}(?:倾斜|要掉|掉下|坠落)|(?:坑|井|洞|沟)[^。]{0,30}(?:连个|没有|没)[^，。]{0,3}(?:警示灯|警示牌|警示标志|警示和|护栏|围挡|防护)|(?<!模拟)(?:漏气|燃气泄漏|(?:燃气|煤气|天然气)[^。]{0,24}(?:闻到|嘶嘶|呲呲)|(?:燃气|煤气|天然气)[^。]{0,40}(?:还是|一直|仍然|还)有(?:味|股味)|煤气泄漏|天然气泄漏|燃气味|煤气味|天然气味|(?:燃气|煤气|天然气)异味|危房|随时可能|随时(?:要|会)(?:掉|塌|倒|砸)|摇摇欲坠|露出钢筋|"
    r"(?:拆除?|拆改|砸了?|打掉|打通|凿开?|破坏)了?(?:承重墙|承重|梁)|臭鸡蛋味|承重[墙柱](?:给)?(?:砸|拆|打)|把承重[墙柱][^，。]{0,2}(?:砸|拆|打)|"
    r"井盖[^，。]{0,2}(?:没了|丢|被盗|被偷|缺失|破损|翘起|松动|缺了|坏了|碎了|裂了)|井盖[^，。]{0,6}冲走|井口敞开|(?:液化气|煤气)(?:罐|钢瓶)[^。]{0,8}(?:堆|摆|放)(?:在|着)|电线[^，。]{0,4}(?:耷拉|垂下|掉下)|耷拉着[^，。]{0,4}电线|大洞|"
    r"(?:太|很|非常|十分|特别|极其|相当)危险|危险[了！!]|漏电|电线[^，。]{0,2}裸露|冒(?:过)?火花|打火花|爆裂|爆管|喷涌|地面.{0,3}(?:下沉|沉降)|"
    r"楼体?(?:倾斜|下沉)|楼[^，。]{0,2}歪了|越过[^，。]{0,6}上空|砸人|伤人|(?:目前|现在|正在?|仍|还)[^，。]{0,6}被困|有人被困|里面困着|卡在[^，。]{0,6}(?:楼|层)之间|塔吊[^，。]{0,6}晃|(?:乘客|住户|居民)被困|被困[^。]{0,24}已经?[^，。]{0,4}(?:分钟|小时)|"
    r"(?:差点|险些|差一点|差(?:半|一|两|几)[米步尺])[^，。]{0,4}(?:砸|伤|掉进|栽进|电到|触电|翻车|掉下去|滑倒|摔倒)|钢筋[^，。]{0,4}露|混凝土[^，。]{0,4}(?:剥落|脱落)|软管[^，。]{0,6}(?:裂|破)|塌了(?:一块|一角|个坑|一个坑|个洞|一个洞)|(?:幸亏|幸好|还好|好在)[^，。]{0,3}没(?:砸|伤|出事)|砸(?:了个|出|穿|扁)|砸(?:到|在|进)了?[^，。]{0,6}(?:院子|屋里|家里|车上|窗)|(?:已有|已经有)[^，。]{0,8}(?:爆胎|摔倒|掉进去|栽进去|崴了脚)|挖断|疏散(?!通道|楼梯|出口|指示|演练)|(?<!防止)泄漏(?!隐患|风险|报警|检测|点)|冻裂|跑水|(?:砖块|砖头|瓷砖|外墙砖)[^，。]{0,4}(?:松动|要掉)|头顶[^，。]{0,2}(?:过|经过|晃)|喷出|(?<!泥水直)往外喷|呲水|(?:栏杆|护栏)[^。]{0,12}(?:断开|断了|撞断|缺失)|(?:燃气|煤气|灶|阀)[^。]{0,12}(?:关不住|关不上|关不掉|拧不动)|关火后[^，。]{0,4}(?:还有|仍有)[^，。]{0,2}火|砸(?:着|到|伤)人|(?:哪天|早晚)[^，。]{0,6}(?:掉下来|砸)|(?:砖头|碎砖|石块|钢管|木板|杂物)[^，。]{0,4}往下(?:掉|扔|落)|贯穿裂缝|裂缝越来越大|裂缝[^。]{0,24}(?:越来越宽|还在变宽|继续变宽|在变宽|越裂越大)|(?:门窗|门框)[^，。]{0,2}变形|挖[^，。]{0,8}地基|地基[^，。]{0,6}(?:下沉|掏空)|(?:阀门|总阀)[^，。]{0,4}(?:关不上|关不住)|"
    r"(?:路|道|门口|台阶|坡道)[^，。]{0,6}(?:冻成冰|结成冰|结冰)|冻成冰面|(?:抹灰层?|吊顶|顶棚|天花板)[^，。]{0,6}(?:脱落|掉落|塌落)|(?:冰溜子|冰挂|冰锥|冰凌)[^。]{0,16}(?:往下掉|掉下来|掉冰|悬在|正对)|外墙[^，。]{0,8}脱落|保温层[^，。]{0,6}脱落|(?:保温层?|外墙|墙皮|瓷砖|水泥块|灰块|石灰块)[^，。]{0,8}往下掉|往下掉(?:灰块|水泥块|石灰块)|(?:车|人)[^，。]{0,4}(?:都)?(?:给|被)砸了|大块[^，。]{0,4}脱落|砸坏|(?:碎石|石块|砖块|砖头|钢管|杂物)[^，。]{0,4}(?:掉落|坠落|滑落)|(?:楼顶|头顶|房顶)上?[^，。]{0,2}(?:悠|晃|飞)过|(?:存在|有)[^，。]{0,4}(?:坠落|坠物|触电|坍塌|落水)的?(?:危险|风险)|一氧化碳报警|报警器(?:报警|响了|一直响)|"
    r"(?:担心|害怕|怕|可能|随时)[^，。]{0,4}(?:坍塌|倒塌|垮塌|塌)|(?:坍塌|倒塌|垮塌|爆炸)的?(?:风险|隐患|危险))"
    r"(?![^。！？]{0,30}(?:演练|演习))"
)
# A threatened cut (否则断水断电) is not an outage.
OUTAGE = re.compile(
    r"(?<!否则)(?<!就要)(?<!威胁)(?<!不换就)(?<!不交就)(?<!不签就)(?<!不然就)(?:停暖|停热|没有?暖气|(?:整栋|整个楼|全楼|全村)[^，。]{0,4}(?:都)?(?:停了|没气)|不供暖|停气|停水|断水|断气|没气了|(?<!消防栓)(?<!消火栓)没水了?|没有水|一滴水(?:都|也)?没|(?:未|没|没有|还没)恢复(?:通气|供气|供水|供暖|供热)|停[^。]{0,20}还没(?:通气|来气)|总阀[^，。]{0,2}(?:关了|关闭)|关了?[^，。]{0,4}总阀|(?:燃气|煤气)灶?[^，。]{0,2}(?:都)?(?:打不着火?|点不着火?))|"
    r"暖气[^，。]{0,4}(?:全|都)不热了|"
    # 整栋楼暖气片未来热 / 暖气从昨晚就凉透了: a whole building without heat (不热 is heat too weak, not none).
    r"(?:整栋楼?|整幢楼?|整个楼|全楼)[^，。]{0,4}暖气(?:片)?[^，。]{0,10}(?:不热|冰凉|凉透|拔凉|没热|不来热|未来热|是凉的|都凉)|"
    r"暖气(?:片)?[^，。]{0,4}不热[^。]{0,30}(?:整栋楼?|整幢楼?|全楼)[^，。]{0,4}(?:住户)?(?:都|均|全都)|"
    r"暖气(?:片)?[^，。]{0,6}(?:冰凉|凉透|拔凉)|(?:整栋楼?|整幢楼?|整个楼|全楼)[^，。]{0,4}暖气(?:片)?[^。]{0,8}(?:冰凉|凉透|拔凉)"
)
# 明天停气检修, 将于下周停水: a notice of a cut to come; 辟谣, 假的: a denied rumour of one.
PLANNED = re.compile(
    r"(?:明天|明日|明早|今晚|明晚|次日|后天|将于?|计划|拟于?|预计|下周|下月|即将|准备|通知)[^，。]{0,14}$|(?:威胁|否则|不然|若不|如不|要是不|到时候)[^，。]{0,10}$|"
    r"不[^，。]{1,6}就(?:给你?)?$"  # 不装就给停气: a threat to cut, not a cut
    r"|(?:出门前|外出前|离家前|离开前|请)[^，。；]{0,6}$"  # 出门前关闭燃气总阀: advice, not a cut
)
UNRELATED_AFTER = re.compile(r"没关系|无关|没有关系")  # 跟停热没关系: the cut named is set aside
DENIED = re.compile(r"辟谣|谣言|不实|假的|是假|纯属")
ONE_HOME = re.compile(
    r"我家|咱家|俺家|咱们家|全家|一家人|屋里|其家|家中|家里|户内|我们家|来电人家|租住|其住处|其房屋|房东"
)
BUILDING_SCALE = re.compile(
    r"整栋|整幢|整个小区|全楼|全小区|整个楼|一栋楼|我们楼|楼里|几栋楼|[十百千几多两三四五六七八九]+栋|上千户|几百户|上百户|几十户|多户|"
    r"全体业主|所有住户|整个单元|小区|片区|多个|全村|家家户户|整个村|[\d一二三四五六七八九十]+层以上"
)
COVERAGE = re.compile(
    r"本报|记者(?:今天|近日|日前)?(?:走访|调查|暗访|采访|夜探|跟踪|获悉|了解到|发现|到现场|在现场)|我是.{0,10}记者|"
    # 看到新闻报道河北省某地…: news the writer read, not coverage of this matter.
    r"(?<![找向让请叫去])(?<!看到)(?<!刷到)(?<!看了)(?:电视台|媒体|报纸|新闻|央视)(?:已经?|都)?(?:报道|曝光|播出|采访|来拍|来了)"
    r"|被(?:媒体)?曝光|"
    r"上了(?:新闻|电视|热搜)|【记者|"
    # 北方网记者来小区拍过，也发了报道; 工地扬尘北方网都报道过了.
    r"记者[^，。]{0,6}(?:拍过|拍了|采访过|报道过)|(?:发了|做了|登了|播了)(?:报道|新闻)|(?<!没)报道过"
)
# 后续进展我们会继续跟踪报道, 本台将持续关注: the reporter's own sign-off (its 会 is no threat).
SIGN_OFF = re.compile(r"(?:继续|持续)(?:跟踪|关注)报道|本台(?:将|会)?(?:继续|持续)关注")
# 将联系报社和电视台曝光: a threat to go to the press, not coverage.
PRESS_THREAT = re.compile(r"(?:将|要|准备|打算|就|会|联系|找)[^，。]{0,16}$")
# 最后一天暖气了，明天就停了: the heating season ends, nothing is cut.
SEASON_END = re.compile(r"最后一天(?:暖气|供暖|供热)|(?:供暖|供热|采暖)季?(?:结束|到期)|明年见|(?:眼看|马上|快)要?停暖")
ASKING = re.compile(r"请问|咨询|建议|[？?]")  # a question about a hazard is not a hazard report
HOT_REPOSTS = 500
HOT_LIKES = 2000
ACTING_TYPES = ("投诉", "举报", "求助")
# A thank-you tells of a danger put right (路面塌陷…三天就修好了): the blind batches label
# praise 1 (169 items) or 3 (hot, 2), never 4. Routing reads crisis kinds the same way.
NO_CRISIS_TYPES = ("表扬",)
SEASONAL = {
    "heating": ((11, 15), (3, 15), ("供热", "暖气", "供暖", "采暖")),
    "wages": ((12, 1), (2, 15), ("工资", "欠薪", "讨薪")),
}
SCALE_WORDS = ("整栋", "整个小区", "全楼", "全小区", "几百户", "上百户", "多户", "全体业主", "所有住户")


@dataclass(frozen=True)
class Urgency:
    level: int
    reasons: tuple[str, ...]


def _season_active(now: datetime, start: tuple[int, int], end: tuple[int, int]) -> bool:
    key = (now.month, now.day)
    return key >= start or key <= end if start > end else start <= key <= end


def _figurative(sentence: str, found: re.Match[str]) -> bool:
    """The words are inside a figure of speech (群里炸了, 这事我一了百了)."""
    return any(f.start() < found.end() and found.start() < f.end() for f in FIGURE.finditer(sentence))


def _actual(pattern: re.Pattern[str], sentence: str) -> re.Match[str] | None:
    """The first match that reports something that happened, not a fear or a possibility."""
    for found in pattern.finditer(sentence):
        before, after = sentence[: found.start()], sentence[found.end() :]
        if NEAR_MISS.search(found.group(0)) or SUPPOSING.search(found.group(0)) or _figurative(sentence, found):
            continue
        if not (
            HYPOTHETICAL_BEFORE.search(before)
            or HYPOTHETICAL_AFTER.search(after)
            or FUTURE_BEFORE.search(before)
            or PAST_BEFORE.search(before)
            or NEGATION_BEFORE.search(before)
            or PAST_AFTER.search(after)  # 前年冬天曾爆过管，当时烫伤过一名住户: it has happened before
            or ELSEWHERE_AFTER.search(after)  # 刷到南方那边一栋自建房加层后塌了的新闻
            or (SUPPOSING.search(before) and WORRY_AFTER.search(after))  # 万一…预制板塌下来可怎么好
        ):
            return found
    return None


def _rumoured(sentence: str, found: re.Match[str]) -> bool:
    """The claim is the rumour's: quoted (“…马上要塌”) or told as hearsay (群里都在传我们楼要塌了)."""
    quoted = any(q.start() <= found.start() and found.end() <= q.end() for q in QUOTED.finditer(sentence))
    return quoted or "传" in sentence[: found.start()]


def _petition_not_now(sentence: str, found: re.Match[str]) -> bool:
    """A gathering talked down, supposed, not done, over, or seen in the news elsewhere."""
    before, after = sentence[: found.start()], sentence[found.end() :]
    return bool(
        HELD_BACK_BEFORE.search(before)
        or SUPPOSED.search(before)
        or NOT_DONE.search(before)
        or PAST_PETITION.search(before)  # 去年我们几十户曾经一起去区里反映过
        or HELD_BACK_AFTER.search(after)
        or PAST_AFTER.search(after)
        or ELSEWHERE_AFTER.search(after)
        or ELSEWHERE_PETITION.search(before)  # 外省这个烂尾盘…几百户业主去售楼处拉横幅
    )


def crisis_reasons(text: str, *, aftermath: bool = False) -> list[str]:
    """Each crisis kind found, with the words, ignoring denials, fears and possibilities.

    With ``aftermath``, an incident long over (至今已一年) counts too: it is no crisis, but
    its aftermath is still the press office's (routing asks for it, urgency does not).
    """
    reasons = []
    debunked = DEBUNK.search(text) is not None
    denied_here = (
        RESIDENT_DENIAL.search(text) is not None and not OFFICIAL_DEBUNK.search(text)
    ) or FOOTAGE_ELSEWHERE.search(text) is not None
    elapsed = not aftermath and ELAPSED.search(text) is not None
    sentences = [s for s in re.split(r"[。！？!?\n；;]", text) if s]
    for label, pattern in CRISIS.items():
        if pattern.search(text) is None:
            continue  # the usual item: no sentence can match what the whole text does not
        for sentence in sentences:
            venting = label == "扬言极端行为" and (JOKE.search(sentence) or VENT.search(sentence))
            if FICTION.search(sentence) or venting:
                continue
            if label == "人员伤亡" and (NEGATED.search(sentence) or DEATH_WISH.search(sentence)):
                continue
            if label in ("人员伤亡", "坍塌爆炸") and (DRILL.search(sentence) or elapsed):
                continue
            if label in ("人员伤亡", "坍塌爆炸"):
                found = _actual(pattern, sentence)
            else:
                figure = label == "扬言极端行为"  # 这事我一了百了; a gathering's 群里炸锅了 is no figure
                found = next((m for m in pattern.finditer(sentence) if not (figure and _figurative(sentence, m))), None)
            if found and PAST_FRAME.search(sentence[: found.start()]):
                continue
            if found and label == "扬言极端行为" and ELSEWHERE_BEFORE.search(sentence[: found.start()]):
                continue  # 前几年外地有人想不开喝了农药，我们不会走那条路: someone else, elsewhere
            if found and SIMILE_AFTER.search(sentence[found.end() :]):
                continue
            if found and label == "人员伤亡" and LUCKY_MISS.search(sentence[found.end() :]):
                continue  # 前轮陷进去了，幸亏反应快没摔进去: a near miss after all
            told = found and debunked and _rumoured(sentence, found)
            if told and (IMMINENT.search(found.group(0)) or denied_here):
                continue  # a collapse to come, or a neighbour's 别再转了 of what did not happen
            if found and label == "群体性事件" and _petition_not_now(sentence, found):
                continue
            if found:
                reasons.append(f"{label}（{found.group(0)}）")
                break
    if not any(r.startswith("坍塌爆炸") for r in reasons) and not debunked:
        claim = SPREAD_CLAIM.search(text)
        if claim and not FICTION.search(text):
            reasons.append(f"坍塌爆炸（流传：{claim.group(0)}）")
    return reasons


# 停暖后如发现家中暖气跑水，请及时关闭阀门; 该楼主体结构未见倾斜: advice for a case, or a finding of none.
# 起初怀疑是燃气泄漏: a suspicion, which the text may go on to rule out.
HAZARD_SUPPOSED = re.compile(
    r"(?:如发现|如遇|若发现|若遇|如有|一旦|如果|万一)[^。；]{0,16}$|(?:怀疑|疑似|以为)[^，。]{0,4}$"
    # 以免试水时跑水漏水: a precaution against it.
    r"|(?:以免|以防|避免|防止)[^，。]{0,10}$"
)
# 闻到燃气味千万别开灯，先开窗关阀门: a safety tip for whoever smells it, not a smell now.
HAZARD_ADVICE_AFTER = re.compile(r"[^，。]{0,3}(?:千万|切记|切勿|不要|别开|先开窗|应立即|应当|要立即)")
HEARSAY = re.compile(r"网传|网上流传|网络流传|传言|谣")
HAZARD_NOT_FOUND = re.compile(r"(?:未见|未发现|没有发现|未出现|不存在)[^，。]{0,8}$|(?:无|没有|未)$")  # 管道无泄漏


def _present_hazard(text: str) -> re.Match[str] | None:
    """The first hazard the text tells of as present, not supposed in advice or found absent."""
    if text.lstrip().startswith("【") and OFFICIAL_DEBUNK.search(text):
        return None  # 【辟谣】…C级、D级危房一律拆除…不实: the rumour's words, and an official's account
    claims = [q for q in QUOTED.finditer(text)] if HEARSAY.search(text) else []
    for found in HAZARD.finditer(text):
        before = text[max(0, found.start() - 24) : found.start()]
        if HAZARD_SUPPOSED.search(before) or HAZARD_NOT_FOUND.search(before):
            continue
        if HAZARD_ADVICE_AFTER.match(text, found.end()):
            continue
        if any(q.start() <= found.start() and found.end() <= q.end() for q in claims):
            continue  # 网传“5号楼倾斜、随时可能倒塌”: the claim a notice answers, not what it found
        return found
    return None


def high_reasons(text: str, request_type: str, metrics: dict[str, Any], media_author: bool) -> list[str]:
    """Present hazard, building-wide outage, wide heat, actual media coverage."""
    reasons = []
    put_right = DEBUNK.search(text) and RESOLVED.search(text)  # a debunk's finding, already dealt with
    hazard = None if FICTION.search(text) or DRILL.search(text) or put_right else _present_hazard(text)
    if hazard and request_type not in ("表扬", "建议") and not (request_type == "咨询" and ASKING.search(text)):
        reasons.append(f"现实危险（{hazard.group(0)}）")
    # A cut announced for later (a title may repeat its word without the date) is no outage.
    found = list(OUTAGE.finditer(text))
    planned = {m.group(0) for m in found if PLANNED.search(text[: m.start()])}
    unrelated = {m.group(0) for m in found if UNRELATED_AFTER.match(text, m.end())}
    outage = next((m for m in found if m.group(0) not in planned | unrelated), None)
    if outage and (DENIED.search(text) or SEASON_END.search(text) or DRILL.search(text)):
        outage = None
    if outage and request_type not in ("表扬", "建议", "咨询"):
        scales = list(BUILDING_SCALE.finditer(text))
        if ONE_HOME.search(text):
            # 我家住某小区: the estate is the address; 物业说楼里管道归热力: the pipes' place.
            # Either way the cut may be one home's.
            scales = [m for m in scales if m.group(0) not in ("小区", "楼里")]
        scale = scales[0] if scales else None
        if scale or not ONE_HOME.search(text):
            reasons.append(f"停热停气停水（{outage.group(0)}{'，' + scale.group(0) if scale else ''}）")
    reposts, likes = _number(metrics.get("reposts")), _number(metrics.get("likes"))
    if reposts > HOT_REPOSTS or likes > HOT_LIKES:
        reasons.append(f"热度高（转发{reposts:.0f}，点赞{likes:.0f}）")
    if media_author:
        reasons.append("媒体账号发布")
    else:
        covered = next((m for m in COVERAGE.finditer(text) if not PRESS_THREAT.search(text[: m.start()])), None)
        covered = covered or SIGN_OFF.search(text)
        if covered:
            reasons.append(f"媒体已报道（{covered.group(0)}）")
    return reasons


def assess(
    text: str,
    request_type: str,
    topic: str,
    metrics: dict[str, Any],
    now: datetime,
    media_author: bool = False,
    crises: list[str] | None = None,
) -> Urgency:
    """Level and reasons; ``crises`` passes ``crisis_reasons(text)`` when the caller has it."""
    reasons = crisis_reasons(text) if crises is None else list(crises)
    if reasons and request_type not in NO_CRISIS_TYPES:
        return Urgency(4, tuple(reasons))
    reasons = high_reasons(text, request_type, metrics, media_author)
    if reasons:
        return Urgency(3, tuple(reasons))
    if request_type in ACTING_TYPES:
        reasons.append(f"{request_type}类诉求")
        scale = next((w for w in SCALE_WORDS if w in text), None)
        if scale:
            reasons.append(f"影响范围大（{scale}）")
        for name, (start, end, words) in SEASONAL.items():
            if _season_active(now, start, end) and any(w in text for w in words):
                reasons.append("供暖季关注" if name == "heating" else "年底欠薪关注")
        return Urgency(2, tuple(reasons))
    return Urgency(1, (f"{request_type}类，无紧急情形",))


def _number(value: Any) -> float:
    """Counts arrive as ints or as strings such as "1.2万" / "100万+"."""
    if value is None or value == "":
        return 0.0
    if isinstance(value, int | float):
        return float(value)
    text = str(value).strip().rstrip("+")
    scale = 1.0
    if text.endswith("万"):
        scale, text = 1e4, text[:-1]
    elif text.endswith("亿"):
        scale, text = 1e8, text[:-1]
    try:
        return float(text) * scale
    except ValueError:
        return 0.0
