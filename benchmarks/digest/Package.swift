// swift-tools-version:6.0
// benchmarks/digest/run.sh: SHA-256 of one large file through the system libcrypto's
// SHA256_Init/Update/Final (what the project used until issue 20) and through swift-crypto (what
// it uses now). A package of its own, so the project itself does not link libcrypto.
import PackageDescription

let package = Package(
    name: "digestbench",
    dependencies: [.package(url: "https://github.com/apple/swift-crypto.git", exact: "4.5.2")],
    targets: [
        // Debian: libssl-dev.
        .systemLibrary(name: "CLibCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        .executableTarget(name: "digestbench", dependencies: ["CLibCrypto", .product(name: "Crypto", package: "swift-crypto")]),
    ],
    swiftLanguageModes: [.v6]
)
