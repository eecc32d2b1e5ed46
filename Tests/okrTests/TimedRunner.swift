import Foundation
import XCTest

/// Runs the built `okr` binary with a time limit: a run that is still going when the limit
/// passes is killed and reported as a hang, so no input can stall the test suite.
struct TimedRunner {
    struct Result {
        var status: Int32
        /// Killed by a signal (a crash: SIGILL, SIGSEGV, SIGABRT...), or by us after a hang.
        var signal: Int32?
        var timedOut: Bool
        var stdout: String
        var stderr: String

        var crashed: Bool { signal != nil && !timedOut }
        var summary: String {
            if timedOut { return "hung (killed after the time limit)" }
            if let signal { return "crashed with signal \(signal)" }
            return "exit \(status)"
        }
    }

    static func run(_ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:], directory: URL? = nil,
                    limit: TimeInterval, executable: URL = BinaryRunner.binary) throws -> Result {
        _ = ignoreBrokenPipes
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["OKR_NOW"] = "2026-07-01"
        env.removeValue(forKey: "NO_COLOR")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.currentDirectoryURL = directory ?? BinaryRunner.packageRoot
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()

        // Output is drained on other threads so a chatty child never blocks on a full pipe.
        let collected = Collected()
        let group = DispatchGroup()
        for (handle, isOut) in [(out.fileHandleForReading, true), (err.fileHandleForReading, false)] {
            DispatchQueue.global().async(group: group) {
                let data = handle.readDataToEndOfFile()
                collected.set(data, isOut: isOut)
            }
        }
        DispatchQueue.global().async {
            // A child that stops reading (hung, or exited early) must not block us: EPIPE is ignored.
            if let stdin { try? input.fileHandleForWriting.write(contentsOf: stdin) }
            try? input.fileHandleForWriting.close()
        }
        var timedOut = false
        if finished.wait(timeout: .now() + limit) == .timedOut {
            timedOut = true
            kill(process.processIdentifier, SIGKILL)
            finished.wait()
        }
        group.wait()
        let signal: Int32? = process.terminationReason == .uncaughtSignal ? process.terminationStatus : nil
        return Result(status: process.terminationStatus, signal: signal, timedOut: timedOut,
                      stdout: String(decoding: collected.out, as: UTF8.self), stderr: String(decoding: collected.err, as: UTF8.self))
    }

    /// Writing to a child that has already exited must be an error, not a SIGPIPE that ends the tests.
    private static let ignoreBrokenPipes: Void = { signal(SIGPIPE, SIG_IGN) }()

    private final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var out = Data()
        private(set) var err = Data()
        func set(_ data: Data, isOut: Bool) {
            lock.lock()
            defer { lock.unlock() }
            if isOut { out = data } else { err = data }
        }
    }
}
