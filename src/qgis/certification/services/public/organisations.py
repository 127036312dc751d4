"""``GET /@organisations?country=RO&q=geo&b_start=0&b_size=20``: the certified
organisations, a page at a time."""

from plone.restapi.batching import DEFAULT_BATCH_SIZE
from plone.restapi.batching import HypermediaBatch

from qgis.certification.public import feeds
from qgis.certification.public import listings
from qgis.certification.public.queries import Addresses
from qgis.certification.services.public.parameters import PublicService


MAX_BATCH_SIZE = 100


class OrganisationsGet(PublicService):
    """``GET /@organisations?country=RO&q=geo&b_start=0&b_size=20``"""

    def answer(self):
        country = self.country()
        query = self.parameter("q") or ""
        b_start = self.natural("b_start", 0) or 0
        b_size = self.natural("b_size", 1, MAX_BATCH_SIZE) or DEFAULT_BATCH_SIZE
        # the catalog sorts only up to the page asked for, and returns that page
        brains = listings.search_organisations(
            country=country, text=query, b_start=b_start, b_size=b_size
        )
        batch = HypermediaBatch(self.request, brains)
        names, urls = feeds.CountryNames(), Addresses()
        items = []
        for brain in batch:
            code = feeds.country_of(brain)
            items.append(
                {
                    "@id": urls(brain),
                    "UID": brain.UID,
                    "title": brain.Title,
                    "description": brain.Description or "",
                    "country": code,
                    "country_name": names(code),
                    "website": feeds.website(brain),
                }
            )
        return {
            "@id": batch.canonical_url,
            "items_total": batch.items_total,
            "items": items,
            "batching": batch.links or single_page_links(batch),
        }


def single_page_links(batch):
    """The batching links of a result that fits on one page."""
    first = batch._url_with_params(params={"b_start": 0})
    return {"@id": batch.current_batch_url, "first": first, "last": first}
