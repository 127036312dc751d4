"""Only answers up to ``ram_store.MAX_BYTES`` are copied into the RAM cache:
a large feed asked for with ever new query strings cannot fill the process's
memory, and it is still revalidated by its ETag."""

import pytest
import requests
from caching_helpers import JSON

from qgis.certification.caching import ram_store


pytestmark = pytest.mark.server

RAM_HIT = "X-RAMCache"


def get(url, **headers):
    response = requests.get(url, headers={"Accept": JSON, **headers}, timeout=60)
    assert response.status_code in (200, 304), (url, response.status_code)
    return response


def test_an_answer_larger_than_the_bound_is_not_kept_in_ram(programme, monkeypatch):
    feeds = [programme.url(path + "?fresh=1") for path in ("@organisations", "@courses-geojson")]
    small, large = sorted(feeds, key=lambda url: len(get(url).content))
    assert len(get(small).content) < len(get(large).content)
    monkeypatch.setattr(ram_store, "MAX_BYTES", len(get(small).content))

    for url in (small, large):
        get(url.replace("fresh=1", "fresh=2"))
    assert get(small.replace("fresh=1", "fresh=2")).headers[RAM_HIT]
    not_kept = get(large.replace("fresh=1", "fresh=2"))
    assert RAM_HIT not in not_kept.headers
    # still a cacheable answer, revalidated by its ETag
    revalidated = get(
        large.replace("fresh=1", "fresh=2"), **{"If-None-Match": not_kept.headers["ETag"]}
    )
    assert revalidated.status_code == 304


def test_the_bound_keeps_a_feed_of_thousands_of_courses_out(programme):
    # a past-courses feed of a large programme is megabytes; pages are tens of kB
    assert 64 * 1024 <= ram_store.MAX_BYTES <= 1024 * 1024
