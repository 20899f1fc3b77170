"""Synthetic report narratives and respondents for the benchmark seeder.

Full-text search benchmarks need text whose words are spread like real reports: a search for
"landlord" or "graffiti" should match a few percent of cases, not nearly all of them. So each of
the ten languages has a bank of sentence templates, grouped by topic (housing, employment, public
places, city services; and for hate incidents: vandalism, the street and transit, places of
worship, online and neighbors). A narrative is an optional opening, two to four sentences from
one topic in story order, and an optional closing: two to six sentences in all.

Slots such as {street} or {landlord} are drawn once per narrative, on first use, so one account
names one street and one landlord throughout. Everything is invented: Chicago-like streets and
community areas, but no real people and no real businesses.

Speed matters (the seeder calls `narrative` up to a million times), so every combination of
topic sentences is joined into one format string at import, and a call is a handful of `rng`
draws and one `str.format_map`.

Templates in gendered languages (Polish, Ukrainian, Hindi, Urdu, Arabic, Spanish) avoid
first-person forms that show the writer's gender, so any template fits any writer.
"""

from __future__ import annotations

import itertools
import random
import string
from collections.abc import Mapping
from dataclasses import dataclass

Templates = tuple[str, ...]
Slots = Mapping[str, tuple[str, ...]]
# A topic, compiled: its sentences joined in story order, grouped by how many were taken.
_Topic = tuple[tuple[str, ...], ...]

FEWEST_TOPIC_SENTENCES = 2
MOST_TOPIC_SENTENCES = 4
OPENING_CHANCE = 0.75
CLOSING_CHANCE = 0.6
# An 'unsure' report often starts by saying so.
UNSURE_CHANCE = 0.5
RESPONDENT_CHANCE = 0.5


@dataclass(frozen=True)
class Language:
    """Sentence templates and the values for their {slots}, for one language."""

    slots: Slots
    openings: Templates
    closings: Templates
    unsure: Templates
    # One tuple of templates per topic, in the order a story would tell them.
    discrimination: tuple[Templates, ...]
    hate: tuple[Templates, ...]
    joiner: str = " "


def _values(text: str) -> tuple[str, ...]:
    """Slot values written as 'a | b | c'."""
    return tuple(value.strip() for value in text.split("|"))


# --------------------------------------------------------------------------------------------
# English: the richest bank, so that word frequencies look like real reports.
# --------------------------------------------------------------------------------------------

_EN_SLOTS: Slots = {
    "street": _values(
        "Cermak Road | 18th Street | Ashland Avenue | Western Avenue | Devon Avenue"
        " | Lawrence Avenue | Argyle Street | Kedzie Avenue | Pulaski Road | Milwaukee Avenue"
        " | Division Street | North Avenue | Clark Street | Broadway | Sheridan Road"
        " | Halsted Street | 79th Street | 87th Street | Cottage Grove Avenue | King Drive"
        " | Chicago Avenue | Madison Street | Roosevelt Road | Archer Avenue | Belmont Avenue"
        " | Fullerton Avenue | Irving Park Road | Montrose Avenue | Foster Avenue | Howard Street"
        " | Stony Island Avenue | Jeffery Boulevard | 26th Street | California Avenue"
        " | Cicero Avenue | Wentworth Avenue | Lincoln Avenue | Touhy Avenue | Grand Avenue"
        " | 63rd Street | 47th Street | Kimball Avenue | Blue Island Avenue | Damen Avenue"
    ),
    "area": _values(
        "Pilsen | Little Village | Albany Park | Rogers Park | Chatham | Humboldt Park | Uptown"
        " | Edgewater | West Ridge | Bridgeport | Chinatown | Logan Square | Avondale"
        " | Brighton Park | Gage Park | South Shore | Austin | Englewood | Hyde Park | Lakeview"
        " | Portage Park | Belmont Cragin | Back of the Yards | Bronzeville | Garfield Park"
        " | Lincoln Square | Irving Park | Hermosa | Washington Heights | Auburn Gresham"
        " | Jefferson Park | Ukrainian Village | Archer Heights | North Park | McKinley Park"
        " | Beverly | Roseland | South Chicago | Kenwood | West Lawn | Chicago Lawn | Dunning"
    ),
    "when": _values(
        "last Tuesday | on a Saturday morning | in March | two weeks ago"
        " | around six in the evening | on my way home from work | last month"
        " | early in the morning | late at night | over the weekend | on the first of the month"
        " | during my lunch break | in January | a few days ago | last summer"
        " | right before the holidays | on a weekday afternoon | in October | on Easter Sunday"
        " | the day after Thanksgiving | in the middle of the night"
    ),
    "years": _values("two | three | five | seven | ten | twelve | fifteen | twenty | thirty"),
    "age": _values(
        "twenty-six | thirty-four | forty-five | fifty-two | fifty-eight | sixty-three"
        " | sixty-seven | seventy-one"
    ),
    "family": _values(
        "mother | husband | wife | son | daughter | kids | grandmother | brother | partner"
        " | roommate | sister | father | grandson | niece"
    ),
    "moved": _values(
        "last year | in the spring | three years ago | right after the pandemic"
        " | when my son was born | eight months ago"
    ),
    "helper": _values(
        "friend | neighbor | caseworker | coworker | social worker at my clinic | librarian"
        " | teacher at my kids' school | legal aid lawyer | community organizer"
        " | volunteer at the food pantry"
    ),
    "home_language": _values(
        "Spanish | Polish | Arabic | Tagalog | Korean | Ukrainian | Urdu | Hindi | Chinese"
        " | Gujarati | Vietnamese | Amharic | Yoruba | Russian | Bosnian | Haitian Creole"
    ),
    "evidence": _values(
        "text messages | emails | lease | listing | voicemail | notice | photos | screenshots"
        " | video | letter | receipts"
    ),
    "safe_where": _values(
        "at home | walking to work | on the bus | in my own building | in the neighborhood"
        " | going out at night | taking my kids to school"
    ),
    "available": _values(
        "after five | on weekends | weekday mornings | any day except Sunday"
        " | during my lunch hour | most evenings"
    ),
    "contrast": _values(
        "white | younger | not disabled | not Muslim | not Black | not Latino | not Asian"
        " | straight | not pregnant | not Arab | not transgender"
    ),
    "because": _values(
        "because of my accent | because I wear a hijab | because I am Black"
        " | because I speak Spanish | because I have three kids | because I use a wheelchair"
        " | because I am pregnant | because I am transgender | because of my age"
        " | because I am Muslim | because I am Mexican | because I am gay"
        " | because I am from Ukraine | because I am deaf | because I am Korean"
        " | because I wear a turban | because I am a veteran | because of my religion"
        " | because I am a single mother | because of my skin color | because I am Puerto Rican"
        " | because I am Filipino | because I am Polish | because I am Jewish"
        " | because I am Sikh | because I am Arab | because of my disability"
        " | because I am over sixty | because I am Chinese | because I have a service dog"
        " | because my partner is a woman | because I am from India | because I am Pakistani"
        " | because I receive disability benefits | because I am Nigerian"
    ),
    "bias": _values(
        "because I wear a hijab | because I am Black | because I am Asian | because I am gay"
        " | because I am Jewish | because I am transgender | because I am Mexican"
        " | because I speak Arabic | because I am Sikh | because of my accent"
        " | because my wife and I are two women | because I am an immigrant"
        " | because I am disabled | because I am Puerto Rican | because I am Korean"
        " | because I am Ukrainian | because I am Hindu | because I am Filipino"
        " | because of the color of my skin | because I am Palestinian | because I am Chinese"
        " | because I am Pakistani | because I am a lesbian | because I am Haitian"
    ),
    # Housing.
    "unit": _values(
        "two-bedroom apartment | one-bedroom apartment | studio | garden unit"
        " | three-bedroom flat | basement apartment | coach house | condo for rent"
        " | room in a shared house | top-floor unit in a two-flat"
    ),
    "landlord": _values(
        "landlord | property manager | building manager | leasing agent | owner"
        " | management company | leasing office | building owner | rental agent"
    ),
    "later": _values("the next day | a week later | two weeks later | that same evening"),
    "not_fit": _values(
        "with kids | in a wheelchair | who prays five times a day | who does not speak English"
        " | on a fixed income | with a service animal | my age | like me"
    ),
    "accommodation": _values(
        "a ramp at the back entrance | a grab bar in the bathroom"
        " | a parking spot close to the door | a move to a first-floor unit"
        " | permission to keep my emotional support animal"
        " | a reserved spot for my wheelchair van | a doorbell that flashes a light"
    ),
    "repair": _values(
        "heat | stove | bathroom sink | front door lock | back porch | refrigerator"
        " | hot water | kitchen window | smoke detector | radiator"
    ),
    "duration": _values(
        "three weeks | two months | most of the winter | over a month | ten days"
        " | almost half a year"
    ),
    "deadline": _values(
        "thirty days | until the end of the month | sixty days | two weeks | until March"
    ),
    "fee": _values("fifty | sixty | seventy-five | forty-five | one hundred"),
    # Employment.
    "job": _values(
        "cashier | line cook | warehouse associate | home health aide | security guard"
        " | dishwasher | delivery driver | receptionist | machine operator | housekeeper"
        " | forklift driver | nursing assistant | janitor | server | packer"
        " | customer service representative | bank teller | teacher's aide | prep cook"
        " | stock clerk | parking attendant | medical assistant | baker | painter"
    ),
    "workplace": _values(
        "a restaurant | a warehouse | a small factory | a hotel downtown | a nursing home"
        " | a grocery store | a car wash | a cleaning company | a call center | a dental office"
        " | a bakery | a hospital cafeteria | a packaging plant | a parking garage"
        " | a staffing agency | a daycare | a meat processing plant | a shipping company"
    ),
    "tenure": _values(
        "two years | six months | almost five years | eleven years | a little over a year"
        " | eight months | three years"
    ),
    "boss": _values(
        "supervisor | manager | shift lead | boss | general manager | foreman"
        " | district manager | team lead | store manager | crew chief"
    ),
    "interview_q": _values(
        "how old I am | if I plan to have children | what church I go to"
        " | where my family is from | whether I have a criminal record, before making any offer"
        " | if my husband lets me work nights | about my credit score"
        " | whether I have a disability | if I am married"
    ),
    "wanted": _values(
        "someone younger | a native English speaker | a man for that job"
        " | someone who fits in with the customers | someone without kids"
    ),
    "hours": _values("forty | thirty-two | thirty | thirty-six | thirty-eight"),
    "trait": _values(
        "accent | age | religion | hair | headscarf | turban | disability | skin color"
        " | family | name | beard | clothes"
    ),
    "work_accommodation": _values(
        "a stool to sit on during my shift | time off for a medical appointment"
        " | a schedule that lets me go to Friday prayers | a break to pump breast milk"
        " | light duty after my surgery | Saturdays off for the Sabbath"
        " | a lighter load while I was pregnant"
    ),
    "pretext": _values(
        "being late | a customer complaint | attitude | missing a shift | not being a good fit"
        " | a cash register shortage | safety reasons | budget cuts"
    ),
    "owed": _values("two weeks of work | my overtime | my vacation days | forty hours"),
    "work_evidence": _values(
        "schedule | pay stubs | text messages | write-up | termination letter | emails"
    ),
    "count": _values("two | three | four | a few | several"),
    # Public places and city services.
    "business": _values(
        "a corner store | a pharmacy | a taqueria | a coffee shop | a hair salon"
        " | a bank branch | a nail salon | a gas station | a fitness club | a dollar store"
        " | a pizza place | a clothing store | a hardware store | a laundromat | a sports bar"
        " | a furniture store | a car dealership | a dentist's office | an urgent care clinic"
        " | a hotel lobby | a bakery | a barbershop | a currency exchange | a movie theater"
    ),
    "with_whom": _values(
        "with my kids | with my mother | by myself | with two friends | with my partner"
        " | after work | with my service dog | with my grandson"
    ),
    "staff": _values(
        "security guard | cashier | manager | clerk | owner | host | bartender | receptionist"
        " | employee at the counter | server"
    ),
    "refusal": _values(
        "they were closing, but other people kept coming in | I should go somewhere else"
        " | they do not serve people like me"
        " | the tables were reserved, even though the room was empty"
        " | I needed to show ID when nobody else had to | I was making the other customers uneasy"
    ),
    "heard": _values(
        "people like me never pay | they should not let our kind in"
        " | I probably could not afford anything there"
        " | I should learn English if I want to shop there"
        " | my hijab made the customers nervous | I smelled like the kitchen I work in"
    ),
    "route": _values(
        "No. 9 Ashland | No. 49 Western | No. 66 Chicago | No. 82 Kimball-Homan"
        " | No. 22 Clark | No. 79 79th Street | No. 36 Broadway | No. 12 Roosevelt"
        " | No. 53 Pulaski | No. 152 Addison | No. 81 Lawrence | No. 3 King Drive"
    ),
    "bus_action": _values(
        "drove past me at the stop while I was waving | would not lower the ramp for me"
        " | told me to go back to my country | made me get off before my stop"
        " | yelled at me for talking in my own language"
        " | said my stroller and I were taking up too much room"
        " | refused to wait while I got my walker on"
    ),
    "office": _values(
        "the city permit counter downtown | a public library branch"
        " | the field house at my park | a city health clinic | the water billing office"
        " | a senior center | the ward office | a community service center"
        " | the city clerk's counter | a public pool | the vehicle sticker counter"
        " | a warming center"
    ),
    "document": _values(
        "a second form of ID | a utility bill in my name | a birth certificate"
        " | proof of address | a Social Security card | a lease with my name on it"
    ),
    "program": _values(
        "after-school program | summer camp | swim class | senior lunch program"
        " | job training class | computer class | youth basketball league"
    ),
    "their_trait": _values(
        "a disability | their age | their religion | the way they dress | their accent"
        " | their hearing aids"
    ),
    "times": _values("five | six | several | many | at least ten"),
    "city_issue": _values(
        "a broken streetlight | rats in the alley | a pothole in front of my house"
        " | a missing garbage cart | a fallen tree branch | an abandoned car"
    ),
    "garment": _values("hijab | headscarf | turban | kippah | head wrap | patka | cross necklace"),
    # Hate incidents.
    "symbol": _values(
        "a swastika | a racial slur | hateful words | a threat to my family | an anti-gay slur"
        " | an anti-Muslim message | an anti-Asian slur | an anti-Mexican slur"
        " | an antisemitic symbol | the words 'go home'"
    ),
    "target_prop": _values(
        "my garage door | the side of our building | my car | the fence behind my house"
        " | the front of my family's store | the door of our apartment | the sidewalk"
        " | the alley wall by my garage | our mailbox | the gate of our daycare"
    ),
    "group": _values(
        "Mexicans | Muslims | Black people | Asians | immigrants | Jewish people | gay people"
        " | Arabs | Puerto Ricans | Ukrainians | Polish people | Indians | refugees"
        " | transgender people | Sikhs | Haitians"
    ),
    "flag_item": _values(
        "rainbow flag | Ukrainian flag | Mexican flag | Pride sign | Black Lives Matter sign"
        " | Ramadan lights | Lunar New Year decorations | mezuzah | Diwali lights"
        " | Puerto Rican flag | Filipino flag | welcome sign in six languages"
    ),
    "ordinal": _values("second | third | fourth | fifth"),
    "since": _values(
        "we moved in | the summer | last year | January | I put up the sign | we opened the store"
    ),
    "cleanup": _values(
        "the city | my landlord | our neighbors | the alderman's office | my son"
        " | a volunteer group | the building owner"
    ),
    "suspect": _values(
        "two people in hoodies | a man on a bike | a person in a dark car"
        " | a group of teenagers | someone with a backpack"
    ),
    "time_of_day": _values("two in the morning | midnight | dawn | five in the morning"),
    "train": _values(
        "Blue Line | Red Line | Green Line | Brown Line | Pink Line | Orange Line | bus"
    ),
    "station": _values(
        "the Western stop | the Cermak stop | the Lawrence stop | the Damen stop"
        " | the Kedzie stop | the Garfield stop | the Howard stop | the 95th Street stop"
        " | the Belmont stop | the Chicago stop | the Argyle stop | the Jackson stop"
    ),
    "stranger": _values(
        "a man I did not know | a group of teenagers | a woman in a red jacket"
        " | two men in a pickup truck | a neighbor from the third floor | a man on a bike"
        " | another passenger | a driver in a gray car | someone from the building next door"
        " | an older man | a group of young men | a customer in line"
    ),
    "slur_desc": _values(
        "a terrorist | a slur for Mexicans | a slur for gay men | a slur for Black people"
        " | an anti-Asian slur | an ugly name for Jewish people | a virus"
        " | an insult about my wheelchair"
    ),
    "distance": _values(
        "half a block | two blocks | almost to my house | onto the bus | into the store"
        " | across the parking lot"
    ),
    "threat": _values(
        "hurt me | make me sorry | get me fired | find out where I live"
        " | make my family leave | call my landlord"
    ),
    "bystander": _values(
        "bus driver | woman from the store | security guard | young man"
        " | couple walking their dog | transit worker | crossing guard"
    ),
    "destination": _values(
        "school | the store | the bus stop | work | the park | the library | church"
        " | the mosque | the train"
    ),
    "earlier": _values("last month | in the spring | a few weeks ago | last year"),
    "worship": _values(
        "mosque | church | synagogue | temple | gurdwara | Hindu temple | Buddhist temple"
        " | Korean church | Polish parish | storefront church | Orthodox church"
        " | Islamic center"
    ),
    "object": _values("eggs | garbage | a bottle | paint | rocks | a bag of trash"),
    "service": _values(
        "evening services | a wedding | a holiday celebration | a funeral | youth group"
        " | weekly services | a community dinner | morning prayers"
    ),
    "leader": _values(
        "religious leader | board president | youth leader | congregation secretary"
        " | volunteer coordinator"
    ),
    "people_count": _values("two people | three people | one person | a man in a hoodie"),
    "season": _values("spring | summer | fall | winter | year"),
    "neighbor_action": _values(
        "yelling slurs at my children when they play outside"
        " | leaving notes on my car about my religion"
        " | playing loud music with hateful words when we walk by"
        " | filming me and saying I do not belong here"
        " | calling me names when I take out the trash"
        " | putting dog waste on my stairs"
    ),
    "topic": _values(
        "our restaurant opening | a lost dog | a block party | my small business"
        " | a Pride event | Ramadan | Lunar New Year | a job opening | the new community garden"
    ),
    "period": _values("day | few days | week | night"),
    "messages": _values("a dozen | more than twenty | dozens of | about fifty | forty"),
    "note": _values(
        "we know which car is yours | nobody wants you here | go back home"
        " | this is your last warning"
    ),
}

