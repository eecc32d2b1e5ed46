import Foundation
import OKRCore

// libFuzzer entry points for the readers and the rule loader. Built only by
// `.ci/libfuzzer` (with -sanitize=fuzzer and -DOKR_LIBFUZZER, where libFuzzer supplies `main`);
// in a normal build this is a small program that says how to build it.
//
// OKR_FUZZ_TARGET picks what the bytes are fed to: markdown (default), yaml, json or rules.
// Any result is fine except a crash, a hang or a runaway allocation, which libFuzzer reports.

enum FuzzTarget: String {
    case markdown, yaml, json, rules

    static let current = FuzzTarget(rawValue: ProcessInfo.processInfo.environment["OKR_FUZZ_TARGET"] ?? "") ?? .markdown
    static let engine: Engine? = try? Engine(ruleSet: RuleSet.builtIn())
    static let reference = CalendarDay(year: 2026, month: 7, day: 1)

    func run(_ text: String) {
        switch self {
        case .markdown, .yaml, .json:
            let format: DocumentFormat = self == .markdown ? .markdown : self == .yaml ? .yaml : .json
            // Errors are expected and fine; the findings of a set that reads are computed too.
            guard let set = try? DocumentReader.read(text, file: "fuzz", format: format, reference: Self.reference) else { return }
            _ = Self.engine?.check(set)
        case .rules:
            if let rule = try? RuleLoader.load(yaml: text, file: "fuzz.yml"), let set = try? RuleSet(files: [("fuzz.yml", text)]) {
                _ = Engine(ruleSet: set).check(OKRSet(title: "Q3 2026", objectives: [Objective(title: rule.message)]))
            }
            _ = try? RuleConfig.load(yaml: text, file: ".okr.yml", knownRules: ["kr-is-task", "kr-is-kpi"])
        }
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    // The CLI refuses anything over its limits before a reader sees it; so does this.
    guard size <= Limits.documentBytes else { return 0 }
    let bytes = UnsafeBufferPointer(start: data, count: size)
    guard let text = String(validating: bytes, as: UTF8.self) else { return 0 }
    FuzzTarget.current.run(text)
    return 0
}

#if !OKR_LIBFUZZER
@main
struct FuzzTargetNotBuilt {
    static func main() {
        FileHandle.standardError.write(Data("okr-fuzz: build it with .ci/libfuzzer (swift build -Xswiftc -sanitize=fuzzer)\n".utf8))
        exit(2)
    }
}
#endif
