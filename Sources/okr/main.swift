import ArgumentParser
import Foundation
import OKRCore

// The entry point maps every failure to the documented exit codes: 0 clean, 1 findings at or
// above the bar (thrown as ExitCode by `check`), 2 for usage errors and unreadable input.
do {
    var command = try OKR.parseAsRoot()
    try command.run()
} catch let exit as ExitCode {
    Foundation.exit(exit.rawValue)
} catch let error as CLIError {
    Terminal.standardError(error.description)
    Foundation.exit(2)
} catch {
    let code = OKR.exitCode(for: error)
    if code == .success {
        print(OKR.fullMessage(for: error))
        Foundation.exit(0)
    }
    Terminal.standardError(OKR.fullMessage(for: error))
    Foundation.exit(2)
}
