"""1001 -> 1002.

Certified trainers (``trainers.py``): the TrainerNomination type, its workflow
and permissions, the catalog indexes of the directory, the trainer settings.
"""

from qgis.certification.upgrades.v1002.trainers import index_trainer_data  # noqa: F401
from qgis.certification.upgrades.v1002.trainers import map_organisation_permissions  # noqa: F401
from qgis.certification.upgrades.v1002.trainers import register_trainer_settings  # noqa: F401
