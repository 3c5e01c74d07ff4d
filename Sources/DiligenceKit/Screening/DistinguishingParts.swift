/// Parts of a name that tell two similar names apart, and what they do to a score:
///
/// - **numbers and series markers** ("Fund III"/"Fund IV", "2019-A1"/"2019-A2", vessel
///   "7"/"8"): when each side has one the other lacks, the score is capped at
///   `distinguishingPartCap`;
/// - **place qualifiers** of an organisation ("Deutsche Bank"/"Deutsche Bank Polska"): a place
///   word (`places.txt`) only one side has is counted in full, and different place words on
///   both sides cap the score;
/// - **conflicting middle names and patronymics** of a person ("… bin Saleh …"/"… bin Omar …",
///   "Petrovich"/"Ivanovich"): a middle name or patronymic missing on one side counts little,
///   but two different ones are a conflict, counted in full on both sides;
/// - **a common surname and a legal form** ("Wagner GmbH", "Wagner SA"; `common-surnames.txt`)
///   against a listed organisation whose name says more (other words, or a legal form of
///   another kind: "PRIVATE MILITARY COMPANY 'WAGNER'"): capped at `singleWordOrganisationCap`,
///   since a surname alone does not identify a company. A distinctive word ("Transmart AG")
///   and a listed name that is the one word alone are not capped.
///
/// Each rule that applies adds its reason to the `why`.
extension NameScreener {
    /// The listed side of a comparison, as the rules need it.
    struct ListedSide {
        var tokens: [ScoringToken]
        var flags: [UInt8]
        var kind: ListedEntity.Kind
        /// The listed name normalised, computed only when a rule needs its legal forms.
        var name: () -> NormalizedName
    }