EN = Language(
    slots=_EN_SLOTS,
    openings=(
        "I live in {area}, near {street}.",
        "This happened {when} in {area}.",
        "I am writing about something that happened to me {when}.",
        "I have lived in {area} for {years} years and nothing like this has happened before.",
        "I would rather not give my name, but I want this on the record.",
        "I am filing this for myself and for my {family}.",
        "English is not my first language, so please excuse my writing.",
        "A {helper} told me I could report this to the commission.",
        "I work near {street} and take the bus through {area} every day.",
        "My {family} and I moved to {area} {moved}.",
        "I am {age} years old and have never made a complaint like this before.",
        "I tried calling 311 first and they gave me this website.",
    ),
    closings=(
        "I want the commission to know this is happening in {area}.",
        "I do not want money, I just want it to stop.",
        "I am worried the same thing will happen to someone else.",
        "Please contact me if you need more information.",
        "I can send the {evidence} if that helps.",
        "I would like to file a formal complaint if that is possible.",
        "I did not know what else to do, so I am reporting it here.",
        "My {family} saw it too and can tell you what happened.",
        "I would prefer to talk by phone in {home_language} if you have an interpreter.",
        "Since then I have had trouble sleeping and I do not feel safe {safe_where}.",
        "Thank you for reading this.",
        "I am available {available} if someone can call me back.",
    ),
    unsure=(
        "I am not sure if this counts as discrimination, but it did not feel right.",
        "I do not know if this is a hate incident or just a rude person, so I am asking.",
        "Maybe this is not something the commission handles, but I did not know where else to go.",
        "I am not sure it was because of who I am, but it has happened more than once.",
        "My {family} said I should report it even if I am not sure it is discrimination.",
    ),
    discrimination=(
        (  # Housing
            "I saw a listing for a {unit} on {street} and called to ask about it.",
            "The {landlord} asked me where I was from before asking anything else.",
            "On the phone the {landlord} was friendly, but when we met in person the unit was"
            " suddenly no longer available.",
            "When I mentioned that I have a Housing Choice Voucher, the {landlord} said they do"
            " not take vouchers.",
            "The {landlord} told me the unit was already rented, but the listing was still up"
            " {later}.",
            "My friend, who is {contrast}, called about the same apartment and was invited to a"
            " showing.",
            "The {landlord} said the building is not a good fit for someone {not_fit}.",
            "They also charged me a {fee} dollar application fee and never refunded it.",
            "I asked for {accommodation} and the {landlord} said no without even reading my"
            " doctor's letter.",
            "Since I complained, the {landlord} has stopped making repairs and the {repair} has"
            " been broken for {duration}.",
            "Now they say they will not renew my lease and I have {deadline} to move out.",
            "Other tenants in my building who are {contrast} did not get the same notice.",
            "I believe they treated me this way {because}.",
            "A neighbor told me the {landlord} has done the same thing to other families on the"
            " block.",
            "I have a copy of the {evidence}.",
        ),
        (  # Employment
            "I worked as a {job} at {workplace} on {street} for {tenure}.",
            "I applied for a {job} position at {workplace} and had {years} years of experience.",
            "In the interview they asked me {interview_q}.",
            "They hired someone with less experience, and the manager told a coworker they"
            " wanted {wanted}.",
            "After I told my {boss} that I was pregnant, my shifts were cut from {hours} hours a"
            " week to almost nothing.",
            "My {boss} told me to stop speaking {home_language} at work, even on my break.",
            "My {boss} makes jokes about my {trait} in front of the other workers.",
            "Other workers who are {contrast} get the better shifts and all the overtime.",
            "When I asked for {work_accommodation}, my {boss} said I should find another job.",
            "When I complained to human resources, I was moved to the night shift.",
            "I was fired {when} and they said it was for {pretext}, but that is not true.",
            "I think this happened {because}.",
            "My last paycheck was short and they still owe me for {owed}.",
            "I still have my {work_evidence} and the names of {count} coworkers who saw what"
            " happened.",
        ),
        (  # Public places
            "I went into {business} on {street} {with_whom}.",
            "As soon as we walked in, the {staff} started following us around.",
            "The {staff} asked me to leave and said {refusal}.",
            "The {staff} made us wait while everyone who came in after us was served.",
            "They would not let me in with my service dog, even after I explained what it is for.",
            "There is no ramp, and when I asked for help getting my wheelchair through the door,"
            " the {staff} laughed.",
            "They asked me for a deposit that they did not ask anyone else for.",
            "The {staff} told another employee, loud enough for me to hear, that {heard}.",
            "The {staff} called the police on us even though we had done nothing wrong.",
            "I asked to speak to the manager, who said there was nothing they could do.",
            "I think they treated me differently {because}.",
            "Another customer saw everything and gave me their phone number in case I need a"
            " witness.",
            "On the {route} bus, the driver {bus_action}.",
            "I have been a customer there for {tenure} and this never happened before.",
        ),
        (  # City services
            "I went to {office} for help {when}.",
            "The worker at the desk would not help me because of my English and refused to call"
            " an interpreter.",
            "I asked for a sign language interpreter for my appointment and was told they do not"
            " have one.",
            "They told me I needed {document} when nobody else in line was asked for it.",
            "They turned my {family} away from the {program} because of {their_trait}.",
            "The staff member said that helping people who speak {home_language} is too much work.",
            "A guard at the entrance told me to take off my {garment} before I could go in.",
            "I called 311 {times} times about {city_issue} and the requests were closed without"
            " anyone coming out, while my neighbors' requests were fixed.",
            "I believe I was treated this way {because}.",
            "When I complained, they said I could only file a complaint in writing, in English.",
        ),
    ),
    hate=(
        (  # Vandalism
            "Someone spray-painted graffiti with {symbol} on {target_prop}.",
            "The message said that {group} should leave the neighborhood.",
            "Someone tore down our {flag_item} and threw it in the alley.",
            "Someone broke our front window and left a note with {symbol} on it.",
            "This is the {ordinal} time this has happened since {since}.",
            "We have camera video of {suspect} doing it around {time_of_day}.",
            "I believe we were targeted {bias}.",
            "I reported it to the police and took pictures, and {cleanup} helped me paint over it.",
            "Our neighbors on {street} found the same words painted on their garages.",
        ),
        (  # Street and transit
            "I was waiting for the {train} at {station} when {stranger} started shouting at me.",
            "I was walking on {street} with my {family} when {stranger} started yelling at us.",
            "They called me {slur_desc} and told me to go back to where I came from.",
            "They followed me for {distance} and said they would {threat} if they saw me again.",
            "People around us watched, but nobody said anything.",
            "They pulled at my {garment} and told me to take it off.",
            "When I answered my phone in {home_language}, they told me to speak English or get"
            " out.",
            "I got off at the next stop because I was scared.",
            "A {bystander} stepped in and stayed with me until they left.",
            "I am sure this happened {bias}.",
            "Now my {family} and I are afraid to walk to {destination} alone.",
            "I think it is the same person who yelled at my neighbor {earlier}.",
        ),
        (  # Places of worship
            "Flyers with hateful messages about {group} were left on cars outside our {worship}"
            " on {street}.",
            "Someone threw {object} at the door of the {worship} during {service}.",
            "A car drove by slowly several times and the driver shouted at people going into the"
            " {worship}.",
            "The same flyers were put in mailboxes all over {area}.",
            "We found a letter in the {worship} mailbox saying we are not welcome in this city.",
            "Our {leader} asked me to report it because many families are scared to come now.",
            "We have camera video that shows {people_count} putting the flyers up around"
            " {time_of_day}.",
            "This is not the first time; last {season} someone damaged the sign in front of the"
            " {worship}.",
            "The police took a report, and we are asking for extra patrols during {service}.",
        ),
        (  # Online and neighbours
            "A neighbor on my block keeps {neighbor_action}.",
            "After I posted in a neighborhood group about {topic}, strangers started sending me"
            " hateful messages.",
            "Someone made a fake account with my photo and posted lies about me and my {family}.",
            "The messages said they know where I live and that I should leave {area}.",
            "They also left a note under my door that said {note}.",
            "I blocked the accounts, but new ones keep appearing every {period}.",
            "I think they picked me {bias}.",
            "I have screenshots of {messages} messages.",
            "I reported the accounts to the app, but nothing has happened.",
            "The {landlord} knows about it but says it is a private matter between neighbors.",
        ),
    ),
)

# --------------------------------------------------------------------------------------------
# Spanish
# --------------------------------------------------------------------------------------------

