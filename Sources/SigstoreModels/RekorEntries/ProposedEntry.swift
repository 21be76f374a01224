/// An entry as clients submit it to `POST /api/v1/log/entries`.
///
/// Only the kinds this stack logs are accepted; anything else is `.unsupportedEntryKind`.
public enum ProposedEntry: Sendable, Hashable {
    case hashedRekordV001(RekorV1.HashedRekord)
    case dsseV001(RekorV1.DSSEProposal)

    /// Reads a request body strictly: UTF-8 JSON, no duplicate or unknown members.
    public init(decoding body: some Sequence<UInt8>) throws(ModelError) {
        self = try JSONValue.decode(ProposedEntry.self, from: body, limits: RekorV1.limits)
    }

    /// The JSON body to send (canonical, though the log does not require it).
    public func encoded() throws(ModelError) -> [UInt8] {
        do {
            return try CanonicalJSON.encode(self)
        } catch {
            throw ModelError.from(error)
        }
    }

    /// The entry type name.
    public var kind: String {
        switch self {
        case .hashedRekordV001: RekorV1.HashedRekord.kind
        case .dsseV001: RekorV1.DSSEProposal.kind
        }
    }

    /// The entry type version.
    public var apiVersion: String {
        switch self {
        case .hashedRekordV001: RekorV1.HashedRekord.apiVersion
        case .dsseV001: RekorV1.DSSEProposal.apiVersion
        }
    }
}

extension ProposedEntry: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: RekorEntry.CodingKeys.self)
        let kind = try container.decode(String.self, forKey: .kind)
        let apiVersion = try container.decode(String.self, forKey: .apiVersion)
        switch (kind, apiVersion) {
        case (RekorV1.HashedRekord.kind, RekorV1.HashedRekord.apiVersion):
            self = .hashedRekordV001(try container.decode(RekorV1.HashedRekord.self, forKey: .spec))
        case (RekorV1.DSSEProposal.kind, RekorV1.DSSEProposal.apiVersion):
            self = .dsseV001(try container.decode(RekorV1.DSSEProposal.self, forKey: .spec))
        default:
            throw ModelError(.unsupportedEntryKind, field: container.fieldPath(.kind),
                             "unsupported entry kind \(kind) version \(apiVersion)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: RekorEntry.CodingKeys.self)
        try container.encode(apiVersion, forKey: .apiVersion)
        try container.encode(kind, forKey: .kind)
        switch self {
        case .hashedRekordV001(let spec): try container.encode(spec, forKey: .spec)
        case .dsseV001(let spec): try container.encode(spec, forKey: .spec)
        }
    }
}
