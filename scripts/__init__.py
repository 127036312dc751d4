"""The project's command-line tools, run as modules from the checkout's root:
``python -m scripts.<name>`` (the Makefile's targets do). ``create_site.py`` and
``review_deadlines.py`` are run by ``zconsole run`` as files."""
