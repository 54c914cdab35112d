"""As-you-type account search over precomputed keys (never over secrets or notes).

At 50,000 accounts a Python scan over one lowercase key per account answers a keystroke
in a few milliseconds (PITFALLS.md: a Qt proxy calling back into Python takes a second).
When the new query only extends the previous one (same filters, each old word inside a
new word, as when typing on), only the previous hits are scanned again.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from itertools import compress
from typing import Final

from brankas.core.domain.enums import AccountStatus, Platform
from brankas.core.review._memory import bulk
from brankas.core.review.facts import facts_of
from brankas.core.review.labels import fold, platform_search_words, search_key
from brankas.core.review.snapshot import Snapshot

_BASE_CACHE: Final = 8
Filters = tuple[int | None, int | None, Platform | None, AccountStatus | None]


@dataclass(frozen=True, slots=True)
class _Hits:
    filters: Filters
    words: tuple[str, ...]
    ids: list[int]
    keys: list[str]


class SearchIndex:
    """Search keys for every account of a snapshot; build with :meth:`build`.

    A key joins the handle, display name, kecamatan name, platform (stored value and
    Indonesian and English names), current holder's name, URL and recovery e-mail. No
    secret, note or other free text goes into it.
    """

    def __init__(
        self,
        ids: list[int],
        keys: list[str],
        attributes: dict[int, tuple[frozenset[int], int | None, Platform, AccountStatus]],
    ) -> None:
        self._ids = ids
        self._keys = keys
        self._attributes = attributes  # account id -> (terms, kecamatan, platform, status)
        self._bases: OrderedDict[Filters, tuple[list[int], list[str]]] = OrderedDict()
        self._last: _Hits | None = None

    @classmethod
    @bulk
    def build(cls, snapshot: Snapshot) -> SearchIndex:
        """Precompute one folded key per account (in id order).

        Args:
            snapshot: the records.

        Returns:
            The index.
        """
        f = facts_of(snapshot)
        terms: dict[int, set[int]] = {}
        for tid, members in f.accounts_in_term.items():
            for aid in members:
                terms.setdefault(aid, set()).add(tid)
        platform_words = platform_search_words()
        kec_names = {k.id: fold(k.name) for k in snapshot.kecamatan.values()}
        person_names: dict[int, str] = {}
        ids: list[int] = []
        keys: list[str] = []
        attributes = {}
        for aid, a in snapshot.accounts.items():
            holder = ""
            custody = f.holder.get(aid)
            if custody is not None and custody.holder_person_id is not None:
                pid = custody.holder_person_id
                if pid not in person_names:
                    p = snapshot.people.get(pid)
                    person_names[pid] = fold(p.name) if p is not None else ""
                holder = person_names[pid]
            ids.append(aid)
            keys.append(
                search_key(
                    fold(a.handle),
                    fold(a.display_name),
                    kec_names.get(a.kecamatan_id, "") if a.kecamatan_id is not None else "",
                    platform_words[a.platform],
                    holder,
                    fold(a.url),
                    fold(a.recovery_email),
                )
            )
            attributes[aid] = (frozenset(terms.get(aid, ())), a.kecamatan_id, a.platform, a.status)
        return cls(ids, keys, attributes)

    def __len__(self) -> int:
        return len(self._ids)

    def key_of(self, account_id: int) -> str:
        """The search key of one account (what a query is matched against).

        Raises:
            KeyError: the index has no such account.
        """
        try:
            return self._keys[self._ids.index(account_id)]
        except ValueError:
            raise KeyError(account_id) from None

    def _base(self, filters: Filters) -> tuple[list[int], list[str]]:
        if filters == (None, None, None, None):
            return self._ids, self._keys
        cached = self._bases.get(filters)
        if cached is not None:
            self._bases.move_to_end(filters)
            return cached
        term_id, kecamatan_id, platform, status = filters
        ids: list[int] = []
        keys: list[str] = []
        attributes = self._attributes
        for aid, key in zip(self._ids, self._keys, strict=True):
            terms, kec, plat, stat = attributes[aid]
            if (
                (term_id is None or term_id in terms)
                and (kecamatan_id is None or kec == kecamatan_id)
                and (platform is None or plat is platform)
                and (status is None or stat is status)
            ):
                ids.append(aid)
                keys.append(key)
        self._bases[filters] = (ids, keys)
        if len(self._bases) > _BASE_CACHE:
            self._bases.popitem(last=False)
        return ids, keys

    def query(
        self,
        text: str,
        *,
        term_id: int | None = None,
        kecamatan_id: int | None = None,
        platform: Platform | None = None,
        status: AccountStatus | None = None,
    ) -> list[int]:
        """The accounts matching every word of ``text`` and every filter given.

        Matching ignores case and accents; a word matches anywhere inside a field.

        Args:
            text: what the user typed (words separated by spaces; empty: everything).
            term_id: only accounts of this term (own term or handed on to it).
            kecamatan_id: only this kecamatan's accounts.
            platform: only this platform.
            status: only this status.

        Returns:
            Account ids in ascending order.
        """
        words = tuple(fold(text).split())
        filters: Filters = (term_id, kecamatan_id, platform, status)
        last = self._last
        if (
            last is not None
            and last.filters == filters
            and all(any(old in new for new in words) for old in last.words)
        ):
            ids, keys = last.ids, last.keys  # the new hits are a subset of the last ones
        else:
            ids, keys = self._base(filters)
        # One pass per word with boolean masks: no tuple per hit, so typing does not feed
        # the cyclic collector (a full collection here walks the whole snapshot).
        for word in words:
            mask = [word in k for k in keys]
            ids, keys = list(compress(ids, mask)), list(compress(keys, mask))
        self._last = _Hits(filters, words, ids, keys)
        return list(ids)
