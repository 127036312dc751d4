"""The application's REST services: user groups' opinions, the questionnaire
and the reviewers' checklist, and the daily deadline run."""
