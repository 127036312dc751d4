"""Certified QGIS trainers: a certified organisation nominates one of its
conveners (``nomination``) with evidence (``evidence``); the certification
team reviews; an approved trainer holds a trainer certificate
(``certificate``) for a period (``validity``), is reminded before it lapses
and may renew it; certified trainers are listed (``directory``)."""

# the trainer certificate's Open Badges award (``credentials``) is registered on import
from qgis.certification.trainers import credentials  # noqa: E402, F401
