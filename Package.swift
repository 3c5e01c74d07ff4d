// swift-tools-version:6.0
import PackageDescription

#if canImport(Glibc)
import Glibc
#endif

/// The release executable's linker settings on Linux (docs/performance.md, "Thirteenth round:
/// memory (memory4)"): lld, with the functions a check runs placed side by side
/// (`scripts/link-order.txt`, made by `scripts/make-link-order.sh`), so that a check maps a few
/// MiB of code pages instead of most of the executable's; and its relative relocations packed
/// (DT_RELR) when the C library can load them (glibc 2.36 and later): 90,000 of them took 2 MiB
/// that the loader reads at every start. Both change where the code and relocations lie, not
/// what the code does.
let releaseLinkerFlags: [String] = {
    var flags = [
        "-static-stdlib", "-use-ld=lld",
        "-Xlinker", "--symbol-ordering-file=\(Context.packageDirectory)/scripts/link-order.txt",
        "-Xlinker", "--no-warn-symbol-ordering",
    ]
    if glibcLoadsPackedRelocations() { flags += ["-Xlinker", "-z", "-Xlinker", "pack-relative-relocs"] }
    return flags
}()

/// Whether the C library this is built with is glibc 2.36 or later (`confstr`'s "glibc 2.36").
func glibcLoadsPackedRelocations() -> Bool {
    #if canImport(Glibc)
    var buffer = [CChar](repeating: 0, count: 64)
    guard confstr(Int32(_CS_GNU_LIBC_VERSION), &buffer, buffer.count) > 0 else { return false }
    let text = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    let numbers = text.split(separator: " ").last?.split(separator: ".").compactMap { Int($0) } ?? []
    guard numbers.count >= 2 else { return false }
    return (numbers[0], numbers[1]) >= (2, 36)
    #else
    return false
    #endif
}

/// Whether the `diligence` executable links mimalloc (Debian: libmimalloc-dev) in place of the C
/// library's malloc: when its library is installed, unless `DILIGENCE_ALLOCATOR=system` is set
/// when the package is built. A check allocates and frees millions of small objects; mimalloc
/// spends about a third fewer instructions on it than glibc's allocator (docs/performance.md,
/// "Twenty-seventh round: the allocator"). The reports are the same bytes either way.
func linksMimalloc() -> Bool {
    #if canImport(Glibc)
    if Context.environment["DILIGENCE_ALLOCATOR"] == "system" { return false }
    let folders = ["/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib", "/usr/local/lib"]
    return folders.contains { access("\($0)/libmimalloc.so", F_OK) == 0 }
    #else
    return false
    #endif
}

let package = Package(
    name: "diligence",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "DiligenceKit", targets: ["DiligenceKit"]),
        .executable(name: "diligence", targets: ["diligence"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", exact: "1.8.2"),
        // Markdown articles for `db draft` are parsed with Ink, then read as HTML (docs/drafting.md).
        .package(url: "https://github.com/JohnSundell/Ink.git", exact: "0.6.0"),
        // SHA-256 of the database digest and the list cache key (docs/decisions.md: as fast as
        // the system libcrypto's deprecated calls it replaced).
        .package(url: "https://github.com/apple/swift-crypto.git", exact: "4.5.2"),
    ],
    targets: [
        // The system libyaml (Debian: libyaml-dev), read through its event API: see docs/decisions.md.
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        // renameat2(2) (a report folder switched in one step) and zlib (Debian: zlib1g-dev; the
        // compressed size of a SARIF log against GitHub's upload limit).
        .systemLibrary(
            name: "CSystem",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // libxml2's HTML parser (Debian: libxml2-dev): the text of HTML articles for `db draft`.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // The command-line tool's allocator settings (glibc's mallopt, mimalloc's options when it is linked), set once at start-up.
        .target(name: "CAllocator"),
        .target(
            name: "DiligenceKit",
            dependencies: [
                "CLibYAML", "CSystem", "CLibXML2", .product(name: "Ink", package: "Ink"), .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Resources")]
        ),
        // The release executable links the Swift runtime and Foundation statically on Linux (the
        // effect of `swift build --static-swift-stdlib`, for this target only, so that README's
        // `swift build -c release`, CI and benchmarks/portfolio/run.sh build it alike): about
        // 5 MiB fewer resident pages than loading them as shared libraries, the same output
        // (docs/performance.md, "Tenth round: memory (memory3)"); with lld, the functions of a
        // check side by side and packed relocations (`releaseLinkerFlags`). Debug builds and the
        // tests link them dynamically with the default linker, as before.
        .executableTarget(
            name: "diligence",
            dependencies: [
                "DiligenceKit",
                "CSystem",
                "CAllocator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))],
            linkerSettings: [.unsafeFlags(releaseLinkerFlags, .when(platforms: [.linux], configuration: .release))]
                + (linksMimalloc() ? [.linkedLibrary("mimalloc", .when(platforms: [.linux]))] : [])
        ),
        // benchmarks/screening/run.sh: benchmark-only screening runs (timings, pair scores, Latin
        // forms, tuned parameters), kept out of the installed `diligence screen` (docs/screening.md).
        .executableTarget(
            name: "diligence-bench",
            dependencies: ["DiligenceKit", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // benchmarks/spatial/run.sh: the spatial index against scipy's cKDTree (docs/geodata.md).
        .executableTarget(
            name: "spatial-bench",
            dependencies: ["DiligenceKit"]
        ),
        // Fixtures are read from the source tree (Tests/*/Fixtures) by path, not bundled.
        .testTarget(
            name: "DiligenceKitTests",
            dependencies: ["DiligenceKit"],
            exclude: ["Fixtures"]
        ),
        // End-to-end: runs the built `diligence` executable on real files.
        .testTarget(
            name: "diligenceTests",
            dependencies: ["DiligenceKit", "diligence", "diligence-bench"],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
