"""Logging in through the login form switches the pages to the person's preferred
language; without one, the browser's language stays."""

import re

import pytest
import requests
import transaction
from builders import PASSWORD
from plone import api


pytestmark = pytest.mark.server


def log_in(session, portal_url, user_id):
    form = session.get(f"{portal_url}/login", timeout=30).text
    fields = dict(re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', form))
    fields.update({"__ac_name": user_id, "__ac_password": PASSWORD, "buttons.login": "Log in"})
    return session.post(f"{portal_url}/login", data=fields, timeout=30)


@pytest.mark.parametrize(("preferred", "language"), [("ro", "ro"), ("en", "en"), ("", "sv")])
def test_logging_in_switches_to_the_preferred_language(server_site, preferred, language):
    api.user.get(userid="owner").setMemberProperties({"language": preferred})
    transaction.commit()
    session = requests.Session()
    session.headers["Accept-Language"] = "sv"

    response = log_in(session, server_site.absolute_url(), "owner")

    assert response.status_code == 200
    assert "personaltools-logout" in response.text
    # people land on their work, in their language's folder
    assert response.url == f"{server_site.absolute_url()}/{language}/@@my-work"
    assert f'lang="{language}"' in response.text
    assert session.cookies.get("I18N_LANGUAGE") == (preferred or None)
