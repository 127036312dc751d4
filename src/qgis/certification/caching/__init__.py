"""HTTP caching of the public pages and feeds (plone.app.caching).

The rulesets are assigned in ``caching.zcml`` and their operations configured in
``profiles/default/registry/caching.xml``. This module adds what Plone does not
have: two ETag components, and the paths a caching proxy must purge when a
programme object changes (the site-wide feeds and front pages list it too).
"""

from datetime import date

from Acquisition import aq_base
from Acquisition import aq_chain
from plone.app.caching.interfaces import IETagValue
from plone.base.interfaces.siteroot import IPloneSiteRoot
from Products.CMFCore.interfaces import ICatalogTool
from z3c.caching.interfaces import IPurgePaths
from ZODB.utils import u64
from zope.component import adapter
from zope.component import queryUtility
from zope.interface import Interface
from zope.interface import implementer

from qgis.certification.certificates.credentials.status_register import status_list_number
from qgis.certification.certificates.organisation_certificate import organisation_certificate
from qgis.certification.content.certificate import ICertificate
from qgis.certification.content.organisation import ICertifyingOrganisation
from qgis.certification.content.trainer import ITrainerNomination
from qgis.certification.public import statistics
from qgis.certification.public.programme_pages import LANGUAGES


# Feeds on the site root that list organisations, training centres and courses.
SITE_FEEDS = (
    "@organisations",
    "@training-centers-geojson",
    "@courses-geojson",
    "@trainers",
    "@@upcoming-courses.ics",
    "upcoming-courses.ics",
    "ogc",  # the OGC API - Features service: every address under it
)
HOME_VIEW = "programme-home"
# the lists of each language root that show organisations and courses
LIST_VIEWS = ("@@certified-organisations", "@@upcoming-courses", "@@trainers")


@implementer(IETagValue)
@adapter(Interface, Interface)
class ETagValue:
    """A component of the ETag of a published object (``published``)."""

    def __init__(self, published, request):
        self.published = published
        self.request = request


class CatalogState(ETagValue):
    """``qgisCatalog``: the catalog's change counter and the transaction that last
    changed it.

    The counter alone identifies the catalog's state only while the database
    keeps growing: after a restore from a backup (or between tests, whose
    database is reset) the same number can stand for other content, and a page
    kept in RAM under it would be served stale. The counter's transaction id
    cannot repeat, so together they can."""

    def __call__(self):
        catalog = queryUtility(ICatalogTool)
        if catalog is None:
            return None
        counter = getattr(aq_base(catalog), "_counter", None)
        if counter is None:
            return str(catalog.getCounter())
        value = counter()  # loads the object, so that its serial is known
        return f"{value}.{u64(counter._p_serial):x}"


class Today(ETagValue):
    """``qgisToday``: today's date, for responses that list upcoming courses,
    which change at midnight without any edit."""

    def __call__(self):
        return date.today().isoformat()


def _site(context):
    for item in aq_chain(context):
        if IPloneSiteRoot.providedBy(item):
            return item
    return None


def _organisation(context):
    for item in aq_chain(context):
        if ICertifyingOrganisation.providedBy(item):
            return item
    return None


def _view_paths(obj):
    """The URLs under which a content object's own page is served."""
    prefix = "/" + obj.virtual_url_path()
    return [prefix, prefix + "/", prefix + "/view", prefix + "/@@upcoming-courses.ics"]


def _statistics_paths(site_prefix):
    """The figures of the programme: counted again after any change of what they count."""
    paths = [f"{site_prefix}/@statistics"]
    for language in LANGUAGES:
        page = f"{site_prefix}/{language}/@@statistics"
        paths.append(page)
        paths.extend(f"{page}/{figure.name}.csv" for figure in statistics.FIGURES)
    return paths


def _verify_paths(site_prefix, code):
    """A code's verification pages and its revocation list."""
    paths = [
        f"{prefix}/verify/{code}{suffix}"
        for prefix in [site_prefix] + [f"{site_prefix}/{language}" for language in LANGUAGES]
        for suffix in ("", "/certificate.pdf")
    ]
    paths.append(f"{site_prefix}/@verify/{code}")
    number = status_list_number(code)
    if number is not None:
        paths.append(f"{site_prefix}/@credential-status/{number}")
    return paths


@implementer(IPurgePaths)
class ProgrammePurgePaths:
    """What a caching proxy must drop when an organisation, training centre,
    course, certificate or trainer nomination changes: the site-wide feeds and the
    front pages that list it, its organisation's page and calendar, its
    verification pages and the statistics that count it.

    Plone's own ``plone.content`` paths (the object's URL and views) are added
    beside these by plone.app.caching. Proxies should purge by prefix so that
    feed URLs with a query string (``?country=RO``) go too (see README)."""

    def __init__(self, context):
        self.context = context

    def getRelativePaths(self):
        site = _site(self.context)
        if site is None:
            return []
        site_prefix = "/" + site.virtual_url_path()
        paths = []
        if ICertificate.providedBy(self.context):
            code = getattr(aq_base(self.context), "code", None)
            verify = _verify_paths(site_prefix, code) if code else []
            return verify + _statistics_paths(site_prefix)
        paths.extend(_statistics_paths(site_prefix))
        paths.extend(f"{site_prefix}/{name}" for name in SITE_FEEDS)
        for language in LANGUAGES:
            root = f"{site_prefix}/{language}"
            paths.extend([root, root + "/", f"{root}/{HOME_VIEW}"])
            paths.extend(f"{root}/{view}" for view in LIST_VIEWS)
        organisation = _organisation(self.context)
        if organisation is not None:
            paths.extend(_view_paths(organisation))
            if organisation is self.context:
                record = organisation_certificate(organisation)
                if record is not None:
                    paths.extend(_verify_paths(site_prefix, record["code"]))
        if ITrainerNomination.providedBy(self.context) and self.context.code:
            paths.extend(_verify_paths(site_prefix, self.context.code))
        return paths

    def getAbsolutePaths(self):
        return []
