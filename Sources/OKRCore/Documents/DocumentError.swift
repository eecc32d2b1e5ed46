/// A document that cannot be read as an OKR set, with the place and the problem.
public struct DocumentError: Error, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var problem: String

    public init(file: String, line: Int, column: Int = 1, problem: String) {
        self.file = file
        self.line = line
        self.column = column
        self.problem = problem
    }

    /// One line, always: a problem that quotes a text with a line break in it (a YAML value
    /// can hold one) would otherwise put a line on the screen that names no file.
    public var description: String {
        "\(file):\(line):\(column): error: " + problem.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).joined(separator: " ")
    }
}
