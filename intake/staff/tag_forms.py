"""Forms for tags: the administrators' list, and putting a tag on a case."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectField, StringField
from wtforms.validators import InputRequired, Length

from ..models.tags import TAG_NAME_LENGTH
from .forms import Chosen


class TagForm(FlaskForm):
    """A new tag, or a tag's new name."""

    name = StringField(
        _l("Tag name"),
        validators=[
            InputRequired(message=_l("Enter the tag's name.")),
            Length(
                max=TAG_NAME_LENGTH,
                message=_l("A tag's name can be at most %(num)d characters.", num=TAG_NAME_LENGTH),
            ),
        ],
    )


class CaseTagForm(FlaskForm):
    """Put one of the tags in use on a case."""

    tag = SelectField(
        _l("Add a tag"),
        id="add-tag",
        # A tag no longer in the choices (retired meanwhile) gets the same plain message.
        validators=[InputRequired(message=_l("Choose a tag.")), Chosen(_l("Choose a tag."))],
        validate_choice=False,
    )


def case_tag_form() -> CaseTagForm:
    """The case page's "Add a tag" form, offering the tags in use."""
    from ..cases import tags

    form = CaseTagForm(formdata=None)
    form.tag.choices = [("", _l("Choose a tag"))] + [
        (str(tag.id), tag.name) for tag in tags.active_tags()
    ]
    return form