ES = Language(
    slots={
        "street": _values(
            "la calle 18 | la calle 26 | Cermak | la avenida Ashland | la avenida Western"
            " | la avenida Kedzie | la avenida Pulaski | la avenida Milwaukee | la calle Division"
            " | la avenida North | la avenida Cicero | la calle Archer | la avenida California"
            " | la avenida Blue Island"
        ),
        "area": _values(
            "Pilsen | La Villita | Humboldt Park | Logan Square | Brighton Park | Gage Park"
            " | Back of the Yards | Belmont Cragin | Albany Park | Hermosa | South Chicago"
            " | West Lawn | McKinley Park | Avondale | Rogers Park | Uptown"
        ),
        "when": _values(
            "el martes pasado | hace dos semanas | el mes pasado | en marzo"
            " | un sábado por la mañana | el fin de semana pasado | hace unos días | en enero"
            " | a principios de este año | saliendo del trabajo | una noche de octubre"
        ),
        "years": _values("dos | cinco | diez | quince | veinte"),
        "evidence": _values(
            "los mensajes de texto | las fotos | la carta | el contrato de renta | los videos"
        ),
        "unit": _values(
            "un departamento de dos recámaras | un apartamento de una recámara | un estudio"
            " | un departamento en el sótano | un apartamento en el primer piso"
            " | una casa pequeña"
        ),
        "landlord": _values(
            "el dueño del edificio | el casero | la administradora | el encargado del edificio"
            " | la oficina de renta | el agente de bienes raíces | la compañía administradora"
        ),
        "later": _values("al día siguiente | una semana después | esa misma noche"),
        "repair": _values(
            "la calefacción | la estufa | el baño | la cerradura de la puerta | el agua caliente"
            " | el refrigerador"
        ),
        "accommodation": _values(
            "una rampa en la entrada | un lugar de estacionamiento cerca de la puerta"
            " | un departamento en el primer piso | permiso para tener mi perro de servicio"
        ),
        "reason": _values(
            "por mi acento | porque hablo español | porque tengo hijos | por mi origen"
            " | por mi color de piel | porque pago con un voucher de la Sección 8"
            " | por mi religión | por mi edad | porque uso silla de ruedas"
            " | porque no hablo bien el inglés | porque soy de Puerto Rico"
            " | porque mi pareja es del mismo sexo | porque vengo de otro país"
        ),
        "job_where": _values(
            "en la cocina de un restaurante | limpiando oficinas | en una bodega de paquetes"
            " | en una fábrica de dulces | en una lavandería | en un hotel del centro"
            " | cuidando a personas mayores | en una carnicería | en una panadería"
            " | en un car wash"
        ),
        "boss": _values(
            "mi supervisor | mi supervisora | mi jefe | mi jefa | mi mayordomo | mi gerente"
            " | mi patrón"
        ),
        "pretext": _values(
            "llegar tarde | una queja de un cliente | faltar un día | mi actitud"
            " | un faltante en la caja"
        ),
        "contrast": _values("no son latinos | son más jóvenes | hablan inglés | no tienen hijos"),
        "interview_q": _values(
            "cuántos años tengo | si pienso tener hijos | a qué iglesia voy"
            " | de dónde es mi familia"
        ),
        "business": _values(
            "una tienda de ropa | una farmacia | un restaurante | una gasolinera | un banco"
            " | un salón de belleza | una tienda de celulares | un supermercado | una lavandería"
            " | una clínica | una panadería"
        ),
        "family": _values(
            "mi mamá | mi esposo | mi esposa | mis hijos | mi hija | mi hijo | mi abuela"
            " | mi hermano"
        ),
        "staff": _values(
            "el guardia de seguridad | la cajera | el gerente | el mesero | la recepcionista"
            " | el empleado del mostrador | el dueño"
        ),
        "refusal": _values(
            "ya iban a cerrar, pero seguían atendiendo a otras personas"
            " | mejor fuéramos a otro lugar"
            " | necesitaba mostrar una identificación que a nadie más le pidieron"
        ),
        "route": _values(
            "9 de Ashland | 49 de Western | 60 de Blue Island | 21 de Cermak | 53 de Pulaski"
            " | 52 de Kedzie"
        ),
        "bus_action": _values(
            "no bajó la rampa para mi silla de ruedas"
            " | se pasó de la parada aunque le hice la señal | me gritó por hablar español"
        ),
        "stranger": _values(
            "un hombre que no conozco | un grupo de muchachos | una señora"
            " | dos hombres en una camioneta | un vecino del tercer piso | un pasajero"
            " | un hombre en bicicleta"
        ),
        "slur_about": _values(
            "contra los mexicanos | contra los inmigrantes | sobre mi color de piel"
            " | sobre mi religión | contra las personas gay"
        ),
        "distance": _values("dos cuadras | media cuadra | casi hasta mi casa"),
        "threat": _values("hacer daño | echar del barrio | reportar con inmigración"),
        "group": _values(
            "los mexicanos | los inmigrantes | los latinos | los musulmanes"
            " | las personas negras | los judíos | los puertorriqueños | las personas gay"
        ),
        "target_prop": _values(
            "la puerta de mi garaje | la pared de nuestro edificio | mi carro"
            " | la cerca de mi casa | la cortina de nuestra tienda | la banqueta frente a mi casa"
        ),
        "worship": _values(
            "nuestra iglesia | nuestra mezquita | nuestro templo | nuestra sinagoga"
            " | nuestra parroquia"
        ),
        "flag": _values(
            "la bandera de México | la bandera del arcoíris | la bandera de Puerto Rico"
            " | la bandera de Ucrania"
        ),
        "ordinal": _values("segunda | tercera | cuarta"),
        "since": _values("que nos mudamos | el verano | el año pasado | enero"),
        "neighbor_action": _values(
            "les grita insultos a mis hijos cuando juegan afuera"
            " | deja notas en mi carro sobre mi religión"
            " | me graba con su celular y dice que no pertenezco aquí"
        ),
        "topic": _values(
            "mi negocio | una fiesta de la cuadra | un perro perdido | el Día de Muertos"
        ),
        "count": _values("varios | muchos | más de veinte | unos diez"),
        "period": _values("día | semana | par de días"),
    },
    openings=(
        "Vivo en {area}, cerca de {street}.",
        "Esto pasó {when} en {area}.",
        "Quiero reportar algo que me pasó {when}.",
        "Llevo {years} años viviendo en {area} y nunca me había pasado algo así.",
        "Una amiga me dijo que podía reportar esto a la comisión.",
    ),
    closings=(
        "Quiero que la comisión sepa lo que está pasando en {area}.",
        "No quiero dinero, solo quiero que esto pare.",
        "Tengo miedo de que le pase lo mismo a otra persona.",
        "Si necesitan más información, prefiero hablar en español.",
        "Puedo mandar {evidence} si les sirve.",
        "Desde entonces no duermo bien y me da miedo salir de mi casa.",
    ),
    unsure=(
        "No sé si esto cuenta como discriminación, pero no me pareció justo.",
        "No sé si fue un incidente de odio o solo una persona grosera, por eso les escribo.",
        "Tal vez esto no le toca a la comisión, pero no sabía a dónde más acudir.",
    ),
    discrimination=(
        (  # Vivienda
            "Vi un anuncio de {unit} en {street} y llamé para preguntar.",
            "Me dijeron que ya estaba rentado, pero el anuncio seguía publicado {later}.",
            "Cuando dije que tengo un voucher de la Sección 8, {landlord} me dijo que no lo"
            " aceptan.",
            "Me dijeron claramente que no me rentaban {reason}.",
            "Cuando pedí {accommodation}, me dijeron que no.",
            "Desde que me quejé, {landlord} no quiere arreglar {repair} y ahora no me quiere"
            " renovar el contrato.",
        ),
        (  # Trabajo
            "Trabajé {job_where} en {area} por {years} años.",
            "En la entrevista me preguntaron {interview_q}.",
            "Cuando le dije a {boss} que estaba embarazada, me quitaron casi todas las horas.",
            "En el trabajo, {boss} me prohibió hablar español, aun en mi hora de descanso.",
            "A los compañeros que {contrast} les dan los mejores turnos y las horas extra.",
            "Cuando me quejé con recursos humanos, me cambiaron al turno de noche.",
            "Me despidieron {when} y dijeron que fue por {pretext}, pero no es verdad.",
        ),
        (  # Tiendas, transporte y servicios de la ciudad
            "Fui a {business} en {street} con {family}.",
            "Desde que entramos, {staff} nos siguió a todas partes.",
            "Después, {staff} se negó a atendernos y dijo que {refusal}.",
            "No me dejaron entrar con mi perro de servicio, aunque les expliqué para qué es.",
            "Creo que nos trataron así {reason}.",
            "En el camión de la ruta {route}, el chofer {bus_action}.",
            "En una oficina de la ciudad no me quisieron atender porque no hablo bien inglés, y"
            " no llamaron a un intérprete.",
        ),
    ),
    hate=(
        (  # En la calle
            "Estaba esperando el camión en {street} cuando {stranger} empezó a gritarme.",
            "Me dijo un insulto {slur_about} y que me regresara a mi país.",
            "Me siguió por {distance} y me dijo que me iba a {threat} si me volvía a ver.",
            "La gente alrededor vio todo, pero nadie dijo nada.",
            "Ahora me da miedo caminar a la parada sin compañía.",
        ),
        (  # Grafiti, volantes y lugares de culto
            "Alguien pintó grafiti con insultos contra {group} en {target_prop}.",
            "Dejaron volantes con mensajes de odio contra {group} en los carros afuera de"
            " {worship}.",
            "Alguien arrancó {flag} de nuestra ventana y la tiró al callejón.",
            "Es la {ordinal} vez que pasa desde {since}.",
            "Lo reporté a la policía y tomé fotos, pero el grafiti sigue ahí.",
        ),
        (  # Vecinos y en línea
            "Un vecino de mi cuadra siempre {neighbor_action}.",
            "Después de publicar en un grupo del barrio sobre {topic}, desconocidos empezaron a"
            " mandarme mensajes de odio.",
            "Los mensajes dicen que saben dónde vivo y que me vaya de {area}.",
            "Tengo capturas de pantalla de {count} mensajes.",
            "Bloqueé las cuentas, pero siguen apareciendo nuevas cada {period}.",
        ),
    ),
)

# --------------------------------------------------------------------------------------------
# Chinese (Simplified): no spaces between sentences.
# --------------------------------------------------------------------------------------------

ZH = Language(
    slots={
        "street": _values(
            "阿彻大道 | 瑟马克路 | 霍尔斯特德街 | 第31街 | 第26街 | 阿盖尔街 | 西部大道"
            " | 阿什兰大道 | 百老汇街 | 劳伦斯大道"
        ),
        "area": _values(
            "唐人街 | 布里奇波特 | 海德公园 | 上城区 | 罗杰斯公园 | 奥尔巴尼公园 | 皮尔森"
            " | 麦金利公园 | 布莱顿公园 | 林肯广场"
        ),
        "when": _values(
            "上个星期二 | 两个星期前 | 上个月 | 今年三月 | 一个星期六的早上 | 上个周末"
            " | 几天前 | 下班回家的路上 | 去年冬天 | 十月的一个晚上"
        ),
        "years": _values("两 | 五 | 十 | 十五 | 二十"),
        "evidence": _values("短信截图 | 照片 | 租约 | 录音 | 邮件"),
        "unit": _values("两居室 | 一居室 | 开间公寓 | 地下室公寓 | 三居室"),
        "landlord": _values("房东 | 物业经理 | 大楼管理员 | 租房中介 | 物业公司"),
        "later": _values("第二天 | 一个星期后 | 当天晚上"),
        "repair": _values("暖气 | 炉子 | 热水器 | 门锁 | 厕所 | 冰箱"),
        "reason_people": _values(
            "有小孩的家庭 | 华人 | 不会说英语的人 | 坐轮椅的人 | 老年人 | 靠补助交房租的人"
        ),
        "workplace": _values(
            "一家餐馆 | 一个仓库 | 一家洗衣厂 | 一家面包店 | 一家酒店 | 一家超市"
            " | 一家养老院 | 一家工厂"
        ),
        "boss": _values("经理 | 主管 | 老板 | 领班 | 店长"),
        "pretext": _values("迟到 | 顾客投诉 | 态度不好 | 缺勤一天 | 收银机少了钱"),
        "contrast": _values("比我年轻 | 不是亚裔 | 会说英语 | 没有孩子"),
        "interview_q": _values("多大年纪 | 打不打算生孩子 | 信什么宗教 | 家里是哪国人"),
        "family": _values("妈妈 | 丈夫 | 妻子 | 孩子 | 女儿 | 儿子 | 奶奶 | 朋友"),
        "business": _values("药店 | 餐馆 | 服装店 | 银行 | 美发店 | 超市 | 手机店 | 洗衣店"),
        "staff": _values("保安 | 收银员 | 经理 | 店员 | 服务员"),
        "refusal": _values(
            "我们应该去别的地方 | 他们快关门了，可是别的客人还在进来 | 我要先出示证件，别人都不用"
        ),
        "route": _values("9 | 21 | 24 | 35 | 44 | 62 | 8"),
        "bus_action": _values("不肯放下轮椅坡道 | 看到我在车站招手也不停 | 因为我说中文冲我大喊"),
        "stranger": _values(
            "一个陌生男人 | 几个年轻人 | 一个中年女人 | 一个骑自行车的人 | 一个开车路过的人"
            " | 同一栋楼的邻居"
        ),
        "distance": _values("半个街区 | 两个街区 | 快到我家门口 | 一直到车站"),
        "threat": _values("对我不客气 | 让我好看 | 把我赶出这个社区"),
        "destination": _values("超市 | 公交车站 | 学校 | 公园 | 教堂 | 上班"),
        "target_prop": _values(
            "我家车库门 | 我们大楼的外墙 | 我的车 | 我家后院的围栏 | 我们店的卷帘门"
        ),
        "worship": _values("教堂 | 清真寺 | 佛寺 | 寺庙 | 犹太会堂 | 锡克教寺庙"),
        "group": _values("华人 | 亚裔 | 移民 | 穆斯林 | 犹太人 | 黑人"),
        "object": _values("鸡蛋 | 垃圾 | 瓶子 | 油漆"),
        "since": _values("我们搬进来 | 去年夏天 | 今年一月"),
        "ordinal": _values("二 | 三 | 四"),
        "topic": _values("我们新开的餐馆 | 春节活动 | 丢失的小狗 | 社区聚会"),
        "period": _values("一天 | 几天 | 一个星期"),
        "count": _values("十几 | 二十多 | 好几 | 几十"),
    },
    openings=(
        "我住在{area}，离{street}不远。",
        "这件事发生在{when}，地点在{area}。",
        "我想报告{when}发生在我身上的一件事。",
        "我在{area}住了{years}年，以前从来没有遇到过这样的事。",
        "朋友告诉我可以向委员会报告这件事。",
    ),
    closings=(
        "我希望委员会知道{area}发生了这样的事。",
        "我不要钱，只希望这种事不要再发生。",
        "我担心别人也会遇到同样的事。",
        "如果需要更多信息，我希望用中文沟通。",
        "我可以提供{evidence}。",
        "从那以后我晚上睡不好，在家里也觉得不安全。",
    ),
    unsure=(
        "我不确定这算不算歧视，但我觉得很不公平。",
        "我不知道这是仇恨事件还是只是有人没礼貌，所以来问一下。",
        "也许这不归委员会管，但我不知道还能找谁。",
    ),
    discrimination=(
        (  # 住房
            "我在网上看到{street}附近有一套{unit}出租，就打电话去问。",
            "{landlord}一听到我的口音，就说房子已经租出去了，可是{later}广告还在网上。",
            "我告诉{landlord}我有Section 8住房券，对方马上说不接受。",
            "{landlord}说不想租给{reason_people}。",
            "我投诉以后，{landlord}就不修{repair}了，现在还说不跟我续租。",
        ),
        (  # 工作
            "我在{area}的{workplace}工作了{years}年。",
            "面试时他们问我{interview_q}。",
            "{boss}不让我们在工作时说中文，连休息的时候也不行。",
            "我告诉{boss}我怀孕以后，我的班几乎全被砍掉了。",
            "{contrast}的同事总是拿到更好的班次和加班机会。",
            "{when}我被解雇了，他们说是因为{pretext}，但这不是真的。",
        ),
        (  # 商店、公交和市政服务
            "我和{family}去了{street}上的一家{business}。",
            "{staff}一直跟着我们，好像我们会偷东西。",
            "{staff}拒绝为我们服务，还说{refusal}。",
            "在{route}路公交车上，司机{bus_action}。",
            "在市政府办事处，工作人员因为我英语不好不肯帮我，也不给我找翻译。",
        ),
    ),
    hate=(
        (  # 街上
            "我在{street}等公交车的时候，{stranger}突然开始对我大喊大叫。",
            "对方用难听的话骂我，还叫我滚回自己的国家。",
            "他跟了我{distance}，说下次见到我就{threat}。",
            "周围有人看到了，但是没有人出声。",
            "现在我的{family}不敢一个人去{destination}了。",
        ),
        (  # 涂鸦、传单和宗教场所
            "有人在{target_prop}上喷了带有仇恨字眼的涂鸦。",
            "有人在{worship}外面的车上放了攻击{group}的传单。",
            "有人在{worship}门口扔了{object}。",
            "这是自从{since}以来第{ordinal}次发生这种事。",
            "我报了警也拍了照片，但涂鸦到现在还在。",
        ),
        (  # 网上和邻居
            "我在社区群里发了关于{topic}的帖子以后，就有陌生人给我发仇恨信息。",
            "那些信息说他们知道我住在哪里，让我离开{area}。",
            "我把那些账号拉黑了，可是每隔{period}就有新账号出现。",
            "我有{count}条信息的截图。",
        ),
    ),
    joiner="",
)

# --------------------------------------------------------------------------------------------
# Polish: present tense and impersonal forms ("powiedziano mi"), so no sentence shows the
# writer's gender.
# --------------------------------------------------------------------------------------------

