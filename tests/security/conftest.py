"""Fixtures of the security tests: the server's site with the programme's
people and user groups, and a session per user."""

import pytest
import transaction


USERS = ("owner", "stranger", "reviewer_ro", "reviewer_se", "team", "psc_member", "convener")


@pytest.fixture
def actors(server_site, sessions_for):
    return sessions_for(*USERS, "site_manager")


@pytest.fixture
def commit():
    """``commit()``: make the test's changes visible to the server."""
    return transaction.commit
