"""The credit ledger: arithmetic, refusal below zero, and concurrent debits."""

import threading
import time

import pytest
import transaction
import ZODB
from ZODB.POSException import ConflictError

from qgis.certification.payments.credits import MAX_BALANCE
from qgis.certification.payments.credits import MAX_ENTRY_CREDITS
from qgis.certification.payments.credits import MAX_REFERENCE_LENGTH
from qgis.certification.payments.credits import CreditLedger
from qgis.certification.payments.credits import EntryRefused
from qgis.certification.payments.credits import InsufficientCredits


def test_balance_is_the_sum_of_the_entries():
    ledger = CreditLedger()
    ledger.append(10, "top-up", "INV-1", "team")
    ledger.debit_many(["A", "B", "C"], user_id="owner")
    ledger.append(1, "refund", "B", "owner")
    ledger.append(-2, "adjustment", "duplicate transfer", "team")
    assert ledger.balance == ledger.recomputed_balance() == 6
    assert len(ledger) == 6
    assert [e["amount"] for e in ledger.entries()] == [10, -1, -1, -1, 1, -2]
    assert ledger.entries(start=4, limit=1)[0]["reference"] == "B"


def test_never_below_zero():
    ledger = CreditLedger()
    ledger.append(2, "top-up")
    with pytest.raises(InsufficientCredits) as refusal:
        ledger.debit_many(["A", "B", "C"])
    assert (refusal.value.needed, refusal.value.balance, refusal.value.shortfall) == (3, 2, 1)
    with pytest.raises(InsufficientCredits):
        ledger.append(-3, "adjustment")
    assert ledger.balance == 2
    assert len(ledger) == 1


@pytest.mark.parametrize(
    ("amount", "reason"), [(0, "top-up"), (1.5, "top-up"), (True, "top-up"), (1, "gift")]
)
def test_entries_are_whole_credits_with_a_known_reason(amount, reason):
    with pytest.raises(ValueError):  # noqa: PT011 - the message is for developers
        CreditLedger().append(amount, reason)


def test_concurrent_debits_never_overspend():
    """Eight threads, each with its own connection, try to spend 5 credits at
    a time from a ledger holding 100: ZODB conflicts make the losers retry with
    the winners' balance in view, so exactly 100 are spent, never more."""
    db = ZODB.DB(None)
    with db.transaction() as connection:
        connection.root()["ledger"] = ledger = CreditLedger()
        ledger.append(100, "top-up")
    spent, refused, tries = [], [], []
    lock = threading.Lock()

    def spend(worker):
        manager = transaction.TransactionManager()
        connection = db.open(transaction_manager=manager)
        for round_ in range(5):
            references = [f"{worker}-{round_}-{n}" for n in range(5)]
            while True:  # what the Zope publisher does: retry on conflict
                with lock:
                    tries.append(worker)
                manager.begin()
                try:
                    connection.root()["ledger"].debit_many(references)
                    time.sleep(0.002)  # hold the transaction open: others overlap it
                    manager.commit()
                except ConflictError:
                    manager.abort()
                    continue
                except InsufficientCredits:
                    manager.abort()
                    with lock:
                        refused.append(references)
                    break
                with lock:
                    spent.extend(references)
                break
        connection.close()

    threads = [threading.Thread(target=spend, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    with db.transaction() as connection:
        ledger = connection.root()["ledger"]
        assert ledger.balance == ledger.recomputed_balance() == 0
        debited = [e["reference"] for e in ledger.entries() if e["amount"] < 0]
    assert len(spent) == 100
    assert sorted(debited) == sorted(spent)
    assert len(refused) == 8 * 5 - 100 // 5
    assert len(tries) > 8 * 5  # some attempts conflicted and were retried
    db.close()


@pytest.mark.parametrize(
    ("amount", "reference", "field"),
    [
        (10**40, "", "amount"),
        (-(10**40), "", "amount"),
        (MAX_ENTRY_CREDITS + 1, "", "amount"),
        (1, "x" * (MAX_REFERENCE_LENGTH + 1), "reason"),
    ],
)
def test_entries_out_of_range_are_refused(amount, reference, field):
    ledger = CreditLedger()
    ledger.append(5, "top-up")
    with pytest.raises(EntryRefused) as refusal:
        ledger.append(amount, "adjustment", reference, "team")
    assert refusal.value.field == field
    assert refusal.value.message
    assert (ledger.balance, len(ledger)) == (5, 1)


def test_the_balance_has_a_ceiling():
    ledger = CreditLedger()
    for _ in range(MAX_BALANCE // MAX_ENTRY_CREDITS):
        ledger.append(MAX_ENTRY_CREDITS, "top-up")
    with pytest.raises(EntryRefused):
        ledger.append(1, "top-up")
    assert ledger.balance == MAX_BALANCE
    ledger.append(-MAX_ENTRY_CREDITS, "adjustment", "x" * MAX_REFERENCE_LENGTH)
    assert ledger.balance == MAX_BALANCE - MAX_ENTRY_CREDITS