PL = Language(
    slots={
        "street": _values(
            "Milwaukee Avenue | Archer Avenue | Belmont Avenue | Central Avenue"
            " | Lawrence Avenue | Harlem Avenue | Addison Street | Pulaski Road | Cicero Avenue"
            " | Irving Park Road | Montrose Avenue"
        ),
        "area": _values(
            "Avondale | Jefferson Park | Portage Park | Archer Heights | Garfield Ridge"
            " | Belmont Cragin | Dunning | Norwood Park | Irving Park | Brighton Park"
        ),
        "when": _values(
            "w zeszły wtorek | dwa tygodnie temu | w zeszłym miesiącu | w marcu | w sobotę rano"
            " | w ostatni weekend | kilka dni temu | w drodze z pracy | zeszłej zimy"
            " | pewnego wieczoru w październiku"
        ),
        "years": _values("pięciu | dziesięciu | piętnastu | dwudziestu | trzydziestu"),
        "evidence": _values("zdjęcia | wiadomości SMS | umowę najmu | nagranie | list od zarządcy"),
        "unit": _values(
            "mieszkanie z dwiema sypialniami | kawalerkę | mieszkanie w suterenie"
            " | mieszkanie na parterze | mieszkanie z jedną sypialnią"
        ),
        "landlord": _values(
            "właściciel | zarządca budynku | administrator | właściciel budynku"
            " | agent nieruchomości"
        ),
        "repair": _values(
            "ogrzewanie | kuchenkę | zamek w drzwiach | bojler | lodówkę | cieknący kran"
        ),
        "reason_dat": _values(
            "rodzinie z dziećmi | osobie na wózku inwalidzkim | imigrantom"
            " | komuś, kto słabo mówi po angielsku | osobie starszej"
        ),
        "job_where": _values(
            "w magazynie | w piekarni | w firmie sprzątającej | w hotelu | w domu opieki"
            " | w fabryce | na budowie | w restauracji"
        ),
        "boss": _values(
            "kierownik | brygadzista | właściciel firmy | przełożony | kierownik zmiany"
        ),
        "pretext": _values(
            "spóźnień | skargi klienta | złej postawy | jednej nieobecności | braku w kasie"
        ),
        "interview_q": _values(
            "ile mam lat | czy planuję mieć dzieci | do jakiego kościoła chodzę"
            " | skąd pochodzi moja rodzina"
        ),
        "business_loc": _values(
            "w aptece | w sklepie spożywczym | w restauracji | w banku | w salonie fryzjerskim"
            " | w sklepie z telefonami | w pralni | w przychodni"
        ),
        "staff": _values("ochroniarz | kasjer | kierownik sklepu | sprzedawca | kelner"),
        "refusal": _values(
            "mam iść gdzie indziej | już zamykają, choć inni klienci wciąż wchodzili"
            " | muszę pokazać dokument, o który nikogo innego nie proszono"
        ),
        "route": _values("56 | 62 | 77 | 81 | 49 | 53"),
        "bus_action": _values(
            "nie chciał opuścić rampy dla mojego wózka inwalidzkiego"
            " | krzyczał na mnie za to, że rozmawiam po polsku"
            " | kazał mi wysiąść przed moim przystankiem"
        ),
        "stranger": _values(
            "nieznajomy mężczyzna | jakiś starszy pan | sąsiad z trzeciego piętra | rowerzysta"
            " | kierowca przejeżdżającego samochodu | jeden z grupy nastolatków"
        ),
        "slur_about": _values(
            "mojego akcentu | mojego pochodzenia | mojej religii | koloru mojej skóry"
        ),
        "distance": _values("przez dwie przecznice | prawie do samego domu | aż do sklepu"),
        "threat": _values("zrobi mi krzywdę | wyrzuci mnie z okolicy | zgłosi mnie do władz"),
        "target_loc": _values(
            "drzwiach mojego garażu | ścianie naszego budynku | moim samochodzie"
            " | płocie za domem | witrynie naszego sklepu"
        ),
        "worship": _values(
            "naszym kościołem | naszą parafią | meczetem | synagogą | świątynią | cerkwią"
        ),
        "group": _values(
            "Polaków | imigrantów | muzułmanów | Żydów | Ukraińców | osób czarnoskórych"
        ),
        "flag": _values("polską flagę | ukraińską flagę | tęczową flagę | meksykańską flagę"),
        "ordinal": _values("drugi | trzeci | czwarty"),
        "since": _values("naszej przeprowadzki | zeszłego lata | stycznia | zeszłego roku"),
        "topic": _values(
            "naszej nowej piekarni | zaginionym psie | festynie parafialnym | mojej małej firmie"
        ),
        "period": _values("dzień | kilka dni | tydzień"),
        "count": _values("kilkunastu | ponad dwudziestu | kilku | dziesiątek"),
        "neighbor_action": _values(
            "wyzywa moje dzieci, kiedy bawią się na dworze"
            " | zostawia na moim samochodzie kartki o mojej religii"
            " | nagrywa mnie telefonem i mówi, że nie pasuję do tej okolicy"
        ),
    },
    openings=(
        "Mieszkam w dzielnicy {area}, niedaleko {street}.",
        "To wydarzyło się {when} w dzielnicy {area}.",
        "Chcę zgłosić coś, co spotkało mnie {when}.",
        "Mieszkam w dzielnicy {area} od {years} lat i nigdy wcześniej nic takiego mnie nie"
        " spotkało.",
        "Znajoma powiedziała mi, że mogę to zgłosić do komisji.",
    ),
    closings=(
        "Chcę, żeby komisja wiedziała, co dzieje się w dzielnicy {area}.",
        "Nie chodzi mi o pieniądze, chcę tylko, żeby to się skończyło.",
        "Boję się, że to samo spotka kogoś innego.",
        "Jeśli potrzebujecie więcej informacji, wolę rozmawiać po polsku.",
        "Mogę przesłać {evidence}, jeśli to pomoże.",
        "Od tamtej pory źle śpię i nie czuję się bezpiecznie we własnym domu.",
    ),
    unsure=(
        "Nie wiem, czy to jest dyskryminacja, ale to nie było w porządku.",
        "Trudno mi ocenić, czy to był incydent z nienawiści, czy tylko niegrzeczny człowiek,"
        " dlatego piszę.",
        "Może to nie jest sprawa dla komisji, ale nie wiem, gdzie indziej się zwrócić.",
    ),
    discrimination=(
        (  # Mieszkanie
            "Moja rodzina szukała mieszkania, a w ogłoszeniu przy {street} oferowano {unit}.",
            "Kiedy {landlord} usłyszał mój akcent, powiedział, że mieszkanie jest już wynajęte.",
            "Kiedy {landlord} dowiedział się, że mam voucher Section 8, od razu odmówił.",
            "Powiedziano mi wprost, że nie wynajmą mieszkania {reason_dat}.",
            "Po mojej skardze {landlord} przestał naprawiać {repair}, a teraz nie chce"
            " przedłużyć umowy.",
        ),
        (  # Praca
            "Pracuję {job_where} w dzielnicy {area} od {years} lat.",
            "Na rozmowie kwalifikacyjnej pytano mnie, {interview_q}.",
            "W pracy {boss} zabrania nam mówić po polsku, nawet w czasie przerwy.",
            "Po tym, jak powiedziałam kierownikowi, że jestem w ciąży, odebrano mi prawie"
            " wszystkie zmiany.",
            "Młodsi koledzy dostają lepsze zmiany i nadgodziny, a ja słyszę żarty o moim wieku.",
            "Zwolniono mnie {when} z powodu {pretext}, ale to nieprawda.",
        ),
        (  # Sklepy, autobusy i urzędy
            "Wszystko stało się {business_loc} przy {street}.",
            "Przez cały czas {staff} chodził za mną jak za złodziejem.",
            "Potem {staff} odmówił obsługi i powiedział, że {refusal}.",
            "W autobusie linii {route} kierowca {bus_action}.",
            "W urzędzie miejskim urzędnik nie chciał mi pomóc, bo słabo mówię po angielsku, i"
            " nie wezwał tłumacza.",
        ),
    ),
    hate=(
        (  # Na ulicy
            "Na przystanku przy {street} {stranger} zaczął na mnie krzyczeć.",
            "Obrażał mnie z powodu {slur_about} i kazał mi wracać do swojego kraju.",
            "Szedł za mną {distance} i groził, że następnym razem {threat}.",
            "Ludzie dookoła widzieli wszystko, ale nikt nic nie powiedział.",
            "Teraz boję się chodzić tamtędy po zmroku.",
        ),
        (  # Graffiti, ulotki i miejsca kultu
            "Ktoś namalował nienawistne graffiti na {target_loc}.",
            "Przed {worship} ktoś zostawił na samochodach ulotki z nienawiścią wobec {group}.",
            "Ktoś zerwał {flag} z naszego balkonu i wyrzucił ją do zaułka.",
            "To już {ordinal} raz od {since}.",
            "Sprawa została zgłoszona na policję i mam zdjęcia, ale graffiti wciąż tam jest.",
        ),
        (  # Sąsiedzi i internet
            "Sąsiad z mojej ulicy ciągle {neighbor_action}.",
            "Po moim poście w grupie sąsiedzkiej o {topic} obcy ludzie zaczęli wysyłać mi"
            " wiadomości pełne nienawiści.",
            "W wiadomościach piszą, że wiedzą, gdzie mieszkam, i że mam się wynosić z"
            " dzielnicy {area}.",
            "Blokuję te konta, ale co {period} pojawiają się nowe.",
            "Mam zrzuty ekranu {count} wiadomości.",
        ),
    ),
)

# --------------------------------------------------------------------------------------------
# Arabic: first-person verbs do not show gender; adjectives about the writer are avoided.
# --------------------------------------------------------------------------------------------

AR = Language(
    slots={
        "street": _values(
            "شارع كيدزي | شارع لورانس | الشارع 63 | شارع بولاسكي | شارع ديفون | شارع ويسترن"
            " | شارع فوستر | شارع مونتروز"
        ),
        "area": _values(
            "ألباني بارك | ويست ريدج | روجرز بارك | أبتاون | شيكاغو لون | غيج بارك"
            " | إيرفينغ بارك | نورث بارك | لينكولن سكوير | بورتيج بارك"
        ),
        "when": _values(
            "يوم الثلاثاء الماضي | قبل أسبوعين | الشهر الماضي | في شهر مارس | صباح يوم سبت"
            " | في عطلة نهاية الأسبوع الماضية | قبل أيام قليلة | في طريق عودتي من العمل"
            " | في الشتاء الماضي | في إحدى ليالي أكتوبر"
        ),
        "years": _values("ثلاث | خمس | سبع | عشر"),
        "evidence": _values("الصور | الرسائل النصية | عقد الإيجار | التسجيل الصوتي | لقطات الشاشة"),
        "unit": _values(
            "شقة بغرفتي نوم | شقة بغرفة نوم واحدة | شقة صغيرة | شقة في الطابق الأرضي | شقة في القبو"
        ),
        "landlord": _values("صاحب العمارة | مدير العقار | وكيل التأجير | المالك | مسؤول المبنى"),
        "later": _values("في اليوم التالي | بعد أسبوع | في نفس المساء"),
        "repair": _values("التدفئة | الفرن | قفل الباب | سخان الماء | الثلاجة | الحمام"),
        "reason_people": _values(
            "لعائلات لديها أطفال | للنساء المحجبات | للمهاجرين | لمن يستخدم كرسيًا متحركًا"
            " | للعرب | للمسلمين"
        ),
        "job_where": _values(
            "في مستودع | في مطعم | في مخبز | في فندق وسط المدينة | في دار رعاية للمسنين"
            " | في مصنع صغير | في محل بقالة | في شركة تنظيف"
        ),
        "boss": _values("المدير | المشرف | صاحب العمل | رئيس الوردية"),
        "pretext": _values(
            "التأخير | شكوى من زبون | سوء السلوك | الغياب يومًا واحدًا | نقص في الصندوق"
        ),
        "trait": _values("حجابي | لهجتي | عمري | ديني | اسمي | لون بشرتي"),
        "interview_q": _values("عن عمري | إن كنت أنوي الإنجاب | عن ديني | من أين عائلتي"),
        "business": _values(
            "صيدلية | مطعم | بنك | محل ملابس | صالون حلاقة | سوبرماركت | محل هواتف | عيادة"
        ),
        "family": _values("أمي | زوجي | زوجتي | أولادي | ابنتي | ابني | صديقة لي"),
        "staff": _values("الحارس | الكاشير | المدير | الموظف | النادل"),
        "refusal": _values(
            "علينا أن نذهب إلى مكان آخر | المحل سيُغلق، مع أن زبائن آخرين كانوا يدخلون"
            " | عليّ إظهار هوية لم تُطلب من أحد غيري"
        ),
        "route": _values("81 | 82 | 63 | 53 | 49 | 92"),
        "bus_action": _values(
            "رفض السائق إنزال المنحدر من أجل كرسيّي المتحرك"
            " | لم يتوقف السائق مع أنني كنت أشير إليه"
            " | صرخ السائق في وجهي لأنني أتكلم العربية"
        ),
        "stranger": _values(
            "رجل لا أعرفه | شاب على دراجة | أحد الجيران | سائق سيارة مارة | رجل كبير في السن"
        ),
        "distance": _values("مسافة شارعين | حتى باب البيت تقريبًا | إلى داخل المحل"),
        "threat": _values("سيؤذيني | سيطردني من الحي | سيبلّغ عني السلطات"),
        "target_prop": _values(
            "باب مرآب بيتي | جدار عمارتنا | سيارتي | السور خلف البيت | واجهة محلنا"
        ),
        "group": _values("المسلمين | العرب | المهاجرين | اليهود | السود | اللاجئين"),
        "worship": _values("المسجد | الكنيسة | المركز الإسلامي | الكنيس | المعبد"),
        "object": _values("البيض | القمامة | زجاجة | الطلاء"),
        "service": _values("الصلاة | حفل زفاف | مناسبة دينية | درس مسائي"),
        "ordinal": _values("الثانية | الثالثة | الرابعة"),
        "since": _values("انتقلنا إلى هنا | الصيف الماضي | بداية السنة"),
        "topic": _values("افتتاح مطعمنا | إفطار رمضان في المسجد | قطة ضائعة | حفل في الحديقة"),
        "period": _values("يوم | بضعة أيام | أسبوع"),
        "neighbor_action": _values(
            "يشتم أولادي عندما يلعبون في الخارج | يترك أوراقًا على سيارتي عن ديني"
            " | يصوّرني بهاتفه ويقول إنني لا أنتمي إلى هنا"
        ),
    },
    openings=(
        "أسكن في حي {area} قرب {street}.",
        "حدث هذا {when} في حي {area}.",
        "أريد أن أبلّغ عن شيء حدث لي {when}.",
        "أعيش في {area} منذ {years} سنوات ولم يحدث لي شيء كهذا من قبل.",
        "أخبرتني صديقة أنني أستطيع إبلاغ اللجنة بهذا.",
    ),
    closings=(
        "أريد أن تعرف اللجنة ما يحدث في حي {area}.",
        "لا أريد مالًا، أريد فقط أن يتوقف هذا.",
        "أخاف أن يحدث الشيء نفسه لشخص آخر.",
        "إذا احتجتم إلى معلومات أكثر، أفضّل التحدث باللغة العربية.",
        "يمكنني إرسال {evidence} إذا كان ذلك مفيدًا.",
        "منذ ذلك الوقت لا أنام جيدًا ولا أشعر بالأمان في بيتي.",
    ),
    unsure=(
        "لا أعرف إن كان هذا يُعتبر تمييزًا، لكنه لم يكن عادلًا.",
        "لا أعرف إن كانت هذه حادثة كراهية أم مجرد شخص قليل الأدب، لذلك أكتب إليكم.",
        "ربما لا يدخل هذا في عمل اللجنة، لكني لم أعرف إلى أين أذهب.",
    ),
    discrimination=(
        (  # السكن
            "رأيت إعلانًا عن {unit} للإيجار في {street} واتصلت لأسأل عنها.",
            "عندما سمع {landlord} اسمي قال إن الشقة أُجّرت، لكن الإعلان بقي منشورًا {later}.",
            "عندما قلت إن عندي قسيمة سكن من برنامج Section 8، رفض {landlord} فورًا.",
            "قال لي {landlord} بصراحة إنه لا يؤجّر {reason_people}.",
            "بعد أن اشتكيت، توقف {landlord} عن إصلاح {repair}، والآن لا يريد تجديد عقدي.",
        ),
        (  # العمل
            "أعمل {job_where} في حي {area} منذ {years} سنوات.",
            "في المقابلة سألوني {interview_q}.",
            "يمنعنا {boss} من التحدث بالعربية في العمل، حتى في وقت الاستراحة.",
            "بعد أن أخبرت {boss} بأنني حامل، قُلّصت ساعات عملي إلى لا شيء تقريبًا.",
            "يسخر {boss} من {trait} أمام الزملاء.",
            "طُردت من العمل {when} بحجة {pretext}، وهذا غير صحيح.",
        ),
        (  # المحلات والحافلات ومكاتب المدينة
            "ذهبت إلى {business} في {street} مع {family}.",
            "ظل {staff} يتبعني طوال الوقت وكأنني سأسرق شيئًا.",
            "رفض {staff} خدمتنا وقال إن {refusal}.",
            "في حافلة الخط {route}، {bus_action}.",
            "في أحد مكاتب المدينة رفض الموظف مساعدتي لأن لغتي الإنجليزية ضعيفة، ولم يطلب مترجمًا.",
        ),
    ),
    hate=(
        (  # في الشارع
            "كنت أنتظر الحافلة في {street} عندما بدأ {stranger} يصرخ في وجهي.",
            "شتمني بكلمات عنصرية وقال إن أمثالي يجب أن يعودوا إلى بلادهم.",
            "لحق بي {distance} وهدّد بأنه {threat} إذا رآني مرة أخرى.",
            "رأى الناس كل شيء لكن لم يقل أحد شيئًا.",
            "منذ ذلك اليوم أتجنب المرور في ذلك الشارع.",
        ),
        (  # الكتابات والمنشورات ودور العبادة
            "كتب أحدهم عبارات مسيئة بالطلاء على {target_prop}.",
            "وُضعت منشورات تحمل كراهية ضد {group} على السيارات أمام {worship}.",
            "رمى أحدهم {object} على باب {worship} أثناء {service}.",
            "هذه هي المرة {ordinal} منذ {since}.",
            "أبلغت الشرطة والتقطت صورًا، لكن الكتابات ما زالت موجودة.",
        ),
        (  # الجيران والإنترنت
            "هناك جار في شارعنا {neighbor_action}.",
            "بعد أن نشرت في مجموعة الحي عن {topic}، بدأ أشخاص لا أعرفهم يرسلون لي رسائل كراهية.",
            "تقول الرسائل إنهم يعرفون أين أسكن وإن عليّ أن أترك حي {area}.",
            "أحظر الحسابات، لكن حسابات جديدة تظهر كل {period}.",
            "لدي لقطات شاشة لكل الرسائل.",
        ),
    ),
)

