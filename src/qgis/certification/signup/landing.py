"""Where a new account starts after its first login: applying, that is adding
its organisation. One place to change when the programme offers a better
start (a page of one's own work, for instance)."""

from plone import api


# below the site: the form that starts an application
FIRST_LOGIN_PATH = "organisations/++add++CertifyingOrganisation"


def first_login_url():
    return f"{api.portal.get().absolute_url()}/{FIRST_LOGIN_PATH}"
