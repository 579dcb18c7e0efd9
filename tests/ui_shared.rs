//! Two windows on one shared project (issue 26): each opens it (one through File ▸ Open
//! shared project…, one as `crosscheck postgres://…` does), sees the other's claim within a
//! second, cannot undo its own step once the other wrote on the same claim, and says so in
//! the status bar when the server goes away and when it is back. Edits are logged under the
//! name set in Preferences.

mod pg_support;
mod ui_support;

use crosscheck::app::Command;
use crosscheck::model::{Edit, Project};
use crosscheck::store::pg::PgStore;
use egui_kittest::kittest::Queryable;
use std::time::{Duration, Instant};
use ui_support::*;

/// Steps the window until `check` holds or `limit` passes; how long it took.
fn frames_until(h: &mut H, limit: Duration, check: impl Fn(&H) -> bool) -> Option<Duration> {
    let start = Instant::now();
    while start.elapsed() < limit {
        h.step();
        if check(h) {
            return Some(start.elapsed());
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    None
}

fn opened_or_refused(h: &H) -> bool {
    h.state().doc.is_some() || h.state().message.as_ref().is_some_and(|m| m.is_error)
}

fn status_says(h: &H, words: &str) -> bool {
    h.query_by_label_contains(words).is_some()
}

#[test]
fn two_windows_on_one_shared_project_see_each_other_and_the_server_going_away() {
    let Some(server) = pg_support::own_server("ui_shared") else {
        return;
    };
    let url = server.url("postgres");
    let articles = vec![
        crosscheck::model::Article::in_memory(
            1,
            "a.txt",
            "Attack near Moscow",
            "At least 139 people were killed in the attack, officials said.",
        ),
        crosscheck::model::Article::in_memory(
            2,
            "b.txt",
            "Toll confirmed",
            "The death toll was confirmed at 133, the committee said.",
        ),
    ];
    PgStore::connect(&url)
        .expect("connect")
        .push(&Project::new(articles), "moscow", false)
        .expect("push");
    let dir = tempfile::tempdir().expect("tmp");

    // Ana opens it from the File menu, typing the address; her name is set in Preferences.
    let mut ana = harness(&dir.path().join("ana"));
    ana.state_mut().preferences.name = Some("Ana Lima".into());
    ana.state_mut()
        .send(Command::Action(crosscheck::app::action::Action::OpenShared));
    settle(&mut ana);
    ana.get_by_label_contains("Address of the shared project")
        .click();
    settle(&mut ana);
    ana.get_by_label_contains("Address of the shared project")
        .type_text(&url["postgres://".len()..]);
    settle(&mut ana);
    ana.get_by_label("Connect").click();
    wait_until(&mut ana, "the shared project to open", opened_or_refused);
    assert!(ana.state().doc.is_some(), "{:?}", ana.state().message);
    assert!(
        status_says(&ana, "Shared: postgres"),
        "the status bar says the project is shared and connected"
    );
    assert!(ana.state().window_title().contains("moscow — shared"));

    // Ben opens it as `crosscheck postgres://…` does.
    let mut ben = harness(&dir.path().join("ben"));
    ben.state_mut()
        .send(Command::OpenPath(std::path::PathBuf::from(&url)));
    wait_until(&mut ben, "the shared project to open", opened_or_refused);
    assert!(ben.state().doc.is_some(), "{:?}", ben.state().message);

    // Ana tags "139"; Ben's window shows it within a second.
    let claim = {
        let p = &ana.state().doc.as_ref().expect("doc").project;
        p.make_claim(1, 9, 12, Some(2)).expect("claim")
    };
    ana.state_mut().send(Command::Edit {
        label: "Tag claim".into(),
        edit: Edit::PutClaim(claim.clone()),
        coalesce: None,
    });
    settle(&mut ana);
    let took = frames_until(&mut ben, Duration::from_secs(1), |h| {
        h.state()
            .doc
            .as_ref()
            .is_some_and(|d| d.project.claim(claim.id).is_some())
    });
    assert!(
        took.is_some(),
        "Ben's window did not show Ana's claim within a second"
    );
    let mut db = postgres::Client::connect(&url, postgres::NoTls).expect("connect");
    let logged: String = db
        .query_one("SELECT author FROM edits ORDER BY id DESC LIMIT 1", &[])
        .expect("the edit is logged")
        .get(0);
    assert_eq!(
        logged, "Ana Lima",
        "the shared log names Ana as in her Preferences, not her login"
    );

    // Ben writes a note on it; Ana's window gets it, and her undo of the tag is refused.
    let mut noted = claim.clone();
    noted.note = "Official figure".into();
    ben.state_mut().send(Command::Edit {
        label: "Edit note".into(),
        edit: Edit::PutClaim(noted),
        coalesce: None,
    });
    settle(&mut ben);
    frames_until(&mut ana, Duration::from_secs(1), |h| {
        h.state()
            .doc
            .as_ref()
            .and_then(|d| d.project.claim(claim.id))
            .is_some_and(|c| c.note == "Official figure")
    })
    .expect("Ana's window shows Ben's note within a second");
    ana.state_mut()
        .send(Command::Action(crosscheck::app::action::Action::Undo));
    settle(&mut ana);
    let message = ana.state().message.clone().expect("a message");
    assert!(message.is_error, "{message:?}");
    assert!(
        message.text.contains("Can't undo") && message.text.contains("overwrite"),
        "{}",
        message.text
    );
    assert!(
        ana.state()
            .doc
            .as_ref()
            .is_some_and(|d| d.project.claim(claim.id).is_some()),
        "the claim Ben wrote on stays"
    );

    // The server goes away: the status bar says so, and Ana keeps tagging.
    server.stop();
    frames_until(&mut ana, Duration::from_secs(5), |h| {
        status_says(h, "Server away")
    })
    .expect("the status bar says the server is away");
    let second = {
        let p = &ana.state().doc.as_ref().expect("doc").project;
        let mut c = p.make_claim(2, 33, 36, Some(2)).expect("claim");
        c.id = p.next_claim_id();
        c
    };
    ana.state_mut().send(Command::Edit {
        label: "Tag claim".into(),
        edit: Edit::PutClaim(second.clone()),
        coalesce: None,
    });
    settle(&mut ana);
    assert!(status_says(&ana, "1 change waiting to be sent"));

    // It comes back: the claim is sent and reaches Ben.
    server.start();
    frames_until(&mut ana, Duration::from_secs(10), |h| {
        status_says(h, "Shared: postgres") && !status_says(h, "waiting to be sent")
    })
    .expect("Ana's window reconnects and sends her claim");
    frames_until(&mut ben, Duration::from_secs(10), |h| {
        h.state()
            .doc
            .as_ref()
            .is_some_and(|d| d.project.claim(second.id).is_some())
    })
    .expect("Ben's window gets the claim made while the server was away");
}
