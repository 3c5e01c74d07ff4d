import Foundation

/// A cache of list files already validated: the entries of a list file, in a compact binary
/// form, under the SHA-256 of the file's bytes. A list file that has not changed loads without
/// being parsed again (an OFAC-size list: about 0.5 s parsed, a few tens of milliseconds from
/// the cache). A cache file is only ever a copy of what a successful load produced; anything
/// unexpected in one (truncated, corrupt, from another version) is ignored and the list parsed.
///
/// The folder is `$DILIGENCE_CACHE_DIR`, else `$XDG_CACHE_HOME/diligence`, else
/// `~/.cache/diligence`; `DILIGENCE_CACHE=off` turns the cache off (`ListCache.standard`).
public struct ListCache: Sendable {
    public let folder: URL

    public init(folder: URL) {
        self.folder = folder
    }

    /// The cache the command-line tool uses, from the environment; nil when turned off.
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> ListCache? {
        if environment["DILIGENCE_CACHE"] == "off" { return nil }
        if let folder = environment["DILIGENCE_CACHE_DIR"], !folder.isEmpty {
            return ListCache(folder: URL(fileURLWithPath: folder))
        }
        if let folder = environment["XDG_CACHE_HOME"], !folder.isEmpty {
            return ListCache(folder: URL(fileURLWithPath: folder).appendingPathComponent("diligence"))
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return ListCache(folder: URL(fileURLWithPath: home).appendingPathComponent(".cache/diligence"))
    }

    /// Changes whenever the encoding, or what a load makes of a list file, may change.
    static let formatVersion = "diligence-list-cache 2 " + DiligenceVersion.current

    func url(for digest: String) -> URL {
        folder.appendingPathComponent("lists").appendingPathComponent(digest + ".bin")
    }

    /// The entries cached for a list file with this digest, shown as `file`; nil when absent or unusable.
    public func entities(digest: String, file: String, countries: CountryTable) -> [ListedEntity]? {
        // Read with one open and fstat, straight into the bytes the reader decodes.
        guard let bytes = try? InputFile.read(url(for: digest).path, display: file, limit: Int.max) else { return nil }
        var reader = Reader(bytes: bytes)
        return reader.entities(file: file, countries: countries)
    }

    /// Stores the entries of a list file that loaded without error; failures are ignored (a
    /// read-only home only means no cache).
    public func store(_ entities: [ListedEntity], digest: String) {
        let bytes = Self.encode(entities)
        let target = url(for: digest)
        let folder = target.deletingLastPathComponent()
        guard (try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)) != nil else { return }
        let temporary = folder.appendingPathComponent(".\(digest).tmp-\(getpid())")
        guard FileManager.default.createFile(atPath: temporary.path, contents: Data(bytes)) else { return }
        if rename(temporary.path, target.path) != 0 { unlink(temporary.path) }
    }

    /// The cache file: the format version, the SHA-256 of the payload (so a damaged file is
    /// noticed before it is decoded), and the payload (the count, then each entry).
    static func encode(_ entities: [ListedEntity]) -> [UInt8] {
        var payload = Writer()
        payload.unsigned(UInt64(entities.count))
        for entity in entities { payload.entity(entity) }
        var file = Writer()
        file.text(formatVersion)
        file.text(SHA256.hex(payload.bytes))
        file.bytes += payload.bytes
        return file.bytes
    }

    // MARK: Encoding

    /// Lengths and numbers as LEB128 varints (zig-zag for signed), text as length + UTF-8.
    struct Writer {
        var bytes: [UInt8] = []

        mutating func unsigned(_ value: UInt64) {
            var value = value
            while value >= 0x80 {
                bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
                value >>= 7
            }
            bytes.append(UInt8(value))
        }

        mutating func integer(_ value: Int) {
            unsigned(UInt64(bitPattern: Int64((value << 1) ^ (value >> 63))))
        }

        mutating func text(_ value: String) {
            unsigned(UInt64(value.utf8.count))
            bytes.append(contentsOf: value.utf8)
        }

        mutating func optional(_ value: String?) {
            if let value {
                bytes.append(1)
                text(value)
            } else {
                bytes.append(0)
            }
        }

        mutating func texts(_ values: [String]) {
            unsigned(UInt64(values.count))
            for value in values { text(value) }
        }

