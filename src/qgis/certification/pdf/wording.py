"""The texts a certificate prints, in one language, and its dates.

A ``CertificateWording`` holds what the certification team keeps per language
(``interfaces.ICertificateWording``; the product ships nine languages, see
``certificates.wording``). ``${...}`` placeholders are filled in with
``fill``; dates are written as the language writes them (CLDR, through Babel).
"""

from dataclasses import dataclass
from dataclasses import fields
from datetime import date
from string import Template

from babel.core import UnknownLocaleError
from babel.dates import format_date as babel_format_date


#: The locale whose long dates a language uses, when not its own ("2 March 2026").
DATE_LOCALES = {"en": "en_GB"}


def format_date(value: date, language: str) -> str:
    """``value`` as a long date in ``language``: "2 March 2026", "2. März 2026",
    "2026年3月2日"; in English when the language is unknown."""
    locale = DATE_LOCALES.get(language, language)
    try:
        return babel_format_date(value, "long", locale=locale)
    except (UnknownLocaleError, ValueError):
        return babel_format_date(value, "long", locale=DATE_LOCALES["en"])


@dataclass(frozen=True)
class CertificateWording:
    """Every text of the certificates in ``language`` (see ICertificateWording)."""

    language: str
    title: str
    certifies: str
    completion: str
    attendance: str
    single_day: str
    period: str
    hours: str
    competence: str
    convened: str
    convener: str
    representative: str
    programme: str
    issued_on: str
    code: str
    verify_at: str
    revoked: str
    provider_title: str
    membership: str
    trainer_title: str
    trainer_of: str
    valid_period: str
    lapsed: str

    @classmethod
    def text_names(cls) -> tuple[str, ...]:
        """The names of the texts (every field but the language)."""
        return tuple(field.name for field in fields(cls) if field.name != "language")

    def fill(self, name: str, **values) -> str:
        """The text ``name`` with its placeholders filled in; dates are formatted."""
        values = {
            key: format_date(value, self.language) if isinstance(value, date) else value
            for key, value in values.items()
        }
        return Template(getattr(self, name)).safe_substitute(values)

    def date(self, value: date) -> str:
        return format_date(value, self.language)

    def sentence(self, certificate_type: str) -> str | None:
        """The sentence of an attendee's certificate of this type, if there is one."""
        return {"completion": self.completion, "attendance": self.attendance}.get(certificate_type)

    def all_text(self) -> str:
        """Every text together: the letters a font must have to print this wording."""
        return "".join(getattr(self, name) for name in self.text_names())
