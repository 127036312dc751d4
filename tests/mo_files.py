"""Compile the translation catalogues (.po to .mo) before the xdist workers start.

The tests load the ZCML with ``zope_i18n_compile_mo_files`` set (as the instance
does), so the first ZCML load writes a .mo file beside every .po file of each
``i18n:registerTranslations`` folder whose .mo is missing or older: about 500 files
in a fresh checkout. Two workers loading the ZCML at the same moment would write
the same files together, and one could read a file the other is still writing.
Compiled here once, before any worker starts, the workers only read them.
"""

import re
import sysconfig
from pathlib import Path

from zope.i18n.compile import compile_mo_file


REGISTER = re.compile(r"<(?:\w+:)?registerTranslations\b[^>]*\bdirectory=\"([^\"]+)\"")
ROOT = Path(__file__).resolve().parents[1]


def translation_folders(roots):
    """Every folder a ZCML file under ``roots`` registers translations from."""
    for root in roots:
        for zcml in Path(root).rglob("*.zcml"):
            try:
                text = zcml.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue
            for directory in REGISTER.findall(text):
                yield (zcml.parent / directory).resolve()


def compile_catalogues(roots=None):
    """Compile each stale .mo file of the registered folders; the number compiled."""
    if roots is None:
        roots = [sysconfig.get_paths()["purelib"], ROOT / "src"]
    compiled = 0
    for folder in set(translation_folders(roots)):
        for po in folder.glob("*/LC_MESSAGES/*.po"):
            mo = po.with_suffix(".mo")
            if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
                continue
            compile_mo_file(po.stem, str(po.parent))
            compiled += 1
    return compiled
