// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "okr",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "okr", targets: ["okr"]),
        .library(name: "OKRCore", targets: ["OKRCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // The pure core: model, documents, rule engine. No I/O beyond the texts it is handed.
        .target(
            name: "OKRCore",
            dependencies: [.product(name: "Yams", package: "Yams")],
            plugins: [.plugin(name: "EmbedRulesPlugin")]
        ),
        // Build-time tool: turns the top-level rules/ folder into Swift source, so the binary
        // works from any directory without shipping the folder beside it.
        .executableTarget(name: "EmbedRules"),
        .plugin(name: "EmbedRulesPlugin", capability: .buildTool(), dependencies: ["EmbedRules"]),
        // GNU readline (libreadline-dev); no pkgConfig: readline.pc drags in flags SwiftPM rejects.
        .systemLibrary(name: "CReadline", providers: [.apt(["libreadline-dev"])]),
        // libpq (libpq-dev), the PostgreSQL client library psql uses.
        .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        // The shared model store: SQLite through GRDB by default, PostgreSQL through libpq.
        .target(name: "OKRStore", dependencies: ["OKRCore", "CLibPQ", .product(name: "GRDB", package: "GRDB.swift")]),
        // The line editor adapter: readline on a terminal, plain lines otherwise.
        .target(name: "LineEditor", dependencies: ["CReadline"]),
        .executableTarget(
            name: "okr",
            dependencies: ["OKRCore", "OKRStore", "LineEditor", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(name: "okr-bench", dependencies: ["OKRCore"]),
        .executableTarget(name: "okr-store-bench", dependencies: ["OKRCore", "OKRStore"]),
        // Lines through the coach, in process and through the okr binary: how its work grows.
        .executableTarget(name: "okr-coach-bench", dependencies: ["OKRCore"]),
        // libFuzzer targets for the readers and the rule loader; .ci/libfuzzer builds and runs them.
        .executableTarget(name: "okr-fuzz", dependencies: ["OKRCore"]),
        .testTarget(name: "OKRCoreTests", dependencies: ["OKRCore"], resources: [.copy("Corpus")]),
        .testTarget(name: "OKRStoreTests", dependencies: ["OKRStore"]),
        .testTarget(name: "okrTests", dependencies: ["okr"]),
    ],
    swiftLanguageModes: [.v6]
)
