/// The past participle of an English verb ("submit" → "submitted", "write" → "written"), for
/// suggestions that turn a task into a share of work done: "contracts submitted on time".
enum Participle {
    static func of(_ verb: String) -> String {
        let verb = verb.lowercased()
        if let irregular = irregulars[verb] { return irregular }
        if verb.hasSuffix("e") { return verb + "d" }
        let letters = Array(verb)
        if letters.count >= 2, letters.last == "y", !isVowel(letters[letters.count - 2]) { return verb.dropLast() + "ied" }
        if doublesLastLetter(letters) { return verb + String(letters.last!) + "ed" }
        return verb + "ed"
    }

    /// "plan" → "planned": one syllable ending consonant-vowel-consonant, or a listed longer verb
    /// stressed on its last syllable ("submit", "control").
    private static func doublesLastLetter(_ letters: [Character]) -> Bool {
        guard letters.count >= 3, let last = letters.last, !isVowel(last), !"wxy".contains(last),
              isVowel(letters[letters.count - 2]), !isVowel(letters[letters.count - 3]) else { return false }
        var groups = 0
        var inVowels = false
        for letter in letters {
            if isVowel(letter) { if !inVowels { groups += 1 }; inVowels = true } else { inVowels = false }
        }
        return groups == 1 || stressedLast.contains(String(letters))
    }

    private static func isVowel(_ c: Character) -> Bool { "aeiou".contains(c) }

    private static let stressedLast: Set<String> = ["submit", "commit", "admit", "permit", "omit", "transmit", "emit", "refer",
                                                    "prefer", "transfer", "occur", "recur", "control", "patrol", "compel",
                                                    "propel", "expel", "equip", "regret", "upset", "acquit", "rebut", "deter"]

    private static let irregulars: [String: String] = [
        "be": "been", "begin": "begun", "break": "broken", "bring": "brought", "build": "built", "buy": "bought",
        "choose": "chosen", "come": "come", "cut": "cut", "do": "done", "draw": "drawn", "drive": "driven",
        "feel": "felt", "find": "found", "forget": "forgotten", "get": "got", "give": "given", "go": "gone",
        "grow": "grown", "hold": "held", "keep": "kept", "know": "known", "lead": "led", "leave": "left",
        "lose": "lost", "make": "made", "meet": "met", "pay": "paid", "put": "put", "rebuild": "rebuilt",
        "rewrite": "rewritten", "run": "run", "rerun": "rerun", "see": "seen", "sell": "sold", "send": "sent", "set": "set",
        "show": "shown", "shut": "shut", "speak": "spoken", "spend": "spent", "stand": "stood", "take": "taken",
        "teach": "taught", "tell": "told", "think": "thought", "undertake": "undertaken", "understand": "understood",
        "upset": "upset", "win": "won", "withdraw": "withdrawn", "write": "written", "overcome": "overcome",
        "become": "become", "lay": "laid", "say": "said", "hear": "heard", "hit": "hit",
        "let": "let", "read": "read", "seek": "sought", "sit": "sat", "split": "split", "spread": "spread",
    ]
}
