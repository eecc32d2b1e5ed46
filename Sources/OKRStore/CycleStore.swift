import OKRCore

/// The cycle around a stored set: check-ins, grades, and where a set came from.
extension SetStore {
    // MARK: - Check-ins

    /// Appends check-ins to a set, in order, in one transaction. Each gets the store's time when
    /// it has none. The set's row is locked first, so two people checking in at once both land.
    @discardableResult
    public func addCheckIns(_ checkIns: [CheckIn], to name: String) throws(StoreError) -> [CheckIn] {
        let now = Timestamp.now()
        return try guarded {
            try database.write { session in
                try lockSet(name, in: session)
                var seq = try nextSeq("check_in", name, in: session)
                var stored: [CheckIn] = []
                for var checkIn in checkIns {
                    if checkIn.at.isEmpty { checkIn.at = now }
                    try session.execute("""
                        INSERT INTO check_in (set_name, seq, set_version, item_kind, objective_position, position, item_text,
                            value, done, confidence, note, author, checked_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """, [name, String(seq), String(checkIn.setVersion), checkIn.item.kind.rawValue, String(checkIn.item.objective),
                              String(checkIn.item.index), checkIn.text, checkIn.value.map { String($0) }, checkIn.done.map { $0 ? "1" : "0" },
                              checkIn.confidence.map(String.init), checkIn.note, checkIn.author, checkIn.at])
                    seq += 1
                    stored.append(checkIn)
                }
                return stored
            }
        }
    }

    /// Every check-in on a set, oldest first.
    public func checkIns(_ name: String) throws(StoreError) -> [CheckIn] {
        try guarded {
            try database.read { session in
                try session.query("""
                    SELECT item_kind, objective_position, position, item_text, value, done, confidence, note, author, checked_at, set_version
                    FROM check_in WHERE set_name = ? ORDER BY seq
                    """, [name]).map { row in
                    CheckIn(item: SetItem(SetItem.Kind(rawValue: row[0] ?? "") ?? .keyResult, objective: Int(row[1] ?? "") ?? 0, index: Int(row[2] ?? "") ?? 0),
                            text: row[3] ?? "", value: row[4].flatMap { Double($0) }, done: row[5].map { $0 == "1" || $0 == "t" || $0 == "true" },
                            confidence: row[6].flatMap { Int($0) }, note: row[7], author: row[8] ?? "", at: row[9] ?? "",
                            setVersion: Int(row[10] ?? "") ?? 0)
                }
            }
        }
    }

    /// The ids of the sets that have at least one check-in, in order.
    public func namesWithCheckIns() throws(StoreError) -> [String] {
        try guarded {
            try database.read { session in
                try session.query("SELECT DISTINCT c.set_name FROM check_in c ORDER BY c.set_name", []).compactMap { $0[0] }
            }
        }
    }

    // MARK: - Grades

    /// Records a grade; a set graded again keeps every grade, and the latest is the one shown.
    @discardableResult
    public func recordGrade(_ grade: Grade, for name: String) throws(StoreError) -> Grade {
        var grade = grade
        if grade.at.isEmpty { grade.at = Timestamp.now() }
        let recorded = grade
        try guarded {
            try database.write { session in
                try lockSet(name, in: session)
                let seq = String(try nextSeq("grade", name, in: session))
                try session.execute("INSERT INTO grade (set_name, seq, set_version, score, author, graded_at) VALUES (?, ?, ?, ?, ?, ?)",
                                    [name, seq, String(recorded.setVersion), recorded.score.map { String($0) }, recorded.author, recorded.at])
                let insert = "INSERT INTO grade_item (set_name, grade_seq, objective_position, position, text, score, reason) VALUES (?, ?, ?, ?, ?, ?, ?)"
                for objective in recorded.objectives {
                    let o = String(objective.index)
                    try session.execute(insert, [name, seq, o, "-1", objective.title, objective.score.map { String($0) }, nil])
                    for kr in objective.keyResults {
                        try session.execute(insert, [name, seq, o, String(kr.index), kr.text, kr.score.map { String($0) }, kr.reason])
                    }
                }
            }
        }
        return recorded
    }

    /// The latest grade of a set, or nil if it was never graded.
    public func latestGrade(_ name: String) throws(StoreError) -> Grade? {
        try guarded {
            try database.read { session in
                guard let row = try session.query("""
                    SELECT seq, set_version, score, author, graded_at FROM grade WHERE set_name = ? ORDER BY seq DESC LIMIT 1
                    """, [name]).first else { return nil }
                var grade = Grade(setVersion: Int(row[1] ?? "") ?? 0, score: row[2].flatMap { Double($0) }, objectives: [],
                                  author: row[3] ?? "", at: row[4] ?? "")
                for item in try session.query("""
                    SELECT objective_position, position, text, score, reason FROM grade_item
                    WHERE set_name = ? AND grade_seq = ? ORDER BY objective_position, position
                    """, [name, row[0]]) {
                    let o = Int(item[0] ?? "") ?? 0, position = Int(item[1] ?? "") ?? 0
                    let score = item[3].flatMap { Double($0) }
                    if position < 0 {
                        grade.objectives.append(Grade.ObjectiveGrade(index: o, title: item[2] ?? "", score: score, keyResults: []))
                    } else if let last = grade.objectives.indices.last, grade.objectives[last].index == o {
                        grade.objectives[last].keyResults.append(Grade.KeyResultGrade(index: position, text: item[2] ?? "", score: score, reason: item[4]))
                    }
                }
                return grade
            }
        }
    }

    // MARK: - Where a set came from

    public func origin(of name: String) throws(StoreError) -> SetOrigin? {
        try guarded {
            try database.read { session in
                try session.query("SELECT from_set, from_version FROM set_origin WHERE set_name = ?", [name]).first.map {
                    SetOrigin(set: $0[0] ?? "", version: $0[1].flatMap { Int($0) })
                }
            }
        }
    }

    // MARK: - Sets by team and cycle

    /// The latest version of every set of `team` (compared without regard to case), or of every
    /// set when `team` is nil; for the stale check and the cascade.
    public func latestSets(team: String? = nil, timeframe: String? = nil) throws(StoreError) -> [StoredSet] {
        let names = try guarded {
            try database.read { session in
                var sql = "SELECT s.name FROM okr_set s JOIN set_version v ON v.set_name = s.name AND v.version = s.latest_version"
                var conditions: [String] = []
                var arguments: [String?] = []
                if let team { conditions.append("LOWER(v.team) = LOWER(?)"); arguments.append(team) }
                if let timeframe { conditions.append("v.timeframe_label = ?"); arguments.append(timeframe) }
                if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
                return try session.query(sql + " ORDER BY s.name", arguments).compactMap { $0[0] }
            }
        }
        var sets: [StoredSet] = []
        for name in names { sets.append(try load(name)) }
        return sets
    }

    // MARK: - Helpers

    /// Takes the set's row lock (PostgreSQL) inside a write, and says when there is no such set.
    func lockSet(_ name: String, in session: any SQLSession) throws {
        let found = try session.execute("UPDATE okr_set SET latest_version = latest_version WHERE name = ?", [name])
        guard found == 1 else { throw StoreError.notFound(set: name) }
    }

    private func nextSeq(_ table: String, _ name: String, in session: any SQLSession) throws -> Int {
        let max = try session.query("SELECT MAX(seq) FROM \(table) WHERE set_name = ?", [name]).first?.first.flatMap { $0 }.flatMap { Int($0) }
        return (max ?? 0) + 1
    }
}
