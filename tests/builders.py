"""The tests' programme, built with the product's builders
(``qgis.certification.builders``): the test people and password, two user
groups (RO, SE), and applications brought to any state of their workflow.

What is here is the tests' data and defaults; how things are built is in the
product, shared with the demo content and the benchmark's seeding."""

from datetime import date
from datetime import timedelta

import transaction
from plone import api

from qgis.certification.application import questionnaire
from qgis.certification.builders import certificates
from qgis.certification.builders import courses
from qgis.certification.builders import organisations
from qgis.certification.builders import people
from qgis.certification.builders import training
from qgis.certification.builders.adding import act


PASSWORD = "secret-password"

# user id -> groups
PEOPLE = {
    "owner": (),
    "stranger": (),
    "reviewer_ro": (),
    "reviewer_se": (),
    "team": ("certification-managers",),
    "psc_member": ("psc",),
    "convener": (),
    "site_manager": (),
}
GLOBAL_ROLES = {"site_manager": ["Manager"]}

STATES = organisations.STATES

# who acts on the tests' applications; a covering user group (the Romanian one) recommends them
REVIEWING = organisations.Reviewing(
    owner="owner", team="team", psc="psc_member", comment="Looks right.", opinion="A fine trainer."
)


def create_people():
    for user_id, groups in PEOPLE.items():
        fullname = user_id.replace("_", " ").title()
        people.ensure_user(user_id, fullname, PASSWORD, groups, GLOBAL_ROLES.get(user_id, ()))


def create_user_group(portal, group_id, countries, members):
    with api.env.adopt_roles(["Manager"]):
        return people.ensure_user_group(
            portal,
            group_id,
            f"QGIS {group_id.upper()}",
            countries,
            members,
            email=f"{group_id}@example.org",
        )


def create_programme(portal):
    create_people()
    create_user_group(portal, "ug-ro", ["RO"], ["reviewer_ro"])
    create_user_group(portal, "ug-se", ["SE"], ["reviewer_se"])


# answers to the required questions of the application questionnaire the site sets up
APPLICATION_ANSWERS = {
    "teaching": "Classroom courses of three days.",
    "trainers": 2,
    "qgis_versions": "The long-term release.",
    "material_updates": "Reviewed for every long-term release.",
    "future_contributions": "Translations of the manual.",
}


CHECKLIST_ANSWERS = {
    "contributions_verified": "Yes",
    "material_checked": "No",
    "user_group_consulted": "Yes",
}


def with_questionnaires(portal):
    with api.env.adopt_roles(["Manager"]):
        questionnaire.ensure_questionnaires(portal)
    return portal


def answer_questionnaire(organisation, user_id="owner", **changes):
    answers = dict(APPLICATION_ANSWERS, **changes)
    return organisations.answer_application(organisation, answers, user_id)


def create_application(
    portal, title="Geo Academy", country="RO", complete=True, owner="owner", answered=None
):
    """A draft application; complete (a kind of contribution, evidence, a course
    type with material, the questionnaire answered) unless told otherwise."""
    with api.env.adopt_user(username=owner):
        organisation = organisations.create_organisation(
            portal["organisations"],
            title,
            "<p>We translate QGIS: <a href='https://example.org'>our work</a></p>"
            if complete
            else "",
            email="office@geo-academy.example",
            country=country,
            contribution_types=["documentation", "translation"] if complete else [],
        )
        if complete:
            course_type = training.add_course_type(organisation, "QGIS for beginners", 16)
            training.add_material(course_type, "Exercises", "https://example.org/exercises")
        if complete if answered is None else answered:
            answer_questionnaire(organisation, owner)
    return organisation


def do(organisation, user_id, transition, comment="Looks right."):
    act(organisation, user_id, transition, comment)


def bring_to(organisation, state):
    organisations.bring_to(organisation, state, REVIEWING)
    assert api.content.get_state(organisation) == state
    return organisation


