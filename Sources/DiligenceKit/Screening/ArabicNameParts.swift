/// Arab names written in Chinese characters, Japanese kana, Hangul and Thai, where the article
/// and "Abd" are joined to the word they open: "อับดุลมะลิก อัลฮูซี" (Abdul-Malik al-Houthi),
/// "압둘말리크 알후티", "アル=イスラーム" (al-Islam, "=" joined by the normaliser), "阿卜杜勒-马利克"
/// (the hyphen joins too). Read as one word, "abdulmalik alhusi" or "aboduleimalike" matches
/// no listed word; read apart, "Abdul" and "al" are the list's words and the rest is compared as
/// before ("husi" / Houthi, "マリク" / Malik as a Japanese transcription).
///
/// A name is also read with an opening title that these scripts write as a word ("阿米尔",
/// "アミール", "아미르", "อามีร์": Amir) left out, as the normaliser leaves out "Amir" opening a
/// listed name ("HAJIZADEH, Amir Ali" is listed as Ali Hajizadeh).
///
/// The forms (`parts`) are how each script writes the article al- (and its assimilated forms
/// before a "sun letter": Thai "อัซ" for az-), "Abdul"/"Abdel" and the titles in the titles of
/// Wikipedia articles on Arab persons in Chinese, Japanese, Korean and Thai (the spellings of
/// the cross-script development sets, which cite them): Chinese writes ʿAbd "阿卜杜" (with 勒
/// for the article's l, the form of the Xinhua agency's transcriptions) and leaves the article
/// out; Japanese writes the article "アル" with "=" or "＝" (or joined), Korean "알" joined,
/// Thai "อัล" joined. Compiled from those spellings here, not from a published table.
///
/// Each reading is screened like the others (`NameScreener.withReadings`), its reason saying so:
/// `read as an Arab name written in Thai, อับดุลมะลิก อัลฮูซี → Abdul มะลิก al ฮูซี: ...`.
enum ArabicNameParts {
    /// What a written form stands for.
    enum Kind {
        /// The article, or "Abd" with it, opening a word: split from the rest.
        case prefix
        /// A title opening the name, a word alone: left out.
        case title
        /// A common Arab given name, a word alone: read as the lists write it.
        case given
    }

    /// A written form, the Latin it stands for, its script and kind.
    struct Part {
        var written: String
        var latin: String
        var script: String
        var kind: Kind
        /// Letters (Han characters, kana, Hangul syllables, Thai letters) the rest of the word
        /// needs at least for the prefix to be split off ("알리", Ali, is no "al" + "리").
        var minimumRest: Int
        /// A first letter of the rest that says the prefix is part of another name: Thai
        /// "อับดุลลาห์" is Abdullah, not "Abdul" + "ลาห์".
        var notBefore: Set<Character> = []
    }

