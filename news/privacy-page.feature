A privacy page in English, Romanian and Swedish says what the programme keeps, why, for how long, and how to ask for it or for its erasure.
