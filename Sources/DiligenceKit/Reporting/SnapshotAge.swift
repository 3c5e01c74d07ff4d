/// How old a source's snapshot is at the as-of date, in words a signer reads: "88 days",
/// "12 months", "taken 2,264 days after the as-of date", or "not dated".
public enum SnapshotAge {
    /// Days from a `YYYY-MM-DD` date to `asOf` (negative when taken after it); nil otherwise.
    public static func days(_ date: String?, asOf: Day) -> Int? {
        date.flatMap(Day.init(iso:)).map { $0.days(until: asOf) }
    }

    /// The age of `date` (`YYYY-MM-DD` or `YYYY-MM`; anything else is not dated) at `asOf`.
    public static func describe(_ date: String?, asOf: Day) -> String {
        guard let date else { return "not dated" }
        if let day = Day(iso: date) {
            let days = day.days(until: asOf)
            if days == 0 { return "0 days (the as-of date)" }
            return days > 0
                ? "\(days) day\(days == 1 ? "" : "s")"
                : "not known at the as-of date: taken \(-days) day\(days == -1 ? "" : "s") after it; only its facts dated by the as-of date are used"
        }
        let parts = date.split(separator: "-")
        if parts.count == 2, parts[0].count == 4, parts[1].count == 2, let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month) {
            let months = (asOf.year - year) * 12 + (asOf.month - month)
            if months == 0 { return "under a month" }
            return months > 0
                ? "\(months) month\(months == 1 ? "" : "s")"
                : "not known at the as-of date: taken \(-months) month\(months == -1 ? "" : "s") after it; only its facts dated by the as-of date are used"
        }
        return "not dated"
    }
}

/// How old the database is at the as-of date: the days from its newest factor review on or
/// before the as-of date to it, and how many factors were reviewed only after it.
public struct DatabaseAge: Sendable, Hashable {
    /// The newest review on or before the as-of date (nil: every review is later).
    public var newestKnownReview: Day?
    /// Days from that review to the as-of date.
    public var days: Int?
    /// Factors reviewed after the as-of date: their facts dated later are not used.
    public var reviewedAfter: Int

    public init(reviews: [Day], asOf: Day) {
        newestKnownReview = reviews.filter { $0 <= asOf }.max()
        days = newestKnownReview.map { $0.days(until: asOf) }
        reviewedAfter = reviews.filter { $0 > asOf }.count
    }

    /// "The database is 100 days old at the as-of date (newest review on or before it: 2020-09-22)."
    public var sentence: String {
        var text: String
        if let newestKnownReview, let days {
            text = "The database is \(days) day\(days == 1 ? "" : "s") old at the as-of date (newest factor review on or before it: \(newestKnownReview))."
        } else {
            text = "No factor of the database had been reviewed by the as-of date: it describes a later time."
        }
        if reviewedAfter > 0 {
            text +=
                " \(reviewedAfter) factor\(reviewedAfter == 1 ? " was" : "s were") reviewed after the as-of date; \(reviewedAfter == 1 ? "its" : "their") facts dated after it are not used."
        }
        return text
    }
}
