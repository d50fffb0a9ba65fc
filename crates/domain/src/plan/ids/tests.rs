use super::*;
use crate::plan::{
    backup_to_json, extract_embedded_plan, load, parse_import, to_json, Action, BandEntry, Change,
    Objective, Participant, PastAssessment, Period, ReapReview, Specialist,
};

const IMG: &str = "\"><img src=x onerror=alert(1)>";
const SCRIPT: &str = "<script>alert(1)</script>";
const MODIFIED: &str = "2026-04-01T10:00:00Z";

fn person(id: &str, name: &str) -> Participant {
    Participant {
        id: id.into(),
        name: name.into(),
        department: "<b>Housing</b>".into(),
        ..Participant::default()
    }
}

fn action(id: &str, text: &str) -> Action {
    Action {
        id: id.into(),
        text: text.into(),
        ..Action::default()
    }
}

fn band(id: &str, name: &str) -> BandEntry {
    BandEntry {
        id: id.into(),
        name: name.into(),
        ..BandEntry::default()
    }
}

fn about(about: &str) -> Change {
    Change {
        at: "2026-03-01T09:00:00Z".into(),
        what: "Something changed".into(),
        about: about.into(),
        from: None,
    }
}

/// A plan with a hostile, blank or repeated id in every place a plan has ids.
fn hostile() -> Plan {
    let mut plan = Plan::new(IMG, "<i>Our plan</i>", "2026-01-01T09:00:00Z");
    plan.modified = MODIFIED.into();
    plan.action_plan.objectives = vec![
        Objective {
            id: "<o>".into(),
            title: "Referrals <u>".into(),
            actions: vec![action(IMG, "Visit employers"), action("a1", "Train staff")],
            ..Objective::default()
        },
        Objective {
            id: String::new(),
            title: "Second".into(),
            actions: vec![action("a1", "A repeat"), action("", "No id")],
            ..Objective::default()
        },
    ];
    plan.journey.participants = vec![
        person("p1", "Ann"),
        person(SCRIPT, "Bo"),
        person("p1", "Cy"),
    ];
    plan.journey.past = vec![
        PastAssessment {
            date: "2025-01-01".into(),
            participants: vec![
                person("p1", "Ann"),
                person(SCRIPT, "Bo"),
                person("gone\"", "Di"),
            ],
            ..PastAssessment::default()
        },
        PastAssessment {
            date: "2025-06-01".into(),
            participants: vec![person("gone\"", "Di"), person(SCRIPT, "Bo")],
            ..PastAssessment::default()
        },
    ];
    plan.reap.specialists = vec![
        Specialist {
            id: "es1'".into(),
            name: "A.K.".into(),
            ..Specialist::default()
        },
        Specialist {
            id: "x".repeat(65),
            name: "B.L.".into(),
            ..Specialist::default()
        },
    ];
    plan.reap.reviews = vec![ReapReview {
        id: "review1 onclick=x".into(),
        date: "2026-03-01".into(),
        ..ReapReview::default()
    }];
    plan.data.periods = vec![
        Period {
            id: "2023/24".into(),
            label: "2023-24".into(),
            bands: vec![
                band("b1", "Band 1"),
                band("b1", "Band 2"),
                band("<b>", "Band 3"),
            ],
            ..Period::default()
        },
        Period {
            id: "d1".into(),
            label: "2024-25".into(),
            bands: vec![band("b1", "Band 1")],
            ..Period::default()
        },
    ];
    plan.history.extend([
        about(&format!("action.{IMG}.text")),
        about(&format!("participant.{SCRIPT}.name")),
        about("period.2023/24.label"),
        about("objective.<o>"),
        about("reap.specialist.es1'.name"),
        about("reap.review.review1 onclick=x.note"),
        about("title"),
        about("action.a1.text"),
    ]);
    plan
}

