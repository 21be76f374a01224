/// An in-toto attestation Statement: which artifacts (`subject`) a typed claim (`predicate`)
/// is about. Sigstore signs it as the payload of a DSSE envelope of type ``payloadType``.
public struct InTotoStatement: Sendable, Hashable {
    /// The DSSE `payloadType` of statements.
    public static let payloadType = DSSE.inTotoPayloadType
    /// `_type` of in-toto Statement v1, the version Sigstore clients produce.
    public static let typeV1 = "https://in-toto.io/Statement/v1"
    /// `_type` of the older Statement v0.1, still found in older attestations.
    public static let typeV01 = "https://in-toto.io/Statement/v0.1"
    /// The largest payload ``init(decoding:)`` reads.
    public static let maximumDocumentSize = 16 << 20

    /// `_type`: ``typeV1`` or ``typeV01``.
    public var type: String
    /// The artifacts the claim is about (`subject`).
    public var subjects: [InTotoSubject]
    /// A URI naming the predicate's schema, e.g. `https://slsa.dev/provenance/v1`.
    public var predicateType: String
    /// The claim, free-form JSON whose meaning `predicateType` defines.
    public var predicate: JSONValue?

    public init(type: String = InTotoStatement.typeV1, subjects: [InTotoSubject], predicateType: String,
                predicate: JSONValue?) {
        self.type = type
        self.subjects = subjects
        self.predicateType = predicateType
        self.predicate = predicate
    }

    /// Reads a statement from a DSSE payload.
    ///
    /// The JSON itself is read strictly (UTF-8, no duplicate members), but members the statement
    /// does not define are ignored, as the in-toto specification requires of consumers.
    ///
    /// - Throws: `ModelError`; an unknown `_type` or an empty `subject` is `.invalidValue`.
    public init(decoding payload: some Sequence<UInt8>) throws(ModelError) {
        self = try JSONValue.decode(InTotoStatement.self, from: payload,
                                    limits: JSONLimits(maxBytes: Self.maximumDocumentSize),
                                    rejectingUnknownMembers: false)
    }

    /// The statement as canonical JSON, ready to be a DSSE payload.
    public func encoded() throws(ModelError) -> [UInt8] {
        do {
            return try CanonicalJSON.encode(self)
        } catch {
            throw ModelError.from(error)
        }
    }

    /// The first subject whose `sha256` digest is `digest`, or `nil`.
    public func subject(matchingSHA256 digest: [UInt8]) -> InTotoSubject? {
        subjects.first { $0.matches(algorithm: "sha256", digest: digest) }
    }

    /// Whether an artifact with this SHA-256 digest is one of the statement's subjects (§9.4).
    public func hasSubject(matchingSHA256 digest: [UInt8]) -> Bool {
        subject(matchingSHA256: digest) != nil
    }
}

extension InTotoStatement: Codable {
    private enum CodingKeys: String, CodingKey {
        case type = "_type"
        case subject
        case predicateType
        case predicate
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        type = try container.decode(String.self, forKey: .type)
        guard type == Self.typeV1 || type == Self.typeV01 else {
            throw ModelError(.invalidValue, field: container.fieldPath(.type), "unknown statement type \"\(type)\"")
        }
        subjects = try container.decode([InTotoSubject].self, forKey: .subject)
        guard !subjects.isEmpty else {
            throw ModelError(.invalidValue, field: container.fieldPath(.subject), "a statement needs at least one subject")
        }
        predicateType = try container.decode(String.self, forKey: .predicateType)
        guard !predicateType.isEmpty else {
            throw ModelError(.invalidValue, field: container.fieldPath(.predicateType), "predicateType is empty")
        }
        predicate = try container.decodeIfPresent(JSONValue.self, forKey: .predicate)
        if let predicate, predicate.objectValue == nil {
            throw ModelError(.wrongType, field: container.fieldPath(.predicate), "expected an object, found \(predicate.typeName)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(type, forKey: .type)
        try container.encode(subjects, forKey: .subject)
        try container.encode(predicateType, forKey: .predicateType)
        try container.encodeIfPresent(predicate, forKey: .predicate)
    }
}
