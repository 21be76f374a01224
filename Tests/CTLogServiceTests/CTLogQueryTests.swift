import CTLogService
import CertificateTransparency
import Crypto
import Foundation
import Merkle
import SigstoreCrypto
import Testing
import X509

@Suite struct CTLogQueryTests {
    /// A log with `count` entries, each committed alone so that every size has a tree head;
    /// returns the leaf hashes in order.
    static func filledLog(_ count: Int, clock: TestClock = TestClock()) async throws -> (CTLogFixture, [[UInt8]]) {
        let fixture = try CTLogFixture(clock: clock)
        var leafHashes: [[UInt8]] = []
        for serial in 1...count {
            let precertificate = try fixture.precertificate(serial: UInt8(serial))
            let sct = try await fixture.log.addPreChain([precertificate, fixture.root])
            leafHashes.append(MerkleHash.leaf(try sct.merkleTreeLeaf(for: SignedEntry(precertificate: precertificate, issuer: fixture.root))))
            clock.advance(seconds: 1)
        }
        return (fixture, leafHashes)
    }

    @Test func theSignedTreeHeadVerifiesWithTheLogKey() async throws {
        let clock = TestClock()
        let (fixture, leafHashes) = try await Self.filledLog(3, clock: clock)
        let sth = try await fixture.log.signedTreeHead()
        #expect(sth.treeSize == 3)
        #expect(sth.rootHash == (try MerkleHash.root(ofLeafHashes: leafHashes)))
        #expect(sth.timestamp == UInt64(clock.now.timeIntervalSince1970 * 1000))

        let signed = try DigitallySigned(tlsEncoded: sth.treeHeadSignature)
        #expect(signed.hashAlgorithm == .sha256)
        #expect(signed.signatureAlgorithm == .ecdsa)
        // RFC 6962 §3.5 TreeHeadSignature: version 0, signature_type tree_hash (1), then the fields.
        #expect(Array(sth.signedData.prefix(2)) == [0, 1])
        #expect(sth.signedData.count == 50)  // 2 + 8 + 8 + 32
        let digest = HashAlgorithm.sha256.hash(sth.signedData)
        #expect(fixture.logKey.publicKey.isValidSignature(signed.signature, forDigest: digest, hash: .sha256))

        var tampered = sth
        tampered.treeSize = 2
        #expect(!fixture.logKey.publicKey.isValidSignature(signed.signature, forDigest: HashAlgorithm.sha256.hash(tampered.signedData), hash: .sha256))
    }

    @Test func aNewLogHasASignedEmptyTreeHead() async throws {
        let fixture = try CTLogFixture()
        let sth = try await fixture.log.signedTreeHead()
        #expect(sth.treeSize == 0)
        #expect(sth.rootHash == MerkleHash.emptyRoot)
    }

    @Test func proofsByHashVerifyAgainstTheSignedRoot() async throws {
        let (fixture, leafHashes) = try await Self.filledLog(5)
        for treeSize in UInt64(1)...5 {
            let root = try MerkleHash.root(ofLeafHashes: leafHashes.prefix(Int(treeSize)))
            for index in 0..<Int(treeSize) {
                let proof = try await fixture.log.auditProof(leafHash: leafHashes[index], treeSize: treeSize)
                #expect(proof.leafIndex == UInt64(index))
                try InclusionProof(leafIndex: proof.leafIndex, treeSize: treeSize, hashes: proof.auditPath)
                    .verify(leafHash: leafHashes[index], rootHash: root)
            }
        }
        let sth = try await fixture.log.signedTreeHead()
        #expect(sth.rootHash == (try MerkleHash.root(ofLeafHashes: leafHashes)))
    }