        mutating func entity(_ entity: ListedEntity) {
            text(entity.id)
            text(entity.name)
            texts(entity.aliases)
            text(entity.kind.rawValue)
            optional(entity.country?.code)
            texts(entity.listedBy)
            optional(entity.programme)
            texts(entity.measures)
            optional(entity.since?.description)
            optional(entity.role)
            unsigned(UInt64(entity.references.count))
            for reference in entity.references {
                text(reference.source)
                optional(reference.title)
                optional(reference.date?.text)
                optional(reference.quote)
                optional(reference.url)
            }
            integer(entity.mark.line)
            integer(entity.mark.column)
        }
    }

    /// Reads what `Writer` wrote; every read is bounds-checked and any surprise gives nil.
    struct Reader {
        let bytes: [UInt8]
        var offset = 0

        init(bytes: [UInt8]) {
            self.bytes = bytes
        }

        mutating func unsigned() -> UInt64? {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while offset < bytes.count, shift < 64 {
                let byte = bytes[offset]
                offset += 1
                value |= UInt64(byte & 0x7F) << shift
                if byte & 0x80 == 0 { return value }
                shift += 7
            }
            return nil
        }

        mutating func count() -> Int? {
            guard let value = unsigned(), value <= UInt64(bytes.count - offset) else { return nil }
            return Int(value)
        }

        mutating func integer() -> Int? {
            guard let raw = unsigned() else { return nil }
            return Int(Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1))
        }

        mutating func text() -> String? {
            guard let length = count() else { return nil }
            let end = offset + length
            // The payload's checksum matched: the text is what was written (valid UTF-8).
            let value = bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[offset..<end]), as: UTF8.self) }
            offset = end
            return value
        }

        mutating func optional() -> String?? {
            guard offset < bytes.count else { return nil }
            let flag = bytes[offset]
            offset += 1
            switch flag {
            case 0: return .some(nil)
            case 1: return text().map { .some($0) }
            default: return nil
            }
        }

        mutating func texts() -> [String]? {
            guard let count = count() else { return nil }
            var values: [String] = []
            values.reserveCapacity(count)
            for _ in 0..<count {
                guard let value = text() else { return nil }
                values.append(value)
            }
            return values
        }

        mutating func entities(file: String, countries: CountryTable) -> [ListedEntity]? {
            guard text() == ListCache.formatVersion, let checksum = text(),
                checksum == bytes.withUnsafeBufferPointer({ SHA256.hex(UnsafeBufferPointer(rebasing: $0[offset...])) }),
                let count = count()
            else { return nil }
            var entities: [ListedEntity] = []
            entities.reserveCapacity(count)
            for _ in 0..<count {
                guard let entity = entity(file: file, countries: countries) else { return nil }
                entities.append(entity)
            }
            return offset == bytes.count ? entities : nil
        }

        mutating func entity(file: String, countries: CountryTable) -> ListedEntity? {
            guard let id = text(), let name = text(), let aliases = texts(),
                let kind = text().flatMap(ListedEntity.Kind.init(rawValue:)),
                let countryCode = optional(), let listedBy = texts(), let programme = optional(),
                let measures = texts(), let since = optional(), let role = optional(), let referenceCount = count()
            else { return nil }
            var country: Country?
            if let code = countryCode {
                guard let known = countries.country(code: code) else { return nil }
                country = known
            }
            var day: Day?
            if let since {
                guard let parsed = Day(iso: since) else { return nil }
                day = parsed
            }
            var references: [Reference] = []
            for _ in 0..<referenceCount {
                guard let source = text(), let title = optional(), let date = optional(), let quote = optional(), let url = optional() else { return nil }
                var partial: PartialDate?
                if let date {
                    guard let parsed = PartialDate(date) else { return nil }
                    partial = parsed
                }
                references.append(Reference(source: source, title: title, date: partial, quote: quote, url: url))
            }
            guard let line = integer(), let column = integer() else { return nil }
            return ListedEntity(
                id: id, name: name, aliases: aliases, kind: kind, country: country, listedBy: listedBy,
                programme: programme, measures: measures, since: day, references: references,
                file: file, mark: Mark(line: line, column: column), role: role)
        }
    }
}
