import Foundation
import OKRCore

// Benchmarks `okr check` on a generated document (100,000 key results by default) and the
// cold start of `okr --version`. Prints numbers; nothing here asserts on time.
//   okr-bench [--krs N]

var krCount = 100_000
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    if argument == "--krs", let value = arguments.popFirst().flatMap(Int.init), value > 0 {
        krCount = value
    } else {
        FileHandle.standardError.write(Data("usage: okr-bench [--krs N]\n".utf8))
        exit(2)
    }
}

/// A small deterministic generator (SplitMix64), so every run checks the same document.
struct Random {
    var state: UInt64
    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}

func document(keyResults: Int) -> String {
    var random = Random(state: 42)
    let metrics = ["median deploy time", "failed deploys", "first response time", "churn", "NPS", "trial conversion",
                   "month-end close", "time to hire", "backlog", "p95 latency", "weekly active teams", "support tickets"]
    var lines = ["# Bench — Q3 2026", "Owner: Bench"]
    for i in 0..<keyResults {
        if i % 5 == 0 { lines.append("## Objective: Make area \(i / 5) something people rely on") }
        let metric = metrics[random.next(metrics.count)]
        let a = 10 + random.next(90), b = 1 + random.next(9)
        switch random.next(10) {
        case 0: lines.append("- Launch the new \(metric) dashboard \(i)")
        case 1: lines.append("- Maintain \(metric) at \(a)%")
        case 2: lines.append("- Improve \(metric) for team \(i)")
        case 3: lines.append("- Raise \(metric) to \(a)")
        default: lines.append("- Cut \(metric) for group \(i) from \(a) to \(b)")
        }
    }
    return lines.joined(separator: "\n") + "\n"
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

func summary(_ label: String, _ samples: [Double], items: Int) {
    let sorted = samples.sorted()
    let best = sorted[0], median = sorted[sorted.count / 2]
    print(String(format: "%@: %.0f KRs/s (best of %d, %.1f ms; median %.0f KRs/s, %.1f ms)", label,
                 Double(items) / best, samples.count, best * 1000, Double(items) / median, median * 1000))
}

let text = document(keyResults: krCount)
let engine: Engine
do {
    engine = Engine(ruleSet: try RuleSet.builtIn())
} catch {
    FileHandle.standardError.write(Data("okr-bench: \(error)\n".utf8))
    exit(1)
}
let reference = CalendarDay(year: 2026, month: 7, day: 1)
let clock = ContinuousClock()
print("document: \(krCount) key results, \(text.utf8.count / 1024) KiB")

var readTimes: [Double] = [], checkTimes: [Double] = [], bothTimes: [Double] = []
var findingCount = 0
for _ in 0..<5 {
    var set = OKRSet()
    readTimes.append(seconds(clock.measure { set = try! DocumentReader.read(text, file: "bench.md", format: .markdown, reference: reference) }))
    checkTimes.append(seconds(clock.measure { findingCount = engine.check(set).count }))
    bothTimes.append(seconds(clock.measure {
        let again = try! DocumentReader.read(text, file: "bench.md", format: .markdown, reference: reference)
        findingCount = engine.check(again).count
    }))
}
summary("read", readTimes, items: krCount)
summary("check", checkTimes, items: krCount)
summary("read+check", bothTimes, items: krCount)
print("findings: \(findingCount)")

// Cold start: the okr binary built beside this one.
let okr = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("okr")
if FileManager.default.isExecutableFile(atPath: okr.path) {
    var starts: [Double] = []
    for _ in 0..<20 {
        let process = Process()
        process.executableURL = okr
        process.arguments = ["--version"]
        process.standardOutput = FileHandle.nullDevice
        starts.append(seconds(clock.measure {
            try? process.run()
            process.waitUntilExit()
        }))
    }
    let sorted = starts.sorted()
    print(String(format: "okr --version: best %.1f ms, median %.1f ms (20 runs)", sorted[0] * 1000, sorted[10] * 1000))
} else {
    print("okr --version: skipped (no okr binary beside okr-bench; build it with swift build -c release)")
}
