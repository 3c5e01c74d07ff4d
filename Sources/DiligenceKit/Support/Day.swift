/// A calendar day (proleptic Gregorian, no time zone), the unit of every date in policies,
/// the risk database and reports.
public struct Day: Sendable, Hashable, Comparable, StringCodable {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...Day.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD` (ASCII digits).
    public init?(iso text: String) {
        var text = text
        guard let parsed = text.withUTF8(Day.parse) else { return nil }
        self.init(year: parsed.year, month: parsed.month, day: parsed.day)
    }

    /// `YYYY-MM-DD` as numbers, or nil.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> (year: Int, month: Int, day: Int)? {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            let year = number(bytes, 0, 4), let month = number(bytes, 5, 2), let day = number(bytes, 8, 2)
        else { return nil }
        return (year, month, day)
    }

    /// The decimal number of `count` ASCII digits at `start`, or nil.
    static func number(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> Int? {
        var value = 0
        for index in start..<(start + count) {
            let digit = Int(bytes[index]) - 48
            guard (0...9).contains(digit) else { return nil }
            value = value * 10 + digit
        }
        return value
    }

    /// `YYYY-MM-DD`, written as its ten bytes into one small (inline) string: reports write
    /// a date for every cited event and exposure, and joining five texts cost 2,600 instructions.
    public var description: String {
        guard (0...9999).contains(year), (0...99).contains(month), (0...99).contains(day) else {
            let y = String(year), m = String(month), d = String(day)
            return String(repeating: "0", count: max(0, 4 - y.count)) + y + "-"
                + (m.count < 2 ? "0" : "") + m + "-" + (d.count < 2 ? "0" : "") + d
        }
        return String(unsafeUninitializedCapacity: 10) { bytes in
            let zero = UInt8(ascii: "0")
            bytes[0] = zero + UInt8(year / 1000)
            bytes[1] = zero + UInt8(year / 100 % 10)
            bytes[2] = zero + UInt8(year / 10 % 10)
            bytes[3] = zero + UInt8(year % 10)
            bytes[4] = UInt8(ascii: "-")
            bytes[5] = zero + UInt8(month / 10)
            bytes[6] = zero + UInt8(month % 10)
            bytes[7] = UInt8(ascii: "-")
            bytes[8] = zero + UInt8(day / 10)
            bytes[9] = zero + UInt8(day % 10)
            return 10
        }
    }

    /// Days since 1970-01-01.
    public var ordinal: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public init(ordinal: Int) {
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    public func adding(days: Int) -> Day { Day(ordinal: ordinal + days) }

    /// Whole days from `self` to `other` (positive when `other` is later).
    public func days(until other: Day) -> Int { other.ordinal - ordinal }

    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.ordinal < rhs.ordinal }

    static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static let expectedText = "a YYYY-MM-DD date"

    /// The day of a `YYYY-MM-DD` string (`init?(iso:)`).
    public init?(_ description: String) { self.init(iso: description) }
}

/// A date given to year, month or day precision, as sources cite them ("2020-09").
public struct PartialDate: Sendable, Hashable, Comparable, StringCodable {
    public let text: String
    /// The first day the date can mean, for ordering.
    public let earliest: Day

    public init?(_ text: String) {
        var utf8 = text
        let parsed: Day? = utf8.withUTF8 { buffer in
            switch buffer.count {
            case 4:
                return Day.number(buffer, 0, 4).flatMap { Day(year: $0, month: 1, day: 1) }
            case 7:
                guard buffer[4] == UInt8(ascii: "-"), let year = Day.number(buffer, 0, 4), let month = Day.number(buffer, 5, 2) else { return nil }
                return Day(year: year, month: month, day: 1)
            default:
                return Day.parse(buffer).flatMap { Day(year: $0.year, month: $0.month, day: $0.day) }
            }
        }
        guard let parsed else { return nil }
        earliest = parsed
        self.text = text
    }

    public var description: String { text }

    public static func < (lhs: PartialDate, rhs: PartialDate) -> Bool {
        (lhs.earliest, lhs.text) < (rhs.earliest, rhs.text)
    }

    public static let expectedText = "a date"
}
