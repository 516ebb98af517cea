"""Topic and request type from the rules in topics.yaml, helped by a small trained model.

Each result carries the words (or model features) that decided it, so a duty officer can
see why a tag was given and correct it (the correction becomes a training label).

Keyword counting alone gets this domain wrong in predictable ways: 物业 appears in most
供热 complaints, 工地 in wage claims, 工资 in a teacher's letter. So tags carry weights,
"minor" place/actor words count only beside a real subject, vetoes and required context
words are checked, and when two topics score close the model (analysis/topic_model.py)
chooses between them instead of list order. Request types work the same way: weighted
cue words first (stance, described problems, sarcasm), a stance model when none fires.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Protocol

OTHER = "其他"
VETO_WINDOW = 12
COMPLAINT_TYPES = ("举报", "求助", "投诉")  # tie order: the explicit words first
# DESIGN §5's six, and 其他 for a public post that asks nothing (news, rumour, eyewitness).
REQUEST_TYPES = ("咨询", "投诉", "求助", "建议", "举报", "表扬", OTHER)
MODEL_MIN = 0.55  # the model alone must be this sure to name a topic no rule matched
STANCE_MIN = {"complaint": 0.55, "suggest": 0.6}  # the stance model's say when no cue fired
STANCE_TYPE = {"complaint": "投诉", "suggest": "建议", "consult": "咨询"}
MINOR_SHARE = 0.5  # what minor words add to a topic that has a real subject
LONG_LETTER = 100  # characters: a letter, not a one-line question
LONG_LETTER_COMPLAINT = 1.5  # complaint cue weight a letter needs to be read as a grievance
LONG_LETTER_SHARE = 0.5  # …and its share of the question or suggestion cues


class TopicScorer(Protocol):
    """What the rules need from a trained model (analysis.topic_model.NgramModel)."""

    def proba(self, text: str) -> dict[str, float]: ...

    def explain(self, text: str, topic: str, k: int = 5) -> tuple[str, ...]: ...


@dataclass(frozen=True)
class TagRule:
    name: str
    words: tuple[str, ...]
    vetoes: tuple[str, ...] = ()
    weight: float = 2.0
    minor: bool = False
    unless: tuple[str, ...] = ()
    context: tuple[str, ...] = ()


@dataclass(frozen=True)
class TopicRule:
    name: str
    priority: float
    tags: tuple[TagRule, ...]


@dataclass(frozen=True)
class TopicResult:
    topic: str
    tags: tuple[str, ...]
    hits: tuple[str, ...]
    scores: dict[str, float] = field(default_factory=dict)  # rule score per topic that matched
    decided_by: str = "rules"  # rules / rules+model (tie-break) / rules(weak)+model / model / parent
    model: dict[str, float] = field(default_factory=dict)  # model probabilities it consulted


@dataclass(frozen=True)
class RequestTypeResult:
    request_type: str
    reason: str
    marks: tuple[str, ...] = ()  # for 其他 by no_request: why the post asks nothing (NO_REQUEST_LABELS)


Cue = tuple[re.Pattern[str], float, str | None]  # the pattern, its weight, and its text when it is plain text


@dataclass(frozen=True)
class TopicRules:
    topics: tuple[TopicRule, ...]
    cues: dict[str, tuple[Cue, ...]]
    sarcasm: tuple[re.Pattern[str], ...]
    default_type: str
    source_type_map: dict[str, str]
    title_weight: float = 2.0
    decide_margin: float = 1.5
    decide_min: float = 3.0
    candidate_ratio: float = 0.5
    courtesy: re.Pattern[str] | None = None
    no_request: dict[str, re.Pattern[str]] = field(default_factory=dict)

    @classmethod
    def from_config(cls, data: dict[str, Any]) -> TopicRules:
        topics = []
        for spec in data.get("topics") or []:
            tags = tuple(
                TagRule(
                    name,
                    tuple(rule.get("any") or ()),
                    tuple(rule.get("not") or ()),
                    float(rule.get("weight", 2)),
                    bool(rule.get("minor", False)),
                    tuple(rule.get("unless") or ()),
                    tuple(rule.get("with") or ()),
                )
                for name, rule in (spec.get("tags") or {}).items()
            )
            topics.append(TopicRule(spec["name"], float(spec.get("priority", 0)), tags))
        types = data.get("request_types") or {}
        cues = {name: tuple(_cue(entry) for entry in entries) for name, entries in (types.get("cues") or {}).items()}
        return cls(
            topics=tuple(topics),
            cues=cues,
            sarcasm=tuple(re.compile(p) for p in types.get("sarcasm") or ()),
            default_type=str(types.get("default", "咨询")),
            no_request={
                name: re.compile("|".join(f"(?:{p})" for p in patterns))
                for name, patterns in (types.get("no_request") or {}).items()
                if patterns
            },
            courtesy=re.compile("|".join(f"(?:{p})" for p in types["courtesy"])) if types.get("courtesy") else None,
            source_type_map=dict(data.get("source_type_map") or {}),
            title_weight=float(data.get("title_weight", 2.0)),
            decide_margin=float(data.get("decide_margin", 1.5)),
            decide_min=float(data.get("decide_min", 3.0)),
            candidate_ratio=float(data.get("candidate_ratio", 0.5)),
        )

    @property
    def topic_names(self) -> tuple[str, ...]:
        return tuple(t.name for t in self.topics)


def _cue(entry: str | list[Any]) -> Cue:
    """A cue and, for the many that are plain words, the words: a substring test is cheaper
    than a pattern's search, and every item runs every cue."""
    text, weight = (str(entry[0]), float(entry[1])) if isinstance(entry, list) else (str(entry), 1.0)
    return re.compile(text), weight, text if re.escape(text) == text else None


