"""Where a new account starts after its first login: applying, that is adding
its organisation. One place to change when the programme offers a better
start (a page of one's own work, for instance).

Only accounts made by signing up land there (the team, reviewers and others
made by a manager go where they were going): sign-up remembers the account,
with the moment, for ``KEEP_DAYS`` days and at most ``MAX_KEPT`` accounts."""

import time

from BTrees.OOBTree import OOBTree
from plone import api

from qgis.certification.annotations import stored


# below the site: the form that starts an application
FIRST_LOGIN_PATH = "organisations/++add++CertifyingOrganisation"

KEY = "qgis.certification.signup.new_accounts"
KEEP_DAYS = 30
MAX_KEPT = 5000


def first_login_url():
    return f"{api.portal.get().absolute_url()}/{FIRST_LOGIN_PATH}"


def _accounts(create=False):
    return stored(api.portal.get(), KEY, OOBTree, create)


def remember_new_account(user_id, now=None):
    """A signed-up account, which lands on applying at its first login."""
    now = now or time.time()
    accounts = _accounts(create=True)
    accounts[user_id] = now
    if len(accounts) > MAX_KEPT:
        by_age = sorted(accounts.items(), key=lambda item: item[1])
        for old_id, moment in by_age:
            if len(accounts) <= MAX_KEPT and now - moment < KEEP_DAYS * 86400:
                break
            del accounts[old_id]


def signed_up(user_id, now=None):
    """Whether ``user_id`` signed up lately (reading only)."""
    moment = _accounts().get(user_id)
    return moment is not None and (now or time.time()) - moment < KEEP_DAYS * 86400
