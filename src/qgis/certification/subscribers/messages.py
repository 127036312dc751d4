"""What the subscribers tell the person whose action they refuse."""

from plone import api
from zope.i18n import translate


def in_request_language(message):
    """``message`` in the language of the current request: a refusal raised from
    an event handler reaches the person as the exception's plain text."""
    return translate(message, context=api.env.getRequest())
