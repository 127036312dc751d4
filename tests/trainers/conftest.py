import pytest
from builders import certified_course


@pytest.fixture
def organisation(programme):
    """A certified organisation (Geo Academy, RO) with its convener Ana Trainer
    (user ``convener``) and a published course she convenes."""
    organisation, _course, _attendees = certified_course(programme)
    return organisation