def _vetoed(text: str, word: str, vetoes: tuple[str, ...]) -> bool:
    """A veto word within 12 characters of the keyword cancels that occurrence."""
    if not vetoes:
        return False
    for match in re.finditer(re.escape(word), text):
        window = text[max(0, match.start() - VETO_WINDOW) : match.end() + VETO_WINDOW]
        if not any(v in window for v in vetoes):
            return False
    return True


@dataclass
class _TopicScore:
    major: float = 0.0
    minor: float = 0.0
    tags: list[str] = field(default_factory=list)
    hits: list[str] = field(default_factory=list)
    vetoed: bool = False  # a whole-text veto (unless) cancelled one of its tags


def _score_topic(rules: TopicRules, topic: TopicRule, title: str, content: str, full: str) -> _TopicScore:
    result = _TopicScore()
    for tag in topic.tags:
        if tag.unless and any(u in full for u in tag.unless):
            result.vetoed = result.vetoed or any(w in full for w in tag.words)
            continue
        if tag.context and not any(c in full for c in tag.context):
            continue
        found: list[tuple[float, str]] = []
        for word in tag.words:
            if word not in full:
                continue  # most words of most tags: one look instead of two
            in_title = word in title and not _vetoed(title, word, tag.vetoes)
            in_body = word in content and not _vetoed(content, word, tag.vetoes)
            if in_title or in_body:
                found.append(((rules.title_weight if in_title else 0.0) + (1.0 if in_body else 0.0), word))
        if not found:
            continue
        found.sort(key=lambda f: -f[0])
        value = tag.weight * sum(score for score, _ in found[:2])
        if tag.minor:
            result.minor += value
        else:
            result.major += value
        result.tags.append(tag.name)
        result.hits.extend(word for _, word in found)
    return result


def score_rules(rules: TopicRules, title: str, content: str) -> tuple[dict[str, float], tuple[str, ...]]:
    """(score of every topic with a real subject, topics named only by minor words).

    Shared by ``classify_topic`` and the weak labeller that trains the model, so the
    model learns from exactly the decisions the rules make.
    """
    return _summarise(rules, _raw_scores(rules, title, content))


def _raw_scores(rules: TopicRules, title: str, content: str) -> dict[str, _TopicScore]:
    full = f"{title}\n{content}"
    return {t.name: _score_topic(rules, t, title, content, full) for t in rules.topics}