/// Every id in the plan, by where it is (the plan's own id apart).
fn ids(plan: &Plan) -> Vec<(&'static str, Vec<&str>)> {
    let mut all = vec![
        (
            "objectives",
            plan.action_plan
                .objectives
                .iter()
                .map(|o| o.id.as_str())
                .collect(),
        ),
        (
            "actions",
            plan.action_plan
                .objectives
                .iter()
                .flat_map(|o| &o.actions)
                .map(|a| a.id.as_str())
                .collect(),
        ),
        (
            "participants",
            plan.journey
                .participants
                .iter()
                .map(|p| p.id.as_str())
                .collect(),
        ),
        (
            "specialists",
            plan.reap
                .specialists
                .iter()
                .map(|s| s.id.as_str())
                .collect(),
        ),
        (
            "reviews",
            plan.reap.reviews.iter().map(|r| r.id.as_str()).collect(),
        ),
        (
            "periods",
            plan.data.periods.iter().map(|p| p.id.as_str()).collect(),
        ),
    ];
    for past in &plan.journey.past {
        all.push((
            "past participants",
            past.participants.iter().map(|p| p.id.as_str()).collect(),
        ));
    }
    for period in &plan.data.periods {
        all.push((
            "bands",
            period.bands.iter().map(|b| b.id.as_str()).collect(),
        ));
    }
    all
}

/// Every id is plain, and unique in its collection.
pub(crate) fn assert_plain_and_unique(plan: &Plan) {
    assert!(
        plan.id.is_empty() || is_plain_id(&plan.id),
        "plan id {:?}",
        plan.id
    );
    for (what, list) in ids(plan) {
        for (i, id) in list.iter().enumerate() {
            assert!(is_plain_id(id), "{what}: {id:?} is not plain");
            assert!(!list[..i].contains(id), "{what}: {id:?} is repeated");
        }
    }
}

#[test]
fn plain_ids_are_1_to_64_ascii_letters_digits_dashes_and_underscores() {
    assert!(is_plain_id("a1"));
    assert!(is_plain_id("plan-20250115090000"));
    assert!(is_plain_id("A_b-9"));
    assert!(is_plain_id(&"x".repeat(64)));
    assert!(!is_plain_id(&"x".repeat(65)));
    assert!(!is_plain_id(""));
    for bad in [
        "a 1",
        "a<b",
        "a\"",
        "a'",
        "a/b",
        "a.b",
        "é",
        "a\n",
        "a&b",
        "a\u{202e}",
    ] {
        assert!(!is_plain_id(bad), "{bad:?}");
    }
}

#[test]
fn every_hostile_id_is_replaced_its_references_follow_and_the_log_says_so() {
    let before = hostile();
    let loaded = load(&to_json(&before)).unwrap();
    let plan = &loaded.plan;
    assert_plain_and_unique(plan);

    assert!(
        plan.id.starts_with("plan-") && plan.id.len() == 21,
        "{}",
        plan.id
    );
    let expected: Vec<(&str, Vec<&str>)> = vec![
        ("objectives", vec!["o1", "o2"]),
        ("actions", vec!["a2", "a1", "a3", "a4"]),
        ("participants", vec!["p1", "p2", "p3"]),
        ("specialists", vec!["es1", "es2"]),
        ("reviews", vec!["review1"]),
        ("periods", vec!["d2", "d1"]),
        // The same person keeps the same id in the timeline; someone only in the timeline
        // keeps one id across assessments.
        ("past participants", vec!["p1", "p2", "p4"]),
        ("past participants", vec!["p4", "p2"]),
        ("bands", vec!["b1", "b2", "b3"]),
        ("bands", vec!["b1"]),
    ];
    assert_eq!(ids(plan), expected);

    // The text is untouched: it is escaped where it is shown.
    assert_eq!(plan.title, before.title);
    assert_eq!(plan.action_plan.objectives[0].title, "Referrals <u>");
    assert_eq!(
        plan.action_plan.objectives[0].actions[0].text,
        "Visit employers"
    );
    assert_eq!(plan.journey.participants[1].name, "Bo");
    assert_eq!(plan.journey.participants[1].department, "<b>Housing</b>");
    assert_eq!(plan.journey.past[1].participants[1].name, "Bo");
    assert_eq!(plan.data.periods[0].bands[2].name, "Band 3");
    assert_eq!(plan.reap.specialists[1].name, "B.L.");

    // The change log's references follow; the rest of it is as it was, and one entry is added.
    let abouts: Vec<&str> = plan.history.iter().map(|c| c.about.as_str()).collect();
    assert_eq!(
        abouts,
        [
            "created",
            "action.a2.text",
            "participant.p2.name",
            "period.d2.label",
            "objective.o1",
            "reap.specialist.es1.name",
            "reap.review.review1.note",
            "title",
            "action.a1.text",
            "ids",
        ]
    );
    assert_eq!(plan.history.len(), before.history.len() + 1);
    let note = plan.history.last().unwrap();
    assert_eq!(note.at, MODIFIED, "dated when the plan was last changed");
    assert_eq!(note.from, None);
    assert_eq!(
        note.what,
        format!(
            "15 ids in this plan were blank, were already in use, were too long or held \
             characters that are not allowed in an id (such as < or \"), so they were replaced: \
             plan ‘{IMG}’ is now {}; objective ‘<o>’ is now o1; objective with no id is now o2; \
             action ‘{IMG}’ is now a2; action ‘a1’ is now a3; and 10 more.",
            plan.id
        )
    );
    assert!(note.what.chars().count() < 600, "{}", note.what);
    assert_eq!(plan.modified, MODIFIED, "loading does not change the date");
}

