/// Word classes a lexicon entry can have. (Placeholder until the lexicon lands; replaced by Lexicon.swift.)
public struct WordClass: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let noun = WordClass(rawValue: 1)
    public static let verb = WordClass(rawValue: 2)
    public static let adjective = WordClass(rawValue: 4)
    public static let adverb = WordClass(rawValue: 8)
}
