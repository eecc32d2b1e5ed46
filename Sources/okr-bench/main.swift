import Foundation
import OKRCore

// Benchmarks what a user runs. For each size of a generated document it times, in this process,
// reading the Markdown, checking it and rendering the JSON report, then the whole command end to
// end (`okr check --format json FILE`, the release binary beside this one, spawned) and `wc -l` on
// the same file in the same run, so the ratio says how far okr is from reading the bytes once.
// Prints numbers; nothing here asserts on time.
//   okr-bench [--krs 1000,10000,100000,1000000] [--runs 5] [--okr PATH] [--files N]
//   okr-bench --write N FILE      (writes the generated document of N key results and stops)

struct Options {
    var sizes = [1_000, 10_000, 100_000, 1_000_000]
    var runs = 5
    var okr: String?
    var files = 8
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("okr-bench: \(message)\n".utf8))
    exit(1)
}

func write(_ text: String, to path: String) {
    guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else { fail("cannot write \(path)") }
}

func usage() -> Never {
    FileHandle.standardError.write(Data("usage: okr-bench [--krs N[,N...]] [--runs R] [--okr PATH] [--files N] | --write N FILE\n".utf8))
    exit(2)
}

var options = Options()
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--krs":
        guard let list = arguments.popFirst() else { usage() }
        let sizes = list.split(separator: ",").compactMap { Int($0) }.filter { $0 > 0 }
        guard !sizes.isEmpty else { usage() }
        options.sizes = sizes
    case "--runs":
        guard let runs = arguments.popFirst().flatMap(Int.init), runs > 0 else { usage() }
        options.runs = runs
    case "--okr":
        guard let path = arguments.popFirst() else { usage() }
        options.okr = path
    case "--files":
        guard let files = arguments.popFirst().flatMap(Int.init), files >= 0 else { usage() }
        options.files = files
    case "--write":
        guard let count = arguments.popFirst().flatMap(Int.init), count > 0, let path = arguments.popFirst() else { usage() }
        write(BenchDocument.markdown(keyResults: count), to: path)
        exit(0)
    default:
        usage()
    }
}

let engine: Engine
do {
    engine = Engine(ruleSet: try RuleSet.builtIn())
} catch {
    fail("\(error)")
}
let reference = CalendarDay(year: 2026, month: 7, day: 1)
let cores = ProcessInfo.processInfo.activeProcessorCount
let okrPath = options.okr ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("okr").path
let haveOKR = FileManager.default.isExecutableFile(atPath: okrPath)
let folder = FileManager.default.temporaryDirectory.appendingPathComponent("okr-bench-\(getpid())")
do {
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
} catch {
    fail("cannot make \(folder.path): \(error)")
}
defer { try? FileManager.default.removeItem(at: folder) }

/// The median and the best of a run of samples, in seconds.
struct Samples {
    var values: [Double] = []
    var median: Double { values.sorted()[values.count / 2] }
    var best: Double { values.min() ?? 0 }
}

func time(_ body: () -> Void) -> Double {
    let start = monotonicSeconds()
    body()
    return monotonicSeconds() - start
}

func rate(_ items: Int, _ seconds: Double) -> String {
    let perSecond = Double(items) / seconds
    return perSecond >= 1e6 ? String(format: "%.2fM", perSecond / 1e6) : String(format: "%.0fk", perSecond / 1e3)
}

func line(_ label: String, _ samples: Samples, items: Int) {
    let padded = label.padding(toLength: max(11, label.count + 1), withPad: " ", startingAt: 0)
    let kps = rate(items, samples.median)
    print("  " + padded + String(format: "median %9.1f ms  ", samples.median * 1000) + String(repeating: " ", count: max(0, 6 - kps.count)) + kps
          + String(format: " KRs/s  %7.0f ns/KR  (best %.1f ms)", samples.median / Double(items) * 1e9, samples.best * 1000))
}

