"""Reviewer keys, the lead's roster of trusted keys, and handing workspaces out.

    workbench key show                      your key's fingerprint (made at first use)
    workbench key protect                   protect your key with a passphrase
    workbench roster list                   the roster, and the keys that wrote this workspace
    workbench roster trust 乙 [--resolve]    trust the key 乙 published in this workspace
    workbench roster remove 乙               no longer trust it
    workbench handout --to 乙 -o FILE        a copy of this workspace for 乙, with its own identity
"""

from __future__ import annotations

import argparse
import getpass
import os
from pathlib import Path

from workbench.cli import EXIT_OK, CliError, Command, _default_reviewer, repository


def register(command: Command) -> None:
    p = command("key", "your signing key: show its fingerprint or protect it with a passphrase", cmd_key)
    p.add_argument("what", choices=["show", "protect"])
    p = command("roster", "the lead's roster of trusted reviewer keys (and who may resolve disputes)", cmd_roster)
    p.add_argument("what", choices=["list", "trust", "remove"])
    p.add_argument("who", nargs="?", default=None, help="trust/remove: the reviewer's name or key fingerprint")
    p.add_argument("--fingerprint", default=None,
                   help="trust: the key's fingerprint as the reviewer read it to you (first 8+ hex digits)")
    p.add_argument("--resolve", action="store_true", help="trust: this reviewer may resolve disputes")
    p = command("handout", "write a copy of this workspace for another reviewer, with its own identity", cmd_handout)
    p.add_argument("--to", required=True, help="the reviewer the copy is for")
    p.add_argument("-o", "--output", type=Path, required=True, help="the copy to write (must not exist)")


def cmd_key(args: argparse.Namespace) -> int:
    from workbench.storage.signing import short_fingerprint
    from workbench.storage.signing.profile import PASSPHRASE_ENV, key_path, load_signer, save_signer

    signer = load_signer()
    if args.what == "show":
        print(f"{short_fingerprint(signer.fingerprint)}  ({signer.algorithm}, {key_path()})")
        print(f"full fingerprint: {signer.fingerprint}")
        return EXIT_OK
    passphrase = os.environ.get(f"{PASSPHRASE_ENV}_NEW")
    if passphrase is None:
        if not os.isatty(0):
            raise CliError(f"give the new passphrase in {PASSPHRASE_ENV}_NEW (no terminal to ask on)")
        passphrase = getpass.getpass("new passphrase: ")
        if passphrase != getpass.getpass("again: "):
            raise CliError("the two passphrases differ; nothing changed")
    if not passphrase:
        raise CliError("an empty passphrase protects nothing; nothing changed")
    save_signer(signer, passphrase=passphrase)
    print(f"your key is now protected by a passphrase (give it in {PASSPHRASE_ENV} to scripts)")
    return EXIT_OK


def cmd_roster(args: argparse.Namespace) -> int:
    from workbench.cli.audit_commands import readonly_db
    from workbench.storage.audit import audit
    from workbench.storage.signing import short_fingerprint
    from workbench.storage.signing.check import published_keys
    from workbench.storage.signing.profile import load_signer
    from workbench.storage.signing.roster import Member, Roster, load_roster, save_roster
    from workbench.storage.signing.signers import encode

    me = load_signer()
    try:
        db = readonly_db(args)
    except (CliError, ValueError):
        if args.what == "trust":
            raise
        db = None  # list and remove work without a workspace
    try:
        keys = published_keys(audit.events(db, action=audit.KEY_ACTION)) if db is not None else {}
    finally:
        if db is not None:
            db.close()
    roster = load_roster() or Roster(me.fingerprint, {})
    if me.fingerprint not in roster.members:  # the owner: named as this key published itself, if it did
        mine = sorted(n for n in keys[me.fingerprint].names if n[0] != audit.SYSTEM_REVIEWER.name) \
            if me.fingerprint in keys else []
        name, unit = mine[0] if mine and not args.reviewer else (args.reviewer or _default_reviewer(), args.unit)
        roster.add(Member(me.fingerprint, name, unit, me.algorithm, encode(me.public_key), resolve=True))
    if args.what == "list":
        if load_roster() is None:
            print("no roster kept in this profile yet (`workbench roster trust NAME` starts one); you would own it:")
        for m in roster.members.values():
            role = "owner" if m.fingerprint == roster.owner else ("may resolve" if m.resolve else "trusted")
            print(f"{short_fingerprint(m.fingerprint)}  {m.name}{f'（{m.unit}）' if m.unit else ''}  [{role}]")
        for fpr, use in keys.items():
            if fpr not in roster.members:
                print(f"{use.label()}  [published in this workspace, NOT on the roster]")
        return EXIT_OK
    if not args.who:
        raise CliError(f"roster {args.what} needs the reviewer's name or key fingerprint")
    if args.what == "remove":
        found = roster.find(args.who)
        if len(found) != 1:
            raise CliError(f"{args.who!r} matches {len(found)} roster entries: give the fingerprint")
        member = roster.remove(found[0].fingerprint)
        save_roster(roster)
        print(f"removed {member.name} ({short_fingerprint(member.fingerprint)}) from the roster")
        return EXIT_OK
    wanted = (args.fingerprint or args.who).replace(" ", "").lower()
    matches = [u for u in keys.values() if args.who in {n for n, _ in u.names}
               and (args.fingerprint is None or u.fingerprint.startswith(wanted))]
    if not matches and len(wanted) >= 8:
        matches = [u for u in keys.values() if u.fingerprint.startswith(wanted)]
    if not matches:
        raise CliError(f"no key published in this workspace matches {args.who!r} (merge that reviewer's "
                       "workspace first, or check the name)")
    if len(matches) > 1:
        listed = "; ".join(u.label() for u in matches)
        raise CliError(f"{args.who!r} published {len(matches)} keys ({listed}): ask the reviewer for the "
                       "fingerprint (`workbench key show`) and give it with --fingerprint")
    use = matches[0]
    if args.fingerprint is None:
        print(f"note: compare this fingerprint with the one {args.who} reads from `workbench key show`: "
              f"{short_fingerprint(use.fingerprint)}")
    name, unit = next(((n, u) for n, u in sorted(use.names) if n == args.who), sorted(use.names)[0])
    roster.add(Member(use.fingerprint, name, unit, use.algorithm, encode(use.public_key), resolve=args.resolve))
    path = save_roster(roster)
    print(f"trusted {name} ({short_fingerprint(use.fingerprint)}){', may resolve disputes' if args.resolve else ''}"
          f" — roster {path}")
    return EXIT_OK


def cmd_handout(args: argparse.Namespace) -> int:
    from workbench.storage.audit import audit
    from workbench.storage.sync.fork import handout

    repo = repository(args, create=False)
    target = handout(repo.db, args.output, to=args.to, reviewer=repo.reviewer)
    from workbench.storage.files.readonly import open_source

    copy = open_source(target)
    try:
        count, identity = audit.event_count(copy), audit.workspace_uuid(copy)
    finally:
        copy.close()
    print(f"wrote {target} for {args.to}: {count} events, a workspace of its own ({identity[:8]}); "
          f"merge it back with `workbench merge {target.name}`")
    return EXIT_OK
