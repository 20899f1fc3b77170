"""The staff side of a report: workflow, deadlines, access, search, and the audit trail."""
