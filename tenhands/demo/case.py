"""The demo case: Lina (9) and Adam (6) and the network around them, as domain models.

Everything here is invented: the persons, addresses, phone numbers and e-mail
addresses (on the reserved ``example.org`` domain) belong to no one. Municipalities
and postcodes are real Flemish (and one Brussels) ones so maps and address
handling look like real casework; house numbers are made up.

The story, in short: Lina and Adam live with their mother Sofie and her partner
Emre in Lochristi and stay with their father Youssef in Gent every other weekend.
The parents divorced in 2022 after a long conflict; after that Sofie had a violent
relationship with Kevin, who has a contact ban (the only ``no_contact`` person, and
the reason Sofie's new address is confidential). The school's CLB worker raised
worries about Lina's absences and about Lina caring for Adam in the evenings. The
youth-care consulent started family finding on 2026-09-01; by late November the
mother's side (Flemish, Vermeulen), the father's side (Moroccan-Belgian, El Amrani),
Emre's mother (Turkish-Belgian) and several informal supporters have been named,
and five adults have committed: ten hands and ten eyes.

Ids are stable (``demo-lina``, ``demo-t-parent-sofie-lina``) so URLs can be printed
and tests can refer to them. :func:`build_demo_case` is deterministic: every
timestamp is fixed and nothing is random.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from tenhands.graph.model import (
    Address,
    Basis,
    Case,
    Circle,
    Confidential,
    Contact,
    Engagement,
    NetworkRole,
    PartialDate,
    PartnerStatus,
    Person,
    Provenance,
    Quality,
    RiskFlag,
    Sex,
    Shared,
    SourceKind,
    SourceRef,
    StageChange,
    SupportType,
    Tie,
    TieKind,
    WorryKnowledge,
)

DEMO_CASE_ID = "demo-case"
DEMO_CREATED_BY = "demo"
DEMO_TITLE = "Demo — De kinderen Vermeulen-El Amrani (fictief)"

_PREFIX = "demo-"

# When the worker learned of each person: intake, then conversations with the family.
_INTAKE = datetime(2026, 9, 1, 9, 0, tzinfo=UTC)
_TALK_PARENTS = datetime(2026, 9, 15, 14, 0, tzinfo=UTC)
_TALK_CHILDREN = datetime(2026, 9, 22, 15, 30, tzinfo=UTC)
_TALK_GRANDMOTHERS = datetime(2026, 10, 6, 10, 0, tzinfo=UTC)
_TALK_AUNTS = datetime(2026, 10, 27, 16, 0, tzinfo=UTC)

# person id -> (when first named, who named them, the conversation or document)
_NAMED: dict[str, tuple[datetime, str | None, str]] = {
    "lina": (_INTAKE, None, "aanmelding door het CLB"),
    "adam": (_INTAKE, None, "aanmelding door het CLB"),
    "sofie": (_INTAKE, None, "aanmelding door het CLB"),
    "youssef": (_INTAKE, None, "aanmelding door het CLB"),
    "kevin": (_INTAKE, None, "dossier: beschikking contactverbod 2023"),
    "eline": (_INTAKE, None, "toewijzing consulent"),
    "tugba": (_INTAKE, None, "aanmelding door het CLB"),
    "ria": (_TALK_PARENTS, "sofie", "gesprek met mama Sofie"),
    "marc": (_TALK_PARENTS, "sofie", "gesprek met mama Sofie"),
    "emre": (_TALK_PARENTS, "sofie", "gesprek met mama Sofie"),
    "joelle": (_TALK_PARENTS, "sofie", "gesprek met mama Sofie"),
    "fatima": (_TALK_PARENTS, "youssef", "gesprek met papa Youssef"),
    "mohamed": (_TALK_PARENTS, "youssef", "gesprek met papa Youssef"),
    "nadia": (_TALK_PARENTS, "youssef", "gesprek met papa Youssef"),
    "yasmine": (_TALK_PARENTS, "youssef", "gesprek met papa Youssef"),
    "ilyas": (_TALK_PARENTS, "youssef", "gesprek met papa Youssef"),
    "hatice": (_TALK_CHILDREN, "lina", "gesprek met Lina (drie huizen)"),
    "elke": (_TALK_CHILDREN, "lina", "gesprek met Lina (drie huizen)"),
    "aya": (_TALK_CHILDREN, "lina", "gesprek met Lina (drie huizen)"),
    "leen": (_TALK_CHILDREN, "lina", "gesprek met Lina (drie huizen)"),
    "murat": (_TALK_CHILDREN, "adam", "gesprek met Adam (tekening)"),
    "katrien": (_TALK_GRANDMOTHERS, "ria", "gesprek met oma Ria"),
    "pieter": (_TALK_GRANDMOTHERS, "ria", "gesprek met oma Ria"),
    "jeanne": (_TALK_GRANDMOTHERS, "ria", "gesprek met oma Ria"),
    "hafsa": (_TALK_GRANDMOTHERS, "fatima", "gesprek met Mima Fatima (Hafsa tolkte)"),
    "karim": (_TALK_GRANDMOTHERS, "fatima", "gesprek met Mima Fatima (Hafsa tolkte)"),
    "zohra": (_TALK_GRANDMOTHERS, "fatima", "gesprek met Mima Fatima (Hafsa tolkte)"),
    "ayse": (_TALK_GRANDMOTHERS, "emre", "gesprek met Emre"),
    "bart": (_TALK_AUNTS, "katrien", "gesprek met tante Katrien"),
    "emma": (_TALK_AUNTS, "katrien", "gesprek met tante Katrien"),
    "lowie": (_TALK_AUNTS, "katrien", "gesprek met tante Katrien"),
    "rayan": (_TALK_AUNTS, "hafsa", "gesprek met tante Hafsa"),
    "wouter": (_TALK_AUNTS, "leen", "gesprek met Leen (mama van Fien)"),
}


@dataclass(frozen=True)
class DemoCase:
    """The demo case and everything in its network, ready to be stored."""

    case: Case
    persons: list[Person]
    ties: list[Tie]
    roles: list[NetworkRole]

    def person(self, person_id: str) -> Person:
        """The demo person with ``person_id``; :class:`KeyError` if there is none."""
        for p in self.persons:
            if p.id == person_id:
                return p
        raise KeyError(person_id)

    def role(self, person_id: str) -> NetworkRole:
        """The network role of ``person_id``; :class:`KeyError` if there is none."""
        for r in self.roles:
            if r.person_id == person_id:
                return r
        raise KeyError(person_id)


def build_demo_case() -> DemoCase:
    """The demo case as domain models, the same on every call (no store I/O)."""
    return DemoCase(case=_case(), persons=_persons(), ties=_ties(), roles=_roles())


# --- helpers --------------------------------------------------------------------------


def _pid(short: str) -> str:
    return _PREFIX + short


def _d(text: str) -> PartialDate:
    return PartialDate.parse(text)


def _at(year: int, month: int, day: int, hour: int = 12, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def _prov(short: str) -> Provenance:
    """Provenance of what we learned about a person: when, from whom, in which talk."""
    when, by, where = _NAMED[short]
    kind = SourceKind.manual if by is None else SourceKind.interview
    return Provenance(
        created_by=DEMO_CREATED_BY,
        created_at=when,
        source=SourceRef(kind=kind, name=where, named_by=None if by is None else _pid(by)),
    )


def _be(
    street: str | None,
    number: str | None,
    postcode: str,
    city: str,
    *,
    since: str | None = None,
    until: str | None = None,
) -> Address:
    return Address(
        street=street,
        house_number=number,
        postcode=postcode,
        city=city,
        country="BE",
        since=None if since is None else _d(since),
        until=None if until is None else _d(until),
    )


def _contact(phone: str | None = None, email: str | None = None) -> Contact:
    return Contact(
        phones=[] if phone is None else [phone],
        emails=[] if email is None else [email],
    )


# Shared addresses (the same household is written on each of its members).
def _home_lochristi() -> Address:
    return _be("Bremveldstraat", "17", "9080", "Lochristi", since="2024-05")


def _home_rabot(since: str) -> Address:
    return _be("Wondelgemstraat", "158", "9000", "Gent", since=since)


def _home_evergem() -> Address:
    return _be("Kastanjedreef", "7", "9940", "Evergem", since="2014")


# --- persons --------------------------------------------------------------------------


def _persons() -> list[Person]:
    return [
        *_children(),
        *_mothers_side(),
        *_step_family(),
        *_fathers_side(),
        *_informal(),
        *_professionals(),
    ]


def _children() -> list[Person]:
    return [
        Person(
            id=_pid("lina"),
            given_names=["Lina", "Maria"],
            surname="Vermeulen El Amrani",
            sex=Sex.female,
            birth_date=_d("2017-05-14"),
            birth_place="Gent",
            addresses=[_home_lochristi()],
            language="nl",
            notes=(
                "Zit in het vierde leerjaar. Zorgt 's avonds vaak voor Adam als mama moe is. "
                "Tekent graag; wil 'later juf worden, zoals juf Elke'."
            ),
            confidential={Confidential.address},
            provenance=_prov("lina"),
        ),
        Person(
            id=_pid("adam"),
            given_names=["Adam", "Marc"],
            surname="Vermeulen El Amrani",
            sex=Sex.male,
            birth_date=_d("2020-02-03"),
            birth_place="Gent",
            addresses=[_home_lochristi()],
            language="nl",
            notes="Eerste leerjaar. Voetbalt bij de U7; praat veel over coach Murat.",
            confidential={Confidential.address},
            provenance=_prov("adam"),
        ),
    ]


def _mothers_side() -> list[Person]:
    return [
        Person(
            id=_pid("sofie"),
            given_names=["Sofie"],
            surname="Vermeulen",
            sex=Sex.female,
            birth_date=_d("1991-03-22"),
            birth_place="Eeklo",
            addresses=[
                _be("Wondelgemstraat", "158", "9000", "Gent", since="2014-06", until="2022-03"),
                _be("Achtermeerstraat", "23", "9040", "Gent", since="2022-03", until="2024-05"),
                _home_lochristi(),
            ],
            contact=_contact("+32 478 21 43 65", "sofie.vermeulen@example.org"),
            language="nl",
            notes=(
                "Mama. Werkt deeltijds in een kinderdagverblijf. Wil dat haar mama en haar zus "
                "meer betrokken worden. Nieuw adres niet delen: contactverbod Kevin."
            ),
            confidential={Confidential.address},
            provenance=_prov("sofie"),
        ),
        Person(
            id=_pid("marc"),
            given_names=["Marc", "Jozef"],
            surname="Vermeulen",
            aliases=["Opa Marc"],
            sex=Sex.male,
            birth_date=_d("1958-06-02"),
            birth_place="Eeklo",
            deceased=True,
            death_date=_d("2021-11-08"),
            language="nl",
            notes="Overleden na een lange ziekte. Lina praat nog vaak over hem.",
            provenance=_prov("marc"),
        ),
        Person(
            id=_pid("ria"),
            given_names=["Maria", "Godelieve"],
            surname="De Smet",
            aliases=["Oma Ria", "Ria"],
            sex=Sex.female,
            birth_date=_d("1961-07-09"),
            birth_place="Maldegem",
            addresses=[_be("Kapellestraat", "14", "9900", "Eeklo", since="1984")],
            contact=_contact("+32 475 33 81 09", "ria.desmet@example.org"),
            language="nl",
            notes="Weduwe van Marc. Haalt de kinderen op woensdag op en kookt dan voor hen.",
            provenance=_prov("ria"),
        ),
        Person(
            id=_pid("jeanne"),
            given_names=["Jeanne"],
            surname="Van Damme",
            aliases=["Bomma Jeanne"],
            sex=Sex.female,
            birth_date=_d("1932-01-17"),
            birth_place="Kaprijke",
            addresses=[_be("Lievehof", "3", "9900", "Eeklo", since="2022-02")],
            language="nl",
            notes="Overgrootmoeder, woont in een woonzorgcentrum. Beginnende dementie.",
            provenance=_prov("jeanne"),
        ),
        Person(
            id=_pid("katrien"),
            given_names=["Katrien"],
            surname="Vermeulen",
            aliases=["Tante Trien"],
            sex=Sex.female,
            birth_date=_d("1988-11"),
            birth_place="Eeklo",
            addresses=[_home_evergem()],
            contact=_contact("+32 496 70 18 52", "katrien.vermeulen@example.org"),
            language="nl",
            notes="Verpleegkundige, werkt in ploegen. Kan de kinderen in weekends en vakanties "
            "opvangen; heeft een logeerkamer.",
            provenance=_prov("katrien"),
        ),
        Person(
            id=_pid("bart"),
            given_names=["Bart"],
            surname="Claes",
            sex=Sex.male,
            birth_date=_d("1986-04-30"),
            birth_place="Deinze",
            addresses=[_home_evergem()],
            contact=_contact("+32 473 62 05 91"),
            language="nl",
            provenance=_prov("bart"),
        ),
        Person(
            id=_pid("emma"),
            given_names=["Emma"],
            surname="Claes",
            sex=Sex.female,
            birth_date=_d("2013-08-19"),
            birth_place="Gent",
            addresses=[_home_evergem()],
            language="nl",
            provenance=_prov("emma"),
        ),
        Person(
            id=_pid("lowie"),
            given_names=["Lodewijk"],
            surname="Claes",
            aliases=["Lowie"],
            sex=Sex.male,
            birth_date=_d("2018-03"),
            birth_place="Gent",
            addresses=[_home_evergem()],
            language="nl",
            provenance=_prov("lowie"),
        ),
        Person(
            id=_pid("pieter"),
            given_names=["Pieter"],
            surname="Vermeulen",
            sex=Sex.male,
            birth_date=_d("1985"),
            birth_place="Eeklo",
            addresses=[_be("Lange Kievitstraat", "140", "2018", "Antwerpen")],
            contact=_contact("+32 471 88 20 14", "pieter.vermeulen@example.org"),
            language="nl",
            notes="Wil op de hoogte blijven, maar neemt geen taak op (drukke job, ver weg).",
            provenance=_prov("pieter"),
        ),
    ]


def _step_family() -> list[Person]:
    return [
        Person(
            id=_pid("emre"),
            given_names=["Emre"],
            surname="Yılmaz",
            sex=Sex.male,
            birth_date=_d("1989-10"),
            birth_place="Gent",
            addresses=[_home_lochristi()],
            contact=_contact("+32 486 55 10 72", "emre.yilmaz@example.org"),
            language="tr",
            notes="Partner van Sofie sinds 2024. Goede band met Adam; Lina houdt afstand.",
            confidential={Confidential.address},
            provenance=_prov("emre"),
        ),
        Person(
            id=_pid("ayse"),
            given_names=["Ayşe"],
            surname="Yılmaz",
            birth_surname="Doğan",
            aliases=["Ayşe nine"],
            sex=Sex.female,
            birth_date=_d("1964"),
            birth_place="Emirdağ (Turkije)",
            addresses=[_be("Sleepstraat", "201", "9000", "Gent")],
            language="tr",
            notes="Moeder van Emre. Past soms op Adam; spreekt vooral Turks.",
            provenance=_prov("ayse"),
        ),
        Person(
            id=_pid("kevin"),
            given_names=["Kevin"],
            surname="De Wilde",
            sex=Sex.male,
            birth_date=_d("1988"),
            birth_place="Sint-Niklaas",
            addresses=[_be("Kalkstraat", "66", "9100", "Sint-Niklaas")],
            contact=_contact("+32 470 93 41 27"),
            language="nl",
            notes=(
                "Ex-partner van Sofie (2022-2023). Contactverbod met Sofie en de kinderen "
                "sinds 2023. Niet contacteren zonder overleg met de consulent."
            ),
            confidential={Confidential.address, Confidential.contact},
            provenance=_prov("kevin"),
        ),
    ]


def _fathers_side() -> list[Person]:
    return [
        Person(
            id=_pid("youssef"),
            given_names=["Youssef"],
            surname="El Amrani",
            sex=Sex.male,
            birth_date=_d("1987-08-30"),
            birth_place="Gent",
            addresses=[_home_rabot(since="2014-06")],
            contact=_contact("+32 489 14 62 70", "youssef.elamrani@example.org"),
            language="nl",
            notes=(
                "Papa. Buschauffeur. De kinderen zijn om het weekend bij hem. "
                "Conflict met Sofie over de omgangsregeling; wil wel mee rond de tafel."
            ),
            provenance=_prov("youssef"),
        ),
        Person(
            id=_pid("nadia"),
            given_names=["Nadia"],
            surname="Bouzid",
            sex=Sex.female,
            birth_date=_d("1993-05-11"),
            birth_place="Anderlecht",
            addresses=[_home_rabot(since="2023-02")],
            contact=_contact("+32 484 27 39 60"),
            language="fr",
            notes="Partner van Youssef. Spreekt Frans en Nederlands.",
            provenance=_prov("nadia"),
        ),
        Person(
            id=_pid("yasmine"),
            given_names=["Yasmine"],
            surname="El Amrani",
            sex=Sex.female,
            birth_date=_d("2023-11-02"),
            birth_place="Gent",
            addresses=[_home_rabot(since="2023-11")],
            language="nl",
            provenance=_prov("yasmine"),
        ),
        Person(
            id=_pid("ilyas"),
            given_names=["Ilyas"],
            surname="El Amrani",
            sex=Sex.male,
            birth_date=_d("2026-03-27"),
            birth_place="Gent",
            addresses=[_home_rabot(since="2026-03")],
            language="nl",
            provenance=_prov("ilyas"),
        ),
        Person(
            id=_pid("mohamed"),
            given_names=["Mohamed"],
            surname="El Amrani",
            aliases=["Jeddi"],
            sex=Sex.male,
            birth_date=_d("1953"),
            birth_place="Nador (Marokko)",
            deceased=True,
            death_date=_d("2019-02"),
            language="ar",
            notes="Kwam in 1974 naar Gent. Begraven in Nador.",
            provenance=_prov("mohamed"),
        ),
        Person(
            id=_pid("fatima"),
            given_names=["Fatima"],
            surname="Azzouzi",
            aliases=["Mima", "Mima Fatima"],
            sex=Sex.female,
            birth_date=_d("1958"),
            birth_place="Al Hoceima (Marokko)",
            addresses=[_be("Bevrijdingslaan", "118", "9000", "Gent", since="1981")],
            contact=_contact("+32 465 12 77 03"),
            language="ar",
            notes=(
                "Spreekt Tarifit en Darija, weinig Nederlands: Hafsa vertaalt, anders een tolk. "
                "Kookt op zaterdag voor de hele familie."
            ),
            provenance=_prov("fatima"),
        ),
        Person(
            id=_pid("karim"),
            given_names=["Karim"],
            surname="El Amrani",
            sex=Sex.male,
            birth_date=_d("1984-02-14"),
            birth_place="Gent",
            addresses=[_be("Turnhoutsebaan", "212", "2140", "Antwerpen")],
            language="nl",
            notes="Weinig contact met Youssef sinds het overlijden van hun vader.",
            provenance=_prov("karim"),
        ),
        Person(
            id=_pid("rayan"),
            given_names=["Rayan"],
            surname="El Amrani",
            sex=Sex.male,
            birth_date=_d("2010-09-05"),
            birth_place="Antwerpen",
            language="nl",
            provenance=_prov("rayan"),
        ),
        Person(
            id=_pid("hafsa"),
            given_names=["Hafsa"],
            surname="El Amrani",
            sex=Sex.female,
            birth_date=_d("1990-12"),
            birth_place="Gent",
            addresses=[_be("Brusselsesteenweg", "411", "9050", "Gent")],
            contact=_contact("+32 477 40 86 15", "hafsa.elamrani@example.org"),
            language="nl",
            notes="Apothekersassistente. Vertaalt voor haar moeder.",
            provenance=_prov("hafsa"),
        ),
        Person(
            id=_pid("aya"),
            given_names=["Aya"],
            surname="Benali",
            sex=Sex.female,
            birth_date=_d("2017-02-20"),
            birth_place="Gent",
            addresses=[_be("Brusselsesteenweg", "411", "9050", "Gent")],
            language="nl",
            provenance=_prov("aya"),
        ),
        Person(
            id=_pid("zohra"),
            given_names=["Zohra"],
            surname="Azzouzi",
            sex=Sex.female,
            birth_date=_d("abt 1950"),
            birth_place="Al Hoceima (Marokko)",
            addresses=[_be(None, None, "1080", "Sint-Jans-Molenbeek")],
            language="ar",
            notes="Zus van Mima Fatima. Straat en telefoonnummer nog niet gevonden.",
            provenance=_prov("zohra"),
        ),
    ]


def _informal() -> list[Person]:
    return [
        Person(
            id=_pid("hatice"),
            given_names=["Hatice"],
            surname="Şahin",
            aliases=["Hatice teyze"],
            sex=Sex.female,
            birth_date=_d("1970-04-18"),
            birth_place="Gent",
            addresses=[_be("Wondelgemstraat", "160", "9000", "Gent", since="1998")],
            contact=_contact("+32 468 31 52 84"),
            language="tr",
            notes="Buurvrouw van Youssef; kent Lina sinds ze een baby was.",
            provenance=_prov("hatice"),
        ),
        Person(
            id=_pid("elke"),
            given_names=["Elke"],
            surname="Maes",
            aliases=["juf Elke"],
            sex=Sex.female,
            contact=_contact(email="elke.maes@school.example.org"),
            language="nl",
            notes="Juf van Lina (vierde leerjaar). Merkt het meteen als Lina niet goed slaapt.",
            provenance=_prov("elke"),
        ),
        Person(
            id=_pid("murat"),
            given_names=["Murat"],
            surname="Çelik",
            aliases=["coach Murat"],
            sex=Sex.male,
            birth_date=_d("1979"),
            birth_place="Gent",
            contact=_contact("+32 472 58 04 36"),
            language="nl",
            notes="Trainer van de U7 waar Adam voetbalt. Rijdt op zaterdag naar de matchen.",
            provenance=_prov("murat"),
        ),
        Person(
            id=_pid("joelle"),
            given_names=["Joëlle"],
            surname="Van Acker",
            aliases=["meter Joëlle"],
            sex=Sex.female,
            birth_date=_d("1990-09-09"),
            birth_place="Eeklo",
            addresses=[_be("Raamstraat", "22", "9900", "Eeklo")],
            contact=_contact("+32 494 16 73 28", "joelle.vanacker@example.org"),
            language="nl",
            notes="Meter van Lina en beste vriendin van Sofie sinds de middelbare school.",
            provenance=_prov("joelle"),
        ),
        Person(
            id=_pid("leen"),
            given_names=["Leen"],
            surname="Desmet",
            aliases=["mama van Fien"],
            sex=Sex.female,
            birth_date=_d("1986"),
            birth_place="Gent",
            addresses=[_be("Pijphoekstraat", "9", "9040", "Gent")],
            contact=_contact("+32 491 05 64 19", "leen.desmet@example.org"),
            language="nl",
            notes="Mama van Fien, Lina's beste vriendin. Lina mag er op woensdag na school heen.",
            provenance=_prov("leen"),
        ),
        Person(
            id=_pid("wouter"),
            given_names=["Wouter"],
            surname="Baert",
            aliases=["papa van Fien"],
            sex=Sex.male,
            birth_date=_d("1984-06"),
            birth_place="Kortrijk",
            addresses=[_be("Pijphoekstraat", "9", "9040", "Gent")],
            language="nl",
            provenance=_prov("wouter"),
        ),
    ]


def _professionals() -> list[Person]:
    return [
        Person(
            id=_pid("eline"),
            given_names=["Eline"],
            surname="Mertens",
            sex=Sex.female,
            contact=_contact("+32 479 60 21 88", "eline.mertens@jeugdhulp.example.org"),
            language="nl",
            notes="Consulent van de jeugdhulp (fictieve dienst). Begeleidt de family finding.",
            provenance=_prov("eline"),
        ),
        Person(
            id=_pid("tugba"),
            given_names=["Tuğba"],
            surname="Aydın",
            sex=Sex.female,
            contact=_contact("+32 474 83 19 50", "tugba.aydin@clb.example.org"),
            language="nl",
            notes="CLB-medewerker van de school van Lina en Adam; deed de aanmelding.",
            provenance=_prov("tugba"),
        ),
    ]


# --- ties -----------------------------------------------------------------------------


def _tie(
    kind: TieKind,
    source: str,
    target: str,
    *,
    basis: Basis | None = None,
    partner_status: PartnerStatus | None = None,
    closeness: Circle | None = None,
    quality: Quality | None = None,
    since: str | None = None,
    until: str | None = None,
    confidence: float = 1.0,
    confidential: bool = False,
    note: str | None = None,
) -> Tie:
    """A tie with id ``demo-t-KIND-SOURCE-TARGET``.

    We learned of it when the later of its two persons was named, from whoever named them.
    """
    when, by, where = max(_NAMED[source], _NAMED[target], key=lambda named: named[0])
    source_ref = (
        SourceRef(kind=SourceKind.manual, name=where)
        if by is None
        else SourceRef(kind=SourceKind.interview, name=where, named_by=_pid(by))
    )
    return Tie(
        id=f"demo-t-{kind.value.replace('_', '-')}-{source}-{target}",
        source_id=_pid(source),
        target_id=_pid(target),
        kind=kind,
        basis=basis,
        partner_status=partner_status,
        closeness=closeness,
        quality=quality,
        since=None if since is None else _d(since),
        until=None if until is None else _d(until),
        confidence=confidence,
        confidential=confidential,
        note=note,
        provenance=Provenance(created_by=DEMO_CREATED_BY, created_at=when, source=source_ref),
    )


def _ties() -> list[Tie]:
    k = TieKind
    inner, middle, outer = Circle.inner, Circle.middle, Circle.outer
    strong, tenuous, stressful = Quality.strong, Quality.tenuous, Quality.stressful
    return [
        # The children and their parents.
        _tie(k.parent, "sofie", "lina", closeness=inner, quality=strong),
        _tie(k.parent, "sofie", "adam", closeness=inner, quality=strong),
        _tie(
            k.parent,
            "youssef",
            "lina",
            closeness=inner,
            quality=tenuous,
            note="Lina wil minder graag naar papa sinds de baby er is.",
        ),
        _tie(k.parent, "youssef", "adam", closeness=inner, quality=strong),
        _tie(
            k.sibling,
            "lina",
            "adam",
            closeness=inner,
            quality=strong,
            note="Lina zorgt veel voor Adam, soms te veel voor haar leeftijd.",
        ),
        # Mother's side: great-grandmother, grandparents, mother, aunt, uncle, cousins.
        _tie(k.parent, "jeanne", "ria"),
        _tie(k.parent, "marc", "sofie"),
        _tie(k.parent, "ria", "sofie", quality=strong),
        _tie(k.parent, "marc", "katrien"),
        _tie(k.parent, "ria", "katrien"),
        _tie(k.parent, "marc", "pieter"),
        _tie(k.parent, "ria", "pieter"),
        _tie(
            k.partner,
            "marc",
            "ria",
            partner_status=PartnerStatus.widowed,
            since="1983-09-17",
            until="2021-11-08",
        ),
        _tie(k.sibling, "sofie", "katrien", quality=strong),
        _tie(
            k.sibling,
            "sofie",
            "pieter",
            quality=tenuous,
            note="Zien elkaar alleen op familiefeesten.",
        ),
        _tie(
            k.partner,
            "katrien",
            "bart",
            partner_status=PartnerStatus.married,
            since="2012-08-18",
        ),
        _tie(k.parent, "katrien", "emma"),
        _tie(k.parent, "bart", "emma"),
        _tie(k.parent, "katrien", "lowie"),
        _tie(k.parent, "bart", "lowie"),
        _tie(k.grandparent, "ria", "lina", closeness=inner, quality=strong),
        _tie(k.grandparent, "ria", "adam", closeness=inner, quality=strong),
        _tie(
            k.other_relative,
            "katrien",
            "lina",
            closeness=inner,
            quality=strong,
            note="Tante (zus van mama).",
        ),
        _tie(
            k.other_relative,
            "katrien",
            "adam",
            closeness=middle,
            quality=strong,
            note="Tante (zus van mama).",
        ),
        # The divorce and the mother's later partners.
        _tie(
            k.ex_partner,
            "sofie",
            "youssef",
            partner_status=PartnerStatus.divorced,
            quality=stressful,
            since="2013-06",
            until="2022-03",
            note="Gehuwd in 2014, uit elkaar in maart 2022, echtscheiding in 2023. Vechtscheiding.",
        ),
        _tie(
            k.ex_partner,
            "sofie",
            "kevin",
            partner_status=PartnerStatus.separated,
            quality=stressful,
            since="2022-09",
            until="2023-08",
            confidential=True,
            note="Partnergeweld; contactverbod sinds 2023.",
        ),
        _tie(
            k.other,
            "kevin",
            "lina",
            quality=stressful,
            since="2022-09",
            until="2023-08",
            note="Woonde een jaar in bij het gezin. Contactverbod.",
        ),
        _tie(
            k.other,
            "kevin",
            "adam",
            quality=stressful,
            since="2022-09",
            until="2023-08",
            note="Woonde een jaar in bij het gezin. Contactverbod.",
        ),
        _tie(
            k.partner,
            "sofie",
            "emre",
            partner_status=PartnerStatus.cohabiting,
            quality=strong,
            since="2024-05",
        ),
        _tie(
            k.step_parent,
            "emre",
            "lina",
            closeness=middle,
            quality=tenuous,
            since="2024-05",
        ),
        _tie(
            k.step_parent,
            "emre",
            "adam",
            closeness=inner,
            quality=strong,
            since="2024-05",
        ),
        _tie(k.parent, "ayse", "emre"),
        _tie(
            k.other_relative,
            "ayse",
            "adam",
            basis=Basis.social,
            closeness=middle,
            quality=strong,
            note="Moeder van Emre; Adam noemt haar 'Ayşe nine'.",
        ),
        # Father's side: grandparents, father, aunt, uncle, cousins, great-aunt.
        _tie(k.parent, "mohamed", "youssef"),
        _tie(k.parent, "fatima", "youssef", quality=strong),
        _tie(k.parent, "mohamed", "karim"),
        _tie(k.parent, "fatima", "karim"),
        _tie(k.parent, "mohamed", "hafsa"),
        _tie(k.parent, "fatima", "hafsa"),
        _tie(
            k.partner,
            "mohamed",
            "fatima",
            partner_status=PartnerStatus.widowed,
            since="1977",
            until="2019-02",
        ),
        _tie(k.sibling, "youssef", "hafsa", quality=strong),
        _tie(
            k.sibling,
            "youssef",
            "karim",
            quality=stressful,
            note="Ruzie sinds het overlijden van hun vader.",
        ),
        _tie(
            k.sibling,
            "fatima",
            "zohra",
            quality=tenuous,
            confidence=0.7,
            note="Volgens Mima Fatima; nog niet bevestigd.",
        ),
        _tie(k.parent, "karim", "rayan"),
        _tie(k.parent, "hafsa", "aya"),
        _tie(k.grandparent, "fatima", "lina", closeness=inner, quality=strong),
        _tie(k.grandparent, "fatima", "adam", closeness=inner, quality=strong),
        _tie(
            k.other_relative,
            "hafsa",
            "lina",
            closeness=inner,
            quality=strong,
            note="Tante (zus van papa).",
        ),
        _tie(
            k.other_relative,
            "hafsa",
            "adam",
            closeness=middle,
            quality=strong,
            note="Tante (zus van papa).",
        ),
        _tie(
            k.other_relative,
            "aya",
            "lina",
            closeness=middle,
            quality=strong,
            note="Nicht; beste maatje op familiefeesten.",
        ),
        # Father's new family: partner and the children's half-siblings.
        _tie(
            k.partner,
            "youssef",
            "nadia",
            partner_status=PartnerStatus.married,
            since="2023-02",
        ),
        _tie(k.parent, "youssef", "yasmine"),
        _tie(k.parent, "nadia", "yasmine"),
        _tie(k.parent, "youssef", "ilyas"),
        _tie(k.parent, "nadia", "ilyas"),
        _tie(k.sibling, "yasmine", "ilyas"),
        _tie(k.step_parent, "nadia", "lina", closeness=middle, quality=tenuous, since="2023-02"),
        _tie(k.step_parent, "nadia", "adam", closeness=middle, quality=strong, since="2023-02"),
        _tie(
            k.half_sibling,
            "lina",
            "yasmine",
            closeness=middle,
            quality=tenuous,
        ),
        _tie(k.half_sibling, "lina", "ilyas", closeness=outer),
        _tie(
            k.half_sibling,
            "adam",
            "yasmine",
            closeness=middle,
            quality=strong,
        ),
        _tie(k.half_sibling, "adam", "ilyas", closeness=middle),
        # Informal supporters.
        _tie(k.neighbour, "hatice", "youssef", quality=strong, since="2014-06"),
        _tie(
            k.neighbour,
            "hatice",
            "lina",
            closeness=middle,
            quality=strong,
            note="Lina loopt bij Hatice binnen als het bij papa te druk wordt.",
        ),
        _tie(k.neighbour, "hatice", "adam", closeness=outer, quality=tenuous),
        _tie(
            k.teacher,
            "elke",
            "lina",
            closeness=middle,
            quality=strong,
            since="2026-09",
        ),
        _tie(k.coach, "murat", "adam", closeness=middle, quality=strong),
        _tie(
            k.godparent,
            "joelle",
            "lina",
            closeness=inner,
            quality=strong,
            since="2017-07",
            note="Meter van Lina.",
        ),
        _tie(k.friend, "joelle", "sofie", quality=strong, since="2003"),
        _tie(
            k.family_friend,
            "leen",
            "lina",
            closeness=middle,
            quality=strong,
            note="Mama van Fien, Lina's beste vriendin.",
        ),
        _tie(
            k.family_friend,
            "wouter",
            "lina",
            closeness=outer,
            quality=tenuous,
            note="Papa van Fien.",
        ),
        _tie(
            k.partner,
            "leen",
            "wouter",
            partner_status=PartnerStatus.cohabiting,
            since="2009",
        ),
        # Professionals: passers-by.
        _tie(k.professional, "eline", "lina", closeness=outer, since="2026-09"),
        _tie(k.professional, "eline", "adam", closeness=outer, since="2026-09"),
        _tie(k.professional, "tugba", "lina", closeness=outer, since="2025-09"),
        _tie(k.professional, "tugba", "adam", closeness=outer, since="2025-09"),
    ]


# --- the case and the network roles ---------------------------------------------------


def _case() -> Case:
    return Case(
        id=DEMO_CASE_ID,
        title=DEMO_TITLE,
        child_ids=[_pid("lina"), _pid("adam")],
        opened_on=date(2026, 9, 1),
        team="Demo-team Gent (fictief)",
        notes=(
            "Fictieve democasus: alle personen, adressen en nummers zijn verzonnen.\n\n"
            "Lina (9) en Adam (6) wonen bij mama Sofie en haar partner Emre in Lochristi en "
            "zijn om het weekend bij papa Youssef in Gent. De ouders scheidden in 2022 na een "
            "lang conflict. Daarna had mama een relatie met Kevin, die gewelddadig was; hij "
            "heeft sinds 2023 een contactverbod. Het CLB meldde zorgen: Lina is vaak afwezig op "
            "school en zorgt 's avonds voor Adam als mama het moeilijk heeft.\n\n"
            "Vraag aan het netwerk: wie helpt mee zodat Lina en Adam elke dag veilig en op tijd "
            "op school zijn, en waar kunnen ze terecht als het thuis te zwaar wordt?"
        ),
        provenance=Provenance(
            created_by=DEMO_CREATED_BY,
            created_at=_INTAKE,
            source=SourceRef(kind=SourceKind.manual, name="aanmelding door het CLB"),
        ),
    )


# What a handful of network members know about the worries (Signs of Safety circles);
# everyone else: not asked yet.
_KNOWS: dict[str, WorryKnowledge] = {
    "sofie": WorryKnowledge.full,
    "youssef": WorryKnowledge.full,
    "ria": WorryKnowledge.full,
    "katrien": WorryKnowledge.full,
    "hafsa": WorryKnowledge.full,
    "fatima": WorryKnowledge.partial,
    "joelle": WorryKnowledge.partial,
    "elke": WorryKnowledge.partial,
    "emre": WorryKnowledge.partial,
    "hatice": WorryKnowledge.none,
    "aya": WorryKnowledge.none,
    "leen": WorryKnowledge.none,
}


_AGREED: dict[str, tuple[str, set[Shared]]] = {
    "sofie": (
        "Mama; zegt het tegen Ria of Katrien als het niet gaat.",
        {Shared.phone, Shared.address},
    ),
    "youssef": ("Papa; de kinderen om het weekend, belt op woensdag.", {Shared.phone}),
    "ria": (
        "Haalt Lina en Adam op woensdag op; vangnet als mama ziek is.",
        {Shared.phone, Shared.address},
    ),
    "katrien": ("Maandag- en donderdagavond bij mama; noodopvang.", {Shared.phone}),
    "fatima": ("Zaterdag koken voor de hele familie.", set()),
    "hafsa": (
        "Belt Lina elke zondag; tolkt voor Mima Fatima; veiligheidspersoon.",
        {Shared.phone, Shared.email},
    ),
    "joelle": ("Meter van Lina; huiswerk op dinsdag.", {Shared.phone, Shared.email}),
    "hatice": ("Buurvrouw; Lina en Adam mogen altijd aanbellen.", {Shared.phone}),
    "elke": ("Juf van Lina; Lina mag bij haar terecht als er iets is.", set()),
}
"""What each person agreed to be for the children, and which contact details they agreed
to share with the others in the closure handout (Sofie's address stays out all the
same: it is confidential)."""

_REACHED: dict[str, Engagement] = {
    "pieter": Engagement.engaged,
    "karim": Engagement.contacted,
    "kevin": Engagement.identified,
}
"""The furthest family-finding stage of those who dropped out (or were stopped)."""

_STEP = timedelta(days=9)


def _stages(short: str, engagement: Engagement, last_contact: datetime | None) -> list[StageChange]:
    """A plausible way through family finding: one stage about every nine days from the
    day the person was named, the last one no later than the last contact."""
    path: list[Engagement]
    if engagement is Engagement.deceased:
        path = [engagement]
    elif engagement.stage is not None:
        path = list(Engagement)[: engagement.stage + 1]
    else:
        reached = _REACHED[short].stage or 0
        path = [*list(Engagement)[: reached + 1], engagement]
    start = _NAMED[short][0]
    end = max(start, last_contact or start + _STEP * (len(path) - 1))
    step = (end - start) / max(len(path) - 1, 1)
    return [
        StageChange(engagement=e, at=start + step * i, by=DEMO_CREATED_BY)
        for i, e in enumerate(path)
    ]


def _role(
    short: str,
    circle: Circle | None,
    engagement: Engagement,
    support: set[SupportType] | None = None,
    *,
    risk_flags: set[RiskFlag] | None = None,
    confidential: bool = False,
    last_contact: datetime | None = None,
    note: str | None = None,
) -> NetworkRole:
    """A role; who named the person comes from the same table as the person's provenance."""
    by = _NAMED[short][1]
    agreed_role, shares = _AGREED.get(short, (None, set()))
    return NetworkRole(
        case_id=DEMO_CASE_ID,
        person_id=_pid(short),
        circle=circle,
        engagement=engagement,
        support=support or set(),
        risk_flags=risk_flags or set(),
        confidential=confidential,
        named_by=None if by is None else _pid(by),
        last_contact=last_contact,
        note=note,
        knows_worries=_KNOWS.get(short),
        agreed_role=agreed_role,
        shares=shares,
        stages=_stages(short, engagement, last_contact),
        provenance=_prov(short),
    )


