"""The programme's figures count organisations by the month they were first
certified: the workflow reindexes only its own variables, so the month is
indexed here when an organisation is certified."""


def organisation_certified(organisation, event):
    if event.new_state is not None and event.new_state.getId() == "published":
        organisation.reindexObject(idxs=["qgis_month"])
