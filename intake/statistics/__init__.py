"""Supervisors' reports: figures computed in SQL, charts, and exports that leave people out."""
