"""The programme the "my work" tests read: applications of the owner in every
state of the review (one returned with a change request), one of a stranger,
a certified organisation with a current and an ended course, an unpaid invoice,
and a Swedish application whose review period ended."""

from dataclasses import dataclass
from datetime import date
from datetime import timedelta

from builders import bring_to
from builders import certified_course
from builders import course_data
from builders import create_application
from builders import do
from DateTime import DateTime
from plone import api

from qgis.certification.builders import courses
from qgis.certification.interfaces import IInvoiceSettings
from qgis.certification.payments import orders


IBAN = "CH9300762011623852957"
CHANGE_REQUEST = "Please add the exercises of the second day."
ORGANISATION_WORKFLOW = "qgis_organisation_workflow"


@dataclass
class World:
    draft: object
    returned: object
    waiting: object
    review_ro: object
    review_se: object
    deciding: object
    certified: object
    course: object
    ended_course: object
    invoice: object
    strangers: object


def age(organisation, days):
    """Pretend the organisation's last workflow step was ``days`` ago."""
    history = list(organisation.workflow_history[ORGANISATION_WORKFLOW])
    history[-1] = dict(history[-1], time=DateTime() - days)
    organisation.workflow_history[ORGANISATION_WORKFLOW] = tuple(history)
    organisation.reindexObject()


def ended_course(organisation):
    """A published course that ended last year, with one attendee and no certificate."""
    course_type = organisation["qgis-for-beginners"]
    convener, centre = organisation["ana-trainer"], organisation["cluj-centre"]
    last_year = date.today() - timedelta(days=365)
    data = course_data(
        course_type,
        convener,
        centre,
        title="QGIS for beginners, last year",
        start_date=last_year,
        end_date=last_year + timedelta(days=2),
    )
    with api.env.adopt_user(username="owner"):
        course = courses.add_course(organisation, **data)
        courses.add_attendee(course, "Maria", "Popescu", "maria@example.org", object_id="maria")
    do(course, "owner", "publish")
    return course


def build(portal):
    """The world, built as the people would (not committed)."""
    api.portal.set_registry_record("iban", IBAN, interface=IInvoiceSettings)
    draft = create_application(portal, title="Draft Academy", complete=False)
    returned = bring_to(create_application(portal, title="Returned Academy"), "submitted")
    do(returned, "team", "request_changes", CHANGE_REQUEST)
    waiting = bring_to(create_application(portal, title="Waiting Academy"), "submitted")
    age(waiting, 3)
    review_ro = bring_to(create_application(portal, title="Romanian Review"), "user_group_review")
    review_se = create_application(portal, title="Swedish Review", country="SE")
    bring_to(review_se, "user_group_review")
    age(review_se, 40)
    deciding = bring_to(create_application(portal, title="Deciding Academy"), "psc_decision")
    certified, course, _attendees = certified_course(portal, title="Certified Academy")
    ended = ended_course(certified)
    with api.env.adopt_user(username="owner"):
        order = orders.place_order(certified, 5, "invoice", "owner")
    invoice = api.content.get(UID=order["invoice"])
    strangers = create_application(portal, title="Stranger Academy", owner="stranger")
    return World(
        draft, returned, waiting, review_ro, review_se, deciding, certified, course, ended,
        invoice, strangers,
    )  # fmt: skip
