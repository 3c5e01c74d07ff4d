import Foundation

/// Wall-clock time of each phase of a run, for `--timings` (the benchmark reads this line).
struct PhaseClock {
    private let start = DispatchTime.now().uptimeNanoseconds
    private var last = DispatchTime.now().uptimeNanoseconds
    private var phases: [(name: String, milliseconds: Double)] = []

    /// Ends the current phase, naming it.
    mutating func lap(_ name: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        phases.append((name, Double(now - last) / 1e6))
        last = now
    }

    /// `timing: database=12.3ms policies=456.7ms ... total=600.0ms`
    var summary: String {
        let total = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        return "timing: " + (phases + [("total", total)]).map { "\($0.name)=" + String(format: "%.1f", $0.milliseconds) + "ms" }.joined(separator: " ")
    }
}
