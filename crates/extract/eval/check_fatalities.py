#!/usr/bin/env python3
"""How a store's reading counts the dead of the hand-read events of fatalities-labels.tsv.

usage: check_fatalities.py STORE.db [LABELS.tsv] [--show]

Each labelled event is found again by its article, the sentence its trigger is in and its kind
(ids change when the reading does). Prints how many events have a right count (any of the
figures a label allows), a wrong one, or cannot be found; --show lists the wrong ones.
"""
import os
import sqlite3
import sys


def main(argv):
    args = [a for a in argv if not a.startswith('--')]
    if not args:
        sys.exit(__doc__)
    labels = args[1] if len(args) > 1 else os.path.join(os.path.dirname(__file__), 'fatalities-labels.tsv')
    con = sqlite3.connect(args[0])
    where = {}
    for i, art, sent, kind, dead in con.execute(
        "select id, article_id, json_extract(json,'$.evidence.sentence'), sub_event_type, fatalities "
        "from events"
    ):
        where.setdefault((art, str(sent), kind), []).append((i, dead))
    right = wrong = missing = 0
    for line in open(labels):
        if line.startswith('#') or not line.strip():
            continue
        art, sent, kind, allowed = line.rstrip('\n').split('\t')
        found = where.get((art, sent, kind), [])
        if len(found) != 1:
            missing += 1
            continue
        i, dead = found[0]
        if str(dead) in allowed.split(','):
            right += 1
        else:
            wrong += 1
            if '--show' in argv:
                print(f'  {i}: {dead}, read by hand {allowed}')
    print(f'right {right} wrong {wrong} missing {missing}')


if __name__ == '__main__':
    main(sys.argv[1:])
