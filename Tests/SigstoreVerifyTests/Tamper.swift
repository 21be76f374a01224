import Foundation
import SigstoreCrypto
import SigstoreModels
import SigstoreVerify

/// One mutation of one bundle field, and the codes a verifier may sensibly reject it with.
struct Tamper: Sendable, CustomStringConvertible {
    var field: String
    var expected: Set<VerificationError.Code>
    var apply: @Sendable (inout SigstoreBundle) -> Void

    var description: String { field }

    /// Every field of `bundle` worth mutating, each mutated on its own.
    static func corpus(for bundle: SigstoreBundle) -> [Tamper] {
        var corpus: [Tamper] = []
        let material = bundle.verificationMaterial
        let entry = material.tlogEntries[0]
        let log: Set<VerificationError.Code> = [.invalidTransparencyLogEntry]

        switch bundle.content {
        case .messageSignature(let message):
            corpus.append(Tamper(field: "signature", expected: [.invalidSignature]) { $0.content = .messageSignature(.init(messageDigest: message.messageDigest, signature: flip(message.signature))) })
            if let digest = message.messageDigest {
                corpus.append(Tamper(field: "messageDigest", expected: [.artifactMismatch]) {
                    $0.content = .messageSignature(.init(messageDigest: HashOutput(algorithm: digest.algorithm, digest: flip(digest.digest)), signature: message.signature))
                })
            }
        case .dsseEnvelope(let envelope):
            corpus.append(Tamper(field: "DSSE signature", expected: [.invalidSignature]) { $0.content = .dsseEnvelope(with(envelope) { $0.signatures[0].sig = flip($0.signatures[0].sig) }) })
            corpus.append(Tamper(field: "DSSE payload", expected: [.invalidSignature]) { $0.content = .dsseEnvelope(with(envelope) { $0.payload = flip($0.payload) }) })
            corpus.append(Tamper(field: "DSSE payloadType", expected: [.invalidSignature]) { $0.content = .dsseEnvelope(with(envelope) { $0.payloadType = "application/json" }) })
        case nil:
            break
        }

        if let leaf = material.leafCertificate {
            for position in [leaf.rawBytes.count / 4, leaf.rawBytes.count / 2, leaf.rawBytes.count * 3 / 4, leaf.rawBytes.count - 2] {
                corpus.append(Tamper(field: "certificate byte \(position)", expected: [.invalidBundle, .untrustedCertificate, .invalidSignature, .identityMismatch, .invalidTransparencyLogEntry, .invalidSCT]) {
                    let tampered = X509Certificate(rawBytes: flip(leaf.rawBytes, at: position))
                    switch $0.verificationMaterial.content {
                    case .certificate: $0.verificationMaterial.content = .certificate(tampered)
                    case .x509CertificateChain(let chain):
                        $0.verificationMaterial.content = .x509CertificateChain(X509CertificateChain(certificates: [tampered] + chain.certificates.dropFirst()))
                    default: break
                    }
                })
            }
        }

        corpus.append(Tamper(field: "log ID", expected: log) { $0.verificationMaterial.tlogEntries[0].logId.keyId = flip(entry.logId.keyId) })
        corpus.append(Tamper(field: "log index +1", expected: log) { $0.verificationMaterial.tlogEntries[0].logIndex += 1 })
        corpus.append(Tamper(field: "kind version", expected: log) { $0.verificationMaterial.tlogEntries[0].kindVersion.version = "0.0.9" })
        corpus.append(Tamper(field: "canonicalizedBody", expected: log) { $0.verificationMaterial.tlogEntries[0].canonicalizedBody = flip(entry.canonicalizedBody) })
        corpus.append(Tamper(field: "integrated time +1", expected: log) { $0.verificationMaterial.tlogEntries[0].integratedTime += 1 })
        if let promise = entry.inclusionPromise {
            corpus.append(Tamper(field: "SET", expected: log) {
                $0.verificationMaterial.tlogEntries[0].inclusionPromise = .init(signedEntryTimestamp: flip(promise.signedEntryTimestamp))
            })
        }
        if let proof = entry.inclusionProof {
            let structural: Set<VerificationError.Code> = [.invalidTransparencyLogEntry, .invalidBundle]
            for index in proof.hashes.indices {
                corpus.append(Tamper(field: "inclusion proof hash \(index)", expected: log) { $0.verificationMaterial.tlogEntries[0].inclusionProof?.hashes[index] = flip(proof.hashes[index]) })
            }
            corpus.append(Tamper(field: "root hash", expected: log) { $0.verificationMaterial.tlogEntries[0].inclusionProof?.rootHash = flip(proof.rootHash) })
            corpus.append(Tamper(field: "tree size +1", expected: structural) { $0.verificationMaterial.tlogEntries[0].inclusionProof?.treeSize += 1 })
            corpus.append(Tamper(field: "tree size -1", expected: structural) { $0.verificationMaterial.tlogEntries[0].inclusionProof?.treeSize -= 1 })
            corpus.append(Tamper(field: "proof log index +1", expected: structural) { $0.verificationMaterial.tlogEntries[0].inclusionProof?.logIndex += 1 })
            if let checkpoint = proof.checkpoint {
                let text = checkpoint.envelope
                corpus.append(Tamper(field: "checkpoint origin", expected: log) {
                    $0.verificationMaterial.tlogEntries[0].inclusionProof?.checkpoint?.envelope = "x" + text
                })
                corpus.append(Tamper(field: "checkpoint signature", expected: log) {
                    $0.verificationMaterial.tlogEntries[0].inclusionProof?.checkpoint?.envelope = flipSignature(inNote: text)
                })
                corpus.append(Tamper(field: "checkpoint without signatures", expected: log) {
                    $0.verificationMaterial.tlogEntries[0].inclusionProof?.checkpoint?.envelope = String(text[..<text.range(of: "\n\n")!.upperBound])
                })
            }
            // Only v0.1 may omit the checkpoint (its SET then carries the entry).
            if bundle.version >= .v0_2 {
                corpus.append(Tamper(field: "checkpoint removed", expected: structural) {
                    $0.verificationMaterial.tlogEntries[0].inclusionProof?.checkpoint = nil
                })
            }
        }
        for (index, timestamp) in material.rfc3161Timestamps.enumerated() {
            let bytes = timestamp.signedTimestamp
            for (name, position) in [("TSTInfo", imprintPosition(in: bytes, bundle: bundle)), ("signature", bytes.count - 3)] {
                guard let position else { continue }
                corpus.append(Tamper(field: "timestamp \(index) \(name)", expected: [.invalidTimestamp]) {
                    $0.verificationMaterial.timestampVerificationData?.rfc3161Timestamps[index] = .init(signedTimestamp: flip(bytes, at: position))
                })
            }
        }
        return corpus
    }

