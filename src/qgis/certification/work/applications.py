"""The certification team's table of every application, by state and
country, read from the catalog (the organisations folder's ``@@applications``)."""

from plone import api

from qgis.certification import _
from qgis.certification.public.listings import Filters
from qgis.certification.public.listings import _given


ORGANISATION_WORKFLOW = "qgis_organisation_workflow"


def states():
    """``[(state id, title)]`` of the organisation workflow, in its order."""
    workflow = api.portal.get_tool("portal_workflow").getWorkflowById(ORGANISATION_WORKFLOW)
    return [(state.getId(), state.title) for state in workflow.states.objectValues()]


class ApplicationFilters(Filters):
    """A state of the organisation workflow and a country."""

    def __init__(self, form):
        super().__init__(form)
        self.country_code = self.country()
        self.state = self.workflow_state()

    def workflow_state(self):
        given = _given(self.form, "state")
        if given is None:
            return None
        if given not in dict(states()):
            self.errors["state"] = _("Choose a state from the list.")
            return None
        return given

    def values(self):
        return {"state": self.state, "country": self.country_code}

    def results(self):
        query = {"portal_type": "CertifyingOrganisation", "sort_on": "qgis_since"}
        if self.state:
            query["review_state"] = self.state
        if self.country_code:
            query["qgis_countries"] = self.country_code
        return api.content.find(**query, sort_order="reverse")
