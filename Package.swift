// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "diligence",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "DiligenceKit", targets: ["DiligenceKit"]),
        .executable(name: "diligence", targets: ["diligence"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", exact: "1.8.2"),
    ],
    targets: [
        // The system libyaml (Debian: libyaml-dev), read through its event API: see docs/decisions.md.
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        .target(
            name: "DiligenceKit",
            dependencies: ["CLibYAML"],
            resources: [.copy("Resources")]
        ),
        .executableTarget(
            name: "diligence",
            dependencies: [
                "DiligenceKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "DiligenceKitTests",
            dependencies: ["DiligenceKit"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "diligenceTests",
            dependencies: ["DiligenceKit"],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
