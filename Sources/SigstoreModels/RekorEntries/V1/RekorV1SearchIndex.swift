extension RekorV1 {
    /// `POST /api/v1/index/retrieve`: find entry UUIDs by email, public key or artifact hash.
    public struct SearchIndex: Sendable, Hashable {
        /// A public key to search by, inline or by URL.
        public struct PublicKey: Sendable, Hashable {
            public enum Format: String, Sendable, Hashable, CaseIterable {
                case pgp, x509, minisign, ssh, tuf
            }

            public var format: Format
            /// The key bytes (base64 in JSON).
            public var content: [UInt8]?
            public var url: String?

            public init(format: Format, content: [UInt8]? = nil, url: String? = nil) {
                self.format = format
                self.content = content
                self.url = url
            }
        }

        /// How several criteria combine.
        public enum Operator: String, Sendable, Hashable {
            case and, or
        }

        public var email: String?
        public var publicKey: PublicKey?
        /// Hex digest with an optional `sha256:`, `sha512:` or `sha1:` prefix.
        public var hash: String?
        public var `operator`: Operator?

        public init(email: String? = nil, publicKey: PublicKey? = nil, hash: String? = nil, operator: Operator? = nil) {
            self.email = email
            self.publicKey = publicKey
            self.hash = hash
            self.operator = `operator`
        }

        /// Reads a request strictly.
        public init(decoding body: some Sequence<UInt8>) throws(ModelError) {
            self = try JSONValue.decode(SearchIndex.self, from: body, limits: RekorV1.limits)
        }

        /// The request body (canonical JSON).
        public func encoded() throws(ModelError) -> [UInt8] {
            try RekorV1.encode(self)
        }

        /// Rekor's pattern: `sha512:` + 128 hex, `sha256:` + 64 hex or `sha1:` + 40 hex, prefix optional.
        static func isValidHash(_ text: String) -> Bool {
            let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            let digest = parts.count == 2 ? String(parts[1]) : text
            let lengthByPrefix = ["sha512": 128, "sha256": 64, "sha1": 40]
            guard let hex = RekorFieldCoding.bytes(fromHex: digest, allowUppercase: true) else { return false }
            if parts.count == 2 {
                return lengthByPrefix[String(parts[0])] == digest.utf8.count
            }
            return lengthByPrefix.values.contains(hex.count * 2)
        }
    }
}

extension RekorV1.SearchIndex: Codable {
    private enum CodingKeys: String, CodingKey {
        case email, publicKey, hash, `operator`
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        email = try container.decodeIfPresent(String.self, forKey: .email)
        publicKey = try container.decodeIfPresent(PublicKey.self, forKey: .publicKey)
        hash = try container.decodeIfPresent(String.self, forKey: .hash)
        if let hash, !Self.isValidHash(hash) {
            throw ModelError(.invalidValue, field: container.fieldPath(.hash), "not a sha256, sha512 or sha1 hex digest")
        }
        if let name = try container.decodeIfPresent(String.self, forKey: .operator) {
            guard let value = Operator(rawValue: name) else {
                throw ModelError(.invalidValue, field: container.fieldPath(.operator), "operator is \"and\" or \"or\"")
            }
            self.operator = value
        } else {
            self.operator = nil
        }
        guard email != nil || publicKey != nil || hash != nil else {
            throw ModelError(.missingField, field: container.fieldPath(.hash), "a search needs an email, a public key or a hash")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(email, forKey: .email)
        try container.encodeIfPresent(publicKey, forKey: .publicKey)
        try container.encodeIfPresent(hash, forKey: .hash)
        try container.encodeIfPresent(self.operator?.rawValue, forKey: .operator)
    }
}

extension RekorV1.SearchIndex.PublicKey: Codable {
    private enum CodingKeys: String, CodingKey {
        case format, content, url
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let name = try container.decode(String.self, forKey: .format)
        guard let format = Format(rawValue: name) else {
            throw ModelError(.invalidValue, field: container.fieldPath(.format), "unsupported key format \"\(name)\"")
        }
        self.format = format
        content = try container.contains(.content) ? container.decodeStandardBase64(forKey: .content) : nil
        url = try container.decodeIfPresent(String.self, forKey: .url)
        guard content != nil || url != nil else {
            throw ModelError(.missingField, field: container.fieldPath(.content), "a public key needs content or a URL")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(format.rawValue, forKey: .format)
        if let content {
            try container.encodeStandardBase64(content, forKey: .content)
        }
        try container.encodeIfPresent(url, forKey: .url)
    }
}
