"""What the generated bodies found, each kept: plone.restapi's workflow
transition and its adding and editing of content answered server errors to
some bodies, and committed what they changed before some refusals."""

import pytest
from builders import create_application
from plone import api
from security_helpers import last_transaction
from security_helpers import obj_at


pytestmark = pytest.mark.server

JSON = {"Content-Type": "application/json"}


@pytest.fixture
def owner(server_site, sessions_for):
    return sessions_for("owner")["owner"]


@pytest.fixture
def urls(server_site, commit):
    incomplete = create_application(server_site, title="Empty School", complete=False)
    organisation = create_application(server_site, title="Geo Academy")
    commit()
    return {
        "organisations": server_site["organisations"].absolute_url(),
        "incomplete": incomplete.absolute_url(),
        "organisation": organisation.absolute_url(),
    }


def refused(response, field=None):
    """The error of a 400 answer in the product's shape (naming ``field``)."""
    assert response.status_code == 400, (response.status_code, response.text[:400])
    error = response.json()["error"]
    assert isinstance(error["errors"], list)
    if field is not None:
        assert error["field"] == field
    return error


@pytest.mark.parametrize(
    ("body", "field"),
    [
        (b'{"comment": ', None),
        (b'["comment"]', None),
        (b'{"comment": {"text": "Fine."}}', "comment"),
        (b'{"include_children": "yes"}', "include_children"),
        (b'{"effective": 5}', "effective"),
        (b'{"comment": "' + b"x" * 10_001 + b'"}', "comment"),
    ],
)
def test_a_transition_body_that_does_not_fit_is_refused(server_site, owner, urls, body, field):
    before = last_transaction(server_site)
    response = owner.post(f"{urls['organisation']}/@workflow/submit", data=body, headers=JSON)
    refused(response, field)
    assert last_transaction(server_site) == before
    assert api.content.get_state(obj_at(urls["organisation"])) == "draft"


def test_a_refused_transition_writes_nothing(server_site, owner, urls):
    """plone.restapi set the effective date, then the guard refused the
    transition and the date was committed with the refusal."""
    before = last_transaction(server_site)
    response = owner.post(
        f"{urls['incomplete']}/@workflow/submit", json={"effective": "2030-01-01T09:00:00"}
    )
    error = refused(response)
    assert error["type"] == "WorkflowException"
    assert last_transaction(server_site) == before
    assert obj_at(urls["incomplete"]).EffectiveDate() == "None"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        (b'{"@type": "CertifyingOrganisation", ', None),
        (b'"CertifyingOrganisation"', None),
        (b'{"@type": ["CertifyingOrganisation"]}', "@type"),
        (b'{"@type": "CertifyingOrganisation", "id": {}}', "id"),
        (b'{"@type": "CertifyingOrganisation", "title": [1]}', "title"),
    ],
)
def test_adding_with_a_body_that_does_not_fit_is_refused(server_site, owner, urls, body, field):
    before = last_transaction(server_site)
    response = owner.post(urls["organisations"], data=body, headers=JSON)
    refused(response, field)
    assert last_transaction(server_site) == before


@pytest.mark.parametrize("body", [b"[]", b'{"title": ', b'{"title": {"en": "A"}}'])
def test_editing_with_a_body_that_does_not_fit_is_refused(server_site, owner, urls, body):
    before = last_transaction(server_site)
    refused(owner.patch(urls["organisation"], data=body, headers=JSON))
    assert last_transaction(server_site) == before
    assert obj_at(urls["organisation"]).title == "Geo Academy"


@pytest.mark.parametrize(
    "values",
    [
        {"logo": [1, 2]},
        {"logo": {"data": 5}},
        {"logo": {"data": "eA==", "encoding": "rot13"}},
        {"country": {"RO": True}},
        {"contribution_types": [{"a": 1}]},
        {"contribution_types": {"token": ["documentation"]}},
    ],
)
def test_a_file_or_a_choice_that_does_not_fit_is_a_field_error(server_site, owner, urls, values):
    """plone.restapi answered a server error: a file of a list, a choice of an object."""
    before = last_transaction(server_site)
    response = owner.patch(urls["organisation"], json=values)
    assert response.status_code == 400, (response.status_code, response.text[:400])
    assert last_transaction(server_site) == before
    name = next(iter(values))
    assert name in response.text