def add_course_parts(organisation):
    """A convener and a training centre beside the course type; returns them."""
    with api.env.adopt_roles(["Manager"]):
        convener = training.add_convener(organisation, "Ana Trainer", "convener")
        centre = training.add_training_centre(
            organisation, "Cluj centre", "RO", latitude=46.77, longitude=23.6
        )
    course_type = organisation["qgis-for-beginners"]
    return course_type, convener, centre


# Certificates are issued only once a course has started: the tests' course
# started before the tests' "today" and has not ended yet.
COURSE_START = date(2026, 11, 2)


def course_data(course_type, convener, centre, **extra):
    data = dict(
        title="QGIS for beginners, spring",
        start_date=COURSE_START,
        end_date=date(2027, 3, 3),
        course_language="ro",
        **courses.course_parts(course_type, convener, centre),
    )
    data.update(extra)
    return data


def commit():
    transaction.commit()


def committed(build, *args, **kwargs):
    """What ``build(*args, **kwargs)`` makes as a Manager, committed so that
    test browsers and the server's threads see it."""
    with api.env.adopt_roles(["Manager"]):
        made = build(*args, **kwargs)
    transaction.commit()
    return made


ATTENDEES = (
    ("Ioana", "Ștefănescu", "ioana@example.org"),
    ("Åsa", "Öberg", "asa@example.org"),
    ("John", "Smith", "john@example.org"),
)


def certified_course(portal, title="Geo Academy", attendees=ATTENDEES, publish=True):
    """A published organisation with one course and its attendees."""
    organisation = bring_to(create_application(portal, title=title), "published")
    parts = add_course_parts(organisation)
    with api.env.adopt_user(username="owner"):
        course = courses.add_course(organisation, **course_data(*parts))
        made = [
            courses.add_attendee(course, first, last, email, object_id=f"attendee-{index}")
            for index, (first, last, email) in enumerate(attendees)
        ]
    if publish:
        do(course, "owner", "publish")
    return organisation, course, made


def top_up(organisation, credits, reference="bank transfer"):
    return certificates.top_up(organisation, credits, reference, "team")


def nominate_trainer(organisation, state="draft", listed=True, languages=("ro", "en"), **fields):
    """The organisation's convener (of ``add_course_parts``) nominated by the
    owner, brought to ``state`` ("lapsed": approved, then past its end date)."""
    from qgis.certification.builders import trainers
    from qgis.certification.trainers.validity import process_trainer_validity

    convener = organisation["ana-trainer"]
    with api.env.adopt_user(username="owner"):
        nomination = trainers.nominate(
            organisation,
            convener,
            "RO",
            languages,
            "Teaches QGIS since 2018.",
            links=["https://example.org/ana"],
            listed_publicly=listed,
            **fields,
        )
    if state == "lapsed":
        trainers.bring_to(nomination, "approved", "owner", "team")
        nomination.valid_until = date.today() - timedelta(days=1)
        nomination.reindexObject()
        process_trainer_validity()
    else:
        trainers.bring_to(nomination, state, "owner", "team")
    assert api.content.get_state(nomination) == state
    return nomination


def issued_certificate(portal, title="Geo Academy"):
    """A certificate the owner of a new certified organisation ``title`` issues
    to its first attendee (Ioana Ștefănescu)."""
    with api.env.adopt_roles(["Manager"]):
        organisation, course, people = certified_course(portal, title=title)
        top_up(organisation, 1)
        with api.env.adopt_user(username="owner"):
            (certificate,) = certificates.issue(course, "owner", people[:1])
    return certificate


def issued_to_all(certified, credits=3):
    """Completion certificates the owner issues to every attendee of a
    ``certified_course``, committed."""
    organisation, course, _attendees = certified
    top_up(organisation, credits)
    with api.env.adopt_user(username="owner"):
        issued = certificates.issue(course, "owner")
    transaction.commit()
    return issued


def certified_attendees(portal, credits=5):
    """A certified organisation whose course's attendees all hold a completion
    certificate (issued by the owner); returns (organisation, course, certificates)."""
    organisation, course, _attendees = certified_course(portal)
    top_up(organisation, credits)
    with api.env.adopt_user(username="owner"):
        issued = certificates.issue(course, "owner")
    return organisation, course, issued
