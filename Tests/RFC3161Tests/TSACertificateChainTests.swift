import Foundation
import RFC3161
import SigstoreCrypto
import SwiftASN1
import Testing
import X509

@Suite struct TSACertificateChainTests {
    @Test("follows the TSA profile", arguments: [false, true])
    func followsProfile(_ withIntermediate: Bool) throws {
        let (_, chain) = try TimestampIssuerTests.makeTSA(intermediate: withIntermediate)
        #expect(chain.certificates.count == (withIntermediate ? 3 : 2))

        let leaf = chain.leaf
        let eku = try #require(leaf.extensions[oid: .X509ExtensionID.extendedKeyUsage])
        #expect(eku.critical)
        #expect(Array(try ExtendedKeyUsage(eku)) == [.timeStamping])
        let keyUsage = try #require(leaf.extensions[oid: .X509ExtensionID.keyUsage])
        #expect(keyUsage.critical)
        #expect(try KeyUsage(keyUsage) == KeyUsage(digitalSignature: true))
        #expect(try leaf.extensions.basicConstraints == .notCertificateAuthority)

        for ca in chain.certificates.dropFirst() {
            let constraints = try #require(ca.extensions[oid: .X509ExtensionID.basicConstraints])
            #expect(constraints.critical)
            guard case .isCertificateAuthority = try BasicConstraints(constraints) else {
                Issue.record("CA certificate is not a CA")
                continue
            }
            #expect(try ca.extensions.keyUsage?.keyCertSign == true)
            #expect(ca.extensions[oid: .X509ExtensionID.extendedKeyUsage] == nil)
        }
        // Each certificate's AKI names its issuer's SKI.
        for (child, parent) in zip(chain.certificates, chain.certificates.dropFirst()) {
            #expect(child.issuer == parent.subject)
            #expect(try child.extensions.authorityKeyIdentifier?.keyIdentifier == parent.extensions.subjectKeyIdentifier?.keyIdentifier)
            #expect(parent.publicKey.isValidSignature(child.signature, for: child))
        }
        let root = chain.certificates.last!
        #expect(root.issuer == root.subject)
        #expect(root.publicKey.isValidSignature(root.signature, for: root))
    }

    @Test("openssl accepts the chain for the timestampsign purpose", arguments: [false, true])
    func openSSLAcceptsChain(_ withIntermediate: Bool) throws {
        let (_, chain) = try TimestampIssuerTests.makeTSA(intermediate: withIntermediate)
        let directory = try OpenSSL.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        func write(_ certificates: some Sequence<Certificate>, _ name: String) throws {
            try TSACertificateChain(certificates: Array(certificates)).pemEncoded()
                .write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        try write([chain.leaf], "leaf.pem")
        try write([chain.certificates.last!], "root.pem")
        var arguments = ["verify", "-purpose", "timestampsign", "-x509_strict", "-CAfile", "root.pem",
                         "-attime", "\(Int(TimestampIssuerTests.genTime.timeIntervalSince1970))"]
        if withIntermediate {
            try write(chain.certificates.dropFirst().dropLast(), "intermediate.pem")
            arguments += ["-untrusted", "intermediate.pem"]
        }
        let result = try OpenSSL.run(arguments + ["leaf.pem"], in: directory)
        #expect(result.status == 0, "\(result.output) \(result.errorOutput)")
        #expect(result.output.contains("leaf.pem: OK"))
    }

    @Test func pemRoundTripsAndReadsOpenSSLChains() throws {
        let (_, chain) = try TimestampIssuerTests.makeTSA(intermediate: true)
        #expect(try TSACertificateChain(pemEncoded: chain.pemEncoded()) == chain)
        let openssl = try TSACertificateChain(pemEncoded: Fixture.text("ec-chain.pem"))
        #expect(openssl.certificates.count == 2)
        #expect(openssl.leaf.subject.description.contains("Signet Test EC TSA"))
    }

    @Test func isDeterministic() throws {
        let leafKey = try PrivateKey.generate(.ecdsaP256)
        let rootKey = try PrivateKey.generate(.ed25519)
        let name = try DistinguishedName { CommonName("Deterministic") }
        let make = {
            try TSACertificateChain.generate(
                leafKey: leafKey.publicKey, leafSubject: name, rootKey: rootKey, rootSubject: name,
                notValidBefore: TimestampIssuerTests.notBefore, notValidAfter: TimestampIssuerTests.notAfter
            )
        }
        // Ed25519 signatures are deterministic, so the whole chain must be.
        #expect(try make() == make())
    }

    @Test func refusesEmptyChainsAndBadPEM() {
        let empty = #expect(throws: TimestampError.self) { try TSACertificateChain(certificates: []) }
        #expect(empty?.code == .invalidCertificateChain)
        let garbage = #expect(throws: TimestampError.self) { try TSACertificateChain(pemEncoded: "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n") }
        #expect(garbage?.code == .malformedEncoding)
    }
}
