import pytest
from builders import create_programme


@pytest.fixture
def programme(portal):
    """The integration portal with people and two user groups (RO and SE)."""
    create_programme(portal)
    return portal
