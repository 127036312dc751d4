"""``GET /@trainers?country=RO&language=ro``: the certified trainers who
agreed to be listed, by name (never an e-mail address)."""

from qgis.certification import _
from qgis.certification.public import feeds
from qgis.certification.services.base import ServiceError
from qgis.certification.services.public.parameters import PublicService
from qgis.certification.trainers import directory


class TrainersGet(PublicService):
    def language(self):
        given = self.parameter("language")
        if given is None:
            return None
        filters = directory.TrainerFilters({"language": given})
        if filters.language is None:
            raise ServiceError(
                400,
                _("'language' must be a two-letter ISO 639-1 language code, for example ro."),
                field="language",
            )
        return filters.language

    def answer(self):
        country, language = self.country(), self.language()
        names = feeds.CountryNames()
        items = [
            directory.trainer_row(brain, organisation, names)
            for brain, organisation in directory.listed_trainers(country, language)
        ]
        return {
            "@id": f"{self.context.absolute_url()}/@trainers",
            "items_total": len(items),
            "items": items,
        }
