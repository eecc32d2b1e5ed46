import Foundation
import PackagePlugin

/// Embeds the top-level `rules/` folder into OKRCore at build time.
@main
struct EmbedRulesPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let rules = context.package.directoryURL.appending(path: "rules")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedRules.swift")
        // Folders are inputs too: a new file changes only its folder's modification time.
        var inputs: [URL] = [rules]
        if let walker = FileManager.default.enumerator(at: rules, includingPropertiesForKeys: nil) {
            for case let url as URL in walker { inputs.append(url) }
        }
        return [
            .buildCommand(
                displayName: "Embedding rules/",
                executable: try context.tool(named: "EmbedRules").url,
                arguments: [rules.path, output.path],
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }
}