# --------------------------------------------------------------------------------------------
# Hindi: sentences built on "मुझे ...", "मैंने ..." and passives, which do not show the
# writer's gender.
# --------------------------------------------------------------------------------------------

HI = Language(
    slots={
        "street": _values(
            "डेवन एवेन्यू | वेस्टर्न एवेन्यू | कैलिफ़ोर्निया एवेन्यू | ब्रॉडवे | शेरिडन रोड"
            " | लॉरेंस एवेन्यू | क्लार्क स्ट्रीट | टूही एवेन्यू"
        ),
        "area": _values(
            "वेस्ट रिज | रॉजर्स पार्क | अपटाउन | एल्बनी पार्क | नॉर्थ पार्क | एजवॉटर"
            " | लिंकन स्क्वेयर | पोर्टेज पार्क | इर्विंग पार्क | हाइड पार्क"
        ),
        "when": _values(
            "पिछले मंगलवार | दो हफ़्ते पहले | पिछले महीने | मार्च में | एक शनिवार की सुबह"
            " | पिछले सप्ताहांत | कुछ दिन पहले | काम से लौटते समय | पिछली सर्दियों में"
            " | अक्टूबर की एक शाम"
        ),
        "years": _values("पाँच | दस | पंद्रह | बीस"),
        "evidence": _values("तस्वीरें | मैसेज के स्क्रीनशॉट | ईमेल | वीडियो"),
        "unit": _values("दो बेडरूम वाले फ़्लैट | एक बेडरूम वाले फ़्लैट | स्टूडियो अपार्टमेंट | बेसमेंट वाले फ़्लैट"),
        "landlord": _values("मकान मालिक | प्रॉपर्टी मैनेजर | बिल्डिंग मैनेजर | लीज़िंग एजेंट"),
        "later": _values("अगले दिन | एक हफ़्ते बाद | उसी शाम"),
        "repair": _values("हीटिंग | चूल्हा | दरवाज़े का ताला | गर्म पानी | फ़्रिज | बाथरूम का नल"),
        "reason_people": _values(
            "बच्चों वाले परिवारों | व्हीलचेयर इस्तेमाल करने वालों | विदेश से आए लोगों"
            " | बुज़ुर्गों | मुसलमानों | पगड़ी पहनने वालों"
        ),
        "job_where": _values(
            "एक गोदाम में | एक रेस्टोरेंट में | एक होटल में | एक नर्सिंग होम में"
            " | एक गैस स्टेशन पर | एक किराने की दुकान में | एक फ़ैक्ट्री में"
        ),
        "boss": _values("मैनेजर | सुपरवाइज़र | मालिक | शिफ़्ट लीड"),
        "pretext": _values("देर से आना | ग्राहक की शिकायत | बुरा रवैया | एक दिन की छुट्टी | कैश में कमी"),
        "trait": _values("मेरी पगड़ी | मेरी उम्र | मेरे लहजे | मेरे धर्म | मेरी दाढ़ी | मेरे नाम"),
        "interview_q": _values(
            "मेरी उम्र कितनी है | क्या बच्चे पैदा करने का इरादा है | मेरा धर्म क्या है | मेरा परिवार कहाँ से है"
        ),
        "family": _values("अपनी माँ | अपने पति | अपनी पत्नी | अपने बच्चों | अपनी बेटी | अपने बेटे | एक दोस्त"),
        "business": _values(
            "दवा की दुकान | रेस्टोरेंट | बैंक | कपड़ों की दुकान | सैलून | सुपरमार्केट | मोबाइल की दुकान | क्लिनिक"
        ),
        "staff": _values("सिक्योरिटी गार्ड | कैशियर | मैनेजर | दुकानदार | वेटर"),
        "refusal": _values(
            "हम कहीं और जाएँ | दुकान बंद हो रही है, जबकि दूसरे ग्राहक अंदर आ रहे थे"
            " | पहले पहचान पत्र दिखाना होगा, जो किसी और से नहीं माँगा गया"
        ),
        "route": _values("155 | 84 | 49 | 22 | 36 | 93"),
        "bus_action": _values(
            "मेरी व्हीलचेयर के लिए रैंप नीचे करने से मना कर दिया"
            " | हाथ देने पर भी बस नहीं रोकी | हिंदी बोलने पर मुझ पर चिल्लाना शुरू कर दिया"
        ),
        "stranger": _values(
            "एक अनजान आदमी | साइकिल पर एक लड़का | एक पड़ोसी | पास से गुज़रती गाड़ी का ड्राइवर"
            " | एक बुज़ुर्ग आदमी"
        ),
        "slur_about": _values("मेरे रंग | मेरी पगड़ी | मेरे धर्म | मेरे लहजे | मेरे कपड़ों"),
        "distance": _values("दो ब्लॉक तक | लगभग मेरे घर तक | दुकान के अंदर तक"),
        "threat": _values("मुझे चोट पहुँचाएगा | मुझे इलाक़े से भगा देगा | मेरी शिकायत पुलिस में करेगा"),
        "target_prop": _values(
            "मेरे गैराज के दरवाज़े | हमारी बिल्डिंग की दीवार | मेरी गाड़ी"
            " | घर के पीछे की बाड़ | हमारी दुकान के शटर"
        ),
        "worship": _values("मंदिर | गुरुद्वारे | मस्जिद | चर्च | जैन मंदिर"),
        "group": _values("सिखों | हिंदुओं | मुसलमानों | भारतीयों | प्रवासियों | एशियाई लोगों"),
        "object": _values("अंडे | पत्थर | कूड़े के थैले"),
        "service": _values("दिवाली के कार्यक्रम | रविवार की प्रार्थना | जुमे की नमाज़ | गुरपुरब"),
        "ordinal": _values("दूसरी | तीसरी | चौथी"),
        "since": _values("पिछली गर्मियों | जनवरी | पिछले साल"),
        "topic": _values("हमारी नई दुकान | दिवाली मेले | खोए हुए कुत्ते | मंदिर के लंगर"),
        "period": _values("दिन | हफ़्ते | दो-तीन दिन"),
        "count": _values("बीस से ज़्यादा | दर्जनों | कई | दस-बारह"),
        "neighbor_action": _values(
            "मेरे बच्चों को गालियाँ देता है"
            " | मेरी गाड़ी पर मेरे धर्म के बारे में पर्चियाँ छोड़ता है"
            " | फ़ोन से मेरा वीडियो बनाता है और कहता है कि हम यहाँ के नहीं हैं"
        ),
    },
    openings=(
        "मेरा घर {area} में {street} के पास है।",
        "यह घटना {when} {area} में हुई।",
        "मुझे {when} अपने साथ हुई एक घटना की शिकायत दर्ज करानी है।",
        "मेरा परिवार {years} साल से {area} में है, और पहले कभी ऐसा नहीं हुआ।",
        "एक दोस्त ने बताया कि इसकी शिकायत आयोग में की जा सकती है।",
    ),
    closings=(
        "आयोग को पता होना चाहिए कि {area} में ऐसा हो रहा है।",
        "मुझे पैसे नहीं चाहिए, बस यह सब बंद होना चाहिए।",
        "मुझे डर है कि किसी और के साथ भी ऐसा हो सकता है।",
        "अगर और जानकारी चाहिए तो मुझे हिंदी में बात करना आसान लगेगा।",
        "ज़रूरत हो तो मेरे पास {evidence} हैं।",
        "उस दिन के बाद से मुझे नींद ठीक से नहीं आती और घर में भी डर लगता है।",
    ),
    unsure=(
        "मुझे नहीं पता कि यह भेदभाव है या नहीं, लेकिन यह ठीक नहीं लगा।",
        "मुझे समझ नहीं आ रहा कि यह नफ़रत की घटना थी या बस कोई बदतमीज़ आदमी, इसलिए आपसे पूछना ज़रूरी लगा।",
        "शायद यह आयोग का मामला न हो, लेकिन मुझे नहीं पता था कि और कहाँ जाऊँ।",
    ),
    discrimination=(
        (  # मकान
            "मैंने {street} पर किराए के लिए {unit} का विज्ञापन देखा और फ़ोन करके पूछा।",
            "मेरा नाम सुनते ही {landlord} ने कहा कि फ़्लैट किराए पर जा चुका है, लेकिन {later}"
            " भी विज्ञापन लगा हुआ था।",
            "जब मैंने बताया कि मेरे पास सेक्शन 8 हाउसिंग वाउचर है, तो {landlord} ने तुरंत मना कर दिया।",
            "{landlord} ने साफ़ कहा कि वे {reason_people} को घर नहीं देते।",
            "शिकायत करने के बाद से {landlord} ने {repair} ठीक करवाना बंद कर दिया है, और अब"
            " लीज़ आगे बढ़ाने से भी मना कर दिया है।",
        ),
        (  # नौकरी
            "{years} साल से मेरी नौकरी {job_where} है।",
            "इंटरव्यू में मुझसे पूछा गया कि {interview_q}।",
            "{boss} हमें काम पर हिंदी बोलने से मना करता है, ब्रेक में भी।",
            "जब मैंने {boss} को बताया कि मैं गर्भवती हूँ, तो मेरी शिफ़्टें लगभग ख़त्म कर दी गईं।",
            "{boss} सबके सामने {trait} का मज़ाक उड़ाता है।",
            "{when} मुझे नौकरी से निकाल दिया गया और वजह {pretext} बताई गई, जो सच नहीं है।",
        ),
        (  # दुकानें, बसें और शहर के दफ़्तर
            "{family} के साथ {street} पर एक {business} में जाना हुआ।",
            "{staff} पूरे समय हमारे पीछे-पीछे घूमता रहा, जैसे हम कुछ चुरा लेंगे।",
            "{staff} ने हमें सर्विस देने से मना कर दिया और कहा कि {refusal}।",
            "{route} नंबर की बस में ड्राइवर ने {bus_action}।",
            "शहर के एक दफ़्तर में कर्मचारी ने मेरी मदद करने से मना कर दिया क्योंकि मेरी"
            " अंग्रेज़ी कमज़ोर है, और दुभाषिया भी नहीं बुलाया।",
        ),
    ),
    hate=(
        (  # सड़क पर
            "{street} पर बस का इंतज़ार करते समय {stranger} मुझ पर चिल्लाने लगा।",
            "उसने {slur_about} को लेकर मुझे गालियाँ दीं और कहा कि अपने देश वापस जाओ।",
            "वह {distance} मेरे पीछे आया और धमकी दी कि अगली बार {threat}।",
            "आसपास लोग सब देख रहे थे, लेकिन किसी ने कुछ नहीं कहा।",
            "अब अँधेरा होने के बाद उस रास्ते से गुज़रने में डर लगता है।",
        ),
        (  # दीवारों पर लिखावट, पर्चे और पूजा स्थल
            "किसी ने {target_prop} पर नफ़रत भरी बातें स्प्रे पेंट से लिख दीं।",
            "{worship} के बाहर खड़ी गाड़ियों पर {group} के ख़िलाफ़ नफ़रत भरे पर्चे लगाए गए।",
            "{service} के दौरान किसी ने {worship} के दरवाज़े पर {object} फेंके।",
            "{since} से यह {ordinal} बार हुआ है।",
            "पुलिस को रिपोर्ट की गई और फ़ोटो भी लिए गए, लेकिन लिखावट अब भी वहीं है।",
        ),
        (  # पड़ोसी और ऑनलाइन
            "गली का एक पड़ोसी बार-बार {neighbor_action}।",
            "मोहल्ले के ऑनलाइन ग्रुप में {topic} के बारे में पोस्ट डालने के बाद से अनजान लोग"
            " मुझे नफ़रत भरे मैसेज भेज रहे हैं।",
            "मैसेज में लिखा है कि उन्हें पता है मेरा घर कहाँ है और मुझे {area} छोड़ देना चाहिए।",
            "इन अकाउंट्स को ब्लॉक करने के बाद भी हर {period} नए अकाउंट बन जाते हैं।",
            "मेरे पास {count} मैसेजों के स्क्रीनशॉट हैं।",
        ),
    ),
)

# --------------------------------------------------------------------------------------------
# Tagalog, with the English words Filipino Chicagoans use for leases, shifts and apps.
# --------------------------------------------------------------------------------------------

