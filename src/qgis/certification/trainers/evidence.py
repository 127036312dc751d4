"""The evidence of a nomination found in the programme's own data, from the
catalog: the courses the convener taught here and the convener's own QGIS
certificates (matched by the e-mail address of the convener's account)."""

from plone import api
from plone.app.uuid.utils import uuidToObject


def courses_taught(nomination):
    """Catalog brains of the convener's courses that are not cancelled, latest first."""
    if not nomination.convener:
        return []
    return api.content.find(
        portal_type="Course",
        qgis_convener=nomination.convener,
        review_state=("draft", "published"),
        sort_on="qgis_start",
        sort_order="descending",
        unrestricted=True,
    )


def convener_email(nomination):
    convener = uuidToObject(nomination.convener, unrestricted=True) if nomination.convener else None
    user = api.user.get(userid=convener.user_id) if convener is not None else None
    email = user.getProperty("email") if user is not None else None
    return email.strip().lower() if email else None


def own_certificates(nomination):
    """Catalog brains of the valid QGIS certificates issued to the convener's address."""
    email = convener_email(nomination)
    if not email:
        return []
    return api.content.find(
        portal_type="Certificate",
        qgis_holder_email=email,
        review_state="issued",
        sort_on="created",
        unrestricted=True,
    )


def summary(nomination):
    """What the team reads as evidence: titles, dates and codes only."""
    courses = [
        {"title": brain.Title, "url": brain.getURL(), "start_date": _start(brain)}
        for brain in courses_taught(nomination)
    ]
    certificates = [
        {
            "code": certificate.code,
            "course": certificate.course_type_title,
            "organisation": certificate.organisation_title,
            "issue_date": certificate.issue_date.isoformat(),
        }
        for certificate in (
            brain._unrestrictedGetObject() for brain in own_certificates(nomination)
        )
    ]
    return {"courses": courses, "certificates": certificates}


def _start(brain):
    summary = getattr(brain, "qgis_course", None)
    return summary.get("start_date") if isinstance(summary, dict) else None
