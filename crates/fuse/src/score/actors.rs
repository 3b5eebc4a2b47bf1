//! The actor cue: shared actors (one state's forces count as one), unknown on one side, or none
//! shared.

use super::*;

pub(super) fn specific_actors(e: &Event) -> Vec<&str> {
    e.actor1
        .iter()
        .chain(e.actor2.iter())
        .chain(e.assoc_actor_1.iter())
        .chain(e.assoc_actor_2.iter())
        .filter(|a| {
            a.inter != 0 && !a.name.starts_with("Unidentified") && !a.name.starts_with("Civilians")
        })
        .map(|a| a.name.as_str())
        .collect()
}

pub(super) fn actor_score(a: &Mention, b: &Mention, lex: &Lexicons, explain: bool) -> CueScore {
    let (x, y) = (specific_actors(&a.event), specific_actors(&b.event));
    // (ACLED's "JNIM: ... and/or Islamic State (Greater Sahara)", for attacks either may have
    // made, shares each of the two)
    let alike = |n: &str, m: &str| {
        n.split(" and/or ").any(|n| {
            let side = lex.actor_side(n);
            m.split(" and/or ").any(|m| lex.actor_side(m) == side)
        })
    };
    let shared = || {
        x.iter()
            .find_map(|n| y.iter().find(|m| alike(n, m)).map(|m| (*n, *m)))
    };
    let (score, detail) = if x.is_empty() || y.is_empty() {
        (0.5, why!(explain, "actors unknown on one side"))
    } else if let Some((n, m)) = shared() {
        if n == m {
            (1.0, why!(explain, "shared actor {n}"))
        } else if n.contains(" and/or ") || m.contains(" and/or ") {
            (1.0, why!(explain, "one of the groups named: {n} / {m}"))
        } else if lex.actor_side(n).1 {
            (1.0, why!(explain, "one state's forces: {n} / {m}"))
        } else {
            (
                1.0,
                why!(explain, "one group, filed under two countries: {n} / {m}"),
            )
        }
    } else {
        (
            ACTORS_DISAGREE,
            why!(explain, "no shared actor ({} / {})", x[0], y[0]),
        )
    };
    CueScore {
        cue: "actors".into(),
        score,
        detail,
    }
}
