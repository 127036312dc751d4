"""Signing up: a visitor creates their own account (Plone's registration with
e-mail validation), through the registration form or the anonymous
``POST @users``. ``rules`` holds what both refuse, ``rate_limit`` the
per-address bound, ``mails`` the mail with the link that sets the password,
``landing`` where a new account starts."""
