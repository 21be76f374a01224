/// A logged Rekor entry body: `{"apiVersion":…,"kind":…,"spec":…}`, the JSON whose RFC 8785
/// form is a bundle's `canonicalizedBody` and a v1 response's `body`.
public enum RekorEntry: Sendable, Hashable {
    case hashedRekordV001(RekorV1.HashedRekord)
    case dsseV001(RekorV1.DSSEEntry)
    case intotoV002(RekorV1.IntotoEntry)
    case hashedRekordV002(RekorV2.HashedRekordLogEntry)
    case dsseV002(RekorV2.DSSELogEntry)

    /// Reads an entry body strictly: UTF-8 JSON, no duplicate or unknown members.
    ///
    /// - Throws: `ModelError`; an unknown kind or version has code `.unsupportedEntryKind`.
    public init(decoding body: some Sequence<UInt8>) throws(ModelError) {
        self = try JSONValue.decode(RekorEntry.self, from: body, limits: RekorV1.limits)
    }

    /// The RFC 8785 bytes of the entry: what the log hashes into a leaf, base64-encoded in bundles.
    public func canonicalBody() throws(ModelError) -> [UInt8] {
        do {
            return try CanonicalJSON.encode(self)
        } catch {
            throw ModelError.from(error)
        }
    }

    /// The entry type name, as in the body and in a bundle's `kindVersion.kind`.
    public var kind: String {
        switch self {
        case .hashedRekordV001: RekorV1.HashedRekord.kind
        case .dsseV001: RekorV1.DSSEEntry.kind
        case .intotoV002: RekorV1.IntotoEntry.kind
        case .hashedRekordV002: RekorV2.HashedRekordLogEntry.kind
        case .dsseV002: RekorV2.DSSELogEntry.kind
        }
    }

    /// The entry type version, as in the body and in a bundle's `kindVersion.version`.
    public var apiVersion: String {
        switch self {
        case .hashedRekordV001: RekorV1.HashedRekord.apiVersion
        case .dsseV001: RekorV1.DSSEEntry.apiVersion
        case .intotoV002: RekorV1.IntotoEntry.apiVersion
        case .hashedRekordV002: RekorV2.HashedRekordLogEntry.apiVersion
        case .dsseV002: RekorV2.DSSELogEntry.apiVersion
        }
    }
}

extension RekorEntry: Codable {
    enum CodingKeys: String, CodingKey {
        case apiVersion
        case kind
        case spec
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try container.decode(String.self, forKey: .kind)
        let apiVersion = try container.decode(String.self, forKey: .apiVersion)
        switch (kind, apiVersion) {
        case (RekorV1.HashedRekord.kind, RekorV1.HashedRekord.apiVersion):
            self = .hashedRekordV001(try container.decode(RekorV1.HashedRekord.self, forKey: .spec))
        case (RekorV1.DSSEEntry.kind, RekorV1.DSSEEntry.apiVersion):
            self = .dsseV001(try container.decode(RekorV1.DSSEEntry.self, forKey: .spec))
        case (RekorV1.IntotoEntry.kind, RekorV1.IntotoEntry.apiVersion):
            self = .intotoV002(try container.decode(RekorV1.IntotoEntry.self, forKey: .spec))
        case (RekorV2.HashedRekordLogEntry.kind, RekorV2.HashedRekordLogEntry.apiVersion):
            let spec = try container.decode(RekorV2EntrySpec.self, forKey: .spec)
            guard case .hashedRekord(let entry) = spec else { throw RekorEntry.wrongSpec(kind, in: container) }
            self = .hashedRekordV002(entry)
        case (RekorV2.DSSELogEntry.kind, RekorV2.DSSELogEntry.apiVersion):
            let spec = try container.decode(RekorV2EntrySpec.self, forKey: .spec)
            guard case .dsse(let entry) = spec else { throw RekorEntry.wrongSpec(kind, in: container) }
            self = .dsseV002(entry)
        default:
            throw ModelError(.unsupportedEntryKind, field: container.fieldPath(.kind),
                             "unsupported entry kind \(kind) version \(apiVersion)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(apiVersion, forKey: .apiVersion)
        try container.encode(kind, forKey: .kind)
        switch self {
        case .hashedRekordV001(let spec): try container.encode(spec, forKey: .spec)
        case .dsseV001(let spec): try container.encode(spec, forKey: .spec)
        case .intotoV002(let spec): try container.encode(spec, forKey: .spec)
        case .hashedRekordV002(let spec): try container.encode(RekorV2EntrySpec.hashedRekord(spec), forKey: .spec)
        case .dsseV002(let spec): try container.encode(RekorV2EntrySpec.dsse(spec), forKey: .spec)
        }
    }

    private static func wrongSpec(_ kind: String, in container: KeyedDecodingContainer<CodingKeys>) -> ModelError {
        ModelError(.invalidValue, field: container.fieldPath(.spec), "spec does not hold a \(kind) entry")
    }
}

/// `dev.sigstore.rekor.v2.Spec`: a oneof of the v2 log entry kinds.
private enum RekorV2EntrySpec: Codable {
    case hashedRekord(RekorV2.HashedRekordLogEntry)
    case dsse(RekorV2.DSSELogEntry)

    private static let fields = ProtoFields("hashed_rekord_v002", "dsse_v002")

    init(from decoder: any Decoder) throws {
        let reader = try ProtoMessageReader(decoder, fields: Self.fields)
        switch try reader.oneof("hashedRekordV002", "dsseV002") {
        case "hashedRekordV002": self = .hashedRekord(try reader.require("hashedRekordV002"))
        case "dsseV002": self = .dsse(try reader.require("dsseV002"))
        default: throw reader.error(.missingField, "hashedRekordV002", "spec holds no entry")
        }
    }

    func encode(to encoder: any Encoder) throws {
        var writer = ProtoMessageWriter(encoder)
        switch self {
        case .hashedRekord(let entry): try writer.encode(entry, as: "hashedRekordV002")
        case .dsse(let entry): try writer.encode(entry, as: "dsseV002")
        }
    }
}