FIL = Language(
    slots={
        "street": _values(
            "Lawrence Avenue | Kimball Avenue | Western Avenue | Clark Street | Broadway"
            " | Kedzie Avenue | Foster Avenue | Sheridan Road"
        ),
        "area": _values(
            "Albany Park | North Park | Lincoln Square | Uptown | Rogers Park | Edgewater"
            " | West Ridge | Irving Park | Ravenswood | Mayfair"
        ),
        "when": _values(
            "noong Martes | dalawang linggo na ang nakalipas | noong isang buwan | noong Marso"
            " | isang Sabado ng umaga | noong nakaraang weekend | ilang araw na ang nakalipas"
            " | habang pauwi ako galing trabaho | noong nakaraang taglamig"
            " | isang gabi ng Oktubre"
        ),
        "years": _values("limang | sampung | labinlimang | dalawampung"),
        "evidence": _values(
            "mga litrato | mga text message | kontrata ng upa | recording | mga screenshot"
        ),
        "unit": _values(
            "two-bedroom na apartment | isang kuwartong apartment | studio"
            " | basement apartment | apartment sa unang palapag"
        ),
        "landlord": _values(
            "landlord | property manager | building manager | may-ari ng building | leasing agent"
        ),
        "later": _values("kinabukasan | makalipas ang isang linggo | nang gabi ring iyon"),
        "repair": _values("heater | kalan | lock ng pinto | mainit na tubig | ref | banyo"),
        "reason_people": _values(
            "mga pamilyang may anak | mga naka-wheelchair | mga imigrante | mga matatanda"
            " | mga hindi marunong mag-Ingles"
        ),
        "job_where": _values(
            "bilang caregiver | bilang nurse aide sa isang nursing home | sa isang hotel"
            " | sa isang warehouse | sa isang restaurant | bilang cleaner sa isang opisina"
        ),
        "boss": _values("manager | supervisor | may-ari | shift lead"),
        "pretext": _values(
            "pagiging late | reklamo ng isang customer | ugali ko | pag-absent ko ng isang araw"
            " | kulang sa kaha"
        ),
        "trait": _values("accent | edad | relihiyon | pangalan | kulay ng balat"),
        "interview_q": _values(
            "ilang taon na ako | may balak akong magkaanak | ano ang relihiyon ko"
            " | taga-saan ang pamilya ko"
        ),
        "family": _values(
            "nanay ko | asawa ko | mga anak ko | anak kong babae | anak kong lalaki | lola ko"
            " | kaibigan ko"
        ),
        "business": _values(
            "botika | restaurant | bangko | tindahan ng damit | salon | grocery"
            " | tindahan ng cellphone | clinic"
        ),
        "staff": _values("security guard | kahera | manager | tindera | waiter"),
        "refusal": _values(
            "pumunta na lang daw kami sa iba"
            " | magsasara na raw sila, pero may pumapasok pang ibang customer"
            " | kailangan ko raw magpakita ng ID na hindi hiningi sa iba"
        ),
        "route": _values("No. 81 | No. 82 | No. 49 | No. 22 | No. 36"),
        "bus_action": _values(
            "ayaw ibaba ng driver ang ramp para sa wheelchair ko"
            " | hindi tumigil ang driver kahit kumakaway ako"
            " | sinigawan ako ng driver dahil nagsasalita ako ng Tagalog"
        ),
        "stranger": _values(
            "lalaking hindi ko kilala | grupo ng mga kabataan | babaeng naka-pulang jacket"
            " | lalaking naka-bisikleta | matandang lalaki"
        ),
        "slur_about": _values("pagiging Asyano ko | accent ko | kulay ng balat ko | relihiyon ko"),
        "distance": _values(
            "nang dalawang block | hanggang sa tapat ng bahay namin | hanggang sa loob ng tindahan"
        ),
        "threat": _values(
            "sasaktan niya ako | palalayasin niya ako sa lugar | isusumbong niya ako sa pulis"
        ),
        "target_prop": _values(
            "pinto ng garahe namin | pader ng building namin | kotse ko"
            " | bakod sa likod ng bahay | harap ng tindahan namin"
        ),
        "group": _values(
            "mga Asyano | mga Pilipino | mga imigrante | mga Muslim | mga Hudyo | mga Black"
        ),
        "worship": _values("simbahan namin | mosque | templo | sinagoga | kapilya namin"),
        "object": _values("itlog | basura | bote | pintura"),
        "service": _values("misa | Simbang Gabi | kasal | Bible study"),
        "ordinal": _values("ikalawang | ikatlong | ikaapat na"),
        "since": _values("nang lumipat kami | noong tag-araw | noong Enero"),
        "topic": _values("bago naming restaurant | nawawalang aso | Simbang Gabi | block party"),
        "period": _values("araw | ilang araw | linggo"),
        "count": _values("mahigit dalawampung | napakaraming | ilang | sampung"),
        "neighbor_action": _values(
            "sumisigaw ng mura sa mga anak ko kapag naglalaro sila sa labas"
            " | nag-iiwan ng sulat sa kotse ko tungkol sa relihiyon ko"
            " | kinukunan ako ng video at sinasabing hindi ako taga-rito"
        ),
    },
    openings=(
        "Nakatira ako sa {area}, malapit sa {street}.",
        "Nangyari ito {when} sa {area}.",
        "Gusto kong i-report ang nangyari sa akin {when}.",
        "Mahigit {years} taon na akong nakatira sa {area}, at ngayon lang ako nakaranas ng ganito.",
        "Sinabi ng isang kaibigan na puwede kong i-report ito sa komisyon.",
    ),
    closings=(
        "Gusto kong malaman ng komisyon na nangyayari ito sa {area}.",
        "Hindi pera ang gusto ko, gusto ko lang na tumigil na ito.",
        "Natatakot ako na mangyari rin ito sa iba.",
        "Kung kailangan ninyo ng dagdag na impormasyon, mas madali para sa akin ang Tagalog.",
        "Puwede kong ipadala ang {evidence} kung makakatulong.",
        "Mula noon, hirap akong matulog at hindi ako panatag sa sarili kong bahay.",
    ),
    unsure=(
        "Hindi ko alam kung diskriminasyon ito, pero hindi tama ang pakiramdam ko.",
        "Hindi ako sigurado kung hate incident ito o bastos lang talaga ang tao, kaya"
        " nagtatanong ako.",
        "Baka hindi ito sakop ng komisyon, pero hindi ko alam kung saan pa pupunta.",
    ),
    discrimination=(
        (  # Pabahay
            "Nakakita ako ng ad para sa {unit} sa {street} at tumawag ako para magtanong.",
            "Nang marinig ng {landlord} ang accent ko, sinabi niyang may nakakuha na, pero"
            " nakapost pa rin ang ad {later}.",
            "Nang sabihin kong may Section 8 voucher ako, tumanggi agad ang {landlord}.",
            "Sinabi ng {landlord} na ayaw nilang magpaupa sa {reason_people}.",
            "Mula nang magreklamo ako, hindi na inaayos ng {landlord} ang {repair}, at ayaw na"
            " niyang i-renew ang lease ko.",
        ),
        (  # Trabaho
            "Mahigit {years} taon na akong nagtatrabaho {job_where} sa {area}.",
            "Sa interview, tinanong nila ako kung {interview_q}.",
            "Pinagbabawalan kami ng {boss} na magsalita ng Tagalog sa trabaho, kahit break time.",
            "Nang sabihin ko sa {boss} na buntis ako, halos lahat ng shift ko ay tinanggal.",
            "Pinagtatawanan ng {boss} ang {trait} ko sa harap ng ibang empleyado.",
            "Tinanggal ako sa trabaho {when} dahil daw sa {pretext}, pero hindi iyon totoo.",
        ),
        (  # Tindahan, bus at opisina ng lungsod
            "Pumunta kami ng {family} sa isang {business} sa {street}.",
            "Sinundan kami ng {staff} sa buong tindahan na parang magnanakaw kami.",
            "Ayaw kaming pagsilbihan ng {staff} at sinabing {refusal}.",
            "Sa bus na {route}, {bus_action}.",
            "Sa isang opisina ng lungsod, ayaw akong tulungan ng empleyado dahil hindi ako"
            " magaling mag-Ingles, at hindi rin sila tumawag ng interpreter.",
        ),
    ),
    hate=(
        (  # Sa kalye
            "Naghihintay ako ng bus sa {street} nang biglang may {stranger} na sumigaw sa akin.",
            "Minura niya ako tungkol sa {slur_about} at sinabing umuwi na raw ako sa bansa ko.",
            "Sinundan niya ako {distance} at nagbanta siyang {threat} kapag nakita niya ulit ako.",
            "Maraming tao ang nakakita, pero walang nagsalita.",
            "Ngayon, takot na akong dumaan doon kapag madilim na.",
        ),
        (  # Graffiti, flyer at simbahan
            "May nag-spray paint ng graffiti na puno ng galit sa {target_prop}.",
            "May nag-iwan ng mga flyer laban sa {group} sa mga kotseng nakaparada sa labas ng"
            " {worship}.",
            "May nagbato ng {object} sa pinto ng {worship} habang may {service}.",
            "Ito na ang {ordinal} beses mula {since}.",
            "Nag-report ako sa pulis at kumuha ng litrato, pero nandoon pa rin ang graffiti.",
        ),
        (  # Kapitbahay at online
            "Ang kapitbahay namin ay palaging {neighbor_action}.",
            "Matapos kong mag-post sa neighborhood group tungkol sa {topic}, may mga hindi"
            " kilalang tao na nagpadala sa akin ng mga mensaheng puno ng galit.",
            "Sabi sa mga mensahe, alam daw nila kung saan ako nakatira at dapat na akong umalis"
            " sa {area}.",
            "Bina-block ko ang mga account, pero may bago ulit tuwing {period}.",
            "May screenshot ako ng {count} mensahe.",
        ),
    ),
)

# --------------------------------------------------------------------------------------------
# Korean: particles after a slot are ones that do not depend on its last sound (에, 에서, 의),
# or the slot's values all end alike (consonant-final roles take 은/이).
# --------------------------------------------------------------------------------------------

KO = Language(
    slots={
        "street": _values(
            "로렌스 애비뉴 | 킴볼 애비뉴 | 켓지 애비뉴 | 브린 모어 애비뉴 | 웨스턴 애비뉴"
            " | 포스터 애비뉴 | 벨몬트 애비뉴 | 밀워키 애비뉴"
        ),
        "area": _values(
            "올버니 파크 | 노스 파크 | 링컨 스퀘어 | 웨스트 리지 | 로저스 파크 | 어빙 파크"
            " | 업타운 | 에지워터 | 포티지 파크 | 로건 스퀘어"
        ),
        "when": _values(
            "지난주 화요일에 | 2주 전에 | 지난달에 | 3월에 | 어느 토요일 아침에 | 지난 주말에"
            " | 며칠 전에 | 퇴근길에 | 지난겨울에 | 10월의 어느 저녁에"
        ),
        "years": _values("5 | 10 | 15 | 20"),
        "evidence": _values("사진 | 문자 메시지 | 임대 계약서 | 녹음 파일 | 화면 캡처"),
        "unit": _values(
            "방 두 개짜리 아파트 | 원룸 | 방 한 개짜리 아파트 | 지하층 아파트 | 1층 아파트"
        ),
        "landlord": _values("집주인 | 관리인 | 중개인 | 건물 관리인 | 관리 사무소 직원"),
        "later": _values("다음 날에도 | 일주일 뒤에도 | 그날 저녁에도"),
        "repair": _values("난방 | 가스레인지 | 현관 잠금장치 | 온수기 | 냉장고 | 화장실"),
        "reason_people": _values(
            "아이가 있는 가족 | 휠체어를 쓰는 사람 | 이민자 | 노인 | 영어를 잘 못하는 사람"
        ),
        "workplace": _values("식당 | 창고 | 세탁소 | 미용실 | 마트 | 요양원 | 공장 | 호텔"),
        "boss": _values("사장님 | 감독관 | 주임 | 팀장님 | 지배인"),
        "pretext": _values("지각 | 고객 불만 | 태도 문제 | 하루 결근 | 계산대 금액 부족"),
        "trait": _values("억양 | 나이 | 종교 | 이름 | 피부색"),
        "interview_q": _values(
            "제 나이를 | 아이를 가질 계획이 있는지 | 어느 교회에 다니는지 | 가족이 어디 출신인지"
        ),
        "family": _values("어머니와 | 남편과 | 아내와 | 아이들과 | 딸과 | 아들과 | 친구와"),
        "business": _values("약국 | 식당 | 은행 | 옷 가게 | 미용실 | 마트 | 휴대폰 가게 | 병원"),
        "staff": _values("경비원 | 계산원 | 점원 | 종업원 | 가게 주인"),
        "refusal": _values("다른 데로 가라 | 곧 문을 닫는다 | 신분증부터 보여 달라"),
        "route": _values("81 | 82 | 11 | 49 | 92"),
        "bus_action": _values(
            "휠체어 경사로를 내려 주지 않았습니다 | 제가 손을 흔들었는데도 서지 않았습니다"
            " | 한국어로 통화한다고 소리를 질렀습니다"
        ),
        "stranger": _values(
            "모르는 남자가 | 젊은 사람들 몇 명이 | 이웃 한 명이 | 자전거를 탄 남자가"
            " | 지나가던 차의 운전자가"
        ),
        "slur_about": _values("외모 | 억양 | 종교 | 피부색"),
        "distance": _values("두 블록이나 | 거의 집 앞까지 | 가게 안까지"),
        "threat": _values("가만두지 않겠다고 | 동네에서 쫓아내겠다고 | 경찰에 신고하겠다고"),
        "target_prop": _values(
            "우리 집 차고 문 | 우리 건물 벽 | 제 차 | 집 뒤 울타리 | 우리 가게 셔터"
        ),
        "group": _values("아시아인 | 한국인 | 이민자 | 무슬림 | 유대인 | 흑인"),
        "worship": _values("우리 교회 | 성당 | 절 | 모스크 | 회당"),
        "object": _values("달걀을 | 쓰레기를 | 병을 | 페인트를"),
        "service": _values("주일 예배 | 새벽 기도 | 결혼식 | 수요 예배"),
        "since": _values("이사 온 | 작년 여름 | 올해 1월"),
        "ordinal": _values("두 | 세 | 네"),
        "topic": _values("새로 연 우리 가게 | 잃어버린 강아지 | 교회 바자회 | 설날 행사"),
        "period": _values("하루 | 며칠 | 일주일"),
        "count": _values("스무 개 넘게 | 수십 개 | 여러 개 | 열 개쯤"),
        "neighbor_action": _values(
            "우리 아이들이 밖에서 놀 때마다 욕을 합니다 | 제 차에 종교에 대한 쪽지를 자꾸 남깁니다"
            " | 휴대폰으로 저를 찍으면서 여기 사람이 아니라고 말합니다"
        ),
    },
    openings=(
        "저는 {area}의 {street} 근처에 살고 있습니다.",
        "이 일은 {when} {area}에서 일어났습니다.",
        "{when} 제가 겪은 일을 신고하고 싶습니다.",
        "{area}에 {years}년 동안 살았지만 이런 일은 처음입니다.",
        "친구가 이 일을 위원회에 신고할 수 있다고 알려 줬습니다.",
    ),
    closings=(
        "{area}에서 이런 일이 일어나고 있다는 것을 위원회가 알았으면 합니다.",
        "돈을 원하는 것이 아니라, 이런 일이 멈추기를 바랄 뿐입니다.",
        "다른 사람에게도 같은 일이 생길까 봐 걱정됩니다.",
        "추가 정보가 필요하시면 한국어로 이야기하는 것이 편합니다.",
        "도움이 된다면 {evidence}도 보내 드릴 수 있습니다.",
        "그 후로 잠을 잘 못 자고 집에서도 마음이 편하지 않습니다.",
    ),
    unsure=(
        "이것이 차별에 해당하는지 잘 모르겠지만, 공정하지 않다고 느꼈습니다.",
        "혐오 사건인지 그냥 무례한 사람이었는지 몰라서 여쭤봅니다.",
        "위원회에서 다루는 일이 아닐 수도 있지만, 어디에 말해야 할지 몰랐습니다.",
    ),
    discrimination=(
        (  # 주거
            "{street}에 있는 {unit} 광고를 보고 문의 전화를 했습니다.",
            "제 억양을 듣자마자 {landlord}은 이미 나갔다고 했지만, {later} 광고는 그대로"
            " 있었습니다.",
            "섹션 8 바우처가 있다고 말하자 {landlord}은 바로 거절했습니다.",
            "{landlord}은 {reason_people}에게는 세를 주지 않는다고 분명히 말했습니다.",
            "제가 불만을 제기한 뒤로 {landlord}은 {repair} 수리를 해 주지 않고, 이제는 계약"
            " 연장도 안 해 준다고 합니다.",
        ),
        (  # 직장
            "저는 {area}에 있는 {workplace}에서 {years}년 동안 일했습니다.",
            "면접에서 {interview_q} 물어봤습니다.",
            "{boss}은 쉬는 시간에도 한국어를 쓰지 말라고 했습니다.",
            "임신했다고 말씀드리자 {boss}은 제 근무 시간을 거의 다 없앴습니다.",
            "{boss}은 다른 직원들 앞에서 제 {trait}에 대해 농담을 합니다.",
            "{when} 해고를 당했는데, 이유는 {pretext} 때문이라고 했지만 사실이 아닙니다.",
        ),
        (  # 가게, 버스, 시청
            "{family} 함께 {street}에 있는 {business}에 갔습니다.",
            "{staff}이 우리를 계속 따라다녔는데, 마치 물건을 훔칠 사람처럼 대했습니다.",
            "{staff}은 우리에게 서비스를 거부하면서 {refusal}고 했습니다.",
            "{route}번 버스에서 기사가 {bus_action}.",
            "시청 민원실에서 직원이 제 영어가 서툴다는 이유로 도와주지 않았고, 통역도 불러"
            " 주지 않았습니다.",
        ),
    ),
    hate=(
        (  # 길에서
            "{street}에서 버스를 기다리고 있는데 {stranger} 갑자기 저에게 소리를 지르기"
            " 시작했습니다.",
            "그 사람은 제 {slur_about}에 대해 욕을 하면서 자기 나라로 돌아가라고 했습니다.",
            "그 사람은 {distance} 저를 따라오면서 다음에 또 보면 {threat} 위협했습니다.",
            "주변 사람들이 다 봤지만 아무도 아무 말도 하지 않았습니다.",
            "이제는 어두워지면 그 길로 다니기가 무섭습니다.",
        ),
        (  # 낙서, 전단지, 종교 시설
            "누군가 {target_prop}에 혐오스러운 낙서를 스프레이로 그려 놓았습니다.",
            "{worship} 앞에 주차된 차들에 {group}에 대한 혐오 전단지가 꽂혀 있었습니다.",
            "{service} 중에 누군가 {worship} 문에 {object} 던졌습니다.",
            "{since} 이후로 이번이 {ordinal} 번째입니다.",
            "경찰에 신고하고 사진도 찍었지만 낙서는 아직도 그대로 있습니다.",
        ),
        (  # 이웃과 온라인
            "같은 동네 이웃이 {neighbor_action}.",
            "동네 온라인 모임에 {topic}에 관한 글을 올린 뒤로 모르는 사람들이 혐오 메시지를"
            " 보내기 시작했습니다.",
            "메시지에는 제가 어디 사는지 알고 있으니 {area}에서 떠나라고 쓰여 있었습니다.",
            "계정을 차단해도 {period}마다 새 계정이 생깁니다.",
            "그 메시지들을 {count} 화면 캡처해 두었습니다.",
        ),
    ),
)

