"""Over HTTP: the History tab's "View" of one version (CMFEditions'
``versions_history_form?version_id=<n>``) opens for exactly those who read
the history, in every state, and is refused to everyone else."""

import pytest
from test_history_access import READERS
from test_history_access import REFUSED
from test_history_access import ROLES
from test_history_access import edited_application  # noqa: F401 (a fixture)


pytestmark = pytest.mark.server


@pytest.mark.parametrize("state", tuple(READERS))
def test_who_opens_one_version(actors, edited_application, state):  # noqa: F811
    url = edited_application(state).absolute_url()
    for role in ROLES:
        preview = actors[role].get(
            f"{url}/versions_history_form?version_id=0", allow_redirects=False
        )
        if role in READERS[state]:
            assert preview.status_code == 200, (role, preview.status_code)
            assert "version_preview" in preview.text, role
        else:
            assert preview.status_code in REFUSED, (role, preview.status_code)
