import CTLogService
import CertificateTransparency
import Crypto
import Foundation
import Merkle
import SigstoreCrypto
import Testing
import X509

@Suite struct CTLogTests {
    @Test func addPreChainIssuesAnSCTThatVerifiesAgainstTheFinalCertificate() async throws {
        let fixture = try CTLogFixture()
        let precertificate = try fixture.precertificate(serial: 1)
        let sct = try await fixture.log.addPreChain([precertificate, fixture.root])

        #expect(sct.logID == Array(SHA256.hash(data: fixture.logKey.publicKey.derRepresentation)))
        #expect(sct.date == CTLogFixture.now)
        let final = try fixture.finalCertificate(of: precertificate, embedding: sct)
        let verified = try fixture.verifier.verifyEmbeddedSCTs(in: final, issuer: fixture.root)
        #expect(verified.count == 1)
        #expect(try await fixture.size() == 1)
    }

    @Test func addPreChainAcceptsAChainThatLeavesTheRootOut() async throws {
        let fixture = try CTLogFixture()
        let precertificate = try fixture.precertificate(serial: 2)
        let sct = try await fixture.log.addPreChain([precertificate])
        let final = try fixture.finalCertificate(of: precertificate, embedding: sct)
        #expect(try fixture.verifier.verifyEmbeddedSCTs(in: final, issuer: fixture.root).count == 1)
    }

    @Test func addChainIssuesADetachedSCTForTheCertificate() async throws {
        let fixture = try CTLogFixture()
        let certificate = try fixture.leaf(serial: 3)
        let sct = try await fixture.log.addChain([certificate, fixture.root])
        try fixture.verifier.verify(sct, for: certificate)

        let entries = try await fixture.log.entries(start: 0, end: 0).entries
        #expect(entries.count == 1)
        #expect(entries.first?.leafInput == (try sct.merkleTreeLeaf(for: SignedEntry(certificate: certificate))))
    }

    @Test func resubmittingACertificateAnswersTheLoggedTimestampWithoutGrowingTheTree() async throws {
        let clock = TestClock()
        let fixture = try CTLogFixture(clock: clock)
        let precertificate = try fixture.precertificate(serial: 4)
        let first = try await fixture.log.addPreChain([precertificate, fixture.root])
        clock.advance(seconds: 60)
        let again = try await fixture.log.addPreChain([precertificate, fixture.root])
        #expect(again.timestamp == first.timestamp)
        #expect(try await fixture.size() == 1)
        let final = try fixture.finalCertificate(of: precertificate, embedding: again)
        #expect(try fixture.verifier.verifyEmbeddedSCTs(in: final, issuer: fixture.root).count == 1)
    }

    /// The CA's own path: the same checks and SCT, without looking for an earlier one. The public
    /// path still finds the entry it logged.
    @Test func aNewPrecertificateIsLoggedOnceAndFoundByTheResubmissionPath() async throws {
        let clock = TestClock()
        let fixture = try CTLogFixture(clock: clock)
        let precertificate = try fixture.precertificate(serial: 10)
        let first = try await fixture.log.addNewPreChain([precertificate, fixture.root])
        let final = try fixture.finalCertificate(of: precertificate, embedding: first)
        #expect(try fixture.verifier.verifyEmbeddedSCTs(in: final, issuer: fixture.root).count == 1)
        clock.advance(seconds: 60)
        let again = try await fixture.log.addPreChain([precertificate, fixture.root])
        #expect(again.timestamp == first.timestamp)
        #expect(try await fixture.size() == 1)

        let otherKey = try PrivateKey.generate(.ecdsaP256)
        let forged = try fixture.leaf(serial: 11, extensions: [PrecertificatePoison().makeCertificateExtension()], issuerKey: otherKey)
        let error = await #expect(throws: CTLogError.self) { try await fixture.log.addNewPreChain([forged, fixture.root]) }
        #expect(error?.code == .invalidSubmission)
        #expect(try await fixture.size() == 1)
    }

    enum Refusal: String, CaseIterable, Sendable {
        case empty, unknownRoot, rootOnly, missingPoison, precertificateToAddChain, wrongSigner
    }

    @Test(arguments: Refusal.allCases)
    func refusedSubmissionsLeaveTheTreeAsItWas(_ refusal: Refusal) async throws {
        let fixture = try CTLogFixture()
        _ = try await fixture.log.addChain([try fixture.leaf(serial: 9)])
        let otherKey = try PrivateKey.generate(.ecdsaP256)
        let otherRoot = try CTLogFixture.caCertificate(name: "ctlog-test-root", key: otherKey)
        let error = await #expect(throws: CTLogError.self) {
            switch refusal {
            case .empty:
                _ = try await fixture.log.addPreChain([])
            case .unknownRoot:
                // Same name as the accepted root, other key: only the signature tells them apart.
                let leaf = try fixture.leaf(serial: 5, extensions: [PrecertificatePoison().makeCertificateExtension()], issuerKey: otherKey, issuer: otherRoot)
                _ = try await fixture.log.addPreChain([leaf, otherRoot])
            case .rootOnly:
                _ = try await fixture.log.addChain([fixture.root])
            case .missingPoison:
                _ = try await fixture.log.addPreChain([try fixture.leaf(serial: 6), fixture.root])
            case .precertificateToAddChain:
                _ = try await fixture.log.addChain([try fixture.precertificate(serial: 7), fixture.root])
            case .wrongSigner:
                let leaf = try fixture.leaf(serial: 8, extensions: [PrecertificatePoison().makeCertificateExtension()], issuerKey: otherKey)
                _ = try await fixture.log.addPreChain([leaf, fixture.root])
            }
        }
        #expect(error?.code == .invalidSubmission)
        #expect(try await fixture.size() == 1)
    }

    @Test(arguments: [
        #"{"chain":["not base64!"]}"#,
        #"{"chain":[]}"#,
        #"{"chain":["AAAA"]}"#,
        #"{"chains":[]}"#,
        "garbage",
    ])
    func malformedSubmissionBodiesAreRefused(_ body: String) throws {
        let error = #expect(throws: CTLogError.self) { try ChainSubmission(jsonEncoded: Array(body.utf8)) }
        #expect(error?.code == .invalidSubmission)
    }

    @Test func submissionBodiesRoundTrip() throws {
        let fixture = try CTLogFixture()
        let submission = ChainSubmission(chain: [try fixture.leaf(serial: 1), fixture.root])
        #expect(try ChainSubmission(jsonEncoded: submission.jsonEncoded) == submission)
    }
}
