//! A real PostgreSQL server for the shared-project tests, never a mock.
//!
//! Where the server comes from, in order:
//! 1. `CROSSCHECK_TEST_PG`: the address of a server where the tests may `CREATE DATABASE`
//!    (for example `postgres://postgres@localhost/postgres` on a CI service). Each test makes
//!    its own database there and drops it when done.
//! 2. Otherwise each test starts its own server: `initdb` into a temporary folder, `pg_ctl
//!    start` on a free port of 127.0.0.1, stopped and removed when the test ends. The
//!    binaries are looked for in `CROSSCHECK_PG_BIN`, `/usr/lib/postgresql/*/bin` (newest
//!    first), then `PATH`. PostgreSQL refuses to run as root, so as root the server runs as
//!    the `postgres` user (made by Debian's package), or `nobody`.
//! 3. Without either, a test prints a loud SKIPPED line and passes, unless `CI` is set,
//!    where it fails: CI must run these tests (`.ci/run` installs PostgreSQL).
#![allow(dead_code)]

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// A database for one test, and the server it lives on.
pub struct TestDb {
    /// Address of the test's own database.
    pub url: String,
    admin_url: String,
    name: String,
    /// The server this test started, if it started one.
    pub server: Option<Server>,
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if self.server.is_none()
            && let Ok(mut c) = postgres::Client::connect(&self.admin_url, postgres::NoTls)
        {
            let _ = c.batch_execute(&format!(
                "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                self.name
            ));
        }
    }
}

/// A database for the test `name`, or `None` (after a loud message) when no PostgreSQL is
/// to be had outside CI.
pub fn database(name: &str) -> Option<TestDb> {
    if let Ok(admin) = std::env::var("CROSSCHECK_TEST_PG") {
        let db = format!("crosscheck_{name}_{}", std::process::id());
        let mut c = postgres::Client::connect(&admin, postgres::NoTls)
            .unwrap_or_else(|e| panic!("CROSSCHECK_TEST_PG={admin}: cannot connect: {e}"));
        c.batch_execute(&format!(
            "DROP DATABASE IF EXISTS {db} WITH (FORCE); \
             CREATE DATABASE {db} ENCODING 'UTF8' TEMPLATE template0"
        ))
        .expect("create the test database");
        let url = match admin.rsplit_once('/') {
            Some((base, _)) => format!("{base}/{db}"),
            None => panic!("CROSSCHECK_TEST_PG must end in /DATABASE"),
        };
        return Some(TestDb {
            url,
            admin_url: admin,
            name: db,
            server: None,
        });
    }
    let server = own_server(name)?;
    Some(TestDb {
        url: server.url("postgres"),
        admin_url: server.url("postgres"),
        name: "postgres".into(),
        server: Some(server),
    })
}

/// A server of the test's own, which the test may stop and start (for outages), or `None`
/// after a loud message when there are no PostgreSQL binaries outside CI.
pub fn own_server(test: &str) -> Option<Server> {
    let Some(bin) = binaries() else {
        skip(test, "no PostgreSQL binaries (initdb, pg_ctl) were found");
        return None;
    };
    Some(Server::start_new(bin))
}

fn skip(test: &str, why: &str) {
    if std::env::var_os("CI").is_some() {
        panic!(
            "{test}: {why}; CI must run the PostgreSQL tests (install the postgresql package \
             or set CROSSCHECK_TEST_PG)"
        );
    }
    eprintln!(
        "\n*** SKIPPED {test}: {why}. Install PostgreSQL (apt-get install postgresql) or set \
         CROSSCHECK_TEST_PG=postgres://USER@HOST/DB to run it. ***\n"
    );
}

fn binaries() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("CROSSCHECK_PG_BIN") {
        return Some(PathBuf::from(dir));
    }
    let mut found: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let v = e.file_name().to_str()?.parse().ok()?;
            let bin = e.path().join("bin");
            bin.join("initdb").exists().then_some((v, bin))
        })
        .collect();
    found.sort();
    if let Some((_, bin)) = found.pop() {
        return Some(bin);
    }
    let which = Command::new("sh")
        .args(["-c", "command -v pg_ctl"])
        .output()
        .ok()?;
    let path = String::from_utf8_lossy(&which.stdout).trim().to_owned();
    (!path.is_empty()).then(|| Path::new(&path).parent().map(Path::to_path_buf))?
}

