import SigstoreCrypto
public import SigstoreModels

/// An in-toto statement (the payload of a Sigstore DSSE envelope): what was attested about
/// which artifacts.
public struct InTotoStatement: Sendable, Hashable {
    /// A subject: an artifact name and its digests by algorithm name (`sha256`, `sha512`, …),
    /// as lowercase hex.
    public struct Subject: Sendable, Hashable {
        /// The artifact's name; may be empty.
        public let name: String
        /// Digests by algorithm name, lowercase hex as written.
        public let digest: [String: String]
    }

    /// The statement types this library reads.
    public static let supportedTypes: Set<String> = ["https://in-toto.io/Statement/v1", "https://in-toto.io/Statement/v0.1"]

    /// `_type`, one of ``supportedTypes``.
    public let type: String
    /// What kind of claim ``predicate`` makes, e.g. `https://slsa.dev/provenance/v1`.
    public let predicateType: String
    /// The artifacts the statement is about; never empty.
    public let subjects: [Subject]
    /// The claim itself, as parsed JSON; `nil` when the statement has none.
    public let predicate: JSONValue?
    /// The statement exactly as signed.
    public let payload: [UInt8]

    /// Parses a DSSE payload strictly: UTF-8 JSON without duplicate members, a supported
    /// `_type`, a string `predicateType` and at least one subject with a name and digests.
    init(payload: [UInt8]) throws(VerificationError) {
        let value: JSONValue
        do {
            value = try JSONValue(parsing: payload, limits: JSONLimits(maxBytes: VerificationLimits.maximumStatementSize))
        } catch {
            throw Self.invalid("is not JSON: \(error)")
        }
        guard let type = value["_type"]?.stringValue, Self.supportedTypes.contains(type) else {
            throw Self.invalid("has _type \(value["_type"]?.stringValue.map { String(reflecting: $0) } ?? "missing"), not an in-toto Statement v1 or v0.1")
        }
        guard let predicateType = value["predicateType"]?.stringValue else {
            throw Self.invalid("has no predicateType string")
        }
        guard let list = value["subject"]?.arrayValue, !list.isEmpty else {
            throw Self.invalid("has no subjects")
        }
        var subjects: [Subject] = []
        for (index, item) in list.enumerated() {
            guard let digests = item["digest"]?.objectValue, !digests.isEmpty else {
                throw Self.invalid("subject \(index) has no digest")
            }
            var digest: [String: String] = [:]
            for member in digests {
                guard let hex = member.value.stringValue else { throw Self.invalid("subject \(index) digest \(member.key) is not a string") }
                digest[member.key] = hex
            }
            subjects.append(Subject(name: item["name"]?.stringValue ?? "", digest: digest))
        }
        self.type = type
        self.predicateType = predicateType
        self.subjects = subjects
        self.predicate = value["predicate"]
        self.payload = payload
    }

    /// The hash algorithms the subjects name that this library can compute.
    var digestAlgorithms: Set<HashAlgorithm> {
        Set(subjects.flatMap { $0.digest.keys.compactMap { HashAlgorithm(rawValue: $0) } })
    }

    /// The subject whose digest under some algorithm equals the artifact's, if any.
    func subject(matching digests: [HashAlgorithm: [UInt8]]) -> Subject? {
        subjects.first { subject in
            digests.contains { algorithm, digest in
                subject.digest[algorithm.rawValue].flatMap { Hex.decode($0) } == digest
            }
        }
    }

    private static func invalid(_ problem: String) -> VerificationError {
        VerificationError(.invalidSignature, "the DSSE payload \(problem)")
    }
}