def _roles() -> list[NetworkRole]:
    e, s = Engagement, SupportType
    inner, middle, outer = Circle.inner, Circle.middle, Circle.outer
    return [
        # Parents and the mother's side.
        _role(
            "sofie",
            inner,
            e.engaged,
            {s.practical, s.emotional},
            last_contact=_at(2026, 11, 17, 10),
            note="Mama.",
        ),
        _role("marc", None, e.deceased, note="Opa Marc, overleden in 2021."),
        _role(
            "ria",
            inner,
            e.committed,
            {s.emotional, s.practical, s.respite},
            last_contact=_at(2026, 11, 18, 14),
            note="Haalt de kinderen elke woensdag op en blijft tot mama thuis is.",
        ),
        _role("jeanne", outer, e.contacted, {s.emotional}, last_contact=_at(2026, 10, 14, 15)),
        _role(
            "katrien",
            inner,
            e.committed,
            {s.respite, s.placement, s.transport},
            last_contact=_at(2026, 11, 19, 19),
            note="Opvang in het weekend; noodopvang als mama het te zwaar heeft.",
        ),
        _role(
            "bart",
            middle,
            e.engaged,
            {s.practical, s.transport},
            last_contact=_at(2026, 11, 3, 19),
        ),
        _role("emma", middle, e.engaged, {s.emotional}, last_contact=_at(2026, 11, 3, 19)),
        _role("lowie", middle, e.contacted, {s.emotional}, last_contact=_at(2026, 11, 3, 19)),
        _role(
            "pieter",
            outer,
            e.declined,
            last_contact=_at(2026, 10, 20, 18),
            note="Wil op de hoogte blijven, neemt geen taak op.",
        ),
        # Step-family and the person who must not be contacted.
        _role(
            "emre",
            middle,
            e.contacted,
            {s.practical, s.transport},
            last_contact=_at(2026, 10, 6, 11),
            note="Wil meedenken, wacht nog af.",
        ),
        _role("ayse", middle, e.identified, {s.practical}),
        _role(
            "kevin",
            outer,
            e.no_contact,
            risk_flags={RiskFlag.contact_restriction, RiskFlag.violence},
            note="Contactverbod (2023). Niet contacteren zonder overleg met de consulent.",
        ),
        # Father and the father's side.
        _role(
            "youssef",
            inner,
            e.engaged,
            {s.practical, s.transport},
            last_contact=_at(2026, 11, 16, 17),
            note="Papa; de kinderen zijn om het weekend bij hem.",
        ),
        _role("nadia", middle, e.contacted, {s.practical}, last_contact=_at(2026, 10, 2, 16)),
        _role("yasmine", middle, e.located, note="Halfzusje, woont bij papa."),
        _role("ilyas", middle, e.located, note="Halfbroertje (baby), woont bij papa."),
        _role("mohamed", None, e.deceased, note="Grootvader, overleden in 2019."),
        _role(
            "fatima",
            inner,
            e.committed,
            {s.emotional, s.practical},
            last_contact=_at(2026, 11, 14, 12),
            note="Kookt op zaterdag; de kinderen eten mee als ze bij papa zijn.",
        ),
        _role(
            "karim",
            outer,
            e.declined,
            last_contact=_at(2026, 11, 5, 20),
            note="Wil niet betrokken worden zolang de ruzie met Youssef duurt.",
        ),
        _role("rayan", outer, e.identified),
        _role(
            "hafsa",
            inner,
            e.committed,
            {s.respite, s.practical, s.safety_monitoring},
            last_contact=_at(2026, 11, 19, 20),
            note="Belt Lina elke zondag; vertaalt voor Mima Fatima.",
        ),
        _role("aya", middle, e.engaged, {s.emotional}, last_contact=_at(2026, 11, 1, 15)),
        _role("zohra", outer, e.identified, note="Adres nog niet gevonden."),
        # Informal supporters.
        _role(
            "hatice",
            middle,
            e.engaged,
            {s.safety_monitoring, s.practical},
            last_contact=_at(2026, 10, 30, 16),
        ),
        _role(
            "elke",
            middle,
            e.engaged,
            {s.emotional, s.safety_monitoring},
            last_contact=_at(2026, 11, 12, 16),
        ),
        _role("murat", outer, e.engaged, {s.transport}, last_contact=_at(2026, 10, 24, 10)),
        _role(
            "joelle",
            inner,
            e.committed,
            {s.emotional, s.respite},
            last_contact=_at(2026, 11, 20, 18),
            note="Lina logeert om de twee weken bij haar meter.",
        ),
        _role(
            "leen",
            middle,
            e.engaged,
            {s.practical, s.respite},
            last_contact=_at(2026, 11, 4, 17),
        ),
        _role("wouter", outer, e.located, {s.transport}),
        # Professionals.
        _role(
            "eline",
            outer,
            e.engaged,
            last_contact=_at(2026, 11, 20, 9),
            note="Consulent jeugdhulp; begeleidt de family finding.",
        ),
        _role(
            "tugba",
            outer,
            e.engaged,
            {s.safety_monitoring},
            last_contact=_at(2026, 11, 10, 13),
            note="CLB-medewerker; volgt de afwezigheden op.",
        ),
    ]
