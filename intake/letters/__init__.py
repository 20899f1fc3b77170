"""The letter library: templates staff start messages and printed letters from (issue 18)."""
