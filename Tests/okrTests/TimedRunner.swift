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

    /// `terminal`: standard output is a pseudo-terminal, as when a person runs okr.
    static func run(_ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:], directory: URL? = nil,
                    limit: TimeInterval, terminal: Bool = false, executable: URL = BinaryRunner.binary) throws -> Result {
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
        // Descriptors are made and handed to the child under one lock: a child spawned on another
        // thread meanwhile would inherit this run's pipe ends and hold them open.
        spawning.lock()
        let out = Pipe(), err = Pipe(), input = Pipe()
        let pty: PseudoTerminal?
        do {
            pty = terminal ? try PseudoTerminal() : nil
        } catch {
            spawning.unlock()
            throw error
        }
        process.standardOutput = pty.map { FileHandle(fileDescriptor: $0.secondary, closeOnDealloc: false) } ?? out
        process.standardError = err
        process.standardInput = input
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do {
            try process.run()
        } catch {
            spawning.unlock()
            throw error
        }
        pty?.closeSecondary()
        spawning.unlock()

        // Output is drained on other threads so a chatty child never blocks on a full pipe.
        let collected = Collected()
        let group = DispatchGroup()
        let outFD = pty?.primary ?? out.fileHandleForReading.fileDescriptor, errFD = err.fileHandleForReading.fileDescriptor
        DispatchQueue.global().async(group: group) { collected.set(Self.readAll(outFD), isOut: true) }
        DispatchQueue.global().async(group: group) { collected.set(Self.readAll(errFD), isOut: false) }
        DispatchQueue.global().async(group: group) {
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
        // The pipes and the pseudo-terminal stay open until both readers are done: were they
        // released (and their descriptors closed and reused) earlier, a reader would read another run's output.
        withExtendedLifetime((out, err, input, pty)) { group.wait() }
        let signal: Int32? = process.terminationReason == .uncaughtSignal ? process.terminationStatus : nil
        return Result(status: process.terminationStatus, signal: signal, timedOut: timedOut,
                      stdout: String(decoding: collected.out, as: UTF8.self), stderr: String(decoding: collected.err, as: UTF8.self))
    }

    /// A pseudo-terminal pair: the child writes to the secondary side, we read the primary.
    private final class PseudoTerminal: @unchecked Sendable {
        let primary: Int32
        private(set) var secondary: Int32

        init() throws {
            // Glibc's module leaves out the pseudo-terminal calls (they need _XOPEN_SOURCE): look them up.
            typealias IntCall = @convention(c) (Int32) -> Int32
            typealias NameCall = @convention(c) (Int32) -> UnsafeMutablePointer<CChar>?
            let handle = dlopen(nil, RTLD_NOW)
            func call<T>(_ name: String, as: T.Type) throws -> T {
                guard let symbol = dlsym(handle, name) else { throw CocoaError(.fileReadUnknown) }
                return unsafeBitCast(symbol, to: T.self)
            }
            let openpt = try call("posix_openpt", as: IntCall.self), grantpt = try call("grantpt", as: IntCall.self)
            let unlockpt = try call("unlockpt", as: IntCall.self), ptsname = try call("ptsname", as: NameCall.self)
            primary = openpt(O_RDWR | O_NOCTTY)
            guard primary >= 0, grantpt(primary) == 0, unlockpt(primary) == 0, let name = ptsname(primary) else {
                throw CocoaError(.fileReadUnknown)
            }
            secondary = open(name, O_RDWR | O_NOCTTY)
            guard secondary >= 0 else { throw CocoaError(.fileReadUnknown) }
        }

        deinit {
            close(primary)
            if secondary >= 0 { close(secondary) }
        }

        /// Once the child has it, our copy must go, or reading never ends.
        func closeSecondary() {
            close(secondary)
            secondary = -1
        }

    }

    /// Everything written to `fd` until its end (a pipe's EOF, or the EIO a pseudo-terminal gives
    /// once the child has gone). FileHandle.readDataToEndOfFile traps on EINTR, so this retries.
    private static func readAll(_ fd: Int32) -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = read(fd, &buffer, buffer.count)
            if n > 0 { data.append(buffer, count: n); continue }
            if n < 0, errno == EINTR { continue }
            break
        }
        return data
    }

    private static let spawning = NSLock()

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
