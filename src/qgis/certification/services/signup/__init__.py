"""REST: signing up with the anonymous ``POST @users``."""
