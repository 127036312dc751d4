The address printed on a certificate, in its QR code and in the mail that sends it now opens the verification page in the certificate's language (`/sv/verify/<code>`) when the site speaks it.
