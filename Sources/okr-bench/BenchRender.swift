import OKRCore

/// Renders the JSON report exactly as `okr check --format json` does, into a sink that only
/// counts the bytes, and returns how many there were.
enum BenchRender {
    static func json(file: String, findings: [Finding]) -> Int {
        var report = CheckReport()
        report.add(file: file, findings: findings)
        var bytes = 0
        let out = ByteWriter { bytes += $0.count }
        report.writeJSON(to: out)
        out.flush()
        return bytes
    }
}
