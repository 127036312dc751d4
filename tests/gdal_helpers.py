"""Reading the site as QGIS does, with GDAL's ``ogrinfo`` (Debian's ``gdal-bin``)."""

import subprocess


def ogrinfo(*args):
    """ogrinfo's report of a read-only data source; fails on GDAL's error."""
    result = subprocess.run(
        ["ogrinfo", "-ro", *args], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "ERROR" not in result.stderr, result.stderr
    return result.stdout


def read_titles(report):
    """The ``title`` of every feature in an ``ogrinfo -al`` report, in order."""
    prefix = "title (String) = "
    return [line.strip()[len(prefix) :] for line in report.splitlines() if prefix in line]
