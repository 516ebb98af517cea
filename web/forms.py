"""WTForms forms: every form carries Flask-WTF's CSRF token (ASVS 3.5.1)."""

from __future__ import annotations

from collections.abc import Iterable

from flask_wtf import FlaskForm
from wtforms import (
    DateTimeLocalField,
    Field,
    HiddenField,
    IntegerField,
    PasswordField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import (
    DataRequired,
    InputRequired,
    Length,
    NumberRange,
    Optional,
    StopValidation,
    ValidationError,
)
from wtforms.widgets import CheckboxInput, ListWidget

from analysis.topics import REQUEST_TYPES
from web.labels import RESPONSE_CHANNELS, SENTIMENT_LABELS, URGENCY_LABELS
from web.tags import FIELDS, SENTIMENTS, URGENCIES, Tags


class LoginForm(FlaskForm):
    # Accept long passphrases (ASVS 6.2.9) but refuse megabyte bodies before hashing.
    username = StringField("用户名", validators=[DataRequired("请输入用户名"), Length(max=64)])
    password = PasswordField("密码", validators=[DataRequired("请输入密码"), Length(max=256)])


class CodeForm(FlaskForm):
    code = StringField("动态验证码", validators=[DataRequired("请输入6位动态验证码"), Length(max=16)])


class MultiCheckboxField(SelectMultipleField):
    """A list of checkboxes: one per office, several may be ticked."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


def at_least_one(_form: FlaskForm, field: Field) -> None:
    """DataRequired would mark every checkbox ``required``, and browsers then demand all of them."""
    if not field.data:
        raise StopValidation("请至少选择一个处室")


class RouteForm(FlaskForm):
    # Unknown names are refused by responder.assign.reroute with its own Chinese message.
    offices = MultiCheckboxField("主办处室", validators=[at_least_one], validate_choice=False)
    reason = TextAreaField(
        "分派理由",
        validators=[DataRequired("请填写分派理由"), Length(max=500, message="理由不能超过500字")],
    )


class LogoutForm(FlaskForm):
    """Empty but for the CSRF token: logging out changes state, so it is a POST."""


class PickField(SelectField):
    """A select whose refusal of a value not in its list reads in Chinese, like the rest of the page."""

    def pre_validate(self, form: FlaskForm) -> None:
        try:
            super().pre_validate(form)
        except ValidationError:
            raise ValidationError("请从列表中选择") from None


class CorrectionForm(FlaskForm):
    """更正标签: every select starts at the value the officer sees; only changed fields are saved.

    Choices are set per request (the topic list comes from topics.yaml), so an unknown
    value is refused by WTForms' choice check before it can become training data.
    """

    urgency = PickField("紧急程度")
    sentiment = PickField("情感")
    topic = PickField("主题")
    request_type = PickField("诉求类型")
    reason = TextAreaField("更正理由", validators=[Optional(), Length(max=500, message="理由不能超过500字")])


def correction_form(tags: Tags, topics: Iterable[str], *, bind: bool) -> CorrectionForm:
    """The form with its choices; ``bind`` reads the posted values, otherwise the current ones show.

    The item page is re-rendered after a failed POST of *another* form too (route,
    respond), so binding is the caller's explicit choice, not "whenever this is a POST".
    """
    form = CorrectionForm() if bind else CorrectionForm(formdata=None)
    choices: dict[str, list[SelectChoice]] = {
        "urgency": [SelectChoice(str(level), f"{level} {URGENCY_LABELS[level]}") for level in URGENCIES],
        "sentiment": [SelectChoice(code, SENTIMENT_LABELS[code]) for code in SENTIMENTS],
        "topic": [SelectChoice(name) for name in topics],
        "request_type": [SelectChoice(name) for name in REQUEST_TYPES],
    }
    for name in FIELDS:
        current = tags.value(name)
        options = choices[name]
        if current is not None and str(current) not in {choice.value for choice in options}:
            options = [SelectChoice(str(current), f"{current}（模型值）"), *options]  # a topic retired from topics.yaml
        field = form[name]
        field.choices = [SelectChoice("", "（未研判）"), *options] if current is None else options
        if not bind:
            field.data = "" if current is None else str(current)
    return form


class ActionForm(FlaskForm):
    """签收 / 办结: a button with a CSRF token and where to go back to."""

    next = HiddenField()


class RespondForm(FlaskForm):
    text = TextAreaField(
        "回复内容",
        validators=[DataRequired("请填写回复内容"), Length(max=4000, message="回复内容不能超过4000字")],
    )
    channel = PickField(
        "回复渠道", choices=[SelectChoice(code, label) for code, label in RESPONSE_CHANNELS.items()], default="board"
    )
    published_at = DateTimeLocalField(
        "发布时间", format=["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S"], validators=[Optional()]
    )
    next = HiddenField()


def _edit_reason(label: str) -> TextAreaField:
    return TextAreaField(label, validators=[DataRequired("请填写理由"), Length(max=500, message="理由不能超过500字")])


class MergeEventForm(FlaskForm):
    """合并到事件 #: this event's items move to the target, which survives."""

    target = IntegerField(
        "目标事件编号",
        validators=[InputRequired("请填写目标事件编号"), NumberRange(min=1, message="请填写有效的事件编号")],
    )
    reason = _edit_reason("合并理由")


class SplitItemForm(FlaskForm):
    """移出此事件: one item becomes an event of its own."""

    reason = _edit_reason("移出理由")
