@testable import CAService
import CertificateTransparency
import Foundation
import SigstoreCrypto
import SwiftASN1
import Testing
import X509

@Suite struct CodeSigningCertificateIssuerTests {
    static let email = CertificateIdentity(subjectAlternativeName: .email("alice@signet.test"), issuer: "http://127.0.0.1:8080/oidc")

    /// Every issued chain verifies with OpenSSL; its SCT verifies with the CT log key.
    @Test(arguments: [KeyAlgorithm.ecdsaP384, .ecdsaP256, .ecdsaP521, .rsa(bits: 3072)])
    func openSSLVerifiesIssuedChains(_ caAlgorithm: KeyAlgorithm) async throws {
        let authority = try TestAuthority(caAlgorithm)
        let leafKey = try PrivateKey.generate(.ecdsaP256)
        let chain = try await authority.issuer.issue(for: leafKey.publicKey, identity: Self.email, at: TestAuthority.now)
        #expect(chain.count == 3)
        #expect(try TestAuthority.openSSLVerify(chain, at: TestAuthority.now.addingTimeInterval(60)).contains("leaf.pem: OK"))
        let verified = try SCTVerifier(trustedLogs: [authority.trustedLog]).verifyEmbeddedSCTs(in: chain[0], issuer: chain[1])
        #expect(verified.count == 1)
        #expect(authority.log.chains.count == 1)
    }

