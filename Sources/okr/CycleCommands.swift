import OKRCore

/// What the cycle commands share.
enum CycleCommands {
    /// The built-in texts of the cycle's findings and grading bands.
    static func rules() throws(CLIError) -> CycleRules {
        do {
            return try CycleRules.builtIn()
        } catch {
            throw .rules(error)
        }
    }
}
