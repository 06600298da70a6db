"""The declarative base shared by every table govcatalog stores.

Each feature defines its tables in its own module (pack registry, catalog history,
resolver index) on this base, and its own Alembic migration under ``migrations/``.
"""

from __future__ import annotations

from sqlalchemy import MetaData
from sqlalchemy.orm import DeclarativeBase

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Declarative base of govcatalog's tables (names prefixed ``gc_``)."""

    metadata = MetaData(naming_convention=NAMING)
