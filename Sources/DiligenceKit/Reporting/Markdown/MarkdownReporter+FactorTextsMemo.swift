import Foundation

extension MarkdownReporter {
    /// Each factor's `FactorTexts`, made once a run (held by the run's `FactorCatalog`) instead
    /// of once for each company's group of its findings: a texts' events are read out when it is
    /// made, so the workers share it only to read. A factor is found by its id, and its texts are
    /// used only for that very factor (equal to the one they were made of: the catalog's own
    /// factor is the same value, compared by identity first); another factor of that id replaces it.
    final class FactorTextsMemo: @unchecked Sendable {
        private let lock = NSLock()
        private var byID: [String: FactorTexts] = [:]

        init() {}

        /// The factor's texts, made now when none are held for it.
        func texts(of factor: RiskFactor) -> FactorTexts {
            lock.lock()
            defer { lock.unlock() }
            if let held = byID[factor.id], held.factor == factor { return held }
            let made = FactorTexts(factor)
            made.readEvents()
            if byID.count >= 4_096 { byID.removeAll(keepingCapacity: true) }
            byID[factor.id] = made
            return made
        }
    }
}
