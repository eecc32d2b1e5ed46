/// Reads key results and objectives into their parts. Pure: text in, reading out. The tagger
/// gives each word its lemma and word classes (from the WordNet lexicon) and tags numbers,
/// dates, comparators and cadences; the readers find the statement's shape in those tokens.
public enum Analyser {
    /// The line's tokens, tagged with lemma, word classes and what each stands for.
    public static func tag(_ text: String) -> [TaggedToken] {
        Tagger.tag(text)
    }

    static func tag(_ text: String, cache: TagCache?) -> [TaggedToken] {
        Tagger.tag(text, cache: cache)
    }

    public static func read(keyResult text: String) -> KRReading {
        read(keyResult: tag(text))
    }

    /// The reading for checking: without its reason in words, which no rule reads.
    static func read(keyResult text: String, cache: TagCache?) -> KRReading {
        var analyser = KRAnalyser(tokens: tag(text, cache: cache), words: .shared)
        analyser.explains = false
        return analyser.read()
    }

    static func read(objective text: String, cache: TagCache?) -> ObjectiveReading {
        read(objective: tag(text, cache: cache))
    }

    public static func read(keyResult tokens: [TaggedToken]) -> KRReading {
        KRAnalyser(tokens: tokens, words: .shared).read()
    }

    public static func read(objective text: String) -> ObjectiveReading {
        read(objective: tag(text))
    }

    public static func read(objective tokens: [TaggedToken]) -> ObjectiveReading {
        ObjectiveAnalyser(tokens: tokens, words: .shared).read()
    }
}
