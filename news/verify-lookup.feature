`@verify/<code>` and the verification page find a code with one lookup in the code's index and read only the certificate's own type, without a catalog search.
