import Foundation

/// The date forms exports use: `2020-08-12`, `20200812`, `12-Aug-20` (Excel), `12 August 2020`
/// (ACLED's classic export), `August 12, 2020`, and slashed `7/10/2020` forms when the caller
/// says which way round they are.
enum ImportDates {
    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// How to read `a/b/yyyy`.
    enum SlashOrder: Sendable {
        case monthFirst
        case dayFirst
    }

    /// A month from its English name or three-letter abbreviation ("Sept" too).
    static func month(_ text: String) -> Int? {
        let lower = text.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "."))
        guard lower.count >= 3 else { return nil }
        guard let index = months.firstIndex(where: { lower.hasPrefix($0) }) else { return nil }
        let full = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"][index]
        return lower.count == 3 || full.hasPrefix(lower) || lower == "sept" ? index + 1 : nil
    }

    /// A two-digit year: in `century` when the file says which (`year` column), else 1970-2069.
    static func fullYear(_ text: Substring, year: Int?) -> Int? {
        guard let value = Int(text), text.allSatisfy(\.isASCII) else { return nil }
        if text.count == 4 { return value }
        guard text.count == 2 else { return nil }
        if let year { return year % 100 == value ? year : nil }
        return value < 70 ? 2000 + value : 1900 + value
    }

    /// Parses `text`; `year` (a year column) settles two-digit years; `slash` reads `a/b/yyyy`.
    static func parse(_ text: String, year: Int? = nil, slash: SlashOrder? = nil) -> Day? {
        let text = text.trimmingCharacters(in: .whitespaces)
        if let day = Day(iso: text) { return day }
        // 2020-08-12T00:00:00 and the like.
        if text.count > 10, let day = Day(iso: String(text.prefix(10))), ["T", " "].contains(text.dropFirst(10).first.map(String.init) ?? "") {
            return day
        }
        if text.count == 8, text.allSatisfy({ $0.isASCII && $0.isNumber }),
            let y = Int(text.prefix(4)), let m = Int(text.dropFirst(4).prefix(2)), let d = Int(text.suffix(2))
        {
            return Day(year: y, month: m, day: d)
        }
        // 12-Aug-20, 12-Aug-2020, 12 August 2020, 12 Aug. 2020
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == " " }).map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ",")) }
        if parts.count == 3, let d = Int(parts[0]), let m = month(parts[1]), let y = fullYear(Substring(parts[2]), year: year) {
            return Day(year: y, month: m, day: d)
        }
        // August 12, 2020
        if parts.count == 3, let m = month(parts[0]), let d = Int(parts[1]), let y = fullYear(Substring(parts[2]), year: year) {
            return Day(year: y, month: m, day: d)
        }
        let slashed = text.split(separator: "/")
        if slashed.count == 3, let slash, let a = Int(slashed[0]), let b = Int(slashed[1]), let y = fullYear(slashed[2], year: year) {
            return slash == .monthFirst ? Day(year: y, month: a, day: b) : Day(year: y, month: b, day: a)
        }
        return nil
    }

    /// Which way round the slashed dates of a file are: day first if any has a first part over
    /// 12, month first if any has a second part over 12 (nil when both happen: the file mixes
    /// them), and month first when nothing tells (the US form Access Now's sheets use).
    static func slashOrder(_ texts: [String]) -> (order: SlashOrder?, decided: Bool) {
        var dayFirst = false, monthFirst = false
        for text in texts {
            let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "/")
            guard parts.count == 3, let a = Int(parts[0]), let b = Int(parts[1]) else { continue }
            if a > 12 { dayFirst = true }
            if b > 12 { monthFirst = true }
        }
        if dayFirst && monthFirst { return (nil, true) }
        if dayFirst { return (.dayFirst, true) }
        return (.monthFirst, monthFirst)
    }

    /// A spreadsheet's serial day number, as a sheet stores a date cell exported without its
    /// format (`44166` is 2020-12-01: days since 1899-12-30); 1970 to 2099 only.
    static func spreadsheetSerial(_ text: String) -> Day? {
        let text = text.trimmingCharacters(in: .whitespaces)
        guard text.count == 5, text.allSatisfy({ $0.isASCII && $0.isNumber }), let serial = Int(text),
            (25_569...73_050).contains(serial)
        else { return nil }
        return Day(ordinal: serial - 25_569)
    }

    static let accepted = "YYYY-MM-DD, YYYYMMDD, 12-Aug-20, 12 August 2020 or August 12, 2020"
}
