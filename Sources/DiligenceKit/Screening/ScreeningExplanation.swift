/// The `why` of a match in words, and its details: which tokens matched which and how, what
/// each side has that the other lacks, legal forms, and the country and kind signals.
struct ScreeningExplanation {
    var why = ""
    var details: [ScreeningMatch.Detail] = []

    init(
        query: NormalizedName, listed: NormalizedName, alignment: TokenAlignment, queryTokens: [ScoringToken],
        listedTokens: [ScoringToken], listedFlags: [UInt8], data: ScreeningData, signals: [String]
    ) {
        func text(_ name: NormalizedName, _ positions: [Int]) -> String {
            positions.compactMap { name.tokens.indices.contains($0) ? name.tokens[$0].text : nil }.joined(separator: " ")
        }
        var pairs: [String] = []
        for pair in alignment.pairs {
            let q = text(query, pair.query), l = text(listed, pair.listed)
            let how = pair.comparison.how == .spelling && q == l ? TokenComparison.How.exact : pair.comparison.how
            let described: String
            switch how {
            case .exact: described = "\(q) = \(l)"
            case .spelling:
                // A word of `word-equivalents.tsv` ("tsifrovye"/"digital", "intl"/"international").
                let equivalent = data.wordEquivalents[q] != nil || data.wordEquivalents[l] != nil
                described = "\(q) ≈ \(l) (\(equivalent ? "an equivalent word" : "transliteration variant"))"
            case .typo:
                described = "\(q) ≈ \(l) (\(pair.comparison.edits) edit\(pair.comparison.edits == 1 ? "" : "s"), \(Self.format(pair.comparison.similarity)))"
            case .phonetic: described = "\(q) ≈ \(l) (sounds alike)"
            case .stem: described = "\(q) ≈ \(l) (same stem)"
            case .joined: described = "\(q) = \(l) (written as \(pair.query.count == 1 ? "one word" : (pair.query.count == 2 ? "two words" : "three words")))"
            case .nickname: described = "\(q) ≈ \(l) (nickname)"
            case .translation: described = "\(q) ≈ \(l) (\(OrganisationWords.reason(q, l, data: data)))"
            case .article: described = "\(q) ≈ \(l) (the same name with the article al- or el- written on)"
            case .acronym:
                described = "\(q) ≈ \(l) (\(pair.query.count == 1 ? "acronym of the listed words" : "the listed acronym of these words"), a weaker match)"
            case .abbreviation:
                described =
                    "\(q) ≈ \(l) (\(pair.query.count == 1 ? "abbreviation of the listed words" : "the listed abbreviation of these words") in organisation names, a weaker match)"
            case .transcription:
                let skeletons = pair.query.first.flatMap { queryTokens[$0].forms.transcription }
                let listedKey = pair.listed.first.map { listedTokens[$0].forms.key } ?? []
                if let place = skeletons?.givenName, place >= 0, let table = HanGivenNames.standard, table.names(place, contain: listedKey) {
                    described = "\(q) ≈ \(l) (the given name as Chinese writes it by convention, a weaker match)"
                    break
                }
                described =
                    "\(q) ≈ \(l) (sounds alike as written in \(skeletons?.script.name ?? "another script")"
                    + (skeletons.map { ": \(Transcription.describe($0.classes)) and \(Transcription.describe(Transcription.listSkeleton(listedKey)))" } ?? "")
                    + ", a weaker match)"
            case .initial: described = pair.query.allSatisfy({ queryTokens[$0].kind == .initial }) ? "\(q). = \(l) (initial)" : "\(q) = \(l). (initial)"
            }
            pairs.append(described)
            details.append(.init(query: q, listed: l, how: how.rawValue, similarity: Self.round(pair.comparison.similarity), weight: Self.round(pair.weight)))
        }
        func leftover(_ token: ScoringToken, _ name: NormalizedName, _ position: Int, flags: UInt8?) -> String {
            var text = name.tokens.indices.contains(position) ? name.tokens[position].text : ""
            var notes: [String] = []
            let isPatronymic = name.tokens.indices.contains(position) && name.tokens[position].isPatronymic
            switch token.kind {
            case .initial: notes.append("initial")
            case .particle: notes.append("particle")
            case .name:
                if isPatronymic {
                    notes.append("patronymic")
                } else if let flags, flags & CandidateIndex.Flag.middle != 0 {
                    notes.append("middle name")
                } else if let flags, flags & CandidateIndex.Flag.secondSurname != 0 {
                    notes.append("second surname")
                }
            }
            if token.cost < 1 { notes.append("counts little") }
            if !notes.isEmpty { text += " (\(notes.joined(separator: ", ")))" }
            return text
        }
        var parts: [String] = []
        if alignment.isExact {
            parts.append("every token matches after normalisation (\(pairs.joined(separator: ", ")))")
        } else {
            parts.append(pairs.joined(separator: ", "))
        }
        if !alignment.unmatchedQuery.isEmpty {
            parts.append("only the name has " + alignment.unmatchedQuery.map { leftover(queryTokens[$0], query, $0, flags: nil) }.joined(separator: ", "))
            for position in alignment.unmatchedQuery {
                details.append(
                    .init(query: text(query, [position]), listed: "", how: "unmatched", similarity: 0, weight: Self.round(queryTokens[position].weight)))
            }
        }
        if !alignment.unmatchedListed.isEmpty {
            parts.append(
                "the listed name also has "
                    + alignment.unmatchedListed.map {
                        leftover(listedTokens[$0], listed, $0, flags: listedFlags.indices.contains($0) ? listedFlags[$0] : nil)
                    }.joined(separator: ", "))
            for position in alignment.unmatchedListed {
                details.append(
                    .init(query: "", listed: text(listed, [position]), how: "unmatched", similarity: 0, weight: Self.round(listedTokens[position].weight)))
            }
        }
        if let queryForm = query.legalForms.first, let listedForm = listed.legalForms.first {
            let same = queryForm.formClass == listedForm.formClass
            let description = data.legalFormClasses[queryForm.formClass]?.description ?? queryForm.formClass
            parts.append(
                "legal forms \(queryForm.text) and \(listedForm.text) " + (same ? "(both \(description), not counted)" : "(different kinds, not counted)"))
        }
        parts += signals
        why = parts.joined(separator: "; ")
    }

    static func format(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }

    static func round(_ value: Double) -> Double {
        (value * 1000).rounded() / 1000
    }
}
