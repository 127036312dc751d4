"""The public pages' CPU, measured in one process, without a server or clients.

``python -m scripts.bench.pages [--scale small] [-n 40] [--profile] [--only NAME ...]``

Opens the benchmark's seeded site (``var/bench/data-<scale>/``, seeding it
first as ``make bench`` does when it is not there) through the instance's own
WSGI application, and asks every public page as an anonymous visitor ``-n``
times, each time with a fresh query string (as the benchmark does, so that no
cache answers). For each page it prints the median and the lowest CPU time of
one request (``time.process_time`` around the whole WSGI call: the publisher,
the view, the transforms and the theme), and with ``--profile`` a cProfile of
all its requests, sorted by ``--sort`` (``tottime``), ``--lines`` long.

With no threads and no network in the way the figures are steadier than the
benchmark's and comparable from one change to the next; they are what one
request costs the server, without waitress and the access log.
"""

import argparse
import cProfile
import io
import itertools
import json
import pstats
import statistics
import sys
import time

from scripts.bench import run


HOST = "127.0.0.1:18200"


def wsgi_app(zope_conf):
    from Zope2.Startup.run import make_wsgi_app

    return make_wsgi_app({}, zope_conf)


def environ(path, query, cookies=""):
    return {
        "REQUEST_METHOD": "GET",
        "SCRIPT_NAME": "",
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SERVER_NAME": HOST.split(":")[0],
        "SERVER_PORT": HOST.split(":")[1],
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": HOST,
        "HTTP_ACCEPT": "text/html,application/xhtml+xml",
        "HTTP_ACCEPT_LANGUAGE": "en",
        "HTTP_COOKIE": cookies,
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": sys.stderr,
        "wsgi.version": (1, 0),
        "wsgi.multithread": False,
        "wsgi.multiprocess": False,
        "wsgi.run_once": False,
    }


def get(app, path, query=""):
    """(status, body) of one GET through the WSGI application."""
    answer = {}

    def start_response(status, headers, exc_info=None):
        answer["status"] = status
        return lambda data: None

    body = app(environ(path, query), start_response)
    try:
        data = b"".join(body)
    finally:
        if hasattr(body, "close"):
            body.close()
    return answer["status"], data


def published_courses(zope_conf_app, count=10):
    """Paths of published courses, as the catalog lists them to anyone."""
    import Zope2
    from zope.component.hooks import setSite

    app = Zope2.app()
    try:
        site = app.Plone
        setSite(site)
        brains = site.portal_catalog.unrestrictedSearchResults(
            portal_type="Course", review_state="published", sort_limit=count
        )
        return [brain.getPath() for brain in brains[:count]]
    finally:
        setSite(None)
        app._p_jar.close()


def pages(info, courses):
    """{name: [paths]} of the public pages, as the benchmark asks them."""
    return {
        "front_page": ["/Plone/en"],
        "organisations_html": [f"/Plone/en/@@certified-organisations?country={info['country']}"],
        "organisation_page": [f"/Plone/{path}" for path in info["sample_organisations"]],
        "course_page": courses,
        "verify_page": [f"/Plone/verify/{code}" for code in info["sample_codes"][:20]],
        "statistics_page": ["/Plone/en/@@statistics"],
        "document": ["/Plone/en/about"],
    }


FRESH = itertools.count()


def measure(app, paths, count, profiler=None):
    """CPU ms of ``count`` requests, the paths in turn, each with a query
    string never asked before (plone.app.caching's RAM cache would answer)."""
    figures = []
    for turn in range(count):
        number = next(FRESH)
        path, _, query = paths[turn % len(paths)].partition("?")
        query = f"{query}&bench={number}" if query else f"bench={number}"
        started = time.process_time()
        if profiler is not None:
            profiler.enable()
        status, body = get(app, path, query)
        if profiler is not None:
            profiler.disable()
        figures.append((time.process_time() - started) * 1000)
        if not status.startswith("200"):
            raise RuntimeError(f"{path}: {status}")
    return figures


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m scripts.bench.pages", description=__doc__)
    parser.add_argument("--scale", default="small")
    parser.add_argument("-n", type=int, default=40, help="requests per page (and as many warm-up)")
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--sort", default="tottime")
    parser.add_argument("--lines", type=int, default=40)
    parser.add_argument("--only", nargs="*", default=None)
    parser.add_argument("--callers", help="with --profile: who calls the functions matching this")
    parser.add_argument("--json", help="write the medians to this file")
    args = parser.parse_args(argv)

    env = run.environment(args.scale, 18200)
    etc = run.write_configuration(args.scale, env)
    info = run.ensure_data(args.scale, etc, env)
    app = wsgi_app(str(etc / "zope.conf"))
    found = pages(info, published_courses(app))
    medians = {}
    for name, paths in found.items():
        if args.only and name not in args.only:
            continue
        measure(app, paths, args.n)  # warm: caches, templates, the object cache
        profiler = cProfile.Profile() if args.profile else None
        figures = measure(app, paths, args.n, profiler)
        medians[name] = round(statistics.median(figures), 1)
        print(
            f"{name:20} median {statistics.median(figures):6.1f} ms CPU,"
            f" lowest {min(figures):6.1f} ms ({len(figures)} requests, {paths[0]})",
            flush=True,
        )
        if profiler is not None:
            out = io.StringIO()
            stats = pstats.Stats(profiler, stream=out).sort_stats(args.sort)
            stats.print_stats(args.lines)
            if args.callers:
                stats.print_callers(args.callers)
            print(out.getvalue())
    if args.json:
        with open(args.json, "w") as handle:
            json.dump(medians, handle, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
