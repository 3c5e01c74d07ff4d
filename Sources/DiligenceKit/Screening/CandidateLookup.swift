extension NameScreener {
    /// For each query token, the list tokens that match it (verified), by vocabulary id. A
    /// comparison of similarity 0 marks a list token that is part of the query token written as
    /// one word, or the reverse: it makes a candidate, and the scorer decides.
    func lookUp(_ query: PreparedQuery, scratch: inout Scratch) -> [[Int32: TokenComparison]] {
        var found = [[Int32: TokenComparison]](repeating: [:], count: query.tokens.count)
        for (i, token) in query.tokens.enumerated() where token.kind != .initial {
            // A token's matches depend on the token alone: found once a run for each word and kind.
            let memoKey = ScreeningMemo.TokenKey(query.name.tokens[i], kind: token.kind)
            if let known = memo.tokenMatches.value(for: memoKey) {
                found[i] = known.matches
                continue
            }
            defer {
                let none = found[i].isEmpty
                memo.tokenMatches.store(
                    ScreeningMemo.TokenMatches(matches: found[i], text: none ? query.texts[i] : [], key: none ? query.keys[i] : []), for: memoKey)
            }
            let key = query.keys[i][...]
            let phonetic = query.phonetics[i][...]
            let forms = token.forms
            func verify(_ candidate: Int32) {
                guard found[i][candidate] == nil else { return }
                if let comparison = TokenComparison.compare(
                    forms, TokenForms(key: index.key(candidate), text: [], phonetic: index.phonetic(candidate)),
                    parameters: parameters)
                {
                    found[i][candidate] = comparison
                } else if let comparison = variantComparison(forms, candidate) {
                    found[i][candidate] = comparison
                } else if isPart(index.key(candidate), of: key) || isPart(key, of: index.key(candidate)) {
                    found[i][candidate] = TokenComparison(how: .joined, similarity: 0, edits: 0)
                }
            }
            // The list words one edit from `spelling` (its deletions against the list's), verified.
            func verifyOneEdit(from spelling: ArraySlice<UInt8>) {
                for hash in CandidateIndex.deletionHashes(spelling) {
                    for position in CandidateIndex.range(of: hash, in: index.deletionHashes) { verify(index.deletionTokens[position]) }
                }
            }
            // The list words of sound key `sound`, verified.
            func verifySound(_ sound: ArraySlice<UInt8>) {
                for position in CandidateIndex.range(of: CandidateIndex.hash(sound), in: index.phoneticHashes) {
                    verify(index.phoneticTokens[position])
                }
            }
            // A word that opened with ain is not the list word of its letters when they open with a
            // consonant ("li" for "علی" is no Li: `AbjadComparison.lacksAinVowel`).
            let exact =
                token.forms.abjadLetters.contains(.openingAin) && key.first.map(PhoneticKey.isVowel) != true ? nil : index.vocabulary[query.name.tokens[i].key]
            if let exact { found[i][exact] = TokenComparison(how: .spelling, similarity: 1, edits: 0) }
            // An organisation's common word in another language ("kompaniya" / "company"), which
            // the scorer counts only between organisations (`OrganisationWords`).
            if token.kind == .name {
                for candidate in organisationWords.equivalents(ofKey: query.name.tokens[i].key, own: exact) where found[i][candidate] == nil {
                    found[i][candidate] = TokenComparison(how: .translation, similarity: 1, edits: 0)
                }
            }
            // A given name's nicknames and the name a nickname stands for ("bill" / "william").
            if token.kind == .name, let nicknames = normalizer.nicknames[query.name.tokens[i].key] {
                for nickname in nicknames {
                    guard let candidate = index.vocabulary[nickname] else { continue }
                    if let known = found[i][candidate], known.similarity >= parameters.nicknameSimilarity { continue }
                    // A nickname that is also a spelling of the name, or a typo of it ("jon" /
                    // "john", "dzhon" / "john"), counts as that, not below it; a sound-alike
                    // stays a nickname ("michael" / "miguel").
                    let nickname = TokenComparison(how: .nickname, similarity: parameters.nicknameSimilarity, edits: 0)
                    let spelled = TokenComparison.compare(
                        forms, TokenForms(key: index.key(candidate), text: [], phonetic: index.phonetic(candidate)), parameters: parameters)
                    found[i][candidate] =
                        spelled.map { [.exact, .spelling, .typo].contains($0.how) && $0.similarity > nickname.similarity ? $0 : nickname } ?? nickname
                }
            }
            // A word the list does not know that is two adjacent words of a listed name written
            // as one ("skyzone" / "SKY ZONE", "kudokai" / "KUDO-KAI"): the rarer of the two, which
            // reaches every name holding the pair (`splitJoins`); the scorer joins them.
            if exact == nil, token.kind == .name, !token.forms.abjad {
                for candidate in splitJoins(key) where found[i][candidate] == nil {
                    found[i][candidate] = TokenComparison(how: .joined, similarity: 0, edits: 0)
                }
            }
            if token.kind == .particle { continue }
            // One edit: the key against the list's deletions, and the key's deletions against both.
            if key.count >= 3 { verifyOneEdit(from: key) }
            // The Arabic article written on ("alhoussein" / "hussein"), or on the listed name only.
            if parameters.articleWrittenOn > 0, let rest = TokenComparison.withoutArticle(key) { verifyOneEdit(from: rest) }
            if parameters.articleWrittenOn > 0, token.kind == .name, key.count >= 5 {
                // Joined and folded only when the letters no fold removes may spell a list word
                // (`KeptLetters`: otherwise `joinedToken` answers nil).
                for (article, bytes) in Self.writtenOnArticles where keptLetters.mayJoin(bytes, EmptyCollection(), query.texts[i]) {
                    if let candidate = joinedToken(article + query.name.tokens[i].text) { verify(candidate) }
                }
            }
            // More edits, for long tokens unknown to the list: at least half their trigrams shared.
            // (A lossy filter: a name whose other tokens match is still found and scored in full.)
            let budget = parameters.editBudget(length: key.count + 2)
            if budget >= 2, index.vocabulary[query.name.tokens[i].key] == nil {
                let trigrams = CandidateIndex.trigrams(key)
                let required = max(trigrams.count - 4 * budget, (trigrams.count + 1) / 2, 2)
                scratch.touchedTokens.removeAll(keepingCapacity: true)
                for trigram in trigrams {
                    for position in Int(index.trigramStart[Int(trigram)])..<Int(index.trigramStart[Int(trigram) + 1]) {
                        let candidate = index.trigramTokens[position]
                        if scratch.trigramCount[Int(candidate)] == 0 { scratch.touchedTokens.append(candidate) }
                        scratch.trigramCount[Int(candidate)] &+= 1
                    }
                }
                for candidate in scratch.touchedTokens {
                    if Int(scratch.trigramCount[Int(candidate)]) >= required { verify(candidate) }
                    scratch.trigramCount[Int(candidate)] = 0
                }
            }
            // An organisation's word by its stem ("additivnykh" / "additive"), for a word the list
            // does not know. Recorded as a typo, which the scorer compares in full for each name
            // (a person's name has no stems).
            if key.count >= CandidateIndex.stemLength, index.vocabulary[query.name.tokens[i].key] == nil, !key.contains(where: ASCII.isDigit) {
                for position in CandidateIndex.range(of: CandidateIndex.hash(key.prefix(CandidateIndex.stemLength)), in: index.stemHashes) {
                    let candidate = index.stemTokens[position]
                    guard found[i][candidate] == nil,
                        let comparison = TokenComparison.compare(
                            forms, TokenForms(key: index.key(candidate), text: [], phonetic: index.phonetic(candidate)),
                            parameters: parameters, allowStem: true)
                    else { continue }
                    found[i][candidate] = TokenComparison(how: .typo, similarity: comparison.similarity, edits: comparison.edits)
                }
            }
            // An English inflection on a word the list knows without it ("wheeled" / "wheel"),
            // recorded as a typo like a stem (`TokenComparison.inflected`).
            if parameters.inflectedStem > 0, exact == nil, let stem = TokenComparison.uninflected(key),
                let candidate = index.vocabulary[String(decoding: stem, as: UTF8.self)], found[i][candidate] == nil,
                let comparison = TokenComparison.compare(
                    forms, TokenForms(key: index.key(candidate), text: [], phonetic: index.phonetic(candidate)), parameters: parameters,
                    allowStem: true)
            {
                found[i][candidate] = TokenComparison(how: .typo, similarity: comparison.similarity, edits: comparison.edits)
            }
            // The English plural of a word in "y", or its singular, that the list knows
            // ("lotteries" / "lottery": `TokenComparison.isPluralOfY`), recorded as a typo too.
            if parameters.inflectedStem > 0, exact == nil, let partner = TokenComparison.pluralOfYPartner(key),
                let candidate = index.vocabulary[String(decoding: partner, as: UTF8.self)], found[i][candidate] == nil,
                let comparison = TokenComparison.compare(
                    forms, TokenForms(key: index.key(candidate), text: [], phonetic: index.phonetic(candidate)), parameters: parameters,
                    allowStem: true)
            {
                found[i][candidate] = TokenComparison(how: .typo, similarity: comparison.similarity, edits: comparison.edits)
            }
            // A place and the adjective made from it ("saratovskii" / "saratov"), recorded as a
            // typo like a stem: only an organisation's or a vessel's words match so.
            if token.kind == .name, !key.contains(where: ASCII.isDigit) {
                for candidate in placeAdjectives.adjectives(ofPlace: key, index: index) + placeAdjectives.places(ofAdjective: key, index: index)
                where found[i][candidate] == nil {
                    guard
                        let comparison = TokenComparison.compare(
                            forms, TokenForms(key: index.key(candidate), text: [], phonetic: index.phonetic(candidate)),
                            parameters: parameters, allowStem: true)
                    else { continue }
                    found[i][candidate] = TokenComparison(how: .typo, similarity: comparison.similarity, edits: comparison.edits)
                }
            }
            // Sound-alike, and for a consonant skeleton also by the sound of the text as written.
            var sounds = [phonetic]
            if token.forms.abjad {
                // An abjad's word also by the sound of its letters as written, "j" as "k" too
                // ("ج" writes Turkish c and Egyptian g: "rjb" / "Recep").
                let written = PhoneticKey.key(query.texts[i][...])
                sounds += [written[...], written.map { $0 == UInt8(ascii: "j") ? UInt8(ascii: "k") : $0 }[...]]
                // "dh" and "th" (ذ, ض, ث) as Persian says them, "z" and "s" (`AbjadComparison.abjadZ`):
                // "rdha" / "Reza".
                // Not a Hebrew word's "dh" (ד and ה), nor of a word without ذ and ث.
                if token.forms.abjadLetters.isDisjoint(with: [.hebrew, .twoLetterDH]), let persian = AbjadComparison.sibilantReading(query.texts[i][...]) {
                    sounds.append(PhoneticKey.key(persian[...])[...])
                }
                // Without the article that opens it ("aldif" / "Deif"), and with its final heh read
                // as the vowel it writes ("asamh" / "Usama": `ArabicArticle`).
                let text = query.texts[i][...]
                if token.forms.abjadLetters.contains(.openingArticle), text.count >= 4, text.starts(with: "al".utf8) {
                    sounds.append(PhoneticKey.key(text.dropFirst(2))[...])
                }
                if token.forms.abjadLetters.contains(.finalHeh), text.count >= 3, text.last == UInt8(ascii: "h") {
                    sounds.append(PhoneticKey.key(text.dropLast())[...])
                }
                // A word that opened with ain, which ICU does not write, by the sound of a Latin
                // opening vowel before it too ("li" / "Ali", "mr" / "Omar": `AbjadLetters.openingAin`).
                // Each sound once (the key's and the text's are mostly one).
                if token.forms.abjadLetters.contains(.openingAin), let first = query.texts[i].first, !PhoneticKey.isVowel(first) {
                    for sound in sounds {
                        let opened = ([UInt8(ascii: "a")] + sound)[...]
                        if !sounds.contains(opened) { sounds.append(opened) }
                    }
                }
            }
            for sound in sounds where sound.count >= 2 { verifySound(sound) }
            // An abjad's word that found nothing, with its yeh and waw read as the vowels they
            // write ("shikaw" / "Shekau", "dywsdadu" / "Diosdado", "antunyw" / "Antonio"): by
            // its sound without them (`vowelledSound`).
            if token.forms.abjad, found[i].isEmpty, let sound = Self.vowelledSound(query.texts[i][...]) {
                var vowelled = [sound[...]]
                if token.forms.abjadLetters.contains(.openingAin), let first = query.texts[i].first, !PhoneticKey.isVowel(first) {
                    vowelled.append(([UInt8(ascii: "a")] + sound)[...])
                }
                for sound in vowelled where sound.count >= 2 && !sounds.contains(sound) { verifySound(sound) }
            }
            // A word of another script read as the list would spell the name: its "kh" or "x"
            // before a vowel the Spanish jota ("khoakin" / "Joaquin": `SpanishJota`), a Cyrillic
            // "г" read "h" the "g" of a foreign name ("husman" / "Guzman": `SlavicH`), a Bengali
            // "j" read "z" ("bojije" / "Bozize": `JForZ`). The list words one edit from the
            // reading; the comparison decides. Whatever else the word found ("khoakin" sounds
            // like "Haokun", "husman" is a typo of "Usman"): without the listed word, the bound
            // cuts the listed name ("Хоакин Гусман" found no match on the full OFAC list).
            if forms.nonLatin {
                var readings: [[UInt8]] = []
                // Only a "kh" or "x" as written (Cyrillic "х", Greek "χ"), not an "h" (Bengali
                // "সাহা", Saha, is no Sajjad), nor a syllable of a Chinese or Korean name ("xiang").
                if SpanishJota.writesJota(query.texts[i][...]), let jota = SpanishJota.reading(key), RomanisedSyllable.key(query.texts[i][...]) == nil {
                    readings.append(jota)
                }
                if forms.cyrillic, let written = SlavicH.respelled(query.texts[i][...]) { readings.append(normalizer.folds.apply(written)) }
                // A Bengali or Hindi "j" for the "z" of a foreign name ("bojije" / "Bozize": `JForZ`).
                if !forms.cyrillic, !forms.greek, !forms.abjad, forms.transcription == nil, let written = JForZ.everyJ(query.texts[i][...]) {
                    readings.append(normalizer.folds.apply(written))
                }
                for reading in readings { verifyOneEdit(from: reading[...]) }
            }
            // A transcribed word: the list words whose consonant skeleton matches (`Transcription`).
            if let skeleton = forms.transcription {
                for candidate in memo.transcriptions.candidates(skeleton.classes, in: index) { verify(candidate) }
            }
        }
        // Two adjacent query words that the list writes as one ("al qaida" / "alqaida").
        for i in query.tokens.indices.dropLast() where query.tokens[i].kind != .initial && query.tokens[i + 1].kind != .initial {
            for candidate in pairJoins(
                query.name.tokens[i].text, query.name.tokens[i + 1].text, texts: (query.texts[i], query.texts[i + 1]), keys: (query.keys[i], query.keys[i + 1]))
            {
                for position in [i, i + 1] where found[position][candidate] == nil {
                    found[position][candidate] = TokenComparison(how: .joined, similarity: 0, edits: 0)
                }
            }
        }
        // Three adjacent query words that the list writes as one ("sov com flot" / "sovcomflot").
        for i in query.tokens.indices.dropLast(2) where (i...(i + 2)).allSatisfy({ query.tokens[$0].kind == .name }) {
            guard let candidate = threeJoin(keys: (query.keys[i], query.keys[i + 1], query.keys[i + 2])) else { continue }
            for position in i...(i + 2) where found[position][candidate] == nil {
                found[position][candidate] = TokenComparison(how: .joined, similarity: 0, edits: 0)
            }
        }
        // Two query words joined by a particle that the list writes as one ("abd al aziz" /
        // "abdulaziz"): the article as written, left out, or in its other spellings.
        for i in query.tokens.indices.dropLast(2)
        where query.tokens[i].kind == .name && query.tokens[i + 1].kind == .particle && query.tokens[i + 2].kind == .name {
            let words = (query.name.tokens[i].text, query.name.tokens[i + 1].text, query.name.tokens[i + 2].text)
            particleJoins(words, texts: (query.texts[i], query.texts[i + 2]), keys: (query.keys[i], query.keys[i + 1], query.keys[i + 2])) { candidate in
                for position in i...(i + 2) where found[position][candidate] == nil {
                    found[position][candidate] = TokenComparison(how: .joined, similarity: 0, edits: 0)
                }
                return true
            }
        }
        return found
    }

    /// The sound of an abjad word's letters without its yeh and waw after the first letter (the
    /// first is mostly the consonant: "Yahya", "Walid"), folded as the list's keys are ("sh" is
    /// "s"), by which the index knows their sounds; nil when it has none.
    static func vowelledSound(_ text: ArraySlice<UInt8>) -> [UInt8]? {
        guard text.count >= 4, text.dropFirst().contains(where: { $0 == UInt8(ascii: "w") || $0 == UInt8(ascii: "y") }) else { return nil }
        let vowelled = [text[text.startIndex]] + text.dropFirst().filter { $0 != UInt8(ascii: "w") && $0 != UInt8(ascii: "y") }
        return PhoneticKey.key(NameNormalizer.standard.folds.apply(vowelled)[...])
    }

    /// The list tokens two adjacent query words reach written as one ("al qaida" / "alqaida"), or
    /// one letter shorter ("fara darya" / "faradaryay"), as the scorer matches them; not two
    /// syllables of a Chinese or Korean name, which one edit makes another name ("huan lei" /
    /// "hanley", "jian hua" / "xianhua"). Joined and folded only when the letters no fold
    /// removes may spell a list word (`KeptLetters`): most pairs may not. `texts` and `keys`
    /// are the words' texts and keys as bytes.
    func pairJoins(_ first: String, _ second: String, texts: ([UInt8], [UInt8]), keys: ([UInt8], [UInt8])) -> [Int32] {
        if keptLetters.mayJoin(texts.0, EmptyCollection(), texts.1), let exact = joinedToken(first + second) { return [exact] }
        guard texts.0.count >= 3, texts.1.count >= 3, texts.0.count + texts.1.count >= 7,
            !(RomanisedSyllable.key(texts.0[...]) != nil && RomanisedSyllable.key(texts.1[...]) != nil)
        else { return [] }
        return joinedNeighbours(key: Self.joinedKey(keys.0, keys.1), text: texts.0 + texts.1)
    }

    /// The list token three adjacent name words written as one are ("sov com flot" /
    /// "sovcomflot"): their keys one after the other, as the scorer joins them
    /// (`NameScorer.joinedOptions`), looked up by hash (`listToken`; no text folded again).
    func threeJoin(keys: ([UInt8], [UInt8], [UInt8])) -> Int32? {
        guard !keys.0.isEmpty, !keys.1.isEmpty, !keys.2.isEmpty else { return nil }
        return listToken(Self.joinedKey(keys.0, keys.1, keys.2)[...])
    }

    /// Calls `body` with each list token that a name word, a particle and a name word reach
    /// written as one ("abd al aziz" / "abdulaziz", "nur al din" / "noureddine"), in order, while
    /// it returns true: the particle as written, left out, or in its other spellings, exactly
    /// or with one letter more (on the words' keys as the scorer joins them). `texts`: the two
    /// name words' texts as bytes; `keys`: the three words' keys.
    func particleJoins(
        _ words: (String, String, String), texts: ([UInt8], [UInt8]), keys: ([UInt8], [UInt8], [UInt8]), _ body: (Int32) -> Bool
    ) {
        let (first, particle, last) = words
        for (middle, middleKey) in Self.joiningParticles(particle, key: keys.1) {
            let near = {
                self.joinedNeighbours(key: Self.joinedKey(keys.0, middleKey, keys.2), text: texts.0 + Array(middle.utf8) + texts.1)
            }
            let exact = keptLetters.mayJoin(texts.0, middle.utf8, texts.1) ? joinedToken(first + middle + last) : nil
            for candidate in exact.map({ [$0] }) ?? near() {
                guard body(candidate) else { return }
            }
        }
    }

    /// The list tokens that reach the names holding two list words side by side that a query
    /// word's key (six letters or more, no digit) is written as one ("skyzone" / "sky zone",
    /// "golamali" / "golam ali"): each part three letters or more, or the second opening with
    /// the letter the first ends in, which the key writes once ("abdulatif" / "abdul latif").
    /// Of each such pair, the word that fewer names hold; none when no listed name holds the
    /// two adjacent (most splits of most words: a part is no list word).
    func splitJoins(_ key: ArraySlice<UInt8>) -> [Int32] {
        guard key.count >= Self.shortestSplitWord, !key.contains(where: ASCII.isDigit) else { return [] }
        var result: [Int32] = []
        let start = key.startIndex
        for cut in (start + Self.shortestSplitPart)...(key.endIndex - Self.shortestSplitPart) {
            guard let first = listToken(key[start..<cut]) else { continue }
            var seconds = [key[cut...]]
            if key[cut - 1] != key[cut] { seconds.append(ArraySlice([key[cut - 1]] + key[cut...])) }
            for second in seconds {
                guard let next = listToken(second), let rarest = adjacentRun([first, next]),
                    !result.contains(rarest)
                else { continue }
                result.append(rarest)
            }
            // Three list words ("sovcomflot" / "sov com flot"), each part three letters or more.
            guard result.isEmpty, key.endIndex - cut >= 2 * Self.shortestSplitPart else { continue }
            for second in (cut + Self.shortestSplitPart)...(key.endIndex - Self.shortestSplitPart) {
                guard let next = listToken(key[cut..<second]), let last = listToken(key[second...]), let rarest = adjacentRun([first, next, last]),
                    !result.contains(rarest)
                else { continue }
                result.append(rarest)
            }
        }
        return result
    }

    /// The list token whose key is `key` (three letters or more), nil when none: by the key's
    /// hash among the one-edit hashes, which hold every key's own (no string made and hashed).
    func listToken(_ key: ArraySlice<UInt8>) -> Int32? {
        for position in CandidateIndex.range(of: CandidateIndex.hash(key), in: index.deletionHashes) {
            let candidate = index.deletionTokens[position]
            if index.key(candidate).elementsEqual(key) { return candidate }
        }
        return nil
    }

    /// The shortest query word `splitJoins` splits, and the shortest part it looks up.
    static let shortestSplitWord = 6
    static let shortestSplitPart = 3

    /// Of list tokens (two or three), the one fewer names hold, when a listed name holds them
    /// side by side in this order; nil when none does.
    func adjacentRun(_ run: [Int32]) -> Int32? {
        guard let rarest = run.min(by: { index.postings(of: $0).count < index.postings(of: $1).count }) else { return nil }
        for name in index.postings(of: rarest) {
            let range = index.tokenRange(ofName: Int(name))
            guard range.count >= run.count else { continue }
            for start in range.lowerBound...(range.upperBound - run.count) where run.indices.allSatisfy({ index.tokens[start + $0] == run[$0] }) {
                return rarest
            }
        }
        return nil
    }

    /// The list token whose key is the folded `text`, once a run for each text: two words of
    /// a query written as one.
    func joinedToken(_ text: String) -> Int32? {
        if let known = memo.joinedTokens.value(for: text) { return known < 0 ? nil : known }
        let token = index.vocabulary[String(decoding: normalizer.folds.apply(Array(text.utf8)), as: UTF8.self)]
        memo.joinedTokens.store(token ?? -1, for: text)
        return token
    }

    /// The comparison of a query word with a list token by one of the token's other texts as
    /// written (`CandidateIndex.variants(of:)`: "jeri" / "jeeri", whose key "jiri" is too far
    /// for a short word), a typo, which the scorer compares in full for each name: nil when none
    /// matches.
    func variantComparison(_ forms: TokenForms, _ candidate: Int32) -> TokenComparison? {
        // Most keys leave here: none of their other texts keeps the query word's end letters.
        guard let first = forms.text.first, let last = forms.text.last else { return nil }
        let ends = CandidateIndex.endBits(first: first, last: last)
        guard index.variantEnds[Int(candidate)] & ends == ends else { return nil }
        let variants = index.variants(of: candidate)
        var syllable: Bool?
        for position in variants {
            let text = index.text(at: Int(position))
            // Most look-alikes leave here: a typo within its budget, the end letters kept.
            guard text.first == first, text.last == last,
                abs(text.count - forms.text.count) <= parameters.editBudget(length: max(text.count, forms.text.count))
            else { continue }
            // One syllable of a Chinese or Korean name one letter from a word is another name.
            if syllable == nil { syllable = RomanisedSyllable.key(forms.text) != nil }
            if syllable == true { return nil }
            let listed = TokenForms(key: index.key(candidate), text: text, phonetic: index.phonetic(candidate))
            if let comparison = TokenComparison.compare(forms, listed, parameters: parameters), comparison.how == .typo {
                return comparison
            }
        }
        return nil
    }

    /// The particles two names may be joined by when written as one word: the query's as
    /// written, none, and the article's other spellings, each with its key ("ou" folds to "u").
    static func joiningParticles(_ particle: String, key: [UInt8]) -> [(text: String, key: [UInt8])] {
        [(particle, key)] + otherParticles
    }

    /// The articles a list may write on a word ("alhoussein"), as text and bytes.
    static let writtenOnArticles: [(text: String, bytes: [UInt8])] = [("al", Array("al".utf8)), ("el", Array("el".utf8))]

    static let otherParticles: [(text: String, key: [UInt8])] = [
        ("", []), ("al", Array("al".utf8)), ("el", Array("el".utf8)), ("ul", Array("ul".utf8)), ("ad", Array("ad".utf8)),
        ("ed", Array("ed".utf8)), ("ud", Array("ud".utf8)), ("u", Array("u".utf8)), ("ou", Array("u".utf8)),
    ]

    /// Words' keys written as one, a letter doubled where two meet written once, as folding
    /// the words joined does ("nur" "ed" "din": "nuredin"; each key's own are collapsed already).
    static func joinedKey(_ parts: [UInt8]...) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(parts.reduce(0) { $0 + $1.count })
        for part in parts {
            for (offset, byte) in part.enumerated() where !(offset == 0 && result.last == byte && !ASCII.isDigit(byte)) {
                result.append(byte)
            }
        }
        return result
    }

    /// The list tokens one letter longer than two query words written as one (seven letters or
    /// more) that the scorer matches with them ("faradarya" / "faradaryay", "nureddin" /
    /// "noureddine"). The joined key is the words' keys one after the
    /// other, as the scorer joins them (`NameScorer.joinedOptions`), not the text folded again.
    func joinedNeighbours(key: [UInt8], text: [UInt8]) -> [Int32] {
        // Folding seldom lengthens a text: one of six letters or fewer is not looked up.
        // Not memoised: a hash and a binary search cost less than a memo's text key.
        guard text.count >= 7, key.count >= 7, !key.contains(where: ASCII.isDigit) else { return [] }
        var result: [Int32] = []
        var forms: TokenForms?
        for position in CandidateIndex.range(of: CandidateIndex.hash(key), in: index.deletionHashes) {
            let candidate = index.deletionTokens[position]
            guard index.key(candidate).count == key.count + 1, !result.contains(candidate) else { continue }
            // The sound key only for a list word found (most texts find none).
            let joined = forms ?? TokenForms(key: key[...], text: text[...], phonetic: PhoneticKey.key(key[...])[...])
            forms = joined
            let listed = TokenForms(key: index.key(candidate), text: [], phonetic: index.phonetic(candidate))
            if let comparison = TokenComparison.compare(joined, listed, parameters: parameters), comparison.similarity > 0 {
                result.append(candidate)
            }
        }
        return result
    }

    /// Whether `part` (three letters or more) begins or ends `whole`, leaving two letters or more.
    func isPart(_ part: ArraySlice<UInt8>, of whole: ArraySlice<UInt8>) -> Bool {
        guard part.count >= 3, whole.count >= part.count + 2 else { return false }
        return whole.starts(with: part) || whole.reversed().starts(with: part.reversed())
    }

    /// The names that share a look-alike token with the query and whose score can reach the
    /// threshold: matched weight `N` (each query token at its best pair found) over `N` plus the
    /// weight of the query tokens no look-alike of the name covers.
    ///
    /// With partial coverage on, a listed organisation's name may lie wholly inside the query,
    /// whose extra words then cost `partialCoverageCost`. That looser bound is used only for a
    /// name that can be covered: as many of the query's name words reached it as it has name
    /// words (two or more). Any other name is bounded as before, so a query of common words
    /// ("Muhammad Ali Trading LLC") does not make every name with one of them a candidate.
    ///
    /// `byBits` false sums the bound over the query's positions, as before `BoundWords` (for tests).
    func candidates(_ query: PreparedQuery, found: [[Int32: TokenComparison]], threshold: Double, scratch: inout Scratch, byBits: Bool = true) -> [Int] {
        // Every candidate is a listed name a found word reaches: none found, none (most names).
        guard found.contains(where: { !$0.isEmpty }) else { return [] }
        var best = [Double](repeating: 0, count: query.tokens.count)
        var missing = [Double](repeating: 0, count: query.tokens.count)
        var looseMissing = [Double](repeating: 0, count: query.tokens.count)
        var alwaysMatched = 0.0
        let mayCover =
            query.kind != .person && parameters.partialCoverageCost < 1 && query.tokens.lazy.filter { $0.kind == .name }.count >= 3
        // A listed organisation that shares a distinctive word with the query, whose other words
        // are generic, may score with them at `genericWordCost` (`DistinctiveWords`).
        let (distinctive, specific, genericMissing) = distinctiveBound(query)
        // A listed person's whole name inside the query's, whose first name word reached it, may
        // score with the query's other words at `addedNameCost` (`AddedNames`).
        let firstName = query.tokens.firstIndex { $0.kind == .name }
        let mayAddNames =
            query.kind == .person && parameters.addedNameCost < 1 && (firstName ?? 32) < 32
            && query.tokens.lazy.filter { $0.kind == .name }.count >= 3
        let firstNameBit = mayAddNames ? UInt32(1) << UInt32(firstName ?? 0) : 0
        var addedMissing = [Double](repeating: 0, count: mayAddNames ? query.tokens.count : 0)
        // The heaviest list word's capped weight, once a query (the same number each time).
        let maximumCapped = capped(index.maximumWeight, .name)
        for (i, token) in query.tokens.enumerated() {
            missing[i] = token.weight * token.cost
            looseMissing[i] = token.weight * (token.kind == .name ? min(token.cost, parameters.partialCoverageCost) : token.cost)
            if mayAddNames { addedMissing[i] = token.weight * (token.kind == .name ? min(token.cost, parameters.addedNameCost) : token.cost) }
            if token.kind == .initial {
                // Not looked up: may stand for any listed name.
                alwaysMatched += parameters.initialSimilarity * (token.weight + maximumCapped) / 2
                continue
            }
            for (candidate, comparison) in found[i] {
                let value =
                    comparison.similarity > 0 ? (token.weight + capped(index.weights[Int(candidate)], .name)) / 2 : (token.weight + maximumCapped) / 2
                best[i] = max(best[i], value)
            }
        }
        // The names each found word reaches, as bits by query position (the masks written
        // through their buffer: no uniqueness check for each posting).
        var touched: [Int32] = []
        swap(&touched, &scratch.touched)
        touched.removeAll(keepingCapacity: true)
        scratch.mask.withUnsafeMutableBufferPointer { masks in
            for i in query.tokens.indices where query.tokens[i].kind == .name || query.tokens[i].kind == .particle {
                let bit = UInt32(1) << UInt32(i)
                for candidate in found[i].keys {
                    for name in index.postings(of: candidate) {
                        if masks[Int(name)] == 0 { touched.append(name) }
                        masks[Int(name)] |= bit
                    }
                }
            }
        }
        swap(&touched, &scratch.touched)
        // Acronyms inside longer names (`AcronymRuns`): the initials of the query's name words.
        let acronyms = parameters.acronymRuns > 0 && query.kind != .person && AcronymRuns.isAlphabetic(query.name.original)
        let queryInitials = acronyms ? query.tokens.map { $0.kind == .name ? (AcronymRuns.initial(of: $0.forms) ?? 0) : 0 } : []
        let shortAcronyms = acronyms && AcronymRuns.allowsShortAcronyms(query.name)
        // The query's initials as a set of letters, so that a listed word that cannot spell
        // them is passed over at its first letter.
        let initialsMask = queryInitials.reduce(UInt32(0)) { mask, letter in
            ASCII.isLetter(letter) ? mask | AcronymRuns.bit(of: letter) : mask
        }
        let acronymWords =
            acronyms
            ? query.tokens.indices.filter { i in
                query.tokens[i].kind == .name
                    && AcronymRuns.letters(of: query.tokens[i].forms).map { shortAcronyms || $0.count >= Acronyms.minimumLength } == true
            } : []
        // The query's name words that are abbreviations of the table (`OrganisationAbbreviations`).
        var abbreviationWords: [(position: Int, letters: [UInt8])] = []
        if shortAcronyms, parameters.abbreviationSimilarity > 0 {
            for i in query.tokens.indices where query.tokens[i].kind == .name {
                if let letters = abbreviations.letters(of: query.tokens[i].forms) { abbreviationWords.append((i, letters)) }
            }
        }
        // The most the query's acronym words could add to a bound: each matched at its heaviest.
        var acronymGain = (matched: 0.0, unmatched: 0.0)
        for i in acronymWords + abbreviationWords.map(\.position).filter({ !acronymWords.contains($0) }) {
            acronymGain.matched += (query.tokens[i].weight + maximumCapped) / 2
            acronymGain.unmatched += query.tokens[i].weight * query.tokens[i].cost
        }
        let margin = parameters.sameCountryBonus + 1e-9
        // A short list: every name reached is scored in full, the bound cuts none (`shortListNames`).
        let bounded = index.nameCount > parameters.shortListNames
        // The lone word of an organisation's name the bound compares (`loneUnreached`).
        let loneWords = bounded ? loneWordMasks(query) : (names: UInt32(0), eligible: UInt32(0))
        // The words looked up and the name words, by position, for a query of at most 32 words
        // (`BoundWords`: the sums below in the same order, over bits).
        let words = byBits ? BoundWords(query) : nil
        var result: [Int] = []
        // Read here, cleared after the loop, all at once.
        let touchedNames = scratch.touched
        for name in touchedNames {
            let mask = scratch.mask[Int(name)]
            var matched = alwaysMatched, unmatched = 0.0, looseUnmatched = 0.0, reached = 0
            let addsNames = mask & firstNameBit != 0 && index.personWords[Int(name)] >= 2
            var addedUnmatched = 0.0
            if let words {
                reached = (mask & words.names).nonzeroBitCount
                var rest = words.lookedUp
                while rest != 0 {
                    let i = rest.trailingZeroBitCount
                    rest &= rest &- 1
                    if mask & (UInt32(1) << UInt32(i)) != 0 {
                        matched += best[i]
                    } else {
                        unmatched += missing[i]
                        looseUnmatched += looseMissing[i]
                    }
                }
                guard reached > 0, matched > 0 else { continue }
                if addsNames, reached >= Int(index.personWords[Int(name)]) {
                    var rest = words.lookedUp & ~mask
                    while rest != 0 {
                        addedUnmatched += addedMissing[rest.trailingZeroBitCount]
                        rest &= rest &- 1
                    }
                    if addedUnmatched < unmatched { unmatched = addedUnmatched }
                }
            } else {
                for i in query.tokens.indices where query.tokens[i].kind != .initial {
                    if mask & (UInt32(1) << UInt32(i)) != 0 {
                        matched += best[i]
                        if query.tokens[i].kind == .name { reached += 1 }
                    } else {
                        unmatched += missing[i]
                        looseUnmatched += looseMissing[i]
                        if addsNames { addedUnmatched += addedMissing[i] }
                    }
                }
                guard reached > 0, matched > 0 else { continue }
                if addsNames, reached >= Int(index.personWords[Int(name)]), addedUnmatched < unmatched { unmatched = addedUnmatched }
            }
            if mask & distinctive != 0, specific & ~mask == 0, index.coverableWords[Int(name)] >= 1 {
                var genericUnmatched = 0.0
                for i in query.tokens.indices where query.tokens[i].kind != .initial && mask & (UInt32(1) << UInt32(i)) == 0 {
                    genericUnmatched += genericMissing[i]
                }
                unmatched = min(unmatched, genericUnmatched)
                looseUnmatched = min(looseUnmatched, genericUnmatched)
            }
            if mayCover, looseUnmatched < unmatched {
                let words = Int(index.coverableWords[Int(name)])
                if words >= 2, reached >= words { unmatched = looseUnmatched }
            }
            // (Listed organisations: `coverableWords` counts their name words, 0 for other kinds.)
            if bounded, acronyms, index.coverableWords[Int(name)] >= 2, matched / (matched + unmatched) + margin < threshold,
                queryInitials.count >= AcronymRuns.shortestListedAcronym
                    || (matched + acronymGain.matched) / (matched + max(unmatched - acronymGain.unmatched, 0)) + margin >= threshold
            {
                // An acronym of a run of words, on either side, which the index does not look up.
                let gain = acronymBound(
                    query, queryInitials: queryInitials, acronymWords: acronymWords, abbreviationWords: abbreviationWords, initialsMask: initialsMask,
                    short: shortAcronyms, name: Int(name), mask: mask, missing: missing)
                matched += gain.matched
                unmatched = max(unmatched - gain.unmatched, 0)
            }
            if bounded, matched / (matched + unmatched) + margin < threshold {
                // The index reaches a word by its key, one edit, trigrams and sound; the scorer
                // also by more edits on a word the list knows, by the text as written, by a
                // Baltic ending or a stem (`typoOrStem`). Such a word is counted matched.
                // Only for a name whose reached words already carry `boundRescueFloor` of the
                // bound: a distinctive word matched, not a common given name alone. Or, with the
                // rule off, for a listed organisation that every name word of an organisation's
                // query but one reached (`loneUnreached`: "BONYAD SHIPPING AGENTS COMPANY" /
                // "... AGENCIES ...", two edits on a word the list knows).
                let rescuesAll = parameters.boundComparesUnreached > 0 && matched / (matched + unmatched) + margin >= parameters.boundRescueFloor
                let lone = rescuesAll || loneWords.eligible == 0 ? nil : loneUnreached(mask: mask, words: loneWords, name: Int(name))
                guard rescuesAll || lone != nil else { continue }
                for i in query.tokens.indices where query.tokens[i].kind == .name && mask & (UInt32(1) << UInt32(i)) == 0 && (rescuesAll || i == lone) {
                    let pair = bestUnreached(i, of: query, name: Int(name), scratch: &scratch)
                    guard pair > 0 else { continue }
                    matched += pair
                    unmatched -= missing[i]
                }
                guard matched / (matched + max(unmatched, 0)) + margin >= threshold else { continue }
            }
            result.append(Int(name))
        }
        scratch.mask.withUnsafeMutableBufferPointer { masks in
            for name in touchedNames { masks[Int(name)] = 0 }
        }
        for token in scratch.comparedTokens {
            scratch.compared[Int(token)] = 0
            scratch.comparedMatch[Int(token)] = 0
        }
        scratch.comparedTokens.removeAll(keepingCapacity: true)
        result.sort()
        return result
    }

    /// For `loneUnreached`, once a query: its name words and those that may be the lone word
    /// (bit masks by position), both 0 when the rule does not apply. A word of five letters or
    /// more whose neighbours of two edits the lookup did not look for (a word the list knows,
    /// or one too short for its trigram search), in an organisation's name (a legal form).
    func loneWordMasks(_ query: PreparedQuery) -> (names: UInt32, eligible: UInt32) {
        guard parameters.boundComparesLoneWord > 0, query.kind == .organisation else { return (0, 0) }
        var names: UInt32 = 0, eligible: UInt32 = 0
        for i in query.tokens.indices where query.tokens[i].kind == .name {
            // A name word past the mask's 32 bits: the rule does not apply.
            guard i < 32 else { return (0, 0) }
            let bit = UInt32(1) << UInt32(i)
            names |= bit
            let length = query.tokens[i].forms.key.count
            // The lookup's trigram search passes over a word the list knows and a word too
            // short for two edits there (`lookUp`): its neighbours of two edits are compared here.
            if length >= 5, parameters.editBudget(length: length + 2) < 2 || index.vocabulary[query.name.tokens[i].key] != nil { eligible |= bit }
        }
        return (names, eligible)
    }

    /// The one name word of an organisation's name that did not reach a listed organisation's
    /// name of two name words or more, when every other name word of the query did, and it may
    /// be the lone word (`loneWordMasks`): the scorer may still match it as a typo of two edits
    /// or a stem (`bestUnreached`). Nil otherwise.
    func loneUnreached(mask: UInt32, words: (names: UInt32, eligible: UInt32), name: Int) -> Int? {
        let unreached = words.names & ~mask
        guard words.eligible & unreached != 0, unreached.nonzeroBitCount == 1, words.names & mask != 0, index.coverableWords[name] >= 2 else { return nil }
        return unreached.trailingZeroBitCount
    }

    /// The largest pair weight of query word `i` with a word of the listed name that it matches
    /// as a typo, a Baltic ending or a stem (`typoOrStem`), 0 when none does. Each query word
    /// and list word is compared once a query (`Scratch.compared`).
    func bestUnreached(_ i: Int, of query: PreparedQuery, name: Int, scratch: inout Scratch) -> Double {
        let bit = UInt32(1) << UInt32(i)
        let token = query.tokens[i]
        let allowStem = entities[Int(index.nameEntity[name])].kind != .person
        var best = 0.0
        for position in index.tokenRange(ofName: name) where index.tokenFlags[position] & CandidateIndex.Flag.initial == 0 {
            let listed = index.tokens[position]
            let slot = Int(listed)
            if scratch.compared[slot] & bit == 0 {
                if scratch.compared[slot] == 0 { scratch.comparedTokens.append(listed) }
                scratch.compared[slot] |= bit
                let forms = TokenForms(key: index.key(listed), text: index.text(at: position), phonetic: index.phonetic(listed))
                if typoOrStem(token.forms, forms, allowStem: allowStem) { scratch.comparedMatch[slot] |= bit }
            }
            if scratch.comparedMatch[slot] & bit != 0 {
                best = max(best, (token.weight + capped(index.weights[slot], .name)) / 2)
            }
        }
        return best
    }

    /// Whether the scorer's comparison matches two words as a typo (on the keys or the texts as
    /// written, a Baltic ending included) or a stem: the kinds the index does not look up in
    /// full. A cheap test first: the same first letter and lengths within three letters (a
    /// typo's largest budget, a Baltic ending's length), or a stem's six letters in common.
    /// Sound-alikes and transcriptions are left to the index: compared in full on every name a
    /// common word reaches, they matched namesakes of random names ("Андрій Козаченко" /
    /// "KOVALENKO, Andrey") and cost five times the screening time. A typo must keep the last
    /// letter (or add a Baltic ending).
    func typoOrStem(_ a: TokenForms, _ b: TokenForms, allowStem: Bool) -> Bool {
        guard let x = a.key.first, let y = b.key.first, x == y else { return false }
        let stem = allowStem && a.key.count >= 6 && b.key.count >= 6 && a.key.prefix(6).elementsEqual(b.key.prefix(6))
        guard stem || abs(a.key.count - b.key.count) <= 3 else { return false }
        guard let comparison = TokenComparison.compare(a, b, parameters: parameters, allowStem: allowStem) else { return false }
        switch comparison.how {
        case .spelling, .stem: return true
        case .typo:
            // A typo that changes the last letter is often another form, not a spelling: a
            // woman's name against a man's ("Marie"/"Mario", "Alexandra"/"Alejandro"), a surname
            // against a patronymic ("Nikolayeva"/"Nikolaevich"). A Baltic ending ends in "s".
            return a.key.last == b.key.last || (a.key.count > b.key.count ? a.key : b.key).last == UInt8(ascii: "s")
        default: return false
        }
    }
}
