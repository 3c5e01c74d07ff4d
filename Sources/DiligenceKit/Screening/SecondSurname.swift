/// A listed person's second surname. Spanish and Portuguese names carry two surnames (the
/// father's, then the mother's), and a person is known by the first given name and the first
/// surname: the list's "RODRIGUEZ GOMEZ, Delcy Eloina" is "Delcy Rodríguez", "MADURO MOROS,
/// Nicolas" is "Nicolás Maduro", "EL AISSAMI MADDAH, Tareck Zaidan" is "Tareck El Aissami".
/// A name given so leaves the second surname out as often as a middle name, so the second
/// surname then costs `secondSurnameCost` of its weight, as a middle name does, instead of
/// its full weight.
///
/// Guards, so that two common words of a long listed name do not make a match:
/// - the listed name was written "LAST1 LAST2, First" with two surname words or more
///   (particles such as "de" and "el" do not count; a hyphenated surname is one surname);
/// - the name's every word is matched (no word of its own, which would be another person's
///   surname: `DistinguishingParts` counts those in full);
/// - the listed name's first given name and first surname are both matched, each with a word
///   of the same first sound (`PhoneticKey`'s classes, "l" and "r" one, as Chinese, Japanese
///   and Korean write them) on the keys and as written, a typo also with the same last sound, and the given name's word
///   before the surname's (the name in reading order, as the normaliser puts it): "Mario
///   Hernandez" is not "FERNANDEZ SANTANA, Mario Alberto", "Michel Otto" not "SOTO PARRA, Miguel
///   Angel", "Иванна Кузьмин" not "GUZMAN SALAZAR, Ivan Archivaldo", "Marko Rudolph" not
///   "MARCO TORRES, Rodolfo Clemente".
enum SecondSurname {
    /// The token positions of the first and the second surname: the first and the last name
    /// word of the surname, when the name was written "LAST, First", the surname has two name
    /// words or more and a given name precedes it; nil otherwise.
    static func positions(in name: NormalizedName) -> (first: Int, second: Int)? {
        guard name.writtenLastFirst, name.surnameWords >= 2, name.tokens.count > name.surnameWords else { return nil }
        let surname = (name.tokens.count - name.surnameWords)..<name.tokens.count
        let names = surname.filter { name.tokens[$0].kind == .name }
        guard let first = names.first, let second = names.last, names.count >= 2,
            name.tokens[..<surname.lowerBound].contains(where: { $0.kind == .name })
        else { return nil }
        return (first, second)
    }

    /// Whether two words start with the same sound: the first letters' `PhoneticKey` class, a
    /// vowel one class, "l" and "r" one.
    static func sameFirstSound(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>) -> Bool {
        func sound(_ word: ArraySlice<UInt8>) -> UInt8? {
            guard let first = word.first else { return nil }
            guard let mapped = PhoneticKey.consonantClass(first) else { return UInt8(ascii: "a") }
            return mapped == UInt8(ascii: "r") ? UInt8(ascii: "l") : mapped
        }
        guard let x = sound(a) else { return false }
        return x == sound(b)
    }

    /// Whether two words end alike: both in a vowel, or in consonants of one `PhoneticKey` class.
    /// A typo that changes the last sound is often another form of the name, a woman's against a
    /// man's ("Ivanna" / "Ivan"), not a spelling.
    static func sameLastSound(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>) -> Bool {
        guard let x = a.last, let y = b.last else { return false }
        return PhoneticKey.consonantClass(x) == PhoneticKey.consonantClass(y)
    }
}

extension NameScreener {
    /// Lowers the cost of a listed person's unmatched second surname when the name gives the
    /// first given name and the first surname (`SecondSurname`), and returns the reason; nil
    /// (and the alignment untouched) otherwise.
    func applySecondSurname(_ alignment: inout TokenAlignment, queryTokens: [ScoringToken], listed: ListedSide) -> String? {
        guard parameters.secondSurnameCost < 1, listed.kind == .person, !alignment.isExact,
            let second = listed.flags.firstIndex(where: { $0 & CandidateIndex.Flag.secondSurname != 0 }),
            let first = listed.flags.firstIndex(where: { $0 & CandidateIndex.Flag.firstSurname != 0 }),
            let given = listed.tokens.firstIndex(where: { $0.kind == .name }),
            alignment.unmatchedListed.contains(second),
            alignment.unmatchedQuery.allSatisfy({ queryTokens[$0].kind != .name })
        else { return nil }
        // The first given name and the first surname, each matched by a word of its first sound
        // (alone, or written as one with a particle: "alismi" / "el aissami"), in that order.
        func matchedAlike(_ position: Int) -> Int? {
            for pair in alignment.pairs where pair.comparison.how != .initial && pair.listed.contains(position) {
                guard let query = pair.query.first else { continue }
                let queryKey = queryTokens[query].forms.key, listedKey = listed.tokens[position].forms.key
                let queryText = queryTokens[query].forms.text, listedText = listed.tokens[position].forms.text
                // On the keys and on the texts as written: a key's fold may make two first
                // sounds one ("tsarenko" has the key "carenko", not "granko"'s first sound).
                guard SecondSurname.sameFirstSound(queryKey, listedKey),
                    queryText.isEmpty || listedText.isEmpty || SecondSurname.sameFirstSound(queryText, listedText)
                else { continue }
                if pair.comparison.how == .typo, !SecondSurname.sameLastSound(queryKey, listedKey) { continue }
                return query
            }
            return nil
        }
        guard let givenQuery = matchedAlike(given), let surnameQuery = matchedAlike(first), givenQuery < surnameQuery else { return nil }
        let token = listed.tokens[second]
        let saved = parameters.missingListedTokenCost * max(0, token.cost - parameters.secondSurnameCost) * token.weight
        guard saved > 0, alignment.weightAtStake - saved > 0 else { return nil }
        alignment.weightAtStake -= saved
        alignment.score = min(0.99, max(alignment.score, alignment.matchedWeight / alignment.weightAtStake))
        let surname = String(decoding: token.forms.text, as: UTF8.self)
        return "the listed person's second surname (\(surname)) counts \(Self.format(parameters.secondSurnameCost)): "
            + "the name gives the first given name and the first surname, as a person is known"
    }
}
