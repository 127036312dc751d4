"""Generate instance/etc/ (zope.conf, zope.ini, site.zcml) from instance/templates/.

Reads HOST, PORT, DATA_DIR, MAIL_DIR, ZOPE_THREADS and DEBUG_MODE from the
environment, so the same templates serve the demo and a production deployment.
The storage is chosen the same way: ZODB_STORAGE=filestorage (the default) or
relstorage, which reads RELSTORAGE_DSN, RELSTORAGE_CACHE_MB and
RELSTORAGE_BLOB_CACHE_SIZE. Run at every install and start: the generated
files are never edited by hand. ``scripts/cluster.py`` uses ``settings`` and
``write_instance`` to configure each instance of a cluster.
"""

import os
import re
import sys
from pathlib import Path
from string import Template


ROOT = Path(__file__).resolve().parent.parent
INSTANCE = ROOT / "instance"
TEMPLATES = INSTANCE / "templates"
DEFAULT_DSN = "dbname=qgis_certification host=127.0.0.1 port=5432 user=postgres"
STORAGES = ("filestorage", "relstorage")
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


class ConfigurationError(Exception):
    """A setting that cannot work; the message says which and why."""


def fail(message):
    print(f"make_instance: {message}", file=sys.stderr)
    raise SystemExit(2)


def positive(environ, name, default):
    value = environ.get(name) or default
    if not value.isdigit() or int(value) < 1:
        raise ConfigurationError(f"{name} must be a positive whole number, not {value!r}")
    return value


def storage_settings(environ, data_dir):
    storage = (environ.get("ZODB_STORAGE") or "filestorage").strip().lower()
    if storage not in STORAGES:
        raise ConfigurationError(
            f"ZODB_STORAGE must be one of {', '.join(STORAGES)}, not {storage!r}"
        )
    dsn = " ".join((environ.get("RELSTORAGE_DSN") or DEFAULT_DSN).split())
    if storage == "relstorage" and "dbname=" not in dsn:
        raise ConfigurationError(f"RELSTORAGE_DSN must name the database (dbname=...), not {dsn!r}")
    blob_cache = environ.get("RELSTORAGE_BLOB_CACHE_SIZE") or "512mb"
    if not re.fullmatch(r"\d+(kb|mb|gb)?", blob_cache, re.IGNORECASE):
        raise ConfigurationError(
            f"RELSTORAGE_BLOB_CACHE_SIZE must be a size such as 512mb, not {blob_cache!r}"
        )
    return {
        "storage_kind": storage,
        # ZConfig substitutes $NAME in values: a literal dollar sign is doubled.
        "dsn": dsn.replace("$", "$$"),
        "cache_local_mb": positive(environ, "RELSTORAGE_CACHE_MB", "256"),
        "blob_cache_size": blob_cache,
        "blob_cache_dir": str(data_dir / "blobcache"),
    }


def settings(environ):
    """The values of the templates, checked; raises ConfigurationError."""
    port = environ.get("PORT", "8080")
    if not port.isdigit() or not 0 < int(port) < 65536:
        raise ConfigurationError(f"PORT must be a number between 1 and 65535, not {port!r}")
    threads = environ.get("ZOPE_THREADS", "4")
    if not threads.isdigit() or int(threads) < 1:
        raise ConfigurationError(f"ZOPE_THREADS must be a positive number, not {threads!r}")
    data_dir = Path(environ.get("DATA_DIR") or INSTANCE / "var").resolve()
    mail_dir = Path(environ.get("MAIL_DIR") or data_dir / "mail").resolve()
    return {
        "instance_dir": str(INSTANCE),
        "data_dir": str(data_dir),
        "mail_dir": str(mail_dir),
        "log_dir": str(data_dir / "log"),
        "pid_file": str(data_dir / "instance.pid"),
        "host": environ.get("HOST", "127.0.0.1"),
        "port": port,
        "threads": threads,
        "debug_mode": "on" if environ.get("DEBUG_MODE", "") in ("1", "on") else "off",
        **storage_settings(environ, data_dir),
    }


def render(name, values):
    return Template((TEMPLATES / name).read_text()).substitute(values)


def make_folders(values):
    data_dir = Path(values["data_dir"])
    folders = [data_dir / "cache", Path(values["log_dir"])]
    if values["storage_kind"] == "filestorage":
        folders += [data_dir / "filestorage", data_dir / "blobstorage"]
    else:
        folders.append(Path(values["blob_cache_dir"]))
    for folder in folders:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise ConfigurationError(
                f"cannot create the data folder {folder}: {error.strerror}"
            ) from error
    # ZODB refuses blob folders that others can read.
    for folder in (data_dir / "blobstorage", Path(values["blob_cache_dir"])):
        if folder.exists():
            folder.chmod(0o700)


def write_instance(values, etc):
    """Write zope.conf, zope.ini and site.zcml for ``values`` into ``etc``."""
    make_folders(values)
    values = dict(values)
    kind = values["storage_kind"]
    values["storage"] = render(f"storage-{kind}.conf.in", values)
    values["storage_import"] = "%import relstorage\n" if kind == "relstorage" else ""
    etc = Path(etc)
    etc.mkdir(parents=True, exist_ok=True)
    (etc / "zope.conf").write_text(render("zope.conf.in", values))
    (etc / "zope.ini").write_text(render("zope.ini.in", values))
    (etc / "site.zcml").write_text(SITE_ZCML)
    return etc


def main(environ=os.environ):
    try:
        values = settings(environ)
        etc = write_instance(values, INSTANCE / "etc")
    except ConfigurationError as error:
        fail(str(error))
    where = (
        values["data_dir"]
        if values["storage_kind"] == "filestorage"
        else f"PostgreSQL ({values['dsn']}), blob cache in {values['blob_cache_dir']}"
    )
    print(f"instance: configuration in {etc}, data in {where}")


if __name__ == "__main__":
    main()
