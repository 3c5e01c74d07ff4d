/// The sign-off of each company in section 5 of the Markdown report: every finding carries the
/// fields its reviewer fills in (owner, decision, due date; an accepted finding shows its
/// acceptance), and the company's part ends with the line its signer signs.
extension MarkdownReporter {
    /// "Owner: ______ · Decision: ______ · Due: ______", or for an accepted finding who
    /// accepted it and until when.
    func decision(_ finding: Finding) -> String {
        if let acceptance = finding.accepted {
            return "Owner: ________ · Decision: accepted by \(Escaping.markdown(acceptance.approvedBy)) · Due: expires \(acceptance.expires)"
        }
        return "Owner: ________ · Decision: ________ · Due: ________"
    }

    /// The company's signature line, after its findings: what the signature covers, and the
    /// countries of its operations no factor covers, where no finding means *not covered*.
    func signature(_ company: String, uncovered: [Country] = [], _ out: inout MarkdownDocument) {
        out.blank()
        var scope = "owner, decision (accept, treat or escalate) and due date filled in for each finding above"
        if !uncovered.isEmpty {
            scope +=
                "; no factor of the risk database covers " + uncovered.map(\.description).joined(separator: ", ")
                + ", where this company operates: no finding there means *not covered*, not *no risk* (section 3, coverage)"
        }
        out.line(
            "**Sign-off for \(Escaping.markdown(company))** (\(scope)): Name: ______________  Role: ______________  Date: __________  Signature: ______________"
        )
        out.blank()
    }
}
