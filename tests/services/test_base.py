"""The services' base, unit by unit: the field specs, the body parsing and the
one error shape, without a site."""

import pytest
from zope.i18n import translate
from zope.i18n.interfaces import IUserPreferredLanguages
from zope.interface import implementer

from qgis.certification import _
from qgis.certification.services.base import Field
from qgis.certification.services.base import ProductService
from qgis.certification.services.base import ServiceError
from qgis.certification.services.base import error_body
from qgis.certification.services.base import parse_json_object
from qgis.certification.services.base import read_fields


def refusal(field, data):
    with pytest.raises(ServiceError) as caught:
        field.read(data)
    assert caught.value.status == 400
    assert [name for name, _message in caught.value.errors] == [field.name]
    return translate(caught.value.message)


# -- fields -----------------------------------------------------------------------------


@pytest.mark.parametrize("value", [["a"], {"a": 1}, 5, 1.5, True])
def test_text_refuses_other_json_types(value):
    assert refusal(Field("comment", str), {"comment": value}) == "'comment' must be text."


def test_text_is_stripped_and_blank_text_is_missing():
    field = Field("comment", str, required=True)
    assert field.read({"comment": "  Why not.  "}) == "Why not."
    assert refusal(field, {"comment": "   "}) == "'comment' is required."
    assert refusal(field, {"comment": None}) == "'comment' is required."
    assert refusal(field, {}) == "'comment' is required."
    assert Field("comment", str, default="").read({"comment": "  "}) == ""


@pytest.mark.parametrize(
    ("value", "fits"), [(3, True), (True, False), (3.0, False), ("3", False), ([3], False)]
)
def test_a_whole_number_is_neither_a_boolean_nor_a_fraction(value, fits):
    field = Field("credits", int)
    if fits:
        assert field.read({"credits": value}) == value
    else:
        assert refusal(field, {"credits": value}) == "'credits' must be a whole number."


def test_a_number_takes_whole_numbers_but_not_booleans():
    field = Field("latitude", float)
    assert field.read({"latitude": 46}) == 46
    assert field.read({"latitude": 46.5}) == 46.5
    assert refusal(field, {"latitude": False}) == "'latitude' must be a number."


def test_a_boolean_is_only_true_or_false():
    field = Field("refund", bool, default=False)
    assert field.read({}) is False
    assert field.read({"refund": True}) is True
    assert refusal(field, {"refund": 1}) == "'refund' must be true or false."
    assert refusal(field, {"refund": "yes"}) == "'refund' must be true or false."


def test_bounds_and_choices():
    field = Field("b_size", int, minimum=1, maximum=100)
    assert field.read({"b_size": 100}) == 100
    assert refusal(field, {"b_size": 0}) == "'b_size' must be a whole number from 1 to 100."
    assert refusal(Field("b_start", int, minimum=0), {"b_start": -1}) == (
        "'b_start' must be a whole number, 0 or more."
    )
    choice = Field("when", str, choices=("upcoming", "past"))
    assert choice.read({"when": " past "}) == "past"
    assert refusal(choice, {"when": "later"}) == "'when' must be one of: upcoming, past."


def test_list_items_and_several_types_are_said_in_the_services_words():
    which = _("'attendees' must be \"all\" or a list of attendee UIDs.")
    field = Field("attendees", (str, list), items=str, required=True, message=which)
    assert field.read({"attendees": "all"}) == "all"
    assert field.read({"attendees": ["a", "b"]}) == ["a", "b"]
    for wrong in ({"attendees": [5]}, {"attendees": {"all": True}}, {}):
        assert refusal(field, wrong) == translate(which)
    with pytest.raises(TypeError):
        Field("attendees", (str, list))
    with pytest.raises(TypeError):
        Field("attendees", list, items=str)


def test_missing_says_what_is_required():
    field = Field("reason", str, required=True, missing=_("Say why."), message=_("Text, please."))
    assert refusal(field, {}) == "Say why."
    assert refusal(field, {"reason": 5}) == "Text, please."


# -- bodies -----------------------------------------------------------------------------


FIELDS = (Field("amount", int, required=True), Field("reason", str, required=True))


