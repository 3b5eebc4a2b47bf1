#!/usr/bin/env python3
"""How a store's fusion treats the blind-audited pairs of audit-labels.tsv.

usage: check_labels.py STORE.db [LABELS.tsv] [--base BASE.db [--by-text]]

Each labelled side is found again by its article, the sentence its trigger is in and its kind
(ids are renumbered when the reading changes); a side that cannot be found is 'missing'. Prints,
per kind of item (M merge, N near-miss) and verdict, how many pairs the store has in one fused
event ('merged') or apart; with --base, the pairs whose state changed between the two stores.
With --by-text (when the texts were cut differently, so sentence numbers moved: a boilerplate
rule), each side is found in BASE by its sentence number, then in STORE by its article, kind and
sentence text.
"""
import collections
import os
import sqlite3
import sys


def load(db):
    con = sqlite3.connect(db)
    fused = dict(con.execute("select mention_id, fused_id from fused_members"))
    where = collections.defaultdict(list)
    said = {}
    for i, sent, kind, text in con.execute(
        "select id, json_extract(json,'$.evidence.sentence'), "
        "json_extract(json,'$.sub_event_type'), json_extract(json,'$.claims[0].sentence') "
        "from events"
    ):
        where[(i.split('#')[0], str(sent))].append((i, kind))
        said[i] = (i.split('#')[0], kind, text)
    told = collections.defaultdict(list)
    for i, key in said.items():
        told[key].append(i)
    return fused, where, said, told


def find(where, article, sentence, kind):
    found = where.get((article, sentence), [])
    same = [i for i, k in found if k == kind]
    if len(same) == 1:
        return same[0]
    return found[0][0] if len(found) == 1 else None


def by_text(store, base, mention):
    """The mention of `store` told in the sentence that told `mention` of `base`."""
    if mention is None:
        return None
    key = base[2][mention]
    found = store[3].get(key, []) if key[2] else []
    return found[0] if len(found) == 1 else None


def state(store, row, base=None):
    fused, where = store[0], store[1]
    if base is None:
        a = find(where, row[5], row[6], row[7])
        b = find(where, row[8], row[9], row[10])
    else:
        a = by_text(store, base, find(base[1], row[5], row[6], row[7]))
        b = by_text(store, base, find(base[1], row[8], row[9], row[10]))
    if a is None or b is None or a not in fused or b not in fused:
        return 'missing'
    return 'merged' if fused[a] == fused[b] else 'apart'


def main(argv):
    args = [a for a in argv if not a.startswith('--')]
    base = argv[argv.index('--base') + 1] if '--base' in argv else None
    if base:
        args.remove(base)
    if not args:
        sys.exit(__doc__)
    labels = args[1] if len(args) > 1 else os.path.join(os.path.dirname(__file__), 'audit-labels.tsv')
    rows = [l.rstrip('\n').split('\t') for l in open(labels) if not l.startswith('#')]
    store = load(args[0])
    old = load(base) if base else None
    table = collections.Counter()
    for row in rows:
        s = state(store, row, old if '--by-text' in argv else None)
        table[(row[0][0], row[3], s)] += 1
        if old:
            o = state(old, row)
            if o != s and 'missing' not in (o, s):
                print(f"{row[2]}:{row[0]} ({row[1]}) {row[3]} {row[4]}: {o} -> {s}")
    for key in sorted(table):
        print(*key, table[key])


if __name__ == '__main__':
    main(sys.argv[1:])
