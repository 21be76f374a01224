/// One subject of a statement: an in-toto ResourceDescriptor naming an artifact by digest.
public struct InTotoSubject: Sendable, Hashable {
    /// The artifact's name, e.g. a file name or a package URL.
    public var name: String?
    public var uri: String?
    /// Algorithm name (`sha256`, `sha512`, `gitCommit`, …) → lowercase hex digest.
    public var digest: [String: String]
    /// Free-form facts about the artifact.
    public var annotations: JSONObject?

    public init(name: String?, digest: [String: String], uri: String? = nil, annotations: JSONObject? = nil) {
        self.name = name
        self.digest = digest
        self.uri = uri
        self.annotations = annotations
    }

    /// Whether the subject lists `digest` under `algorithm`; hex case is ignored.
    public func matches(algorithm: String, digest: [UInt8]) -> Bool {
        guard let text = self.digest[algorithm], let listed = RekorFieldCoding.bytes(fromHex: text, allowUppercase: true)
        else { return false }
        return listed == digest
    }
}

extension InTotoSubject: Codable {
    private enum CodingKeys: String, CodingKey {
        case name, uri, digest, annotations
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decodeIfPresent(String.self, forKey: .name)
        uri = try container.decodeIfPresent(String.self, forKey: .uri)
        digest = try container.decodeIfPresent([String: String].self, forKey: .digest) ?? [:]
        guard !digest.isEmpty else {
            throw ModelError(.missingField, field: container.fieldPath(.digest), "a subject needs at least one digest")
        }
        let annotations = try container.decodeIfPresent(JSONValue.self, forKey: .annotations)
        if let annotations, annotations.objectValue == nil {
            throw ModelError(.wrongType, field: container.fieldPath(.annotations), "expected an object")
        }
        self.annotations = annotations?.objectValue
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(name, forKey: .name)
        try container.encodeIfPresent(uri, forKey: .uri)
        try container.encode(digest, forKey: .digest)
        try container.encodeIfPresent(annotations.map(JSONValue.object), forKey: .annotations)
    }
}
