//! The layers as Cargo resolves them (ARCHITECTURE.md), read from `cargo metadata`: the domain
//! crate's dependency tree holds no I/O or GUI crate, only the use-case layer reaches the store
//! (the app package has it as a dev-dependency, for tests), and the command line links no GUI
//! crate.

use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet, VecDeque};

/// A dependency's package name and its kinds: `None` for a normal dependency, `Some("dev")` or
/// `Some("build")`.
type Edge = (String, Vec<Option<String>>);

/// The workspace's resolved dependency graph: package name -> its dependencies.
struct Graph {
    edges: BTreeMap<String, Vec<Edge>>,
}

impl Graph {
    fn load() -> Graph {
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        // This machine's dependencies only: others' (Android, Windows) need not be downloaded.
        let out = std::process::Command::new(cargo)
            .args(["metadata", "--format-version", "1", "--offline"])
            .args(["--filter-platform", &host()])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .expect("run cargo metadata");
        assert!(
            out.status.success(),
            "cargo metadata: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let meta: Value = serde_json::from_slice(&out.stdout).expect("metadata JSON");
        let names: BTreeMap<&str, &str> = meta["packages"]
            .as_array()
            .expect("packages")
            .iter()
            .filter_map(|p| Some((p["id"].as_str()?, p["name"].as_str()?)))
            .collect();
        let mut edges = BTreeMap::new();
        for node in meta["resolve"]["nodes"].as_array().expect("resolve") {
            let Some(name) = node["id"].as_str().and_then(|id| names.get(id)) else {
                continue;
            };
            let deps = node["deps"]
                .as_array()
                .expect("deps")
                .iter()
                .filter_map(|d| {
                    let dep = names.get(d["pkg"].as_str()?)?;
                    let kinds = d["dep_kinds"]
                        .as_array()?
                        .iter()
                        .map(|k| k["kind"].as_str().map(str::to_owned))
                        .collect();
                    Some(((*dep).to_owned(), kinds))
                })
                .collect();
            edges.insert((*name).to_owned(), deps);
        }
        Graph { edges }
    }

    /// Everything `root` links: its normal dependencies, theirs, and so on.
    fn normal_tree(&self, root: &str) -> BTreeSet<String> {
        let mut seen = BTreeSet::new();
        let mut queue = VecDeque::from([root.to_owned()]);
        while let Some(pkg) = queue.pop_front() {
            for (dep, kinds) in self.edges.get(&pkg).into_iter().flatten() {
                if kinds.iter().any(Option::is_none) && seen.insert(dep.clone()) {
                    queue.push_back(dep.clone());
                }
            }
        }
        seen
    }

    /// The kinds of `from`'s direct dependency on `to` (empty when there is none).
    fn direct(&self, from: &str, to: &str) -> Vec<Option<String>> {
        self.edges
            .get(from)
            .into_iter()
            .flatten()
            .filter(|(dep, _)| dep == to)
            .flat_map(|(_, kinds)| kinds.clone())
            .collect()
    }
}

/// The host's target triple, as `rustc -vV` reports it.
fn host() -> String {
    let out = std::process::Command::new("rustc")
        .arg("-vV")
        .output()
        .expect("run rustc -vV");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("host: "))
        .expect("a host line")
        .to_owned()
}

fn assert_none_of(tree: &BTreeSet<String>, banned: &[&str], whose: &str) {
    let found: Vec<&&str> = banned.iter().filter(|b| tree.contains(**b)).collect();
    assert!(found.is_empty(), "{whose} depends on {found:?}");
}

#[test]
fn the_layers_depend_only_downwards() {
    let graph = Graph::load();
    for crate_name in [
        "trustgap",
        "trustgap-cli",
        "trustgap-workspace",
        "trustgap-store",
        "trustgap-documents",
        "trustgap-domain",
    ] {
        assert!(
            graph.edges.contains_key(crate_name),
            "{crate_name} is no member"
        );
    }

    // The domain is pure: no database, PDF, window or dialog crate anywhere below it.
    let domain = graph.normal_tree("trustgap-domain");
    assert_none_of(
        &domain,
        &[
            "tauri",
            "wry",
            "rusqlite",
            "libsqlite3-sys",
            "printpdf",
            "rfd",
        ],
        "trustgap-domain",
    );
    assert!(
        !domain.iter().any(|d| d.starts_with("trustgap-")),
        "{domain:?}"
    );

    // Store and documents sit side by side on the domain; neither reaches the other.
    assert!(!graph
        .normal_tree("trustgap-store")
        .contains("trustgap-documents"));
    assert!(!graph
        .normal_tree("trustgap-documents")
        .contains("trustgap-store"));
    assert_none_of(
        &graph.normal_tree("trustgap-documents"),
        &["rusqlite", "tauri"],
        "trustgap-documents",
    );

    // The use-case layer is the only door to the store: the app package has the store only as
    // a dev-dependency (integration tests and benchmarks), the command line not at all.
    let app_store = graph.direct("trustgap", "trustgap-store");
    assert!(
        app_store.iter().all(|k| k.as_deref() == Some("dev")),
        "the app depends on trustgap-store as {app_store:?}; go through trustgap-workspace"
    );
    assert!(graph.direct("trustgap-cli", "trustgap-store").is_empty());
}

#[test]
fn the_command_line_links_no_gui_crate() {
    let graph = Graph::load();
    assert_none_of(
        &graph.normal_tree("trustgap-cli"),
        &[
            "tauri",
            "tao",
            "wry",
            "webkit2gtk",
            "gtk",
            "gdk",
            "soup3",
            "rfd",
        ],
        "trustgap-cli",
    );
}
