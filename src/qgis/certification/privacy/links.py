"""An attendee asks for their data with their e-mail address: when the
product holds data for it, a signed link is mailed there.

The answer is the same whether or not data is held, so that asking reveals
nothing about an address; only the mail, read by whoever owns the address,
does. Each address may ask a few times a day.
"""

from Acquisition import aq_parent
from plone import api
from zope.i18nmessageid import Message

from qgis.certification import _
from qgis.certification.interfaces import IPrivacySettings
from qgis.certification.mail import messages
from qgis.certification.privacy.attendees import held_for
from qgis.certification.privacy.attendees import holds_data
from qgis.certification.privacy.register import address_key
from qgis.certification.privacy.register import log_request
from qgis.certification.privacy.register import within_limit
from qgis.certification.privacy.tokens import make_token
from qgis.certification.refusals import Refusal


REQUESTS_PER_DAY = 3
KIND = "data-link"

ANSWER = _(
    "If we hold data for this address, we sent a link to it. The link lets you download "
    "your data and ask for its erasure."
)
LINK_SUBJECT = _("Your data in the QGIS Certification Programme")
LINK_BODY = _(
    "Hello,\n\nsomeone, probably you, asked which data the QGIS Certification Programme "
    "holds about this e-mail address. Open this link to see and download it, and to ask "
    "for its erasure:\n\n${url}\n\nThe link works for ${hours} hours. If you did not ask, "
    "ignore this mail: nothing changes.\n\n-- \nQGIS Certification Programme\n"
)


def setting(name):
    return api.portal.get_registry_record(name=name, interface=IPrivacySettings)


def data_url(token):
    return f"{api.portal.get().absolute_url()}/@@attendee-data?token={token}"


def mail_language(key, page_language):
    """The language of the courses the address attended, when they share one
    (attendees have no account: their mails speak their course's language);
    else the language of the page they asked from."""
    found = {
        getattr(aq_parent(attendee), "course_language", None) or page_language
        for attendee in held_for(key, "Attendee")
    }
    return found.pop() if len(found) == 1 else page_language


def request_link(address, language):
    """Mail a data link to ``address`` when data is held for it (in the language
    of its courses, see ``mail_language``, else ``language``); returns the
    answer to show (the same either way). Raises ``Refusal`` on a bad address
    (400) or too many requests for it (429)."""
    recipient = messages.address_recipient(address, language)
    if recipient is None:
        raise Refusal(400, _("Enter a valid e-mail address."), field="email")
    key = address_key(recipient.address)
    if not within_limit(key, REQUESTS_PER_DAY, 24):
        log_request(KIND, "refused: too many requests")
        raise Refusal(
            429, _("This address asked too often today: try again tomorrow."), field="email"
        )
    if holds_data(key):
        hours = setting("link_validity_hours")
        url = data_url(make_token(key, hours))
        body = Message(LINK_BODY, mapping={"url": url, "hours": hours})
        written_to = messages.Recipient(recipient.address, mail_language(key, language))
        messages.send_mail(written_to, LINK_SUBJECT, body)
        log_request(KIND, "link sent")
    else:
        log_request(KIND, "no data held")
    return ANSWER