/// A PostgreSQL server in a temporary folder, stopped and removed on drop.
pub struct Server {
    dir: tempfile::TempDir,
    bin: PathBuf,
    pub port: u16,
    /// Who the server runs as, when we are root.
    user: Option<String>,
}

impl Server {
    fn start_new(bin: PathBuf) -> Server {
        let dir = tempfile::Builder::new()
            .prefix("crosscheck-pg-")
            .tempdir()
            .expect("temporary folder");
        let user = running_as_root().then(unprivileged_user);
        if let Some(u) = &user {
            let ok = Command::new("chown")
                .args(["-R", u])
                .arg(dir.path())
                .status()
                .is_ok_and(|s| s.success());
            assert!(ok, "chown {} to {u}", dir.path().display());
        }
        let server = Server {
            port: free_port(),
            dir,
            bin,
            user,
        };
        server.run(
            "initdb",
            &[
                "-D",
                &server.data(),
                "-U",
                "crosscheck",
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--locale=C",
                "--no-sync",
            ],
        );
        server.start();
        server
    }

    fn data(&self) -> String {
        self.dir.path().join("data").display().to_string()
    }

    /// The address of database `db` on this server.
    pub fn url(&self, db: &str) -> String {
        format!("postgres://crosscheck@127.0.0.1:{}/{db}", self.port)
    }

    /// Starts the server (again) and waits until it accepts connections.
    pub fn start(&self) {
        let options = format!(
            "-p {} -k {} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off",
            self.port,
            self.dir.path().display()
        );
        let log = self.dir.path().join("log").display().to_string();
        self.run(
            "pg_ctl",
            &[
                "-D",
                &self.data(),
                "-l",
                &log,
                "-o",
                &options,
                "-w",
                "start",
            ],
        );
        let deadline = Instant::now() + Duration::from_secs(30);
        while postgres::Client::connect(&self.url("postgres"), postgres::NoTls).is_err() {
            assert!(Instant::now() < deadline, "the test server did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Stops the server, as an outage would: connections are cut.
    pub fn stop(&self) {
        self.run("pg_ctl", &["-D", &self.data(), "-m", "fast", "-w", "stop"]);
    }

    fn run(&self, program: &str, args: &[&str]) {
        let exe = self.bin.join(program);
        let mut cmd = match &self.user {
            Some(u) => {
                let mut c = Command::new("runuser");
                c.args(["-u", u, "--"]).arg(&exe);
                c
            }
            None => Command::new(&exe),
        };
        let out = cmd
            .args(args)
            .current_dir(self.dir.path())
            .output()
            .unwrap_or_else(|e| panic!("run {}: {e}", exe.display()));
        assert!(
            out.status.success(),
            "{program} {args:?} failed: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let data = self.data();
        let exe = self.bin.join("pg_ctl");
        let mut cmd = match &self.user {
            Some(u) => {
                let mut c = Command::new("runuser");
                c.args(["-u", u, "--"]).arg(&exe);
                c
            }
            None => Command::new(&exe),
        };
        let _ = cmd
            .args(["-D", &data, "-m", "immediate", "-w", "stop"])
            .output();
    }
}

fn running_as_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

fn unprivileged_user() -> String {
    let exists = |u: &str| {
        Command::new("id")
            .arg(u)
            .output()
            .is_ok_and(|o| o.status.success())
    };
    if exists("postgres") {
        "postgres".into()
    } else {
        "nobody".into()
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// Polls `check` until it is true or `within` has passed; returns how long it took.
pub fn within(within: Duration, mut check: impl FnMut() -> bool) -> Option<Duration> {
    let start = Instant::now();
    loop {
        if check() {
            return Some(start.elapsed());
        }
        if start.elapsed() > within {
            return None;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}
