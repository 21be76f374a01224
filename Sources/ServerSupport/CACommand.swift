import ArgumentParser

/// `signetd ca ...`: manage the certificate authority's keys and certificates.
struct CACommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ca",
        abstract: "Manage the certificate authority's keys and certificates.",
        subcommands: [CAInitCommand.self]
    )

    init() {}
}
