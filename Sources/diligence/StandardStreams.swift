import ArgumentParser
import CSystem
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Standard input, output and error as the process found them, and the check that what a
/// command printed reached its standard output: a failed write is exit 2 with a message on
/// standard error, never a silent pass (docs/hardening.md, "Faults").
enum StandardStreams {
    /// Whether standard output was closed when the process started.
    nonisolated(unsafe) private(set) static var outputWasClosed = false

    /// A closed standard stream is opened on a device before anything else is opened, so that no
    /// file the run opens (a policy, a report) takes its number: standard input and error on
    /// `/dev/null`, standard output on `/dev/full`, where every write fails and is reported.
    static func prepare() {
        for descriptor: Int32 in 0...2 where fcntl(descriptor, F_GETFD) == -1 && errno == EBADF {
            let device = descriptor == 1 ? "/dev/full" : "/dev/null"
            let opened = open(device, descriptor == 0 ? O_RDONLY : O_WRONLY)
            if opened != descriptor, opened >= 0 {
                dup2(opened, descriptor)
                close(opened)
            }
            if descriptor == 1 { outputWasClosed = true }
        }
    }

    /// Why writing to standard output failed, in the words of the message.
    static func failure(_ reason: String) -> String {
        outputWasClosed ? "standard output is closed" : reason
    }

    /// Flushes what was printed; when any of it could not be written, says so and exits 2.
    static func finish() {
        if diligence_flush_standard_output() != 0 {
            let reason = failure(String(cString: strerror(errno)))
            FileHandle.standardError.write(Data("error: cannot write to standard output: \(reason)\n".utf8))
            exit(2)
        }
    }
}
