import CTLogService
import CertificateTransparency
import Foundation
import Hummingbird
import HummingbirdTesting
import LogStorageSQLite
import Merkle
@testable import ServerSupport
import SigstoreCrypto
import SwiftASN1
import Testing
import X509

/// The `/ct/v1` endpoints over HTTP, on a log with real SQLite files.
@Suite struct CTLogEndpointTests {
    let rootKey: PrivateKey
    let root: Certificate
    let logKey: PrivateKey
    let app: any ApplicationProtocol

    init() throws {
        rootKey = try PrivateKey.generate(.ecdsaP256)
        let name = try DistinguishedName { CommonName("ct-endpoint-test-root") }
        root = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: rootKey.publicKey.certificatePublicKey,
            notValidBefore: Date().addingTimeInterval(-3600), notValidAfter: Date().addingTimeInterval(86_400),
            issuer: name, subject: name, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: Certificate.Extensions { Critical(BasicConstraints.isCertificateAuthority(maxPathLength: nil)) },
            issuerPrivateKey: rootKey.certificatePrivateKey
        )
        logKey = try PrivateKey.generate(.ecdsaP256)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("signet-ctlog-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let log = try CTLog(
            roots: AcceptedRoots([root]),
            key: logKey,
            storage: SQLiteLogStorage(path: directory.appendingPathComponent("log.sqlite").path),
            chainStorage: SQLiteLogStorage(path: directory.appendingPathComponent("chains.sqlite").path)
        )
        app = SignetApplication.build(configuration: ServerConfiguration(host: "127.0.0.1", port: 0), services: HostedServices(ctLog: log))
    }

    func leaf(serial: UInt8, poisoned: Bool, signedBy key: PrivateKey? = nil) throws -> Certificate {
        try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(bytes: [serial]),
            publicKey: try PrivateKey.generate(.ecdsaP256).publicKey.certificatePublicKey,
            notValidBefore: Date(), notValidAfter: Date().addingTimeInterval(600),
            issuer: root.subject, subject: DistinguishedName(), signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(SubjectAlternativeNames([.rfc822Name("ct@signet.test")]))
                if poisoned { PrecertificatePoison() }
            },
            issuerPrivateKey: (key ?? rootKey).certificatePrivateKey
        )
    }

    static func body(_ chain: [Certificate]) -> ByteBuffer {
        ByteBuffer(bytes: ChainSubmission(chain: chain).jsonEncoded)
    }

    static func json(_ response: TestResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(Array(buffer: response.body))) as? [String: Any])
    }

    static func treeSize(_ client: some TestClientProtocol) async throws -> Int {
        let response = try await client.execute(uri: "/ct/v1/get-sth", method: .get)
        return try #require(try json(response)["tree_size"] as? Int)
    }

    @Test func addChainsAnswerSCTsThatVerify() async throws {
        let verifier = SCTVerifier(trustedLogs: [try TrustedCTLog(publicKey: logKey.publicKey)])
        let precertificate = try leaf(serial: 1, poisoned: true)
        let certificate = try leaf(serial: 2, poisoned: false)
        try await app.test(.router) { client in
            let pre = try await client.execute(uri: "/ct/v1/add-pre-chain", method: .post, headers: [.contentType: "application/json"], body: Self.body([precertificate, root]))
            #expect(pre.status == .ok)
            #expect(pre.headers[.contentType] == "application/json")
            let preSCT = try SignedCertificateTimestamp(jsonEncoded: Array(buffer: pre.body))
            try verifier.verify(preSCT, for: SignedEntry(precertificate: precertificate, issuer: root))

            let final = try await client.execute(uri: "/ct/v1/add-chain", method: .post, body: Self.body([certificate, root]))
            #expect(final.status == .ok)
            try verifier.verify(try SignedCertificateTimestamp(jsonEncoded: Array(buffer: final.body)), for: certificate)
            #expect(try await Self.treeSize(client) == 2)
        }
    }

    @Test func refusedChainsAnswer400AndLeaveTheTreeAlone() async throws {
        let stranger = try PrivateKey.generate(.ecdsaP256)
        let bodies: [(String, ByteBuffer)] = [
            ("/ct/v1/add-pre-chain", ByteBuffer(string: #"{"chain":["%%% not base64 %%%"]}"#)),
            ("/ct/v1/add-pre-chain", ByteBuffer(string: #"{"chain":[]}"#)),
            ("/ct/v1/add-chain", ByteBuffer(string: "not json")),
            ("/ct/v1/add-pre-chain", Self.body([try leaf(serial: 3, poisoned: false), root])),
            ("/ct/v1/add-chain", Self.body([try leaf(serial: 4, poisoned: true), root])),
            ("/ct/v1/add-pre-chain", Self.body([try leaf(serial: 5, poisoned: true, signedBy: stranger), root])),
        ]
        try await app.test(.router) { client in
            for (path, body) in bodies {
                let response = try await client.execute(uri: path, method: .post, body: body)
                #expect(response.status == .badRequest, "\(path)")
                #expect(try Self.json(response)["message"] is String)
            }
            #expect(try await Self.treeSize(client) == 0)
        }
    }

    @Test func readsAnswerProofsThatVerifyAgainstTheSignedTreeHead() async throws {
        let precertificates = try (1...4).map { try leaf(serial: UInt8($0), poisoned: true) }
        try await app.test(.router) { client in
            var leafHashes: [[UInt8]] = []
            for precertificate in precertificates {
                let response = try await client.execute(uri: "/ct/v1/add-pre-chain", method: .post, body: Self.body([precertificate, root]))
                let sct = try SignedCertificateTimestamp(jsonEncoded: Array(buffer: response.body))
                leafHashes.append(MerkleHash.leaf(try sct.merkleTreeLeaf(for: SignedEntry(precertificate: precertificate, issuer: root))))
            }
            let sth = try SignedTreeHead(from: try await client.execute(uri: "/ct/v1/get-sth", method: .get))
            #expect(sth.treeSize == 4)
            #expect(sth.rootHash == (try MerkleHash.root(ofLeafHashes: leafHashes)))
            let signature = try DigitallySigned(tlsEncoded: sth.treeHeadSignature)
            #expect(logKey.publicKey.isValidSignature(signature.signature, forDigest: HashAlgorithm.sha256.hash(sth.signedData), hash: .sha256))

            let hash = try #require(Data(leafHashes[2]).base64EncodedString().addingPercentEncoding(withAllowedCharacters: .alphanumerics))
            let proof = try Self.json(try await client.execute(uri: "/ct/v1/get-proof-by-hash?hash=\(hash)&tree_size=4", method: .get))
            #expect(proof["leaf_index"] as? Int == 2)
            let path = try #require(proof["audit_path"] as? [String]).map { [UInt8](Data(base64Encoded: $0)!) }
            try InclusionProof(leafIndex: 2, treeSize: 4, hashes: path).verify(leafHash: leafHashes[2], rootHash: sth.rootHash)

            let consistency = try Self.json(try await client.execute(uri: "/ct/v1/get-sth-consistency?first=3&second=4", method: .get))
            let hashes = try #require(consistency["consistency"] as? [String]).map { [UInt8](Data(base64Encoded: $0)!) }
            try ConsistencyProof(oldSize: 3, newSize: 4, hashes: hashes).verify(oldRoot: MerkleHash.root(ofLeafHashes: leafHashes.prefix(3)), newRoot: sth.rootHash)

            let entries = try #require(try Self.json(try await client.execute(uri: "/ct/v1/get-entries?start=1&end=2", method: .get))["entries"] as? [[String: Any]])
            let leaves = entries.map { [UInt8](Data(base64Encoded: $0["leaf_input"] as? String ?? "") ?? Data()) }
            #expect(leaves.map(MerkleHash.leaf) == Array(leafHashes[1...2]))
            #expect(entries.allSatisfy { ($0["extra_data"] as? String)?.isEmpty == false })

            let roots = try Self.json(try await client.execute(uri: "/ct/v1/get-roots", method: .get))["certificates"] as? [String]
            #expect(roots?.count == 1)

            for (uri, status) in [
                ("/ct/v1/get-entries?start=4&end=5", HTTPResponse.Status.badRequest),
                ("/ct/v1/get-entries?start=x&end=5", .badRequest),
                ("/ct/v1/get-sth-consistency?first=4&second=5", .badRequest),
                ("/ct/v1/get-proof-by-hash?hash=\(hash)&tree_size=2", .badRequest),
                ("/ct/v1/get-proof-by-hash?hash=AAAA&tree_size=4", .badRequest),
                ("/ct/v1/get-proof-by-hash?hash=\(Data(repeating: 1, count: 32).base64EncodedString())&tree_size=4", .notFound),
            ] {
                #expect(try await client.execute(uri: uri, method: .get).status == status, "\(uri)")
            }
        }
    }

    /// `signetd --dev`: the CA's embedded SCT comes from this log, and the log holds the precertificate.
    @Test func theDevCertificateAuthorityLogsItsPrecertificatesHere() async throws {
        try await CertificateAuthorityTestStack.runDevStack { stack in
            let key = try PrivateKey.generate(.ecdsaP256)
            let response = try await stack.post(body: try CertificateAuthorityTestStack.csrBody(for: key), token: try await stack.token())
            #expect(response.status == .ok)
            let chain = try CertificateAuthorityTestStack.chain(of: response)
            let verified = try SCTVerifier(trustedLogs: [stack.ctLog]).verifyEmbeddedSCTs(in: chain[0], issuer: chain[1])
            let sct = try #require(verified.first?.timestamp)
            let leafInput = try sct.merkleTreeLeaf(for: SignedEntry(finalCertificate: chain[0], issuer: chain[1]))

            let sth = try SignedTreeHead(from: try await stack.client.execute(uri: "/ct/v1/get-sth", method: .get))
            #expect(sth.treeSize == 1)
            let entries = try #require(try Self.json(try await stack.client.execute(uri: "/ct/v1/get-entries?start=0&end=0", method: .get))["entries"] as? [[String: Any]])
            #expect(entries.first?["leaf_input"] as? String == Data(leafInput).base64EncodedString())
            #expect(sth.rootHash == MerkleHash.leaf(leafInput))
            let extraText = try #require(entries.first?["extra_data"] as? String)
            let extraData = try #require(Data(base64Encoded: extraText))
            // PrecertChainEntry: the precertificate (u24-prefixed) then intermediate and root.
            #expect(extraData.count > 3 + 2 * 3)
            let roots = try #require(try Self.json(try await stack.client.execute(uri: "/ct/v1/get-roots", method: .get))["certificates"] as? [String])
            #expect(roots == [Data(try chain[2].serializeAsPEM().derBytes).base64EncodedString()])
        }
    }
}

extension SignedTreeHead {
    init(from response: TestResponse) throws {
        #expect(response.status == .ok)
        self = try JSONDecoder().decode(SignedTreeHead.self, from: Data(Array(buffer: response.body)))
    }
}