def _summarise(rules: TopicRules, raw: dict[str, _TopicScore]) -> tuple[dict[str, float], tuple[str, ...]]:
    priority = {t.name: t.priority for t in rules.topics}
    scores = {name: round(s.major + MINOR_SHARE * s.minor + priority[name], 2) for name, s in raw.items() if s.major}
    return scores, tuple(name for name, s in raw.items() if s.minor and not s.major)


def rules_decide(rules: TopicRules, scores: dict[str, float]) -> str | None:
    """The topic the rules settle alone (clear lead, enough evidence), else None."""
    if not scores:
        return None
    ranked = sorted(scores, key=lambda name: (-scores[name], rules.topic_names.index(name)))
    best = scores[ranked[0]]
    second = scores[ranked[1]] if len(ranked) > 1 else 0.0
    return ranked[0] if best >= rules.decide_min and best >= rules.decide_margin * second else None


def classify_topic(rules: TopicRules, title: str, content: str, model: TopicScorer | None = None) -> TopicResult:
    """The first-level topic: rules when they are clear, the model where they are not.

    Topics with a real subject (non-minor hits) compete on weighted score. The rules
    decide alone when the best leads by ``decide_margin`` and reaches ``decide_min``.
    With enough evidence for two or more topics the model picks among those within
    ``candidate_ratio`` of the best (a tie-break, never a new topic). With weak evidence
    (below ``decide_min``), minor words only, or no hit at all, the model's own top topic
    wins when it is among the rule candidates or at least ``MODEL_MIN`` sure; otherwise
    the model picks among the weak candidates, and with none the answer is 其他.
    """
    full = f"{title}\n{content}"
    raw = _raw_scores(rules, title, content)
    scores, minor_only = _summarise(rules, raw)
    order = rules.topic_names
    ranked = sorted(scores, key=lambda name: (-scores[name], order.index(name)))
    # An ad with two kinds of its own words (contact, selling points, promotion) stays out of
    # scope, however many topic words it sells with (公积金提取代办 … 当天到账 … V：): the model
    # learned construction topics and maps an ad to the trade it sells (防水补漏 → 房屋质量).
    # One kind alone (物业不开发票) is no ad.
    if OTHER in raw and sum(tag.startswith("广告") for tag in raw[OTHER].tags) >= 2:
        ranked = [OTHER, *(name for name in ranked if name != OTHER)]
    other_leads = bool(ranked) and ranked[0] == OTHER and len(raw[OTHER].tags) >= 2
    if ranked and (model is None or other_leads or rules_decide(rules, scores)):
        return _rule_result(ranked[0], raw[ranked[0]], scores, "rules")
    if model is None:
        return TopicResult(OTHER, (), (), {})
    # A vetoed topic (a teacher's 工资) stays out whatever the model thinks.
    proba = {name: p for name, p in model.proba(full).items() if not (name in raw and raw[name].vetoed)}
    top = max(proba, key=lambda name: proba[name])
    if ranked and scores[ranked[0]] >= rules.decide_min:
        # Two or more topics with real evidence: the model only breaks the tie.
        close = [n for n in ranked if scores[n] >= rules.candidate_ratio * scores[ranked[0]]]
        return _model_pick(model, full, proba, close, raw, scores, "rules+model")
    # Weak or minor-only evidence, or none: the model may also propose its own topic.
    weak = ranked if ranked else [*minor_only, OTHER] if minor_only else []
    if top in weak or (top != OTHER and proba[top] >= MODEL_MIN):
        return _model_pick(model, full, proba, [top], raw, scores, "model")
    if weak:
        return _model_pick(model, full, proba, list(weak), raw, scores, "rules(weak)+model")
    return TopicResult(OTHER, (), (), {}, "model", {top: round(proba[top], 3)})


def is_advert(result: TopicResult) -> bool:
    """An out-of-scope result decided by the ad tags of topics.yaml (广告联系, 广告卖点, …)."""
    return result.topic == OTHER and any(tag.startswith("广告") for tag in result.tags)