    /// The forms, longest first within a script (so "อับดุล" before "อัล" is no concern: they
    /// differ from the second letter).
    static let parts: [Part] =
        [
            // Chinese: ʿAbd al- as "阿卜杜勒", "阿布杜勒" (the article's l as 勒); the article alone is not written.
            Part(written: "阿卜杜勒", latin: "Abdul", script: "Chinese", kind: .prefix, minimumRest: 0),
            Part(written: "阿布杜勒", latin: "Abdul", script: "Chinese", kind: .prefix, minimumRest: 0),
            Part(written: "阿米尔", latin: "Amir", script: "Chinese", kind: .title, minimumRest: 0),
            Part(written: "阿米爾", latin: "Amir", script: "Chinese", kind: .title, minimumRest: 0),
            Part(written: "谢赫", latin: "Sheikh", script: "Chinese", kind: .title, minimumRest: 0),
            // Japanese: "アブドゥル", "アブドル", "アブデル"; the article "アル".
            Part(written: "アブドゥル", latin: "Abdul", script: "Japanese", kind: .prefix, minimumRest: 2),
            Part(written: "アブドル", latin: "Abdul", script: "Japanese", kind: .prefix, minimumRest: 2),
            Part(written: "アブデル", latin: "Abdel", script: "Japanese", kind: .prefix, minimumRest: 2),
            Part(written: "アル", latin: "al", script: "Japanese", kind: .prefix, minimumRest: 3),
            Part(written: "アミール", latin: "Amir", script: "Japanese", kind: .title, minimumRest: 0),
            Part(written: "シャイフ", latin: "Sheikh", script: "Japanese", kind: .title, minimumRest: 0),
            // Korean: "압둘", "압델"; the article "알".
            Part(written: "압둘", latin: "Abdul", script: "Korean", kind: .prefix, minimumRest: 2),
            Part(written: "압델", latin: "Abdel", script: "Korean", kind: .prefix, minimumRest: 2),
            Part(written: "알", latin: "al", script: "Korean", kind: .prefix, minimumRest: 2),
            Part(written: "아미르", latin: "Amir", script: "Korean", kind: .title, minimumRest: 0),
            Part(written: "셰이크", latin: "Sheikh", script: "Korean", kind: .title, minimumRest: 0),
            // Thai: "อับดุล"; the article "อัล", and before a sun letter "อัซ" (az-), "อัช" (ash-), "อัร" (ar-).
            Part(written: "อับดุล", latin: "Abdul", script: "Thai", kind: .prefix, minimumRest: 2, notBefore: ["ล"]),
            Part(written: "อัล", latin: "al", script: "Thai", kind: .prefix, minimumRest: 2),
            Part(written: "อัซ", latin: "az", script: "Thai", kind: .prefix, minimumRest: 2),
            Part(written: "อัช", latin: "ash", script: "Thai", kind: .prefix, minimumRest: 2),
            Part(written: "อัร", latin: "ar", script: "Thai", kind: .prefix, minimumRest: 2),
            Part(written: "อามีร์", latin: "Amir", script: "Thai", kind: .title, minimumRest: 0),
            // Japanese "エル" (el-) written apart ("タレク・エル・アイサミ").
            Part(written: "エル", latin: "el", script: "Japanese", kind: .prefix, minimumRest: 99),
        ] + givenNames

    /// Common Arab given names as each script writes them (Xinhua's forms in Chinese; the
    /// Japanese, Korean and Thai forms of the same Wikipedia titles), whose transcriptions differ
    /// from the lists' spelling by more than `Transcription` allows ("穆罕默德", "muhanmode",
    /// is Muhammad; "叶海亚", "yehaiya", Yahya).
    static let givenNames: [Part] = [
        ("Muhammad", ["穆罕默德"], ["ムハンマド"], ["무함마드"]),
        ("Ahmad", ["艾哈迈德", "艾哈邁德"], ["アフマド"], ["아흐마드"]),
        ("Yahya", ["叶海亚", "葉海亞"], ["ヤヒヤ", "ヤフヤー"], ["야흐야", "야히야"]),
        ("Mahmoud", ["马哈茂德", "馬哈茂德"], ["マフムード"], ["마흐무드"]),
        ("Abdullah", ["阿卜杜拉"], ["アブドゥッラー"], ["압둘라"]),
        ("Ibrahim", ["易卜拉欣"], ["イブラーヒーム"], ["이브라힘"]),
        ("Hussein", ["侯赛因", "侯賽因"], ["フセイン", "フサイン"], ["후세인"]),
        ("Khalid", ["哈立德"], ["ハーリド"], ["할리드"]),
        ("Youssef", ["优素福", "優素福"], ["ユースフ"], ["유수프"]),
        ("Omar", ["奥马尔", "奧馬爾"], ["ウマル"], ["오마르"]),
    ].flatMap { latin, chinese, japanese, korean in
        chinese.map { Part(written: $0, latin: latin, script: "Chinese", kind: .given, minimumRest: 0) }
            + japanese.map { Part(written: $0, latin: latin, script: "Japanese", kind: .given, minimumRest: 0) }
            + korean.map { Part(written: $0, latin: latin, script: "Korean", kind: .given, minimumRest: 0) }
    }

