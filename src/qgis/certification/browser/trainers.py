"""Classic UI of certified trainers: the public directory of each language
(``@@trainers``), a nomination's page with its evidence and certificate, and
the helpers the organisation and course pages use (``@@qgis-trainers``)."""

from plone import api
from Products.Five.browser import BrowserView
from zExceptions import NotFound
from zope.i18n import translate

from qgis.certification.browser.certificates import send_pdf
from qgis.certification.browser.listings import ListingView
from qgis.certification.browser.own_fields import OwnFieldsView
from qgis.certification.browser.states import StateBadges
from qgis.certification.public import feeds
from qgis.certification.public import listings
from qgis.certification.trainers import certificate
from qgis.certification.trainers import directory
from qgis.certification.trainers import evidence
from qgis.certification.trainers import validity
from qgis.certification.vocabularies.countries import country_name
from qgis.certification.vocabularies.countries import current_language


class TrainersDirectory(ListingView):
    """The certified trainers who agreed to be listed, with country and language filters."""

    filters_class = directory.TrainerFilters
    view_name = "trainers"

    def results(self):
        if getattr(self, "_results", None) is None:
            self._results = self.filters.results()
        return self._results

    def countries(self):
        return self.country_choices(
            directory.facts(brain).get("country") for brain, _ in directory.listed_trainers()
        )

    def languages(self):
        return self.language_choices(
            code
            for brain, _ in directory.listed_trainers()
            for code in directory.facts(brain).get("languages") or ()
        )

    def rows(self):
        return [
            directory.trainer_row(brain, organisation, self.names)
            for brain, organisation in self.batch()
        ]


def state_title(context):
    workflow = api.portal.get_tool("portal_workflow")
    state = api.content.get_state(context)
    title = workflow.getTitleForStateOnType(state, context.portal_type)
    return translate(title, domain="qgis.certification", context=api.env.getRequest())


class NominationView(StateBadges, OwnFieldsView):
    def state(self):
        return api.content.get_state(self.context)

    def state_title(self):
        return state_title(self.context)

    def certified(self):
        return validity.is_certified(self.state(), self.context.valid_until)

    def country(self):
        return country_name(self.context.country, current_language())

    def languages(self):
        return [listings.language_name(code) for code in self.context.teaching_languages or ()]

    def evidence(self):
        return evidence.summary(self.context)


class TrainerCertificatePdf(BrowserView):
    def __call__(self):
        if not self.context.code:
            raise NotFound("trainer-certificate.pdf")
        data = certificate.trainer_certificate_pdf(self.context)
        return send_pdf(self.request, data, f"{self.context.code}.pdf")


class TrainerHelpers(BrowserView):
    """What the organisation and course pages show of certified trainers."""

    def __call__(self):
        raise NotFound("qgis-trainers")

    def organisation_trainers(self, organisation):
        names = feeds.CountryNames()
        return [
            {
                "name": brain.Title,
                "country": names(directory.facts(brain).get("country")),
                "valid_until": directory.facts(brain).get("valid_until"),
            }
            for brain in directory.organisation_trainers(organisation)
        ]

    def nominations(self, organisation):
        """Every nomination the user may see, with its state (lapsed, revoked...)."""
        workflow = api.portal.get_tool("portal_workflow")

        def state(brain):
            title = workflow.getTitleForStateOnType(brain.review_state, brain.portal_type)
            return translate(title, domain="qgis.certification", context=self.request)

        path = "/".join(organisation.getPhysicalPath())
        brains = api.content.find(path={"query": path, "depth": 1}, portal_type="TrainerNomination")
        rows = [{"name": b.Title, "url": b.getURL(), "state": state(b)} for b in brains]
        return sorted(rows, key=lambda row: row["name"])

    def convener_certified(self, course):
        return directory.certified_convener(course.convener)