def _rule_result(name: str, score: _TopicScore, scores: dict[str, float], how: str) -> TopicResult:
    return TopicResult(name, tuple(score.tags), tuple(dict.fromkeys(score.hits)), scores, how)


def _model_pick(
    model: TopicScorer,
    full: str,
    proba: dict[str, float],
    candidates: list[str],
    raw: dict[str, _TopicScore],
    scores: dict[str, float],
    how: str,
) -> TopicResult:
    best = max(candidates, key=lambda name: (proba.get(name, 0.0), -candidates.index(name)))
    picked = raw.get(best) or _TopicScore()
    consulted = {n: round(proba.get(n, 0.0), 3) for n in candidates}
    hits = tuple(dict.fromkeys(picked.hits)) + tuple(f"模型:{f}" for f in model.explain(full, best, 3))
    return TopicResult(best, tuple(picked.tags), hits, scores, how, consulted)


def _cue_scores(rules: TopicRules, text: str) -> tuple[dict[str, float], dict[str, list[str]]]:
    """Each request type's summed cue weights, and the words that fired them."""
    scores: dict[str, float] = {}
    words: dict[str, list[str]] = {}
    for name, cues in rules.cues.items():
        for pattern, weight, plain in cues:
            if plain is not None:
                hit = plain if plain in text else None
            else:
                found = pattern.search(text)
                hit = found.group(0) if found else None
            if hit is not None:
                scores[name] = scores.get(name, 0.0) + weight
                words.setdefault(name, []).append(hit)
    return scores, words


def _closing_praise(rules: TopicRules, text: str) -> float:
    """Praise that concludes the text counts twice: 前两年老投诉，今年…点个赞 is a thank-you.

    Only when the closing sentence holds no complaint cue of its own.
    """
    sentences = [s for s in re.split(r"[。！!？?\n]+", text) if s.strip()]
    if len(sentences) < 2:
        return 0.0
    closing, _ = _cue_scores(rules, sentences[-1])
    if any(closing.get(name) for name in COMPLAINT_TYPES):
        return 0.0
    return closing.get("表扬", 0.0)


