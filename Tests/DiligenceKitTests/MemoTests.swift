import Dispatch
import Foundation
import Testing

@testable import DiligenceKit

/// A memo's answer made once: threads that ask for a key being made wait for that answer.
@Suite struct MemoTests {
    /// Counts the makings, under a lock.
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var counts: [String: Int] = [:]
        func add(_ key: String) {
            lock.lock()
            counts[key, default: 0] += 1
            lock.unlock()
        }
        var all: [String: Int] {
            lock.lock()
            defer { lock.unlock() }
            return counts
        }
    }

    @Test func eachKeyIsMadeOnceWhateverTheThreadsThatAsk() {
        let memo = Memo<String, [Int]>(capacity: 100)
        let counter = Counter()
        let keys = ["MZ", "ML", "BY", "MZ cyrillic"]
        DispatchQueue.concurrentPerform(iterations: 64) { iteration in
            let key = keys[iteration / 16]
            let value = memo.valueMadeOnce(
                for: key,
                make: {
                    counter.add(key)
                    // Long enough for the other threads to ask meanwhile.
                    usleep(2_000)
                    return Array(repeating: key.utf8.count, count: 3)
                })
            #expect(value == Array(repeating: key.utf8.count, count: 3))
        }
        #expect(counter.all == Dictionary(uniqueKeysWithValues: keys.map { ($0, 1) }))
    }
}
