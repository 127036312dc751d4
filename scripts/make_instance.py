"""Generate instance/etc/ (zope.conf, zope.ini, site.zcml) from instance/templates/.

Reads HOST, PORT, DATA_DIR, MAIL_DIR, ZOPE_THREADS and DEBUG_MODE from the
environment, so the same templates serve the demo and a production deployment.
Run at every install and start: the generated files are never edited by hand.
"""

import os
import sys
from pathlib import Path
from string import Template


ROOT = Path(__file__).resolve().parent.parent
INSTANCE = ROOT / "instance"
TEMPLATES = INSTANCE / "templates"
SITE_ZCML = """<configure
    xmlns="http://namespaces.zope.org/zope"
    xmlns:meta="http://namespaces.zope.org/meta"
    xmlns:five="http://namespaces.zope.org/five">
  <include package="Zope2.App" />
  <include package="Products.Five" />
  <meta:redefinePermission from="zope2.Public" to="zope.Public" />
  <five:loadProducts file="meta.zcml" />
  <five:loadProducts />
  <five:loadProductsOverrides />
  <!-- qgis.certification is loaded by plone.autoinclude (its entry point). -->
  <securityPolicy component="AccessControl.security.SecurityPolicy" />
</configure>
"""


def fail(message):
    print(f"make_instance: {message}", file=sys.stderr)
    raise SystemExit(2)


def settings(environ):
    port = environ.get("PORT", "8080")
    if not port.isdigit() or not 0 < int(port) < 65536:
        fail(f"PORT must be a number between 1 and 65535, not {port!r}")
    threads = environ.get("ZOPE_THREADS", "4")
    if not threads.isdigit() or int(threads) < 1:
        fail(f"ZOPE_THREADS must be a positive number, not {threads!r}")
    data_dir = Path(environ.get("DATA_DIR") or INSTANCE / "var").resolve()
    mail_dir = Path(environ.get("MAIL_DIR") or data_dir / "mail").resolve()
    return {
        "instance_dir": str(INSTANCE),
        "data_dir": str(data_dir),
        "mail_dir": str(mail_dir),
        "log_dir": str(data_dir / "log"),
        "host": environ.get("HOST", "127.0.0.1"),
        "port": port,
        "threads": threads,
        "debug_mode": "on" if environ.get("DEBUG_MODE", "") in ("1", "on") else "off",
    }


def render(name, values):
    return Template((TEMPLATES / name).read_text()).substitute(values)


def main(environ=os.environ):
    values = settings(environ)
    data_dir = Path(values["data_dir"])
    for folder in ("filestorage", "blobstorage", "log", "cache"):
        try:
            (data_dir / folder).mkdir(parents=True, exist_ok=True)
        except OSError as error:
            fail(f"cannot create the data folder {data_dir / folder}: {error.strerror}")
    (data_dir / "blobstorage").chmod(0o700)
    values["storage"] = render("storage-filestorage.conf.in", values)
    etc = INSTANCE / "etc"
    etc.mkdir(exist_ok=True)
    (etc / "zope.conf").write_text(render("zope.conf.in", values))
    (etc / "zope.ini").write_text(render("zope.ini.in", values))
    (etc / "site.zcml").write_text(SITE_ZCML)
    print(f"instance: configuration in {etc}, data in {data_dir}")


if __name__ == "__main__":
    main()
