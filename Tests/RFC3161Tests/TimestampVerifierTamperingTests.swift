import Foundation
import RFC3161
import SigstoreCrypto
import SwiftASN1
import Testing
import X509

/// Altered OpenSSL tokens: each must fail with the code naming what broke.
@Suite struct TimestampVerifierTamperingTests {
    static let verifier = TimestampVerifierTests.ecVerifier
    static let idData: ASN1ObjectIdentifier = [1, 2, 840, 113549, 1, 7, 1]

    /// Re-encodes `reply-ec.tsr` after `change` edits its SignedData.
    static func tampered(_ change: (inout SignedData) throws -> Void) throws -> [UInt8] {
        var response = try TimeStampResponse(bytes: Fixture.bytes("reply-ec.tsr"))
        var signedData = try #require(try response.timeStampToken?.signedData())
        try change(&signedData)
        response.timeStampToken = try ContentInfo(signedData)
        return try response.derEncoded()
    }

    static func code(verifying bytes: [UInt8]) async throws -> TimestampError.Code? {
        do {
            _ = try await verifier.verify(bytes, for: Fixture.data())
            return nil
        } catch let error as TimestampError {
            return error.code
        }
    }

    /// Flips one bit of the first occurrence of `needle` inside the eContent.
    static func flipInTSTInfo(_ data: inout SignedData, _ needle: [UInt8]) throws {
        var content = try #require(data.encapsulatedContentInfo.eContent)
        let start = try #require(content.firstRange(of: needle)).lowerBound
        content[start + needle.count / 2] ^= 0x01
        data.encapsulatedContentInfo.eContent = content
    }

    @Test func untouchedReencodingStillVerifies() async throws {
        #expect(try await Self.code(verifying: Self.tampered { _ in }) == nil)
    }

    @Test func flippedSignatureByte() async throws {
        let bytes = try Self.tampered { $0.signerInfos[0].signature[20] ^= 0x01 }
        #expect(try await Self.code(verifying: bytes) == .invalidSignature)
    }

    @Test func flippedImprintNonceAndTimeInTSTInfo() async throws {
        let request = try Fixture.request("query-sha256-cert.tsq")
        let info = try await Self.verifier.verify(Fixture.bytes("reply-ec.tsr"), for: Fixture.data()).tstInfo
        var genTime = DER.Serializer()
        try genTime.serialize(info.genTime)
        for needle in [request.messageImprint.hashedMessage, try #require(request.nonce), genTime.serializedBytes] {
            let bytes = try Self.tampered { try Self.flipInTSTInfo(&$0, needle) }
            #expect(try await Self.code(verifying: bytes) == .invalidSignedAttributes)
        }
    }

