"""Every programme the bot knows: the shipped ones, and the custom ones clubs uploaded (latest version).

Looking a programme up by id finds both, so plans on a custom programme run like any other. Iterating
lists only the shipped ones: those are what anybody may choose; a custom programme belongs to the group
that uploaded it, and to others only once shared (see `usable_by`). `merge` takes the uploads it is given
(the store reads them, from any instance); the catalogue itself reads no database.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from coachbot.programme.loader import ProgrammeError, load_text
from coachbot.programme.schema import Programme


@dataclass(frozen=True)
class Owner:
    platform: str
    chat_id: str
    shared: bool


@dataclass(frozen=True)
class Upload:
    """One stored version of an uploaded programme: its YAML and the group that owns it."""

    programme_id: str
    version: int
    source: str
    owner: Owner


class Catalogue(Mapping[str, Programme]):
    def __init__(self, shipped: Mapping[str, Programme]) -> None:
        self.shipped = dict(shipped)
        self.custom: dict[str, Programme] = {}
        self.owners: dict[str, Owner] = {}

    def __getitem__(self, programme_id: str) -> Programme:
        if programme_id in self.shipped:
            return self.shipped[programme_id]
        return self.custom[programme_id]

    def __contains__(self, programme_id: object) -> bool:
        return programme_id in self.shipped or programme_id in self.custom

    def __iter__(self) -> Iterator[str]:
        return iter(self.shipped)

    def __len__(self) -> int:
        return len(self.shipped)

    def add(self, programme: Programme, owner: Owner) -> None:
        self.custom[programme.id], self.owners[programme.id] = programme, owner

    def usable_by(self, programme_id: str, platform: str, chat_id: str) -> bool:
        """Shipped programmes are for everyone; a custom one for its group, or anyone once shared."""
        owner = self.owners.get(programme_id)
        if owner is None:
            return programme_id in self.shipped
        return owner.shared or (owner.platform, owner.chat_id) == (platform, chat_id)

    def every(self) -> list[Programme]:
        """Shipped and uploaded programmes alike (for rules that must hold for all plans)."""
        return [*self.shipped.values(), *self.custom.values()]

    def shared(self) -> list[Programme]:
        return [self.custom[pid] for pid, owner in self.owners.items() if owner.shared]

    def merge(self, uploads: Iterable[Upload]) -> None:
        """Take in the latest version of each upload that this catalogue does not hold yet, and every
        owner's current sharing."""
        for upload in uploads:
            held = self.custom.get(upload.programme_id)
            if held is None or held.version < upload.version:
                try:
                    programme = load_text(upload.source, f"{upload.programme_id}.yaml")
                except ProgrammeError:
                    continue  # validated when uploaded; a later schema change must not stop the bot
                self.add(programme, upload.owner)
            else:
                self.owners[upload.programme_id] = upload.owner
