extension TimestampError {
    /// Runs `body`, turning any ASN.1 or certificate error into ``Code/malformedEncoding`` so callers match one code.
    static func parsing<T>(_ what: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as TimestampError {
            throw error
        } catch {
            throw TimestampError(.malformedEncoding, "\(what) does not parse: \(error)")
        }
    }
}
