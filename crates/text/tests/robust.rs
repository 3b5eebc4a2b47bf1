//! No panics and no spans outside the input, whatever sub-span of a messy text is read.

use sitrep_model::Span;

const MESSY: &str = "“Six buses” left at 5 a.m.… ISIS’s 1,500-strong force (about 20–30) fled.On\u{a0}Sunday, 9 May 2020 — 12noon (1pm UAE time). U.S.\n\nدمشق 3 قتلى. ¿Qué? 10-15 km/h 82mm; No. 3 $5 50% F-16 100+";

#[test]
fn every_sub_span_reads_safely() {
    let bounds: Vec<usize> = MESSY
        .char_indices()
        .map(|(i, _)| i)
        .chain([MESSY.len()])
        .collect();
    for (a, &s) in bounds.iter().enumerate() {
        for &e in &bounds[a..] {
            let within = Span::new(s, e);
            for n in sitrep_text::find_numbers(MESSY, within) {
                assert!(
                    n.span.start >= s && n.span.end <= e && n.span.start < n.span.end,
                    "{n:?} in {within:?}"
                );
            }
            for (w, _) in sitrep_text::words(MESSY, within) {
                assert!(w.start >= s && w.end <= e);
            }
        }
        let sub = &MESSY[s..];
        for sent in sitrep_text::split_sentences(sub) {
            assert!(sent.end <= sub.len() && sent.start < sent.end);
        }
    }
}
