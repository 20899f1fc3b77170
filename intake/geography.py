"""The city's reporting geography: 77 community areas and 50 wards.

Community area names are proper names and are not translated.
"""

from __future__ import annotations

COMMUNITY_AREAS: tuple[str, ...] = (
    "Rogers Park",
    "West Ridge",
    "Uptown",
    "Lincoln Square",
    "North Center",
    "Lake View",
    "Lincoln Park",
    "Near North Side",
    "Edison Park",
    "Norwood Park",
    "Jefferson Park",
    "Forest Glen",
    "North Park",
    "Albany Park",
    "Portage Park",
    "Irving Park",
    "Dunning",
    "Montclare",
    "Belmont Cragin",
    "Hermosa",
    "Avondale",
    "Logan Square",
    "Humboldt Park",
    "West Town",
    "Austin",
    "West Garfield Park",
    "East Garfield Park",
    "Near West Side",
    "North Lawndale",
    "South Lawndale",
    "Lower West Side",
    "Loop",
    "Near South Side",
    "Armour Square",
    "Douglas",
    "Oakland",
    "Fuller Park",
    "Grand Boulevard",
    "Kenwood",
    "Washington Park",
    "Hyde Park",
    "Woodlawn",
    "South Shore",
    "Chatham",
    "Avalon Park",
    "South Chicago",
    "Burnside",
    "Calumet Heights",
    "Roseland",
    "Pullman",
    "South Deering",
    "East Side",
    "West Pullman",
    "Riverdale",
    "Hegewisch",
    "Garfield Ridge",
    "Archer Heights",
    "Brighton Park",
    "McKinley Park",
    "Bridgeport",
    "New City",
    "West Elsdon",
    "Gage Park",
    "Clearing",
    "West Lawn",
    "Chicago Lawn",
    "West Englewood",
    "Englewood",
    "Greater Grand Crossing",
    "Ashburn",
    "Auburn Gresham",
    "Beverly",
    "Washington Heights",
    "Mount Greenwood",
    "Morgan Park",
    "O'Hare",
    "Edgewater",
)

WARD_COUNT = 50


def community_area_choices() -> list[tuple[str, str]]:
    """(number, name) pairs in alphabetical order, as people look for their neighbourhood."""
    numbered = [(str(i), name) for i, name in enumerate(COMMUNITY_AREAS, start=1)]
    return sorted(numbered, key=lambda pair: pair[1])


def community_area_name(number: int | None) -> str:
    """The name of community area `number`, or an empty string."""
    if number is None or not 1 <= number <= len(COMMUNITY_AREAS):
        return ""
    return COMMUNITY_AREAS[number - 1]


def ward_choices() -> list[tuple[str, str]]:
    """(number, number) pairs for the 50 wards."""
    return [(str(i), str(i)) for i in range(1, WARD_COUNT + 1)]
