"""Who may write to a shared store, and what they wrote: tokens, the write log, pack settings.

A token is a random secret (``gct_…``) shown once when it is created; the store keeps
only its SHA-256, its name and its scopes. A scope grants one kind of write:

- ``admin`` — every write;
- ``publish:<pack-id>`` — publish versions of that pack and change their status
  (``publish:*`` for every pack);
- ``history:<catalog>`` — add versions to that catalog's history (``history:*`` for all).

Every write through the service is recorded in the write log with the token's name and
the time, whether it succeeded or was refused. A pack's compatibility mode (checked when
a new version is published) is a setting kept beside it, ``backward`` unless set.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import secrets
from dataclasses import dataclass

from sqlalchemy import Boolean, DateTime, Integer, String, Text, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, mapped_column

from govcatalog.errors import AccessError
from govcatalog.store.base import Base
from govcatalog.store.database import Database

TOKEN_PREFIX = "gct_"
"""Every token starts with this, so a leaked one is easy to search for."""

ADMIN = "admin"
"""The scope that grants every write."""

_SCOPE = re.compile(r"^(admin|(publish|history):(\*|[A-Za-z0-9][A-Za-z0-9._-]{0,199}))$")
_NAME = re.compile(r"^[^\s\x00-\x1f]{1,100}$")


class TokenRow(Base):
    """A bearer token (``gc_tokens``); only its hash is kept."""

    __tablename__ = "gc_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(100), unique=True, nullable=False)
    sha256: Mapped[str] = mapped_column(String(64), unique=True, nullable=False)
    scopes: Mapped[str] = mapped_column(Text, nullable=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    revoked: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)


class WriteRow(Base):
    """One write attempted through the service (``gc_write_log``)."""

    __tablename__ = "gc_write_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    actor: Mapped[str] = mapped_column(String(100), nullable=False)
    action: Mapped[str] = mapped_column(String(40), nullable=False)
    target: Mapped[str] = mapped_column(String(300), nullable=False)
    status: Mapped[int] = mapped_column(Integer, nullable=False)
    detail: Mapped[str] = mapped_column(Text, nullable=False, default="")


class PackModeRow(Base):
    """The compatibility mode a pack's new versions are checked against (``gc_pack_modes``)."""

    __tablename__ = "gc_pack_modes"

    pack_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    mode: Mapped[str] = mapped_column(String(32), nullable=False)
    changed_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), nullable=False)
    changed_by: Mapped[str] = mapped_column(String(100), nullable=False)


@dataclass(frozen=True, slots=True)
class Token:
    """A stored token (never its secret).

    Attributes:
        id: Its number.
        name: Who holds it (recorded with every write made with it).
        scopes: What it may write.
        created_at: When it was created (UTC).
        revoked: Whether it was revoked.
    """

    id: int
    name: str
    scopes: tuple[str, ...]
    created_at: dt.datetime
    revoked: bool = False

    def allows(self, scope: str) -> bool:
        """Whether the token grants ``scope`` (e.g. ``publish:gb-1272``)."""
        if self.revoked:
            return False
        if ADMIN in self.scopes or scope in self.scopes:
            return True
        kind = scope.split(":", 1)[0]
        return scope != ADMIN and f"{kind}:*" in self.scopes


@dataclass(frozen=True, slots=True)
class NewToken:
    """A token just created: the only time its secret is known.

    Attributes:
        token: The stored token.
        secret: The bearer secret to hand to its holder.
    """

    token: Token
    secret: str


@dataclass(frozen=True, slots=True)
class Write:
    """One entry of the write log.

    Attributes:
        at: When (UTC).
        actor: The token's name (``-`` when no valid token was given).
        action: ``publish``, ``status``, ``mode``, ``history-add``.
        target: What was written (``id@version``, a catalog name).
        status: The HTTP status answered.
        detail: A short note (the reason of a refusal).
    """

    at: dt.datetime
    actor: str
    action: str
    target: str
    status: int
    detail: str


def check_scope(scope: str) -> str:
    """``scope`` if well formed.

    Raises:
        AccessError: When it is not ``admin``, ``publish:<id>`` or ``history:<name>``.
    """
    if not _SCOPE.match(scope):
        msg = f"not a scope: {scope!r} (admin, publish:<pack-id>, history:<catalog>)"
        raise AccessError(msg)
    return scope


