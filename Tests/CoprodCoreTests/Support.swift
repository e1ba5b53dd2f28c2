import CoprodCore
import CoprodIO
import Foundation
import LuaHost
import Testing

/// Loads a framework: a built-in id, or Lua source given inline.
func loadFramework(_ reference: String) throws -> (Framework, LuaState) {
    let catalog = FrameworkCatalog()
    let state = try catalog.makeState()
    return (try catalog.load(reference, in: state), state)
}

func loadFramework(source: String, name: String = "inline.lua") throws -> Framework {
    let state = try FrameworkCatalog().makeState()
    return try FrameworkLoader.load(source: Array(source.utf8), chunkName: "@" + name, origin: name, in: state)
}

/// Reads CSV text for `framework` and evaluates every organisation in it.
func evaluate(_ framework: Framework, csv: String, file: String = "input.csv") throws -> (results: [OrganisationResult], read: ReadAssessments) {
    var read = ReadAssessments()
    try AssessmentReader(framework: framework).readCSV(Array(csv.utf8), file: file, into: &read)
    let evaluator = Evaluator(framework: framework)
    let results = try Assessment.group(read.responses).map { assessment throws -> OrganisationResult in
        try evaluator.evaluate(assessment)
    }
    return (results, read)
}

extension OrganisationResult {
    func section(_ id: String) -> SectionResult? { sections.first { $0.id == id } }
    func indicator(_ id: String) -> IndicatorResult? { indicators.first { $0.id == id } }
}

/// The package's root, for tests that read Examples/.
let packageRoot: String = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)
    return parts.joined(separator: "/")
}()

func example(_ name: String) throws -> String {
    try String(contentsOfFile: packageRoot + "/Examples/" + name, encoding: .utf8)
}

/// Close enough for results worked out by hand to two or more decimals.
func approximately(_ score: Score?, _ expected: Double) -> Bool {
    guard let value = score?.number else { return false }
    return abs(value - expected) < 0.0001
}

/// A new file in the temporary directory holding `text`; its path.
func temporaryFile(_ text: String) throws -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("coprod-test-\(UUID())")
    try Data(text.utf8).write(to: url)
    return url.path
}