#[test]
fn the_replacements_are_returned_in_plan_order() {
    let mut plan = hostile();
    let replaced = make_ids_plain(&mut plan);
    let pairs: Vec<(&str, &str, &str)> = replaced
        .iter()
        .map(|r| (r.kind, r.old.as_str(), r.new.as_str()))
        .collect();
    assert_eq!(
        pairs[1..],
        [
            ("objective", "<o>", "o1"),
            ("objective", "", "o2"),
            ("action", IMG, "a2"),
            ("action", "a1", "a3"),
            ("action", "", "a4"),
            ("workshop participant", SCRIPT, "p2"),
            ("workshop participant", "p1", "p3"),
            (
                "workshop participant in an earlier assessment",
                "gone\"",
                "p4"
            ),
            ("Employment Specialist", "es1'", "es1"),
            ("Employment Specialist", &*"x".repeat(65), "es2"),
            ("REAP review", "review1 onclick=x", "review1"),
            ("reporting period", "2023/24", "d2"),
            ("pay band", "b1", "b2"),
            ("pay band", "<b>", "b3"),
        ]
    );
    assert_eq!((pairs[0].0, pairs[0].1), ("plan", IMG));
}

#[test]
fn old_ids_are_shortened_in_the_log() {
    let mut plan = Plan::new("p1", "Plan", MODIFIED);
    let long = format!("{}\n{}", "<".repeat(40), ">".repeat(40));
    plan.action_plan.objectives = vec![Objective {
        id: long,
        ..Objective::default()
    }];
    make_ids_plain(&mut plan);
    let what = &plan.history.last().unwrap().what;
    assert_eq!(
        what,
        &format!(
            "An id in this plan held characters that are not allowed in an id (such as < or \"), so it was replaced: objective ‘{}…’ is now o1.",
            "<".repeat(30)
        )
    );
}

#[test]
fn a_clean_plan_loads_unchanged_with_nothing_in_the_log() {
    let plan = Plan::example();
    let text = to_json(&plan);
    let loaded = load(&text).unwrap();
    assert_eq!(loaded.plan, plan);
    assert_eq!(to_json(&loaded.plan), text, "saved again byte for byte");
    let mut again = plan.clone();
    assert!(make_ids_plain(&mut again).is_empty());
    assert_eq!(again, plan);
}

#[test]
fn a_plan_with_no_id_of_its_own_keeps_none_for_the_caller_to_give() {
    // An import gives a plan with no id one ("imported"), unique among the plans in the file.
    let mut plan = Plan::new("", "Plan", MODIFIED);
    assert!(make_ids_plain(&mut plan).is_empty());
    assert_eq!(plan.id, "");
}

#[test]
fn the_same_hostile_plan_gets_the_same_ids_every_time() {
    let text = to_json(&hostile());
    let first = load(&text).unwrap().plan;
    let second = load(&text).unwrap().plan;
    assert_eq!(first, second);
    // And once saved, it loads with nothing more to replace.
    let again = load(&to_json(&first)).unwrap().plan;
    assert_eq!(again, first);
}

#[test]
fn a_backup_with_a_hostile_plan_previews_with_plain_ids() {
    let text = backup_to_json(&[hostile(), Plan::example()], "2026-04-02T10:00:00Z");
    let preview = parse_import(&text, &[]).unwrap();
    assert_eq!(preview.items.len(), 2);
    for item in &preview.items {
        assert_plain_and_unique(&item.plan);
    }
    assert_eq!(
        preview.items[0].plan.action_plan.objectives[0].actions[0].id,
        "a2"
    );
    assert_eq!(preview.items[1].plan, Plan::example());
    // A single plan imported as a file, the same way.
    let single = parse_import(&to_json(&hostile()), &[]).unwrap();
    assert_eq!(single.items[0].plan, preview.items[0].plan);
}

