import Foundation

/// A date expression found in a sentence, resolved to a first day, a precision and (for a
/// range) a last day.
public struct DateMention: Sendable, Hashable {
    /// How the sentence relates the event to the date.
    public enum Relation: String, Sendable, Hashable {
        /// It happened on (or in) the date.
        case on
        /// It began then and goes on ("since October 2017").
        case since
        /// It happened after the date ("in the wake of the 18 August coup"): the source gives no
        /// day, so it is proposed at month precision, never at an invented day.
        case after
    }

    /// The words of the sentence that carry the date, verbatim ("Monday 21 September").
    public var expression: String
    public var first: Day
    public var until: Day?
    public var precision: DatePrecision
    public var relation: Relation
    /// How the date was completed: nil when the text gives it in full, else a note such as
    /// "year from the publication date 2020-09-01".
    public var resolution: String?

    /// The data form of the date: `2020-08-12`, `2020-03` or `2017`.
    public var text: String { precision.text(first) }
}

/// Finds date expressions in a sentence: "12 August", "on 12 August 2020", "August 9-11",
/// "9–11 August", "March 2020", "since October 2017", "in 2017", weekdays ("on Monday"),
/// "this June", "last month", "yesterday". A date without a year, and a relative one, is
/// resolved against the publication date; without one it is reported as unresolved, never guessed.
public struct DateFinder: Sendable {
    public var published: Day?

    public init(published: Day?) { self.published = published }

