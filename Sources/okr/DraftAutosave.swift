import Foundation
import OKRCore
#if canImport(Glibc)
import Glibc
#endif

/// The drafts in progress, in `drafts/` of the data folder, one file per draft, each locked by
/// the session writing it so that several sessions (three teams at once) never share one.
///
/// A draft file is a snapshot followed by a journal, one JSON object a line:
/// ```
/// {"format":2,"state":{...}}      the whole CoachState
/// {"record":{...}}                one transition (see CoachState.Record), appended per step
/// ```
/// Each line is written and fsync'd before the coach prints its acknowledgement, so a kill -9
/// never loses a line the user saw accepted (lines piped in faster than that share one fsync,
/// and their acknowledgements wait for it). Appending costs the same however big the draft is;
/// when the journal outgrows the snapshot, a new snapshot replaces both (written to a temporary
/// file, fsync'd, renamed), which keeps the total work linear in the session's length.
/// A file that cannot be read is moved to `drafts/unreadable/` and the user is told where.
final class DraftAutosave {
    static let format = 2
    /// A journal is folded into a new snapshot once it is larger than this and than the snapshot.
    static let minimumJournal = 64 * 1024

    let folder: URL
    private(set) var file: URL
    private var lockDescriptor: Int32 = -1
    private var journal: Int32 = -1
    private var snapshotBytes = 0
    private var journalBytes = 0
    /// Records written since the last fsync.
    private var unsynced = false
    private let encoder = JSONEncoder()

    /// What `open` found: the draft to offer, and what to tell the user about files it set aside.
    struct Opened {
        var autosave: DraftAutosave
        var draft: CoachState?
        var notes: [String]
    }

    private init(folder: URL, file: URL) {
        self.folder = folder
        self.file = file
    }

    deinit {
        if journal >= 0 { Glibc.close(journal) }
        if lockDescriptor >= 0 { Glibc.close(lockDescriptor) }
    }

    /// Takes the newest draft no other session holds, or a new file when there is none.
    /// `legacy` is where okr kept its single draft before this format; it is moved in first.
    static func open(in folder: URL, legacy: URL) -> Opened {
        var notes: [String] = []
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            notes.append("okr: cannot create the drafts folder \(folder.path) (\(error.localizedDescription)); this session's draft cannot be autosaved.")
        }
        if FileManager.default.fileExists(atPath: legacy.path) {
            let moved = folder.appendingPathComponent("draft-earlier-\(stamp()).json")
            do {
                try FileManager.default.moveItem(at: legacy, to: moved)
            } catch {
                notes.append("okr: could not move the earlier draft \(legacy.path) into \(folder.path): \(error.localizedDescription); it stays where it is.")
            }
        }
        removeStaleTemporaryFiles(in: folder)

