"""Sites with the application questionnaire and the reviewers' checklist."""

import pytest
import transaction
from builders import create_programme
from builders import with_questionnaires


@pytest.fixture
def programme(portal):
    """The integration portal with people, two user groups and the forms."""
    create_programme(portal)
    return with_questionnaires(portal)


@pytest.fixture
def qsite(site):
    """The functional portal with people, user groups and the forms, committed."""
    with_questionnaires(site)
    transaction.commit()
    return site


@pytest.fixture
def qserver_site(server_site):
    with_questionnaires(server_site)
    transaction.commit()
    return server_site