    /// The forms by their first character, each list in the order of `parts`: a form the word
    /// is, or opens with, starts with the word's first character, so the first form of this
    /// list that fits is the first of `parts` that does (each word of a name was compared with
    /// every form).
    static let partsByFirstCharacter: [Character: [Part]] = Dictionary(
        grouping: parts.filter { !$0.written.isEmpty }, by: { $0.written.first ?? " " })

    /// The first scalars of the forms: a name with none of them is not looked at further.
    static let firstScalars: Set<Unicode.Scalar> = Set(parts.compactMap(\.written.unicodeScalars.first))

    /// Whether a name may hold a form: a word opening with a first scalar of one, a Chinese one
    /// only in a dotted name. One pass over the scalars; only a word's first scalar of Han,
    /// kana, Hangul or Thai is looked up (a Chinese name without a dot, a Korean name whose
    /// words open otherwise, is looked at no further).
    static func mayHoldPart(_ name: String) -> Bool {
        var dotted = false, han = false, wordStart = true
        for scalar in name.unicodeScalars {
            let value = scalar.value
            if value == 0x00B7 || value == 0x30FB || value == 0x2027 || value == 0x20 || value == 0x2D || value == 0x3D || value == 0xFF1D
                || value == 0x30A0
            {
                dotted = dotted || value == 0x00B7 || value == 0x30FB || value == 0x2027
                wordStart = true
                continue
            }
            defer { wordStart = false }
            guard wordStart else { continue }
            if Transliterator.isHan(value) {
                han = han || firstScalars.contains(scalar)
            } else if (0x0E01...0x0E4E).contains(value) || (0x30A0...0x30FF).contains(value) || Transliterator.isHangulSyllable(value) {
                if firstScalars.contains(scalar) { return true }
            }
        }
        return han && dotted
    }

    /// What separates words here: spaces, the middle dots of Chinese and Japanese, hyphens and
    /// the double hyphens Japanese writes after the article.
    static func isSeparator(_ character: Character) -> Bool {
        character.isWhitespace || "·・･‧-‐=＝゠".contains(character)
    }

    /// Whether a character is a letter of these scripts (a Han character, kana, Hangul, Thai).
    static func isLetter(_ character: Character) -> Bool {
        guard let value = character.unicodeScalars.first?.value else { return false }
        return Transliterator.isHan(value) || Transliterator.isHangulSyllable(value) || (0x30A0...0x30FF).contains(value)
            || (0x0E01...0x0E4E).contains(value)
    }

    /// The name with its prefixes split off and an opening title left out, the script read, and
    /// whether a prefix was split off; nil when nothing is read so. (Thai letters with their
    /// vowel marks count as one letter: "ฮูซี" is two.)
    static func reading(of name: String) -> (name: String, script: String, split: Bool)? {
        // Every form opens with a scalar of three UTF-8 bytes or more: a Latin or Cyrillic name stops at its bytes.
        guard name.utf8.contains(where: { $0 >= 0xE0 }), mayHoldPart(name) else { return nil }
        // Words with the separator that follows each.
        var words: [(text: Substring, separator: Substring)] = []
        var rest = name[...]
        while !rest.isEmpty {
            let end = rest.firstIndex(where: isSeparator) ?? rest.endIndex
            let after = rest[end...].firstIndex(where: { !isSeparator($0) }) ?? rest.endIndex
            words.append((rest[..<end], rest[end..<after]))
            rest = rest[after...]
        }
        guard words.count >= 2 || words.first.map({ $0.text.count >= 4 }) == true else { return nil }
        var out: [String] = []
        // The middle dot kept where the name had it: Chinese writes foreign names so (a Chinese
        // form is read only then: "阿里巴巴" is no Ali), and it decides that the Han characters
        // are read as a transcription.
        let dotted = name.contains("·") || name.contains("・") || name.contains("‧")
        var script: String?
        var split = false
        for (position, word) in words.enumerated() where !word.text.isEmpty {
            let parts = word.text.first.flatMap { partsByFirstCharacter[$0] } ?? []
            if position == 0, words.count >= 3,
                let title = parts.first(where: { $0.kind == .title && $0.written == word.text })
            {
                script = title.script
                continue
            }
            if let given = parts.first(where: { $0.kind == .given && $0.written == word.text }), given.script != "Chinese" || dotted {
                script = given.script
                out.append(given.latin)
                continue
            }
            // The article written apart, with a hyphen or Japanese's double hyphen ("アル=イスラーム"),
            // or as a word between two others ("タレク・エル・アイサミ").
            if let part = parts.first(where: { $0.kind == .prefix && $0.written == word.text && $0.latin.count <= 3 }),
                word.separator.contains(where: { "-‐=＝゠".contains($0) }) || (position > 0 && position + 1 < words.count)
            {
                script = part.script
                split = true
                out.append(part.latin)
                continue
            }
            if let part = parts.first(where: { part in
                part.kind == .prefix && (part.script != "Chinese" || dotted) && word.text.hasPrefix(part.written)
                    && word.text.dropFirst(part.written.count).count >= part.minimumRest
                    && word.text.dropFirst(part.written.count).allSatisfy(isLetter)
                    && !(word.text.dropFirst(part.written.count).first.map { part.notBefore.contains($0) } ?? false)
            }) {
                script = part.script
                split = true
                out.append(part.latin)
                let remainder = word.text.dropFirst(part.written.count)
                if !remainder.isEmpty { out.append(String(remainder)) }
            } else {
                out.append(String(word.text))
            }
        }
        guard let script else { return nil }
        return (out.joined(separator: dotted ? "·" : " "), script, split)
    }

