"""Staff sign-in: passwords, two-factor codes, sessions, and the guard in front of every page."""
