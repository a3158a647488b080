//! The cover block: what a document says on its first page, as plain data. The PDF draws it as a
//! full page with a band and the firm's logo; Word as a title block, a facts table and a notice.

/// A document's cover.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Cover {
    /// "SOC 2 READINESS ASSESSMENT"
    pub kicker: String,
    /// "Remediation plan"
    pub title: String,
    /// Who it is for: the client.
    pub subtitle: String,
    /// A quieter line under it: the system assessed.
    pub detail: String,
    /// Label/value facts about the engagement, in order.
    pub facts: Vec<(String, String)>,
    /// The notice's heading: the confidentiality marking.
    pub notice_title: String,
    /// The notice itself; a line break starts a new paragraph (the firm's disclaimer).
    pub notice: String,
    /// Bottom left (who prepared it) and bottom right (the question bank's version).
    pub foot_left: String,
    pub foot_right: String,
}

impl Cover {
    /// Its sentences in reading order.
    pub fn texts(&self) -> Vec<String> {
        let mut out = vec![
            self.kicker.clone(),
            self.title.clone(),
            self.subtitle.clone(),
            self.detail.clone(),
        ];
        for (k, v) in &self.facts {
            out.extend([k.clone(), v.clone()]);
        }
        out.push(self.notice_title.clone());
        out.extend(self.notice.lines().map(str::to_owned));
        out.extend([self.foot_left.clone(), self.foot_right.clone()]);
        out
    }
}