print("okr-bench: \(ProcessInfo.processInfo.activeProcessorCount) cores, median of \(options.runs) runs; okr: \(haveOKR ? okrPath : "not found")")
if haveOKR {
    var starts = Samples()
    for _ in 0..<max(options.runs, 20) {
        if let run = timedSpawn(okrPath, ["--version"]) { starts.values.append(run.seconds) }
    }
    if !starts.values.isEmpty {
        print(String(format: "okr --version (cold start): median %.1f ms, best %.1f ms (%d runs)", starts.median * 1000, starts.best * 1000, starts.values.count))
    }
}

for size in options.sizes {
    let text = BenchDocument.markdown(keyResults: size)
    let file = folder.appendingPathComponent("bench-\(size).md")
    write(text, to: file.path)
    print("\(size) key results, \(text.utf8.count / 1024) KiB:")

    var read = Samples(), check = Samples(), checkAll = Samples(), render = Samples(), whole = Samples()
    var findings = 0, bytes = 0
    for _ in 0..<options.runs {
        var set = OKRSet()
        var found: [Finding] = []
        read.values.append(time {
            do {
                set = try DocumentReader.read(text, file: file.path, format: .markdown, reference: reference)
            } catch {
                fail("\(error)")
            }
        })
        check.values.append(time { found = engine.check(set) })
        // What `okr check` does with a big file: pieces of it on every core.
        checkAll.values.append(time { _ = engine.check(set, jobs: cores) { parallelMap($0, jobs: cores, $1) } })
        render.values.append(time { bytes = BenchRender.json(file: file.path, findings: found) })
        whole.values.append(read.values.last! + check.values.last! + render.values.last!)
        findings = found.count
    }
    line("read", read, items: size)
    line("check", check, items: size)
    line(" all cores", checkAll, items: size)
    line("render", render, items: size)
    line("in-process", whole, items: size)
    print("  findings: \(findings), JSON: \(bytes / 1024) KiB")

    guard haveOKR else { continue }
    var endToEnd = Samples(), oneThread = Samples(), wc = Samples()
    var status: Int32 = 0
    for _ in 0..<options.runs {
        // Interleaved, so all see the same state of a noisy machine.
        if let run = timedSpawn(okrPath, ["check", "--format", "json", file.path]) {
            endToEnd.values.append(run.seconds)
            status = run.status
        }
        if let run = timedSpawn(okrPath, ["check", "--format", "json", "-j", "1", file.path]) { oneThread.values.append(run.seconds) }
        if let run = timedSpawn("wc", ["-l", file.path]) { wc.values.append(run.seconds) }
    }
    guard !endToEnd.values.isEmpty, !wc.values.isEmpty else { continue }
    // A big file is checked in pieces on every core; -j 1 keeps it to one thread.
    line("end to end", endToEnd, items: size)
    if !oneThread.values.isEmpty { line(" -j 1", oneThread, items: size) }
    print(String(format: "  wc -l      median %9.1f ms   okr / wc -l = %.1f   (okr exit %d)", wc.median * 1000,
                 endToEnd.median / wc.median, status))
}

// Many files in one command: every core against one (-j 1).
if haveOKR, options.files > 1 {
    let size = 10_000
    let text = BenchDocument.markdown(keyResults: size)
    var paths: [String] = []
    for n in 0..<options.files {
        let file = folder.appendingPathComponent("team-\(n).md")
        write(text, to: file.path)
        paths.append(file.path)
    }
    var one = Samples(), all = Samples()
    for _ in 0..<options.runs {
        if let run = timedSpawn(okrPath, ["check", "--format", "json", "-j", "1"] + paths) { one.values.append(run.seconds) }
        if let run = timedSpawn(okrPath, ["check", "--format", "json"] + paths) { all.values.append(run.seconds) }
    }
    if !one.values.isEmpty, !all.values.isEmpty {
        print("\(options.files) files of \(size) key results:")
        line("-j 1", one, items: size * options.files)
        line("all cores", all, items: size * options.files)
        print(String(format: "  speed-up %.2f×", one.median / all.median))
    }
}
