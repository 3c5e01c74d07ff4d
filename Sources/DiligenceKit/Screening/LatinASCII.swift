/// The chain `Transliterator` romanises a Latin word with ("NFKC; [\u02B9\u02BA\u00B7] Remove;
/// Any-Latin", `listLetters`, `Latin-ASCII`, `listLetters` again) done without ICU for a word of
/// ASCII and the letters and punctuation of `groups`: the first ICU transform of a process loads
/// ICU's transliterator registry, rule data and property tables (7.5 to 8.6 MiB resident), and
/// the names of a portfolio with accents ("Distribuição", "Cissé", "Boğaziçi") were what still
/// loaded it.
///
/// For these characters the chain writes each one the same whatever surrounds it: `Latin-ASCII`
/// drops the marks of a decomposed letter and maps the rest by a table without context, `NFKC`
/// and `Any-Latin` leave them (or, for the compatibility letters, their parts) alone, and
/// `listLetters` writes "č", "š", "ž" as "ch", "sh", "zh" and "ǧ", "ǰ" as "j". The letters whose
/// reading depends on a neighbour ("ṅ" takes the "g" after it) or on the rest of the name ("ə")
/// are not in the table, nor any that ICU leaves outside ASCII ("Ʒ", "ƛ"); a word with one of
/// them, or with a combining mark or another script, is left to ICU. Tests compare the table
/// with ICU for every entry, every pair of entries and random texts, under the chains of a name
/// without Cyrillic and of a Russian one.
enum LatinASCII {
    /// The word in ASCII as `Transliterator.transform` writes it with the chain of a text
    /// without Cyrillic and Greek (or with Russian Cyrillic elsewhere in the name), or nil when
    /// it has a character outside ASCII and the table.
    static func ascii(_ word: String) -> String? {
        var result = ""
        result.reserveCapacity(word.utf8.count)
        for scalar in word.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                result.unicodeScalars.append(scalar)
            } else if let index = table.index(value), let ascii = table.entries[index] {
                result += ascii
            } else {
                return nil
            }
        }
        return result
    }

    /// What the chain writes (first) for each of the characters (second), as ICU 76 wrote them
    /// one at a time: Latin-1 from U+00A0, Latin Extended-A and -B, Latin Extended Additional
    /// and the general punctuation up to U+2027, less those left to ICU.
    static let groups: [(ascii: String, letters: String)] = [
        ("", "\u{B7}Ǝǝ"),
        ("!", "\u{A1}"),
        ("\"", "\u{201C}\u{201D}\u{201F}"),
        ("'", "\u{2018}\u{2019}\u{201B}"),
        ("(C)", "\u{A9}"),
        ("(R)", "\u{AE}"),
        ("*", "\u{D7}"),
        ("+/-", "\u{B1}"),
        (",", "\u{201A}"),
        (",,", "\u{201E}"),
        ("-", "\u{AD}\u{2010}\u{2011}\u{2012}\u{2013}\u{2014}\u{2015}"),
        (".", "\u{2024}"),
        ("..", "\u{2025}"),
        ("...", "\u{2026}"),
        ("/", "\u{F7}"),
        ("1", "\u{B9}"),
        ("1/2", "\u{BD}"),
        ("1/4", "\u{BC}"),
        ("2", "\u{B2}"),
        ("3", "\u{B3}"),
        ("3/4", "\u{BE}"),
        ("<<", "\u{AB}"),
        (">>", "\u{BB}"),
        ("?", "\u{BF}"),
        ("A", "ÀÁÂÃÄÅĀĂĄǍǞǠǺȀȂȦȺḀẠẢẤẦẨẪẬẮẰẲẴẶ"),
        ("a", "ªàáâãäåāăąǎǟǡǻȁȃȧḁẚạảấầẩẫậắằẳẵặ"),
        ("AE", "ÆǢǼ"),
        ("ae", "æǣǽ"),
        ("B", "ƁƂɃḂḄḆ"),
        ("b", "ƀƃḃḅḇ"),
        ("C", "ÇĆĈĊƇȻḈ"),
        ("c", "çćĉċƈȼḉ"),
        ("Ch", "Č"),
        ("ch", "č"),
        ("D", "ÐĎĐƉƊƋḊḌḎḐḒ"),
        ("d", "ðďđƌȡḋḍḏḑḓ"),
        ("db", "ȸ"),
        ("DZ", "Ǳ"),
        ("Dz", "ǲ"),
        ("dz", "ǳ"),
        ("DZh", "Ǆ"),
        ("Dzh", "ǅ"),
        ("dzh", "ǆ"),
        ("E", "ÈÉÊËĒĔĖĘĚƐȄȆȨɆḔḖḘḚḜẸẺẼẾỀỂỄỆ"),
        ("e", "èéêëēĕėęěȅȇȩɇḕḗḙḛḝẹẻẽếềểễệ"),
        ("F", "ƑḞ"),
        ("f", "ƒḟ"),
        ("G", "ĜĞĠĢƓǤǴḠ"),
        ("g", "ĝğġģǥǵḡ"),
        ("H", "ĤĦȞḢḤḦḨḪ"),
        ("h", "ĥħȟḣḥḧḩḫẖ"),
        ("hv", "ƕ"),
        ("I", "ÌÍÎÏĨĪĬĮİƖƗǏȈȊḬḮỈỊ"),
        ("i", "ìíîïĩīĭįıǐȉȋḭḯỉị"),
        ("IJ", "Ĳ"),
        ("ij", "ĳ"),
        ("J", "ĴǦɈ"),
        ("j", "ĵǧǰȷɉ"),
        ("K", "ĶƘǨḰḲḴ"),
        ("k", "ķƙǩḱḳḵ"),
        ("L", "ĹĻĽĿŁȽḶḸḺḼ"),
        ("l", "ĺļľŀłƚȴḷḹḻḽ"),
        ("LJ", "Ǉ"),
        ("Lj", "ǈ"),
        ("lj", "ǉ"),
        ("LL", "Ỻ"),
        ("ll", "ỻ"),
        ("M", "ḾṀṂ"),
        ("m", "µḿṁṃ"),
        ("N", "ÑŃŅŇŊƝǸṆṈṊ"),
        ("n", "ñńņňŉŋƞǹȵṇṉṋ"),
        ("NJ", "Ǌ"),
        ("Nj", "ǋ"),
        ("nj", "ǌ"),
        ("O", "ÒÓÔÕÖØŌŎŐƠǑǪǬǾȌȎȪȬȮȰṌṎṐṒỌỎỐỒỔỖỘỚỜỞỠỢ"),
        ("o", "ºòóôõöøōŏőơǒǫǭǿȍȏȫȭȯȱṍṏṑṓọỏốồổỗộớờởỡợ"),
        ("OE", "Œ"),
        ("oe", "œ"),
        ("OI", "Ƣ"),
        ("oi", "ƣ"),
        ("P", "ƤṔṖ"),
        ("p", "ƥṕṗ"),
        ("q", "ĸ"),
        ("qp", "ȹ"),
        ("R", "ŔŖŘȐȒɌṘṚṜṞ"),
        ("r", "ŕŗřȑȓɍṙṛṝṟ"),
        ("S", "ŚŜŞȘṠṢṤṦṨ"),
        ("s", "śŝşſșȿṡṣṥṧṩẛẜẝ"),
        ("Sh", "Š"),
        ("sh", "š"),
        ("SS", "ẞ"),
        ("ss", "ß"),
        ("T", "ŢŤŦƬƮȚȾṪṬṮṰ"),
        ("t", "ţťŧƫƭțȶṫṭṯṱẗ"),
        ("TH", "Þ"),
        ("th", "þ"),
        ("U", "ÙÚÛÜŨŪŬŮŰŲƯǓǕǗǙǛȔȖɄṲṴṶṸṺỤỦỨỪỬỮỰ"),
        ("u", "ùúûüũūŭůűųưǔǖǘǚǜȕȗṳṵṷṹṻụủứừửữự"),
        ("V", "ƲṼṾỼ"),
        ("v", "ṽṿỽ"),
        ("W", "ŴẀẂẄẆẈ"),
        ("w", "ŵẁẃẅẇẉẘ"),
        ("X", "ẊẌ"),
        ("x", "ẋẍ"),
        ("Y", "ÝŶŸƳȲɎẎỲỴỶỸỾ"),
        ("y", "ýÿŷƴȳɏẏẙỳỵỷỹỿ"),
        ("Z", "ŹŻƵȤẐẒẔ"),
        ("z", "źżƶȥɀẑẓẕ"),
        ("Zh", "Ž"),
        ("zh", "ž"),
        ("||", "\u{2016}"),
    ]

    /// The groups by code point: three ranges, an entry for each scalar, nil for those not in
    /// a group.
    struct Table: Sendable {
        static let ranges: [ClosedRange<UInt32>] = [0xA0...0x24F, 0x1E00...0x1EFF, 0x2010...0x2027]
        var entries: [String?]

        init(_ groups: [(ascii: String, letters: String)]) {
            entries = Array(repeating: nil, count: Self.ranges.reduce(0) { $0 + $1.count })
            for (ascii, letters) in groups {
                for scalar in letters.unicodeScalars {
                    if let index = index(scalar.value) { entries[index] = ascii }
                }
            }
        }

        /// The position of a code point's entry, nil outside the ranges.
        func index(_ value: UInt32) -> Int? {
            var offset = 0
            for range in Self.ranges {
                if range.contains(value) { return offset + Int(value - range.lowerBound) }
                offset += range.count
            }
            return nil
        }
    }

    static let table = Table(groups)
}
