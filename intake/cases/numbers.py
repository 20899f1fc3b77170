"""Staff case numbers: sequential per year, "2026-00042"."""

from __future__ import annotations

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError

from ..extensions import db
from ..models import CaseCounter


def next_case_number(year: int) -> str:
    """Take the next number of `year` inside the current transaction.

    The UPDATE holds the counter's row lock until the transaction ends, so two reports filed at
    the same moment never share a number, on PostgreSQL or SQLite.
    """
    for _ in range(3):
        taken = db.session.execute(
            update(CaseCounter)
            .where(CaseCounter.year == year)
            .values(last=CaseCounter.last + 1)
            .returning(CaseCounter.last)
        ).scalar_one_or_none()
        if taken is not None:
            return f"{year}-{taken:05d}"
        try:
            with db.session.begin_nested():
                db.session.add(CaseCounter(year=year, last=0))
        except IntegrityError:
            pass  # Another transaction created the year's counter first: use it.
    raise RuntimeError("could not take a case number")
