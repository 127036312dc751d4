"""The certificates' REST services: issuing, correcting, revoking, verifying
and mailing certificates, importing attendees, and the organisation's own
certificate."""
