"""The tags of GEDCOM 5.5.1 and 7.0, and the vendor tags this import reads.

Any other tag is reported once as unknown (and not imported); the tags known here
but not read (sources, occupations, addresses…) are left out without a word.
"""

from __future__ import annotations

RECORD_TAGS = frozenset({"INDI", "FAM", "NOTE", "SNOTE", "SOUR", "REPO", "OBJE", "SUBM", "SUBN"})

_GEDCOM_551 = """
ABBR ADDR ADR1 ADR2 ADR3 ADOP AFN AGE AGNC ALIA ANCE ANCI ANUL ASSO AUTH BAPL BAPM BARM BASM
BIRT BLES BLOB BURI CALN CAST CAUS CENS CHAN CHAR CHIL CHR CHRA CITY CONC CONF CONL CONT COPR
CORP CREM CTRY DATA DATE DEAT DESC DESI DEST DIV DIVF DSCR EDUC EMAIL EMIG ENDL ENGA EVEN FACT
FAM FAMC FAMF FAMS FAX FCOM FILE FORM FONE GEDC GIVN GRAD HEAD HUSB IDNO IMMI INDI LANG LATI
LONG MAP MARB MARC MARL MARR MARS MEDI NAME NATI NATU NCHI NICK NMR NOTE NPFX NSFX OBJE OCCU
ORDI ORDN PAGE PEDI PHON PLAC POST PROB PROP PUBL QUAY REFN RELA RELI REPO RESI RESN RETI RFN
RIN ROLE ROMN SEX SLGC SLGS SOUR SPFX SSN STAE STAT SUBM SUBN SURN TEMP TEXT TIME TITL TRLR
TYPE VERS WIFE WWW
"""
_GEDCOM_7 = """
CREA CROP EXID HEIGHT INIL LEFT MIME NO PHRASE SCHMA SDATE SNOTE TAG TOP TRAN UID WIDTH
"""
VENDOR_TAGS = frozenset({"_FREL", "_MREL", "_MARNM", "_AKA", "_MSTAT", "_MEND", "_SEPR", "_BASIS"})
"""Vendor tags read: pedigrees per parent, married names and aliases, how a couple began
and ended (Family Tree Maker and others), and the basis TenHands writes on ``ASSO``."""

KNOWN_TAGS = frozenset(_GEDCOM_551.split()) | frozenset(_GEDCOM_7.split()) | VENDOR_TAGS
