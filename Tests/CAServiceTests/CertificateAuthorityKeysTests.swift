@testable import CAService
import Foundation
import SigstoreCrypto
import SwiftASN1
import SigstoreTestSupport
import Testing
import X509

@Suite struct CertificateAuthorityKeysTests {
    static let now = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z

    /// `signetd ca init`: a P-384 root and intermediate with the contract's profile, which OpenSSL
    /// accepts as a chain.
    @Test func generatesTheContractsCAProfile() throws {
        let generated = try CertificateAuthorityKeys.generate(notValidBefore: Self.now)
        let intermediate = generated.keys.issuingCertificate
        let root = generated.keys.root
        #expect(generated.keys.chain.count == 2)
        #expect(generated.intermediateKey.algorithm == .ecdsaP384)
        #expect(intermediate.publicKey == generated.intermediateKey.publicKey.certificatePublicKey)
        #expect(root.publicKey == generated.rootKey.publicKey.certificatePublicKey)
        #expect(intermediate.signatureAlgorithm == .ecdsaWithSHA384)

        #expect(try intermediate.extensions.basicConstraints == .isCertificateAuthority(maxPathLength: 0))
        #expect(intermediate.extensions[oid: .X509ExtensionID.basicConstraints]?.critical == true)
        #expect(try intermediate.extensions.keyUsage == KeyUsage(keyCertSign: true, cRLSign: true))
        #expect(intermediate.extensions[oid: .X509ExtensionID.keyUsage]?.critical == true)
        #expect(try intermediate.extensions.extendedKeyUsage == ExtendedKeyUsage([.codeSigning]))
        #expect(try intermediate.extensions.authorityKeyIdentifier?.keyIdentifier == root.extensions.subjectKeyIdentifier?.keyIdentifier)
        #expect(try root.extensions.basicConstraints == .isCertificateAuthority(maxPathLength: nil))
        #expect(try root.extensions.extendedKeyUsage == nil)
        #expect(root.notValidBefore == Self.now)

        let work = try OpenSSL.workDirectory()
        let rootFile = work.appendingPathComponent("root.pem")
        let intermediateFile = work.appendingPathComponent("intermediate.pem")
        try root.serializeAsPEM().pemString.write(to: rootFile, atomically: true, encoding: .utf8)
        try intermediate.serializeAsPEM().pemString.write(to: intermediateFile, atomically: true, encoding: .utf8)
        let output = try OpenSSL.run(["verify", "-CAfile", rootFile.path, intermediateFile.path])
        #expect(output.contains(": OK"))
    }

    @Test(arguments: [KeyAlgorithm.ecdsaP256, .ecdsaP521, .rsa(bits: 2048)])
    func generatesOtherCAKeyTypes(_ algorithm: KeyAlgorithm) throws {
        let generated = try CertificateAuthorityKeys.generate(algorithm: algorithm, notValidBefore: Self.now)
        #expect(generated.keys.signer.publicKey.algorithm == algorithm)
    }

    @Test func neverMakesEd25519CAKeys() {
        let error = #expect(throws: CAError.self) { try CertificateAuthorityKeys.generate(algorithm: .ed25519, notValidBefore: Self.now) }
        #expect(error?.code == .invalidConfiguration)
        let ed25519 = try! PrivateKey.generate(.ed25519)
        #expect(throws: CAError.self) { try CertificateAuthorityKeys(signer: ed25519, chain: []) }
    }

    /// A CA made entirely by OpenSSL, its key encrypted with `openssl genpkey -aes256`.
    @Test func loadsAnOpenSSLCAWithAnEncryptedKey() throws {
        let keys = try CertificateAuthorityKeys(
            privateKeyPEM: Fixture.string("keys/ca-p384-aes256.key.pem"),
            password: Fixture.password,
            chainPEM: Fixture.string("chains/openssl-chain.pem")
        )
        #expect(keys.chain.count == 2)
        #expect(keys.issuingCertificate.subject.description.contains("openssl-intermediate"))
        #expect(keys.signatureAlgorithm == .ecdsaWithSHA384)
        #expect(try keys.chainPEM().joined() == Fixture.string("chains/openssl-chain.pem"))
    }

    @Test func refusesAKeyThatIsNotTheIssuingCertificates() throws {
        let error = try #require(throws: CAError.self) {
            try CertificateAuthorityKeys(privateKeyPEM: PrivateKey.generate(.ecdsaP384).pemRepresentation, chainPEM: Fixture.string("chains/openssl-chain.pem"))
        }
        #expect(error.message.contains("does not match"))
    }

    @Test func refusesAnIntermediateWithoutCodeSigning() throws {
        let error = try #require(throws: CAError.self) {
            try CertificateAuthorityKeys(
                privateKeyPEM: Fixture.string("keys/ca-p384-aes256.key.pem"), password: Fixture.password,
                chainPEM: Fixture.string("chains/openssl-chain-without-codesigning.pem")
            )
        }
        #expect(error.message.contains("codeSigning"))
    }

    @Test func refusesBrokenChains() throws {
        let first = try CertificateAuthorityKeys.generate(notValidBefore: Self.now)
        let second = try CertificateAuthorityKeys.generate(notValidBefore: Self.now)
        // The intermediate under a root that did not sign it.
        let foreignRoot = try #require(throws: CAError.self) {
            try CertificateAuthorityKeys(signer: first.intermediateKey, chain: [first.keys.issuingCertificate, second.keys.root])
        }
        #expect(foreignRoot.message.contains("not signed by"))
        // A chain that stops before its root.
        let truncated = try #require(throws: CAError.self) {
            try CertificateAuthorityKeys(signer: first.intermediateKey, chain: [first.keys.issuingCertificate])
        }
        #expect(truncated.message.contains("not signed by") || truncated.message.contains("self-signed"))
        #expect(throws: CAError.self) { try CertificateAuthorityKeys(signer: first.intermediateKey, chain: []) }
        // A root alone may issue leaves directly.
        let rootOnly = try CertificateAuthorityKeys(signer: first.rootKey, chain: [first.keys.root])
        #expect(rootOnly.chain.count == 1)
    }

    @Test func refusesLeavesAsIssuers() throws {
        let key = try PrivateKey.generate(.ecdsaP256)
        let name = try DistinguishedName { CommonName("not a CA") }
        let leaf = try Certificate(
            version: .v3, serialNumber: .init(), publicKey: key.publicKey.certificatePublicKey,
            notValidBefore: Self.now, notValidAfter: Self.now.addingTimeInterval(3600), issuer: name, subject: name,
            signatureAlgorithm: .ecdsaWithSHA256, extensions: Certificate.Extensions(), issuerPrivateKey: key.certificatePrivateKey
        )
        let error = try #require(throws: CAError.self) { try CertificateAuthorityKeys(signer: key, chain: [leaf]) }
        #expect(error.message.contains("not a CA"))
    }
}