def classify_request_type(
    rules: TopicRules, text: str, raw_type: str | None, model: TopicScorer | None = None
) -> RequestTypeResult:
    """咨询/投诉/求助/建议/举报/表扬 from the source's label, else from weighted cue words.

    Weibo complaints rarely say 投诉: the cues include stance words (不管, 凭什么,
    啥时候能…, 推诿) and described problems. Praise must outweigh complaint, and mocking
    praise (真值啊, “负责”, 感谢…让我体验) counts as complaint. When no cue fires at all,
    the stance model (complaint / consult / suggest) decides if it is sure enough.
    """
    if raw_type:
        mapped = rules.source_type_map.get(raw_type.strip())
        if mapped:
            stated = _stated_type(text)
            if mapped in ("咨询", "建议") and stated in (None, "咨询", "建议") and _DEMANDS_ACTION.search(text):
                # 来电人咨询：…开发商不退定金…要求相关部门督促退还: typed as a question, the
                # record asks the commission to act, and what it asks for decides.
                words = classify_request_type(rules, text, None, model)
                chosen = words.request_type if _acting(words.request_type) else "投诉"
                return RequestTypeResult(chosen, f"来源标注类型：{raw_type}，但来电人要求有关部门处理")
            if stated and stated != mapped and (_acting(stated) != _acting(mapped) or stated == "表扬"):
                # The record's own words (来电人咨询：…, 来电人反映：…要求尽快…) contradict the
                # type field a call-taker picked: the words say what the caller asked for.
                words = classify_request_type(rules, text, None, model)
                chosen = words.request_type if _acting(words.request_type) == _acting(stated) else stated
                return RequestTypeResult(chosen, f"来源标注类型：{raw_type}，但记录写明{stated}")
            return RequestTypeResult(mapped, f"来源标注类型：{raw_type}")
    read = text
    scores, words = _cue_scores(rules, text)
    if rules.courtesy is not None and "表扬" in scores:
        # 谢谢领导百忙之中回复 closes a question or a complaint: politeness, not praise.
        # Thanks that close an account of help (…还送了慰问品，感谢) are the message.
        polite, courtesies = rules.courtesy.subn("", text)
        if courtesies:
            polite_scores, polite_words = _cue_scores(rules, polite)
            if any(name != "表扬" for name in polite_scores):
                read, scores, words = polite, polite_scores, polite_words
    mock = next((m.group(0) for p in rules.sarcasm if (m := p.search(text))), None)
    # Closing praise is a part of the praise already found: none found, none to weigh again.
    praise = scores.pop("表扬", 0.0)
    praise += _closing_praise(rules, read) if praise else 0.0
    complaint = sum(scores.get(n, 0.0) for n in COMPLAINT_TYPES)
    if mock and (praise or complaint):
        # 建议直接申报吉尼斯: a suggestion or a question that is the mockery asks nothing.
        for name in ("建议", "咨询"):
            if any(word in mock for word in words.get(name, ())):
                scores.pop(name, None)
        scores["投诉"] = scores.get("投诉", 0.0) + praise + 1.0
        words.setdefault("投诉", []).append(f"反讽：{mock}")
        complaint, praise = complaint + praise + 1.0, 0.0
    others = max(scores.get("建议", 0.0), scores.get("咨询", 0.0))
    # A suggestion or a question that ends 感谢政府… stays a suggestion or a question.
    if praise and praise > max(complaint, others):
        return RequestTypeResult("表扬", "关键词：" + "、".join(words["表扬"][:3]))
    # A long letter that tells a grievance (三年了, 一拖再拖…) and then asks 请问…? is a
    # complaint: the questions are how the writer asks for it to be put right.
    # …为此建议：一是…二是…以上建议，仅供参考: a formal proposal, whatever wrongs it cites.
    narrated = len(read) >= LONG_LETTER and complaint >= LONG_LETTER_COMPLAINT and not _PROPOSAL.search(read)
    if complaint and (complaint >= others or (narrated and complaint >= LONG_LETTER_SHARE * others)):
        name = max(COMPLAINT_TYPES, key=lambda n: (scores.get(n, 0.0), -COMPLAINT_TYPES.index(n)))
        return RequestTypeResult(name, "关键词：" + "、".join(words[name][:3]))
    for name in ("建议", "咨询"):
        if scores.get(name, 0.0) and scores[name] >= others:
            return RequestTypeResult(name, "关键词：" + "、".join(words[name][:3]))
    if model is not None:
        proba = model.proba(text)
        stance = max(proba, key=lambda name: proba[name])
        if proba[stance] >= STANCE_MIN.get(stance, 1.0):
            shown = "、".join(model.explain(text, stance, 3))
            return RequestTypeResult(STANCE_TYPE[stance], f"模型：{stance} {proba[stance]:.2f}（{shown}）")
    return RequestTypeResult(rules.default_type, f"无明显诉求词，按{rules.default_type}处理")


_PROPOSAL = re.compile(r"以上建议|仅供参考|提出以下建议|建议如下")
# How a call-taker opens a record (来电人咨询：, 来电人表扬：); 来电人反映 is any call, so it
# states a grievance only with what the caller demands (要求尽快…, 能否帮忙协调).
# The caller's masked name and phone may come between (来电人李*（150****8861）咨询：).
_STATED = re.compile(
    r"来电人(?:[\u4e00-\u9fa5][*＊某]{1,2})?(?:[（(][^）)]{0,40}[）)])?(?:来电)?(咨询|表扬|建议|求助|举报|反映)"
)
# A demand that the authorities act, or plain anger at how a matter was handled.
_DEMANDS_ACTION = re.compile(
    r"(?:要求|请求|希望)(?:相关|有关|主管)部门[^，。；]{0,12}(?:处理|督促|核实|协调|追讨|查处|帮助|解决|退还|责令)"
    r"|(?:非常|十分|极为|强烈)不满"
    # 要求给个明确答复; 请热线帮忙联系燃气公司尽快派人; 再不退钱我就找电视台曝光他们.
    r"|要求给(?:个|予)?(?:明确)?(?:答复|说法)|(?:请|麻烦)[^，。；]{0,6}帮忙[^，。；]{0,4}(?:联系|协调|催)"
    r"|(?:找|去)(?:电视台|记者|媒体)曝光|要求尽快(?:处理|解决|制止|整改|停止)"
    # 来电人询问该工地有无夜间施工许可，并强烈要求立即停止夜间施工.
    r"|强烈要求"
)
# 施工时有哪些安全方面的要求: a requirement asked about is no demand.
_DEMANDED = re.compile(r"(?<![的些])要求|请求|能否帮忙|帮忙协调|希望[^，。]{0,6}(?:尽快|协调|督促|处理)")


