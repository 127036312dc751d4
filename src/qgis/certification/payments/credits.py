"""Credits: what an organisation pays for certificates, kept in an append-only ledger.

Each organisation's ledger is one persistent object: every change to it (a
top-up, a certificate, a refund) writes that object, so two transactions that
change the same ledger at once conflict in ZODB and one of them is retried
with the other's result in view. That is what keeps concurrent debits from
overspending. The balance kept on the ledger is the sum of its entries,
updated in the same write as each entry (``recomputed_balance`` checks it).
"""

from datetime import UTC
from datetime import datetime

from BTrees.IOBTree import IOBTree
from persistent import Persistent
from plone import api
from zope.annotation.interfaces import IAnnotations

from qgis.certification import _


LEDGER_KEY = "qgis.certification.ledger"
REASONS = ("top-up", "certificate", "refund", "adjustment")
# far more than any real top-up or adjustment, and than any balance they add up to
MAX_ENTRY_CREDITS = 1_000_000
MAX_BALANCE = 100_000_000
MAX_REFERENCE_LENGTH = 500


class EntryRefused(ValueError):
    """A ledger entry out of range: too many credits, or too long a reference."""

    def __init__(self, message, field):
        super().__init__(field)
        self.message = message
        self.field = field


class InsufficientCredits(Exception):
    def __init__(self, needed, balance):
        super().__init__(f"{needed} credits needed, {balance} available")
        self.needed = needed
        self.balance = balance

    @property
    def shortfall(self):
        return self.needed - self.balance

    def message(self):
        return _(
            "Not enough credits: ${needed} needed, ${balance} available. "
            "Buy at least ${shortfall} more.",
            mapping={"needed": self.needed, "balance": self.balance, "shortfall": self.shortfall},
        )


class CreditLedger(Persistent):
    def __init__(self):
        self._entries = IOBTree()
        self._length = 0
        self._balance = 0

    @property
    def balance(self):
        return self._balance

    def __len__(self):
        return self._length

    def append(self, amount, reason, reference="", user_id="", when=None):
        """Add one entry; refuse (before writing) one that would go below zero."""
        if reason not in REASONS:
            raise ValueError(f"unknown ledger reason {reason!r}")
        if not isinstance(amount, int) or isinstance(amount, bool) or amount == 0:
            raise ValueError("a ledger entry moves a whole, non-zero number of credits")
        check_entry(amount, reference, self._balance)
        if self._balance + amount < 0:
            raise InsufficientCredits(-amount, self._balance)
        entry = {
            "date": (when or datetime.now(UTC)).isoformat(),
            "amount": amount,
            "reason": reason,
            "reference": reference,
            "user": user_id,
        }
        self._entries[self._length] = entry
        self._length += 1
        self._balance += amount
        return dict(entry, balance=self._balance)

    def debit_many(self, references, reason="certificate", user_id=""):
        """One credit per reference, all or none."""
        if self._balance < len(references):
            raise InsufficientCredits(len(references), self._balance)
        return [self.append(-1, reason, reference, user_id) for reference in references]

    def entries(self, start=0, limit=None):
        stop = self._length if limit is None else min(self._length, start + limit)
        return [dict(self._entries[index]) for index in range(start, stop)]

    def recomputed_balance(self):
        return sum(entry["amount"] for entry in self._entries.values())


def check_entry(amount, reference, balance):
    """Refuse an entry of more than ``MAX_ENTRY_CREDITS`` credits either way, one
    that would take the balance over ``MAX_BALANCE``, or a reference over
    ``MAX_REFERENCE_LENGTH`` characters."""
    if abs(amount) > MAX_ENTRY_CREDITS or balance + amount > MAX_BALANCE:
        raise EntryRefused(
            _(
                "One change moves at most ${max} credits, and a balance holds at most "
                "${balance} credits.",
                mapping={"max": MAX_ENTRY_CREDITS, "balance": MAX_BALANCE},
            ),
            "amount",
        )
    if len(reference or "") > MAX_REFERENCE_LENGTH:
        raise EntryRefused(
            _(
                "The reason is too long: at most ${max} characters.",
                mapping={"max": MAX_REFERENCE_LENGTH},
            ),
            "reason",
        )


def ledger_of(organisation, create=True):
    annotations = IAnnotations(organisation)
    ledger = annotations.get(LEDGER_KEY)
    if ledger is None and create:
        ledger = annotations[LEDGER_KEY] = CreditLedger()
    return ledger


def balance_of(organisation):
    ledger = ledger_of(organisation, create=False)
    return ledger.balance if ledger is not None else 0


def current_user_id():
    user = api.user.get_current()
    return user.getId() or "" if user is not None else ""
