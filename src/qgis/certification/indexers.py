from plone.indexer import indexer

from qgis.certification.content.certificate import ICertificate
from qgis.certification.content.organisation import ICertifyingOrganisation
from qgis.certification.content.training_center import ITrainingCenter
from qgis.certification.content.user_group import IUserGroup


@indexer(ICertifyingOrganisation)
def organisation_countries(obj):
    return [obj.country] if obj.country else []


@indexer(ITrainingCenter)
def training_center_countries(obj):
    return [obj.country] if obj.country else []


@indexer(IUserGroup)
def user_group_countries(obj):
    return list(obj.countries or [])


@indexer(IUserGroup)
def user_group_members(obj):
    return list(obj.members or [])


@indexer(ICertificate)
def certificate_code(obj):
    return obj.code


@indexer(ICertifyingOrganisation)
def organisation_certificate_code(obj):
    from qgis.certification.organisation_certificate import organisation_certificate

    record = organisation_certificate(obj)
    if record is None:
        raise AttributeError("no organisation certificate")
    return record["code"]
