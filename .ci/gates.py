"""Evaluation gates: each measured figure must reach its floor (issues 2-5). Prints every figure."""
import json
import sys
from pathlib import Path

GATES = [
    # (report, key, floor)
    # issue 4's targets, all met: they must stay met
    ("acled", "event_type", 0.92),
    ("acled", "sub_event_type", 0.85),
    ("acled", "event_date", 0.97),
    ("acled", "fatalities", 0.92),
    ("acled", "actor1", 0.80),
    ("acled", "actor2", 0.70),
    ("case", "weighted_f1", 0.85),
    ("seeds", "must_sub_event_found", 6),
    ("seeds", "should_found", 2),
    ("seeds", "control_must_found", 2),
    ("seeds", "control_should_found", 3),
    ("wikievents", "recall", 0.80),
    # issue 3's targets that are met
    ("acled", "country", 0.98),
    ("acled", "admin1", 0.93),
    # regression floors just under today's figures (issue 3 raises them toward 0.85 / 0.70;
    # cities500 alone caps them near 0.79 / 0.65: see README)
    ("acled", "time_precision", 0.97),
    ("acled", "within_25km", 0.74),
    ("acled", "within_5km", 0.59),
    ("acled", "geo_precision", 0.74),
    # per core, in CPU time of the reading thread: a busy CI machine does not slow it
    ("bench", "articles_per_cpu_second", 500),
]


def main(out: Path) -> int:
    reports = {name: json.loads((out / f"{name}.json").read_text()) for name in ("acled", "case", "seeds", "wikievents", "bench")}
    failed = 0
    for report, key, floor in GATES:
        value = reports[report].get(key)
        ok = isinstance(value, (int, float)) and value >= floor
        failed += not ok
        shown = f"{value:.3f}" if isinstance(value, float) else str(value)
        print(f"{'PASS' if ok else 'FAIL'}  {report:6} {key:22} {shown:>10}  (floor {floor})")
    b = reports["bench"]
    print(f"info   bench  wall clock: {b['articles_per_second']:.0f} articles/s, {b['mb_per_second']:.2f} MB/s, "
          f"peak RSS {b.get('peak_rss_mb')} MB")
    print(f"gates: {len(GATES) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