    /// Flips the low bit of one byte (the middle one by default).
    static func flip(_ bytes: [UInt8], at position: Int? = nil) -> [UInt8] {
        var copy = bytes
        guard !copy.isEmpty else { return [0] }
        copy[position ?? copy.count / 2] ^= 0x01
        return copy
    }

    /// A byte inside the token's message imprint: signed content, unlike the certificates a
    /// token may also embed.
    private static func imprintPosition(in token: [UInt8], bundle: SigstoreBundle) -> Int? {
        let signature = bundle.messageSignature?.signature ?? bundle.dsseEnvelope?.signatures.first?.sig ?? []
        let imprint = HashAlgorithm.sha256.hash(signature)
        guard token.count >= imprint.count else { return nil }
        for start in 0...(token.count - imprint.count) where Array(token[start..<start + imprint.count]) == imprint {
            return start + imprint.count / 2
        }
        return nil
    }

    /// Changes one base64 character of the first signature line.
    private static func flipSignature(inNote note: String) -> String {
        var lines = note.components(separatedBy: "\n")
        guard let index = lines.firstIndex(where: { $0.hasPrefix("— ") }) else { return note }
        var characters = Array(lines[index])
        let position = characters.count - 8
        characters[position] = characters[position] == "A" ? "B" : "A"
        lines[index] = String(characters)
        return lines.joined(separator: "\n")
    }

    private static func with<T>(_ value: T, _ change: (inout T) -> Void) -> T {
        var copy = value
        change(&copy)
        return copy
    }
}