    @Test func proofsByHashRefuseUnknownHashesAndSizes() async throws {
        let (fixture, leafHashes) = try await Self.filledLog(2)
        let unknown = await #expect(throws: CTLogError.self) {
            _ = try await fixture.log.auditProof(leafHash: Array(repeating: 7, count: 32), treeSize: 2)
        }
        #expect(unknown?.code == .notFound)
        let notYet = await #expect(throws: CTLogError.self) {
            _ = try await fixture.log.auditProof(leafHash: leafHashes[1], treeSize: 1)
        }
        #expect(notYet?.code == .invalidQuery)
        let beyond = await #expect(throws: CTLogError.self) {
            _ = try await fixture.log.auditProof(leafHash: leafHashes[0], treeSize: 3)
        }
        #expect(beyond?.code == .invalidQuery)
    }

    @Test func consistencyProofsVerifyBetweenSizes() async throws {
        let (fixture, leafHashes) = try await Self.filledLog(6)
        for (first, second) in [(1, 2), (1, 6), (2, 5), (3, 6), (4, 4), (0, 6), (5, 6)] {
            let path = try await fixture.log.consistencyPath(first: UInt64(first), second: UInt64(second))
            try ConsistencyProof(oldSize: UInt64(first), newSize: UInt64(second), hashes: path.consistency).verify(
                oldRoot: MerkleHash.root(ofLeafHashes: leafHashes.prefix(first)),
                newRoot: MerkleHash.root(ofLeafHashes: leafHashes.prefix(second))
            )
        }
        for (first, second) in [(3, 2), (1, 7)] {
            let error = await #expect(throws: CTLogError.self) {
                _ = try await fixture.log.consistencyPath(first: UInt64(first), second: UInt64(second))
            }
            #expect(error?.code == .invalidQuery)
        }
    }

    @Test func entriesReturnTheLeavesAndTheSubmittedChains() async throws {
        let fixture = try CTLogFixture()
        let precertificate = try fixture.precertificate(serial: 1)
        let certificate = try fixture.leaf(serial: 2)
        let preSCT = try await fixture.log.addPreChain([precertificate, fixture.root])
        let sct = try await fixture.log.addChain([certificate, fixture.root])

        let entries = try await fixture.log.entries(start: 0, end: 10).entries
        #expect(entries.count == 2)
        #expect(entries[0].leafInput == (try preSCT.merkleTreeLeaf(for: SignedEntry(precertificate: precertificate, issuer: fixture.root))))
        #expect(entries[1].leafInput == (try sct.merkleTreeLeaf(for: SignedEntry(certificate: certificate))))
        // PrecertChainEntry: u24 precertificate ‖ u24 (u24 root).
        let precertDER = try der(precertificate), rootDER = try der(fixture.root)
        let precertChainEntry: [UInt8] = u24(precertDER) + u24(u24(rootDER))
        #expect(entries[0].extraData == precertChainEntry)
        // certificate_chain: u24 (u24 root).
        #expect(entries[1].extraData == u24(u24(rootDER)))

        #expect(try await fixture.log.entries(start: 1, end: 1).entries.map(\.leafInput) == [entries[1].leafInput])
        for (start, end) in [(2, 3), (1, 0)] {
            let error = await #expect(throws: CTLogError.self) {
                _ = try await fixture.log.entries(start: UInt64(start), end: UInt64(end))
            }
            #expect(error?.code == .invalidQuery)
        }
    }

    @Test func theRootsAreListed() throws {
        let fixture = try CTLogFixture()
        #expect(fixture.log.rootList.certificates == [try der(fixture.root)])
    }

    private func der(_ certificate: Certificate) throws -> [UInt8] {
        guard case .x509(let bytes) = try SignedEntry(certificate: certificate) else { return [] }
        return bytes
    }

    private func u24(_ bytes: [UInt8]) -> [UInt8] {
        let length: [UInt8] = [UInt8((bytes.count >> 16) & 0xFF), UInt8((bytes.count >> 8) & 0xFF), UInt8(bytes.count & 0xFF)]
        return length + bytes
    }
}
