A certified trainer's certificate is also an Open Badges credential: its code answers at `@credential/<code>` like an attendee's certificate, signed and verifiable.
