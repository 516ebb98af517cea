"""WTForms forms: every form carries Flask-WTF's CSRF token (ASVS 3.5.1)."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import Field, PasswordField, SelectMultipleField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, StopValidation
from wtforms.widgets import CheckboxInput, ListWidget


class LoginForm(FlaskForm):
    # Accept long passphrases (ASVS 6.2.9) but refuse megabyte bodies before hashing.
    username = StringField("用户名", validators=[DataRequired("请输入用户名"), Length(max=64)])
    password = PasswordField("密码", validators=[DataRequired("请输入密码"), Length(max=256)])


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
