"""What the demo cases say (`make demo`): invented stories, people, places and answers, as a
resident would have given them on the form, and what staff and residents write afterwards. What
happens to the cases is intake.demo_history.

Every person, business and story is invented; the stories are data (intake/data/demo_stories.txt).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from . import vocab

STORIES = Path(__file__).parent / "data" / "demo_stories.txt"

# Where people who write in each language often live: (community area, ward).
PLACES: dict[str, tuple[tuple[int, int], ...]] = {
    "en": ((1, 49), (3, 46), (6, 44), (7, 43), (8, 42), (22, 35), (23, 26), (24, 27), (25, 29),
           (28, 27), (29, 24), (32, 42), (41, 5), (42, 20), (43, 7), (44, 6), (49, 9), (68, 16),
           (71, 17), (77, 48)),
    "es": ((30, 22), (31, 25), (58, 12), (19, 30), (63, 14), (23, 26)),
    "pl": ((15, 38), (11, 45), (17, 38), (57, 23)),
    "zh": ((34, 11), (60, 11), (35, 3)),
    "ar": ((14, 39), (2, 40)),
    "hi": ((2, 50), (1, 49)),
    "ur": ((2, 50), (2, 40)),
    "ko": ((14, 33), (13, 39)),
    "fil": ((3, 46), (14, 33)),
    "uk": ((24, 1), (24, 2)),
}  # fmt: skip
OUTSIDE = ("Evanston", "Oak Park", "Cicero", "Skokie")
# (name as typed, the part before @example.org)
NAMES: dict[str, tuple[tuple[str, str], ...]] = {
    "en": (("Jordan Ellis", "jordan.ellis"), ("Maya Brooks", "maya.brooks"),
           ("Terrence Hale", "t.hale"), ("Linda Okafor", "linda.okafor"),
           ("Sam Whitfield", "samw"), ("Renee Castillo", "renee.c"), ("Marcus Lee", "marcuslee"),
           ("Dana Kowalczyk", "dana.k"), ("Patricia Nwosu", "pnwosu"), ("Kevin Tran", "kev.tran"),
           ("Aisha Rahman", "aisha.r"), ("Grace Kim", "gracek"), ("Tyrone Jenkins", "tjenkins"),
           ("Emily Sandoval", "emily.sandoval"), ("Omar Haddad", "ohaddad")),
    "es": (("María Hernández", "maria.hdz"), ("José Luis Ramírez", "joseluis.r"),
           ("Guadalupe Torres", "lupe.torres"), ("Carlos Mendoza", "cmendoza"),
           ("Rosa Delgado", "rosa.delgado"), ("Lucía Cervantes", "lucia.cerv")),
    "pl": (("Katarzyna Nowak", "kasia.nowak"), ("Tomasz Wiśniewski", "tomek.w"),
           ("Agnieszka Zielińska", "a.zielinska")),
    "zh": (("张丽华", "lihua.zhang"), ("Wei Chen", "wei.chen"), ("刘建国", "jianguo.liu")),
    "ar": (("فاطمة الحسن", "fatima.h"), ("Omar Khalil", "okhalil"), ("ليلى منصور", "layla.m")),
    "uk": (("Олена Коваленко", "olena.k"), ("Andriy Shevchuk", "andriy.s")),
    "ko": (("김민지", "minji.kim"), ("Joon Park", "joon.park")),
    "hi": (("प्रिया शर्मा", "priya.s"), ("Rajesh Patel", "rpatel")),
    "ur": (("عائشہ خان", "ayesha.khan"), ("Bilal Qureshi", "bilal.q")),
    "fil": (("Maria Santos", "msantos"), ("Jose Reyes", "jreyes")),
}  # fmt: skip
RESPONDENTS = {
    "employment": (
        "Brightway Example Logistics",
        "Harbor Example Foods",
        "Northline Demo Staffing",
    ),
    "housing": ("Example Property Management", "Lakeview Demo Apartments LLC", "Sample Realty"),
    "public_accommodation": ("Corner Example Market", "Demo Fitness Club", "Sample Street Diner"),
    "credit": ("Example Community Lending", "Demo Auto Finance"),
}
ROLES = {"employment": "employer", "housing": "landlord", "city_services": "other"}
PLACE_OF = {"employment": "workplace", "housing": "home", "public_accommodation": "store",
            "city_services": "government", "online": "online", "flyers": "street",
            "vandalism": "home", "spitting": "transit", "assault": "street"}  # fmt: skip
# What a resident writes back, in the language they wrote their report in.


# What a resident writes back (first, then later), in the language they wrote their report in.
REPLIES = {
    "en": (
        "It happened on a Tuesday, around six in the evening. My neighbor saw it too.",
        "I still have the letter they gave me. I can bring it to your office next week.",
    ),
    "es": (
        "Fue un martes por la tarde, como a las seis. Mi vecina también lo vio.",
        "Todavía tengo la carta que me dieron. Puedo llevarla a su oficina la próxima semana.",
    ),
    "pl": (
        "To było we wtorek, około szóstej wieczorem. Moja sąsiadka też to widziała.",
        "Nadal mam list, który mi dali. Mogę go przynieść do biura w przyszłym tygodniu.",
    ),
    "zh": (
        "那是星期二晚上六点左右发生的。我的邻居也看到了。",
        "我还留着他们给我的信。我下周可以把它带到你们的办公室。",
    ),
    "ar": (
        "حدث ذلك يوم الثلاثاء حوالي الساعة السادسة مساءً. جارتي رأت ما حدث أيضاً.",
        "ما زلت أحتفظ بالرسالة التي أعطوني إياها. يمكنني إحضارها إلى مكتبكم الأسبوع القادم.",
    ),
    "uk": (
        "Це сталося у вівторок близько шостої вечора. Моя сусідка теж це бачила.",
        "У мене досі є лист, який мені дали. Можу принести його до вашого офісу наступного тижня.",
    ),
    "ko": (
        "화요일 저녁 여섯 시쯤 있었던 일입니다. 이웃도 그 일을 보았습니다.",
        "받은 편지를 아직 가지고 있습니다. 다음 주에 사무실로 가져갈 수 있습니다.",
    ),
    "hi": (
        "यह मंगलवार शाम लगभग छह बजे हुआ था। मेरी पड़ोसन ने भी यह देखा।",
        "मेरे पास अब भी उनका दिया हुआ पत्र है। मैं अगले हफ़्ते उसे आपके दफ़्तर ला सकती हूँ।",
    ),
    "ur": (
        "یہ منگل کی شام تقریباً چھ بجے ہوا تھا۔ میری پڑوسن نے بھی یہ دیکھا۔",
        "میرے پاس ابھی بھی ان کا دیا ہوا خط ہے۔ میں اگلے ہفتے اسے آپ کے دفتر لا سکتی ہوں۔",
    ),
    "fil": (
        "Nangyari ito noong Martes, bandang alas-sais ng gabi. Nakita rin ito ng kapitbahay ko.",
        "Nasa akin pa ang sulat na ibinigay nila. Madadala ko ito sa opisina ninyo sa susunod na "
        "linggo.",
    ),
}
# What staff ask under the "request for information" template (first, then later), in the
# resident's language.
QUESTIONS = {
    "en": (
        "What day did it happen, and did anyone else see it?",
        "Do you have anything in writing from them, such as a letter, a notice or a text message?",
    ),
    "es": (
        "¿Qué día pasó y alguien más lo vio?",
        "¿Tiene algo por escrito de su parte, como una carta, un aviso o un mensaje de texto?",
    ),
    "pl": (
        "Którego dnia to się stało i czy ktoś jeszcze to widział?",
        "Czy są jakieś dokumenty od nich na piśmie, na przykład list, zawiadomienie lub SMS?",
    ),
    "zh": (
        "这件事是哪一天发生的？还有其他人看到吗？",
        "您有没有对方写给您的东西，比如信件、通知或短信？",
    ),
    "ar": (
        "في أي يوم حدث ذلك، وهل رآه أحد آخر؟",
        "هل لديك أي شيء مكتوب منهم، مثل رسالة أو إشعار أو رسالة نصية؟",
    ),
    "uk": (
        "Якого дня це сталося і чи хтось іще це бачив?",
        "Чи є у вас щось від них у письмовій формі, наприклад лист, повідомлення чи SMS?",
    ),
    "ko": (
        "어느 날 있었던 일인가요? 다른 사람도 보았나요?",
        "상대방에게서 받은 편지, 통지서, 문자 메시지 같은 서면 자료가 있으신가요?",
    ),
    "hi": (
        "यह किस दिन हुआ था, और क्या किसी और ने इसे देखा?",
        "क्या आपके पास उनकी ओर से लिखा हुआ कुछ है, जैसे कोई पत्र, नोटिस या मैसेज?",
    ),
    "ur": (
        "یہ کس دن ہوا تھا، اور کیا کسی اور نے اسے دیکھا؟",
        "کیا آپ کے پاس ان کی طرف سے کچھ تحریری ہے، جیسے کوئی خط، نوٹس یا میسج؟",
    ),
    "fil": (
        "Anong araw ito nangyari, at may iba pa bang nakakita?",
        "Mayroon po ba kayong anumang nakasulat mula sa kanila, gaya ng sulat, abiso o text "
        "message?",
    ),
}
NOTES = (
    "Called the resident; left a voicemail.",
    "Spoke with the resident; timeline confirmed.",
    "Requested the lease and the listing from the resident.",
    "Respondent's address confirmed; notice to go out by mail.",
    "Respondent's written response received.",
    "Resident sent photos; added to the file.",
    "Witness interview scheduled.",
    "Checked for related reports at this address: none.",
    "Mediation session booked.",
    "Supervisor review requested before determination.",
)


@dataclass(frozen=True)
class Story:
    """One invented story: its language, kind, topic (area or bias categories) and codes."""

    language: str
    kind: str
    topic: tuple[str, ...]
    codes: tuple[str, ...]
    text: str


def _codes(terms: tuple[vocab.Term, ...]) -> set[str]:
    return {term.code for term in terms}


def read_stories() -> tuple[list[Story], list[str]]:
    """The stories and the closing sentences of the data file; a code the vocabularies do not
    have is an error (the demo must file what the form could)."""
    stories, tails = [], []
    for line in STORIES.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        language, kind, topic, codes, text = (part.strip() for part in line.split("|"))
        if language == "tail":
            tails.append(text)
            continue
        story = Story(
            language,
            kind,
            tuple(filter(None, topic.split(","))),
            tuple(filter(None, codes.split(","))),
            text,
        )
        topics, terms = {
            "discrimination": (_codes(vocab.COVERED_AREAS), _codes(vocab.PROTECTED_CLASSES)),
            "hate": (_codes(vocab.BIAS_CATEGORIES), _codes(vocab.INCIDENT_TYPES)),
            "unsure": (set(), set()),
        }[kind]
        if not set(story.topic) <= topics or not set(story.codes) <= terms:
            raise ValueError(f"demo story with unknown codes: {line[:60]}")
        stories.append(story)
    return stories, tails


def _incident(rng: random.Random, received: date, kind: str) -> dict[str, Any]:
    """When it happened: mostly weeks before the report, sometimes past the filing window."""
    lag = rng.choice((0, 1, 2, 3, 5, 7, 10, 14, 21, 30, 45, 60, 90, 120, 200, 300))
    if kind == "discrimination" and rng.random() < 0.05:
        lag = rng.randrange(380, 480)  # Past the 365 days: the report is flagged for staff.
    day = received - timedelta(days=lag)
    return {
        "incident_month": str(day.month),
        "incident_year": str(day.year),
        "incident_day": str(day.day) if rng.random() < 0.7 else "",
        "still_happening": lag > 30 and rng.random() < 0.25,
    }


def _what(rng: random.Random, story: Story) -> dict[str, Any]:
    """The kind-specific answers of the incident section."""
    if story.kind == "discrimination":
        return {"covered_area": story.topic[0], "protected_classes": list(story.codes)}
    if story.kind == "hate":
        danger = "yes" if "threat" in story.codes and rng.random() < 0.3 else "no"
        return {
            "in_danger": danger,
            "bias_categories": list(story.topic),
            "incident_types": list(story.codes),
        }
    return {"in_danger": "no"}


def _place(rng: random.Random, story: Story, language: str) -> dict[str, Any]:
    """Where it happened and who did it."""
    area, ward = rng.choice(PLACES.get(story.language, PLACES[language]))
    topic = story.topic[0] if story.topic and story.kind == "discrimination" else ""
    code = next((c for c in story.codes if c in PLACE_OF), topic)
    place: dict[str, Any] = {
        "in_city": "yes",
        "community_area": str(area),
        "ward": str(ward) if rng.random() < 0.8 else "",
        "location_type": PLACE_OF.get(code) or rng.choice(("street", "transit", "store", "park")),
        "respondent_type": "organization" if topic else "person",
        "respondent_role": ROLES.get(topic, "business" if topic else "stranger"),
        "respondent_name": rng.choice(RESPONDENTS[topic]) if topic in RESPONDENTS else "",
        "reported_to": ["police"] if story.kind == "hate" and rng.random() < 0.4 else ["none"],
        "help_wanted": [rng.choice(("record", "support", "referral"))]
        if story.kind == "hate"
        else rng.choice((["investigate"], ["investigate", "mediation"], ["support"])),
    }
    roll = rng.random()
    if roll < 0.05:
        place.update(in_city="no", city=rng.choice(OUTSIDE), community_area="", ward="")
    elif roll < 0.08:
        place.update(in_city="unsure", community_area="", ward="")
    return place


def _contact(rng: random.Random, story: Story, number: int) -> dict[str, Any]:
    """Invented contact details, or none (anonymous): hate reports are anonymous more often."""
    if rng.random() < (0.5 if story.kind == "hate" else 0.25):
        return {}
    name, mailbox = rng.choice(NAMES[story.language])
    contact: dict[str, Any] = {"preferred_language": story.language}
    if rng.random() < 0.85:
        contact["name"] = name
    if rng.random() < 0.7:
        contact["email"] = f"{mailbox}{number}@example.org"
        contact["email_updates"] = rng.random() < 0.6
    if rng.random() < 0.5 or len(contact) == 1:
        contact["phone"] = f"({rng.choice(('312', '773', '872'))}) 555-01{number % 100:02d}"
        contact["safe_to_leave_message"] = rng.choice(("yes", "no"))
    contact["preferred_method"] = "email" if "email" in contact else "phone"
    return contact


def answers(
    rng: random.Random, story: Story, text: str, language: str, received: date, number: int
) -> dict[str, dict[str, Any]]:
    """Every section of the form, as a resident would have filled it in."""
    contact = _contact(rng, story, number)
    share = bool(contact) and story.kind == "hate" and rng.random() < 0.4
    if share:
        contact["share_with_police"] = True
    return {
        "kind": {"kind": story.kind},
        "incident": {
            **_what(rng, story),
            **_incident(rng, received, story.kind),
            "narrative": text,
        },
        "place": _place(rng, story, language),
        "contact": contact,
    }


def narratives(rng: random.Random, count: int) -> list[tuple[Story, str]]:
    """A story for each case: those in other languages once each, the English ones with
    different closing sentences (no two narratives alike, or they would look like duplicates)."""
    stories, tails = read_stories()
    chosen = [(story, story.text) for story in stories if story.language != "en"]
    english = [story for story in stories if story.language == "en"]
    combos = [(story, f"{story.text} {tail}") for story in english for tail in tails]
    chosen += rng.sample(combos, count - len(chosen))
    rng.shuffle(chosen)
    return chosen
