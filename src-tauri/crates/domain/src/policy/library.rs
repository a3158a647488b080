//! Reads the policy library from its TOML sources: the embedded files, or any set (tests).

use super::model::{Fact, Parameter, PolicyLibrary, PolicyTemplate};
use crate::catalog::CatalogError;
use serde::Deserialize;
use std::sync::OnceLock;

/// The library's files by role.
#[derive(Clone)]
pub struct PolicySources<'a> {
    pub facts: &'a str,
    pub parameters: &'a str,
    /// `(file name, contents)` of each policy template.
    pub policies: Vec<(&'a str, &'a str)>,
}

macro_rules! policy_file {
    ($path:literal) => {
        (
            $path,
            include_str!(concat!("../../../../../assets/policies/", $path)),
        )
    };
}

/// The source files compiled into this binary.
pub fn embedded_sources() -> PolicySources<'static> {
    PolicySources {
        facts: policy_file!("facts.toml").1,
        parameters: policy_file!("parameters.toml").1,
        policies: vec![
            policy_file!("acceptable-use.toml"),
            policy_file!("access-control.toml"),
            policy_file!("asset-management.toml"),
            policy_file!("availability.toml"),
            policy_file!("business-continuity.toml"),
            policy_file!("change-management.toml"),
            policy_file!("code-of-conduct.toml"),
            policy_file!("confidentiality.toml"),
            policy_file!("data-retention.toml"),
            policy_file!("encryption.toml"),
            policy_file!("human-resources-security.toml"),
            policy_file!("incident-response.toml"),
            policy_file!("information-security.toml"),
            policy_file!("logging-monitoring.toml"),
            policy_file!("physical-remote-work.toml"),
            policy_file!("privacy.toml"),
            policy_file!("processing-integrity.toml"),
            policy_file!("risk-management.toml"),
            policy_file!("vendor-management.toml"),
            policy_file!("vulnerability-management.toml"),
        ],
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FactsFile {
    fact: Vec<Fact>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ParametersFile {
    parameter: Vec<Parameter>,
}

fn parse_file<T: for<'de> Deserialize<'de>>(file: &str, text: &str) -> Result<T, CatalogError> {
    toml::from_str(text).map_err(|e| CatalogError::Parse {
        file: file.to_owned(),
        message: e.to_string(),
    })
}

/// Parses a library, policies sorted by `order`. Checking it against the bank is separate.
pub fn parse_library(sources: &PolicySources) -> Result<PolicyLibrary, CatalogError> {
    let facts: FactsFile = parse_file("facts.toml", sources.facts)?;
    let parameters: ParametersFile = parse_file("parameters.toml", sources.parameters)?;
    let mut policies = sources
        .policies
        .iter()
        .map(|(file, text)| parse_file::<PolicyTemplate>(file, text))
        .collect::<Result<Vec<_>, _>>()?;
    policies.sort_by_key(|p| p.order);
    Ok(PolicyLibrary {
        policies,
        facts: facts.fact,
        parameters: parameters.parameter,
    })
}

/// The embedded library, parsed once. Its tests check it against the embedded bank, so a
/// build that passes them cannot fail here.
pub fn builtin() -> &'static PolicyLibrary {
    static LIBRARY: OnceLock<PolicyLibrary> = OnceLock::new();
    LIBRARY.get_or_init(|| {
        parse_library(&embedded_sources()).expect("the embedded policy library parses")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_library_parses_in_order() {
        let lib = parse_library(&embedded_sources()).expect("the embedded library parses");
        assert_eq!(lib.policies.len(), 20);
        assert!(lib.policies.windows(2).all(|w| w[0].order < w[1].order));
        assert!(lib.policy("access-control").is_some());
    }

    #[test]
    fn an_unknown_field_is_refused_with_the_file_name() {
        let mut s = embedded_sources();
        let good = s.policies[0].1.to_owned() + "\nbogus = 1\n";
        s.policies = vec![("bad.toml", &good)];
        let err = parse_library(&s)
            .expect_err("an unknown field is refused")
            .to_string();
        assert!(err.contains("bad.toml"), "{err}");
    }
}