def hash_secret(secret: str) -> str:
    """The stored form of a token's secret."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def _utc(moment: dt.datetime) -> dt.datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


def _token(row: TokenRow) -> Token:
    return Token(row.id, row.name, tuple(row.scopes.split()), _utc(row.created_at), row.revoked)


class AccessStore:
    """Tokens, the write log and pack modes in a store.

    Args:
        db: An open, migrated store.
    """

    def __init__(self, db: Database) -> None:
        self.db = db

    # ------------------------------------------------------------------ tokens
    def create_token(self, name: str, scopes: list[str] | tuple[str, ...]) -> NewToken:
        """Create a token; its secret is returned once and only its hash is kept.

        Raises:
            AccessError: For a malformed name or scope, no scope, or a name in use.
        """
        if not _NAME.match(name):
            msg = f"not a token name: {name!r} (1-100 characters, no spaces)"
            raise AccessError(msg)
        if not scopes:
            msg = "a token needs at least one scope"
            raise AccessError(msg)
        checked = tuple(dict.fromkeys(check_scope(s) for s in scopes))
        secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
        now = dt.datetime.now(dt.UTC)
        row = TokenRow(
            name=name, sha256=hash_secret(secret), scopes=" ".join(checked), created_at=now
        )
        try:
            with self.db.session() as session, session.begin():
                session.add(row)
                session.flush()
                token = _token(row)
        except IntegrityError:
            msg = f"a token named {name!r} exists already"
            raise AccessError(msg) from None
        return NewToken(token, secret)

    def authenticate(self, secret: str) -> Token | None:
        """The live token whose secret this is, else None."""
        if not secret.startswith(TOKEN_PREFIX):
            return None
        with self.db.session() as session:
            row = session.scalars(
                select(TokenRow).where(TokenRow.sha256 == hash_secret(secret))
            ).first()
            if row is None or row.revoked:
                return None
            return _token(row)

    def tokens(self) -> tuple[Token, ...]:
        """Every token, oldest first."""
        with self.db.session() as session:
            return tuple(_token(r) for r in session.scalars(select(TokenRow).order_by(TokenRow.id)))

    def revoke(self, name: str) -> Token:
        """Revoke the token named ``name``.

        Raises:
            AccessError: When there is no such token.
        """
        with self.db.session() as session, session.begin():
            done = session.execute(
                update(TokenRow).where(TokenRow.name == name).values(revoked=True)
            )
            if done.rowcount == 0:  # type: ignore[attr-defined]
                msg = f"no token named {name!r}"
                raise AccessError(msg)
            row = session.scalars(select(TokenRow).where(TokenRow.name == name)).one()
            return _token(row)

    # ------------------------------------------------------------------ write log
    def record(self, actor: str, action: str, target: str, status: int, detail: str = "") -> None:
        """Add an entry to the write log."""
        with self.db.session() as session, session.begin():
            session.add(
                WriteRow(
                    at=dt.datetime.now(dt.UTC),
                    actor=actor[:100],
                    action=action[:40],
                    target=target[:300],
                    status=status,
                    detail=detail[:2000],
                )
            )

    def writes(self, limit: int = 100) -> tuple[Write, ...]:
        """The latest ``limit`` entries of the write log, newest first."""
        with self.db.session() as session:
            rows = session.scalars(select(WriteRow).order_by(WriteRow.id.desc()).limit(limit))
            return tuple(
                Write(_utc(r.at), r.actor, r.action, r.target, r.status, r.detail) for r in rows
            )

    # ------------------------------------------------------------------ pack modes
    def pack_mode(self, pack_id: str, default: str = "backward") -> str:
        """The compatibility mode of ``pack_id`` (``default`` when never set)."""
        with self.db.session() as session:
            row = session.get(PackModeRow, pack_id)
            return row.mode if row is not None else default

    def set_pack_mode(self, pack_id: str, mode: str, actor: str) -> None:
        """Set the compatibility mode of ``pack_id``."""
        now = dt.datetime.now(dt.UTC)
        with self.db.session() as session, session.begin():
            row = session.get(PackModeRow, pack_id, with_for_update=True)
            if row is None:
                session.add(
                    PackModeRow(pack_id=pack_id, mode=mode, changed_at=now, changed_by=actor)
                )
            else:
                row.mode, row.changed_at, row.changed_by = mode, now, actor
