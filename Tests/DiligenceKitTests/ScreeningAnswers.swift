import Foundation

@testable import DiligenceKit

/// Screening answers written by two threads, read after both ended (the memo suites' two-thread
/// tests share it).
final class ScreeningAnswers: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [[ScreeningMatch]]

    init(count: Int) { values = Array(repeating: [], count: count) }

    /// The answers to `count` questions asked by two threads at once, the first in order and the
    /// second in reverse: thread `t`'s answer to question `i` is at `t * count + i`.
    static func byTwoThreads(count: Int, _ answer: @Sendable (Int) -> [ScreeningMatch]) -> ScreeningAnswers {
        let answers = ScreeningAnswers(count: count * 2)
        DispatchQueue.concurrentPerform(iterations: 2) { thread in
            let order = thread == 0 ? Array(0..<count) : (0..<count).reversed()
            for position in order {
                answers.set(thread * count + position, answer(position))
            }
        }
        return answers
    }

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
