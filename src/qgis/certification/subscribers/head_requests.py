"""HEAD is published as GET, so that it answers with GET's status and headers.

Zope publishes HEAD through the WebDAV ``HEAD`` method, which folderish content
only answers when it has an ``index_html`` attribute: the site root, the language
folders and every organisation answered 404 where GET answered 200, and feeds and
views were not reached at all. GET never changes anything, and the WSGI server
sends no body in answer to HEAD (HTTP requires it; waitress drops it).

plone.rest decides on the same event whether a request goes to a REST service,
by method: it is asked again once the method is GET.
"""

from plone.rest.events import mark_as_api_request


def publish_head_as_get(event):
    request = event.request
    if request.environ.get("REQUEST_METHOD", "").upper() != "HEAD":
        return
    request.environ["REQUEST_METHOD"] = "GET"
    request.method = "GET"
    mark_as_api_request(request, request.getHeader("Accept", "text/html"))
