Attendee records that never received a certificate are removed 24 months (a setting, Site Setup → *QGIS certification: privacy*) after their course ended, by the daily `make review-deadlines` run.
