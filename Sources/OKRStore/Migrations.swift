/// The schema, as numbered steps. A step never changes once shipped: a change is a new step.
/// Plain SQL types that mean the same on SQLite and PostgreSQL, and no auto-increment: every
/// key is made of names and positions, so both backends take the same statements.
enum Migrations {
    static let steps: [[String]] = [
        // 1: sets, their versions, and each version's objectives, key results, KPIs and findings.
        [
            """
            CREATE TABLE okr_set (
                name TEXT PRIMARY KEY,
                latest_version INTEGER NOT NULL,
                created_at TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE set_version (
                set_name TEXT NOT NULL REFERENCES okr_set(name) ON DELETE CASCADE,
                version INTEGER NOT NULL,
                base_version INTEGER,
                author TEXT NOT NULL,
                saved_at TEXT NOT NULL,
                title TEXT NOT NULL,
                owner TEXT,
                team TEXT,
                timeframe_label TEXT,
                timeframe_start TEXT,
                timeframe_end TEXT,
                line INTEGER,
                col INTEGER,
                PRIMARY KEY (set_name, version)
            )
            """,
            """
            CREATE TABLE objective (
                set_name TEXT NOT NULL,
                version INTEGER NOT NULL,
                position INTEGER NOT NULL,
                title TEXT NOT NULL,
                owner TEXT,
                parent TEXT,
                timeframe_label TEXT,
                timeframe_start TEXT,
                timeframe_end TEXT,
                line INTEGER,
                col INTEGER,
                PRIMARY KEY (set_name, version, position),
                FOREIGN KEY (set_name, version) REFERENCES set_version(set_name, version) ON DELETE CASCADE
            )
            """,
            """
            CREATE TABLE key_result (
                set_name TEXT NOT NULL,
                version INTEGER NOT NULL,
                objective_position INTEGER NOT NULL,
                position INTEGER NOT NULL,
                text TEXT NOT NULL,
                line INTEGER,
                col INTEGER,
                PRIMARY KEY (set_name, version, objective_position, position),
                FOREIGN KEY (set_name, version, objective_position) REFERENCES objective(set_name, version, position) ON DELETE CASCADE
            )
            """,
            """
            CREATE TABLE kpi (
                set_name TEXT NOT NULL,
                version INTEGER NOT NULL,
                objective_position INTEGER NOT NULL,
                position INTEGER NOT NULL,
                measurement TEXT NOT NULL,
                target TEXT NOT NULL,
                source TEXT NOT NULL,
                frequency TEXT NOT NULL,
                line INTEGER,
                col INTEGER,
                PRIMARY KEY (set_name, version, objective_position, position),
                FOREIGN KEY (set_name, version, objective_position) REFERENCES objective(set_name, version, position) ON DELETE CASCADE
            )
            """,
            """
            CREATE TABLE finding (
                set_name TEXT NOT NULL,
                version INTEGER NOT NULL,
                position INTEGER NOT NULL,
                rule TEXT NOT NULL,
                severity TEXT NOT NULL,
                target TEXT NOT NULL,
                message TEXT NOT NULL,
                why TEXT NOT NULL,
                ask TEXT NOT NULL,
                subject TEXT NOT NULL,
                line INTEGER,
                col INTEGER,
                PRIMARY KEY (set_name, version, position),
                FOREIGN KEY (set_name, version) REFERENCES set_version(set_name, version) ON DELETE CASCADE
            )
            """,
            "CREATE INDEX set_version_team ON set_version(team, timeframe_label)",
        ],
        // 2: the cycle around a set: check-ins on its key results and KPIs, the grades it was
        // given, the set a next cycle's set came from, and findings' suggestions. Numbers are kept as text so both
        // backends give back exactly what was stored; `seq` counts per set, with no auto-increment.
        [
            """
            CREATE TABLE check_in (
                set_name TEXT NOT NULL REFERENCES okr_set(name) ON DELETE CASCADE,
                seq INTEGER NOT NULL,
                set_version INTEGER NOT NULL,
                item_kind TEXT NOT NULL,
                objective_position INTEGER NOT NULL,
                position INTEGER NOT NULL,
                item_text TEXT NOT NULL,
                value TEXT,
                done INTEGER,
                confidence INTEGER,
                note TEXT,
                author TEXT NOT NULL,
                checked_at TEXT NOT NULL,
                PRIMARY KEY (set_name, seq)
            )
            """,
            """
            CREATE TABLE grade (
                set_name TEXT NOT NULL REFERENCES okr_set(name) ON DELETE CASCADE,
                seq INTEGER NOT NULL,
                set_version INTEGER NOT NULL,
                score TEXT,
                author TEXT NOT NULL,
                graded_at TEXT NOT NULL,
                PRIMARY KEY (set_name, seq)
            )
            """,
            """
            CREATE TABLE grade_item (
                set_name TEXT NOT NULL,
                grade_seq INTEGER NOT NULL,
                objective_position INTEGER NOT NULL,
                position INTEGER NOT NULL, -- a key result's position; -1 for the objective itself
                text TEXT NOT NULL,
                score TEXT,
                reason TEXT,
                PRIMARY KEY (set_name, grade_seq, objective_position, position),
                FOREIGN KEY (set_name, grade_seq) REFERENCES grade(set_name, seq) ON DELETE CASCADE
            )
            """,
            // A finding's suggested rewrite, which findings carry since rules have templates.
            "ALTER TABLE finding ADD COLUMN suggestion TEXT",
            """
            CREATE TABLE set_origin (
                set_name TEXT PRIMARY KEY REFERENCES okr_set(name) ON DELETE CASCADE,
                from_set TEXT NOT NULL,
                from_version INTEGER
            )
            """,
        ],
    ]

    static var latest: Int { steps.count }

    /// Brings the schema up to date; refuses a store written by a newer okr.
    static func migrate(_ database: any SQLDatabase) throws {
        // An up-to-date store needs no write at all, so a read-only one can still be read.
        let recorded = try? database.read { session in
            Int(try session.query("SELECT MAX(version) FROM schema_migration", []).first?.first.flatMap { $0 } ?? "0") ?? 0
        }
        if let recorded {
            if recorded > latest { throw StoreError.newerSchema(store: database.displayName, found: recorded, known: latest) }
            if recorded == latest { return }
        }
        try database.write { session in
            if let lock = database.migrationLock { _ = try session.query(lock, []) }
            try session.execute("CREATE TABLE IF NOT EXISTS schema_migration (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)", [])
            let current = Int(try session.query("SELECT MAX(version) FROM schema_migration", []).first?.first.flatMap { $0 } ?? "0") ?? 0
            if current > latest {
                throw StoreError.newerSchema(store: database.displayName, found: current, known: latest)
            }
            for (index, step) in steps.enumerated() where index + 1 > current {
                for statement in step { try session.execute(statement, []) }
                try session.execute("INSERT INTO schema_migration (version, applied_at) VALUES (?, ?)", [String(index + 1), Timestamp.now()])
            }
        }
    }
}
