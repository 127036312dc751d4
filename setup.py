from pathlib import Path

from setuptools import find_namespace_packages
from setuptools import setup


def read(name):
    return Path(name).read_text(encoding="utf-8")


setup(
    name="qgis.certification",
    version="1.1.0.dev0",
    description="The web system that runs the QGIS Certification Programme, on Plone 6.2",
    long_description=read("README.md") + "\n\n" + read("CHANGELOG.md"),
    long_description_content_type="text/markdown",
    classifiers=[
        "Environment :: Web Environment",
        "Framework :: Plone",
        "Framework :: Plone :: 6.2",
        "Framework :: Plone :: Addon",
        "Programming Language :: Python :: 3.11",
        "License :: OSI Approved :: GNU General Public License v2 (GPLv2)",
    ],
    keywords="Plone QGIS certification training",
    author="The qgis.certification developers",
    url="https://github.com/qgis/qgis.certification",
    license="GPL version 2",
    packages=find_namespace_packages("src", include=["qgis.*"]),
    package_dir={"": "src"},
    include_package_data=True,
    zip_safe=False,
    python_requires=">=3.11",
    install_requires=[
        "Products.CMFPlone",
        "plone.api",
        "plone.restapi",
        "plone.app.dexterity",
        "plone.app.multilingual",
        "collective.easyform",
        "cryptography",
        "z3c.form",
        "Babel",
        "pycountry",
        "pypdf",
        "qrcode",
        "reportlab",
        "segno",
        "PyJWT",
        "stripe>=16,<17",
    ],
    extras_require={
        "test": [
            "plone.app.testing",
            "plone.testing",
            "pytest",
            "pytest-plone",
            "pytest-xdist",
            "aiosmtpd",
            "requests",
            "zxing-cpp",
            "playwright",
            "i18ndude",
            "towncrier",
            "hypothesis",
            "OWSLib",
        ],
        "relstorage": [
            "RelStorage",
            "psycopg2-binary",
        ],
    },
    entry_points={
        "z3c.autoinclude.plugin": ["target = plone"],
    },
)
