"""plone.app.caching's RAM cache, for answers up to ``MAX_BYTES``.

plone.app.caching keeps an anonymous answer in RAM under its address, query
string included, up to a number of entries. A feed of every past course is
megabytes: a visitor who asks for it with ever new query strings would fill the
process's memory with copies (about 2 GB in the benchmark). The feeds are kept
ready in the process anyway (``public/ready_answers.py``), so a large answer
gains nothing from the RAM cache: it is served, revalidated by ETag and purged
as before, just not copied into RAM.
"""

from plone.app.caching.interfaces import IRAMCached
from plone.app.caching.operations.ramcache import Store
from plone.app.caching.operations.utils import storeResponseInRAMCache


MAX_BYTES = 256 * 1024


class BoundedStore(Store):
    """The transform that stores a cached answer, for answers of at most
    ``MAX_BYTES`` (registered for the product's layer under Plone's name)."""

    def _storing(self):
        return self.responseIsSuccess() and IRAMCached.providedBy(self.request)

    def _store(self, body):
        if len(body) <= MAX_BYTES:
            storeResponseInRAMCache(self.request, self.request.response, body)

    def transformUnicode(self, result, encoding):
        if self._storing():
            self._store(result.encode(encoding))

    def transformBytes(self, result, encoding):
        if self._storing():
            self._store(result)

    def transformIterable(self, result, encoding):
        if not self._storing():
            return None
        body = b"".join(result)
        self._store(body)
        return body
