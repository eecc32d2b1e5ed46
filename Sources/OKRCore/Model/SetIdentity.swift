import Foundation

/// The id a set is known by in the store and on the command line, made from who it is for and
/// its cycle, so two teams writing for the same cycle never collide.
///
/// The rule: `slug(team)-slug(cycle)`, then `-` and the words of the title that say more than the
/// team, the cycle and "OKRs" already do, if there are any. So "Finance — Q1 2027 OKRs" (the title
/// the coach offers) adds nothing: `finance-q1-2027`; "Finance — Q1 2027 OKRs: audit" gives
/// `finance-q1-2027-audit`. A set for one person passes the owner as `team`. Parts that are missing
/// or have no letters or digits are left out; an id with nothing in it is `okr-set`.
public enum SetIdentity {
    public static func id(team: String?, cycle: String, title: String?) -> String {
        let teamWords = words(team ?? "")
        let cycleWords = words(cycle)
        let known = Set(teamWords + cycleWords + ["okr", "okrs"])
        let extra = words(title ?? "").filter { !known.contains($0) }
        let parts = teamWords + cycleWords + extra
        return parts.isEmpty ? "okr-set" : parts.joined(separator: "-")
    }

    /// The title the coach offers for a team's set: "Finance — Q1 2027 OKRs".
    public static func defaultTitle(team: String?, cycle: String) -> String {
        let team = team?.trimmingCharacters(in: .whitespaces) ?? ""
        let cycle = cycle.trimmingCharacters(in: .whitespaces)
        switch (team.isEmpty, cycle.isEmpty) {
        case (false, false): return "\(team) — \(cycle) OKRs"
        case (false, true): return "\(team) OKRs"
        case (true, false): return "\(cycle) OKRs"
        case (true, true): return "OKRs"
        }
    }

    /// Lower case, accents folded ("Équipe" → "equipe"), every run of characters that are not
    /// letters or digits turned into one '-', none at either end: "Sales & Ops" → "sales-ops".
    public static func slug(_ text: String) -> String {
        words(text).joined(separator: "-")
    }

    static func words(_ text: String) -> [String] {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil).lowercased()
        return folded.split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }
}
