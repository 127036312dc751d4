"""``GET /@my-work?section=initial-review&b_start=0&b_size=20``: what waits for
the logged-in person, one section per role, each paged."""

from qgis.certification import _
from qgis.certification.services.base import ServiceError
from qgis.certification.services.public.parameters import ParameterService
from qgis.certification.work import sections


MAX_BATCH_SIZE = 100
DEFAULT_BATCH_SIZE = 20


class MyWorkGet(ParameterService):
    """Parameters checked as the public feeds check theirs; never cached: it
    answers for the person who asks."""

    def render(self):
        self.request.response.setHeader("Cache-Control", "private, no-store")
        return super().render()

    def answer(self):
        only = self.parameter("section")
        b_start = self.natural("b_start", 0) or 0
        b_size = self.natural("b_size", 1, MAX_BATCH_SIZE) or DEFAULT_BATCH_SIZE
        found = sections.sections(self.request, only=only, b_start=b_start, b_size=b_size)
        if only is not None and not found:
            raise ServiceError(
                404,
                _("You have no section '${section}'.", mapping={"section": only}),
                field="section",
            )
        base = f"{self.context.absolute_url()}/@my-work"
        for section in found:
            section["@id"] = f"{base}?section={section['id']}"
            following = section["b_start"] + section["b_size"]
            if following < section["items_total"]:
                section["next"] = f"{section['@id']}&b_start={following}&b_size={b_size}"
        return {"@id": base, "sections": found}
