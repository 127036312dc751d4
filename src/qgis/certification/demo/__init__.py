"""Demo content: a living programme for a newcomer's first ``make start``.

Every function here is idempotent (it creates only what is missing), so that it
can run at each start. It never runs when ``ENVIRONMENT=production``.
"""

from plone import api


DEMO_PASSWORD = "demo-password"  # noqa: S105 - documented local demo accounts

DEMO_USERS = (
    # user id, full name, e-mail, groups
    ("applicant", "Ana Applicant", "applicant@example.org", ()),
)


def ensure_demo_users():
    for user_id, fullname, email, groups in DEMO_USERS:
        user = api.user.get(username=user_id)
        if user is None:
            user = api.user.create(
                username=user_id,
                email=email,
                password=DEMO_PASSWORD,
                properties={"fullname": fullname},
            )
        for group in groups:
            api.group.add_user(groupname=group, username=user_id)


def ensure_demo_content(portal):
    ensure_demo_users()
