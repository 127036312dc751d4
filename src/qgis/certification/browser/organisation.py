"""The organisation page: its public details, and for the people involved the
state of the application, what it still lacks, and the user groups' opinions."""

import transaction
from plone import api
from plone.dexterity.browser.view import DefaultView
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from zope.i18n import translate

from qgis.certification import _
from qgis.certification.application import review
from qgis.certification.certificates import issuing
from qgis.certification.certificates.organisation_certificate import organisation_certificate
from qgis.certification.payments import orders
from qgis.certification.payments.credits import balance_of
from qgis.certification.urls.schemes import safe_url
from qgis.certification.vocabularies.contribution_types import CONTRIBUTION_TYPES
from qgis.certification.vocabularies.countries import country_name


class OrganisationView(DefaultView):
    def can(self, permission):
        return api.user.has_permission(permission, obj=self.context)

    def state_title(self):
        workflow = api.portal.get_tool("portal_workflow")
        return translate(
            workflow.getTitleForStateOnType(
                api.content.get_state(self.context), "CertifyingOrganisation"
            ),
            domain="qgis.certification",
            context=self.request,
        )

    def website(self):
        return safe_url(self.context.website)

    def country(self):
        return country_name(self.context.country, api.portal.get_current_language()[:2])

    def contribution_titles(self):
        titles = dict(CONTRIBUTION_TYPES)
        return [titles[key] for key in self.context.contribution_types or () if key in titles]

    def missing(self):
        if api.content.get_state(self.context) != "draft" or not self.can(
            "qgis.certification: Submit application"
        ):
            return []
        return review.missing_for_submission(self.context)

    def show_review(self):
        return self.can("qgis.certification: View review data")

    def review_info(self):
        deadline = review.review_deadline(self.context)
        return {
            "deadline": deadline.strftime("%Y-%m-%d") if deadline else None,
            "groups": [g.Title() for g in review.user_groups_of(self.context)],
            "waiting": [g.Title() for g in review.groups_without_opinion(self.context)]
            if api.content.get_state(self.context) == "user_group_review"
            else [],
            "opinions": review.opinions(self.context),
        }

    def may_give_opinion(self):
        return self.can("qgis.certification: Give user group opinion")

    def my_groups(self):
        return review.reviewer_groups(self.context, api.user.get_current().getId())

    def children(self, portal_type):
        return api.content.find(
            context=self.context, depth=1, portal_type=portal_type, sort_on="sortable_title"
        )

    def credits_info(self):
        if not self.can("qgis.certification: View credits"):
            return None
        return {
            "balance": balance_of(self.context),
            "price": f"{issuing.setting('credit_price')} {issuing.setting('currency')}",
            "may_buy": self.can("qgis.certification: Buy credits")
            and api.content.get_state(self.context) == "published",
            "orders": orders.order_summaries(self.context),
        }

    def provider_certificate(self):
        return organisation_certificate(self.context)


class OpinionFormView(BrowserView):
    """Records a user group's opinion from the organisation page's form."""

    def __call__(self):
        if self.request.method != "POST":
            return self.request.response.redirect(self.context.absolute_url())
        CheckAuthenticator(self.request)
        form = self.request.form
        opinion = form.get("opinion")
        comment = (form.get("comment") or "").strip()
        groups = review.reviewer_groups(self.context, api.user.get_current().getId())
        wanted = form.get("user_group")
        if wanted:
            groups = [g for g in groups if g.UID() == wanted]
        error = None
        if opinion not in review.OPINIONS:
            error = _("Choose whether your group recommends or opposes the application.")
        elif not comment:
            error = _("Explain the group's opinion: a comment is required.")
        elif len(groups) != 1:
            error = _("Choose the user group you give the opinion for.")
        if error is None:
            try:
                review.record_opinion(
                    self.context, groups[0], api.user.get_current().getId(), opinion, comment
                )
            except review.OpinionRefused as refusal:
                error = refusal.message
        if error is not None:
            transaction.doom()
            api.portal.show_message(error, self.request, type="error")
        else:
            api.portal.show_message(_("The opinion is recorded."), self.request, type="info")
        return self.request.response.redirect(self.context.absolute_url() + "#review")
