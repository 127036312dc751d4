"""The ten kinds of contribution to QGIS the programme recognises."""

from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary

from qgis.certification import _


CONTRIBUTION_TYPES = (
    ("development", _("Development of QGIS")),
    ("documentation", _("Documentation and training material")),
    ("translation", _("Translation")),
    ("plugins", _("Plugins")),
    ("bug_reports", _("Bug reports")),
    ("feature_funding", _("Funding of new features")),
    ("sponsorship", _("Financial sponsorship")),
    ("user_group", _("Involvement in a local user group")),
    ("open_courseware", _("Open course ware")),
    ("books", _("Books")),
)


@provider(IVocabularyFactory)
def contribution_types_vocabulary(context):
    return SimpleVocabulary(
        [SimpleTerm(value, value, title) for value, title in CONTRIBUTION_TYPES]
    )
