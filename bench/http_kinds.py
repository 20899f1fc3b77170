"""The request mix of bench/http_mix.py: every kind of staff request, with real ids and words.

A kind is a name and the URLs it cycles through (one case page kind visits several cases of the
same sort). The names are stable, so runs at different sizes compare kind by kind. Parameters are
the case list's own (intake/cases/queries.py CaseFilter, templates/staff/cases.html).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlencode

from sqlalchemy import func, select, text

from bench.http_report import SUMMARY_CSV
from intake import vocab
from intake.cases.queries import SORTS
from intake.extensions import db
from intake.models import Contact, Report, Staff, Tag

PER_PAGE = 25  # The case list's page size (STAFF_PAGE_SIZE's default).
LONG_TRAIL = 300
# Words and phrases a supervisor types: common and rare words, short Chinese words (below
# the trigram index's three characters), other scripts, and nothing that matches.
SEARCHES = (
    "landlord",
    "graffiti",
    "wheelchair ramp",
    "temple",
    "Pilsen",
    "voucher",
    "swim class",
    "senior lunch program",
    "房东",
    "歧视",
    "邻居",
    "me dijo que",
    "discriminación",
    "mieszkanie",
    "qqxzvw",
    "no such words here",
)


@dataclass(frozen=True)
class Kind:
    """One kind of request and the URLs it cycles through."""

    name: str
    urls: tuple[str, ...]


def _list(name: str, **args: str | int) -> Kind:
    return Kind(name, (f"/staff/cases?{urlencode(args)}",))


def _phrase(language: str) -> str:
    """Two words from the middle of a seeded narrative in `language` (a phrase that exists)."""
    story = db.session.scalar(
        select(Report.narrative).where(Report.language == language).order_by(Report.id).limit(1)
    )
    words = re.findall(r"\w+", story or "")
    middle = len(words) // 2
    return " ".join(words[middle : middle + 2]) or "x"


def _respondent_word() -> str:
    """A respondent's distinctive name word (searches look in the respondent's name too)."""
    names = db.session.scalars(
        select(Report.respondent_name).where(Report.respondent_name.is_not(None)).limit(50)
    )
    words = sorted({w for name in names for w in re.findall(r"[A-Z][a-z]{4,}", name or "")})
    return words[len(words) // 2] if words else "Kestrel"


def search_kinds() -> list[Kind]:
    """At least twenty searches: the fixed list, a name, Arabic and Spanish phrases from the
    data, a record number, a case number, the start of a record number."""
    number = db.session.execute(
        select(Report.record_number, Report.case_number).order_by(Report.id.desc()).limit(1)
    ).one()
    wanted = [
        *SEARCHES,
        _respondent_word(),
        _phrase("ar"),
        _phrase("es"),
        number.record_number,
        number.case_number,
        number.record_number[:7],
    ]
    return [Kind(f"search: {q}", (f"/staff/cases?{urlencode({'q': q})}",)) for q in wanted]


def long_trail_cases(limit: int = 10) -> list[int]:
    """Identified cases (a contact with an email: the duplicate check runs) with LONG_TRAIL+
    audit events."""
    counted = text(
        "SELECT report_id FROM audit_event WHERE report_id IS NOT NULL "
        "GROUP BY report_id HAVING count(*) >= :least"
    )
    ids = {row[0] for row in db.session.execute(counted, {"least": LONG_TRAIL})}
    with_email = select(Contact.report_id).where(
        Contact.report_id.in_(ids), Contact.email_hash.is_not(None)
    )
    return sorted(db.session.scalars(with_email))[:limit]


def fresh_anonymous_cases(limit: int = 10) -> list[int]:
    """The newest anonymous cases still waiting in triage."""
    query = (
        select(Report.id)
        .where(Report.anonymous.is_(True), Report.status == "new")
        .order_by(Report.id.desc())
        .limit(limit)
    )
    return list(db.session.scalars(query))


def filter_kinds() -> list[Kind]:
    """Every filter of the case list, one kind each, and a combined one."""
    first = {name: terms[0].code for name, terms in _term_filters().items()}
    tag = db.session.scalar(select(func.min(Tag.id))) or 1
    investigator = db.session.scalar(
        select(func.min(Staff.id)).where(Staff.email.like("investigator%"))
    )
    today = db.session.scalar(select(func.max(Report.received_on)))
    year = today.year if today else 2026
    kinds = [_list(f"filter: {name}={code}", **{name: code}) for name, code in first.items()]
    kinds += [
        _list("filter: status=new", status="new"),
        _list("filter: status=closed", status="closed"),
        _list("filter: language=es", language="es"),
        _list("filter: language=ar", language="ar"),
        _list("filter: channel=phone", channel="phone"),
        _list("filter: reporter_role=witness", reporter_role="witness"),
        _list("filter: interpreter=1", interpreter=1),
        _list("filter: community_area=24", community_area=24),
        _list("filter: ward=27", ward=27),
        _list("filter: anonymous=no", anonymous="no"),
        _list("filter: assignee=none", assignee="none"),
        _list("filter: assignee=investigator", assignee=investigator or 1),
        _list("filter: tag", tag=tag),
        _list("filter: overdue=1", overdue=1),
        _list("filter: due=week", due="week"),
        _list("filter: urgent=1", urgent=1),
        _list("filter: received this year", received_from=f"{year}-01-01"),
        _list(
            "filter: incident last year",
            incident_from=f"{year - 1}-01-01",
            incident_to=f"{year - 1}-12-31",
        ),  # fmt: skip
        _list("filter: hate, area 24, closed", kind="hate", community_area=24, status="closed"),
    ]
    return kinds


def _term_filters() -> dict[str, tuple[vocab.Term, ...]]:
    return {
        "kind": vocab.KIND_NAMES,
        "covered_area": vocab.COVERED_AREAS,
        "protected_class": vocab.PROTECTED_CLASSES,
        "bias_category": vocab.BIAS_CATEGORIES,
        "incident_type": vocab.INCIDENT_TYPES,
    }


def mix(cases: int, period: str) -> list[Kind]:
    """Every kind of the mix, for a database of `cases` cases."""
    last_page = max(1, -(-cases // PER_PAGE))
    kinds = [
        Kind("list: open cases (default)", ("/staff/cases",)),
        Kind("list: every case", ("/staff/cases?all=1",)),
        Kind("triage queue", ("/staff/triage",)),
        Kind("page 1", ("/staff/cases?all=1&page=1",)),
        Kind("page 200", ("/staff/cases?all=1&page=200",)),
        Kind("page last", (f"/staff/cases?all=1&page={last_page}",)),
    ]
    for key in SORTS:
        kinds += [_list(f"sort: {key}", sort=key), _list(f"sort: -{key}", sort=f"-{key}")]
    kinds += filter_kinds()
    kinds += search_kinds()
    long_trails, fresh = long_trail_cases(), fresh_anonymous_cases()
    if long_trails:
        kinds.append(
            Kind("case: identified, long trail", tuple(f"/staff/cases/{i}" for i in long_trails))
        )
    if fresh:
        kinds.append(Kind("case: fresh anonymous", tuple(f"/staff/cases/{i}" for i in fresh)))
    kinds.append(Kind("reports page", (f"/staff/reports?period={period}",)))
    kinds.append(Kind(SUMMARY_CSV, (f"/staff/reports/export.csv?period={period}",)))
    return kinds
