/// The format references (`docs/policy-format.md`, `docs/risk-database.md`), generated from the
/// same declarations the loaders validate with. A test regenerates them and compares.
public struct FormatReference: Sendable {
    public let vocabularies: Vocabularies

    public init(vocabularies: Vocabularies) {
        self.vocabularies = vocabularies
    }

    /// A reference's title and the notice that it is generated.
    private func opening(_ title: String) -> ReferenceText {
        var out = ReferenceText()
        out.line(title)
        out.blank()
        out.line(generatedNotice)
        out.blank()
        return out
    }

    /// The policy format reference.
    public func policyFormat() -> String {
        var out = opening("# Policy file format, version 1")
        out.line(
            "A policy file describes what one company, business unit or project does where. It is YAML, one document per file, with snake_case keys. Unknown keys are errors (with a did-you-mean suggestion), and every problem of a file is reported at once as `file:line:column: error: message` (exit code 2)."
        )
        out.blank()
        out.line(
            "**Scalars are read as written** and converted by the key's declared type below: `country: NO` is Norway, `hs_codes: [0101]` is the code \"0101\", `reviewed: 2020-09-20` is a date only where a date is expected, and `yes`, `on` or `off` are never booleans. Numbers are written in plain decimal; a quoted \"3\" where a number is expected is an error. A key with no value is an error, except a list key (`sites:`), which then means an empty list."
        )
        out.blank()
        out.line(
            "**Countries** take an ISO 3166-1 alpha-2 code in any case (`MZ`, `mz`) or an English name (`Mozambique`, `Côte d'Ivoire`, `Ivory Coast`), case and accents ignored. **Vocabulary** keys take an id or a synonym of the vocabularies listed at the end, in any case."
        )
        out.blank()
        out.line(
            "For completion and checking as you type, point your editor at the JSON Schema that `diligence schema` prints (see [Editor support](#editor-support))."
        )
        out.blank()
        section(PolicySchema.policy, title: "Top level", level: 2, &out)
        for schema in [PolicySchema.site, PolicySchema.trade, PolicySchema.counterparty, PolicySchema.travel, PolicySchema.acceptedRisk] {
            section(schema, title: "`\(schema.key ?? schema.name)`: \(schema.name)", level: 2, &out)
        }
        for schema in [PolicySchema.location, PolicySchema.staff] {
            section(schema, title: "`\(schema.key ?? schema.name)`: \(schema.name)", level: 3, &out)
        }
        vocabularySections(&out)
        out.line("## Editor support")
        out.blank()
        out.line(
            "`diligence schema > policy.schema.json` writes the JSON Schema (draft-07) of this format, generated from the same declarations as the loader, with the vocabularies and country names as enums. With the YAML language server (VS Code's *YAML* extension by Red Hat, Neovim, Helix, JetBrains), add a first line to each policy file:"
        )
        out.blank()
        out.line("```yaml")
        out.line("# yaml-language-server: $schema=../policy.schema.json")
        out.line("```")
        out.blank()
        out.line("or map the schema to your policy folder once in VS Code's `settings.json`:")
        out.blank()
        out.line("```json")
        out.line("{ \"yaml.schemas\": { \"./policy.schema.json\": \"policies/*.yaml\" } }")
        out.line("```")
        out.blank()
        out.line(
            "Editors read YAML 1.2, where `0302` is a number: the schema accepts numbers for `hs_codes` so that the editor does not flag what the loader reads correctly. The loader remains the judge of what a schema cannot say: unique ids within a file, names in any case or without accents, and numbers with leading zeros. Run `diligence validate` before committing."
        )
        out.blank()
        return out.text
    }

