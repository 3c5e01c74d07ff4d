import CLibCrypto
import Crypto
import Foundation

// Usage: digestbench FILE libcrypto|swift-crypto [runs]: the best of `runs` hashes of the whole file.
let args = CommandLine.arguments
guard args.count >= 3, let data = FileManager.default.contents(atPath: args[1]) else {
    FileHandle.standardError.write(Data("usage: digestbench FILE libcrypto|swift-crypto [runs]\n".utf8))
    exit(2)
}
let bytes = [UInt8](data)
let runs = args.count > 3 ? Int(args[3]) ?? 5 : 5

func hex<S: Sequence>(_ digest: S) -> String where S.Element == UInt8 { digest.map { String(format: "%02x", $0) }.joined() }

func libcrypto() -> String {
    var context = SHA256_CTX()
    SHA256_Init(&context)
    bytes.withUnsafeBufferPointer { _ = SHA256_Update(&context, $0.baseAddress, $0.count) }
    var digest = [UInt8](repeating: 0, count: 32)
    SHA256_Final(&digest, &context)
    return hex(digest)
}

func swiftCrypto() -> String {
    var hasher = Crypto.SHA256()
    bytes.withUnsafeBufferPointer { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
    return hex(hasher.finalize())
}

var best = Double.infinity
var digest = ""
for _ in 0..<runs {
    let start = DispatchTime.now().uptimeNanoseconds
    digest = args[2] == "libcrypto" ? libcrypto() : swiftCrypto()
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    best = min(best, seconds)
}
print(String(format: "%@ %@ best of %d: %.3f s, %.0f MB/s", args[2], digest, runs, best, Double(bytes.count) / best / 1e6))
