import ArgumentParser
import DiligenceKit

/// What `check` and `report merge` share around their output plan: refusing an output that is
/// an input, and writing the reports with a failure reported as exit 2.
extension OutputPlan {
    /// Each output that is also an input of the run on standard error, then exit 2; nothing
    /// when there is none.
    func refuseClashes(withInputs inputs: [String]) throws {
        let clashes = clashes(withInputs: inputs)
        guard clashes.isEmpty else {
            clashes.forEach(printError)
            throw ExitCode.invalidInput
        }
    }

    /// Writes the reports as planned; when that fails, the reason on standard error and exit 2.
    func writeOrExit(_ reports: [ReportContent]) throws {
        do {
            try write(reports)
        } catch {
            printError(target == .standardOutput ? "error: cannot write report: \(StandardStreams.failure(error.reason))" : error.description)
            throw ExitCode.invalidInput
        }
    }
}
