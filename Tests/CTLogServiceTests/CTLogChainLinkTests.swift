import CTLogService
import CertificateTransparency
import Foundation
import SigstoreCrypto
import Testing
import X509

/// The log remembers CA-to-CA links it verified, so a repeated intermediate costs one signature
/// check; these tests show that memory never lets a different chain or a bad leaf through.
@Suite struct CTLogChainLinkTests {
    /// An intermediate CA named `name` with `key`, signed by `signerKey` under the root's name.
    static func intermediate(_ fixture: CTLogFixture, key: PrivateKey, signedBy signerKey: PrivateKey) throws -> Certificate {
        try Certificate(
            version: .v3,
            serialNumber: Certificate.SerialNumber(bytes: [0x42]),
            publicKey: key.publicKey.certificatePublicKey,
            notValidBefore: CTLogFixture.now.addingTimeInterval(-86_400),
            notValidAfter: CTLogFixture.now.addingTimeInterval(86_400 * 365),
            issuer: fixture.root.subject,
            subject: try DistinguishedName { CommonName("ctlog-test-intermediate") },
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
                Critical(KeyUsage(keyCertSign: true))
            },
            issuerPrivateKey: signerKey.certificatePrivateKey
        )
    }

    func precertificate(_ fixture: CTLogFixture, serial: UInt8, under intermediate: Certificate, key: PrivateKey) throws -> Certificate {
        try fixture.leaf(serial: serial, extensions: [PrecertificatePoison().makeCertificateExtension()], issuerKey: key, issuer: intermediate)
    }

    @Test func aRepeatedIntermediateStillChecksEveryLeafAndEveryOtherIntermediate() async throws {
        let fixture = try CTLogFixture()
        let intermediateKey = try PrivateKey.generate(.ecdsaP256)
        let genuine = try Self.intermediate(fixture, key: intermediateKey, signedBy: fixture.rootKey)
        for serial: UInt8 in 1...3 {
            let sct = try await fixture.log.addPreChain([try precertificate(fixture, serial: serial, under: genuine, key: intermediateKey), genuine, fixture.root])
            #expect(sct.logID == fixture.log.signer.logID)
        }
        #expect(try await fixture.size() == 3)

        // Same subject and key as the accepted intermediate, but not signed by the root.
        let forged = try Self.intermediate(fixture, key: intermediateKey, signedBy: try PrivateKey.generate(.ecdsaP256))
        let forgedError = await #expect(throws: CTLogError.self) {
            _ = try await fixture.log.addPreChain([try precertificate(fixture, serial: 4, under: forged, key: intermediateKey), forged, fixture.root])
        }
        #expect(forgedError?.code == .invalidSubmission)

        // The accepted intermediate, with a precertificate it did not sign.
        let strangerError = await #expect(throws: CTLogError.self) {
            _ = try await fixture.log.addPreChain([
                try precertificate(fixture, serial: 5, under: genuine, key: try PrivateKey.generate(.ecdsaP256)), genuine, fixture.root,
            ])
        }
        #expect(strangerError?.code == .invalidSubmission)
        #expect(try await fixture.size() == 3)
    }
}
