"""Which workflow steps to offer: a step the programme's rules would refuse now
is not offered as if it could be done; the form says why instead."""

from qgis.certification.application import transitions
from qgis.certification.content.organisation import ICertifyingOrganisation
from qgis.certification.content.trainer import ITrainerNomination
from qgis.certification.trainers import nomination as trainer_rules


# stands for the comment a form asks for at the same time, so that only the
# rules about the item itself are asked
ANY_COMMENT = "…"


def _trainer_refusal(nomination, transition):
    try:
        trainer_rules.check_transition(nomination, transition, ANY_COMMENT)
    except trainer_rules.TrainerRefusal as refused:
        return refused.message
    return None


def refusal(context, transition):
    """None when ``transition`` would pass the rules now; otherwise why not."""
    if ICertifyingOrganisation.providedBy(context):
        return transitions.refusal(context, transition)
    if ITrainerNomination.providedBy(context):
        return _trainer_refusal(context, transition)
    return None