        for candidate in drafts(in: folder) {
            let autosave = DraftAutosave(folder: folder, file: candidate)
            guard autosave.lock() else { continue }  // another session is writing it
            switch autosave.read() {
            case .success(let state):
                return Opened(autosave: autosave, draft: state, notes: notes)
            case .failure(let problem):
                notes.append(autosave.setAside(because: problem))
            }
        }
        let autosave = DraftAutosave(folder: folder, file: newName(in: folder))
        _ = autosave.lock()
        return Opened(autosave: autosave, draft: nil, notes: notes)
    }

    // MARK: - Writing

    /// Writes one transition; `sync()` makes it durable, and the coach shows nothing before that.
    /// The first one of a file writes the whole state instead; nothing is written for a session
    /// that has not started a draft.
    func persist(_ record: CoachState.Record?, state: CoachState) throws {
        guard record != nil || journal < 0 else { return }
        if journal < 0 {
            guard state.hasWork else { return }
            try snapshot(state)
            return
        }
        guard let record else { return }
        var line = try encoder.encode(RecordLine(record: record))
        line.append(UInt8(ascii: "\n"))
        try write(line, to: journal, what: file.path)
        unsynced = true
        journalBytes += line.count
        if journalBytes > max(snapshotBytes, Self.minimumJournal) { try snapshot(state) }
    }

    /// Makes what `persist` wrote durable: one fsync for however many steps came before it.
    func sync() throws {
        guard unsynced, journal >= 0 else { return }
        try sync(journal, what: file.path)
        unsynced = false
    }

    /// Replaces the file with one snapshot of `state`, atomically.
    func snapshot(_ state: CoachState) throws {
        var data = try encoder.encode(SnapshotLine(format: Self.format, state: state))
        data.append(UInt8(ascii: "\n"))
        let temporary = file.path + ".tmp"
        let descriptor = Glibc.open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw AutosaveError(path: temporary, reason: String(cString: strerror(errno))) }
        do {
            try write(data, to: descriptor, what: temporary)
            try sync(descriptor, what: temporary)
        } catch {
            Glibc.close(descriptor)
            unlink(temporary)
            throw error
        }
        Glibc.close(descriptor)
        guard rename(temporary, file.path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw AutosaveError(path: file.path, reason: reason)
        }
        syncFolder()
        if journal >= 0 { Glibc.close(journal) }
        journal = Glibc.open(file.path, O_WRONLY | O_APPEND | O_CLOEXEC)
        guard journal >= 0 else { throw AutosaveError(path: file.path, reason: String(cString: strerror(errno))) }
        snapshotBytes = data.count
        journalBytes = 0
        unsynced = false
    }

    /// The draft is saved or given up: its file goes.
    func discard() {
        if journal >= 0 {
            Glibc.close(journal)
            journal = -1
        }
        unlink(file.path)
        unlink(file.path + ".tmp")
        syncFolder()
    }

    /// Leaves this draft for a later session (durable as it is) and moves on to a new file.
    func setAside() throws {
        try sync()
        if journal >= 0 {
            Glibc.close(journal)
            journal = -1
        }
        unlock()
        file = Self.newName(in: folder)
        _ = lock()
    }

    // MARK: - Reading

    struct Unreadable: Error {
        var reason: String
    }

    private struct SnapshotLine: Codable {
        var format: Int
        var state: CoachState
    }

    private struct RecordLine: Codable {
        var record: CoachState.Record
    }

    /// The first version kept only the coach state, whose draft is still a readable set.
    private struct EarlierFormat: Decodable {
        var draft: OKRSet
    }

    private struct FormatProbe: Decodable {
        var format: Int?
    }

    func read() -> Result<CoachState, Unreadable> {
        let data: Data
        do {
            data = try Data(contentsOf: file)
        } catch {
            return .failure(Unreadable(reason: error.localizedDescription))
        }
        let decoder = JSONDecoder()
        var lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        guard let first = lines.first, !first.isEmpty else { return .failure(Unreadable(reason: "the file is empty")) }
        let probe: FormatProbe
        do {
            probe = try decoder.decode(FormatProbe.self, from: Data(first))
        } catch {
            return .failure(Unreadable(reason: "it is not a draft okr wrote (\(Self.describe(error)))"))
        }
        guard let format = probe.format else { return earlierFormat(data, decoder) }
        // A last line without its newline was being written when the process died; it was
        // never acknowledged, so it is not part of the draft. (A snapshot is renamed into
        // place whole, so the first line is always complete.)
        if lines.count > 1 { lines.removeLast() }
        guard format == Self.format else {
            return .failure(Unreadable(reason: "it has format \(format), which this okr does not know (it knows \(Self.format)); a newer okr wrote it"))
        }
        var state: CoachState
        do {
            state = try decoder.decode(SnapshotLine.self, from: Data(first)).state
        } catch {
            return .failure(Unreadable(reason: "its snapshot does not read (\(Self.describe(error)))"))
        }
        for (index, line) in lines.dropFirst().enumerated() {
            do {
                state = try state.applying(try decoder.decode(RecordLine.self, from: Data(line)).record)
            } catch {
                return .failure(Unreadable(reason: "line \(index + 2) does not read (\(Self.describe(error)))"))
            }
        }
        snapshotBytes = data.count
        return .success(state)
    }

    private func earlierFormat(_ data: Data, _ decoder: JSONDecoder) -> Result<CoachState, Unreadable> {
        do {
            let draft = try decoder.decode(EarlierFormat.self, from: data).draft
            var state = CoachState(draft: draft, phase: draft.objectives.isEmpty ? (draft.timeframe == nil ? .cycle : .objective) : .keyResult)
            state.context.unsaved = true
            return .success(state)
        } catch {
            return .failure(Unreadable(reason: "it is not a draft okr wrote (\(Self.describe(error)))"))
        }
    }

    /// Moves an unreadable draft out of the way, never deleting it; says where it went.
    func setAside(because problem: Unreadable) -> String {
        let aside = folder.appendingPathComponent("unreadable")
        let target = aside.appendingPathComponent("\(file.deletingPathExtension().lastPathComponent)-\(Self.stamp()).json")
        do {
            try FileManager.default.createDirectory(at: aside, withIntermediateDirectories: true)
            try FileManager.default.moveItem(at: file, to: target)
            unlock()
            return "okr: an autosaved draft could not be read: \(problem.reason). It is kept, unchanged, at \(target.path)."
        } catch {
            // Could not move it: it stays locked by this session, so it is not written over.
            return "okr: an autosaved draft could not be read: \(problem.reason). It stays at \(file.path) (moving it failed: \(error.localizedDescription))."
        }
    }

    private static func describe(_ error: Error) -> String {
        if let error = error as? DecodingError {
            switch error {
            case .dataCorrupted(let context): return context.debugDescription
            case .keyNotFound(let key, _): return "no '\(key.stringValue)'"
            case .typeMismatch(_, let context), .valueNotFound(_, let context):
                return "unexpected value at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
            @unknown default: return "\(error)"
            }
        }
        return "\(error)"
    }

    // MARK: - Files and locks

    /// Drafts, newest first.
    private static func drafts(in folder: URL) -> [URL] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch {
            return []
        }
        let files = names.filter { $0.hasSuffix(".json") }.map { folder.appendingPathComponent($0) }
        func modified(_ url: URL) -> Date {
            do {
                return try url.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate ?? .distantPast
            } catch {
                return .distantPast
            }
        }
        return files.map { ($0, modified($0)) }.sorted { $0.1 > $1.1 }.map(\.0)
    }

    /// Temporary files left by a session killed in the middle of a snapshot (its draft is not
    /// locked any more; the draft itself is whole, since the rename never happened).
    private static func removeStaleTemporaryFiles(in folder: URL) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch {
            return
        }
        for name in names where name.hasSuffix(".json.tmp") {
            let draft = DraftAutosave(folder: folder, file: folder.appendingPathComponent(String(name.dropLast(4))))
            if draft.lock() {
                unlink(folder.appendingPathComponent(name).path)
                draft.unlock()
            }
        }
        // Locks whose draft is gone.
        for name in names where name.hasSuffix(".lock") && !names.contains(String(name.dropLast(5)) + ".json") {
            let draft = DraftAutosave(folder: folder, file: folder.appendingPathComponent(String(name.dropLast(5)) + ".json"))
            if draft.lock() {
                unlink(draft.lockPath)
                draft.unlock()
            }
        }
    }

    private var lockPath: String { file.deletingPathExtension().path + ".lock" }

    /// An exclusive lock on the draft's lock file, held for the session (the kernel drops it
    /// when the process ends, however it ends).
    private func lock() -> Bool {
        let descriptor = Glibc.open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return false }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            Glibc.close(descriptor)
            return false
        }
        lockDescriptor = descriptor
        return true
    }

    private func unlock() {
        guard lockDescriptor >= 0 else { return }
        Glibc.close(lockDescriptor)
        lockDescriptor = -1
    }

    /// Releases the lock and removes the lock file of a draft that is gone.
    func release() {
        if journal >= 0 {
            Glibc.close(journal)
            journal = -1
        }
        if !FileManager.default.fileExists(atPath: file.path) { unlink(lockPath) }
        unlock()
    }

    private static func newName(in folder: URL) -> URL {
        folder.appendingPathComponent("draft-\(stamp())-\(getpid()).json")
    }

    private static func stamp() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyyMMdd-HHmmss-SSS"
        return formatter.string(from: Date())
    }

    private func write(_ data: Data, to descriptor: Int32, what: String) throws {
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw AutosaveError(path: what, reason: String(cString: strerror(errno)))
                }
                offset += written
            }
        }
    }

    private func sync(_ descriptor: Int32, what: String) throws {
        guard fdatasync(descriptor) == 0 else { throw AutosaveError(path: what, reason: String(cString: strerror(errno))) }
    }

    /// The rename and the unlink are durable only once the folder is synced too.
    private func syncFolder() {
        let descriptor = Glibc.open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        Glibc.close(descriptor)
    }
}

struct AutosaveError: Error, CustomStringConvertible {
    var path: String
    var reason: String
    var description: String { "cannot write \(path): \(reason)" }
}