    /// The leaf profile of interop contract §2.4 and §2.5, field by field.
    @Test func issuesTheContractsLeafProfile() async throws {
        let authority = try TestAuthority()
        let leafKey = try PrivateKey.generate(.ecdsaP256)
        let chain = try await authority.issuer.issue(for: leafKey.publicKey, identity: Self.email, at: TestAuthority.now)
        let leaf = chain[0]

        #expect(leaf.version == .v3)
        #expect(leaf.subject == DistinguishedName())
        #expect(leaf.issuer == authority.generated.keys.issuingCertificate.subject)
        #expect(leaf.publicKey == leafKey.publicKey.certificatePublicKey)
        #expect(leaf.signatureAlgorithm == .ecdsaWithSHA384)
        // 20 octets, positive (the top bit is clear).
        let serial = Array(leaf.serialNumber.bytes)
        #expect(serial.count == 20)
        #expect(serial[0] & 0x80 == 0 && serial[0] != 0)
        // Issued at the second of issuance (X.509 has no fractions), for exactly ten minutes.
        #expect(leaf.notValidBefore == Date(timeIntervalSince1970: 1_767_225_600))
        #expect(leaf.notValidAfter.timeIntervalSince(leaf.notValidBefore) == 600)

        let extensions = Array(leaf.extensions)
        #expect(extensions.map(\.oid) == [
            .X509ExtensionID.keyUsage, .X509ExtensionID.extendedKeyUsage, .X509ExtensionID.subjectKeyIdentifier,
            .X509ExtensionID.authorityKeyIdentifier, .X509ExtensionID.subjectAlternativeName,
            SigstoreExtension.issuerV1OID, SigstoreExtension.issuerV2OID, SignedCertificateTimestampList.oid,
        ])
        #expect(extensions.map(\.critical) == [true, false, false, false, true, false, false, false])
        #expect(try leaf.extensions.keyUsage == KeyUsage(digitalSignature: true))
        #expect(try leaf.extensions.extendedKeyUsage == ExtendedKeyUsage([.codeSigning]))
        #expect(try leaf.extensions.basicConstraints == nil)
        #expect(try leaf.extensions.subjectKeyIdentifier == SubjectKeyIdentifier(hash: leafKey.publicKey.certificatePublicKey))
        #expect(try leaf.extensions.authorityKeyIdentifier?.keyIdentifier == authority.generated.keys.issuingCertificate.extensions.subjectKeyIdentifier?.keyIdentifier)
        #expect(try leaf.extensions.subjectAlternativeNames == SubjectAlternativeNames([.rfc822Name("alice@signet.test")]))
        // .1.1 is the raw issuer; .1.8 the same as a DER UTF8String (0x0C, length, bytes).
        let issuer = Array("http://127.0.0.1:8080/oidc".utf8)
        #expect(Array(extensions[5].value) == issuer)
        #expect(Array(extensions[6].value) == [0x0C, UInt8(issuer.count)] + issuer)
        #expect(try leaf.extensions.signedCertificateTimestampList?.timestamps.count == 1)

        let text = try TestAuthority.openSSLText(leaf)
        #expect(text.contains("X509v3 Subject Alternative Name: critical"))
        #expect(text.contains("email:alice@signet.test"))
        #expect(text.contains("CT Precertificate SCTs"))
        #expect(text.contains("X509v3 Key Usage: critical"))
        #expect(text.contains("Code Signing"))
    }

    /// The precertificate and the final certificate differ only in the poison/SCT slot, so the
    /// SCT signed over one verifies over the other (RFC 6962 §3.1).
    @Test func thePrecertificateMatchesTheFinalCertificate() async throws {
        let authority = try TestAuthority()
        let chain = try await authority.issuer.issue(for: try PrivateKey.generate(.ecdsaP256).publicKey, identity: Self.email, at: TestAuthority.now)
        let submitted = try #require(authority.log.chains.first)
        #expect(Array(submitted.dropFirst()) == Array(chain.dropFirst()))
        let precertificate = submitted[0]
        #expect(try precertificate.extensions.precertificatePoison != nil)
        #expect(precertificate.extensions.last?.oid == PrecertificatePoison.oid)
        #expect(precertificate.extensions.last?.critical == true)
        #expect(precertificate.serialNumber == chain[0].serialNumber)
        #expect(precertificate.notValidBefore == chain[0].notValidBefore)
        #expect(precertificate.notValidAfter == chain[0].notValidAfter)
        #expect(Array(precertificate.extensions.dropLast()) == Array(chain[0].extensions.dropLast()))
        #expect(try SignedEntry(precertificate: precertificate, issuer: chain[1]) == SignedEntry(finalCertificate: chain[0], issuer: chain[1]))
    }

    @Test func everyLeafHasItsOwnSerial() async throws {
        let authority = try TestAuthority(.ecdsaP256)
        let key = try PrivateKey.generate(.ecdsaP256).publicKey
        var serials = Set<Certificate.SerialNumber>()
        for _ in 0..<20 {
            serials.insert(try await authority.issuer.issue(for: key, identity: Self.email, at: TestAuthority.now)[0].serialNumber)
        }
        #expect(serials.count == 20)
    }

    /// Username, URI and CI identities, with RSA and Ed25519 client keys.
    @Test func issuesEveryIdentityAndClientKeyKind() async throws {
        let authority = try TestAuthority()
        let ci = CertificateIdentity(
            subjectAlternativeName: .uri("https://github.com/o/r/.github/workflows/w.yml@refs/heads/main"),
            issuer: "https://token.actions.githubusercontent.com",
            extensions: [.githubWorkflowSHA: "abc", .sourceRepositoryURI: "https://github.com/o/r", .runInvocationURI: "https://github.com/o/r/actions/runs/1/attempts/1"]
        )
        let cases: [(CertificateIdentity, KeyAlgorithm, String)] = [
            (CertificateIdentity(subjectAlternativeName: .username("alice!example.org"), issuer: "https://login.example.org"), .rsa(bits: 2048), "othername:"),
            (CertificateIdentity(subjectAlternativeName: .uri("spiffe://prod.example.com/ns/a"), issuer: "https://spire.example.com"), .ed25519, "URI:spiffe://prod.example.com/ns/a"),
            (ci, .ecdsaP384, "URI:https://github.com/o/r/.github/workflows/w.yml@refs/heads/main"),
        ]
        for (identity, algorithm, sanText) in cases {
            let chain = try await authority.issuer.issue(for: try PrivateKey.generate(algorithm).publicKey, identity: identity, at: TestAuthority.now)
            #expect(try TestAuthority.openSSLVerify(chain, at: TestAuthority.now).contains("leaf.pem: OK"))
            #expect(try TestAuthority.openSSLText(chain[0]).contains(sanText))
        }
        let ciLeaf = try await authority.issuer.issue(for: try PrivateKey.generate(.ecdsaP256).publicKey, identity: ci, at: TestAuthority.now)[0]
        let oids = ciLeaf.extensions.map(\.oid.description).filter { $0.hasPrefix("1.3.6.1.4.1.57264") }
        #expect(oids == ["1.3.6.1.4.1.57264.1.1", "1.3.6.1.4.1.57264.1.3", "1.3.6.1.4.1.57264.1.8", "1.3.6.1.4.1.57264.1.12", "1.3.6.1.4.1.57264.1.21"])
        // The username SAN: otherName 1.3.6.1.4.1.57264.1.7 holding [0] EXPLICIT UTF8String.
        let usernameLeaf = try await authority.issuer.issue(for: try PrivateKey.generate(.ecdsaP256).publicKey, identity: cases[0].0, at: TestAuthority.now)[0]
        let names = try #require(try usernameLeaf.extensions.subjectAlternativeNames)
        guard case .otherName(let otherName) = names.first else { Issue.record("not an otherName"); return }
        #expect(otherName.typeID == SigstoreExtension.usernameOtherNameOID)
        #expect(try ASN1UTF8String(asn1Any: try #require(otherName.value)) == ASN1UTF8String("alice!example.org"))
    }

    /// An OpenSSL-made CA whose encrypted key OpenSSL wrote issues leaves OpenSSL verifies.
    @Test func issuesUnderAnOpenSSLMadeCA() async throws {
        let keys = try CertificateAuthorityKeys(
            privateKeyPEM: Fixture.string("keys/ca-p384-aes256.key.pem"), password: Fixture.password,
            chainPEM: Fixture.string("chains/openssl-chain.pem")
        )
        let authority = try TestAuthority(keys: keys)
        let chain = try await authority.issuer.issue(for: try PrivateKey.generate(.ecdsaP256).publicKey, identity: Self.email, at: Date())
        #expect(try TestAuthority.openSSLVerify(chain).contains("leaf.pem: OK"))
    }

    @Test func aFailingOrUntrustedLogIssuesNothing() async throws {
        let authority = try TestAuthority()
        let key = try PrivateKey.generate(.ecdsaP256).publicKey
        for behaviour in [MisbehavingPrecertificateLog.Behaviour.unreachable, .untrustedKey] {
            let issuer = CodeSigningCertificateIssuer(keys: authority.generated.keys, log: MisbehavingPrecertificateLog(behaviour: behaviour), trustedLogs: [authority.trustedLog])
            let error = await #expect(throws: CAError.self) { try await issuer.issue(for: key, identity: Self.email, at: TestAuthority.now) }
            #expect(error?.code == .issuanceFailed)
        }
    }

    /// A leaf never outlives its issuer: near the end of the CA's validity, issuance stops.
    @Test func refusesToIssueOutsideTheCAsValidity() async throws {
        let authority = try TestAuthority()
        let key = try PrivateKey.generate(.ecdsaP256).publicKey
        let end = authority.generated.keys.issuingCertificate.notValidAfter
        for time in [end.addingTimeInterval(-599), authority.generated.keys.root.notValidBefore.addingTimeInterval(-1)] {
            let error = await #expect(throws: CAError.self) { try await authority.issuer.issue(for: key, identity: Self.email, at: time) }
            #expect(error?.code == .issuanceFailed)
        }
        #expect(authority.log.chains.isEmpty)
        _ = try await authority.issuer.issue(for: key, identity: Self.email, at: end.addingTimeInterval(-600))
    }
}
