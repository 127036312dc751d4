"""Which addresses may become a link: ``http`` and ``https`` web addresses,
``mailto`` where an e-mail link is meant, and for Plone's Link its own
``${portal_url}/...`` links to pages of the site.

Everything else is refused, whatever its spelling: ``javascript:``, ``data:``,
``vbscript:``, ``ftp:``, relative addresses, an address with spaces, control
characters or quotes in it (a `` JaVaScRiPt:`` or ``java&#115;cript:`` never
starts with ``http://``). The same test refuses new values and hides the ones
stored before it existed.
"""

import re
from urllib.parse import urlsplit

from zope.schema import ValidationError

from qgis.certification import _


WEB = ("http", "https")
WEB_AND_MAIL = (*WEB, "mailto")
SITE_LINK_PREFIXES = ("${portal_url}/", "${navigation_root_url}/")
MAX_URL_LENGTH = 2000
FORBIDDEN = re.compile(r"[\x00-\x20\x7f-\x9f<>\"`\\]")


class UnsafeURL(ValidationError):
    __doc__ = _(
        "Give a web address that starts with http:// or https://, for example https://example.org."
    )


class UnsafeLink(ValidationError):
    __doc__ = _(
        "Give a web address that starts with http:// or https://, an e-mail address "
        "or a page of this site."
    )


def safe_url(value, schemes=WEB):
    """The address, stripped, when it may become a link; None otherwise."""
    if not isinstance(value, str):
        return None
    url = value.strip()
    if not url or len(url) > MAX_URL_LENGTH or FORBIDDEN.search(url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in schemes:
        return None
    if scheme in WEB and not (url[len(scheme) + 1 :].startswith("//") and parts.hostname):
        return None
    if scheme == "mailto" and not parts.path:
        return None
    return url


def safe_link(value):
    """``safe_url`` for Plone's Link: a web address, a ``mailto:`` or a page of the site."""
    if isinstance(value, str) and value.strip().startswith(SITE_LINK_PREFIXES):
        url = value.strip()
        return None if len(url) > MAX_URL_LENGTH or FORBIDDEN.search(url) else url
    return safe_url(value, WEB_AND_MAIL)


def is_web_url(value):
    """Schema constraint: empty, or an address ``safe_url`` keeps."""
    if value and safe_url(value) is None:
        raise UnsafeURL(value)
    return True


def is_link_target(value):
    """The constraint of a Link's target."""
    if value and safe_link(value) is None:
        raise UnsafeLink(value)
    return True
