"""``@@give-opinion``: a reviewer records their user group's opinion from the
organisation page. The rules of the review are in ``application.review``."""

from plone import api
from plone.app.z3cform.widgets.radio import RadioFieldWidget
from z3c.form import button
from z3c.form import error
from z3c.form import field
from zope import schema
from zope.interface import Interface
from zope.interface import provider
from zope.schema.interfaces import IContextSourceBinder
from zope.schema.interfaces import RequiredMissing
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary

from qgis.certification import _
from qgis.certification.application import review
from qgis.certification.application import reviewers
from qgis.certification.browser.form_base import EmbeddedForm
from qgis.certification.browser.form_base import with_valid_data
from qgis.certification.browser.labels import OPINION_TITLES


def my_groups(organisation):
    return reviewers.reviewer_groups(organisation, api.user.get_current().getId())


@provider(IContextSourceBinder)
def reviewer_groups(context):
    return SimpleVocabulary(
        [SimpleTerm(group.UID(), group.UID(), group.Title()) for group in my_groups(context)]
    )


class IUserGroupOpinion(Interface):
    user_group = schema.Choice(title=_("User group"), source=reviewer_groups, required=True)
    opinion = schema.Choice(
        title=_("Opinion"),
        vocabulary=SimpleVocabulary(
            [SimpleTerm(key, key, OPINION_TITLES[key]) for key in review.OPINIONS]
        ),
        required=True,
    )
    comment = schema.Text(title=_("Comment"), required=True)


# What a reviewer reads next to a field left empty.
OpinionMissing = error.ErrorViewMessage(
    _("Choose whether your group recommends or opposes the application."),
    error=RequiredMissing,
    field=IUserGroupOpinion["opinion"],
)
CommentMissing = error.ErrorViewMessage(
    _("Explain the group's opinion: a comment is required."),
    error=RequiredMissing,
    field=IUserGroupOpinion["comment"],
)
UserGroupMissing = error.ErrorViewMessage(
    _("Choose the user group you give the opinion for."),
    error=RequiredMissing,
    field=IUserGroupOpinion["user_group"],
)


class OpinionForm(EmbeddedForm):
    view_name = "give-opinion"
    label = _("Your user group's opinion")
    fields = field.Fields(IUserGroupOpinion)
    fields["opinion"].widgetFactory = RadioFieldWidget
    primary_buttons = ("record",)

    def update(self):
        # One group to speak for: it is not asked.
        if len(my_groups(self.context)) == 1:
            self.fields = self.fields.omit("user_group")
        super().update()

    def updateWidgets(self, prefix=None):
        super().updateWidgets(prefix)
        if "user_group" in self.widgets:
            # No group preselected: the reviewer says which one speaks.
            widget = self.widgets["user_group"]
            widget.prompt = True
            widget.update()

    def group(self, data):
        groups = my_groups(self.context)
        wanted = data.get("user_group")
        chosen = [g for g in groups if g.UID() == wanted] if wanted else groups
        if len(chosen) != 1:
            self.refuse(_("Choose the user group you give the opinion for."), "user_group")
        return chosen[0]

    @button.buttonAndHandler(_("Record the opinion"), name="record")
    @with_valid_data
    def handle_record(self, action, data):
        comment = data["comment"].strip()
        if not comment:
            self.refuse(_("Explain the group's opinion: a comment is required."), "comment")
        try:
            review.record_opinion(
                self.context,
                self.group(data),
                api.user.get_current().getId(),
                data["opinion"],
                comment,
            )
        except review.OpinionRefused as refusal:
            self.refuse(refusal.message, "comment")
        api.portal.show_message(_("The opinion is recorded."), self.request, type="info")
        self.redirect(self.context.absolute_url() + "#review")
