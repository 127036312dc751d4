"""Which addresses may become a link (``safe_url``, ``safe_link``) and the
schema constraints built on them."""

import pytest

from qgis.certification.content.urls import UnsafeLink
from qgis.certification.content.urls import UnsafeURL
from qgis.certification.content.urls import is_link_target
from qgis.certification.content.urls import is_web_url
from qgis.certification.content.urls import safe_link
from qgis.certification.content.urls import safe_url


UNSAFE = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " JaVaScRiPt:alert(1)",
    "\tjavascript:alert(1)",
    "java\nscript:alert(1)",
    "java&#115;cript:alert(1)",
    "&#106;avascript:alert(1)",
    "javascript&colon;alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "DATA:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "VBScript:msgbox(1)",
    "ftp://files.example.org/qgis.zip",
    "file:///etc/passwd",
    "/relative/page",
    "relative/page",
    "//example.org/no-scheme",
    "example.org",
    "https:javascript:alert(1)",
    "http:/example.org",
    "https://",
    'https://example.org/"onmouseover="alert(1)',
    "https://example.org/<script>",
    "https://exa mple.org",
    "https://example.org/" + "a" * 2000,
    "mailto:office@example.org",
    "",
    None,
    42,
]

SAFE = [
    "https://example.org",
    "http://example.org/courses?id=3#top",
    "HTTPS://Example.org/Path",
    "https://user@example.org:8443/a_b-c~d/%20e",
    "https://en.wikipedia.org/wiki/Geographic_information_system's",
]


@pytest.mark.parametrize("value", UNSAFE)
def test_unsafe_urls_are_not_kept(value):
    assert safe_url(value) is None


@pytest.mark.parametrize("value", SAFE)
def test_web_addresses_are_kept(value):
    assert safe_url(value) == value


def test_surrounding_spaces_are_stripped():
    assert safe_url("  https://example.org  ") == "https://example.org"


@pytest.mark.parametrize("value", [item for item in UNSAFE if item and isinstance(item, str)])
def test_the_constraint_refuses_with_a_message(value):
    with pytest.raises(UnsafeURL) as refusal:
        is_web_url(value)
    assert "http://" in refusal.value.doc()


def test_the_constraint_accepts_web_addresses_and_nothing():
    assert is_web_url("https://example.org")
    assert is_web_url(None)
    assert is_web_url("")


@pytest.mark.parametrize(
    "value",
    [
        "https://example.org/exercises",
        "mailto:trainer@example.org",
        "${portal_url}/resolveuid/0123456789abcdef",
        "${navigation_root_url}/en/organisations",
    ],
)
def test_links_keep_web_mail_and_site_targets(value):
    assert safe_link(value) == value
    assert is_link_target(value)


@pytest.mark.parametrize(
    "value",
    [
        "javascript:alert(1)",
        " JaVaScRiPt:alert(1)",
        "data:text/html,hi",
        "vbscript:msgbox(1)",
        "ftp://example.org",
        "mailto:",
        "/relative",
        '${portal_url}/"><script>',
        "tel:+40123",
    ],
)
def test_links_refuse_other_targets(value):
    assert safe_link(value) is None
    with pytest.raises(UnsafeLink):
        is_link_target(value)
