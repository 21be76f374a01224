/// An entry offered to the ``Sequencer``: validated and canonicalised by the caller.
public struct EntrySubmission: Sendable, Hashable {
    /// The leaf data: the canonical entry body. Two submissions with the same body are the
    /// same entry and get the same index.
    public var body: [UInt8]
    /// The keys the entry can be searched by.
    public var searchKeys: [SearchKey]
    /// The entry's type (a Rekor kind such as `hashedrekord`), for metrics only: it is not
    /// stored and plays no part in deduplication.
    public var kind: String?

    public init(body: [UInt8], searchKeys: [SearchKey] = [], kind: String? = nil) {
        self.body = body
        self.searchKeys = searchKeys
        self.kind = kind
    }
}