    /// Lowers `alignment.score` for the distinguishing parts found, and returns their reasons.
    func applyDistinguishingParts(
        _ alignment: inout TokenAlignment, query: PreparedQuery, queryTokens: [ScoringToken],
        listed: ListedSide
    ) -> [String] {
        // Most candidates: every rule needs a word left over, or a legal form in the query.
        if alignment.unmatchedQuery.isEmpty, alignment.unmatchedListed.isEmpty, query.name.legalForms.isEmpty || listed.kind == .person {
            return []
        }
        if alignment.unmatchedListed.isEmpty, query.name.legalForms.isEmpty, listed.kind == .person {
            return []
        }
        var reasons: [String] = []
        var cap = 1.0
        var extra = 0.0
        func text(_ tokens: [ScoringToken], _ position: Int) -> String {
            String(decoding: tokens[position].forms.text, as: UTF8.self)
        }
        // A number, or a Roman numeral of one letter ("BICENTENARIO X"/"XI", "Fund I"/"II"),
        // which the normaliser leaves a letter, or "XI", which it leaves a word (a Chinese
        // surname), in an organisation's or a vessel's name.
        func hasDigit(_ token: ScoringToken) -> Bool {
            token.forms.key.contains(where: ASCII.isDigit)
                || (listed.kind != .person && token.forms.text.elementsEqual("xi".utf8))
                || (listed.kind != .person && token.kind != .name && token.forms.text.count == 1
                    && (token.forms.text.first == UInt8(ascii: "i") || token.forms.text.first == UInt8(ascii: "v")
                        || token.forms.text.first == UInt8(ascii: "x")))
        }

        // Numbers and series markers on both sides, different.
        let queryNumbers = alignment.unmatchedQuery.filter { hasDigit(queryTokens[$0]) }
        let listedNumbers = alignment.unmatchedListed.filter { hasDigit(listed.tokens[$0]) }
        if !queryNumbers.isEmpty, !listedNumbers.isEmpty {
            cap = min(cap, parameters.distinguishingPartCap)
            reasons.append(
                "different numbers or series: \(queryNumbers.map { text(queryTokens, $0) }.joined(separator: " ")) and "
                    + "\(listedNumbers.map { text(listed.tokens, $0) }.joined(separator: " ")) (score capped at \(Self.format(parameters.distinguishingPartCap)))"
            )
        }

        if listed.kind != .person {
            // Place qualifiers of an organisation's name.
            let queryPlaces = alignment.unmatchedQuery.filter { normalizer.places.contains(String(decoding: queryTokens[$0].forms.key, as: UTF8.self)) }
            let listedPlaces = alignment.unmatchedListed.filter { normalizer.places.contains(String(decoding: listed.tokens[$0].forms.key, as: UTF8.self)) }
            if !queryPlaces.isEmpty, !listedPlaces.isEmpty {
                cap = min(cap, parameters.distinguishingPartCap)
                reasons.append(
                    "different places: \(queryPlaces.map { text(queryTokens, $0) }.joined(separator: " ")) and "
                        + "\(listedPlaces.map { text(listed.tokens, $0) }.joined(separator: " ")) (score capped at \(Self.format(parameters.distinguishingPartCap)))"
                )
            } else if !listedPlaces.isEmpty {
                for position in listedPlaces {
                    let token = listed.tokens[position]
                    extra += max(0, 1 - parameters.missingListedTokenCost * token.cost) * token.weight
                }
                reasons.append(
                    "the listed name is qualified by \(listedPlaces.map { text(listed.tokens, $0) }.joined(separator: " ")) (a place, counted in full)")
            } else if !queryPlaces.isEmpty {
                reasons.append("the name is qualified by \(queryPlaces.map { text(queryTokens, $0) }.joined(separator: " ")) (a place, counted in full)")
            }

            // A common surname and a legal form against a listed organisation whose name says more.
            let queryWords = queryTokens.filter { $0.kind == .name }
            if !query.name.legalForms.isEmpty, queryWords.count == 1, alignment.pairs.count == 1,
                normalizer.commonSurnames.contains(String(decoding: queryWords[0].forms.key, as: UTF8.self))
            {
                let listedWords = listed.tokens.filter { $0.kind == .name }.count
                let listedName = listed.name()
                let queryClasses = Set(query.name.legalForms.map(\.formClass))
                let listedClasses = Set(listedName.legalForms.map(\.formClass))
                let otherForm = !listedClasses.isEmpty && queryClasses.isDisjoint(with: listedClasses)
                if listedWords > 1 || otherForm {
                    cap = min(cap, parameters.singleWordOrganisationCap)
                    let more = listedWords > 1 ? "more words" : listedName.legalForms.map(\.text).joined(separator: " ")
                    reasons.append(
                        "a common surname and a legal form (\(query.name.legalForms.map(\.text).joined(separator: " "))) against a listed name with \(more): "
                            + "a surname alone does not identify an organisation (score capped at \(Self.format(parameters.singleWordOrganisationCap)))")
                }
            }
        } else if query.kind != .organisation {
            // Conflicting middle names and patronymics of a person.
            let queryMiddle = alignment.unmatchedQuery.filter { queryTokens[$0].kind == .name && (queryTokens[$0].isPatronymic || query.middle.contains($0)) }
            let listedMiddle = alignment.unmatchedListed.filter {
                listed.tokens[$0].kind == .name && (listed.tokens[$0].isPatronymic || listed.flags[$0] & CandidateIndex.Flag.middle != 0)
            }
            var conflicts: [String] = []
            var usedListed = Set<Int>()
            for q in queryMiddle {
                // The listed middle name it stands against: a patronymic against a patronymic first.
                let candidates = listedMiddle.filter { !usedListed.contains($0) }
                guard let l = candidates.first(where: { listed.tokens[$0].isPatronymic == queryTokens[q].isPatronymic }) ?? candidates.first else { break }
                usedListed.insert(l)
                // Alike in spelling or in sound ("gen"/"ken"): perhaps one name, not a conflict.
                guard StringDistance.jaroWinkler(queryTokens[q].forms.key, listed.tokens[l].forms.key) < parameters.conflictSimilarity,
                    !queryTokens[q].forms.phonetic.elementsEqual(listed.tokens[l].forms.phonetic)
                else { continue }
                extra += max(0, 1 - queryTokens[q].cost) * queryTokens[q].weight
                extra += max(0, 1 - parameters.missingListedTokenCost * listed.tokens[l].cost) * listed.tokens[l].weight
                let both = queryTokens[q].isPatronymic && listed.tokens[l].isPatronymic
                conflicts.append("\(text(queryTokens, q)) and \(text(listed.tokens, l))" + (both ? " (patronymics)" : ""))
            }
            if !conflicts.isEmpty {
                reasons.append("different middle names: \(conflicts.joined(separator: ", ")) (counted in full)")
            }
            // Another given name or surname on both sides ("GAGLOEV, Mikhail"/"GAGLOEV, Vladimir"):
            // the shared name is a family's or a namesake's, so the listed name's own word counts
            // in full, not half.
            if parameters.differentNamesCountInFull > 0 {
                let queryOwn = alignment.unmatchedQuery.filter { queryTokens[$0].kind == .name && queryTokens[$0].cost >= 1 && !queryTokens[$0].isPatronymic }
                let listedOwn = alignment.unmatchedListed.filter {
                    listed.tokens[$0].kind == .name && !listed.tokens[$0].isPatronymic && listed.flags[$0] & CandidateIndex.Flag.middle == 0
                }
                var differing: [String] = []
                var usedListed = Set<Int>()
                for q in queryOwn {
                    guard let l = listedOwn.first(where: { !usedListed.contains($0) }) else { break }
                    usedListed.insert(l)
                    guard StringDistance.jaroWinkler(queryTokens[q].forms.key, listed.tokens[l].forms.key) < parameters.conflictSimilarity,
                        !queryTokens[q].forms.phonetic.elementsEqual(listed.tokens[l].forms.phonetic)
                    else { continue }
                    extra += max(0, 1 - parameters.missingListedTokenCost * listed.tokens[l].cost) * listed.tokens[l].weight
                    differing.append("\(text(queryTokens, q)) and \(text(listed.tokens, l))")
                }
                if !differing.isEmpty {
                    reasons.append("different names: \(differing.joined(separator: ", ")) (the listed name counted in full)")
                }
            }
        }

        guard cap < 1 || extra > 0 else { return reasons }
        if extra > 0, alignment.weightAtStake > 0 {
            alignment.weightAtStake += extra
            alignment.score = min(alignment.score, alignment.matchedWeight / alignment.weightAtStake)
        }
        alignment.score = min(alignment.score, cap)
        alignment.isExact = false
        return reasons
    }
}