    static let months: [String: Int] = {
        var table: [String: Int] = [:]
        let names = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
        for (index, name) in names.enumerated() {
            table[name] = index + 1
            if name != "may" { table[String(name.prefix(3))] = index + 1 }
        }
        table["sept"] = 9
        return table
    }()
    static let weekdays = ["monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6]
    static let futureCues: Set<String> = ["will", "shall", "scheduled", "due", "upcoming", "next", "planned", "plans", "expected", "set"]
    static let yearLeads: Set<String> = [
        "in", "since", "from", "until", "till", "by", "during", "early", "late", "mid", "before", "after", "between", "and", "of", "throughout",
    ]

    /// What `find` returns: the mentions, and expressions it could not resolve (no year and no
    /// publication date), for the analyst.
    public struct Result: Sendable {
        public var mentions: [DateMention] = []
        public var unresolved: [String] = []
    }

    public func find(in sentence: String) -> Result {
        let tokens = Token.split(sentence)
        let characters = Array(sentence)
        var result = Result()
        let lowerWords = Set(tokens.map { $0.text.lowercased() })
        let future = !lowerWords.isDisjoint(with: Self.futureCues)
        var index = 0
        while index < tokens.count {
            if let (mention, used) = match(tokens, at: index, future: future, unresolved: &result.unresolved) {
                var mention = mention
                mention.expression = Token.text(characters, tokens, index..<(index + used))
                // The words before it say how the event relates to the date.
                mention.relation = relation(tokens, before: index)
                if mention.relation == .after, mention.resolution?.hasPrefix("weekday") == true { mention.relation = .on }
                // Only a calendar date anchors "after" ("in the wake of Monday's announcement" is
                // the announcement's day, not a month of unknown days).
                if mention.relation == .after, mention.precision == .day, !(mention.resolution?.hasPrefix("weekday") ?? false) {
                    // The anchor itself is an event (the coup of 18 August) ...
                    var anchor = mention
                    anchor.relation = .on
                    result.mentions.append(anchor)
                    // ... and what followed it is dated to the anchor's month, never a made-up day.
                    mention.precision = .month
                    mention.until = nil
                    mention.first = Day(year: mention.first.year, month: mention.first.month, day: 1) ?? mention.first
                    mention.resolution = [mention.resolution, "happened after \(anchor.text); the source gives no day"].compactMap { $0 }.joined(
                        separator: "; ")
                }
                result.mentions.append(mention)
                index += used
            } else {
                index += 1
            }
        }
        return result
    }

    private func relation(_ tokens: [Token], before index: Int) -> DateMention.Relation {
        var words: [String] = []
        var at = index - 1
        while at >= 0, words.count < 6 {
            let word = tokens[at].text.lowercased()
            if tokens[at].kind == .word { words.insert(word, at: 0) }
            at -= 1
        }
        let tail = words.filter { $0 != "the" && $0 != "a" && !Self.weekdays.keys.contains($0) }
        if tail.last == "since" { return .since }
        if tail.last == "after" || tail.last == "following" || tail.suffix(3) == ["in", "wake", "of"] { return .after }
        return .on
    }

    /// A date expression starting at token `index`, and how many tokens it takes.
    private func match(_ tokens: [Token], at index: Int, future: Bool, unresolved: inout [String]) -> (DateMention, Int)? {
        func word(_ offset: Int) -> Token? { index + offset < tokens.count ? tokens[index + offset] : nil }
        func month(_ token: Token?) -> Int? {
            guard let token, token.kind == .word, token.text.first?.isUppercase == true else { return nil }
            return Self.months[token.text.lowercased().replacingOccurrences(of: ".", with: "")]
        }
        func dayNumber(_ token: Token?) -> Int? {
            guard let token, token.kind == .number, token.text.count <= 2, let value = Int(token.text), (1...31).contains(value) else { return nil }
            return value
        }
        func year(_ token: Token?) -> Int? {
            guard let token, token.kind == .number, token.text.count == 4, let value = Int(token.text), (1900...2099).contains(value) else { return nil }
            return value
        }
        func isDash(_ token: Token?) -> Bool {
            guard let token else { return false }
            return ["-", "–", "—"].contains(token.text) || token.text.lowercased() == "to"
        }
        // Skips an ordinal suffix glued to a day number ("21st").
        func afterOrdinal(_ offset: Int) -> Int {
            if let next = word(offset), next.kind == .word, next.glued, ["st", "nd", "rd", "th"].contains(next.text.lowercased()) { return offset + 1 }
            return offset
        }
        // The last day of a range ("9–11", "9 to 11th") after a day number, moving `at` past it.
        func rangeEnd(_ at: inout Int) -> Int? {
            guard isDash(word(at)), let end = dayNumber(word(at + 1)) else { return nil }
            at = afterOrdinal(at + 2)
            return end
        }
        // A year after the month ("August 2020", "August 10, 2020"), moving `at` past it.
        func explicitYear(_ at: inout Int) -> Int? {
            if word(at)?.text == ",", let value = year(word(at + 1)) {
                at += 2
                return value
            }
            guard let value = year(word(at)) else { return nil }
            at += 1
            return value
        }

        let first = tokens[index]
        // A weekday before a date is part of the expression ("Monday 21 September").
        if first.kind == .word, let weekday = Self.weekdays[first.text.lowercased()], first.text.first?.isUppercase == true {
            var next = 1
            if word(next)?.text == "," { next += 1 }
            if dayNumber(word(next)) != nil || month(word(next)) != nil,
                let (inner, used) = match(tokens, at: index + next, future: future, unresolved: &unresolved)
            {
                return (inner, used + next)
            }
            // "Tuesday's summit", "on Monday": the nearest such weekday.
            guard let published else {
                unresolved.append(first.text)
                return nil
            }
            let offset = (published.ordinal + 3) % 7  // 1970-01-01 was a Thursday (3 with Monday = 0)
            var day: Day
            if future {
                var ahead = (weekday - offset + 7) % 7
                if ahead == 0 { ahead = 7 }
                day = published.adding(days: ahead)
            } else {
                day = published.adding(days: -((offset - weekday + 7) % 7))
            }
            return (
                DateMention(
                    expression: "", first: day, precision: .day, relation: .on,
                    resolution: "weekday resolved against the publication date \(published) (\(future ? "next" : "last") \(first.text))"), 1
            )
        }
        // 2020-08-12 (ISO 8601, as data exports and some briefings write dates)
        if let value = year(first), word(1)?.text == "-", let monthToken = word(2), monthToken.kind == .number, monthToken.text.count == 2,
            word(3)?.text == "-", let dayToken = word(4), dayToken.kind == .number, dayToken.text.count == 2,
            let monthNumber = Int(monthToken.text), let dayValue = Int(dayToken.text),
            let day = Day(year: value, month: monthNumber, day: dayValue)
        {
            return (DateMention(expression: "", first: day, precision: .day, relation: .on), 5)
        }
        // 9–11 August [2020]; 21 September [2020]
        if let day = dayNumber(first) {
            var at = afterOrdinal(1)
            let last = rangeEnd(&at)
            if word(at)?.text.lowercased() == "of" { at += 1 }
            guard let monthNumber = month(word(at)) else { return nil }
            at += 1
            let stated = explicitYear(&at)
            return mention(
                day: day, last: last, month: monthNumber, year: stated, expression: tokens[index..<(index + at)], used: at, future: future,
                unresolved: &unresolved)
        }
        if let monthNumber = month(first) {
            // August 9-11 [, 2020]; August 10 [, 2020]
            if let day = dayNumber(word(1)) {
                var at = afterOrdinal(2)
                let last = rangeEnd(&at)
                let stated = explicitYear(&at)
                return mention(
                    day: day, last: last, month: monthNumber, year: stated, expression: tokens[index..<(index + at)], used: at, future: future,
                    unresolved: &unresolved)
            }
            // March 2020
            if let value = year(word(1)) ?? (word(1)?.text == "," ? year(word(2)) : nil),
                let day = Day(year: value, month: monthNumber, day: 1)
            {
                return (DateMention(expression: "", first: day, precision: .month, relation: .on), word(1)?.text == "," ? 3 : 2)
            }
            // this June, last March, in May: the month nearest the publication date.
            let before = index > 0 ? tokens[index - 1].text.lowercased() : ""
            guard ["this", "last", "in", "since", "early", "late", "mid", "during", "next", "until", "of"].contains(before) else { return nil }
            guard let published else {
                unresolved.append(tokens[index].text)
                return nil
            }
            var yearValue = published.year
            if before == "this" {
                // "this June": the publication year's.
            } else if before == "last" {
                if monthNumber >= published.month { yearValue -= 1 }
            } else if before == "next" {
                if monthNumber <= published.month { yearValue += 1 }
            } else if future {
                if monthNumber < published.month { yearValue += 1 }
            } else if monthNumber > published.month {
                // "The attack in June was claimed": past tense, so the last June.
                yearValue -= 1
            }
            guard let day = Day(year: yearValue, month: monthNumber, day: 1) else { return nil }
            return (
                DateMention(
                    expression: "", first: day, precision: .month, relation: .on,
                    resolution: "year from the publication date \(published)"), 1
            )
        }
        // in 2017, since 2017
        if let value = year(first), index > 0, Self.yearLeads.contains(tokens[index - 1].text.lowercased()),
            !(word(1)?.kind == .word && word(1)?.glued == true), let day = Day(year: value, month: 1, day: 1)
        {
            return (DateMention(expression: "", first: day, precision: .year, relation: .on), 1)
        }
        // last month, this year, yesterday, today
        let lower = first.text.lowercased()
        if ["yesterday", "today"].contains(lower) || (["last", "this"].contains(lower) && ["month", "year"].contains(word(1)?.text.lowercased() ?? "")) {
            guard let published else {
                unresolved.append(first.text)
                return nil
            }
            let note = "relative to the publication date \(published)"
            switch (lower, word(1)?.text.lowercased() ?? "") {
            case ("yesterday", _): return (DateMention(expression: "", first: published.adding(days: -1), precision: .day, relation: .on, resolution: note), 1)
            case ("today", _): return (DateMention(expression: "", first: published, precision: .day, relation: .on, resolution: note), 1)
            case (_, "month"):
                let shift = lower == "last" ? -1 : 0
                let total = published.year * 12 + (published.month - 1) + shift
                guard let day = Day(year: total / 12, month: total % 12 + 1, day: 1) else { return nil }
                return (DateMention(expression: "", first: day, precision: .month, relation: .on, resolution: note), 2)
            default:
                guard let day = Day(year: published.year - (lower == "last" ? 1 : 0), month: 1, day: 1) else { return nil }
                return (DateMention(expression: "", first: day, precision: .year, relation: .on, resolution: note), 2)
            }
        }
        return nil
    }

    private func mention(
        day: Int, last: Int?, month: Int, year: Int?, expression: ArraySlice<Token>, used: Int, future: Bool,
        unresolved: inout [String]
    ) -> (DateMention, Int)? {
        var resolution: String?
        let resolvedYear: Int
        if let year {
            resolvedYear = year
        } else if let published {
            var year = nearestYear(month: month, day: day, to: published)
            // Past tense and more than two months ahead: last year's ("signed on 30 December").
            if !future, let candidate = Day(year: year, month: month, day: min(day, 28)), published.days(until: candidate) > 60 { year -= 1 }
            resolvedYear = year
            resolution = "year from the publication date \(published)"
        } else {
            unresolved.append(expression.map(\.text).joined(separator: " "))
            return nil
        }
        guard let first = Day(year: resolvedYear, month: month, day: day) else { return nil }
        var until: Day?
        if let last {
            guard let end = Day(year: resolvedYear, month: month, day: last), end > first else { return nil }
            until = end
        }
        return (DateMention(expression: "", first: first, until: until, precision: .day, relation: .on, resolution: resolution), used)
    }

    /// The year (the publication's, the one before or after) that puts month/day nearest it.
    private func nearestYear(month: Int, day: Int, to published: Day) -> Int {
        let candidates = [published.year - 1, published.year, published.year + 1]
        return candidates.min { a, b in
            let da = Day(year: a, month: month, day: min(day, 28)).map { abs($0.days(until: published)) } ?? Int.max
            let db = Day(year: b, month: month, day: min(day, 28)).map { abs($0.days(until: published)) } ?? Int.max
            return da < db
        } ?? published.year
    }
}

/// A word, a number or a punctuation mark of a sentence, with its place in it.
struct Token: Sendable, Hashable {
    enum Kind: Sendable { case word, number, mark }
    var text: String
    var kind: Kind
    /// Character offsets in the sentence.
    var range: Range<Int>
    /// Whether it follows the previous token with no space ("21st", "Tuesday’s").
    var glued: Bool

