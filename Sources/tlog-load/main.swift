import Foundation

// Measures durable appends/s through the Sequencer into SQLite or PostgreSQL: `tlog-load [--entries N]
// [--clients N] [--batch-size N] [--batch-age-ms N] [--directory PATH | --postgres URL [--log NAME]]
// [--print-acknowledged]`, or over HTTP against a running signetd: `tlog-load --http URL [--api v1|v2]
// [--entries N] [--clients N]`, or write presigned request bodies for another load generator:
// `tlog-load --write-requests FILE [--api v1|v2] [--entries N]`.
// Build with -c release for figures.
do {
    let options = try LoadOptions(arguments: Array(CommandLine.arguments.dropFirst()))
    let report = if let file = options.requestsFile {
        try HTTPLoadGenerator.writeRequests(count: options.entries, api: options.httpAPI, to: file)
    } else if let url = options.httpURL {
        try await HTTPLoadGenerator(options: options, baseURL: url).run()
    } else {
        try await LoadGenerator(options: options).run()
    }
    print(report)
} catch {
    FileHandle.standardError.write(Data("tlog-load: \(error)\n".utf8))
    exit(1)
}
