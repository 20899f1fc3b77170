"""Respondents of a case, the notice to them and its service, and documents shared both ways."""