    /// The list words a split prefix stands for: the article in its spellings (and assimilated
    /// before a sun letter), and "Abd" opening a word.
    static let listedArticles: Set<String> = ["al", "el", "ul", "ad", "ed", "ud", "as", "es", "az", "ez", "ash", "ar", "er", "an", "at", "et"]

    /// Whether a listed name has a word a split prefix can stand for: an article, or a word
    /// opening with "abd", "al" or "el" (the article written on).
    static func hasArabicPart(_ words: [NameToken]) -> Bool {
        words.contains { word in
            listedArticles.contains(word.key) || word.key.hasPrefix("abd")
                || (word.key.utf8.count >= 5 && (word.key.hasPrefix("al") || word.key.hasPrefix("el")))
        }
    }
}

extension NameScreener {
    /// When the query is an Arab name written in Chinese, Japanese, Korean or Thai with the
    /// article or "Abd" joined to a word, or an opening title (`ArabicNameParts`), that reading,
    /// with the words its matches' reason starts with.
    func arabicReadings(of query: ScreeningQuery) -> [(name: String, why: String)] {
        arabicReading(of: query).map { [($0.name, $0.why)] } ?? []
    }

    /// `arabicReadings`'s reading, and whether a prefix was split off.
    func arabicReading(of query: ScreeningQuery) -> (name: String, why: String, split: Bool)? {
        guard let read = ArabicNameParts.reading(of: query.name), read.name != query.name else { return nil }
        return (read.name, "read as an Arab name written in \(read.script), \(query.name) → \(read.name): ", read.split)
    }

    /// `matches`, and the matches of the query as `arabicReading` reads it: when a prefix was
    /// split off, only against a listed name that has an article or "Abd" (`ArabicNameParts.hasArabicPart`:
    /// "アルベルト", Alberto, read "al ベルト", matches no "Berto").
    func withArabicReading(
        _ matches: [ScreeningMatch], of query: ScreeningQuery, threshold: Double, scratch: inout Scratch, exhaustive: Bool,
        hadCandidates: inout Bool
    ) -> [ScreeningMatch] {
        guard let read = arabicReading(of: query) else { return matches }
        return withReadings(
            matches, of: query, [(read.name, read.why)], threshold: threshold, scratch: &scratch, exhaustive: exhaustive,
            hadCandidates: &hadCandidates
        ) { match in
            !read.split || ArabicNameParts.hasArabicPart(normalizer.normalize(match.matched).tokens)
        }
    }
}
