import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Nothing lost on interruption (issue 6): a `check --output` run stopped by SIGINT at any moment
/// leaves no temporary file beside the report, and the report file holds either the earlier
/// report, byte for byte, or the complete new one, never a part of it.
@Suite(.serialized) struct InterruptTests {
    @Test func interruptedCheckLeavesTheEarlierReportOrTheCompleteNewOne() throws {
        let folder = try Executable.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Ten copies of the example policies make a run long enough to stop in every phase.
        let portfolio = folder.appendingPathComponent("portfolio")
        for copy in 0..<10 {
            try FileManager.default.copyItem(
                at: Executable.root.appendingPathComponent("policies"),
                to: portfolio.appendingPathComponent("copy-\(copy)"))
        }
        let reports = folder.appendingPathComponent("reports")
        try FileManager.default.createDirectory(at: reports, withIntermediateDirectories: true)
        let report = reports.appendingPathComponent("report.md")
        let earlier = Data("# An earlier report that a failed or stopped run must not touch\n".utf8)
        let arguments = [
            "check", portfolio.path, "--db", Executable.root.appendingPathComponent("seeds").path,
            "--as-of", "2020-09-30", "--format", "markdown", "--output", report.path,
        ]

        // The complete report, and how long a whole run takes.
        let started = ContinuousClock.now
        let complete = try Executable.run(arguments)
        let duration = ContinuousClock.now - started
        #expect(complete.status == 1, "\(complete.stderr)")
        let full = try Data(contentsOf: report)
        #expect(full.count > 10_000)

        var outcomes: [String] = []
        for step in 0..<10 {
            try earlier.write(to: report)
            let pid = try spawnWithDefaultInterrupt(Executable.path, arguments)
            Thread.sleep(forTimeInterval: Double(step) / 10 * duration.seconds)
            kill(pid, SIGINT)
            var status: Int32 = 0
            waitpid(pid, &status, 0)

            let left = try FileManager.default.contentsOfDirectory(atPath: reports.path)
            #expect(left == ["report.md"], "step \(step): files left beside the report: \(left)")
            let contents = try Data(contentsOf: report)
            #expect(
                contents == earlier || contents == full, "step \(step): the report holds \(contents.count) bytes, neither the earlier nor the complete report")
            outcomes.append(contents == earlier ? "earlier" : "complete")
        }
        // The early interruptions stop the run before it writes anything.
        #expect(outcomes.first == "earlier", "\(outcomes)")
    }
}

/// Starts the executable with SIGINT at its default action: a test runner started in the
/// background by a shell inherits SIGINT ignored, and Foundation's Process passes that on.
private func spawnWithDefaultInterrupt(_ path: String, _ arguments: [String]) throws -> pid_t {
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var defaults = sigset_t()
    sigemptyset(&defaults)
    sigaddset(&defaults, SIGINT)
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    var unblocked = sigset_t()
    sigemptyset(&unblocked)
    posix_spawnattr_setsigmask(&attributes, &unblocked)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv = ([path] + arguments).map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    var pid: pid_t = 0
    let result = posix_spawn(&pid, path, &actions, &attributes, argv, environ)
    guard result == 0 else { throw POSIXError(POSIXErrorCode(rawValue: result) ?? .EINVAL) }
    return pid
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
