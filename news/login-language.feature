Logging in switches the site to the language chosen in one's personal preferences (English, Romanian or Swedish), the same language the site's mails to that person are written in.
