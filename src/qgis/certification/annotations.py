"""Data the product keeps in an object's annotations, under its own keys."""

from zope.annotation.interfaces import IAnnotations


def stored(context, key, factory, create=False):
    """What ``context`` keeps under ``key``. When there is nothing yet, ``create``
    stores a new ``factory()`` there; without it an empty dict is read instead,
    and nothing is written (reading never changes the object)."""
    annotations = IAnnotations(context)
    if key not in annotations and create:
        annotations[key] = factory()
    return annotations.get(key, {})
