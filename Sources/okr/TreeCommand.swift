import ArgumentParser
import Foundation
import OKRCore
import OKRStore

struct TreeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tree",
        abstract: "Print the cascade of sets by their objectives' Parent: links (company -> teams), with each objective's grade.",
        discussion: "An objective whose Parent: names an objective the store does not hold is reported as 'missing-parent'.")

    @Option(help: ArgumentHelp("Only this cycle's sets (and the sets they serve), such as Q3-2027 or 'Q3 2027'.", valueName: "cycle"))
    var cycle: String?
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        var label: String?
        if let cycle {
            do {
                label = try Timeframe.parse(cycle.replacingOccurrences(of: "-", with: " "), reference: try Clock.today()).label
            } catch let error as TimeframeError {
                throw ValidationError("--cycle: \(error.description)")
            }
        }
        let store = try storeOptions.open()
        let stored = try storeCall { () throws(StoreError) in try store.latestSets() }
        let cascade = Cascade(sets: stored.map { ($0.name, $0.set) })
        var grades: [Int: Grade] = [:]
        for (i, set) in stored.enumerated() {
            grades[i] = try storeCall { () throws(StoreError) in try store.latestGrade(set.name) }
        }
        // With --cycle: that cycle's sets, and every set above them so the cascade reads whole.
        var shown = Set(stored.indices.filter { label == nil || stored[$0].set.timeframe?.label == label })
        for s in Array(shown) {
            for o in stored[s].set.objectives.indices {
                var node = Cascade.Node(set: s, objective: o)
                var seen: Set<Cascade.Node> = [node]
                while let parent = cascade.parent(of: node), seen.insert(parent).inserted {
                    shown.insert(parent.set)
                    node = parent
                }
            }
        }
        guard !shown.isEmpty else {
            print("No sets in \(store.database.displayName)" + (label.map { " for \($0)." } ?? " yet."))
            return
        }
        var out = ""
        var printed = Set<Cascade.Node>()
        func line(_ node: Cascade.Node, depth: Int) {
            guard printed.insert(node).inserted else { return }  // a loop of parents is printed once
            let objective = cascade.objective(node)
            let score = grades[node.set]?.score(ofObjective: objective.title)
            let label = "O\(node.objective + 1). "
            out += String(repeating: "  ", count: depth) + label
                + ReportLayout.hang(SetContext.safe(objective.title), indent: depth * 2 + label.count)
                + (score.map { "  " + ScoreBar.number($0) } ?? "") + "\n"
            var lastSet: Int?
            for child in cascade.children(of: node) where shown.contains(child.set) {
                if child.set != lastSet { out += header(child.set, depth: depth + 1) }
                lastSet = child.set
                line(child, depth: depth + 2)
            }
        }
        func header(_ s: Int, depth: Int) -> String {
            String(repeating: "  ", count: depth) + Terminal.bold(stored[s].name) + "  " + SetContext.safe(stored[s].set.title) + "\n"
        }
        var lastSet: Int?
        for root in cascade.roots where shown.contains(root.set) {
            if root.set != lastSet { out += header(root.set, depth: 0) }
            lastSet = root.set
            line(root, depth: 1)
        }
        print(out, terminator: "")
        let findings = cascade.missingParentFindings(text: try CycleCommands.rules().missingParent)
            .filter { entry in shown.contains { stored[$0].name == entry.set } }
        for (set, finding) in findings {
            let head = "\(set): \(finding.severity.rawValue)"
            print(Terminal.bold("\(set):") + " " + Terminal.paint(finding.severity.rawValue, "1;33") + ": "
                  + ReportLayout.hang("\(SetContext.safe(finding.subject)): \(SetContext.safe(finding.message)) [\(finding.rule)]", indent: head.count + 2))
            print("    " + ReportLayout.hang("ask: \(finding.ask)", indent: 4, paint: Terminal.dim))
        }
    }
}
