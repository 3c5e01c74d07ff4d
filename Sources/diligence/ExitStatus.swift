import ArgumentParser

/// The exit codes of every command, as `diligence --help` lists them.
enum ExitStatus: Int32 {
    /// No finding at or above `--fail-on`.
    case clean = 0
    /// The gate failed: a finding at or above `--fail-on`, or an expired acceptance.
    case findings = 1
    /// Invalid input: a policy, database or list file with problems, or a file that cannot be written.
    case invalidInput = 2
    /// A wrong command line (argument-parser's `ValidationError`).
    case usage = 64
}

extension ExitCode {
    init(_ status: ExitStatus) {
        self.init(status.rawValue)
    }

    static let findings = ExitCode(ExitStatus.findings)
    static let invalidInput = ExitCode(ExitStatus.invalidInput)
}
