import Crypto
import Foundation
import Testing

@testable import SigstoreModels

/// The parts of a fixture bundle the entry tests compare against, read with the JSON reader
/// only (bundle models are tested on their own).
struct RealBundle {
    let json: JSONValue

    init(_ name: String) throws {
        json = try JSONValue(parsing: fixtureBytes(name, in: "rekor"), limits: unlimited)
    }

    private var entry: JSONValue { json["verificationMaterial"]!["tlogEntries"]!.arrayValue![0] }

    var body: [UInt8] { ProtoBase64.decode(entry["canonicalizedBody"]!.stringValue!)! }
    var kind: String { entry["kindVersion"]!["kind"]!.stringValue! }
    var version: String { entry["kindVersion"]!["version"]!.stringValue! }

    var certificate: [UInt8] {
        let material = json["verificationMaterial"]!
        let text = material["certificate"]?["rawBytes"]?.stringValue
            ?? material["x509CertificateChain"]!["certificates"]!.arrayValue![0]["rawBytes"]!.stringValue!
        return ProtoBase64.decode(text)!
    }

    var signature: [UInt8] { ProtoBase64.decode(json["messageSignature"]!["signature"]!.stringValue!)! }
    var messageDigest: [UInt8] { ProtoBase64.decode(json["messageSignature"]!["messageDigest"]!["digest"]!.stringValue!)! }

    var envelope: JSONValue { json["dsseEnvelope"]! }
    var payload: [UInt8] { ProtoBase64.decode(envelope["payload"]!.stringValue!)! }
    var payloadType: String { envelope["payloadType"]!.stringValue! }
    var envelopeSignature: String { envelope["signatures"]!.arrayValue![0]["sig"]!.stringValue! }

    /// The certificate as Rekor v1 stores it: PEM with 64-character lines.
    var certificatePEM: String {
        let base64 = Array(ProtoBase64.encode(certificate))
        let lines = stride(from: 0, to: base64.count, by: 64).map { String(base64[$0..<min($0 + 64, base64.count)]) }
        return "-----BEGIN CERTIFICATE-----\n" + lines.joined(separator: "\n") + "\n-----END CERTIFICATE-----\n"
    }
}

@Suite("Rekor entry bodies from real logs")
struct RekorEntryTests {
    static let realBundles = [
        "bundle_v3_github.whl.sigstore", "sigstore-3.1.0.sigstore.json", "model-signing-staging-dsse.sigstore.json",
        "staging-rekor-v2.txt.sigstore.json", "a.dsse.staging-rekor-v2.txt.sigstore.json",
        "dsse-statement-unknown-type.sigstore.json",
    ]

    /// The strongest check of the models and JCS together: decode a logged body and write it
    /// back; the bytes must be the ones the log hashed.
    @Test(arguments: realBundles)
    func loggedBodyReserializesByteForByte(name: String) throws {
        let bundle = try RealBundle(name)
        let entry = try RekorEntry(decoding: bundle.body)
        #expect(entry.kind == bundle.kind)
        #expect(entry.apiVersion == bundle.version)
        let rewritten = try entry.canonicalBody()
        #expect(String(decoding: rewritten, as: UTF8.self) == String(decoding: bundle.body, as: UTF8.self))
        #expect(rewritten == bundle.body)
    }

    @Test func hashedRekordV001MatchesItsBundle() throws {
        let bundle = try RealBundle("bundle_v3_github.whl.sigstore")
        guard case .hashedRekordV001(let spec) = try RekorEntry(decoding: bundle.body) else {
            Issue.record("expected hashedrekord 0.0.1")
            return
        }
        #expect(spec.signature == bundle.signature)
        #expect(spec.data.algorithm == .sha256)
        #expect(spec.data.digest == bundle.messageDigest)
        #expect(spec.data.hexValue == "c4e92e9ecc828bef2aa7dba1de8ac983511f7532a0df11c770d39099a25cf201")
        #expect(String(decoding: spec.publicKey, as: UTF8.self) == bundle.certificatePEM)
    }