def _acting(request_type: str) -> bool:
    """投诉/举报/求助 ask the commission to act; 咨询/建议/表扬 (and 其他) do not."""
    return request_type in COMPLAINT_TYPES


# 来电人想了解征收补偿按什么标准评估: the caller's own question, whatever the type field says;
# 来电人…反映：…胶管老化，想咨询…: a story that leads to a question.
_ASKED = re.compile(r"来电人[^。]{0,40}?(?:想了解|想咨询|咨询|询问)")
_ASKED_AFTER = re.compile(r"(?:想|特来电|来电)(?:咨询|了解)")
# 来电人表示非常满意，特意来电对相关单位表示感谢: a call made to thank, whatever its type field says.
_THANKED = re.compile(r"来电人[^。]{0,12}(?:表示非常满意|特(?:意|地)?来电[^。]{0,20}(?:感谢|表扬))")


def _stated_type(text: str) -> str | None:
    """The type a record's own opening words state, if any."""
    found = _STATED.search(text)
    if found is None:
        if _THANKED.search(text):
            return "表扬"
        return "咨询" if _ASKED.search(text) and not _DEMANDED.search(text) else None
    if found.group(1) == "反映":
        if _DEMANDED.search(text, found.end()):
            return "投诉"
        # 来电人李*（72岁）反映：…胶管老化，想咨询燃气入户安检…: what the caller tells leads to a question.
        return "咨询" if _ASKED_AFTER.search(text, found.end()) else None
    return found.group(1)


# Why a public post asks nothing; all but official and incident are patterns in topics.yaml.
NO_REQUEST_LABELS = {
    "rumour": "转发传言",
    "report": "新闻报道",
    "drill": "应急演练",
    "fiction": "影视小说或转述视频",
    "official": "媒体或政务账号",
    "incident": "目击事故",
}


def no_request(
    rules: TopicRules, text: str, found: RequestTypeResult, *, public: bool, official: bool, incident: bool
) -> RequestTypeResult:
    """其他 for a public post that asks nothing of anyone: news, a rumour, an eyewitness account.

    The cue words read a complaint into these (吓死了, 一直没人管 in a reporter's story),
    and a complaint makes the post the writer's grievance and raises its urgency. A post
    from a media or government account (``official``), one that forwards a rumour, one
    written as a news report, or an account of an incident (``incident``: the crisis
    detector found a collapse, a blast or casualties, and not to the writer's own home or
    family: 我妈被推倒 is a grievance), a drill (演练: the leak it stages happened to nobody)
    or a film retold is 其他 unless it also makes a demand of its own (要求…处理, 谁来管,
    怎么办). Only Weibo-like ``public`` items: a board message or a hotline call is a
    request by its nature.
    """
    if not public or found.reason.startswith("来源标注"):
        return found
    demand = rules.no_request.get("demand")
    if demand is not None and demand.search(text):
        return found
    marks = [name for name in NO_REQUEST_LABELS if (p := rules.no_request.get(name)) is not None and p.search(text)]
    if official:
        marks.append("official")
    if incident and not ((p := rules.no_request.get("own")) is not None and p.search(text)):
        marks.append("incident")
    if not marks:
        return found
    return RequestTypeResult(OTHER, "无诉求（" + "、".join(NO_REQUEST_LABELS[m] for m in marks) + "）", tuple(marks))
