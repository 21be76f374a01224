extension RekorV1 {
    /// One log entry as the v1 API returns it (the value inside the `{"<uuid>": …}` map).
    public struct LogEntry: Sendable, Hashable {
        /// Base64 of the canonical entry body, kept as text because the SET signs this text.
        public var body: String
        /// Seconds since the Unix epoch when the log integrated the entry.
        public var integratedTime: Int64
        /// Hex SHA-256 of the log key's DER `SubjectPublicKeyInfo`.
        public var logID: String
        /// The global (virtual) index across shards.
        public var logIndex: Int64
        public var verification: Verification?
        /// Attestation storage, which some Rekor deployments return for `intoto` entries.
        public var attestation: Attestation?

        /// Proof material: the inclusion proof and the signed entry timestamp.
        public struct Verification: Sendable, Hashable, Codable {
            public var inclusionProof: InclusionProof?
            /// Base64 DER signature over ``LogEntry/signedEntryTimestampPayload()``.
            public var signedEntryTimestamp: String?

            public init(inclusionProof: InclusionProof?, signedEntryTimestamp: String?) {
                self.inclusionProof = inclusionProof
                self.signedEntryTimestamp = signedEntryTimestamp
            }
        }

        /// `{"data": "<base64>"}`.
        public struct Attestation: Sendable, Hashable, Codable {
            public var data: String?

            public init(data: String?) {
                self.data = data
            }
        }

        public init(body: String, integratedTime: Int64, logID: String, logIndex: Int64,
                    verification: Verification?, attestation: Attestation? = nil) {
            self.body = body
            self.integratedTime = integratedTime
            self.logID = logID
            self.logIndex = logIndex
            self.verification = verification
            self.attestation = attestation
        }

        /// The decoded entry body, or `nil` when `body` is not base64.
        public var bodyBytes: [UInt8]? { ProtoBase64.decode(body) }

        /// The bytes the log signs for the SET (§4.4): RFC 8785 JSON of exactly `body`,
        /// `integratedTime`, `logID` and `logIndex`, with JSON integers.
        public func signedEntryTimestampPayload() throws(ModelError) -> [UInt8] {
            let payload: JSONObject = [
                "body": .string(body),
                "integratedTime": .number(JSONNumber(integratedTime)),
                "logID": .string(logID),
                "logIndex": .number(JSONNumber(logIndex)),
            ]
            return try CanonicalJSON.serialize(.object(payload))
        }
    }
}

extension RekorV1.LogEntry: Codable {
    private enum CodingKeys: String, CodingKey {
        case body, integratedTime, logID, logIndex, verification, attestation
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        body = try container.decode(String.self, forKey: .body)
        guard ProtoBase64.decode(body) != nil else {
            throw ModelError(.invalidValue, field: container.fieldPath(.body), "not base64")
        }
        integratedTime = try container.decode(Int64.self, forKey: .integratedTime)
        logID = try container.decode(String.self, forKey: .logID)
        guard RekorFieldCoding.bytes(fromHex: logID, allowUppercase: true)?.count == 32 else {
            throw ModelError(.invalidValue, field: container.fieldPath(.logID), "expected 64 hex digits")
        }
        logIndex = try container.decode(Int64.self, forKey: .logIndex)
        guard logIndex >= 0 else {
            throw ModelError(.invalidValue, field: container.fieldPath(.logIndex), "negative log index")
        }
        verification = try container.decodeIfPresent(Verification.self, forKey: .verification)
        attestation = try container.decodeIfPresent(Attestation.self, forKey: .attestation)
    }
}
