import ArgumentParser

/// How a command reports its result: prose for people or one JSON document for machines.
enum OutputFormat: String, CaseIterable, ExpressibleByArgument, Sendable {
    case text
    case json
}