    /// The risk database reference.
    public func riskDatabase() -> String {
        var out = opening("# Risk database format")
        out.line(
            "A risk database is a folder of YAML files, modelled on the OSV vulnerability schema: a stable `id`, `published`/`modified` dates, what is affected, a `severity` and `references`. The loader tells the files apart by their top-level key:"
        )
        out.blank()
        out.line("- `database:` is the metadata file `database.yaml`: name, version and the data sources, which reports print as their data snapshot table;")
        out.line("- `entities:` is a list file of listed persons and entities (the format `screen --list` reads);")
        out.line("- `factors:` is a list of risk factors; any other file is one risk factor;")
        out.line("- `vocabularies/*.yaml` extend the built-in vocabularies (below) for the policies checked against this database.")
        out.blank()
        out.line(
            "The loader is as strict as the policy loader: unknown keys, wrong types, duplicate ids across files and references to undeclared sources are errors, all reported at once. Every file enters the SHA-256 digest that reports print (the digest of each file's path and SHA-256, in path order), so an audit can tell exactly which database a report used. List files that loaded without error are cached in binary form under their SHA-256 (`~/.cache/diligence`, or `$DILIGENCE_CACHE_DIR`; `DILIGENCE_CACHE=off` turns it off), so an unchanged list is not parsed again. Dates are `YYYY-MM-DD`; a reference's `date` may be `YYYY` or `YYYY-MM`. A factor applies while `in_force.from ≤ as-of ≤ in_force.until`; events dated after the as-of date are ignored."
        )
        out.blank()
        section(DatabaseSchema.metadata, title: "`database.yaml`", level: 2, &out)
        section(DatabaseSchema.databaseInfo, title: "`database`: database", level: 3, &out)
        section(DatabaseSchema.source, title: "`sources`: \(DatabaseSchema.source.name)", level: 3, &out)
        section(DatabaseSchema.factor, title: "Risk factors", level: 2, &out)
        out.line(
            "What each kind is used for: `trade-restriction` (trade-restriction rule), `financial-restriction` and `sanction` with `affects.roles` (financial-restriction), `armed-conflict` with `areas`, located `events` and `targets` (conflict-proximity, not-assessed), `internet-shutdown` (shutdown-exposure), `unconstitutional-change` (political-instability), `human-rights` with `affects.roles` and `affects.sectors` (human-rights-obligations), `civil-unrest` with city `areas` and `events` (civil-unrest-travel). Every matched factor is also checked for staleness (stale-intelligence). `diligence explain RULE` says how each rule scores."
        )
        out.blank()
        for schema in [
            DatabaseSchema.inForce, DatabaseSchema.affects, DatabaseSchema.exemptions, DatabaseSchema.area,
            DatabaseSchema.target, DatabaseSchema.event, DatabaseSchema.reference,
        ] {
            section(schema, title: "`\(schema.key ?? schema.name)`: \(schema.name)", level: 3, &out)
        }
        section(DatabaseSchema.entity, title: "List files: `entities`", level: 2, &out)
        section(DatabaseSchema.snapshot, title: "`snapshot`: \(DatabaseSchema.snapshot.name)", level: 2, &out)
        out.line(
            "A list file (`entities:`) or factor file (`factors:`) made by `db import` starts with a `snapshot:` block. When a database holds several files of one source, the newest full snapshot is loaded and the others are not (an excerpt yields to any full snapshot; two full snapshots of one day are an error); `check`, `db stats` and the report say which file was superseded by which. Files without `snapshot:` are always loaded. `docs/decisions.md` (\"Snapshots\") has the rule."
        )
        out.blank()
        vocabularySections(&out)
        return out.text
    }

    private var generatedNotice: String {
        "<!-- Generated by `diligence schema --reference` from the loader's own declarations; do not edit by hand. A test fails when this file is out of date. -->"
    }

    private func section(_ schema: ObjectSchema, title: String, level: Int, _ out: inout ReferenceText) {
        out.line(String(repeating: "#", count: level) + " " + title)
        out.blank()
        out.line(schema.summary + (schema.uniqueKey.map { " Each `\($0)` must be unique in its list." } ?? ""))
        out.blank()
        out.table(
            ["Key", "Type", "Required", "Description", "Example"],
            schema.fields.map { field in
                [
                    "`\(field.name)`", typeName(field.type), field.required ? "yes" : "", field.summary,
                    field.example.map { "`\(Escaping.codeInTable($0))`" } ?? "",
                ]
            })
        out.blank()
        if let example = schema.example {
            out.line("```yaml")
            if let key = schema.key, example.hasPrefix("- ") { out.line("\(key):") }
            for line in example.split(separator: "\n", omittingEmptySubsequences: false) {
                out.line((schema.key != nil && example.hasPrefix("- ") ? "  " : "") + line)
            }
            out.line("```")
            out.blank()
        }
    }

