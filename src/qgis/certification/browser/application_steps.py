"""The guided application: the step panel its owner sees on a draft
organisation (each part of the application with what it still lacks and a
link to do it, then the submit button), and the change request that returned
it. What counts as complete is ``application.review``'s rule."""

from plone import api

from qgis.certification import _
from qgis.certification import permissions
from qgis.certification.application import review
from qgis.certification.application import transitions
from qgis.certification.browser import labels


STEPS = {
    "details": (_("Details of the organisation"), "edit", _("Edit the details")),
    "contributions": (
        _("Contributions to QGIS"),
        "edit#fieldset-contributions",
        _("Describe the contributions"),
    ),
    "course-types": (
        _("Course types with their training material"),
        "++add++CourseType",
        _("Add a course type"),
    ),
    "questionnaire": (
        _("Application questionnaire"),
        "@@questionnaire",
        _("Answer the questionnaire"),
    ),
}


def guided(organisation):
    """Whether the current user is guided through the application: its owner
    (who may submit it) while it is a draft."""
    return api.content.get_state(organisation) == "draft" and api.user.has_permission(
        permissions.SUBMIT_APPLICATION, obj=organisation
    )


def steps(organisation):
    """``[{"id", "title", "done", "missing", "url", "action"}]`` in order,
    ending with the submit step."""
    url = organisation.absolute_url()
    result = []
    for part, missing in review.missing_by_part(organisation):
        title, view, action = STEPS[part]
        result.append(
            {
                "id": part,
                "title": title,
                "done": not missing,
                "missing": missing,
                "url": f"{url}/{view}",
                "action": action,
            }
        )
    result.append(
        {
            "id": "submit",
            "title": _("Submit the application"),
            "done": False,
            "missing": [],
            "url": f"{url}/@@workflow-transition",
            "action": _("Submit the application"),
            "ready": all(step["done"] for step in result),
        }
    )
    return result


def course_types(organisation):
    """The course types with whether they have training material, and where
    to add it."""
    return [
        {
            "title": brain.Title,
            "url": brain.getURL(),
            "has_material": bool(review.children(brain._unrestrictedGetObject(), ("File", "Link"))),
            "add_file": f"{brain.getURL()}/++add++File",
            "add_link": f"{brain.getURL()}/++add++Link",
        }
        for brain in review.children(organisation, "CourseType")
    ]


def change_request(organisation):
    """The change request that returned the application, for its owners and
    the team: ``{"comment", "by", "date"}``, or None."""
    if api.content.get_state(organisation) != "draft":
        return None
    if not api.user.has_permission(permissions.MODIFY_PORTAL_CONTENT, obj=organisation):
        return None
    found = transitions.last_change_request(organisation)
    if found is None:
        return None
    return {
        "comment": found["comment"],
        "by": labels.person_name(found["actor"]),
        "date": labels.localized_date(found["time"]),
    }
