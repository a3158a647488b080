//! Reads the catalog from its TOML sources: the embedded bank, or any set of files (tests, tools).

use super::changes::{BankChanges, Changed, Merged, Retired, Split};
use super::coverage::CriterionCoverage;
use super::model::{Catalog, Category, Criterion, Index, Question, Remediation, ScopingQuestion};
use super::validate::validate;
use super::CatalogError;
use serde::de::DeserializeOwned;
use serde::Deserialize;
use std::sync::OnceLock;

/// The catalog's files by role. Question files may also define their own remediations.
#[derive(Clone)]
pub struct CatalogSources<'a> {
    pub catalog: &'a str,
    pub criteria: &'a str,
    pub scoping: &'a str,
    /// `(file name, contents)` of each file holding `[[question]]` and `[[remediation]]` tables.
    pub items: Vec<(&'a str, &'a str)>,
    /// `(file name, contents)` of the coverage map's files.
    pub coverage: Vec<(&'a str, &'a str)>,
    /// `(file name, contents)` of the mapping from the previous bank, and that bank's ids.
    pub changes: Vec<(&'a str, &'a str)>,
    pub previous: &'a str,
}

macro_rules! catalog_file {
    ($path:literal) => {
        (
            $path,
            include_str!(concat!("../../../../../assets/catalog/", $path)),
        )
    };
}

/// The source files compiled into this binary (for validation tests and tools).
pub fn embedded_sources() -> CatalogSources<'static> {
    CatalogSources {
        catalog: catalog_file!("catalog.toml").1,
        criteria: catalog_file!("criteria.toml").1,
        scoping: catalog_file!("scoping.toml").1,
        items: vec![
            catalog_file!("remediations.toml"),
            catalog_file!("questions/security-governance.toml"),
            catalog_file!("questions/security-operations.toml"),
            catalog_file!("questions/availability-confidentiality-integrity.toml"),
            catalog_file!("questions/privacy.toml"),
        ],
        coverage: vec![
            catalog_file!("coverage/security.toml"),
            catalog_file!("coverage/optional.toml"),
        ],
        changes: vec![
            catalog_file!("changes/security.toml"),
            catalog_file!("changes/optional.toml"),
        ],
        previous: catalog_file!("changes/previous.toml").1,
    }
}

/// The bank compiled into this binary, parsed and validated once.
///
/// The embedded files are checked by the test suite, so a failure here is a build defect, not a
/// user error; it is still reported as an error rather than a panic.
pub fn embedded() -> Result<&'static Catalog, &'static CatalogError> {
    static CATALOG: OnceLock<Result<Catalog, CatalogError>> = OnceLock::new();
    CATALOG.get_or_init(|| parse(&embedded_sources())).as_ref()
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogFile {
    version: String,
    roles: Vec<String>,
    category: Vec<Category>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CriteriaFile {
    criterion: Vec<Criterion>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ScopingFile {
    scoping: Vec<ScopingQuestion>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ItemsFile {
    #[serde(default)]
    question: Vec<Question>,
    #[serde(default)]
    remediation: Vec<Remediation>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CoverageFile {
    criterion: Vec<CriterionCoverage>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ChangesFile {
    from: String,
    to: String,
    #[serde(default)]
    changed: Vec<Changed>,
    #[serde(default)]
    split: Vec<Split>,
    #[serde(default)]
    merged: Vec<Merged>,
    #[serde(default)]
    retired: Vec<Retired>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PreviousFile {
    version: String,
    questions: Vec<String>,
}

/// Gathers the mapping files, which must all go from the previous version to this one.
fn changes(src: &CatalogSources<'_>, version: &str) -> Result<BankChanges, CatalogError> {
    let previous: PreviousFile = read("changes/previous.toml", src.previous)?;
    let mut out = BankChanges {
        from: previous.version,
        previous_ids: previous.questions,
        ..BankChanges::default()
    };
    for (file, text) in &src.changes {
        let f: ChangesFile = read(file, text)?;
        if f.from != out.from || f.to != version {
            return Err(CatalogError::Parse {
                file: (*file).to_owned(),
                message: format!(
                    "maps {} to {}, but the bank goes from {} to {version}",
                    f.from, f.to, out.from
                ),
            });
        }
        out.changed
            .extend(f.changed.into_iter().flat_map(|c| c.ids));
        out.split.extend(f.split);
        out.merged.extend(f.merged);
        out.retired.extend(f.retired);
    }
    Ok(out)
}

fn read<T: DeserializeOwned>(file: &str, text: &str) -> Result<T, CatalogError> {
    toml::from_str(text).map_err(|e| CatalogError::Parse {
        file: file.to_owned(),
        message: e.to_string(),
    })
}

/// Parses and validates a catalog from its sources.
pub fn parse(src: &CatalogSources<'_>) -> Result<Catalog, CatalogError> {
    let meta: CatalogFile = read("catalog.toml", src.catalog)?;
    let criteria: CriteriaFile = read("criteria.toml", src.criteria)?;
    let scoping: ScopingFile = read("scoping.toml", src.scoping)?;
    let mut questions = Vec::new();
    let mut remediations = Vec::new();
    for (file, text) in &src.items {
        let items: ItemsFile = read(file, text)?;
        questions.extend(items.question);
        remediations.extend(items.remediation);
    }
    let mut coverage = Vec::new();
    for (file, text) in &src.coverage {
        let f: CoverageFile = read(file, text)?;
        coverage.extend(f.criterion);
    }
    let changes = changes(src, &meta.version)?;
    let catalog = Catalog {
        coverage,
        changes,
        version: meta.version,
        roles: meta.roles,
        categories: meta.category,
        criteria: criteria.criterion,
        questions,
        remediations,
        scoping: scoping.scoping,
        index: Index::default(),
    };
    catalog.checked()
}

impl Catalog {
    /// Validates a catalog whose lists were assembled or edited in code (tools, benchmarks) and
    /// rebuilds its lookup indexes: the same checks as a bank read from files.
    pub fn checked(mut self) -> Result<Catalog, CatalogError> {
        self.derive_categories();
        let errors = validate(&self);
        if !errors.is_empty() {
            return Err(CatalogError::Invalid(errors));
        }
        self.reindex();
        Ok(self)
    }

    /// Rebuilds the lookup indexes after the lists changed.
    pub(crate) fn reindex(&mut self) {
        self.index = Index {
            criteria: positions(self.criteria.iter().map(|c| &c.id)),
            questions: positions(self.questions.iter().map(|q| &q.id)),
            remediations: positions(self.remediations.iter().map(|r| &r.key)),
        };
        self.derive_categories();
    }

    /// Sets each question's categories from its criteria.
    fn derive_categories(&mut self) {
        let category: std::collections::HashMap<&str, super::CategoryId> = self
            .criteria
            .iter()
            .map(|c| (c.id.as_str(), c.category))
            .collect();
        for q in &mut self.questions {
            q.categories = super::CategoryId::ALL
                .into_iter()
                .filter(|cat| {
                    q.criteria
                        .iter()
                        .any(|c| category.get(c.as_str()) == Some(cat))
                })
                .collect();
        }
    }
}

fn positions<'a>(
    ids: impl Iterator<Item = &'a String>,
) -> std::collections::HashMap<String, usize> {
    ids.enumerate().map(|(i, id)| (id.clone(), i)).collect()
}
