import Foundation

/// The commented starter policy that `diligence init` writes: valid as written, clean against
/// any database until the analyst fills it in, and a guide to every section.
public enum StarterPolicy {
    /// A starter policy for `company`, with one office per country (codes as given).
    public static func render(company: String, countries: [Country], reviewed: Day) -> String {
        var lines: [String] = [
            "# yaml-language-server: $schema=policy.schema.json",
            "# (editor completion: run `diligence schema > policy.schema.json` next to this file)",
            "#",
            "# A diligence policy file, format version 1: what \(oneLine(company)) does where.",
            "# Fill in each section, then run `diligence validate` and `diligence check`.",
            "# Reference: docs/policy-format.md, or `diligence schema --reference policy`.",
            "",
            "version: 1",
            "company: \(quoted(company))",
            "# owner: compliance@example.com            # the accountable person or team",
            "# sector: software                         # e.g. telecommunications, mining, logistics",
            "reviewed: \(reviewed)                       # when this file was last reviewed",
            "# incorporated: GB                         # where the company is incorporated: it derives the",
            "#                                          # sanctions regimes that bind it (GB: UK and UN)",
            "# subject_to: [US]                         # regimes that bind it beyond that (EU, US, UK, UN, ECOWAS)",
            "",
            "# Physical places. Coordinates enable distance checks against conflict areas;",
            "# a site without them, in a country where conflict is bound to places, is",
            "# reported as not assessed.",
        ]
        if countries.isEmpty {
            lines += [
                "sites: []",
                "#  - id: head-office                       # unique in this file",
                "#    name: Head office",
                "#    kind: office                          # office, plant, warehouse, construction-site, mine, port, ...",
                "#    country: GB                           # ISO code (any case) or English name",
                "#    city: London",
                "#    location: { lat: 51.5074, lon: -0.1278 }",
                "#    depends_on: [internet, email]         # services it cannot work without",
                "#    continuity: [offline-procedures]      # fallbacks in place",
            ]
        } else {
            lines.append("sites:")
            var used: Set<String> = []
            for country in countries {
                var id = "\(country.code.lowercased())-office"
                var suffix = 2
                while used.contains(id) { id = "\(country.code.lowercased())-office-\(suffix)"; suffix += 1 }
                used.insert(id)
                lines += [
                    "  - id: \(id)",
                    "    name: \(quoted("\(country.name) office"))",
                    "    kind: office",
                    "    country: \(country.code)                         # \(oneLine(country.name))",
                    "    # city: ...",
                    "    # location: { lat: 0.0, lon: 0.0 }        # decimal degrees, from a gazetteer such as GeoNames",
                    "    # depends_on: [internet, email]",
                    "    # continuity: [offline-procedures]",
                ]
            }
        }
        lines += [
            "",
            "# Goods moving to or from a country (country = the partner country).",
            "trade: []",
            "#  - id: spare-parts-exports",
            "#    direction: export                     # export or import",
            "#    country: SN",
            "#    goods: [industrial-machinery]         # goods categories",
            "#    hs_codes: [\"8431\"]                    # optional, kept as strings",
            "#    payment: [bank-transfer]",
            "",
            "# Suppliers, customers, providers, banks, agents; names and aliases are screened",
            "# against listed persons and entities.",
            "counterparties: []",
            "#  - id: main-isp",
            "#    name: Example Telecom",
            "#    country: GB",
            "#    role: internet-provider",
            "#    aliases: []",
            "",
            "# Staff travel.",
            "travel: []",
            "#  - id: sales-visits",
            "#    country: SN",
            "#    city: Dakar",
            "#    travellers: 2",
            "#    frequency: quarterly                  # once, weekly, monthly, quarterly, yearly, ad-hoc",
            "",
            "# Known findings accepted by an accountable person until a date (identity as",
            "# reports print it: rule/subject or rule/subject/factor).",
            "accepted_risks: []",
            "#  - finding: shutdown-exposure/head-office",
            "#    reason: Satellite uplink ordered",
            "#    approved_by: Head of Compliance",
            "#    expires: \(reviewed.adding(days: 90))",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// A YAML scalar that reads back as exactly `text` (on one line): plain when safe, double-quoted
    /// and escaped as the database writers write it otherwise.
    static func quoted(_ text: String) -> String {
        let line = oneLine(text)
        let safe =
            !line.isEmpty
            && line.unicodeScalars.allSatisfy { scalar in
                scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || " .-()&,'’".unicodeScalars.contains(scalar)
            } && !line.hasPrefix("-") && !line.hasPrefix("'") && line.first?.isNumber == false
            && !["null", "Null", "NULL", "~"].contains(line)
        return safe ? line : ListWriter.quoted(line)
    }

    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
