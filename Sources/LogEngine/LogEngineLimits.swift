/// Upper bounds the log enforces on what callers ask of it, kept in one place.
public enum LogEngineLimits {
    /// The most entries one ``LogReader/entries(in:)`` call returns: enough for a full
    /// tlog-tiles entry bundle (256) with room to spare.
    public static let maximumEntriesPerRead = 1_024

    /// The longest search key value, in UTF-8 bytes. Identities (emails, URIs from certificate
    /// SANs) and hex digests fit comfortably.
    public static let maximumSearchKeyLength = 1_024

    /// The most indices one search returns.
    public static let maximumSearchResults = 1_000

    /// The largest entry body by default: what a C2SP tlog-tiles entry bundle can carry (a
    /// 16-bit length prefix), so every entry can also be served as a tile.
    public static let defaultMaximumEntrySize = 65_535
}
