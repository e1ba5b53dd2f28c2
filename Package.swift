// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "coprod",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "coprod", targets: ["coprod"]),
        .library(name: "LuaHost", targets: ["LuaHost"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // Debian's liblua5.4-dev, found through pkg-config. Never a vendored copy.
        .systemLibrary(
            name: "CLua",
            pkgConfig: "lua5.4",
            providers: [.apt(["liblua5.4-dev"])]
        ),
        // libedit (BSD licence) for the REPL's line editing and history; never GNU readline too.
        .systemLibrary(
            name: "CEditLine",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        // The C half of the bridge: everything that may raise a Lua error lives here, so a
        // longjmp never crosses a Swift frame.
        .target(
            name: "CLuaSandbox",
            dependencies: ["CLua"]
        ),
        // Results files written through a block-aligned buffer, skipping the page cache.
        .target(name: "CFileOutput"),
        .target(
            name: "LuaHost",
            dependencies: ["CLua", "CLuaSandbox"]
        ),
        // The domain: frameworks, scales, assessments, results. Its Lua (the framework language,
        // scale types) and the Frameworks/ folder are embedded at build time.
        .target(
            name: "CoprodCore",
            dependencies: ["LuaHost"],
            exclude: ["Lua"],
            plugins: [.plugin(name: "EmbedLua")]
        ),
        // Reading assessments (CSV, JSON) and writing results.
        .target(
            name: "CoprodIO",
            dependencies: ["CoprodCore", "CFileOutput"]
        ),
        // Text, Markdown, JSON and CSV renderings of results.
        .target(
            name: "CoprodReports",
            dependencies: ["CoprodCore", "CoprodIO"]
        ),
        .executableTarget(
            name: "coprod-embed-lua",
            dependencies: ["LuaHost"]
        ),
        .plugin(
            name: "EmbedLua",
            capability: .buildTool(),
            dependencies: ["coprod-embed-lua"]
        ),
        .executableTarget(
            name: "coprod",
            dependencies: [
                "LuaHost",
                "CoprodCore",
                "CoprodIO",
                "CoprodReports",
                "CEditLine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "LuaHostTests",
            dependencies: ["LuaHost"],
            exclude: ["Lua"]  // scripts the tests read from disk
        ),
        // Runs the real binary; depending on it makes `swift test` build it first.
        .testTarget(
            name: "CoprodCoreTests",
            dependencies: ["CoprodCore", "CoprodIO", "CoprodReports", "LuaHost"]
        ),
        .testTarget(
            name: "CoprodCLITests",
            dependencies: ["coprod"],
            exclude: ["Fixtures"]  // frameworks the tests load with --path
        ),
    ],
    swiftLanguageModes: [.v6]
)
