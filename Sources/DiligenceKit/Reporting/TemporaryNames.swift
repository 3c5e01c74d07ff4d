import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The names of the temporary files and folders reports are written through, and the removal
/// of those that a killed run left behind.
///
/// A name is `.<target>.diligence-<pid>-XXXXXX`: the process that made it, and six random
/// characters (`mkstemp`, `mkdtemp`). Before writing beside a target, a run removes the
/// temporaries in that folder whose process is gone (and the `.<target>.tmp-<pid>` files of
/// earlier versions); a live process's are left alone.
enum TemporaryNames {
    static func template(in folder: String, for name: String) -> String {
        (folder.hasSuffix("/") ? folder : folder + "/") + "." + name + ".diligence-\(getpid())-XXXXXX"
    }

    /// The process id a temporary name carries, nil for any other name.
    static func owner(of name: String) -> pid_t? {
        guard name.hasPrefix(".") else { return nil }
        if let range = name.range(of: ".diligence-", options: .backwards) {
            let rest = name[range.upperBound...]
            let parts = rest.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 2, parts[1].count == 6, parts[1].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }),
                let pid = pid_t(parts[0]), pid > 0
            else { return nil }
            return pid
        }
        if let range = name.range(of: ".tmp-", options: .backwards), let pid = pid_t(name[range.upperBound...]), pid > 0 {
            return pid
        }
        return nil
    }

    /// Removes the temporaries in `folder` whose process no longer runs.
    static func removeStale(in folder: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names {
            guard let pid = owner(of: name), pid != getpid() else { continue }
            if kill(pid, 0) == 0 || errno != ESRCH { continue }
            try? FileManager.default.removeItem(atPath: (folder.hasSuffix("/") ? folder : folder + "/") + name)
        }
    }
}
