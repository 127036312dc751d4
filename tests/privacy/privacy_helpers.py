"""Where a piece of personal data could still be: every current object of the
database, and every catalog index and metadata column."""

from collections import deque

from ZODB.serialize import referencesf
from ZODB.utils import z64


def pickles_holding(db, text):
    """The oids of the current objects, reachable from the database root,
    whose stored state holds ``text`` (as UTF-8, any case)."""
    needles = {text.encode(), text.lower().encode(), text.upper().encode()}
    storage = db.storage
    seen, found, queue = {z64}, [], deque([z64])
    while queue:
        oid = queue.popleft()
        data, _serial = storage.load(oid)
        if any(needle in data for needle in needles):
            found.append(oid)
        for ref in referencesf(data):
            if ref not in seen:
                seen.add(ref)
                queue.append(ref)
    return found


def _text_index_words(index):
    """The words each document of a ZCTextIndex holds now."""
    lexicon = index.getLexicon()
    words = set()
    for docid in index.index._docwords:
        words.update(lexicon.get_word(wid) for wid in index.index.get_words(docid))
    return words


def catalog_holding(catalog, text):
    """The catalog structures (metadata rows, indexes) that hold ``text``."""
    text = text.lower()
    found = []
    inner = catalog._catalog
    if any(text in repr(row).lower() for row in inner.data.values()):
        found.append("metadata")
    if any(text in path.lower() for path in inner.uids):
        found.append("paths")
    for name in inner.indexes:
        index = inner.getIndex(name)
        if hasattr(index, "getLexicon"):
            if any(text in word for word in _text_index_words(index)):
                found.append(name)
            continue
        values = [*getattr(index, "_index", {}).keys(), *getattr(index, "_unindex", {}).values()]
        if any(text in repr(value).lower() for value in values):
            found.append(name)
    return found
