/// How precisely a source dates something: to the day, the month or the year. A month-precise
/// date (`2020-03`) is stored as its first day for ordering, but never shown or counted as that
/// day: text says "March 2020 (month)", and recency is counted from the last day it can mean.
public enum DatePrecision: String, Sendable, Hashable, Codable, Comparable {
    case day, month, year

    /// The precision of a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` text.
    public init(of date: PartialDate) {
        switch date.text.utf8.count {
        case 4: self = .year
        case 7: self = .month
        default: self = .day
        }
    }

    public static func < (lhs: DatePrecision, rhs: DatePrecision) -> Bool {
        let order: [DatePrecision] = [.day, .month, .year]
        return (order.firstIndex(of: lhs) ?? 0) < (order.firstIndex(of: rhs) ?? 0)
    }

    /// The last day a date of this precision starting on `first` can mean.
    public func lastDay(from first: Day) -> Day {
        switch self {
        case .day: return first
        case .month: return Day(year: first.year, month: first.month, day: Day.daysIn(month: first.month, year: first.year)) ?? first
        case .year: return Day(year: first.year, month: 12, day: 31) ?? first
        }
    }

    static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July",
        "August", "September", "October", "November", "December",
    ]

    /// "2020-08-12", "March 2020 (month)" or "2017 (year)".
    public func describe(_ first: Day) -> String {
        switch self {
        case .day: return first.description
        case .month: return "\(Self.monthNames[max(0, min(11, first.month - 1))]) \(first.year) (month)"
        case .year: return "\(first.year) (year)"
        }
    }

    /// The data form: "2020-08-12", "2020-03" or "2017".
    public func text(_ first: Day) -> String {
        switch self {
        case .day: return first.description
        case .month: return String(first.description.prefix(7))
        case .year: return String(first.description.prefix(4))
        }
    }
}
