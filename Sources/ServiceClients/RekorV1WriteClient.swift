import SigstoreCrypto
import Foundation
public import SigstoreModels

/// A Rekor v1 log's write side: `POST {base}/api/v1/log/entries` with a `ProposedEntry`
/// (hashedrekord 0.0.1 or dsse 0.0.1), answered `201` with a `LogEntry` (interop contract §4).
public struct RekorV1WriteClient: Sendable {
    /// The log's base URL from the signing configuration (`rekorTlogUrls[].url`).
    public let baseURL: String
    private let http: ServiceHTTPClient

    public init(baseURL: String, http: ServiceHTTPClient = ServiceHTTPClient()) {
        self.baseURL = baseURL
        self.http = http
    }

    /// Logs `entry` and returns it as a bundle `TransparencyLogEntry` (§4.5).
    ///
    /// The logged body must be the entry sent (same signature, digest or envelope hashes, and
    /// the same key or certificate up to PEM layout), and the entry UUID must be its leaf hash;
    /// anything else is `.malformedResponse`. A duplicate (409) is `.rejected` with status 409.
    public func createEntry(_ entry: ProposedEntry) async throws -> TransparencyLogEntry {
        let url = ServiceURL.join(baseURL, "/api/v1/log/entries")
        let body: [UInt8]
        do {
            body = try entry.encoded()
        } catch {
            throw ServiceClientError(.invalidRequest, "the log entry cannot be encoded: \(error)")
        }
        let response = try await http.postJSON(url, body: body, headers: [("Accept", "application/json")])
        try response.requireSuccess("the transparency log")
        let created: RekorV1.LogEntryResponse
        do {
            created = try RekorV1.LogEntryResponse(decoding: response.body)
        } catch {
            throw ServiceClientError(.malformedResponse, "the transparency log at \(url) answered with something other than a LogEntry: \(error)")
        }
        let logged = created.entry
        guard let bodyBytes = logged.bodyBytes, let stored = try? RekorEntry(decoding: bodyBytes) else {
            throw ServiceClientError(.malformedResponse, "the transparency log at \(url) returned an entry body that does not parse")
        }
        guard Self.matches(stored, proposed: entry) else {
            throw ServiceClientError(.malformedResponse, "the transparency log at \(url) logged a different entry than the one sent")
        }
        do {
            let proof = logged.verification?.inclusionProof.map { proof in
                TransparencyLogEntry.RekorV1InclusionProof(
                    logIndex: proof.logIndex, rootHash: Hex.encode(proof.rootHash), treeSize: proof.treeSize,
                    hashes: proof.hashes.map(Hex.encode), checkpoint: proof.checkpoint
                )
            }
            return try TransparencyLogEntry(
                rekorV1Body: logged.body, integratedTime: logged.integratedTime, logID: logged.logID, logIndex: logged.logIndex,
                inclusionProof: proof, signedEntryTimestamp: logged.verification?.signedEntryTimestamp, entryUUID: created.uuid
            )
        } catch {
            throw ServiceClientError(.malformedResponse, "the transparency log at \(url) returned an entry that cannot go into a bundle: \(error)")
        }
    }

    /// Whether the log stored what was proposed: for hashedrekord the same signature and digest
    /// and the same key (PEM compared without line breaks, since the log re-wraps it); for dsse
    /// the hashes of the envelope text and payload, and the envelope's signatures.
    static func matches(_ stored: RekorEntry, proposed: ProposedEntry) -> Bool {
        switch (stored, proposed) {
        case (.hashedRekordV001(let stored), .hashedRekordV001(let sent)):
            return stored.signature == sent.signature && stored.data == sent.data
                && PEMText.sameContent(stored.publicKey, sent.publicKey)
        case (.dsseV001(let stored), .dsseV001(let sent)):
            guard let envelope = try? ProtoJSON.decode(DSSEEnvelope.self, from: Array(sent.envelope.utf8)) else { return false }
            let envelopeHash = HexDigest.sha256(Array(sent.envelope.utf8))
            let payloadHash = HexDigest.sha256(envelope.payload)
            let sentSignatures = Set(envelope.signatures.map { $0.sig })
            let storedSignatures = Set(stored.signatures.compactMap(\.signatureBytes))
            return stored.envelopeHash.digest == envelopeHash && stored.payloadHash.digest == payloadHash
                && sentSignatures == storedSignatures
                && stored.signatures.allSatisfy { signature in sent.verifiers.contains { PEMText.sameContent($0, signature.verifier) } }
        default:
            return false
        }
    }
}
