"""The evidence of a nomination found in the programme's data: the courses
the convener taught here, and the certificates issued to the convener's address."""

from builders import nominate_trainer
from builders import top_up
from plone import api

from qgis.certification.builders import courses
from qgis.certification.certificates import issuing
from qgis.certification.trainers import evidence


def test_the_convener_s_courses_and_own_certificates_are_found(organisation):
    (brain,) = api.content.find(context=organisation, portal_type="Course", unrestricted=True)
    course = brain._unrestrictedGetObject()
    with api.env.adopt_user(username="owner"):
        # the convener once attended a course, with the address of her account
        attendee = courses.add_attendee(
            course, "Ana", "Trainer", "Convener@Example.org", object_id="ana"
        )
    top_up(organisation, 2)
    with api.env.adopt_user(username="owner"):
        issuing.issue_certificates(course, [attendee.UID()], "completion", "owner")
        issuing.issue_certificates(course, [course["attendee-0"].UID()], "completion", "owner")
    nomination = nominate_trainer(organisation, "submitted")

    found = evidence.summary(nomination)

    assert [item["title"] for item in found["courses"]] == ["QGIS for beginners, spring"]
    assert found["courses"][0]["start_date"] == "2026-11-02"
    (certificate,) = found["certificates"]
    assert certificate["organisation"] == "Geo Academy"
    assert certificate["code"].startswith("QGIS-")


def test_a_convener_without_courses_or_certificates_has_no_evidence(organisation):
    nomination = nominate_trainer(organisation)
    with api.env.adopt_roles(["Manager"]):
        other = api.content.create(
            container=organisation, type="CourseConvener", id="bo", title="Bo", user_id="stranger"
        )
    nomination.convener = other.UID()
    assert evidence.summary(nomination) == {"courses": [], "certificates": []}