    func typeName(_ type: FieldType) -> String {
        switch type {
        case .text: return "text"
        case .identifier: return "identifier (`A-Z a-z 0-9 . _ : / -`)"
        case .integer(let range):
            return range.lowerBound == range.upperBound ? "integer, \(range.lowerBound)" : "integer, \(range.lowerBound) to \(range.upperBound)"
        case .number(let range): return "number, \(SchemaValidator.format(range.lowerBound)) to \(SchemaValidator.format(range.upperBound))"
        case .boolean: return "`true` or `false`"
        case .date: return "date `YYYY-MM-DD`"
        case .partialDate: return "date `YYYY`, `YYYY-MM` or `YYYY-MM-DD`"
        case .country: return "country"
        case .term(let kind): return "[\(kind.rawValue)](#vocabulary-\(kind.rawValue)) term"
        case .choice(let options): return "one of " + options.map { "`\($0)`" }.joined(separator: ", ")
        case .digits: return "code of 2 to 10 digits"
        case .list(let element): return "list of " + typeName(element)
        case .object(let schema): return "mapping: [\(schema.name)](#\(anchor(schema)))"
        }
    }

    private func anchor(_ schema: ObjectSchema) -> String {
        let title = schema.key.map { "\($0): \(schema.name)" } ?? schema.name
        return title.lowercased().filter { $0.isLetter || $0.isNumber || $0 == " " || $0 == "-" || $0 == "_" }
            .replacingOccurrences(of: " ", with: "-")
    }

    private func vocabularySections(_ out: inout ReferenceText) {
        out.line("## Vocabularies")
        out.blank()
        out.line(
            "Controlled vocabularies are data files (`Sources/DiligenceKit/Resources/vocabularies/`). A database extends them with `vocabularies/*.yaml` in the same format: a term with an existing id adds synonyms, a new id adds a term. Ids and synonyms match in any case, with `-`, `_` and spaces alike."
        )
        out.blank()
        for kind in VocabularyKind.allCases {
            let vocabulary = vocabularies[kind]
            out.line("### Vocabulary: \(kind.rawValue)")
            out.blank()
            var header = ["Id", "Synonyms"]
            switch kind {
            case .dependencies: header.append("Requires")
            case .continuity: header.append("Covers; survives a state-ordered shutdown")
            case .goods: header.append("HS prefixes")
            case .payments: header.append("Through banks")
            case .regimes: header.append("Members (incorporation there derives the regime)")
            case .roles, .siteKinds: break
            }
            out.table(
                header,
                vocabulary.ids.compactMap { vocabulary.term($0) }.map { term in
                    var row = ["`\(term.id)`", term.synonyms.joined(separator: ", ")]
                    switch kind {
                    case .dependencies: row.append(term.requires.joined(separator: ", "))
                    case .continuity:
                        row.append(
                            term.covers.joined(separator: ", ") + "; " + (term.survivesStateShutdown ? "yes" : "no") + (term.partial ? " (partial)" : ""))
                    case .goods: row.append(term.hsPrefixes.joined(separator: ", "))
                    case .payments: row.append(term.banking ? "yes" : "no")
                    case .regimes:
                        let former = term.formerMembers.sorted { $0.key < $1.key }.map { "\($0.key) until \($0.value)" }
                        row.append(
                            (term.members.count > 50 ? "\(term.members.count) member states" : term.members.joined(separator: ", "))
                                + (former.isEmpty ? "" : "; formerly " + former.joined(separator: ", ")))
                    case .roles, .siteKinds: break
                    }
                    return row
                })
            out.blank()
        }
    }
}
