"""What waits for each person ("my work"): what the catalog keeps of the
programme's content for it (``indexing``), and the sections a person's page
and ``@my-work`` show (``sections``), read from the catalog alone."""