    static func split(_ sentence: String) -> [Token] {
        var tokens: [Token] = []
        let characters = Array(sentence)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            let glued = index > 0 && !characters[index - 1].isWhitespace
            if character.isWhitespace { index += 1; continue }
            let start = index
            if character.isLetter {
                while index < characters.count, characters[index].isLetter { index += 1 }
                tokens.append(Token(text: String(characters[start..<index]), kind: .word, range: start..<index, glued: glued))
            } else if character.isNumber {
                while index < characters.count, characters[index].isNumber { index += 1 }
                tokens.append(Token(text: String(characters[start..<index]), kind: .number, range: start..<index, glued: glued))
            } else {
                index += 1
                tokens.append(Token(text: String(character), kind: .mark, range: start..<index, glued: glued))
            }
        }
        return tokens
    }

    /// The sentence's characters from the first to the last token of `range`.
    static func text(_ sentence: String, _ tokens: [Token], _ range: Range<Int>) -> String {
        text(Array(sentence), tokens, range)
    }

    /// As `text(_:_:_:)`, on the sentence's characters (split once per sentence).
    static func text(_ characters: [Character], _ tokens: [Token], _ range: Range<Int>) -> String {
        guard let first = tokens[draftSafe: range.lowerBound], let last = tokens[draftSafe: range.upperBound - 1],
            first.range.lowerBound <= last.range.upperBound, last.range.upperBound <= characters.count
        else { return "" }
        return String(characters[first.range.lowerBound..<last.range.upperBound])
    }
}

extension Array {
    /// The element at `index`, or nil outside the array.
    subscript(draftSafe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
