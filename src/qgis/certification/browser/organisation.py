"""The organisation page: its public details, and for the people involved the
state of the application, what it still lacks, and the user groups' opinions."""

from plone import api
from zope.i18n import translate

from qgis.certification import permissions
from qgis.certification.application import history
from qgis.certification.application import review
from qgis.certification.browser import application_steps
from qgis.certification.browser import labels
from qgis.certification.browser.credits_form import BuyCreditsForm
from qgis.certification.browser.form_base import embedded
from qgis.certification.browser.opinion_form import OpinionForm
from qgis.certification.browser.own_fields import OwnFieldsView
from qgis.certification.browser.states import StateBadges
from qgis.certification.certificates import issuing
from qgis.certification.certificates.organisation_certificate import organisation_certificate
from qgis.certification.content.urls import safe_url
from qgis.certification.payments import orders
from qgis.certification.payments.credits import balance_of
from qgis.certification.public import queries
from qgis.certification.vocabularies.contribution_types import CONTRIBUTION_TYPES
from qgis.certification.vocabularies.countries import country_name


class OrganisationView(StateBadges, OwnFieldsView):
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

    def day(self, when):
        return labels.localized_date(when)

    def website(self):
        return safe_url(self.context.website)

    def country(self):
        return country_name(self.context.country, api.portal.get_current_language()[:2])

    def contribution_titles(self):
        titles = dict(CONTRIBUTION_TYPES)
        return [titles[key] for key in self.context.contribution_types or () if key in titles]

    def guided(self):
        return application_steps.guided(self.context)

    def steps(self):
        return application_steps.steps(self.context)

    def course_types(self):
        return application_steps.course_types(self.context)

    def change_request(self):
        return application_steps.change_request(self.context)

    def show_review(self):
        return self.can(permissions.VIEW_REVIEW_DATA)

    def review_info(self):
        deadline = review.review_deadline(self.context)
        return {
            "deadline": labels.localized_date(deadline) if deadline else None,
            "groups": [g.Title() for g in review.user_groups_of(self.context)],
            "waiting": [g.Title() for g in review.groups_without_opinion(self.context)]
            if api.content.get_state(self.context) == "user_group_review"
            else [],
            "opinions": [
                dict(
                    opinion,
                    opinion_title=labels.opinion_title(opinion["opinion"], self.request),
                    author_name=labels.person_name(opinion["author"]),
                    day=labels.localized_date(opinion["date"]),
                )
                for opinion in review.opinions(self.context)
            ],
        }

    def since_opinions(self):
        """What changed since each user group's opinion, for those who may
        read the organisation's versions."""
        return history.changes_since_opinions(self.context)

    def field_titles(self, fields):
        return ", ".join(translate(field["title"], context=self.request) for field in fields)

    def may_give_opinion(self):
        return self.can(permissions.GIVE_USER_GROUP_OPINION)

    def children(self, portal_type):
        return queries.contents_of(self.context, portal_type)

    def credits_info(self):
        if not self.can(permissions.VIEW_CREDITS):
            return None
        return {
            "balance": balance_of(self.context),
            "price": f"{issuing.setting('credit_price')} {issuing.setting('currency')}",
            "may_buy": self.can(permissions.BUY_CREDITS)
            and api.content.get_state(self.context) == "published",
            "payment_offered": bool(orders.payment_methods()),
            "orders": [
                self.labelled_order(order) for order in orders.order_summaries(self.context)
            ],
        }

    def labelled_order(self, order):
        """An order with its method and status by their titles, named by its
        invoice number when it has one."""
        invoice = order.get("invoice")
        return dict(
            order,
            name=invoice["number"] if invoice else order["id"],
            method_title=labels.titled(labels.ORDER_METHOD_TITLES, order["method"], self.request),
            status_title=labels.titled(labels.ORDER_STATUS_TITLES, order["status"], self.request),
            created_day=labels.localized_date(order.get("created")),
        )

    def buy_credits_form(self):
        return embedded(BuyCreditsForm, self.context, self.request)

    def opinion_form(self):
        return embedded(OpinionForm, self.context, self.request)

    def provider_certificate(self):
        return organisation_certificate(self.context)
