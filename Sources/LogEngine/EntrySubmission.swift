/// An entry offered to the ``Sequencer``: validated and canonicalised by the caller.
public struct EntrySubmission: Sendable, Hashable {
    /// The leaf data: the canonical entry body. Two submissions with the same body are the
    /// same entry and get the same index.
    public var body: [UInt8]
    /// The keys the entry can be searched by.
    public var searchKeys: [SearchKey]

    public init(body: [UInt8], searchKeys: [SearchKey] = []) {
        self.body = body
        self.searchKeys = searchKeys
    }
}
