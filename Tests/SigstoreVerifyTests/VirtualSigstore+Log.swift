import Foundation
import Merkle
import SignedNote
import SigstoreCrypto
import SigstoreModels
import SwiftASN1
import X509

extension VirtualSigstore {
    /// Logs `content` the way Rekor v1 (hashedrekord or dsse, with an SET) or Rekor v2
    /// (hashedrekord over the digest or the DSSE PAE digest) does, in a small tree with other
    /// entries around it, and returns the bundle entry with proof and signed checkpoint.
    func logEntry(for content: Content, signer: Signer, request: Request, at time: Date) async throws -> TransparencyLogEntry {
        let body = try self.body(for: content, signer: signer, log: request.log)
        var tree = InMemoryMerkleTree()
        for index in 0..<5 { tree.append(leaf: Array("another entry \(index)".utf8)) }
        tree.append(leaf: body.bytes)
        for index in 5..<8 { tree.append(leaf: Array("another entry \(index)".utf8)) }
        let leafIndex: UInt64 = 5
        let proof = try await tree.inclusionProof(leafIndex: leafIndex, treeSize: tree.size)

        let noteSigner: RekorNoteSigner
        let origin: String
        let logID: [UInt8]
        switch request.log {
        case .rekorV1:
            noteSigner = try RekorNoteSigner(name: "rekor.virtual.test", signer: rekorV1Key, flavour: .v1)
            origin = Self.v1Origin
            logID = rekorV1Key.publicKey.keyID
        case .rekorV2:
            noteSigner = try RekorNoteSigner(name: Self.v2Origin, signer: rekorV2Key, flavour: .v2)
            origin = Self.v2Origin
            logID = try rekorV2LogID
        }
        let checkpoint = try Checkpoint(origin: origin, treeSize: tree.size, rootHash: tree.rootHash)
        let note = try await Note.signing(body: checkpoint.body, with: [noteSigner])

        // Rekor v1 shards: the global index is ahead of the shard-local one the proof uses.
        let logIndex = Int64(leafIndex) + (request.log == .rekorV1 ? 1000 : 0)
        let integratedTime = request.log == .rekorV1 ? Int64(time.timeIntervalSince1970) : 0
        var promise: TransparencyLogEntry.InclusionPromise?
        if request.log == .rekorV1 && request.inclusionPromise {
            let set = try rekorV1Key.signature(for: Self.signedEntryTimestampPayload(
                body: body.bytes, integratedTime: integratedTime, logID: logID, logIndex: logIndex))
            promise = .init(signedEntryTimestamp: set)
        }
        let inclusionProof = TransparencyLogEntry.InclusionProof(
            logIndex: Int64(leafIndex), rootHash: tree.rootHash, treeSize: Int64(tree.size), hashes: proof.hashes,
            checkpoint: .init(envelope: note.formatted))
        return TransparencyLogEntry(
            logIndex: logIndex, logId: LogId(keyId: logID), kindVersion: body.kind, integratedTime: integratedTime,
            inclusionPromise: promise, inclusionProof: request.inclusionProof ? inclusionProof : nil, canonicalizedBody: body.bytes)
    }

    /// Interop contract §4.4.
    static func signedEntryTimestampPayload(body: [UInt8], integratedTime: Int64, logID: [UInt8], logIndex: Int64) throws -> [UInt8] {
        var payload = JSONObject()
        payload["body"] = .string(Data(body).base64EncodedString())
        payload["integratedTime"] = .number(JSONNumber(integratedTime))
        payload["logID"] = .string(logID.map { String(format: "%02x", $0) }.joined())
        payload["logIndex"] = .number(JSONNumber(logIndex))
        return try CanonicalJSON.serialize(.object(payload))
    }

    private func body(for content: Content, signer: Signer, log: Log) throws -> (bytes: [UInt8], kind: TransparencyLogEntry.KindVersion) {
        let entry: RekorEntry
        switch (log, content.envelope) {
        case (.rekorV1, nil):
            let algorithm = RekorHash.Algorithm(rawValue: content.digestAlgorithm.rawValue)!
            entry = .hashedRekordV001(RekorV1.HashedRekord(
                signature: content.signature, publicKey: try Self.pem(of: signer), data: try RekorHash(algorithm: algorithm, digest: content.digest)))
        case (.rekorV1, let envelope?):
            let envelopeText = try ProtoJSON.encode(envelope)
            entry = .dsseV001(RekorV1.DSSEEntry(
                envelopeHash: try RekorHash(algorithm: .sha256, digest: HashAlgorithm.sha256.hash(envelopeText)),
                payloadHash: try RekorHash(algorithm: .sha256, digest: HashAlgorithm.sha256.hash(envelope.payload)),
                signatures: [.init(signature: Data(content.signature).base64EncodedString(), verifier: try Self.pem(of: signer))]))
        case (.rekorV2, let envelope):
            let key = try signerKey(signer)
            let keyDetails = key.defaultDetails
            let hash = keyDetails.hashAlgorithm ?? .sha512
            let digest = envelope.map { hash.hash($0.preAuthEncoding) } ?? content.digest
            let verifierKey: RekorV2.Verifier.Key
            switch signer {
            case .certificate(let der): verifierKey = .x509Certificate(der)
            case .key(let key): verifierKey = .publicKey(key.derRepresentation)
            }
            entry = .hashedRekordV002(RekorV2.HashedRekordLogEntry(
                data: HashOutput(algorithm: ProtoHashAlgorithm(rawValue: hash.protobufName)!, digest: digest),
                signature: RekorV2.Signature(content: content.signature, verifier: RekorV2.Verifier(key: verifierKey, keyDetails: keyDetails.rawValue))))
        }
        return (try entry.canonicalBody(), TransparencyLogEntry.KindVersion(kind: entry.kind, version: entry.apiVersion))
    }

    private func signerKey(_ signer: Signer) throws -> PublicKey {
        switch signer {
        case .key(let key): key
        case .certificate(let der): try PublicKey(Certificate(derEncoded: der).publicKey)
        }
    }

    private static func pem(of signer: Signer) throws -> [UInt8] {
        switch signer {
        case .key(let key): Array(key.pemRepresentation.utf8)
        case .certificate(let der): Array((try Certificate(derEncoded: der).serializeAsPEM().pemString + "\n").utf8)
        }
    }
}