# --------------------------------------------------------------------------------------------
# Ukrainian: present tense, plural ("ми") and impersonal ("мені сказали") forms, so no sentence
# shows the writer's gender.
# --------------------------------------------------------------------------------------------

UK = Language(
    slots={
        "street": _values(
            "Чикаго-авеню | Вестерн-авеню | Ешленд-авеню | Мілвокі-авеню | Белмонт-авеню"
            " | Гарлем-авеню | Ірвінг-Парк-роуд | Даймен-авеню"
        ),
        "area": _values(
            "Юкрейніан-Віллідж | Вест-Таун | Портедж-Парк | Джефферсон-Парк | Вікер-Парк"
            " | Даннінг | Норвуд-Парк | Ейвондейл | Белмонт-Креджин | Гумбольдт-Парк"
        ),
        "when": _values(
            "минулого вівторка | два тижні тому | минулого місяця | у березні"
            " | в суботу вранці | минулих вихідних | кілька днів тому | дорогою з роботи"
            " | минулої зими | одного жовтневого вечора"
        ),
        "years": _values("п'ять | десять | п'ятнадцять | двадцять"),
        "evidence": _values(
            "фотографії | повідомлення | договір оренди | аудіозапис | знімки екрана"
        ),
        "unit": _values(
            "двокімнатну квартиру | однокімнатну квартиру | квартиру в підвалі"
            " | квартиру на першому поверсі | невелику студію"
        ),
        "landlord": _values(
            "власник будинку | управитель | орендодавець | агент з нерухомості"
            " | адміністратор будинку"
        ),
        "later": _values("наступного дня | через тиждень | того ж вечора"),
        "repair": _values(
            "опалення | плиту | замок на дверях | бойлер | холодильник | кран у ванній"
        ),
        "reason_people": _values(
            "сім'ям з дітьми | людям на візку | іммігрантам | літнім людям"
            " | тим, хто погано говорить англійською"
        ),
        "job_where": _values(
            "на складі | в пекарні | в готелі | в будинку для літніх людей | на фабриці"
            " | в ресторані | в клінінговій компанії | на будівництві"
        ),
        "boss": _values("керівник | бригадир | власник фірми | начальник зміни | менеджер"),
        "pretext": _values(
            "запізнення | скаргу клієнта | погану поведінку | один пропущений день | нестачу в касі"
        ),
        "trait": _values("акценту | віку | імені | походження"),
        "interview_q": _values(
            "скільки мені років | чи планую я мати дітей | до якої церкви я ходжу"
            " | звідки моя родина"
        ),
        "business_loc": _values(
            "в аптеці | в продуктовому магазині | в ресторані | у банку | в перукарні"
            " | в магазині телефонів | в пральні | в клініці"
        ),
        "staff": _values("охоронець | касир | продавець | офіціант | менеджер магазину"),
        "refusal": _values(
            "мені краще піти деінде | вони вже зачиняються, хоча інші покупці заходили"
            " | я маю показати документ, якого ні в кого більше не просили"
        ),
        "route": _values("66 | 49 | 9 | 56 | 77"),
        "bus_action": _values(
            "не захотів опустити пандус для мого візка"
            " | накричав на мене за те, що я говорю українською"
            " | висадив мене раніше моєї зупинки"
        ),
        "stranger": _values(
            "незнайомий чоловік | літній чоловік | сусід з третього поверху"
            " | хлопець на велосипеді | водій машини, що проїжджала повз,"
        ),
        "slur_about": _values("мій акцент | моє походження | мою мову | мою віру"),
        "distance": _values("два квартали | майже до самого дому | аж до магазину"),
        "threat": _values("зробить мені боляче | вижене мене з району | донесе на мене"),
        "target_loc": _values(
            "дверях мого гаража | стіні нашого будинку | моїй машині | паркані за будинком"
            " | вітрині нашого магазину"
        ),
        "worship": _values("нашої церкви | собору | мечеті | синагоги | храму"),
        "group": _values(
            "українців | іммігрантів | мусульман | євреїв | біженців | темношкірих людей"
        ),
        "flag": _values(
            "український прапор | райдужний прапор | мексиканський прапор | польський прапор"
        ),
        "ordinal": _values("другий | третій | четвертий"),
        "since": _values("нашого переїзду | минулого літа | січня | початку року"),
        "topic": _values(
            "нашу нову пекарню | загубленого собаку | благодійний ярмарок | мій маленький бізнес"
        ),
        "count": _values("кількох | понад двадцяти | десятків | п'ятнадцяти"),
        "neighbor_action": _values(
            "обзиває моїх дітей, коли вони граються надворі"
            " | залишає на моїй машині записки про мою віру"
            " | знімає мене на телефон і каже, що мені тут не місце"
        ),
    },
    openings=(
        "Я живу в районі {area}, неподалік від {street}.",
        "Це сталося {when} в районі {area}.",
        "Хочу повідомити про те, що сталося зі мною {when}.",
        "Я живу в районі {area} вже {years} років, і раніше нічого подібного не траплялося.",
        "Знайома порадила звернутися з цим до комісії.",
    ),
    closings=(
        "Хочу, щоб комісія знала, що відбувається в районі {area}.",
        "Мені не потрібні гроші, я лише хочу, щоб це припинилося.",
        "Боюся, що те саме станеться з кимось іншим.",
        "Якщо потрібна додаткова інформація, мені легше говорити українською.",
        "Можу надіслати {evidence}, якщо це допоможе.",
        "Відтоді я погано сплю і не почуваюся в безпеці навіть удома.",
    ),
    unsure=(
        "Не знаю, чи це дискримінація, але це було несправедливо.",
        "Не розумію, чи це був інцидент на ґрунті ненависті, чи просто груба людина, тому й пишу.",
        "Можливо, це не справа комісії, але я не знаю, куди ще звернутися.",
    ),
    discrimination=(
        (  # Житло
            "Ми з родиною шукали житло й знайшли оголошення про {unit} на {street}.",
            "Щойно {landlord} почув мій акцент, сказав, що квартиру вже здали, але оголошення"
            " висіло й {later}.",
            "Коли {landlord} дізнався, що в мене є ваучер Section 8, одразу відмовив.",
            "Мені прямо сказали, що не здають житло {reason_people}.",
            "Після моєї скарги {landlord} перестав лагодити {repair}, а тепер не хоче"
            " продовжувати договір.",
        ),
        (  # Робота
            "Я працюю {job_where} в районі {area} вже {years} років.",
            "На співбесіді мене питали, {interview_q}.",
            "На роботі {boss} забороняє нам говорити українською, навіть під час перерви.",
            "Після того як я сказала керівникові, що вагітна, мені скоротили майже всі зміни.",
            "Перед іншими працівниками {boss} жартує з мого {trait}.",
            "Мене звільнили {when} нібито через {pretext}, але це неправда.",
        ),
        (  # Магазини, автобуси й міські установи
            "Усе сталося {business_loc} на {street}.",
            "Весь час {staff} ходив за мною, наче за злодієм.",
            "Потім {staff} відмовився мене обслуговувати й сказав, що {refusal}.",
            "В автобусі маршруту {route} водій {bus_action}.",
            "У міській установі працівник відмовився мені допомогти, бо я погано говорю"
            " англійською, і не покликав перекладача.",
        ),
    ),
    hate=(
        (  # На вулиці
            "На зупинці на {street} {stranger} почав на мене кричати.",
            "Він ображав мене через {slur_about} і казав, що таким, як я, тут не місце.",
            "Він ішов за мною {distance} і погрожував, що наступного разу {threat}.",
            "Люди навколо все бачили, але ніхто нічого не сказав.",
            "Тепер мені страшно ходити там після заходу сонця.",
        ),
        (  # Графіті, листівки й храми
            "Хтось намалював ненависницькі графіті на {target_loc}.",
            "Біля {worship} хтось залишив на машинах листівки з ненавистю до {group}.",
            "Хтось зірвав {flag} з нашого балкона і викинув його у провулок.",
            "Це вже {ordinal} раз від {since}.",
            "Про це повідомили поліцію, є фотографії, але графіті досі там.",
        ),
        (  # Сусіди й інтернет
            "Сусід з нашої вулиці постійно {neighbor_action}.",
            "Після мого допису в сусідській групі про {topic} незнайомі люди почали надсилати"
            " мені повідомлення з ненавистю.",
            "У повідомленнях пишуть, що знають, де я живу, і що я маю забиратися з району {area}.",
            "Я блокую ці акаунти, але нові з'являються майже щодня.",
            "У мене є знімки екрана {count} повідомлень.",
        ),
    ),
)

# --------------------------------------------------------------------------------------------
# Urdu: like Hindi, sentences built on "مجھے ...", "میں نے ..." and passives.
# --------------------------------------------------------------------------------------------

