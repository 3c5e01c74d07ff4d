import Crypto

/// SHA-256 (FIPS 180-4) through swift-crypto (BoringSSL on Linux, CryptoKit on Apple platforms):
/// the database digest that every report prints, and the key of the list cache. Both use the
/// CPU's SHA extensions where present: about 1 GB/s here, as fast as the system libcrypto's
/// deprecated `SHA256_Init` calls it replaced, against 0.2 GB/s for a portable Swift version
/// (docs/decisions.md, "SHA-256 from swift-crypto").
public struct SHA256: Sendable {
    private var hasher = Crypto.SHA256()

    public init() {}

    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { update(buffer: $0) }
    }

    public mutating func update(_ bytes: ArraySlice<UInt8>) {
        bytes.withUnsafeBufferPointer { update(buffer: $0) }
    }

    public mutating func update(_ text: String) {
        var text = text
        text.withUTF8 { update(buffer: $0) }
    }

    mutating func update(buffer input: UnsafeBufferPointer<UInt8>) {
        guard !input.isEmpty else { return }
        hasher.update(bufferPointer: UnsafeRawBufferPointer(input))
    }

    /// The digest as lower-case hex.
    public mutating func finalizeHex() -> String {
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in hasher.finalize() {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0xF)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    /// The digest of bytes in memory.
    public static func hex(_ buffer: UnsafeBufferPointer<UInt8>) -> String {
        var hasher = SHA256()
        hasher.update(buffer: buffer)
        return hasher.finalizeHex()
    }

    /// The digest of an array, hashed in place.
    public static func hex(_ bytes: [UInt8]) -> String {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalizeHex()
    }
}