def test_a_body_gives_every_declared_field_and_nothing_else():
    values = read_fields(FIELDS + (Field("note", str),), {"amount": 2, "reason": "x", "other": 1})
    assert values == {"amount": 2, "reason": "x", "note": None}


def test_every_field_at_fault_is_listed():
    with pytest.raises(ServiceError) as caught:
        read_fields(FIELDS, {"amount": "2", "reason": ["x"]})
    assert [name for name, _message in caught.value.errors] == ["amount", "reason"]
    assert translate(caught.value.message) == "Some fields are not valid: amount, reason."


def test_one_field_at_fault_is_the_message():
    with pytest.raises(ServiceError) as caught:
        read_fields(FIELDS, {"amount": 2})
    assert translate(caught.value.message) == "'reason' is required."


@pytest.mark.parametrize("text", ["{not json", "[1, 2]", '"text"', "5", "null", b"\xff\xfe"])
def test_a_body_that_is_not_a_json_object_is_refused(text):
    with pytest.raises(ServiceError) as caught:
        parse_json_object(text)
    assert caught.value.status == 400
    assert caught.value.errors == []
    assert translate(caught.value.message) == "The body must be a JSON object."


def test_an_empty_body_is_an_empty_object():
    assert parse_json_object("") == {}
    assert parse_json_object(None) == {}
    assert parse_json_object('{"a": [1]}') == {"a": [1]}


# -- the error shape --------------------------------------------------------------------


def test_the_error_shape_lists_the_fields():
    required = _("'${name}' is required.", mapping={"name": "reason"})
    body = error_body(None, 400, required, errors=[("reason", required)])
    assert body == {
        "error": {
            "type": "BadRequest",
            "message": "'reason' is required.",
            "errors": [{"field": "reason", "message": "'reason' is required."}],
            "field": "reason",
        }
    }


def test_an_error_without_a_field_has_an_empty_list_and_keeps_its_details():
    body = error_body(None, 402, "Not enough credits.", needed=3, balance=2)
    assert body == {
        "error": {
            "type": "PaymentRequired",
            "message": "Not enough credits.",
            "errors": [],
            "needed": 3,
            "balance": 2,
        }
    }
    assert error_body(None, 409, "Taken.")["error"]["type"] == "Conflict"
    assert error_body(None, 503, "Down.")["error"]["type"] == "ServiceUnavailable"
    assert error_body(None, 418, "Odd.")["error"]["type"] == "Error"


class Response:
    status = 200

    def setStatus(self, status):
        self.status = status


@implementer(IUserPreferredLanguages)
class Request:
    """A request in English whose body is ``body``."""

    def __init__(self, body):
        self.body = body
        self.response = Response()

    def get(self, name, default=None):
        return self.body if name == "BODY" else default

    def getPreferredLanguages(self):
        return ["en"]


class DomainRefusal(Exception):
    def __init__(self, status, message, **details):
        super().__init__(message)
        self.status, self.message, self.details = status, message, details


class Adjust(ProductService):
    fields = FIELDS
    refusals = (DomainRefusal,)

    def __init__(self, context, request):
        # As the service directive's view class does
        self.context, self.request = context, request

    def answer(self):
        data = self.body()
        if data["amount"] < 0:
            raise DomainRefusal(409, "Too few credits.", field="amount", balance=1)
        return data


def reply(body):
    request = Request(body)
    answer = Adjust(None, request).reply()
    return request.response.status, answer


def test_a_service_answers_its_body_or_the_error_shape():
    assert reply('{"amount": 2, "reason": " Gift "}') == (200, {"amount": 2, "reason": "Gift"})
    status, answer = reply('{"amount": [2], "reason": "Gift"}')
    assert status == 400
    assert answer["error"]["errors"] == [
        {"field": "amount", "message": "'amount' must be a whole number."}
    ]
    status, answer = reply("[2]")
    assert (status, answer["error"]["errors"]) == (400, [])


def test_a_domain_refusal_answers_the_same_shape_with_its_details():
    status, answer = reply('{"amount": -2, "reason": "Back"}')
    assert status == 409
    assert answer == {
        "error": {
            "type": "Conflict",
            "message": "Too few credits.",
            "errors": [{"field": "amount", "message": "Too few credits."}],
            "field": "amount",
            "balance": 1,
        }
    }