#[test]
fn the_plan_inside_a_single_file_loads_with_plain_ids() {
    // Written as the single file writes it: `<`, `>` and `&` as JSON escapes.
    let json = to_json(&hostile())
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026");
    let page = format!(
        r#"<html><script type="application/json" id="rep-embedded-plan">{json}</script></html>"#
    );
    let loaded = extract_embedded_plan(&page).unwrap().unwrap();
    assert_plain_and_unique(&loaded.plan);
    assert_eq!(loaded.plan.journey.past[1].participants[0].id, "p4");
}

#[test]
fn a_save_from_a_newer_version_is_drawn_with_plain_ids() {
    let mut value: serde_json::Value = serde_json::from_str(&to_json(&hostile())).unwrap();
    value["schema_version"] = serde_json::json!(99);
    let loaded = load(&value.to_string()).unwrap();
    assert_eq!(loaded.read_only_newer, Some(99));
    assert_plain_and_unique(&loaded.plan);
}

#[test]
fn a_migrated_save_has_plain_ids() {
    let v1 = serde_json::json!({
        "id": "old plan",
        "name": "First plan",
        "actions": [{"text": "One"}, {"id": "a1", "text": "Two"}, {"id": "<a>", "text": "Three"}],
    });
    let loaded = load(&v1.to_string()).unwrap();
    assert_eq!(loaded.migrated_from, Some(1));
    assert_plain_and_unique(&loaded.plan);
    let actions: Vec<&str> = loaded.plan.action_plan.objectives[0]
        .actions
        .iter()
        .map(|a| a.id.as_str())
        .collect();
    // The first action was given "a1" by the migration, so the second one's "a1" is a repeat.
    assert_eq!(actions, ["a1", "a2", "a3"]);
}

#[test]
fn numbers_too_large_for_next_id_still_give_a_fresh_unique_id() {
    let mut plan = Plan::new("p1", "Plan", MODIFIED);
    plan.action_plan.objectives = vec![Objective {
        id: "o1".into(),
        actions: vec![
            action("a18446744073709551615", ""),
            action("a999999999999999999", ""),
            action("<a>", ""),
            action("a18446744073709551615", ""),
        ],
        ..Objective::default()
    }];
    make_ids_plain(&mut plan);
    assert_plain_and_unique(&plan);
}

#[test]
fn sorted_gives_places_by_key_then_by_place() {
    let keys: Vec<String> = ["b", "a", "c", "a", "", "b", "a"]
        .iter()
        .map(|k| k.to_string())
        .collect();
    assert_eq!(sorted(&keys), [4, 1, 3, 6, 0, 5, 2]);
    assert!(sorted(&[]).is_empty());
    let many: Vec<String> = (0..1000)
        .map(|n| format!("{}", (n * 7919) % 1000))
        .collect();
    let order = sorted(&many);
    assert!(order
        .windows(2)
        .all(|w| (&many[w[0]], w[0]) < (&many[w[1]], w[1])));
}

#[test]
fn a_long_list_of_repeated_and_hostile_ids_is_made_plain_and_unique() {
    // Sorted, not compared pairwise: 20,000 actions took 11 seconds that way.
    let mut plan = Plan::new("p1", "Plan", MODIFIED);
    let actions = (0..20_000)
        .map(|n| match n % 4 {
            0 => action(&format!("a{}", n % 50), ""),
            1 => action(&format!("<a{}>", n % 70), ""),
            2 => action("", ""),
            _ => action(&format!("a{n}"), ""),
        })
        .collect();
    plan.action_plan.objectives = vec![Objective {
        id: "o1".into(),
        actions,
        ..Objective::default()
    }];
    let replaced = make_ids_plain(&mut plan);
    assert_plain_and_unique(&plan);
    // 25 different ids among the first kind are kept; every hostile and blank one is replaced.
    assert_eq!(replaced.len(), 5_000 - 25 + 5_000 + 5_000);
    assert_eq!(plan.action_plan.objectives[0].actions[1].id, "a20000");
    assert!(plan
        .history
        .last()
        .unwrap()
        .what
        .ends_with("and 14970 more."));
}
