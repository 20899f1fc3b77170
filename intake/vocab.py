"""The controlled vocabularies of DOMAIN.md, in one place.

Each vocabulary is an ordered list of terms: a stable code stored in the database, and a label shown
in the resident's language. Adding a term is a change here (and a translation); codes are never
renamed once reports use them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from flask_babel import lazy_gettext as _l
from flask_babel.speaklater import LazyString

from . import roles, statuses
from .bidi import ltr


@dataclass(frozen=True)
class Term:
    """One entry of a vocabulary."""

    code: str
    label: LazyString | str
    # For housing complaints some protected classes do not apply (Fair Housing Ordinance).
    not_for: frozenset[str] = field(default_factory=frozenset)
    nibrs: tuple[str, ...] = ()


def choices(terms: tuple[Term, ...]) -> list[tuple[str, LazyString | str]]:
    """WTForms choices for a vocabulary."""
    return [(term.code, term.label) for term in terms]


def label(terms: tuple[Term, ...], code: str | None) -> LazyString | str:
    """The label of `code`, or the code itself when the vocabulary no longer has it."""
    for term in terms:
        if term.code == code:
            return term.label
    return code or ""


KINDS = (
    Term("discrimination", _l("I was treated unfairly (discrimination)")),
    Term("hate", _l("I was targeted because of who I am (a hate incident)")),
    Term("unsure", _l("I am not sure")),
)

# Short names for the same kinds, for headings and summaries.
KIND_NAMES = (
    Term("discrimination", _l("Discrimination")),
    Term("hate", _l("Hate incident")),
    Term("unsure", _l("Not sure yet")),
)

COVERED_AREAS = (
    Term("employment", _l("Work or applying for a job")),
    Term("housing", _l("Housing: renting, buying, or living in a home")),
    Term("public_accommodation", _l("A business, service, or public place")),
    Term("credit", _l("Credit, a loan, or banking")),
    Term("bonding", _l("Bonding (a bond for a job or a license)")),
    Term("city_services", _l("A City of Chicago service or program")),
    Term("other", _l("Somewhere else, or I am not sure")),
)

# In the order people think of them (who they are, their body and family, their situation, then
# what they did), not the English alphabet: the order holds in every language.
PROTECTED_CLASSES = (
    Term("race", _l("Race")),
    Term("color", _l("Color")),
    Term("ancestry", _l("Ancestry")),
    Term("national_origin", _l("National origin")),
    Term("religion", _l("Religion")),
    Term("sex", _l("Sex (including pregnancy and sexual harassment)")),
    Term("gender_identity", _l("Gender identity")),
    Term("sexual_orientation", _l("Sexual orientation")),
    Term("bodily_autonomy", _l("Bodily autonomy (reproductive health decisions)")),
    Term("age", _l("Age (over 40)")),
    Term("disability", _l("Disability")),
    Term("marital_status", _l("Marital status")),
    Term("parental_status", _l("Being a parent")),
    Term("military_status", _l("Military status")),
    Term("source_of_income", _l("Source of income (for example a housing voucher)")),
    Term("credit_history", _l("Credit history (at work only)"), not_for=frozenset({"housing"})),
    Term("criminal_history", _l("Criminal history (at work only)"), not_for=frozenset({"housing"})),
    Term("retaliation", _l("Retaliation for complaining")),
    Term("other", _l("Something else, or I am not sure")),
)

# NIBRS bias-motivation codes each category may map to; the first is the default for exports.
# Every list a resident chooses from is in an order of meaning (origin together, sex and gender
# together; words, then acts against a person, then property; home, out and about, places people
# go), never the English alphabet, which means nothing in the other languages.
BIAS_CATEGORIES = (
    Term(
        "race_ethnicity",
        _l("Race, ethnicity or ancestry"),
        nibrs=("33", "11", "12", "13", "14", "15", "16", "31", "32"),
    ),
    Term("national_origin", _l("National origin"), nibrs=("33",)),
    Term(
        "religion",
        _l("Religion"),
        nibrs=("25", "21", "22", "23", "24", "26", "27", "28", "29", "81", "82", "83", "84", "85"),
    ),
    Term("sex_gender", _l("Sex or gender"), nibrs=("62", "61")),
    Term("gender_identity", _l("Gender identity or gender expression"), nibrs=("71", "72")),
    Term("sexual_orientation", _l("Sexual orientation"), nibrs=("43", "41", "42", "44", "45")),
    Term("disability", _l("Disability"), nibrs=("51", "52")),
    Term("age", _l("Age")),
    Term("other", _l("Something else, or I am not sure"), nibrs=("99",)),
)

INCIDENT_TYPES = (
    Term("verbal", _l("Insults, slurs or harassment")),
    Term("threat", _l("A threat")),
    Term("online", _l("Online or written abuse")),
    Term("flyers", _l("Hateful flyers or symbols")),
    Term("spitting", _l("Spitting or throwing things")),
    Term("assault", _l("Physical attack")),
    Term("vandalism", _l("Damage to property or graffiti")),
    Term("refused_service", _l("Refused service")),
    Term("other", _l("Something else")),
)

# Incident types that make a report urgent for staff.
VIOLENT_INCIDENT_TYPES = frozenset({"threat", "assault", "spitting"})

LOCATION_TYPES = (
    Term("home", _l("Home")),
    Term("street", _l("Street or sidewalk")),
    Term("transit", _l("Public transit")),
    Term("park", _l("Park")),
    Term("workplace", _l("Workplace")),
    Term("school", _l("School")),
    Term("store", _l("Store or restaurant")),
    Term("worship", _l("House of worship")),
    Term("government", _l("Government building")),
    Term("online", _l("Online")),
    Term("other", _l("Somewhere else")),
)

IN_CITY = (
    Term("yes", _l("Yes, in Chicago")),
    Term("no", _l("No, somewhere else")),
    Term("unsure", _l("I am not sure")),
)

RESPONDENT_TYPES = (
    Term("person", _l("A person")),
    Term("organization", _l("A company or organization")),
    Term("unknown", _l("I don't know")),
)

RESPONDENT_ROLES = (
    Term("employer", _l("Employer or someone at work")),
    Term("landlord", _l("Landlord or property manager")),
    Term("business", _l("A business or its staff")),
    Term("stranger", _l("A stranger")),
    Term("police", _l("Police")),
    Term("other", _l("Someone else")),
)

REPORTED_TO = (
    Term("police", _l("Police")),
    Term("agency", _l("Another agency or organization")),
    Term("none", _l("No, not yet")),
)

HELP_WANTED = (
    Term("investigate", _l("I want the commission to look into it")),
    Term("mediation", _l("I want help reaching an agreement (mediation)")),
    Term("support", _l("I want to talk to someone and get support")),
    Term("referral", _l("I want to know where else I can get help")),
    Term("record", _l("I only want it recorded")),
)

CONTACT_METHODS = (
    Term("email", _l("Email")),
    Term("phone", _l("Phone call")),
    Term("text", _l("Text message")),
    Term("mail", _l("Mail")),
)

YES_NO = (
    Term("yes", _l("Yes")),
    Term("no", _l("No")),
)

RECEIPT_KINDS = (
    Term("words", _l("Six words (easier to write down)")),
    Term("digits", _l("Sixteen numbers (easier on a phone keypad)")),
)

# How a report reached the commission. Staff choose it when they take a report down; the web
# form is "online". Codes never change: filters, exports and the summary count by them.
CHANNELS = (
    Term("online", _l("Online form")),
    Term("phone", _l("Phone")),
    Term("walk_in", _l("In person (walk-in)")),
    Term("mail", _l("Mail (paper form or letter)")),
    Term("email", _l("Email")),
    Term("police", _l("Referral from the police")),
    Term("city_311", _l("Referral from 311")),
    Term("community", _l("Referral from a community organization")),
    Term("agency", _l("Referral from another agency")),
)
# Channels whose report may carry the scanned or forwarded original.
CHANNELS_WITH_ORIGINAL = frozenset({"mail", "email", "police", "city_311", "community", "agency"})

# Who is making the report. When a question says "you", it means the person it happened to.
REPORTER_ROLES = (
    Term("self", _l("It happened to me")),
    Term("behalf", _l("I am reporting for someone it happened to")),
    Term("witness", _l("I saw or heard it happen (a witness)")),
)
# Short names, for the case page, filters and the summary.
REPORTER_ROLE_NAMES = (
    Term("self", _l("The person it happened to")),
    Term("behalf", _l("Someone on their behalf")),
    Term("witness", _l("A witness")),
)

REPORTER_RELATIONSHIPS = (
    Term("family", _l("Family member")),
    Term("friend", _l("Friend or neighbor")),
    Term("advocate", _l("Advocate or support worker")),
    Term("organization", _l("Community organization")),
    Term("lawyer", _l("Lawyer")),
    Term("other", _l("Someone else")),
)

AFFECTED_CONSENT = (
    Term("yes", _l("Yes, they know and agree")),
    Term("not_asked", _l("I have not been able to ask them yet")),
    Term("cannot", _l("They cannot decide for themselves (for example, a young child)")),
    Term("no", _l("No, they do not agree")),
)


# The multi-valued answers, stored one row per chosen term (ReportTerm), by vocabulary name.
MULTI_VOCABULARIES: dict[str, tuple[Term, ...]] = {
    "protected_class": PROTECTED_CLASSES,
    "bias_category": BIAS_CATEGORIES,
    "incident_type": INCIDENT_TYPES,
    "reported_to": REPORTED_TO,
    "help_wanted": HELP_WANTED,
}

# Staff vocabularies (staff pages are English-first but use the same catalogs).
ROLES = tuple(Term(role.name, role.label) for role in roles.ROLES)

STATUSES = tuple(Term(info.status.value, info.label) for info in statuses.TABLE)

CLOSURE_REASONS = (
    Term("settled", _l("Settled")),
    Term("withdrawn", _l("Withdrawn")),
    Term("no_substantial_evidence", _l("No substantial evidence")),
    Term("violation_found", _l("Substantial evidence / violation found")),
    Term("no_jurisdiction", _l("Lack of jurisdiction")),
    Term("untimely", _l("Untimely")),
    Term("failure_to_cooperate", _l("Failure to cooperate")),
    Term("referred_elsewhere", _l("Referred elsewhere")),
    Term("duplicate", _l("Duplicate")),
    Term("spam", _l("Spam")),
)

# Where screening refers a report that is outside the commission's jurisdiction (DOMAIN.md).
# Numbers stay out of the messages and are isolated (U+2066…U+2069), so that in Arabic or Urdu
# "(312) 814-6200" keeps its order inside a right-to-left sentence.
REFERRAL_AGENCIES = (
    Term("idhr", _l("Illinois Department of Human Rights %(phone)s", phone=ltr("(312) 814-6200"))),
    Term("eeoc", _l("U.S. EEOC %(phone)s", phone=ltr("1-800-669-4000"))),
    Term("hud", _l("U.S. HUD %(phone)s", phone=ltr("1-800-669-9777"))),
    Term("police", _l("Police")),
    Term("other", _l("Another agency")),
)
