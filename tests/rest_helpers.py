"""Helpers for the tests that talk to the server over REST."""


def error_message(response):
    """The message of a JSON error: plone.restapi services answer
    ``{"error": {...}}``, its error views ``{"type", "message"}``."""
    assert response.headers.get("Content-Type", "").startswith("application/json"), (
        response.status_code,
        response.headers.get("Content-Type"),
        response.text[:300],
    )
    body = response.json()
    error = body.get("error", body)
    message = error.get("message")
    assert message, body
    return str(message)
