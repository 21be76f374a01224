import Foundation
import SigstoreCrypto
import SigstoreModels
import SigstoreVerify
import SwiftASN1
import Testing
import X509

/// Bundles signed by an in-memory Sigstore, covering what no published bundle does: every
/// combination of log generation, content and signer, and each verification rule in isolation.
@Suite struct VirtualSigstoreTests {
    static let instance = Result { try VirtualSigstore() }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var request: VirtualSigstore.Request
        var testDescription: String { name }
    }

    static let happyPaths: [Case] = {
        var cases: [Case] = []
        for log in [VirtualSigstore.Log.rekorV1, .rekorV2] {
            for dsse in [false, true] {
                for managedKey in [false, true] {
                    var request = VirtualSigstore.Request()
                    request.log = log
                    request.dsse = dsse
                    request.managedKey = managedKey
                    request.timestamps = log == .rekorV2 ? 1 : 0
                    cases.append(Case(name: "\(log) \(dsse ? "DSSE" : "message") \(managedKey ? "managed key" : "certificate")", request: request))
                }
            }
        }
        var chain = VirtualSigstore.Request()
        chain.version = .v0_1
        chain.inclusionProof = false
        chain.timestamps = 0
        cases.append(Case(name: "v0.1 chain, promise only", request: chain))
        chain.version = .v0_2
        chain.inclusionProof = true
        chain.timestamps = 2
        cases.append(Case(name: "v0.2 chain, promise and two timestamps", request: chain))
        var p384 = VirtualSigstore.Request()
        p384.keyAlgorithm = .ecdsaP384
        cases.append(Case(name: "P-384 signing key", request: p384))
        var p384v2 = p384
        p384v2.log = .rekorV2
        cases.append(Case(name: "P-384 signing key on Rekor v2", request: p384v2))
        var proofOnly = VirtualSigstore.Request()
        proofOnly.inclusionPromise = false
        cases.append(Case(name: "Rekor v1 proof without promise, timestamp only", request: proofOnly))
        return cases
    }()

    @Test("verifies", arguments: happyPaths)
    func verifies(_ testCase: Case) async throws {
        let sigstore = try Self.instance.get()
        let signed = try await sigstore.sign(testCase.request)
        let result = try await sigstore.verifier().verify(signed.bundle, artifact: .bytes(signed.artifact), policy: signed.policy)
        let expectedTimes = testCase.request.timestamps + (testCase.request.log == .rekorV1 && testCase.request.inclusionPromise ? 1 : 0)
        #expect(result.verifiedTimes.count == expectedTimes)
        #expect(result.logEntry.baseURL == (testCase.request.log == .rekorV1 ? VirtualSigstore.v1URL : VirtualSigstore.v2URL))
        #expect((result.statement != nil) == testCase.request.dsse)
        if testCase.request.managedKey {
            #expect(result.signingCertificate == nil)
        } else {
            let certificate = try #require(result.signingCertificate)
            #expect(certificate.chain.count == 3)
            #expect(certificate.subjectAlternativeNames == ["alice@virtual.test"])
        }
    }

    @Test func verifiesEd25519ManagedKeysOverTheWholeArtifactOnly() async throws {
        let sigstore = try Self.instance.get()
        var request = VirtualSigstore.Request()
        request.managedKey = true
        request.keyAlgorithm = .ed25519
        let signed = try await sigstore.sign(request)
        _ = try await sigstore.verifier().verify(signed.bundle, artifact: .bytes(signed.artifact), policy: signed.policy)
        let digestOnly = await verificationError {
            _ = try await sigstore.verifier().verify(signed.bundle, artifact: .digest(sha512: HashAlgorithm.sha512.hash(signed.artifact)), policy: signed.policy)
        }
        #expect(digestOnly?.code == .invalidSignature)
    }

    @Test func matchesURIAndUsernameIdentities() async throws {
        let sigstore = try Self.instance.get()
        let username = GeneralName.otherName(.init(typeID: [1, 3, 6, 1, 4, 1, 57264, 1, 7], value: try ASN1Any(erasing: ASN1UTF8String("alice"))))
        for san in [GeneralName.uniformResourceIdentifier("https://github.com/org/repo/.github/workflows/ci.yml@refs/heads/main"), username] {
            var request = VirtualSigstore.Request()
            request.leaf.san = san
            request.leaf.claims = [.sourceRepositoryURI: "https://github.com/org/repo", .runnerEnvironment: "github-hosted"]
            let signed = try await sigstore.sign(request)
            let expected = san == username ? "alice" : VirtualSigstore.name(san)
            let policy = VerificationPolicy.identity(
                san: .exact(expected), issuer: .exact(VirtualSigstore.issuerURL), extensions: [.sourceRepositoryURI: "https://github.com/org/repo"])
            let result = try await sigstore.verifier().verify(signed.bundle, artifact: .bytes(signed.artifact), policy: policy)
            #expect(result.signingCertificate?.extensions[.runnerEnvironment] == "github-hosted")
        }
    }
}
