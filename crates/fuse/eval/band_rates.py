#!/usr/bin/env python3
"""How the labelled pairs a store's fusion scores fall, by score: the whole population of
merges and near-misses, not a sample of 50.

usage: sitrep fuse --db STORE.db --audit 100000 > DUMP.txt   (every merge and near-miss)
       band_rates.py STORE.db DUMP.txt [LABELS.tsv]

Each item of the dump (a cross-article merge, or a near-miss: a mention and the fused event it
scored 0.55 up to the threshold against) is matched to audit-labels.tsv by its two sides
(article, sentence, kind, as check_labels.py finds them); a pair read by several readers takes
their commonest verdict. Prints, per score bin of 0.025, how many labelled pairs are one event
(Right, Y) and how many two (Wrong, N, BG), then the share of true duplicates among the
labelled near-misses and of wrong merges among the labelled merges. A development aid: it
shows where the threshold stands between the two, and what a reweighting could gain, without
a new audit; the audits on fresh seeds stay the measure.
"""
import collections
import os
import re
import sqlite3
import sys


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    db, dump = argv[0], argv[1]
    labels = argv[2] if len(argv) > 2 else os.path.join(os.path.dirname(__file__), 'audit-labels.tsv')
    con = sqlite3.connect(db)
    key = {}
    for i, sent, kind in con.execute(
        "select id, json_extract(json,'$.evidence.sentence'), json_extract(json,'$.sub_event_type') from events"
    ):
        key[i] = (i.split('#')[0], str(sent), kind)
    verdicts = collections.defaultdict(list)
    for line in open(labels):
        if line.startswith('#'):
            continue
        r = line.rstrip('\n').split('\t')
        verdicts[frozenset([(r[5], r[6], r[7]), (r[8], r[9], r[10])])].append(r[3])
    items, cur = [], None
    for line in open(dump):
        m = re.match(r'^([MN])\d+ score ([\d.]+)', line)
        if m:
            cur = {'kind': m.group(1), 'score': float(m.group(2)), 'ids': []}
            items.append(cur)
            continue
        m = re.match(r'^    (\S+#\d+) \| ', line)
        if m and cur is not None and len(cur['ids']) < 2:
            cur['ids'].append(m.group(1))
    one = {'Right': 1, 'Y': 1, 'Wrong': 0, 'N': 0, 'BG': 0}
    bins = collections.defaultdict(lambda: [0, 0])
    share = {'M': [0, 0, 0], 'N': [0, 0, 0]}
    for it in items:
        if len(it['ids']) < 2:
            continue
        said = verdicts.get(frozenset(key.get(i) for i in it['ids']), [])
        share[it['kind']][2] += 1
        counted = [v for v in said if v in one]
        if not counted:
            continue
        v = collections.Counter(counted).most_common(1)[0][0]
        b = int(it['score'] / 0.025) * 0.025
        bins[round(b, 3)][one[v]] += 1
        share[it['kind']][0] += 1
        share[it['kind']][1] += one[v]
    print('score   two events  one event  share one')
    for b in sorted(bins):
        two, same = bins[b]
        print(f'{b:5.3f}  {two:10d} {same:10d}  {same / (two + same):9.2f}')
    n, y, all_n = share['N']
    m, right, all_m = share['M']
    print(f'near-misses {all_n}, labelled {n}: true duplicates {y} ({y / max(1, n):.1%})')
    print(f'merges {all_m}, labelled {m}: wrong {m - right} ({(m - right) / max(1, m):.1%})')


if __name__ == '__main__':
    main(sys.argv[1:])
