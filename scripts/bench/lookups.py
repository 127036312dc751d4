"""The lookups the benchmark measures (the table of ``targets.LOOKUPS``): their
URLs on the seeded site, and their measurement with the server's CPU time and,
on request, a profile."""

import requests

from scripts.bench import load
from scripts.bench.cpu import CpuMeter
from scripts.bench.profiling import Profiler
from scripts.bench.targets import LOOKUPS


JSON = {"Accept": "application/json"}


def log(message):
    print(f"bench: {message}", flush=True)


class Uncached:
    """The URLs in turn, each with a different query string every time, so that
    no cache (plone.app.caching's RAM cache among them) answers: the figures are
    what the product itself costs."""

    def __init__(self, *urls):
        if not urls:
            raise ValueError("a lookup needs at least one URL")
        self.urls = urls
        self.number = 0

    def __iter__(self):
        return self

    def __next__(self):
        url = self.urls[self.number % len(self.urls)]
        self.number += 1
        joiner = "&" if "?" in url else "?"
        return f"{url}{joiner}bench={self.number}"


def course_urls(base, count=20):
    """Published courses, as an anonymous visitor finds them."""
    answer = requests.get(
        f"{base}/@search",
        params={"portal_type": "Course", "review_state": "published", "b_size": count},
        headers=JSON,
        timeout=120,
    )
    answer.raise_for_status()
    return [item["@id"] for item in answer.json()["items"]]


def html_list(base, country):
    """The HTML list of certified organisations, under whichever name it has."""
    for url in (
        f"{base}/en/@@certified-organisations?country={country}",
        f"{base}/@@organisations?country={country}",
    ):
        if requests.get(url, timeout=60).status_code == 200:
            return url
    return None


def plans(base, info):
    """{lookup name: (URLs, headers)} for every lookup of ``targets.LOOKUPS``
    that the site has, all asked as an anonymous visitor."""
    api = f"{base}/++api++"
    country = info["country"]
    codes = info["sample_codes"]
    found = {
        "front_page": ([f"{base}/en"], {}),
        "organisation_page": ([f"{base}/{path}" for path in info["sample_organisations"]], {}),
        "course_page": (course_urls(base), {}),
        "verify_page": ([f"{base}/verify/{code}" for code in codes[:50]], {}),
        "verify": ([f"{api}/@verify/{code}" for code in codes], JSON),
        "organisations_rest": ([f"{api}/@organisations?country={country}"], JSON),
        "organisations_100": ([f"{api}/@organisations?b_size=100"], JSON),
        "training_centers_geojson": ([f"{api}/@training-centers-geojson"], JSON),
        "courses_geojson": ([f"{api}/@courses-geojson"], JSON),
        "courses_geojson_past": ([f"{api}/@courses-geojson?when=past"], JSON),
        "search": ([f"{api}/@search?SearchableText={info['search_word']}"], JSON),
        "statistics_page": ([f"{base}/en/@@statistics"], {}),
        "statistics_rest": ([f"{api}/@statistics"], JSON),
    }
    listing = html_list(base, country)
    if listing:
        found["organisations_html"] = ([listing], {})
    return {lookup.name: found[lookup.name] for lookup in LOOKUPS if found.get(lookup.name)}


def observers(name, pids, profiles=None):
    """The server's CPU counters, and py-spy when ``profiles`` is a folder."""
    watching = [CpuMeter(pids)]
    if profiles is not None:
        watching.append(Profiler(pids, profiles, name))
    return watching


def measure(base, info, pids, clients, duration, profiles=None):
    """{lookup name: figures} of every lookup, one after the other."""
    results = {}
    for name, (urls, headers) in plans(base, info).items():
        log(f"measuring {name}")
        figures = load.run_load(
            Uncached(*urls),
            clients=clients,
            duration=duration,
            headers=headers,
            observers=observers(name, pids, profiles),
        )
        figures["url"] = urls[0].replace(base, "")
        results[name] = figures
        log(
            f"  p50 {figures['p50_ms']} ms, {figures['rps']} req/s, "
            f"CPU {figures['cpu_ms']} ms a request ({figures['cores_busy']} cores busy)"
        )
    return results
