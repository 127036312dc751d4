"""The instance's WSGI server settings (instance/templates/zope.ini.in), as
waitress reads them: answers up to 16 MB (the past courses' feed is several)
are sent from memory, not copied into a temporary file first."""

import configparser

from waitress.adjustments import Adjustments

from scripts import make_instance


def server_section(tmp_path):
    values = make_instance.settings({"DATA_DIR": str(tmp_path / "var"), "ZOPE_THREADS": "3"})
    parser = configparser.ConfigParser(interpolation=None)
    parser.read_string(make_instance.render("zope.ini.in", values))
    return dict(parser["server:main"])


def test_large_answers_are_sent_from_memory(tmp_path):
    server = server_section(tmp_path)
    server.pop("use")

    adjustments = Adjustments(**server)

    assert adjustments.outbuf_overflow == 16 * 1024 * 1024
    assert adjustments.threads == 3
