"""What the caching tests ask for (Accept headers)."""

HTML = "text/html"
JSON = "application/json"
CALENDAR = "text/calendar"
