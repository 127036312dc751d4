`make changelog` builds `CHANGELOG.md` with towncrier from the fragments in `news/`; the 1.0.0 section summarises the first release.
