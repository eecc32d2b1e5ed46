/// The tagged form of every word seen so far in one check: a word's lemma, classes and tags do not
/// depend on where it stands, so a long document looks each distinct word up in the lexicon once.
/// Owned by one check on one thread (a class so the readers share it without copying).
final class TagCache {
    // One owner on one thread (see above), so the run-time exclusivity check on every lookup buys nothing.
    @exclusivity(unchecked) var words = WordMap<TaggedToken>()

    init() {}
}
