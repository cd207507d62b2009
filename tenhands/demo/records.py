"""Outside records for the demo: a registry extract, an old case file and a school list
(all fictional), so ``tenhands find demo-case`` has kin to propose.

Among them: records of persons already in the network (Oma Ria, Mima Fatima, Lina), Oma
Ria's sister and her son, Oma Ria's father, Mima Fatima's sister, a daughter of Mima
Fatima at her address, and strangers with the same common names.
"""

from __future__ import annotations

from datetime import UTC, datetime

from tenhands.graph.model import PartialDate, Provenance, Record, Sex, SourceKind, SourceRef

_AT = datetime(2026, 10, 5, 9, 30, tzinfo=UTC)
_REGISTRY = SourceRef(kind=SourceKind.registry, name="demo-rijksregister-extract")
_CASE_FILE = SourceRef(kind=SourceKind.case_file, name="demo-dossier-2016")
_SCHOOL = SourceRef(kind=SourceKind.school_list, name="demo-klaslijst-4A")


def _r(rid: str, source: SourceRef, born: str | None = None, **fields: object) -> Record:
    return Record(
        id=f"demo-rec-{rid}",
        birth_date=PartialDate.parse(born) if born else None,
        provenance=Provenance(
            created_by="demo", created_at=_AT, source=source.model_copy(update={"ref": rid})
        ),
        **fields,
    )


def demo_records() -> list[Record]:
    """The demo's outside records (stable ids ``demo-rec-…``)."""
    f, m = Sex.female, Sex.male
    return [
        # persons already in the network
        _r("ria", _REGISTRY, "1961-07-09", given_names="Maria Godelieve", surname="De Smet",
           sex=f, birth_place="Maldegem", street="Kapellestraat", house_number="14",
           postcode="9900", city="Eeklo", mother_name="Jeanne Van Damme",
           father_name="Gerard De Smet"),
        _r("fatima", _REGISTRY, "1958", given_names="Fatima", surname="Azzouzi", sex=f,
           birth_place="Al Hoceima", street="Bevrijdingslaan", house_number="118",
           postcode="9000", city="Gent", mother_name="Rahma Bouziane",
           father_name="Ahmed Azzouzi"),
        _r("lina", _SCHOOL, "2017-05-14", given_names="Lina", surname="Vermeulen El Amrani",
           sex=f, mother_name="Sofie Vermeulen", father_name="Youssef El Amrani"),
        # kin not yet in the network
        _r("annemie", _REGISTRY, "1964-02-19", given_names="Annemie", surname="De Smet",
           sex=f, birth_place="Maldegem", street="Stationsstraat", house_number="3",
           postcode="9990", city="Maldegem", mother_name="Jeanne Van Damme",
           father_name="Gerard De Smet"),
        _r("thomas", _CASE_FILE, "1990-08-01", given_names="Thomas", surname="Verhaeghe",
           sex=m, mother_name="Annemie De Smet", father_name="Luc Verhaeghe",
           city="Maldegem"),
        _r("gerard", _REGISTRY, "1929-11-30", given_names="Gerard", surname="De Smet",
           sex=m, birth_place="Maldegem", city="Maldegem", postcode="9990"),
        _r("khadija", _REGISTRY, "1962", given_names="Khadija", surname="Azzouzi", sex=f,
           birth_place="Al Hoceima", street="Brugsesteenweg", house_number="240",
           postcode="9000", city="Gent", mother_name="Rahma Bouziane",
           father_name="Ahmed Azzouzi"),
        _r("samira", _CASE_FILE, "1995-06-17", given_names="Samira", surname="El Amrani",
           sex=f, street="Bevrijdingslaan", house_number="118", postcode="9000", city="Gent"),
        # strangers with common names
        _r("maria-ant", _REGISTRY, "1990-03-02", given_names="Maria", surname="De Smet",
           sex=f, city="Antwerpen", postcode="2000", mother_name="Ann Peeters"),
        _r("jan", _REGISTRY, "1975-01-12", given_names="Jan", surname="Peeters", sex=m,
           city="Leuven", postcode="3000", mother_name="Maria Janssens"),
        _r("karim", _CASE_FILE, "2001-09-09", given_names="Karim", surname="Benali", sex=m,
           city="Antwerpen", mother_name="Naima Haddou"),
        _r("emma", _SCHOOL, "2016-04-04", given_names="Emma", surname="Claeys", sex=f,
           mother_name="Sarah Wouters", father_name="Tom Claeys"),
    ]  # fmt: skip
