"""Builders of a small programme for the domain tests: people, user groups,
and an organisation brought to any state of its workflow."""

from datetime import date

import transaction
from plone import api
from plone.app.textfield.value import RichTextValue

from qgis.certification.application import questionnaire
from qgis.certification.application import review


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

# the path of an application through the workflow, to reach each state
PATH = {
    "draft": [],
    "submitted": [("owner", "submit")],
    "user_group_review": [("owner", "submit"), ("team", "send_to_user_groups")],
    "psc_decision": [
        ("owner", "submit"),
        ("team", "send_to_user_groups"),
        ("opinion", "reviewer_ro"),
        ("team", "send_to_psc"),
    ],
}
PATH["published"] = PATH["psc_decision"] + [("psc_member", "approve")]
PATH["rejected"] = PATH["psc_decision"] + [("psc_member", "reject")]
PATH["archived"] = PATH["published"] + [("team", "archive")]
STATES = tuple(PATH)


def create_people():
    for user_id, groups in PEOPLE.items():
        if api.user.get(userid=user_id) is None:
            api.user.create(
                username=user_id,
                email=f"{user_id}@example.org",
                password=PASSWORD,
                properties={"fullname": user_id.replace("_", " ").title()},
            )
        for group in groups:
            api.group.add_user(groupname=group, username=user_id)
        if user_id in GLOBAL_ROLES:
            api.user.grant_roles(username=user_id, roles=GLOBAL_ROLES[user_id])


def create_user_group(portal, group_id, countries, members):
    with api.env.adopt_roles(["Manager"]):
        return api.content.create(
            container=portal["user-groups"],
            type="UserGroup",
            id=group_id,
            title=f"QGIS {group_id.upper()}",
            countries=countries,
            members=members,
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
    return questionnaire.save_answers(organisation, questionnaire.APPLICATION, answers, user_id)


def create_application(
    portal, title="Geo Academy", country="RO", complete=True, owner="owner", answered=None
):
    """A draft application; complete (a kind of contribution, evidence, a course
    type with material, the questionnaire answered) unless told otherwise."""
    with api.env.adopt_user(username=owner):
        organisation = api.content.create(
            container=portal["organisations"],
            type="CertifyingOrganisation",
            title=title,
            email="office@geo-academy.example",
            country=country,
            contribution_types=["documentation", "translation"] if complete else [],
            contributions=RichTextValue(
                "<p>We translate QGIS: <a href='https://example.org'>our work</a></p>"
                if complete
                else "",
                "text/html",
                "text/x-html-safe",
            ),
        )
        if complete:
            course_type = api.content.create(
                container=organisation,
                type="CourseType",
                title="QGIS for beginners",
                instruction_hours=16,
            )
            api.content.create(
                container=course_type,
                type="Link",
                title="Exercises",
                remoteUrl="https://example.org/exercises",
            )
        if complete if answered is None else answered:
            answer_questionnaire(organisation, owner)
    return organisation


def do(organisation, user_id, transition, comment="Looks right."):
    with api.env.adopt_user(username=user_id):
        api.portal.get_tool("portal_workflow").doActionFor(
            organisation, transition, comment=comment
        )


def bring_to(organisation, state):
    for actor, step in PATH[state]:
        if actor == "opinion":
            group = api.portal.get()["user-groups"]["ug-ro"]
            review.record_opinion(organisation, group, step, "recommend", "A fine trainer.")
        else:
            do(organisation, actor, step)
    assert api.content.get_state(organisation) == state
    return organisation


def add_course_parts(organisation):
    """A convener and a training centre beside the course type; returns them."""
    with api.env.adopt_roles(["Manager"]):
        convener = api.content.create(
            container=organisation,
            type="CourseConvener",
            title="Ana Trainer",
            user_id="convener",
        )
        centre = api.content.create(
            container=organisation,
            type="TrainingCenter",
            title="Cluj centre",
            country="RO",
            latitude=46.77,
            longitude=23.6,
        )
    course_type = organisation["qgis-for-beginners"]
    return course_type, convener, centre


def course_data(course_type, convener, centre, **extra):
    data = dict(
        title="QGIS for beginners, spring",
        course_type=course_type.UID(),
        convener=convener.UID(),
        training_center=centre.UID(),
        start_date=date(2027, 3, 1),
        end_date=date(2027, 3, 3),
        course_language="ro",
    )
    data.update(extra)
    return data


def commit():
    transaction.commit()


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
        course = api.content.create(container=organisation, type="Course", **course_data(*parts))
        people = [
            api.content.create(
                container=course,
                type="Attendee",
                id=f"attendee-{index}",
                first_name=first,
                last_name=last,
                email=email,
            )
            for index, (first, last, email) in enumerate(attendees)
        ]
    if publish:
        do(course, "owner", "publish")
    return organisation, course, people


def top_up(organisation, credits, reference="bank transfer"):
    from qgis.certification.payments.credits import ledger_of

    return ledger_of(organisation).append(credits, "top-up", reference, "team")
