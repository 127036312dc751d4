"""A user group's opinion has a comment of bounded length."""

import pytest
from builders import bring_to
from builders import create_application

from qgis.certification.application import review


def test_a_huge_comment_is_refused(programme):
    organisation = bring_to(create_application(programme), "user_group_review")
    group = programme["user-groups"]["ug-ro"]
    with pytest.raises(review.OpinionRefused) as refusal:
        review.record_opinion(organisation, group, "reviewer_ro", "oppose", "x" * 1_000_000)
    assert "too long" in refusal.value.message
    assert review.opinions(organisation) == []
    comment = "y" * review.MAX_COMMENT_LENGTH
    review.record_opinion(organisation, group, "reviewer_ro", "oppose", comment)
    assert review.opinions(organisation)[0]["comment"] == comment
