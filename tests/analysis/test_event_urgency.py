"""Event-context urgency: bursts, hotline-to-public moves and repeat complainants raise; nothing else does."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from analysis.event_urgency import Member, assess, channel_of

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
BASE = ("投诉类诉求",)


def member(ref: str, source: str = "people_liuyan", author: str | None = None, minutes: int = 0) -> Member:
    return Member(ref, source, author, T0 + timedelta(minutes=minutes))


def test_channels_follow_source_names() -> None:
    assert channel_of("hotline_12319") == "hotline"
    assert channel_of("tj12345") == "hotline"
    assert channel_of("weibo_comments") == "weibo"
    assert channel_of("people_liuyan") == "board"


def test_a_lone_item_keeps_its_level_and_reasons() -> None:
    item = member("1")
    raised = assess(item, [item], 2, BASE, "投诉")
    assert (raised.level, raised.reasons) == (2, BASE)


def test_hotline_matter_surfacing_on_weibo_is_raised_and_on_a_board_noted() -> None:
    call = member("1", "hotline_12319", minutes=0)
    post = member("2", "weibo", minutes=90)
    raised = assess(post, [call, post], 2, BASE, "投诉")
    assert raised.level == 3
    assert "热线诉求已转到公开渠道" in raised.reasons
    # A message board is a petition channel of its own: the move is noted, the level kept.
    letter = member("4", "people_liuyan", minutes=90)
    noted = assess(letter, [call, letter], 2, BASE, "投诉")
    assert noted.level == 2 and "热线诉求已转到公开渠道" in noted.reasons
    # A question on Weibo after the call (租房提取是每个月都能提吗) is no grievance going public.
    question = member("5", "weibo", minutes=120)
    asked = assess(question, [call, question], 1, BASE, "咨询")
    assert asked.level == 1 and "热线诉求已转到公开渠道" in asked.reasons
    # Nor is an account's notice (【辟谣】…) or an advert that the grouping put beside the call;
    # a plea for help or a report is.
    notice = member("6", "weibo", minutes=150)
    assert assess(notice, [call, notice], 1, ("其他类，无紧急情形",), "其他").level == 1
    for kind in ("求助", "举报"):
        assert assess(notice, [call, notice], 2, BASE, kind).level == 3
    # The other way round (a post first, then a call) is not a move to public channels.
    assert assess(call, [call, post], 2, BASE, "投诉").level == 2
    # Two hotline records are not public either.
    second_call = member("3", "hotline_12319", minutes=120)
    assert assess(second_call, [call, second_call], 2, BASE, "投诉").level == 2


def test_repeat_complainant_is_noted_then_raised_the_third_time() -> None:
    first, second, third = (member(str(i), author="u1", minutes=i * 600) for i in (1, 2, 3))
    other = member("9", author="u2", minutes=5)
    raised = assess(second, [first, second, other], 2, BASE, "投诉")
    assert raised.level == 2 and "同一诉求人第2次反映" in raised.reasons
    raised = assess(third, [first, second, third, other], 2, BASE, "投诉")
    assert raised.level == 3 and "同一诉求人第3次反映" in raised.reasons
    # Anonymous items are never counted as one person.
    anon = [member(str(i), minutes=i) for i in range(3)]
    assert assess(anon[2], anon, 2, BASE, "投诉").level == 2


def test_a_burst_is_raised_but_a_steady_stream_is_not() -> None:
    burst = [member(str(i), minutes=i * 30) for i in range(6)]
    raised = assess(burst[-1], burst, 2, BASE, "投诉")
    assert raised.level == 3
    assert any(r.startswith("事件热度快速上升") for r in raised.reasons)
    # The same six in six hours after a day of as many per hour: no sudden growth.
    steady = [member(f"s{i}", minutes=-i * 60) for i in range(1, 30)] + burst
    assert assess(burst[-1], steady, 2, BASE, "投诉").level == 2
    # Items published after this one do not count toward its burst.
    assert assess(burst[0], burst, 2, BASE, "投诉").level == 2


def test_praise_suggestions_and_crises_are_not_changed() -> None:
    call = member("1", "hotline_12319")
    post = member("2", minutes=60)
    assert assess(post, [call, post], 1, ("表扬类",), "表扬").level == 1
    assert assess(post, [call, post], 1, ("建议类",), "建议").level == 1
    crisis = assess(post, [call, post], 4, ("扬言极端行为（跳楼）",), "投诉")
    assert crisis.level == 4 and crisis.reasons[0] == "扬言极端行为（跳楼）"


def test_naive_and_aware_times_compare_as_utc() -> None:
    call = Member("1", "hotline_12319", None, datetime(2026, 12, 1, 9, 0))  # naive = UTC, as stored
    post = Member("2", "weibo", None, datetime(2026, 12, 1, 18, 0, tzinfo=UTC) + timedelta(hours=0))
    assert assess(post, [call, post], 2, BASE, "投诉").level == 3
