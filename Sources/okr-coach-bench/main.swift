import Foundation
import OKRCore

// How the coach's work grows with the draft. For each size it pushes that many key results
// through the coach twice: in this process (the state machine and the rule engine alone), and
// through the `okr` binary beside this one with piped input (adding the autosave, fsync'd before
// every acknowledgement, and the printing). Each runs two shapes: every key result under one
// objective (the worst case), and four key results an objective. Prints numbers; nothing asserts.
//   okr-coach-bench [--lines 1000,10000] [--okr PATH]

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("okr-coach-bench: \(message)\n".utf8))
    exit(2)
}

var sizes = [1_000, 10_000]
var okrPath = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("okr").path
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--lines":
        guard let list = arguments.popFirst() else { fail("--lines needs sizes, such as 1000,10000") }
        sizes = list.split(separator: ",").compactMap { Int($0) }.filter { $0 > 0 }
        guard !sizes.isEmpty else { fail("--lines needs sizes, such as 1000,10000") }
    case "--okr":
        guard let path = arguments.popFirst() else { fail("--okr needs a path") }
        okrPath = path
    default:
        fail("usage: okr-coach-bench [--lines N[,N...]] [--okr PATH]")
    }
}

/// Distinct key results: no two measure the same thing, so every one is accepted at once.
func keyResult(_ n: Int) -> String {
    let verbs = ["Cut", "Raise", "Reduce", "Grow", "Lift", "Lower"]
    let things = ["invoice", "ticket", "order", "refund", "deploy", "signup", "renewal", "claim", "payout", "quote",
                  "audit", "lead", "return", "dispute", "upgrade", "booking", "survey", "contract", "shipment", "review"]
    let measures = ["wait", "backlog", "error rate", "cost", "cycle time", "rework", "queue", "lag", "delay", "churn"]
    let places = ["Lisbon", "Oslo", "Austin", "Lagos", "Pune", "Quito", "Perth", "Turin", "Haifa", "Osaka",
                  "Cork", "Graz", "Izmir", "Kyoto", "Leeds", "Lyon", "Malmo", "Nantes", "Porto", "Riga"]
    var k = n
    let thing = things[k % things.count]; k /= things.count
    let measure = measures[k % measures.count]; k /= measures.count
    let place = places[k % places.count]; k /= places.count
    let region = k == 0 ? "" : " zone \(["north", "south", "east", "west", "inner", "outer"][k % 6])"
    return "\(verbs[n % verbs.count]) \(thing) \(measure) in \(place)\(region) from 40 to 10"
}

/// The lines a user would type for `count` key results, `perObjective` to an objective.
func session(_ count: Int, perObjective: Int) -> [String] {
    var lines = ["Q1 2027", "Benchmarks", ""]
    var objective = 0
    for n in 0..<count {
        if n % perObjective == 0 {
            if objective > 0 { lines += ["done", "another"] }
            objective += 1
            lines.append("Make area \(objective) calm and predictable")
        }
        lines.append(keyResult(n))
    }
    return lines + ["done", "finish", "/quit"]
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// Runs the lines through the coach here; returns the time, the key results kept, and the lines
/// as typed (with 'keep' after any line the rules stopped, as a person would answer).
func inProcess(_ lines: [String]) -> (Double, Int, [String]) {
    let coach: Coach
    do {
        coach = Coach(engine: Engine(ruleSet: try RuleSet.builtIn()), reference: CalendarDay(year: 2026, month: 11, day: 23))
    } catch {
        fail("the built-in rules do not load: \(error)")
    }
    var state = coach.start().state
    var kept = 0
    var typed: [String] = []
    typed.reserveCapacity(lines.count)
    let start = DispatchTime.now().uptimeNanoseconds
    for line in lines {
        var reply = coach.reply(to: line, in: consume state)
        typed.append(line)
        // A line the rules stop is kept anyway: the benchmark measures the flow, not the judge.
        switch reply.state.phase {
        case .confirmKeyResult, .confirmObjective:
            reply = coach.reply(to: "keep", in: reply.state)
            typed.append("keep")
        default: break
        }
        state = reply.state
    }
    kept = state.draft.keyResultCount
    let time = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    return (time, kept, typed)
}

func throughBinary(_ lines: [String], okr okrPath: String) -> (Double, Int, Int) {
    let home = FileManager.default.temporaryDirectory.appendingPathComponent("okr-coach-bench-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: home) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: okrPath)
    var environment = ProcessInfo.processInfo.environment
    environment["OKR_HOME"] = home.path
    environment["OKR_NOW"] = "2026-11-23"
    environment["NO_COLOR"] = "1"
    environment.removeValue(forKey: "OKR_STORE")
    process.environment = environment
    let input = Pipe(), output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    var printed = 0
    let time = seconds {
        do {
            try process.run()
        } catch {
            fail("cannot run \(okrPath): \(error); build it (swift build -c release) or pass --okr")
        }
        let writer = Thread {
            input.fileHandleForWriting.write(Data(lines.map { $0 + "\n" }.joined().utf8))
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        printed = output.fileHandleForReading.readDataToEndOfFile().count
        process.waitUntilExit()
    }
    return (time, printed, Int(process.terminationStatus))
}

let format = { (value: Double) in String(format: "%.2f", value) }
print("okr-coach-bench: \(ProcessInfo.processInfo.activeProcessorCount) cores; okr at \(okrPath)")
print("key results  shape         in-process s  per line ms   okr binary s  per line ms")
for size in sizes {
    for (name, perObjective) in [("one objective", size), ("4 per obj.", 4)] {
        let lines = session(size, perObjective: perObjective)
        let (core, kept, typed) = inProcess(lines)
        let (binary, _, status) = throughBinary(typed, okr: okrPath)
        guard kept == size else { fail("only \(kept) of \(size) key results were kept in process") }
        guard status == 0 else { fail("okr exited with \(status)") }
        print(String(size).padding(toLength: 13, withPad: " ", startingAt: 0) + name.padding(toLength: 14, withPad: " ", startingAt: 0)
              + format(core).padding(toLength: 14, withPad: " ", startingAt: 0) + format(core * 1000 / Double(size)).padding(toLength: 12, withPad: " ", startingAt: 0)
              + format(binary).padding(toLength: 14, withPad: " ", startingAt: 0) + format(binary * 1000 / Double(size)))
    }
}
