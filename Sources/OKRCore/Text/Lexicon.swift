// Placeholder until the WordNet lexicon lands (same API).
public struct WordClass: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let noun = WordClass(rawValue: 1)
    public static let verb = WordClass(rawValue: 2)
    public static let adjective = WordClass(rawValue: 4)
    public static let adverb = WordClass(rawValue: 8)
}
public enum Inflection: UInt8, Sendable { case base, plural, thirdPerson, past, pastTense, pastParticiple, gerund, comparative, superlative }
public struct LexicalReading: Sendable, Hashable {
    public let wordClass: WordClass
    public let lemma: String
    public let inflection: Inflection
    public let frequency: Int
}
public struct Lexicon: Sendable {
    public static let english = Lexicon()
    public func readings(of word: String) -> [LexicalReading] { [] }
    public func classes(of word: String) -> WordClass { [] }
    public func lemma(of word: String, as wordClass: WordClass) -> String? { nil }
    public func isKnown(_ word: String) -> Bool { false }
}
