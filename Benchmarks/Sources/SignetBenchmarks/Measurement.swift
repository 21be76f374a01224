/// Runs `body` repeatedly for at least `minimum` wall-clock time and reports throughput.
struct Measurement {
    let name: String
    let operations: Int
    let elapsed: Duration

    var perSecond: Double {
        Double(operations) / elapsed.seconds
    }

    var microsecondsPerOperation: Double {
        elapsed.seconds * 1_000_000 / Double(operations)
    }

    static func run(
        _ name: String,
        minimum: Duration = .milliseconds(500),
        batch: Int = 1,
        _ body: () throws -> Void
    ) rethrows -> Measurement {
        let clock = ContinuousClock()
        // Warm up once so lazy initialisation is not measured.
        try body()
        var operations = 0
        let start = clock.now
        var elapsed: Duration = .zero
        while elapsed < minimum {
            try body()
            operations += batch
            elapsed = clock.now - start
        }
        return Measurement(name: name, operations: operations, elapsed: elapsed)
    }

    func report(against reference: Measurement? = nil) {
        var line = "\(name.padding(toLength: 48, withPad: " ", startingAt: 0)) "
            + "\(format(perSecond)) ops/s  \(format(microsecondsPerOperation)) µs/op"
        if let reference {
            line += "  (\(format(perSecond / reference.perSecond))× \(reference.name))"
        }
        print(line)
    }
}

func format(_ value: Double) -> String {
    if value >= 100 { return String(Int(value.rounded())) }
    let scaled = (value * 100).rounded() / 100
    return String(scaled)
}

extension Duration {
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
