"""The programme's public pages, in English, Romanian and Swedish (created with the site).

Their text lives in ``pages/<page>.<language>.html``: a front matter between
two ``---`` lines (``id``, ``title``, ``description``; one ``key: value`` a
line), then the page's HTML. A line break between two tags is only there to
make the file readable: it is removed when the file is read.

Links inside the texts are relative to the page: ../organisations (apply
here), ../verify (certificate verification); the only external link is
https://qgis.org.
"""

import re
from pathlib import Path


LANGUAGES = ("en", "ro", "sv")

PAGES_DIR = Path(__file__).parent / "pages"

# Pages in the order the front page lists them; ids differ per language.
PAGE_NAMES = ("about", "requirements", "process", "fees", "apply", "privacy")

# The short introduction shown on each language's front page, above the map.
FRONT_PAGE_NAME = "welcome"

FIELDS = ("id", "title", "description")
BREAK_BETWEEN_TAGS = re.compile(r">\n\s*<")


class PageFileError(ValueError):
    """A page file without its front matter."""


def page_path(name, language):
    return PAGES_DIR / f"{name}.{language}.html"


def read_page(name, language):
    """``{"id", "title", "description", "text"}`` of one page in one language."""
    path = page_path(name, language)
    content = path.read_text(encoding="utf-8")
    parts = content.split("---\n", 2)
    if len(parts) != 3 or parts[0]:
        raise PageFileError(f"{path.name}: the file must start with its front matter")
    _before, front_matter, text = parts
    page = dict.fromkeys(FIELDS, "")
    for line in front_matter.splitlines():
        key, separator, value = line.partition(":")
        if not separator or key.strip() not in FIELDS:
            raise PageFileError(f"{path.name}: {line!r} is not one of {', '.join(FIELDS)}")
        page[key.strip()] = value.strip()
    page["text"] = BREAK_BETWEEN_TAGS.sub("><", text.strip())
    return page


def read_versions(name):
    """One page in every language, as ``{field: {language: value}}``."""
    versions = {language: read_page(name, language) for language in LANGUAGES}
    return {
        field: {language: versions[language][field] for language in LANGUAGES}
        for field in (*FIELDS, "text")
    }


PAGES = tuple(read_versions(name) for name in PAGE_NAMES)
FRONT_PAGE = read_versions(FRONT_PAGE_NAME)
