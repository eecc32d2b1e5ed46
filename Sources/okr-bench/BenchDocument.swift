/// The generated document every run checks: deterministic (SplitMix64 from a fixed seed), five
/// key results an objective, a mix of tasks, KPIs, unmeasurable and good lines.
enum BenchDocument {
    struct Random {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }

    static func markdown(keyResults: Int) -> String {
        var random = Random(state: 42)
        let metrics = ["median deploy time", "failed deploys", "first response time", "churn", "NPS", "trial conversion",
                       "month-end close", "time to hire", "backlog", "p95 latency", "weekly active teams", "support tickets"]
        var out = "# Bench — Q3 2026\nOwner: Bench\n"
        out.reserveCapacity(keyResults * 56)
        for i in 0..<keyResults {
            if i % 5 == 0 { out += "## Objective: Make area \(i / 5) something people rely on\n" }
            let metric = metrics[random.next(metrics.count)]
            let a = 10 + random.next(90), b = 1 + random.next(9)
            switch random.next(10) {
            case 0: out += "- Launch the new \(metric) dashboard \(i)\n"
            case 1: out += "- Maintain \(metric) at \(a)%\n"
            case 2: out += "- Improve \(metric) for team \(i)\n"
            case 3: out += "- Raise \(metric) to \(a)\n"
            default: out += "- Cut \(metric) for group \(i) from \(a) to \(b)\n"
            }
        }
        return out
    }
}
