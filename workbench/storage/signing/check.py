"""Checking the signatures of a log, and which keys wrote it.

A signature signs an event's hash, and the hash covers the previous event of
the same chain, so a valid signature also vouches for everything before it in
that chain.  So for each run of consecutive events of one chain signed by one
key, the signature of the run's last event is checked; only when it fails are
the run's events checked one by one, to name the first bad one.  A log of
100,000 events written by a handful of reviewers costs a handful of checks.

Keys are known from `key_publish` events (anywhere in the log).  With a
roster, every key must be on it, and every event must be written under the
name the roster gives its key (or the workbench's own name).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import compress, repeat
from operator import attrgetter, is_not

from workbench.storage.audit.audit import KEY_ACTION, SYSTEM_REVIEWER, Event

from workbench.storage.signing.roster import Roster

RESOLUTION_ACTION = "conflict_resolution"
_SIGNER, _ORIGIN = attrgetter("signer"), attrgetter("origin")
from workbench.storage.signing.signers import decode, event_message, fingerprint, short_fingerprint, verify_signature


@dataclass
class KeyUse:
    fingerprint: str
    algorithm: str = ""
    public_key: bytes = b""
    names: set[tuple[str, str]] = field(default_factory=set)  # published (name, unit)
    events: int = 0
    first_uuid: str = ""
    trusted: str = ""  # the roster's name for the key; "" when not on the roster

    def label(self) -> str:
        names = "、".join(sorted(f"{n}（{u}）" if u else n for n, u in self.names)) or "?"
        return f"{short_fingerprint(self.fingerprint)} {names}"


@dataclass
class SignatureReport:
    ok: bool = True
    first_bad_uuid: str | None = None
    reason: str = ""
    unsigned: int = 0
    keys: dict[str, KeyUse] = field(default_factory=dict)
    untrusted: list[KeyUse] = field(default_factory=list)  # on no roster, or not on the given one
    roster: bool = False

    def fail(self, uuid: str | None, reason: str) -> SignatureReport:
        self.ok, self.first_bad_uuid, self.reason = False, uuid, reason
        return self


def published_keys(events: Iterable[Event]) -> dict[str, KeyUse]:
    keys: dict[str, KeyUse] = {}
    for event in events:
        if event.action != KEY_ACTION or not isinstance(event.after, dict):
            continue
        after = event.after
        try:
            public = decode(str(after.get("public_key", "")))
        except ValueError:
            continue
        algorithm = str(after.get("algorithm", ""))
        fpr = fingerprint(algorithm, public)
        use = keys.setdefault(fpr, KeyUse(fpr, algorithm, public))
        use.names.add((str(after.get("name", "")), str(after.get("unit", ""))))
    return keys


def check_signatures(events: list[Event], roster: Roster | None = None, *, number=None) -> SignatureReport:
    """Check every event's signature (by runs, see the module docstring) and its key against `roster`.

    `events` in local seq order; `number(event)` names an event in messages (default: its seq).
    """
    label = number or (lambda e: f"event {e.seq}")
    report = SignatureReport(roster=roster is not None)
    keys = report.keys = published_keys(events)
    # A workspace none of whose events is signed adds its count and nothing else (no run to check, nothing
    # signed before an unsigned event): the loops below read the other workspaces' events only, in order.
    signed = list(map(is_not, map(_SIGNER, events), repeat(None)))
    origins = list(map(_ORIGIN, events))
    signing = set(compress(origins, signed))
    mine = list(map(signing.__contains__, origins))
    report.unsigned = len(events) - sum(mine)
    events_of_signers = list(compress(events, mine))
    for event in events_of_signers:
        if event.action == KEY_ACTION and event.signer is not None:
            after = event.after if isinstance(event.after, dict) else {}
            try:
                own = fingerprint(str(after.get("algorithm", "")), decode(str(after.get("public_key", ""))))
            except ValueError:
                own = ""
            if own != event.signer:
                return report.fail(event.uuid, f"{label(event)} publishes a key that is not the key it is signed with")
    runs: dict[str, list[Event]] = {}  # origin -> current run
    bad: list[tuple[int, Event, str]] = []

    def close(run: list[Event]) -> None:
        if not run or run[-1].signer is None:
            return
        key = keys.get(run[-1].signer)
        if key is None:
            bad.append((run[-1].seq, run[-1], f"{label(run[-1])} is signed by a key never published in this "
                                                f"workspace ({short_fingerprint(run[-1].signer)})"))
            return
        if _valid(key, run[-1]):
            return
        first = next((e for e in run if not _valid(key, e)), run[-1])
        bad.append((first.seq, first, f"{label(first)} does not match its signature (by "
                                      f"{key.label()}): it was altered after it was signed"))

    signed_chains: set[str] = set()
    for event in events_of_signers:
        if event.signer is None:
            report.unsigned += 1
            if event.origin in signed_chains:
                bad.append((event.seq, event, f"{label(event)} is not signed, yet an earlier event of its "
                                              "workspace is: it was put there after signing began"))
        else:
            signed_chains.add(event.origin)
            use = keys.get(event.signer)
            if use is not None:
                use.events += 1
                use.first_uuid = use.first_uuid or event.uuid
                if (event.reviewer, event.reviewer_unit) not in use.names:
                    bad.append((event.seq, event, f"{label(event)} is written as {event.reviewer} but its key "
                                                  f"({use.label()}) was never published under that name"))
        run = runs.setdefault(event.origin, [])
        if run and run[-1].signer != event.signer:
            close(run)
            run.clear()
        run.append(event)
    for run in runs.values():
        close(run)
    if bad:
        _, event, reason = min(bad, key=lambda b: b[0])
        return report.fail(event.uuid, reason)
    for use in keys.values():
        if not use.events:
            continue
        member = roster.trusted(use.fingerprint) if roster else None
        if member is None:
            report.untrusted.append(use)
            continue
        use.trusted = member.name
    if roster is not None:
        for event in events:
            use = keys.get(event.signer or "")
            if use is None or not use.trusted:
                continue
            if event.reviewer not in (use.trusted, SYSTEM_REVIEWER.name):
                return report.fail(event.uuid, f"{label(event)} is written as {event.reviewer} with the key the "
                                               f"roster gives to {use.trusted}")
        for event in events:
            if event.action == RESOLUTION_ACTION and not roster.may_resolve(event.signer):
                return report.fail(event.uuid, f"{label(event)} resolves a dispute, but the roster does not allow "
                                               f"its key ({short_fingerprint(event.signer)}) to resolve")
        if report.untrusted:
            use = report.untrusted[0]
            return report.fail(use.first_uuid, f"{use.events} event(s) are signed by a key that is not on your "
                                                f"roster: {use.label()}")
    return report


def _valid(key: KeyUse, event: Event) -> bool:
    signature = event.signature  # (read once: a light event reads it from its database, audit_lean.py)
    return bool(signature) and verify_signature(
        key.algorithm, key.public_key, event_message(str(event.signer), event.hash), str(signature)
    )
