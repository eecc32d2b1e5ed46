import Foundation

/// Runs `work` for indices 0..<count on up to `jobs` threads at once and gives the results in
/// index order. Each thread takes the next index not yet taken, so one big file does not hold
/// up the small ones queued behind it on the same thread. Computation only: the engine is handed
/// it as its runner by the command line and the benchmark, and never starts threads itself.
public func parallelMap<T>(_ count: Int, jobs: Int, _ work: (Int) -> T) -> [T] {
    let threads = min(max(jobs, 1), count)
    guard threads > 1 else { return (0..<count).map(work) }
    let slots = Slots<T>(count)
    withoutActuallyEscaping(work) { work in
        let shared = UncheckedSendable(work)
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            while let index = slots.claim() { slots.store(shared.value(index), at: index) }
        }
    }
    return slots.results()
}

/// The results being filled in, one slot an index, and the next index to take; a lock guards both.
private final class Slots<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var values: [T?]

    init(_ count: Int) { values = Array(repeating: nil, count: count) }

    func claim() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < values.count else { return nil }
        next += 1
        return next - 1
    }

    func store(_ value: T, at index: Int) {
        lock.lock()
        values[index] = value
        lock.unlock()
    }

    /// Called after every thread has finished, so every slot is filled.
    func results() -> [T] { values.map { $0! } }
}

/// The work closure is called from several threads; what it touches is the caller's to keep
/// thread-safe (okr check's is: it reads files and checks them with an immutable engine, each
/// piece with its own caches).
private struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
