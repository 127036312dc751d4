"""The feed behind the search page's RSS link.

Plone's own ``search_rss`` answers only on the site root, lists the root's
children whatever was searched, and fails on its own template in this Plone
version; yet the search page links it from wherever the search was made. This
one lists what the search lists: the items under the navigation root that
match the words searched and the visitor may see, newest first, as RSS 2.0. A
bad page number reads as the first page.
"""

from email.utils import format_datetime
from xml.sax.saxutils import escape

from plone import api
from Products.Five.browser import BrowserView


ITEMS = 20

FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel>
<title>{title}</title><link>{link}</link><description>{description}</description>
<language>{language}</language>
{items}
</channel></rss>
"""

ITEM = """<item><title>{title}</title><link>{link}</link><guid>{link}</guid>
<description>{description}</description>{date}</item>"""


def whole_number(value):
    try:
        return max(int(value), 0)
    except (TypeError, ValueError):
        return 0


def words_searched(request):
    words = request.form.get("SearchableText")
    return words.strip() if isinstance(words, str) else ""


def item_xml(brain):
    effective = brain.effective
    date = ""
    if effective and effective.year() > 1900:
        date = f"<pubDate>{format_datetime(effective.asdatetime())}</pubDate>"
    return ITEM.format(
        title=escape(brain.Title or ""),
        link=escape(brain.getURL()),
        description=escape(brain.Description or ""),
        date=date,
    )


class SearchFeedView(BrowserView):
    def brains(self):
        words = words_searched(self.request)
        if not words:
            return []
        root = api.portal.get_navigation_root(self.context)
        start = whole_number(self.request.form.get("b_start"))
        found = api.content.find(
            path="/".join(root.getPhysicalPath()),
            SearchableText=words,
            sort_on="effective",
            sort_order="reverse",
            sort_limit=start + ITEMS,
        )
        return found[start : start + ITEMS]

    def __call__(self):
        root = api.portal.get_navigation_root(self.context)
        self.request.response.setHeader("Content-Type", "application/rss+xml; charset=utf-8")
        return FEED.format(
            title=escape(f"{root.Title()}: {words_searched(self.request)}"),
            link=escape(root.absolute_url()),
            description=escape(root.Description() or root.Title()),
            language=escape(api.portal.get_current_language(context=self.context)),
            items="\n".join(item_xml(brain) for brain in self.brains()),
        ).encode("utf-8")
