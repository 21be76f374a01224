import Foundation
import RFC3161
import SigstoreCrypto
import SwiftASN1
import Testing
import X509

/// The TSA certificate profile and validity rules, on tokens from our issuer with hand-made leaves.
@Suite struct TimestampVerifierProfileTests {
    static let rootKey = try! PrivateKey.generate(.ecdsaP256)
    static let rootName = try! DistinguishedName { CommonName("Profile Test Root") }
    static let year2020 = Date(timeIntervalSince1970: 1_577_836_800)  // 2020-01-01T00:00:00Z
    static let year2021 = Date(timeIntervalSince1970: 1_609_459_200)  // 2021-01-01T00:00:00Z
    static let root = try! Certificate(
        version: .v3, serialNumber: 1, publicKey: rootKey.publicKey.certificatePublicKey,
        notValidBefore: year2020, notValidAfter: year2021.addingTimeInterval(86_400 * 365),
        issuer: rootName, subject: rootName,
        extensions: try Certificate.Extensions {
            Critical(BasicConstraints.isCertificateAuthority(maxPathLength: nil))
            Critical(KeyUsage(keyCertSign: true))
        },
        issuerPrivateKey: rootKey.certificatePrivateKey
    )

    /// A leaf valid through 2020 with the given extensions, its key, and a verifier trusting it from 2020 on.
    static func tsa(@ExtensionsBuilder extensions: () throws -> Result<Certificate.Extensions, any Error>) throws -> (TimestampIssuer, TimestampVerifier, Certificate) {
        let key = try PrivateKey.generate(.ecdsaP256)
        let leaf = try Certificate(
            version: .v3, serialNumber: 2, publicKey: key.publicKey.certificatePublicKey,
            notValidBefore: year2020, notValidAfter: year2021,
            issuer: rootName, subject: try DistinguishedName { CommonName("Profile Test TSA") },
            extensions: try Certificate.Extensions(builder: extensions),
            issuerPrivateKey: rootKey.certificatePrivateKey
        )
        let issuer = try TimestampIssuer(signer: key, certificateChain: [leaf, root])
        let authority = try TrustedTimestampAuthority(certificateChain: [leaf, root], validFrom: year2020)
        return (issuer, TimestampVerifier(trustedAuthorities: [authority]), leaf)
    }

    static let data = Array("signature bytes".utf8)

    static func code(_ issuer: TimestampIssuer, _ verifier: TimestampVerifier, at genTime: Date) async throws -> TimestampError.Code? {
        let response = try await issuer.respond(to: TimeStampRequest(hash: .sha256, digest: HashAlgorithm.sha256.hash(data), nonce: 5), at: genTime, serialNumber: 1)
        do {
            _ = try await verifier.verify(response.derEncoded(), for: data)
            return nil
        } catch let error as TimestampError {
            return error.code
        }
    }

    static let midway = Date(timeIntervalSince1970: 1_590_969_600)  // 2020-06-01T00:00:00Z

    @Test func acceptsTheProfileAtGenTimeLongAfterExpiry() async throws {
        let (issuer, verifier, _) = try Self.tsa {
            Critical(KeyUsage(digitalSignature: true))
            Critical(try ExtendedKeyUsage([.timeStamping]))
        }
        #expect(try await Self.code(issuer, verifier, at: Self.midway) == nil)
        #expect(try await Self.code(issuer, verifier, at: Self.year2021.addingTimeInterval(1)) == .invalidCertificateChain)
        #expect(try await Self.code(issuer, verifier, at: Self.year2020.addingTimeInterval(-1)) != nil)
    }

    @Test func refusesLeafWithoutCriticalTimeStampingOnly() async throws {
        let nonCritical = try Self.tsa { try ExtendedKeyUsage([.timeStamping]) }
        let twoPurposes = try Self.tsa { Critical(try ExtendedKeyUsage([.timeStamping, .codeSigning])) }
        let otherPurpose = try Self.tsa { Critical(try ExtendedKeyUsage([.codeSigning])) }
        let none = try Self.tsa { Critical(KeyUsage(digitalSignature: true)) }
        let wrongKeyUsage = try Self.tsa {
            Critical(KeyUsage(keyCertSign: true))
            Critical(try ExtendedKeyUsage([.timeStamping]))
        }
        for (issuer, verifier, _) in [nonCritical, twoPurposes, otherPurpose, none, wrongKeyUsage] {
            #expect(try await Self.code(issuer, verifier, at: Self.midway) == .invalidCertificateChain)
        }
    }

    @Test func findsSignerBySubjectKeyIdentifier() async throws {
        let (issuer, verifier, leaf) = try Self.tsa {
            Critical(try ExtendedKeyUsage([.timeStamping]))
            SubjectKeyIdentifier(keyIdentifier: [1, 2, 3, 4])
        }
        let token = try await issuer.token(for: TimeStampRequest(hash: .sha256, digest: HashAlgorithm.sha256.hash(Self.data), nonce: nil), at: Self.midway, serialNumber: 1)
        for (keyIdentifier, expected) in [([1, 2, 3, 4] as [UInt8], nil as TimestampError.Code?), ([9, 9], .untrustedSigner)] {
            var signedData = try token.signedData()
            signedData.signerInfos[0].signerIdentifier = .subjectKeyIdentifier(keyIdentifier)
            let code: TimestampError.Code?
            do {
                _ = try await verifier.verify(token: ContentInfo(signedData), for: Self.data)
                code = nil
            } catch let error as TimestampError {
                code = error.code
            }
            #expect(code == expected)
        }
        #expect(SignerIdentifier.subjectKeyIdentifier([1, 2, 3, 4]).matches(leaf))
    }
}
