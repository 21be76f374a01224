/// The SPIFFE ID rules (SPIFFE-ID standard §2) that decide whether a `spiffe` token's `sub`
/// belongs to the configured trust domain.
enum SPIFFEID {
    /// Lower-case letters, digits, `.`, `-` and `_`; not empty.
    static func isValidTrustDomain(_ domain: String) -> Bool {
        !domain.isEmpty && domain.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
        }
    }

    /// The trust domain of a well-formed SPIFFE ID `spiffe://<domain>[/<segment>…]`, else `nil`:
    /// no query, fragment, port, user info, empty, `.` or `..` segments, or trailing slash.
    static func trustDomain(of id: String) -> String? {
        guard id.hasPrefix("spiffe://") else { return nil }
        let rest = id.dropFirst("spiffe://".count)
        let parts = rest.split(separator: "/", omittingEmptySubsequences: false)
        guard let domain = parts.first.map(String.init), isValidTrustDomain(domain) else { return nil }
        for segment in parts.dropFirst() {
            guard !segment.isEmpty, segment != ".", segment != "..",
                segment.utf8.allSatisfy({ byte in
                    (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                        || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                        || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
                })
            else { return nil }
        }
        return domain
    }
}
