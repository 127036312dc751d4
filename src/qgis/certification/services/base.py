"""The base of the product's REST services: one way to read a JSON body and one
shape for every error.

A service declares the members of its body as ``Field`` specs; ``body()``
checks the JSON against them, so that malformed JSON, a body that is not an
object, a missing member or one of the wrong type answers HTTP 400 naming the
member, never a 500. Every error a service answers has the shape::

    {"error": {"type": "BadRequest", "message": "...",
               "errors": [{"field": "...", "message": "..."}]}}

``errors`` lists the members at fault (it is empty when the fault is not a
member's: an unknown code, a conflict...). When exactly one member is at
fault the error also carries ``"field"``, which clients read since before
``errors`` existed; refusals may add keys of their own (``balance``,
``needed``...). plone.restapi's own services answer ``{"error": {"type",
"message"}}`` the same way, with the status set on the response.
"""

import json

from plone.protect.interfaces import IDisableCSRFProtection
from plone.restapi.services import Service
from zope.i18n import translate
from zope.i18nmessageid import Message
from zope.interface import alsoProvides

from qgis.certification import _


ERROR_TYPES = {
    400: "BadRequest",
    402: "PaymentRequired",
    403: "Forbidden",
    404: "NotFound",
    409: "Conflict",
    429: "TooManyRequests",
    503: "ServiceUnavailable",
}

# How an error message says what a member should have been.
TYPE_NAMES = {
    str: _("text"),
    int: _("a whole number"),
    float: _("a number"),
    bool: _("true or false"),
    list: _("a list"),
    dict: _("a JSON object"),
}

NOT_AN_OBJECT = _("The body must be a JSON object.")


class ServiceError(Exception):
    """A refusal a service answers: ``status``, a ``message`` (a msgid or
    text), the ``errors`` of the members at fault as ``(field, message)``
    pairs, and extra keys for the error body in ``details``.

    ``field`` is the shorthand for one member at fault, said by ``message``."""

    def __init__(self, status, message, field=None, errors=(), **details):
        super().__init__(str(message))
        self.status = status
        self.message = message
        self.errors = list(errors) or ([(field, message)] if field else [])
        self.details = details


def fits(value, types):
    """Whether a JSON value is of one of the Python ``types``: a boolean is
    not a number, a whole number is a number."""
    if isinstance(value, bool):
        return bool in types
    if isinstance(value, int) and float in types:
        return True
    return isinstance(value, types)


class Field:
    """A member of a JSON body (or a query parameter), checked by ``read``.

    ``types`` is a type or a tuple of them among str, int, float, bool, list and
    dict; ``items`` the type of a list's items. Text is stripped, and blank
    text counts as missing. ``minimum`` and ``maximum`` bound whole numbers;
    ``choices`` lists the values accepted. ``message`` replaces the generic
    message on a wrong value, ``missing`` the one on a missing required value
    (``message`` by default).
    """

    def __init__(
        self,
        name,
        types,
        *,
        required=False,
        default=None,
        items=None,
        minimum=None,
        maximum=None,
        choices=None,
        message=None,
        missing=None,
    ):
        self.name = name
        self.types = types if isinstance(types, tuple) else (types,)
        # Several types, or a list's items, are said best in the service's words.
        if (len(self.types) > 1 or items is not None) and message is None:
            raise TypeError(f"Field {name!r} needs a message saying what fits.")
        self.required = required
        self.default = default
        self.items = items
        self.minimum = minimum
        self.maximum = maximum
        self.choices = choices
        self.message = message
        self.missing = missing

    def read(self, data):
        """The member's value in ``data``, or its default; raises ServiceError."""
        value = data.get(self.name)
        if isinstance(value, str) and str in self.types:
            value = value.strip() or None
        if value is None:
            if self.required:
                required = _("'${name}' is required.", mapping=self.names)
                raise self.fault(self.missing or self.message or required)
            return self.default
        if not fits(value, self.types) or not self.items_fit(value):
            raise self.fault(self.message or self.expected())
        if self.choices is not None and value not in self.choices:
            raise self.fault(self.message or self.expected_choice())
        if not self.within_bounds(value):
            raise self.fault(self.message or self.expected_range())
        return value

    @property
    def names(self):
        return {"name": self.name}

    def fault(self, message):
        return ServiceError(400, message, field=self.name)

    def items_fit(self, value):
        if self.items is None or not isinstance(value, list):
            return True
        return all(fits(item, (self.items,)) for item in value)

    def within_bounds(self, value):
        if isinstance(value, bool) or not isinstance(value, int | float):
            return True
        too_small = self.minimum is not None and value < self.minimum
        return not too_small and not (self.maximum is not None and value > self.maximum)

    def expected(self):
        return _(
            "'${name}' must be ${expected}.",
            mapping={"name": self.name, "expected": TYPE_NAMES[self.types[0]]},
        )

    def expected_choice(self):
        choices = ", ".join(str(choice) for choice in self.choices)
        mapping = {**self.names, "choices": choices}
        return _("'${name}' must be one of: ${choices}.", mapping=mapping)

    def expected_range(self):
        mapping = {**self.names, "minimum": self.minimum, "maximum": self.maximum}
        if self.maximum is None:
            return _("'${name}' must be a whole number, ${minimum} or more.", mapping=mapping)
        return _("'${name}' must be a whole number from ${minimum} to ${maximum}.", mapping=mapping)


