import ArgumentParser
import Foundation
import OKRStore

struct DeleteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "delete", abstract: "Delete a set and all its versions (asks first).")

    @Argument(help: ArgumentHelp("The set's name.", valueName: "set"), completion: SetIDCompletion.kind) var name: String
    @Flag(name: .shortAndLong, help: "Do not ask.") var yes = false
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let store = try storeOptions.open()
        let versions = try storeCall { () throws(StoreError) in try store.history(name) }
        if !yes {
            print("Delete '\(name)' and its \(versions.count) version\(versions.count == 1 ? "" : "s")? [y/N] ", terminator: "")
            let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
            // Saying no is an answer, not a failure: exit 0.
            guard answer == "y" || answer == "yes" else {
                print("Nothing deleted.")
                return
            }
        }
        try storeCall { () throws(StoreError) in try store.delete(name) }
        print("Deleted \(name).")
    }
}
