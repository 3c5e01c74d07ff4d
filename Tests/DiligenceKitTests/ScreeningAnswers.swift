import Foundation
import Testing

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

    /// Asks `screener` every query from two threads at once (`byTwoThreads`) and expects each
    /// thread's answer to equal `expected`'s; returns how many answers matched a listed entity.
    static func expectBothThreads(
        of screener: NameScreener, _ queries: [(ScreeningQuery, Double)], toAnswer expected: [[ScreeningMatch]]
    ) -> Int {
        let answers = byTwoThreads(count: queries.count) { position in screener.screen(queries[position].0, threshold: queries[position].1) }
        var matched = 0
        for thread in 0..<2 {
            for position in queries.indices {
                let answer = answers.get(thread * queries.count + position)
                #expect(answer == expected[position], "\(queries[position].0.name) \(String(describing: queries[position].0.country))")
                if !answer.isEmpty { matched += 1 }
            }
        }
        return matched
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
