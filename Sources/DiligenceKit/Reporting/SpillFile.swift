import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An anonymous temporary file that a report's per-policy stream is appended to while the
/// check runs, and copied into the report once the parts around it are known. It is unlinked
/// as soon as it is made, so nothing is left behind however the process ends; it is closed when
/// the last reference goes. A write that fails is remembered and reported when the report is
/// written (`failure`).
final class SpillFile: @unchecked Sendable {
    private let descriptor: Int32
    /// Bytes written so far.
    private(set) var size = 0
    /// Why a write failed, if one did (the file then holds less than was appended).
    private(set) var failure: String?
    /// The bytes of each section appended (`append(_:_:)`), in order: one per policy, so that a
    /// layout can place a policy's section on its own (`ReportPiece.streamSection`).
    private(set) var sections: [Range<Int>] = []
    /// Where a section's holes are filled before it is written (`append(_:_:)`), kept for the
    /// next: as long as the longest section so far.
    private var scratch: [UInt8] = []

    /// A new empty file in `folder`.
    init(in folder: String) throws(ReportWriter.WriteError) {
        var template = Array((folder.hasSuffix("/") ? folder : folder + "/").utf8CString.dropLast()) + Array(".diligence-stream-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return -1 }
            return mkstemp(base)
        }
        guard descriptor >= 0 else {
            throw ReportWriter.WriteError(path: folder, reason: "cannot create a temporary file: \(String(cString: strerror(errno)))")
        }
        template.withUnsafeBufferPointer { buffer in
            if let base = buffer.baseAddress { _ = unlink(base) }
        }
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    /// Appends the text's UTF-8 bytes.
    func append(_ text: String) {
        guard failure == nil, !text.isEmpty else { return }
        if let failure = ReportWriter.writeAll(text, to: descriptor) {
            self.failure = failure
            return
        }
        size += text.utf8.count
    }

    /// Appends bytes (a printed PDF).
    func append(bytes: [UInt8]) {
        bytes.withUnsafeBytes { append(raw: $0) }
    }

    /// Appends the section to the stream, after its separator when the stream holds text. A
    /// section made as bytes with no hole is written from its own bytes; one with holes is
    /// filled into `scratch`, kept from section to section (no array made for each).
    func append(_ section: ReportSection, _ citations: Citations) {
        let start = size
        let afterText = size > 0
        if section.withUnfilledBytes(afterText: afterText, { append(raw: UnsafeRawBufferPointer($0)) }) {
            // Written as it is.
        } else if let bound = section.filledByteBound(afterText: afterText) {
            if scratch.count < bound { scratch = [UInt8](repeating: 0, count: max(bound, 2 * scratch.count)) }
            scratch.withUnsafeMutableBufferPointer { target in
                let count = section.fill(citations, afterText: afterText, into: target)
                append(raw: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: target[..<count])))
            }
        } else {
            append(section.text(citations, afterText: afterText))
        }
        sections.append(start..<size)
    }

    /// Appends bytes in memory.
    private func append(raw bytes: UnsafeRawBufferPointer) {
        guard failure == nil, !bytes.isEmpty else { return }
        if let failure = ReportWriter.writeAll(bytes, to: descriptor) {
            self.failure = failure
            return
        }
        size += bytes.count
    }

    /// Copies the whole file to `target`; nil on success, else the reason.
    func copy(to target: Int32) -> String? {
        copy(0..<size, to: target)
    }

    /// Copies the bytes of one appended section (by its index) to `target`.
    func copy(section index: Int, to target: Int32) -> String? {
        if let failure { return failure }
        guard sections.indices.contains(index) else { return nil }
        return copy(sections[index], to: target)
    }

    /// Copies the bytes in `range` to `target`; nil on success, else the reason. On Linux the
    /// kernel copies them (`sendfile`: no pass through this process's memory); elsewhere, or
    /// where `sendfile` cannot write to the target, a buffer at a time.
    private func copy(_ range: Range<Int>, to target: Int32) -> String? {
        if let failure { return failure }
        let end = min(range.upperBound, size)
        var offset = range.lowerBound
        #if os(Linux)
        var position = off_t(offset)
        while offset < end {
            let count = sendfile(target, descriptor, &position, end - offset)
            if count < 0 {
                if errno == EINTR { continue }
                // Not a target sendfile writes to: copied through a buffer, from where it stopped.
                if errno == EINVAL || errno == ENOSYS { break }
                return String(cString: strerror(errno))
            }
            if count == 0 { return "the temporary file is shorter than written" }
            offset += count
        }
        #endif
        if offset >= end { return nil }
        let chunk = 1 << 20
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: chunk, alignment: 16)
        defer { buffer.deallocate() }
        while offset < end {
            let count = pread(descriptor, buffer, min(chunk, end - offset), off_t(offset))
            if count < 0 {
                if errno == EINTR { continue }
                return String(cString: strerror(errno))
            }
            if count == 0 { return "the temporary file is shorter than written" }
            if let failure = ReportWriter.writeAll(UnsafeRawBufferPointer(start: buffer, count: count), to: target) { return failure }
            offset += count
        }
        return nil
    }
}

/// A piece of a report as it is written: text, or a stream spilled to a temporary file.
enum ReportChunk: Sendable {
    case text(String)
    case spilled(SpillFile)
    /// One policy's section of a spilled stream (by its index in the result's policies).
    case spilledSection(SpillFile, Int)
    /// Text made as it is written (`DeferredText`).
    case deferred(DeferredText)
}

/// Text of a report made when the report is written rather than when it is laid out, and
/// handed over a part at a time: the closing tables of a portfolio's JSON report (tens of
/// megabytes on 20,000 files) are encoded straight into the file, never held whole. Making it
/// twice gives the same bytes (it reads only values the run no longer changes).
final class DeferredText: Sendable, Equatable {
    private let produce: @Sendable (_ write: (String) -> Bool) -> Void

    /// `produce` calls `write` with each part in order, and stops once it returns false.
    init(_ produce: @escaping @Sendable (_ write: (String) -> Bool) -> Void) {
        self.produce = produce
    }

    /// Hands each part to `write`, in order, until it returns false.
    func write(_ write: (String) -> Bool) {
        produce(write)
    }

    /// The whole text (for a report held in memory).
    var text: String {
        var text = ""
        write { part in
            text += part
            return true
        }
        return text
    }

    static func == (lhs: DeferredText, rhs: DeferredText) -> Bool { lhs === rhs }
}

/// A report ready to be written: its text, with the parts a streamed check spilled to
/// temporary files while it ran (they are read, in order, when the report is written).
public struct ReportContent: Sendable {
    var chunks: [ReportChunk]

    init(_ chunks: [ReportChunk]) {
        self.chunks = chunks
    }

    /// A report held in memory as text.
    public init(text: String) {
        chunks = [.text(text)]
    }
}
