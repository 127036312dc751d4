"""``make create-site`` makes the forms, and the demo's applications answer them."""

from plone import api

from qgis.certification.application import questionnaire
from qgis.certification.setuphandlers.demo import DEMO_ORGANISATIONS
from qgis.certification.setuphandlers.site import SiteSettings
from qgis.certification.setuphandlers.site import ensure_site


def test_site_setup_makes_the_forms_and_demo_answers(fresh_app):
    portal, _created = ensure_site(fresh_app, SiteSettings(site_id="Programme"))
    folder = portal[questionnaire.FOLDER_ID]
    assert set(folder.objectIds()) == {questionnaire.APPLICATION, questionnaire.CHECKLIST}
    assert "Editor" in folder.get_local_roles_for_userid(questionnaire.TEAM_GROUP)
    assert api.content.get_state(folder) == "private"

    for org_id, _title, _country, _owner, state, _centre in DEMO_ORGANISATIONS:
        organisation = portal.organisations[org_id]
        answers = questionnaire.answers(organisation, questionnaire.APPLICATION)
        if state == "draft":
            assert answers == []
            assert questionnaire.missing(organisation, questionnaire.APPLICATION)
        else:
            assert questionnaire.missing(organisation, questionnaire.APPLICATION) == []
        checklist = questionnaire.answers(organisation, questionnaire.CHECKLIST)
        reached_psc = state in ("psc_decision", "published", "rejected", "archived")
        assert bool(checklist) is reached_psc, org_id

    # a second run (an existing site) keeps the team's edits
    form = folder[questionnaire.APPLICATION]
    form.fields_model = form.fields_model.replace("How do you teach QGIS?", "How do you teach?")
    ensure_site(fresh_app, SiteSettings(site_id="Programme"))
    titles = [field.title for _name, field in questionnaire.questions(questionnaire.APPLICATION)]
    assert "How do you teach?" in titles
