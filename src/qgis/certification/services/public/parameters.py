"""The base of the public feeds: GET services anyone may call, from any
origin, whose query parameters are checked (a bad one answers 400, naming it)."""

import re

from qgis.certification import _
from qgis.certification.public import feeds
from qgis.certification.services.base import Field
from qgis.certification.services.base import ProductService
from qgis.certification.services.base import ServiceError


DIGITS = re.compile(r"\d+")


class ParameterService(ProductService):
    """A GET service whose query parameters are checked."""

    def parameter(self, name):
        """A query-string parameter given once, or None when absent or empty."""
        found = self.request.form.get(name)
        if found is None or found == "":
            return None
        if not isinstance(found, str):
            raise ServiceError(
                400, _("Give the parameter '${name}' once.", mapping={"name": name}), field=name
            )
        return found.strip()

    def country(self):
        given = self.parameter("country")
        if given is None:
            return None
        code = feeds.known_country(given)
        if code is None:
            raise ServiceError(
                400,
                _("'country' must be a two-letter ISO 3166 country code, for example RO or SE."),
                field="country",
            )
        return code

    def natural(self, name, minimum, maximum=None):
        """A whole-number parameter within bounds, or None when absent."""
        given = self.parameter(name)
        if given is None:
            return None
        field = Field(name, int, minimum=minimum, maximum=maximum)
        if not DIGITS.fullmatch(given):
            raise field.fault(field.expected_range())
        return field.read({name: int(given)})


class PublicService(ParameterService):
    """A GET service anyone may call, from any origin."""

    def render(self):
        self.request.response.setHeader("Access-Control-Allow-Origin", "*")
        return super().render()
