import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The gate fails closed (docs/hardening.md, "Faults"): input the tool could not read, a limit
/// it hit or an output it could not write is exit 2 with a located reason, never a pass.
@Suite(.serialized) struct FailClosedTests {
    static let asOf = ["--as-of", "2020-09-30"]
    static let policy = Executable.root.appendingPathComponent("policies/by-minsk-software-centre.yaml").path
    static let seeds = Executable.root.appendingPathComponent("seeds").path

    // MARK: Databases that are not databases

    /// An empty folder, a folder of non-YAML files, and a database without factors all pass
    /// every policy if read as databases: each is exit 2 with the reason at database.yaml.
    @Test(arguments: ["empty", "no-yaml", "metadata-only", "factors-empty", "lists-empty"])
    func aDatabaseWithoutFactorsOrMetadataIsRefused(_ shape: String) throws {
        let folder = try Executable.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("db")
        try FileManager.default.createDirectory(at: database, withIntermediateDirectories: true)
        switch shape {
        case "no-yaml":
            try Data("notes".utf8).write(to: database.appendingPathComponent("README.md"))
        case "metadata-only":
            try FileManager.default.copyItem(atPath: Self.seeds + "/database.yaml", toPath: database.appendingPathComponent("database.yaml").path)
        case "factors-empty":
            try FileManager.default.copyItem(atPath: Self.seeds + "/database.yaml", toPath: database.appendingPathComponent("database.yaml").path)
            try FileManager.default.copyItem(atPath: Self.seeds + "/lists", toPath: database.appendingPathComponent("lists").path)
            try FileManager.default.createDirectory(at: database.appendingPathComponent("factors"), withIntermediateDirectories: true)
        case "lists-empty":
            try FileManager.default.copyItem(atPath: Self.seeds + "/database.yaml", toPath: database.appendingPathComponent("database.yaml").path)
            try FileManager.default.copyItem(atPath: Self.seeds + "/factors", toPath: database.appendingPathComponent("factors").path)
            try FileManager.default.createDirectory(at: database.appendingPathComponent("lists"), withIntermediateDirectories: true)
        default: break
        }
        let run = try Executable.run(["check", Self.policy, "--db", database.path] + Self.asOf)
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stdout.isEmpty)
        let (place, expected) =
            switch shape {
            case "metadata-only": ("/database.yaml", "the risk database holds no risk factors")
            case "factors-empty": ("/factors", "factors/ holds no YAML file")
            case "lists-empty": ("/lists", "lists/ holds no YAML file")
            default: ("/database.yaml", "not a risk database: no database.yaml")
            }
        #expect(run.stderr.contains(database.path + place + ":1:1: error: " + expected), "\(run.stderr)")
    }

    /// A repository whose `seeds/` (the default `--db`) holds no YAML is refused too.
    @Test func theDefaultDatabaseFolderWithoutYAMLIsRefused() throws {
        let folder = try Executable.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("seeds"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.policy, toPath: folder.appendingPathComponent("p.yaml").path)
        let run = try Executable.run(["check", "p.yaml"] + Self.asOf, in: folder)
        #expect(run.status == 2)
        #expect(run.stderr.contains("seeds/database.yaml:1:1: error: not a risk database"), "\(run.stderr)")
    }

    // MARK: Nothing under a scanned root is dropped without a word

    /// `Policy.YAML` is a policy file like `policy.yaml`.
    @Test func anUpperCaseExtensionIsRead() throws {
        let folder = try Executable.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("version: 1\ncompany: X\nsites:\n  - id: s\n    country: Atlantis\n".utf8).write(to: folder.appendingPathComponent("Policy.YAML"))
        let run = try Executable.run(["check", folder.path] + Self.asOf)
        #expect(run.status == 2)
        #expect(run.stderr.contains(folder.path + "/Policy.YAML:5:14: error: "), "\(run.stderr)")
    }

    @Test func aDanglingLinkNamedLikeAPolicyIsAnError() throws {
        let folder = try Executable.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(atPath: Self.policy, toPath: folder.appendingPathComponent("a.yaml").path)
        #expect(symlink("gone.yaml", folder.appendingPathComponent("b.yaml").path) == 0)
        let run = try Executable.run(["check", folder.path] + Self.asOf)
        #expect(run.status == 2)
        #expect(run.stderr.contains(folder.path + "/b.yaml:1:1: error: symbolic link leads nowhere"), "\(run.stderr)")
    }

    @Test func aPolicyNestedPastTheDepthLimitIsAnError() throws {
        let folder = try Executable.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var deep = folder
        for _ in 0..<66 { deep = deep.appendingPathComponent("d") }
        try FileManager.default.createDirectory(at: deep, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.policy, toPath: deep.appendingPathComponent("p.yaml").path)
        let run = try Executable.run(["check", folder.path] + Self.asOf)
        #expect(run.status == 2)
        #expect(run.stderr.contains("error: folder nested more than 64 levels"), "\(run.stderr)")
    }

    /// Mode 000 folders, run as an unprivileged user (root reads them anyway): a policy
    /// subfolder, the database's `factors/` and its `lists/`.
    @Test(arguments: ["policies/locked", "db/factors", "db/lists"])
    func anUnreadableFolderIsAnError(_ locked: String) throws {
        guard let launcher = Self.unprivileged() else { return }
        let folder = try Executable.temporaryFolder()
        defer {
            chmod(folder.appendingPathComponent(locked).path, 0o755)
            try? FileManager.default.removeItem(at: folder)
        }
        let policies = folder.appendingPathComponent("policies")
        try FileManager.default.createDirectory(at: policies.appendingPathComponent("locked"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.policy, toPath: policies.appendingPathComponent("a.yaml").path)
        try FileManager.default.copyItem(atPath: Self.policy, toPath: policies.appendingPathComponent("locked/b.yaml").path)
        try FileManager.default.copyItem(atPath: Self.seeds, toPath: folder.appendingPathComponent("db").path)
        try Self.openUp(folder)
        #expect(chmod(folder.appendingPathComponent(locked).path, 0) == 0)
        let run = try Executable.run(
            ["check", policies.path, "--db", folder.appendingPathComponent("db").path] + Self.asOf,
            stdinBytes: nil, launcher: launcher)
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains(folder.appendingPathComponent(locked).path + ":1:1: error: cannot read this folder (permission denied)"), "\(run.stderr)")
    }

    /// How to run the executable as a user without privileges: nothing when the tests already
    /// run as one; `setpriv` to `nobody` when they run as root; nil (and a printed reason) when
    /// neither is possible.
    static func unprivileged() -> [String]? {
        if getuid() != 0 { return [] }
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") {
            let launcher = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
            // `nobody` must reach the built executable and its data files: a checkout below a
            // mode-0700 folder (`mktemp -d`) hides them, and then nothing here can be judged.
            if let folder = try? Executable.temporaryFolder() {
                defer { try? FileManager.default.removeItem(at: folder) }
                let copy = folder.appendingPathComponent("probe.yaml")
                if (try? FileManager.default.copyItem(atPath: Self.policy, toPath: copy.path)) != nil, (try? openUp(folder)) != nil,
                    let probe = try? Executable.run(["validate", copy.path], stdinBytes: nil, launcher: launcher), probe.status == 0
                {
                    return launcher
                }
            }
            print("skipped: user nobody cannot run the built executable on its data files (a folder above the checkout is not searchable by others)")
            return nil
        }
        print("skipped: running as root and /usr/bin/setpriv is missing, so a mode-000 folder cannot be made unreadable")
        return nil
    }

    /// Makes a test folder readable and searchable by everyone (the unprivileged run reads it).
    static func openUp(_ folder: URL) throws {
        chmod(folder.path, 0o755)
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return }
        for case let relative as String in walker {
            let path = folder.appendingPathComponent(relative).path
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            chmod(path, isDirectory.boolValue ? 0o755 : 0o644)
        }
    }

    // MARK: Hidden characters

    /// ESC, BEL, backspace, DEL, a C1 control and U+202E in a company and a site name reach no
    /// report raw: every format writes them out (or, on a terminal line, as `?`).
    @Test func hiddenCharactersAreWrittenOutInEveryFormat() throws {
        let out = try Executable.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let policy = Executable.fixtures.appendingPathComponent("fail-closed/hidden-characters.yaml").path
        let run = try Executable.run(["check", policy] + Self.asOf + ["--format", "markdown,json,text,github,sarif,junit", "--output", out.path])
        #expect(run.status == 1, "\(run.stderr)")
        let raw: [[UInt8]] = [[0x1B], [0x07], [0x08], [0x7F], [0x00], [0xC2, 0x85], [0xE2, 0x80, 0xAE], [0xE2, 0x80, 0xAC]]
        for name in ["report.md", "report.json", "report.txt", "report.github.txt", "report.sarif", "report.junit.xml"] {
            let bytes = [UInt8](try Data(contentsOf: out.appendingPathComponent(name)))
            for sequence in raw {
                #expect(!Self.contains(bytes, sequence), "\(name) holds \(sequence) raw")
            }
        }
        let markdown = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(markdown.contains("Evil\\u{1B}\\[2J\\u{1B}\\]0;pwned\\u{7} Co\\u{8}\\u{7F}\\u{85} \\u{202E}gnp.exe"))
        let github = try String(contentsOf: out.appendingPathComponent("report.github.txt"), encoding: .utf8)
        #expect(github.contains("Evil\\u{1B}[2J\\u{1B}]0;pwned\\u{7} Co\\u{8}\\u{7F}\\u{85} \\u{202E}gnp.exe"))
        // JSON keeps the text (a parser reads back the same name), escaped.
        let json = try Data(contentsOf: out.appendingPathComponent("report.json"))
        let document = try JSONSerialization.jsonObject(with: json) as? [String: Any]
        let policies = document?["policies"] as? [[String: Any]]
        #expect(policies?.first?["company"] as? String == "Evil\u{1B}[2J\u{1B}]0;pwned\u{7} Co\u{8}\u{7F}\u{85} \u{202E}gnp.exe")
        #expect(String(decoding: json, as: UTF8.self).contains("\\u202egnp.exe"))
    }

    static func contains(_ bytes: [UInt8], _ sequence: [UInt8]) -> Bool {
        guard bytes.count >= sequence.count else { return false }
        for start in 0...(bytes.count - sequence.count) where bytes[start] == sequence[0] {
            if Array(bytes[start..<(start + sequence.count)]) == sequence { return true }
        }
        return false
    }
}
