"""Callers' personal data: masked for display, hashed for matching, sealed for the few who may see it.

A hotline caller's name and phone must never reach the item text, the analysis or a page
in clear (DESIGN §4). What the service keeps is a masked form for everyone, an HMAC of the
phone so a repeat caller is recognised without storing the number, and the full contact
encrypted with a key that lives outside the database, so a database dump alone reveals
nobody. Revealing is the console's job and leaves an audit row.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
from dataclasses import asdict, dataclass
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken
from sqlalchemy import select
from sqlalchemy.orm import Session

from config import Settings
from store.keys import SecretKeyError, fernet_for
from store.masking import FULLWIDTH_DIGITS, mask_numbers
from store.models import HotlineContact

KEY_FILE = "hotline_key"
_HASH_CONTEXT = b"yuqing hotline phone hash v1"


class ContactKeyError(SecretKeyError):
    """The sealing key is missing or wrong: contacts cannot be sealed or opened."""


@dataclass(frozen=True)
class Contact:
    """What a caller left: the part that is sealed and revealed as a whole."""

    name: str = ""
    phone: str = ""
    address: str = ""

    def __bool__(self) -> bool:
        return bool(self.name or self.phone or self.address)


def normalise_phone(phone: str) -> str:
    """Digits only, without the country code: the same caller hashes the same however it was typed."""
    digits = re.sub(r"\D", "", phone.translate(FULLWIDTH_DIGITS))
    if len(digits) == 13 and digits.startswith("86"):
        digits = digits[2:]
    return digits


def mask_phone(phone: str) -> str:
    """138****5678; short numbers keep only their last two digits."""
    digits = normalise_phone(phone)
    if not digits:
        return ""
    if len(digits) >= 7:
        return digits[:3] + "*" * (len(digits) - 7) + digits[-4:]
    return "*" * (len(digits) - 2) + digits[-2:]


def mask_name(name: str) -> str:
    """张** : the family name and the length stay, which is what a clerk needs to address the caller."""
    name = name.strip()
    if not name:
        return ""
    return name[0] + "*" * max(1, len(name) - 1)


def mask_text(text: str, contact: Contact | None = None) -> str:
    """Mask phone and ID numbers anywhere in ``text`` and the caller's own name and number.

    Lives in ``store`` (not ``analysis``) because importers must mask before anything is
    stored, and the layers forbid crawlers from importing analysis.
    """
    text = text.translate(FULLWIDTH_DIGITS)
    if contact is not None:
        if len(contact.name.strip()) >= 2:
            text = text.replace(contact.name.strip(), mask_name(contact.name))
        digits = normalise_phone(contact.phone)
        if len(digits) >= 5:
            text = text.replace(digits, mask_phone(digits))
    return mask_numbers(text)


def contact_key(settings: Settings) -> bytes:
    """The Fernet key: the configured one, or one generated once under the data folder (0600)."""
    path = Path(settings.data_dir) / KEY_FILE
    try:
        fernet_for(settings.hotline.key, path, "hotline.key")  # checks the key, makes the file on first use
    except SecretKeyError as exc:
        raise ContactKeyError(str(exc)) from exc
    return settings.hotline.key.strip().encode("ascii") or path.read_bytes().strip()


class Sealer:
    """Seals and opens contacts and hashes phones with one key (one per deployment)."""

    def __init__(self, key: bytes) -> None:
        self._fernet = Fernet(key)
        # A separate key for hashing, derived so rotating nothing else is needed.
        self._hash_key = hmac.new(base64.urlsafe_b64decode(key), _HASH_CONTEXT, hashlib.sha256).digest()

    @classmethod
    def from_settings(cls, settings: Settings) -> Sealer:
        return cls(contact_key(settings))

    def phone_hash(self, phone: str) -> str | None:
        digits = normalise_phone(phone)
        if not digits:
            return None
        return hmac.new(self._hash_key, digits.encode("ascii"), hashlib.sha256).hexdigest()

    def seal(self, contact: Contact) -> str:
        return self._fernet.encrypt(json.dumps(asdict(contact), ensure_ascii=False).encode("utf-8")).decode("ascii")

    def open(self, sealed: str) -> Contact:
        try:
            data = json.loads(self._fernet.decrypt(sealed.encode("ascii")))
        except InvalidToken as exc:
            raise ContactKeyError("the contact was sealed with another key") from exc
        return Contact(**{k: str(data.get(k) or "") for k in ("name", "phone", "address")})


def save_contact(session: Session, sealer: Sealer, item_id: int, contact: Contact) -> bool:
    """Insert or refresh the item's contact row in the caller's transaction; True when it changed."""
    row = session.scalar(select(HotlineContact).where(HotlineContact.item_id == item_id))
    if row is None:
        row = HotlineContact(item_id=item_id)
        session.add(row)
    elif row.sealed is not None and sealer.open(row.sealed) == contact:
        return False  # Fernet tokens differ on every call: re-sealing the same contact is no change
    row.name_masked = mask_name(contact.name) or None
    row.phone_masked = mask_phone(contact.phone) or None
    row.phone_hash = sealer.phone_hash(contact.phone)
    row.sealed = sealer.seal(contact)
    return True
