"""The languages a certificate may be printed in: those this site has
certificate wording in (Site Setup → QGIS certificate wording), named in the
visitor's language; the vocabulary ``qgis.certification.CertificateLanguages``."""

from zope.interface import provider
from zope.schema.interfaces import IVocabularyFactory
from zope.schema.vocabulary import SimpleTerm
from zope.schema.vocabulary import SimpleVocabulary

from qgis.certification.certificates import wording
from qgis.certification.vocabularies.countries import current_language
from qgis.certification.vocabularies.languages import language_name


@provider(IVocabularyFactory)
def certificate_languages_vocabulary(context):
    language = current_language()
    return SimpleVocabulary(
        [SimpleTerm(code, code, language_name(code, language)) for code in wording.languages()]
    )
