import Foundation

@testable import DiligenceKit

/// Screening answers written by two threads, read after both ended (the memo suites' two-thread
/// tests share it).
final class ScreeningAnswers: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [[ScreeningMatch]]

    init(count: Int) { values = Array(repeating: [], count: count) }

    func set(_ position: Int, _ value: [ScreeningMatch]) {
        lock.lock()
        defer { lock.unlock() }
        values[position] = value
    }

    func get(_ position: Int) -> [ScreeningMatch] {
        lock.lock()
        defer { lock.unlock() }
        return values[position]
    }
}