UR = Language(
    slots={
        "street": _values(
            "ڈیوون ایونیو | ویسٹرن ایونیو | کیلیفورنیا ایونیو | براڈوے | شیریڈن روڈ"
            " | لارنس ایونیو | کلارک اسٹریٹ | ٹوہی ایونیو"
        ),
        "area": _values(
            "ویسٹ رج | راجرز پارک | اپ ٹاؤن | البانی پارک | نارتھ پارک | ایج واٹر"
            " | لنکن اسکوائر | ہائیڈ پارک | ارونگ پارک"
        ),
        "when": _values(
            "پچھلے منگل | دو ہفتے پہلے | پچھلے مہینے | مارچ میں | ہفتے کی صبح"
            " | پچھلے ویک اینڈ پر | کچھ دن پہلے | کام سے واپسی پر | پچھلی سردیوں میں"
            " | اکتوبر کی ایک شام"
        ),
        "years": _values("پانچ | دس | پندرہ | بیس"),
        "evidence": _values("تصویریں | میسجز کے اسکرین شاٹ | ای میلز | ویڈیوز"),
        "unit": _values(
            "دو بیڈروم والے فلیٹ | ایک بیڈروم والے فلیٹ | اسٹوڈیو اپارٹمنٹ | بیسمنٹ والے فلیٹ"
        ),
        "landlord": _values("مالک مکان | پراپرٹی مینیجر | بلڈنگ مینیجر | لیزنگ ایجنٹ"),
        "later": _values("اگلے دن | ایک ہفتے بعد | اسی شام"),
        "repair": _values("ہیٹنگ | چولہا | دروازے کا تالا | گرم پانی | فریج | باتھ روم کا نل"),
        "reason_people": _values(
            "بچوں والے خاندانوں | وہیل چیئر استعمال کرنے والوں | باہر سے آئے لوگوں"
            " | بزرگوں | مسلمانوں | حجاب پہننے والی خواتین"
        ),
        "job_where": _values(
            "ایک گودام میں | ایک ریستوران میں | ایک ہوٹل میں | ایک نرسنگ ہوم میں"
            " | ایک گیس اسٹیشن پر | ایک کریانے کی دکان میں | ایک فیکٹری میں"
        ),
        "boss": _values("مینیجر | سپروائزر | مالک | شفٹ لیڈ"),
        "pretext": _values(
            "دیر سے آنا | گاہک کی شکایت | برا رویہ | ایک دن کی غیر حاضری | کیش میں کمی"
        ),
        "trait": _values("میرے حجاب | میری عمر | میرے لہجے | میرے مذہب | میری داڑھی | میرے نام"),
        "interview_q": _values(
            "میری عمر کیا ہے | کیا بچے پیدا کرنے کا ارادہ ہے | میرا مذہب کیا ہے"
            " | میرا خاندان کہاں سے ہے"
        ),
        "family": _values(
            "اپنی امی | اپنے شوہر | اپنی بیوی | اپنے بچوں | اپنی بیٹی | اپنے بیٹے | ایک دوست"
        ),
        "business": _values(
            "دوا کی دکان | ریستوران | بینک | کپڑوں کی دکان | سیلون | سپر مارکیٹ"
            " | موبائل کی دکان | کلینک"
        ),
        "staff": _values("سیکیورٹی گارڈ | کیشیئر | مینیجر | دکاندار | ویٹر"),
        "refusal": _values(
            "ہم کہیں اور جائیں | دکان بند ہو رہی ہے، حالانکہ دوسرے گاہک اندر آ رہے تھے"
            " | پہلے شناختی کارڈ دکھانا ہوگا، جو کسی اور سے نہیں مانگا گیا"
        ),
        "route": _values("155 | 84 | 49 | 22 | 36"),
        "bus_action": _values(
            "میری وہیل چیئر کے لیے ریمپ نیچے کرنے سے انکار کر دیا"
            " | ہاتھ دینے پر بھی بس نہیں روکی | اردو بولنے پر مجھ پر چلانا شروع کر دیا"
        ),
        "stranger": _values(
            "ایک اجنبی آدمی | سائیکل پر ایک لڑکا | ایک پڑوسی | پاس سے گزرتی گاڑی کا ڈرائیور"
            " | ایک بوڑھا آدمی"
        ),
        "slur_about": _values("میرے رنگ | میرے حجاب | میرے مذہب | میرے لہجے | میری داڑھی"),
        "distance": _values("دو بلاک تک | تقریباً میرے گھر تک | دکان کے اندر تک"),
        "threat": _values(
            "مجھے نقصان پہنچائے گا | مجھے علاقے سے نکال دے گا | میری شکایت پولیس میں کرے گا"
        ),
        "target_prop": _values(
            "میرے گیراج کے دروازے | ہماری بلڈنگ کی دیوار | میری گاڑی | گھر کے پیچھے کی باڑ"
            " | ہماری دکان کے شٹر"
        ),
        "worship": _values("مسجد | اسلامک سینٹر | گردوارے | چرچ | مندر"),
        "group": _values(
            "مسلمانوں | پاکستانیوں | جنوبی ایشیائی لوگوں | تارکین وطن | سکھوں | یہودیوں"
        ),
        "object": _values("انڈے | کچرے کے تھیلے | پتھر"),
        "service": _values("جمعے کی نماز | تراویح | عید کی نماز | اتوار کی عبادت"),
        "since": _values("پچھلی گرمیوں | جنوری | پچھلے سال"),
        "ordinal": _values("دوسری | تیسری | چوتھی"),
        "topic": _values("ہماری نئی دکان | عید میلے | گمشدہ بلی | مسجد کی افطاری"),
        "period": _values("دن | ہفتے | دو تین دن"),
        "count": _values("بیس سے زیادہ | درجنوں | کئی | دس بارہ"),
        "neighbor_action": _values(
            "میرے بچوں کو گالیاں دیتا ہے"
            " | میری گاڑی پر میرے مذہب کے بارے میں پرچیاں چھوڑتا ہے"
            " | فون سے میری ویڈیو بناتا ہے اور کہتا ہے کہ ہم یہاں کے نہیں ہیں"
        ),
    },
    openings=(
        "میرا گھر {area} میں {street} کے قریب ہے۔",
        "یہ واقعہ {when} {area} میں پیش آیا۔",
        "مجھے {when} اپنے ساتھ پیش آنے والے ایک واقعے کی شکایت درج کرانی ہے۔",
        "ہمارا خاندان {years} سال سے {area} میں ہے، اور پہلے کبھی ایسا نہیں ہوا۔",
        "ایک دوست نے بتایا کہ اس کی شکایت کمیشن میں کی جا سکتی ہے۔",
    ),
    closings=(
        "کمیشن کو معلوم ہونا چاہیے کہ {area} میں ایسا ہو رہا ہے۔",
        "مجھے پیسے نہیں چاہییں، بس یہ سب بند ہونا چاہیے۔",
        "مجھے ڈر ہے کہ کسی اور کے ساتھ بھی ایسا ہو سکتا ہے۔",
        "اگر مزید معلومات چاہییں تو مجھے اردو میں بات کرنا آسان لگے گا۔",
        "ضرورت ہو تو میرے پاس {evidence} موجود ہیں۔",
        "اس دن کے بعد سے مجھے ٹھیک سے نیند نہیں آتی اور گھر میں بھی ڈر لگتا ہے۔",
    ),
    unsure=(
        "مجھے نہیں معلوم کہ یہ امتیازی سلوک ہے یا نہیں، لیکن یہ ٹھیک نہیں لگا۔",
        "سمجھ نہیں آ رہا کہ یہ نفرت پر مبنی واقعہ تھا یا بس کوئی بدتمیز آدمی، اس لیے آپ سے"
        " پوچھنا ضروری لگا۔",
        "شاید یہ کمیشن کا معاملہ نہ ہو، لیکن مجھے نہیں پتا تھا کہ اور کہاں جاؤں۔",
    ),
    discrimination=(
        (  # مکان
            "میں نے {street} پر کرائے کے لیے {unit} کا اشتہار دیکھا اور فون کر کے پوچھا۔",
            "میرا نام سنتے ہی {landlord} نے کہا کہ فلیٹ کرائے پر جا چکا ہے، لیکن {later} بھی"
            " اشتہار لگا ہوا تھا۔",
            "جب میں نے بتایا کہ میرے پاس سیکشن 8 ہاؤسنگ واؤچر ہے تو {landlord} نے فوراً انکار"
            " کر دیا۔",
            "{landlord} نے صاف کہا کہ وہ {reason_people} کو گھر کرائے پر نہیں دیتے۔",
            "شکایت کرنے کے بعد سے {landlord} نے {repair} ٹھیک کروانا بند کر دیا ہے، اور اب"
            " لیز بڑھانے سے بھی انکار کر دیا ہے۔",
        ),
        (  # نوکری
            "{years} سال سے میری نوکری {job_where} ہے۔",
            "انٹرویو میں مجھ سے پوچھا گیا کہ {interview_q}۔",
            "{boss} ہمیں کام پر اردو بولنے سے منع کرتا ہے، وقفے میں بھی۔",
            "جب میں نے {boss} کو بتایا کہ میں حاملہ ہوں تو میری شفٹیں تقریباً ختم کر دی گئیں۔",
            "{boss} سب کے سامنے {trait} کا مذاق اڑاتا ہے۔",
            "{when} مجھے نوکری سے نکال دیا گیا اور وجہ {pretext} بتائی گئی، جو سچ نہیں ہے۔",
        ),
        (  # دکانیں، بسیں اور شہر کے دفاتر
            "{family} کے ساتھ {street} پر ایک {business} میں جانا ہوا۔",
            "{staff} پورے وقت ہمارے پیچھے پیچھے پھرتا رہا، جیسے ہم کچھ چرا لیں گے۔",
            "{staff} نے ہمیں سروس دینے سے انکار کر دیا اور کہا کہ {refusal}۔",
            "{route} نمبر کی بس میں ڈرائیور نے {bus_action}۔",
            "شہر کے ایک دفتر میں ملازم نے میری مدد کرنے سے انکار کر دیا کیونکہ میری انگریزی"
            " کمزور ہے، اور مترجم بھی نہیں بلایا۔",
        ),
    ),
    hate=(
        (  # سڑک پر
            "{street} پر بس کا انتظار کرتے ہوئے {stranger} مجھ پر چلانے لگا۔",
            "اس نے {slur_about} کی وجہ سے مجھے گالیاں دیں اور کہا کہ اپنے ملک واپس جاؤ۔",
            "وہ {distance} میرے پیچھے آیا اور دھمکی دی کہ اگلی بار {threat}۔",
            "آس پاس لوگ سب دیکھ رہے تھے، لیکن کسی نے کچھ نہیں کہا۔",
            "اب اندھیرا ہونے کے بعد اس راستے سے گزرتے ہوئے ڈر لگتا ہے۔",
        ),
        (  # دیواروں پر تحریر، پرچے اور عبادت گاہیں
            "کسی نے {target_prop} پر اسپرے پینٹ سے نفرت بھری باتیں لکھ دیں۔",
            "{worship} کے باہر کھڑی گاڑیوں پر {group} کے خلاف نفرت بھرے پرچے لگائے گئے۔",
            "{service} کے دوران کسی نے {worship} کے دروازے پر {object} پھینکے۔",
            "{since} سے یہ {ordinal} بار ہوا ہے۔",
            "پولیس کو رپورٹ کی گئی اور تصویریں بھی لی گئیں، لیکن تحریر اب بھی وہیں ہے۔",
        ),
        (  # پڑوسی اور آن لائن
            "گلی کا ایک پڑوسی بار بار {neighbor_action}۔",
            "محلے کے آن لائن گروپ میں {topic} کے بارے میں پوسٹ کرنے کے بعد سے اجنبی لوگ مجھے"
            " نفرت بھرے میسج بھیج رہے ہیں۔",
            "میسجز میں لکھا ہے کہ انہیں پتا ہے میرا گھر کہاں ہے اور مجھے {area} چھوڑ دینا چاہیے۔",
            "ان اکاؤنٹس کو بلاک کرنے کے بعد بھی ہر {period} نئے اکاؤنٹ بن جاتے ہیں۔",
            "میرے پاس {count} میسجز کے اسکرین شاٹ ہیں۔",
        ),
    ),
)

# --------------------------------------------------------------------------------------------
# Respondents: the business, landlord, office or person a report is about (English only, as
# staff type them).
# --------------------------------------------------------------------------------------------

_RESPONDENT_SLOTS: Slots = {
    "prefix": _values(
        "Northgate | Lakeside | Prairie Star | Red Oak | Bluebird | Harborview | Maple Court"
        " | Golden Lantern | Twin Pines | Silver Birch | Crescent | Riverbend | Sunrise"
        " | Westfield | Kestrel | Ironwood | Cobalt | Brightwater | Three Rivers | Tallgrass"
        " | Copperleaf | Marigold | Windrose | Stonebridge | Bluestem | Orchid Lane"
    ),
    "business_type": _values(
        "Property Management | Realty Group | Apartments LLC | Residential Partners | Grocery"
        " | Foods Inc. | Logistics | Staffing Services | Auto Repair | Pharmacy | Fitness Club"
        " | Cafe | Cleaning Services | Home Care | Bakery | Hotel | Towing | Security Services"
        " | Dental Group | Packaging Co. | Laundromat | Taqueria | Nursing Center"
        " | Beauty Salon | Furniture Outlet | Car Wash"
    ),
    "role": _values(
        "Property manager | Leasing agent | Store manager | Shift supervisor | Security guard"
        " | Landlord | General manager | Owner | Front desk clerk | Foreman | HR manager"
        " | Building superintendent"
    ),
    "first_name": _values(
        "Greg | Dana | Luis | Marta | Tom | Irene | Victor | Sandra | Kevin | Rosa | Pete"
        " | Linda | Omar | Helen | Frank | Nadia | Walt | Janet | Ray | Donna"
    ),
    "surname": _values(
        "Kowal | Dobbins | Petrakis | Lindqvist | Okafor | Marchetti | Haddad | Brennan"
        " | Novak | Castellanos | Whitfield | Sorensen | Delgado | Feeney | Adeyemi | Brandt"
        " | Moreau | Halvorsen"
    ),
    "initial": _values("A | B | D | G | K | M | P | R | S | T | W"),
    "someone": _values(
        "Owner of the corner store | Owner of the two-flat | Manager of the laundromat"
        " | Landlord of the building | Night manager at the gas station"
        " | Neighbor in the garden unit | Neighbor in unit 3F | Bartender at the sports bar"
    ),
    "street": _EN_SLOTS["street"],
    "area": _EN_SLOTS["area"],
    "office": _values(
        "Public library branch | Park district field house | City health clinic"
        " | Senior center | Water billing office | Ward office | Community service center"
    ),
    "route": _EN_SLOTS["route"],
}

# Businesses come up most often, so they appear more than once.
_RESPONDENTS: Templates = (
    "{prefix} {business_type}",
    "{prefix} {business_type}",
    "{prefix} {business_type}",
    "{surname} {business_type}",
    "{role} at {prefix} {business_type}",
    "{role} ({first_name} {initial}.)",
    "{role}, first name {first_name}",
    "{someone} on {street}",
    "Mr. {surname}, landlord",
    "Ms. {surname}, building manager",
    "{office}, {area}",
    "Bus driver, route {route}",
)


# --------------------------------------------------------------------------------------------
# The generator
# --------------------------------------------------------------------------------------------


class _Draw(dict[str, str]):
    """Slot values for one text, each drawn from `rng` the first time a template asks."""

    __slots__ = ("_rng", "_values")

    def __init__(self, rng: random.Random, values: Slots) -> None:
        self._rng = rng
        self._values = values

    def __missing__(self, slot: str) -> str:
        value = self[slot] = self._rng.choice(self._values[slot])
        return value


@dataclass(frozen=True)
class _Bank:
    """A language's templates, ready to use: each topic's sentence choices joined up front."""

    slots: Slots
    openings: Templates
    closings: Templates
    unsure: Templates
    topics: Mapping[str, tuple[_Topic, ...]]
    joiner: str


def _slot_names(template: str) -> set[str]:
    """The {slots} a template uses."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def _check(templates: Templates, slots: Slots, where: str) -> None:
    """Fail at import, not a million calls later, on a template naming an unknown slot."""
    for template in templates:
        unknown = _slot_names(template) - slots.keys()
        if unknown:
            raise ValueError(f"{where}: {template!r} uses unknown slots {sorted(unknown)}")


def _topic(templates: Templates, joiner: str) -> _Topic:
    """Every choice of 2 to 4 of the topic's sentences, kept in story order, grouped by count."""
    longest = min(MOST_TOPIC_SENTENCES, len(templates))
    return tuple(
        tuple(joiner.join(run) for run in itertools.combinations(templates, count))
        for count in range(FEWEST_TOPIC_SENTENCES, longest + 1)
    )


def _compile(code: str, language: Language) -> _Bank:
    """Check a language's templates and join up its topics; 'unsure' draws from every topic."""
    topics = language.discrimination + language.hate
    for templates in (language.openings, language.closings, language.unsure, *topics):
        _check(templates, language.slots, code)
    discrimination = tuple(_topic(t, language.joiner) for t in language.discrimination)
    hate = tuple(_topic(t, language.joiner) for t in language.hate)
    return _Bank(
        slots=language.slots,
        openings=language.openings,
        closings=language.closings,
        unsure=language.unsure,
        topics={"discrimination": discrimination, "hate": hate, "unsure": discrimination + hate},
        joiner=language.joiner,
    )


LANGUAGES: Mapping[str, Language] = {
    "en": EN,
    "es": ES,
    "zh": ZH,
    "pl": PL,
    "ar": AR,
    "hi": HI,
    "fil": FIL,
    "ko": KO,
    "uk": UK,
    "ur": UR,
}
_BANKS = {code: _compile(code, language) for code, language in LANGUAGES.items()}
_check(_RESPONDENTS, _RESPONDENT_SLOTS, "respondents")


def narrative(language: str, kind: str, rng: random.Random) -> str:
    """A plausible first-person account of an incident in `language` ('en', 'es', ... 'ur'), of
    kind 'discrimination', 'hate' or 'unsure' (KeyError for any other language or kind)."""
    bank = _BANKS[language]
    parts = []
    if kind == "unsure" and rng.random() < UNSURE_CHANCE:
        parts.append(rng.choice(bank.unsure))
    elif rng.random() < OPENING_CHANCE:
        parts.append(rng.choice(bank.openings))
    topic = rng.choice(bank.topics[kind])
    # How many of the topic's sentences, then which: every length is equally likely.
    parts.append(rng.choice(rng.choice(topic)))
    if rng.random() < CLOSING_CHANCE:
        parts.append(rng.choice(bank.closings))
    return bank.joiner.join(parts).format_map(_Draw(rng, bank.slots))


def respondent(rng: random.Random) -> str | None:
    """A plausible respondent (a business, landlord company, agency or person's role/name), or
    None about half the time."""
    if rng.random() < RESPONDENT_CHANCE:
        return None
    return rng.choice(_RESPONDENTS).format_map(_Draw(rng, _RESPONDENT_SLOTS))
