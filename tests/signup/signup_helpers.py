"""What the sign-up tests share: a visitor's answers, the mailed link."""

import re

import transaction
from mail_helpers import parsed


LINK = re.compile(r"(http\S+/passwordreset/(\w+)\?userid=([^&\s]+)\S*)")

VISITOR = {
    "username": "ioana",
    "fullname": "Ioana Popescu",
    "email": "ioana.popescu@geo.example",
    "language": "ro",
}


def mails_to(portal, address, commit_seen=False):
    if commit_seen:
        transaction.begin()
    return [mail for mail in parsed(portal.MailHost.messages) if mail["To"] == address]


def mailed_link(mail):
    """(url, key, user name) of the link that sets the password."""
    found = LINK.search(mail.get_content())
    assert found, mail.get_content()
    return found.group(1), found.group(2), found.group(3)