    @Test func alteredTSTInfoWithMatchingMessageDigest() async throws {
        // An attacker who also fixes messageDigest still cannot re-sign the attributes.
        let bytes = try Self.tampered { data in
            try Self.flipInTSTInfo(&data, try Fixture.request("query-sha256-cert.tsq").messageImprint.hashedMessage)
            let content = try #require(data.encapsulatedContentInfo.eContent)
            let signer = data.signerInfos[0]
            let attributes = try #require(signer.signedAttributes).map { attribute in
                guard attribute.attributeType == [1, 2, 840, 113549, 1, 9, 4] else { return attribute }
                return CMSAttribute(attributeType: attribute.attributeType, values: [try ASN1Any(erasing: ASN1OctetString(contentBytes: HashAlgorithm.sha256.hash(content)[...]))])
            }
            data.signerInfos[0] = try SignerInfo(
                signerIdentifier: signer.signerIdentifier,
                digestAlgorithm: signer.digestAlgorithm,
                signedAttributes: attributes,
                signatureAlgorithm: signer.signatureAlgorithm,
                signature: signer.signature
            )
        }
        #expect(try await Self.code(verifying: bytes) == .invalidSignature)
    }

    @Test func structuralViolations() async throws {
        let cases: [(String, (inout SignedData) throws -> Void, TimestampError.Code)] = [
            ("two signers", { $0.signerInfos.append($0.signerInfos[0]) }, .malformedEncoding),
            ("no signers", { $0.signerInfos = [] }, .malformedEncoding),
            ("id-data content", { $0.encapsulatedContentInfo.eContentType = [1, 2, 840, 113549, 1, 7, 1] }, .malformedEncoding),
            ("detached content", { $0.encapsulatedContentInfo.eContent = nil }, .malformedEncoding),
            ("SHA-1 digest", { $0.signerInfos[0].digestAlgorithm = AlgorithmIdentifier(algorithm: [1, 3, 14, 3, 2, 26], parameters: nil) }, .unsupportedHashAlgorithm),
            ("RSA-PSS signature", { $0.signerInfos[0].signatureAlgorithm = AlgorithmIdentifier(algorithm: [1, 2, 840, 113549, 1, 1, 10], parameters: nil) }, .invalidSignature),
            ("no signed attributes", { data in
                let signer = data.signerInfos[0]
                data.signerInfos[0] = try SignerInfo(
                    signerIdentifier: signer.signerIdentifier, digestAlgorithm: signer.digestAlgorithm, signedAttributes: nil,
                    signatureAlgorithm: signer.signatureAlgorithm, signature: signer.signature
                )
            }, .invalidSignedAttributes),
            ("duplicated messageDigest", { data in
                let signer = data.signerInfos[0]
                let attributes = try #require(signer.signedAttributes)
                let digest = try #require(attributes.first { $0.attributeType == [1, 2, 840, 113549, 1, 9, 4] })
                data.signerInfos[0] = try SignerInfo(
                    signerIdentifier: signer.signerIdentifier, digestAlgorithm: signer.digestAlgorithm, signedAttributes: attributes + [digest],
                    signatureAlgorithm: signer.signatureAlgorithm, signature: signer.signature
                )
            }, .invalidSignedAttributes),
            ("contentType id-data", { data in
                let signer = data.signerInfos[0]
                let attributes = try #require(signer.signedAttributes).map { attribute in
                    attribute.attributeType == [1, 2, 840, 113549, 1, 9, 3]
                        ? CMSAttribute(attributeType: attribute.attributeType, values: [try ASN1Any(erasing: Self.idData)])
                        : attribute
                }
                data.signerInfos[0] = try SignerInfo(
                    signerIdentifier: signer.signerIdentifier, digestAlgorithm: signer.digestAlgorithm, signedAttributes: attributes,
                    signatureAlgorithm: signer.signatureAlgorithm, signature: signer.signature
                )
            }, .invalidSignedAttributes),
        ]
        for (name, change, expected) in cases {
            let code = try await Self.code(verifying: Self.tampered(change))
            #expect(code == expected, "\(name)")
        }
    }

    @Test func essCertIDNamingAnotherCertificate() async throws {
        // Re-sign with the real TSA key, but let signingCertificateV2 name the RSA TSA's leaf.
        let key = try PrivateKey(pemEncoded: Fixture.text("ec-tsa.key"))
        let otherLeaf = try Fixture.chain("rsa-chain.pem")[0]
        let ownLeaf = try Fixture.chain("ec-chain.pem")[0]
        for (named, expected) in [(otherLeaf, TimestampError.Code.untrustedSigner), (ownLeaf, nil)] {
            let bytes = try Self.tampered { data in
                let signer = data.signerInfos[0]
                let attributes = try #require(signer.signedAttributes).map { attribute in
                    attribute.attributeType == [1, 2, 840, 113549, 1, 9, 16, 2, 47]
                        ? CMSAttribute(attributeType: attribute.attributeType, values: [try ASN1Any(erasing: SigningCertificateV2(certificates: [ESSCertIDv2(named)]))])
                        : attribute
                }
                var resigned = try SignerInfo(
                    signerIdentifier: signer.signerIdentifier, digestAlgorithm: signer.digestAlgorithm, signedAttributes: attributes,
                    signatureAlgorithm: signer.signatureAlgorithm, signature: []
                )
                resigned.signature = try key.signature(for: try #require(resigned.signedAttributesBytes))
                data.signerInfos[0] = resigned
            }
            #expect(try await Self.code(verifying: bytes) == expected)
        }
    }

    @Test func noSingleBitFlipInSignedOrSignerBytesVerifies() async throws {
        let original = try Fixture.bytes("reply-ec.tsr")
        let signedData = try #require(try TimeStampResponse(bytes: original).timeStampToken?.signedData())
        let signer = signedData.signerInfos[0]
        var sid = DER.Serializer()
        try sid.serialize(signer.signerIdentifier)
        // What the signature covers (TSTInfo, signed attributes), the signature, and the signer's identity.
        // Unsigned envelope fields (versions, the digestAlgorithms set, embedded certificates, the status)
        // are not used for the decision, so flips there may legitimately go unnoticed.
        let regions: [[UInt8]] = [
            try #require(signedData.encapsulatedContentInfo.eContent),
            [0xA0] + (try #require(signer.signedAttributesBytes)).dropFirst(),
            signer.signature,
            sid.serializedBytes,
        ]
        for region in regions {
            let range = try #require(original.firstRange(of: region))
            for index in range {
                var bytes = original
                bytes[index] ^= 0x01
                let code = try await Self.code(verifying: bytes)
                #expect(code != nil, "flip at \(index) verified")
            }
        }
    }
}
