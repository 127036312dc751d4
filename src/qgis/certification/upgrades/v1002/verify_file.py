"""1001 -> 1002, verifying a file: the catalog index of the certificate PDFs'
fingerprints.

The index starts empty: certificates handed out before the upgrade have no
recorded fingerprint (their files were rendered with a creation date, never
the same bytes twice); their next rendering is recorded.
"""

PROFILE = "profile-qgis.certification:default"


def add_fingerprint_index(setup_tool):
    # The catalog step adds the indexes that are missing and leaves the others
    # (and what they hold) as they are.
    setup_tool.runImportStepFromProfile(PROFILE, "catalog", run_dependencies=False, purge_old=False)
