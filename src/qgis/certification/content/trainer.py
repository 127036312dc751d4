"""A certified organisation's nomination of one of its conveners as a QGIS
trainer, and, once approved, the trainer's certificate.

The title is the convener's name: it is derived, never stored apart. The
certificate's record (``code``, ``valid_from``, ``valid_until``...) is written
by the review (``trainers.nomination``), never through a form.
"""

from plone.app.uuid.utils import uuidToObject
from plone.autoform import directives
from plone.dexterity.content import Item
from plone.supermodel import model
from zope import schema
from zope.interface import implementer

from qgis.certification import _
from qgis.certification.content.fields import PROMPTED
from qgis.certification.content.fields import CountryChoice
from qgis.certification.content.fields import OrganisationItemChoice
from qgis.certification.content.programme import IProgrammeContent
from qgis.certification.content.urls import MAX_URL_LENGTH
from qgis.certification.content.urls import is_web_url
from qgis.certification.content.validation import MAX_LIST_LENGTH
from qgis.certification.content.validation import TEXT_LENGTH


MAX_LINKS = 10


class ITrainerNomination(model.Schema):
    """A convener nominated as a certified QGIS trainer, with the evidence."""

    directives.widget("convener", **PROMPTED)
    directives.widget("country", **PROMPTED)

    convener = OrganisationItemChoice(
        title=_("Convener"),
        description=_("The organisation's convener you nominate as a QGIS trainer."),
        vocabulary="qgis.certification.OrganisationConveners",
        required=True,
    )
    country = CountryChoice(
        title=_("Country"),
        description=_("Where the trainer teaches, for the public directory of trainers."),
        vocabulary="qgis.certification.Countries",
        required=True,
    )
    teaching_languages = schema.List(
        title=_("Teaching languages"),
        description=_("The languages the trainer teaches QGIS in."),
        value_type=schema.Choice(vocabulary="qgis.certification.CourseLanguages"),
        required=True,
        min_length=1,
        max_length=MAX_LIST_LENGTH,
    )
    statement = schema.Text(
        title=_("Statement"),
        description=_("A short statement: the trainer's experience of QGIS and of teaching it."),
        required=True,
        max_length=TEXT_LENGTH,
    )
    links = schema.List(
        title=_("Links"),
        description=_("Web pages that show the trainer's work (one address per line)."),
        value_type=schema.TextLine(max_length=MAX_URL_LENGTH, constraint=is_web_url),
        required=False,
        max_length=MAX_LINKS,
    )
    certificate_language = schema.Choice(
        title=_("Certificate language"),
        description=_("The language the trainer certificate is printed in."),
        # the languages the site has certificate wording in
        vocabulary="qgis.certification.CertificateLanguages",
        required=True,
        default="en",
    )
    listed_publicly = schema.Bool(
        title=_("Listed in the public directory"),
        description=_(
            "The trainer agrees to be shown, with their name, country and languages, in "
            "the public directory of certified trainers."
        ),
        required=False,
        default=False,
    )


@implementer(ITrainerNomination, IProgrammeContent)
class TrainerNomination(Item):
    # The certificate's record, written by the review.
    code = None
    valid_from = None
    valid_until = None
    issued_by = None

    @property
    def title(self):
        convener = uuidToObject(self.convener, unrestricted=True) if self.convener else None
        return convener.Title() if convener is not None else ""

    @title.setter
    def title(self, value):
        """Ignored: the convener is the source of the title."""

    def Title(self):
        return self.title
