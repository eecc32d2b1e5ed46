import Foundation
import XCTest

/// The real-world corpus: lines written in the shape of public OKR documents by real teams
/// (Tests/OKRCoreTests/Corpus/real-*.tsv; sources in real-sources-*.tsv), labelled by the doctrine
/// before any rule ran on them. A fifth of each source's lines is held out and never tuned on.
struct RealCorpus {
    struct Line {
        var split: String
        var label: String
        var function: String
        var source: String
        var text: String
        var file: String
        var number: Int
    }

    static func load(_ prefix: String) throws -> [Line] {
        let folder = try XCTUnwrap(Bundle.module.url(forResource: "Corpus", withExtension: nil))
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasPrefix(prefix) && $0.hasSuffix(".tsv") }.sorted()
        var lines: [Line] = []
        for name in names {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            for (n, row) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where n > 0 && !row.isEmpty {
                let fields = row.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                guard fields.count == 5 else {
                    XCTFail("\(name):\(n + 1): expected 5 tab-separated fields, found \(fields.count)")
                    continue
                }
                lines.append(Line(split: fields[0], label: fields[1], function: fields[2], source: fields[3], text: fields[4], file: name, number: n + 1))
            }
        }
        return lines
    }
}
