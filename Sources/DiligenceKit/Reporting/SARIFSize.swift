import CSystem
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// GitHub code scanning refuses a SARIF upload larger than 10 MB gzip-compressed. A check
/// whose SARIF log is past that says so on standard error (the log is still written: other
/// consumers take it), so the failure does not first appear in a later upload step.
public enum SARIFSize {
    /// GitHub's limit on a gzip-compressed SARIF upload, in bytes.
    public static let gitHubUploadLimit = 10_000_000

    /// A warning when the SARIF file at `path` is over GitHub's upload limit once compressed;
    /// nil when it is under it, or cannot be read. A file under the limit uncompressed is not
    /// compressed to find out.
    public static func warning(path: String) -> String? {
        var status = stat()
        guard stat(path, &status) == 0, Int(status.st_size) > gitHubUploadLimit,
            let compressed = gzipSize(ofFile: path), compressed > gitHubUploadLimit
        else { return nil }
        return
            "\(path): warning: the SARIF log is \(compressed) bytes gzip-compressed, over GitHub code scanning's upload limit of \(gitHubUploadLimit) bytes (10 MB compressed); upload fewer results (--report-min, or check in shards)"
    }

    /// The size of the file once gzip-compressed (zlib's deflate at its default level, with a
    /// gzip header), read a block at a time; nil when it cannot be read.
    public static func gzipSize(ofFile path: String) -> Int? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var stream = z_stream()
        // windowBits 15 + 16: a gzip wrapper, as `gzip` writes.
        guard
            deflateInit2_(
                &stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY,
                ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK
        else { return nil }
        defer { deflateEnd(&stream) }
        let blockSize = 1 << 20
        var input = [UInt8](repeating: 0, count: blockSize)
        var output = [UInt8](repeating: 0, count: blockSize)
        var total = 0
        var finished = false
        while !finished {
            let count = input.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, blockSize) }
            guard count >= 0 else { return nil }
            let flush = count == 0 ? Z_FINISH : Z_NO_FLUSH
            var result = Z_OK
            input.withUnsafeMutableBufferPointer { inputBuffer in
                output.withUnsafeMutableBufferPointer { outputBuffer in
                    stream.next_in = inputBuffer.baseAddress
                    stream.avail_in = UInt32(count)
                    repeat {
                        stream.next_out = outputBuffer.baseAddress
                        stream.avail_out = UInt32(blockSize)
                        result = deflate(&stream, flush)
                        total += blockSize - Int(stream.avail_out)
                    } while stream.avail_out == 0 && result != Z_STREAM_ERROR
                }
            }
            if result == Z_STREAM_ERROR { return nil }
            finished = count == 0
        }
        return total
    }
}