    /// A client's proposal, stored with the canonical PEM, is the logged body.
    @Test func hashedRekordV001ProposalBecomesTheLoggedBody() throws {
        let bundle = try RealBundle("bundle_v3_github.whl.sigstore")
        let data = try RekorHash(algorithm: .sha256, digest: bundle.messageDigest)
        let proposal = ProposedEntry.hashedRekordV001(
            RekorV1.HashedRekord(signature: bundle.signature, publicKey: Array(bundle.certificatePEM.utf8), data: data))
        guard case .hashedRekordV001(let received) = try ProposedEntry(decoding: proposal.encoded()) else {
            Issue.record("expected hashedrekord 0.0.1")
            return
        }
        let stored = received.withCanonicalPublicKey(bundle.certificatePEM)
        #expect(try RekorEntry.hashedRekordV001(stored).canonicalBody() == bundle.body)
    }

    /// sigstore-python 4.5.1 proposes dsse entries with the computed members set to `null`
    /// (`"signatures": null, "envelopeHash": null, "payloadHash": null`): accepted; a value is not.
    @Test(arguments: [("null", true), (#"{"algorithm":"sha256","value":"00"}"#, false), ("[]", false)])
    func dsseProposalsMayCarryComputedMembersOnlyAsNull(value: String, accepted: Bool) throws {
        let pem = Data("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n".utf8).base64EncodedString()
        let json = #"{"apiVersion":"0.0.1","kind":"dsse","spec":{"proposedContent":{"envelope":"{}","verifiers":[""# + pem
            + #""]},"signatures":null,"envelopeHash":"# + value + #","payloadHash":null}}"#
        if accepted {
            #expect(try ProposedEntry(decoding: Array(json.utf8)).kind == "dsse")
        } else {
            let error = #expect(throws: ModelError.self) { try ProposedEntry(decoding: Array(json.utf8)) }
            #expect(error?.code == .invalidValue)
            #expect(error?.field == "spec.envelopeHash")
        }
    }

    /// Rebuilds a staging dsse 0.0.1 entry from what sigstore-python proposed: the envelope as
    /// `json.dumps` wrote it and the signing certificate.
    @Test func dsseV001IsBuiltFromItsProposalAsRekorDoes() throws {
        let bundle = try RealBundle("model-signing-staging-dsse.sigstore.json")
        let envelopeText = #"{"payload": ""# + bundle.envelope["payload"]!.stringValue! + #"", "payloadType": ""#
            + bundle.payloadType + #"", "signatures": [{"sig": ""# + bundle.envelopeSignature + #""}]}"#
        let proposal = RekorV1.DSSEProposal(envelope: envelopeText, verifiers: [Array(bundle.certificatePEM.utf8)])
        guard case .dsseV001(let received) = try ProposedEntry(decoding: ProposedEntry.dsseV001(proposal).encoded()) else {
            Issue.record("expected dsse 0.0.1")
            return
        }
        let stored = try RekorV1.DSSEEntry(proposal: received, canonicalVerifiers: [bundle.certificatePEM])
        #expect(try RekorEntry.dsseV001(stored).canonicalBody() == bundle.body)
        #expect(stored.matchesPayload(bundle.payload))
        #expect(!stored.matchesPayload(bundle.payload.dropLast()))
        #expect(stored.signatures.first?.signatureBytes == ProtoBase64.decode(bundle.envelopeSignature))
    }

    @Test func dsseV001SortsAndDeduplicatesSignatures() throws {
        let envelope = #"{"payload":"aGk=","payloadType":"t","signatures":[{"sig":"Yg=="},{"sig":"YQ=="},{"sig":"Yg=="}]}"#
        let proposal = RekorV1.DSSEProposal(envelope: envelope, verifiers: [[1]])
        let stored = try RekorV1.DSSEEntry(proposal: proposal, canonicalVerifiers: ["KEY-B", "KEY-A", "KEY-B"])
        #expect(stored.signatures.map(\.signature) == ["YQ==", "Yg=="])
        #expect(stored.signatures.map { String(decoding: $0.verifier, as: UTF8.self) } == ["KEY-A", "KEY-B"])
        #expect(stored.payloadHash.digest == Array(SHA256.hash(data: Array("hi".utf8))))
        #expect(stored.envelopeHash.digest == Array(SHA256.hash(data: Array(envelope.utf8))))
    }

    @Test func intotoV002MatchesItsBundle() throws {
        let bundle = try RealBundle("sigstore-3.1.0.sigstore.json")
        guard case .intotoV002(let spec) = try RekorEntry(decoding: bundle.body) else {
            Issue.record("expected intoto 0.0.2")
            return
        }
        #expect(spec.payloadType == "application/vnd.in-toto+json")
        #expect(spec.matchesPayload(bundle.payload))
        #expect(!spec.matchesPayload(bundle.payload + [0x20]))
        #expect(spec.signatures.count == 1)
        #expect(spec.signatures[0].signature == bundle.envelopeSignature)
        #expect(spec.signatures[0].keyID == nil)
        // intoto 0.0.2 keeps the PEM as the client sent it; sigstore-js left off the final newline.
        #expect(String(decoding: spec.signatures[0].publicKey, as: UTF8.self) == String(bundle.certificatePEM.dropLast()))
    }

    /// sigstore-go does not trust `canonicalizedBody` for hashedrekord 0.0.2: it rebuilds the
    /// entry from the bundle. The rebuilt bytes must equal what staging logged.
    @Test func hashedRekordV002IsRebuiltFromItsBundle() throws {
        let bundle = try RealBundle("staging-rekor-v2.txt.sigstore.json")
        let verifier = RekorV2.Verifier(key: .x509Certificate(bundle.certificate), keyDetails: "PKIX_ECDSA_P256_SHA_256")
        let request = RekorV2.HashedRekordRequest(digest: bundle.messageDigest,
                                                  signature: RekorV2.Signature(content: bundle.signature, verifier: verifier))
        let entry = try RekorV2.HashedRekordLogEntry(request: request)
        #expect(entry.data.algorithm == .sha2_256)
        #expect(try RekorEntry.hashedRekordV002(entry).canonicalBody() == bundle.body)
        // The artifact digest in the bundle is the SHA-256 of the signed file.
        let artifact = try fixtureBytes("staging-rekor-v2.txt", in: "rekor")
        #expect(Array(SHA256.hash(data: artifact)) == bundle.messageDigest)
    }

    /// Rekor v2 logs DSSE as a hashedrekord over the digest of the envelope's PAE (§5.4).
    @Test func hashedRekordV002OverDSSEUsesThePAEDigest() throws {
        let bundle = try RealBundle("dsse-statement-unknown-type.sigstore.json")
        guard case .hashedRekordV002(let logged) = try RekorEntry(decoding: bundle.body) else {
            Issue.record("expected hashedrekord 0.0.2")
            return
        }
        let envelope = DSSEEnvelope(payload: bundle.payload, payloadType: bundle.payloadType,
                                    signatures: [DSSEEnvelope.Signature(sig: ProtoBase64.decode(bundle.envelopeSignature)!)])
        let pae = DSSE.preAuthEncoding(payloadType: bundle.payloadType, payload: bundle.payload)
        #expect(logged.data.digest == Array(SHA256.hash(data: pae)))
        guard case .publicKey(let spki) = logged.signature.verifier.key else {
            Issue.record("expected a public-key verifier")
            return
        }
        // This log left keyDetails unset; a P-256 request yields the same digest.
        #expect(logged.signature.verifier.keyDetails == RekorV2.Verifier.unspecifiedKeyDetails)
        let request = try RekorV2.HashedRekordRequest(
            envelope: envelope, signature: logged.signature.content,
            verifier: RekorV2.Verifier(key: .publicKey(spki), keyDetails: "PKIX_ECDSA_P256_SHA_256"))
        #expect(request.digest == logged.data.digest)
        #expect(request.signature.content == ProtoBase64.decode(bundle.envelopeSignature))
        let rebuilt = RekorV2.HashedRekordLogEntry(
            data: HashOutput(algorithm: .sha2_256, digest: request.digest),
            signature: RekorV2.Signature(content: request.signature.content, verifier: logged.signature.verifier))
        #expect(try RekorEntry.hashedRekordV002(rebuilt).canonicalBody() == bundle.body)
    }

    @Test func dsseV002MatchesItsBundle() throws {
        let bundle = try RealBundle("a.dsse.staging-rekor-v2.txt.sigstore.json")
        guard case .dsseV002(let spec) = try RekorEntry(decoding: bundle.body) else {
            Issue.record("expected dsse 0.0.2")
            return
        }
        #expect(spec.matchesPayload(bundle.payload))
        #expect(!spec.matchesPayload([]))
        #expect(spec.signatures.count == 1)
        #expect(spec.signatures[0].content == ProtoBase64.decode(bundle.envelopeSignature))
        #expect(spec.signatures[0].verifier == RekorV2.Verifier(key: .x509Certificate(bundle.certificate),
                                                                keyDetails: "PKIX_ECDSA_P256_SHA_256"))
    }
}
