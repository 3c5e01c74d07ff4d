/// How old a source's snapshot is at the as-of date, in words a signer reads: "88 days",
/// "12 months", "taken 2,264 days after the as-of date", or "not dated".
public enum SnapshotAge {
    /// The age of `date` (`YYYY-MM-DD` or `YYYY-MM`; anything else is not dated) at `asOf`.
    public static func describe(_ date: String?, asOf: Day) -> String {
        guard let date else { return "not dated" }
        if let day = Day(iso: date) {
            let days = day.days(until: asOf)
            if days == 0 { return "0 days (the as-of date)" }
            return days > 0 ? "\(days) day\(days == 1 ? "" : "s")" : "taken \(-days) day\(days == -1 ? "" : "s") after the as-of date"
        }
        let parts = date.split(separator: "-")
        if parts.count == 2, parts[0].count == 4, parts[1].count == 2, let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month) {
            let months = (asOf.year - year) * 12 + (asOf.month - month)
            if months == 0 { return "under a month" }
            return months > 0 ? "\(months) month\(months == 1 ? "" : "s")" : "taken \(-months) month\(months == -1 ? "" : "s") after the as-of date"
        }
        return "not dated"
    }
}
