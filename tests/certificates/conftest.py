import pytest
from builders import certified_course


@pytest.fixture
def certified(site):
    """(organisation, course, attendees) of a certified organisation."""
    return certified_course(site)
