"""Protection that holds for every request to the site, whichever view or
service answers it (as opposed to the permission checks of each service)."""
