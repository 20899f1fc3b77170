"""The formal complaint after acceptance: drafted by staff from the report (drafting), signed by
the resident online or on paper (signing), and kept as a PDF whose digest is stored (pdf)."""
