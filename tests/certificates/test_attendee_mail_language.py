"""An attendee has no account: the mail with their certificate (subject, body,
Open Badge links, signature) is written wholly in the course's language, for
each of the nine languages certificates are shipped in, and wholly in English
for a course in a language the site's messages lack; the data link follows the
language of the attendee's courses."""

import re

import pytest
import transaction
from builders import certified_course
from builders import top_up
from mail_helpers import parsed
from plone import api

from qgis.certification.certificates import documents
from qgis.certification.certificates import issuing
from qgis.certification.certificates import wording
from qgis.certification.certificates.shipped_wording import SHIPPED_WORDING
from qgis.certification.pdf.wording import CertificateWording
from qgis.certification.privacy import links


# language: the subject's start, a sentence of the body, the Open Badge line, the signature
MAILS = {
    "en": (
        "Your QGIS certificate: ",
        "Anyone can check it at",
        "- Download as Open Badge: ",
        "QGIS Certification Programme",
    ),
    "ro": (
        "Certificatul dumneavoastră QGIS: ",
        "Oricine îl poate verifica la",
        "- Descărcați ca Open Badge: ",
        "Programul de certificare QGIS",
    ),
    "sv": (
        "Ditt QGIS-certifikat: ",
        "Vem som helst kan kontrollera det på",
        "- Ladda ned som Open Badge: ",
        "QGIS certifieringsprogram",
    ),
    "de": (
        "Ihr QGIS-Zertifikat: ",
        "Seine Echtheit kann jederzeit unter",
        "- Als Open Badge herunterladen: ",
        "QGIS-Zertifizierungsprogramm",
    ),
    "fr": (
        "Votre certificat QGIS\u00a0: ",
        "Tout le monde peut en vérifier l’authenticité",
        "- Télécharger l’Open Badge\u00a0: ",
        "Programme de certification QGIS",
    ),
    "es": (
        "Su certificado QGIS: ",
        "Cualquier persona puede comprobar su autenticidad en",
        "- Descargar como Open Badge: ",
        "Programa de certificación QGIS",
    ),
    "pt": (
        "O seu certificado QGIS: ",
        "Qualquer pessoa pode confirmar a sua autenticidade em",
        "- Descarregar como Open Badge: ",
        "Programa de Certificação QGIS",
    ),
    "it": (
        "Il Suo attestato QGIS: ",
        "Chiunque può verificarne l’autenticità",
        "- Scarica come Open Badge: ",
        "Programma di certificazione QGIS",
    ),
    "ja": (
        "QGIS証明書のお知らせ：",
        "証明書の真正性は、どなたでも",
        "- Open Badgeとしてダウンロード：",
        "QGIS認定プログラム",
    ),
}
DATA_SUBJECTS = {
    "de": "Ihre Daten im QGIS-Zertifizierungsprogramm",
    "ja": "QGIS認定プログラムが保有するお客様のデータ",
    "sv": "Dina uppgifter i QGIS certifieringsprogram",
}
PLACEHOLDER_OR_LINE = re.compile(r"\$\{\w+\}|\n")


def english_sentences():
    """The English mail's own words: its texts cut at the values put into them."""
    texts = (
        str(documents.CERTIFICATE_MAIL_SUBJECT),
        documents.CERTIFICATE_MAIL_BODY.default,
        documents.CERTIFICATE_MAIL_BADGE.default,
    )
    pieces = (piece.strip(" ,:-()") for text in texts for piece in PLACEHOLDER_OR_LINE.split(text))
    return sorted({piece for piece in pieces if re.search(r"[A-Za-z]{3}", piece)})


def mailed_certificate(site, language):
    """(subject, body) of the certificate mail of an attendee of a course in ``language``."""
    organisation, course, _people = certified_course(site)
    course.course_language = language
    top_up(organisation, 3)
    with api.env.adopt_user(username="owner"):
        certificates, _balance = issuing.issue_certificates(course, "all", "completion", "owner")
    before = len(site.MailHost.messages)
    sent, failed = documents.mail_certificates(certificates[:1])
    transaction.commit()
    assert len(sent) == 1
    assert not failed
    (message,) = parsed(site.MailHost.messages[before:])
    return message["Subject"], message.get_body(("plain",)).get_content()


def test_the_english_sentences_are_the_mails_words():
    assert "your official QGIS certificate for the course" in english_sentences()
    assert "Add to LinkedIn profile" in english_sentences()
    assert "QGIS Certification Programme" in english_sentences()


@pytest.mark.parametrize("language", sorted(MAILS))
def test_the_certificate_mail_speaks_the_course_language_wholly(site, language):
    assert language in SHIPPED_WORDING
    subject, body = mailed_certificate(site, language)
    start, sentence, badge_line, signature = MAILS[language]
    assert subject.startswith(start)
    for text in (sentence, badge_line, f"\n-- \n{signature}"):
        assert text in body
    english = [text for text in english_sentences() if text in subject or text in body]
    if language == "en":
        assert english == english_sentences()
    else:
        assert english == [], f"English left in the {language} mail"


def test_every_shipped_language_has_its_mail():
    assert sorted(MAILS) == sorted(SHIPPED_WORDING)


def test_a_course_in_a_language_without_messages_gets_a_wholly_english_mail(site):
    proxy = wording.add_language("pl")
    for name in CertificateWording.text_names():
        setattr(proxy, name, f"[pl] {SHIPPED_WORDING['en'][name]}")
    subject, body = mailed_certificate(site, "pl")
    assert subject.startswith(MAILS["en"][0])
    assert all(text in subject or text in body for text in english_sentences())


@pytest.mark.parametrize(
    ("course_languages", "page_language", "expected"),
    [(("de",), "en", "de"), (("ja", "ja"), "ro", "ja"), (("de", "fr"), "sv", "sv")],
)
def test_the_data_link_follows_the_attendees_courses(
    site, course_languages, page_language, expected
):
    address = "k7q.holder@mailbox.example"
    for number, language in enumerate(course_languages):
        attendees = (("Zoltana", "Quennerby", address),)
        _organisation, course, _people = certified_course(
            site, title=f"Academy {number}", attendees=attendees
        )
        course.course_language = language
    before = len(site.MailHost.messages)
    links.request_link(address, page_language)
    transaction.commit()
    (message,) = parsed(site.MailHost.messages[before:])
    assert message["Subject"] == DATA_SUBJECTS[expected]