def read_fields(fields, data):
    """``data`` checked against ``fields``: a dict of every field's value.

    Raises one ServiceError listing every member at fault."""
    values, errors = {}, []
    for field in fields:
        try:
            values[field.name] = field.read(data)
        except ServiceError as fault:
            errors.extend(fault.errors)
    if len(errors) == 1:
        raise ServiceError(400, errors[0][1], field=errors[0][0])
    if errors:
        names = ", ".join(name for name, _message in errors)
        raise ServiceError(
            400, _("Some fields are not valid: ${names}.", mapping={"names": names}), errors=errors
        )
    return values


def parse_json_object(text):
    """The JSON object in ``text`` (an empty body is an empty object);
    raises ServiceError when it is not JSON or not an object."""
    try:
        data = json.loads(text or "{}")
    except (ValueError, TypeError) as error:
        raise ServiceError(400, NOT_AN_OBJECT) from error
    if not isinstance(data, dict):
        raise ServiceError(400, NOT_AN_OBJECT)
    return data


class ProductService(Service):
    """A service of this product: ``answer()`` returns the reply, and the
    refusals it raises (ServiceError, or a domain exception listed in
    ``refusals`` with ``status``, ``message`` and ``details``) answer as the
    one error shape."""

    #: The members of the JSON body, read by ``body()``.
    fields = ()
    #: Domain exceptions answered as errors: each has status, message, details.
    refusals = ()

    def reply(self):
        try:
            return self.answer()
        except (ServiceError, *self.refusals) as refusal:
            return self.refuse(refusal)

    def answer(self):
        raise NotImplementedError(f"{type(self).__name__} answers nothing")

    def body(self):
        """The JSON body checked against ``fields``: a dict of their values.

        A JSON API authenticated per request: CSRF tokens do not apply here,
        as for plone.restapi's own POST services."""
        alsoProvides(self.request, IDisableCSRFProtection)
        return read_fields(self.fields, parse_json_object(self.request.get("BODY")))

    def refuse(self, refusal):
        details = dict(refusal.details)
        errors = getattr(refusal, "errors", None)
        if errors is None:  # a domain refusal names its member in its details
            field = details.get("field")
            errors = [(field, refusal.message)] if field else []
        return self.error(refusal.status, refusal.message, errors=errors, **details)

    def error(self, status, message, errors=(), **details):
        """Set ``status`` and return the error body of ``message``."""
        self.request.response.setStatus(status)
        return error_body(self.request, status, message, errors, **details)


def error_body(request, status, message, errors=(), **details):
    """The one error shape, its messages translated for ``request``."""

    def text(message):
        return translate(message, context=request) if isinstance(message, Message) else message

    listed = [{"field": field, "message": text(said)} for field, said in errors]
    if len(listed) == 1:
        details.setdefault("field", listed[0]["field"])
    return {
        "error": {
            "type": ERROR_TYPES.get(status, "Error"),
            "message": text(message),
            "errors": listed,
            **details,
        }
    }
