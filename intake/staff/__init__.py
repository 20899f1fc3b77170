"""The staff workspace: triage queue, case list, case page, assignment, and staff accounts."""
