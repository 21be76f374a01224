import Crypto
import Testing

@testable import SigstoreModels

@Suite("in-toto statements")
struct InTotoStatementTests {
    /// The SLSA v1 statement sigstore-python signed on staging, about `a.txt`.
    @Test func realStatementMatchesItsArtifact() throws {
        let bundle = try RealBundle("a.dsse.staging-rekor-v2.txt.sigstore.json")
        #expect(bundle.payloadType == InTotoStatement.payloadType)
        let statement = try InTotoStatement(decoding: bundle.payload)
        #expect(statement.type == InTotoStatement.typeV1)
        #expect(statement.predicateType == "https://slsa.dev/provenance/v1")
        #expect(statement.subjects.map(\.name) == ["a.txt"])
        #expect(statement.predicate?["runDetails"]?["builder"]?["id"]
            == "https://github.com/octo-org/octo-repo/.github/workflows/docker.yaml@refs/heads/development")

        let artifact = try fixtureBytes("a.txt", in: "intoto")
        let digest = Array(SHA256.hash(data: artifact))
        #expect(statement.hasSubject(matchingSHA256: digest))
        #expect(statement.subject(matchingSHA256: digest)?.name == "a.txt")
        #expect(!statement.hasSubject(matchingSHA256: Array(SHA256.hash(data: artifact.dropLast()))))

        // Nothing is lost: re-encoding equals canonicalizing the signed payload.
        #expect(try statement.encoded() == CanonicalJSON.canonicalize(bundle.payload, limits: unlimited))
    }

    /// sigstore-go's example: the npm provenance of sigstore@1.3.0, a Statement v0.1 with a sha512 subject.
    @Test func statementV01WithSHA512Subject() throws {
        let statement = try InTotoStatement(decoding: fixtureBytes("statement-provenance-sigstorejs1.3.0.json", in: "intoto"))
        #expect(statement.type == InTotoStatement.typeV01)
        #expect(statement.predicateType == "https://slsa.dev/provenance/v0.2")
        let subject = try #require(statement.subjects.first)
        #expect(subject.name == "pkg:npm/sigstore@1.3.0")
        let sha512 = RekorFieldCoding.bytes(fromHex: subject.digest["sha512"]!)!
        #expect(subject.matches(algorithm: "sha512", digest: sha512))
        #expect(!subject.matches(algorithm: "sha256", digest: sha512))
        #expect(statement.predicate?["materials"]?.arrayValue?.first?["digest"]?["sha1"]
            == "dae8bd8eb433a4147b4655c00fe73e0f22bc0fb1")
    }

    /// The model-signing statement lists ten files, each subject with annotations.
    @Test func subjectsKeepTheirAnnotations() throws {
        let bundle = try RealBundle("model-signing-staging-dsse.sigstore.json")
        let statement = try InTotoStatement(decoding: bundle.payload)
        #expect(statement.subjects.count == 10)
        #expect(statement.subjects.allSatisfy { $0.annotations?["actual_hash_algorithm"] == "file-sha256" })
        let readme = try #require(statement.subjects.first { $0.name == "README.md" })
        let digest = RekorFieldCoding.bytes(fromHex: "fa166922cca62cd8acdd54d1964abe91d1b58cfb9afd6e4c599cb09912d9a9f9")!
        #expect(statement.subject(matchingSHA256: digest) == readme)
        #expect(try statement.encoded() == CanonicalJSON.canonicalize(bundle.payload, limits: unlimited))
    }

    @Test func statementsEncodeCanonically() throws {
        let statement = InTotoStatement(
            subjects: [InTotoSubject(name: "a.txt", digest: ["sha256": String(repeating: "0", count: 64)])],
            predicateType: "https://example.com/p", predicate: ["b": 1, "a": [true]])
        let text = String(decoding: try statement.encoded(), as: UTF8.self)
        #expect(text == #"{"_type":"https://in-toto.io/Statement/v1","predicate":{"a":[true],"b":1},"predicateType":"https://example.com/p","subject":[{"digest":{"sha256":"\#(String(repeating: "0", count: 64))"},"name":"a.txt"}]}"#)
        #expect(try InTotoStatement(decoding: statement.encoded()) == statement)
    }

    static let invalidStatements: [(String, ModelError.Code)] = [
        (#"{"_type":"https://in-toto.io/Statement/v2","subject":[{"digest":{"sha256":"00"}}],"predicateType":"p"}"#, .invalidValue),
        (#"{"subject":[{"digest":{"sha256":"00"}}],"predicateType":"p"}"#, .missingField),
        (#"{"_type":"https://in-toto.io/Statement/v1","predicateType":"p"}"#, .missingField),
        (#"{"_type":"https://in-toto.io/Statement/v1","subject":[],"predicateType":"p"}"#, .invalidValue),
        (#"{"_type":"https://in-toto.io/Statement/v1","subject":[{"name":"a"}],"predicateType":"p"}"#, .missingField),
        (#"{"_type":"https://in-toto.io/Statement/v1","subject":[{"digest":{"sha256":1}}],"predicateType":"p"}"#, .wrongType),
        (#"{"_type":"https://in-toto.io/Statement/v1","subject":[{"digest":{"sha256":"00"}}]}"#, .missingField),
        (#"{"_type":"https://in-toto.io/Statement/v1","subject":[{"digest":{"sha256":"00"}}],"predicateType":""}"#, .invalidValue),
        (#"{"_type":"https://in-toto.io/Statement/v1","subject":[{"digest":{"sha256":"00"}}],"predicateType":"p","predicate":[]}"#, .wrongType),
        (#"{"_type":"https://in-toto.io/Statement/v1","_type":"https://in-toto.io/Statement/v1","subject":[],"predicateType":"p"}"#, .malformedJSON),
        (#"["https://in-toto.io/Statement/v1"]"#, .wrongType),
    ]

    @Test(arguments: invalidStatements)
    func rejectsInvalidStatements(_ input: String, _ code: ModelError.Code) {
        let error = #expect(throws: ModelError.self) { try InTotoStatement(decoding: Array(input.utf8)) }
        #expect(error?.code == code, "\(String(describing: error))")
    }

    /// The conformance suite's "unknown statement type" bundle must not pass as a statement.
    @Test func conformanceUnknownTypeIsRejected() throws {
        let bundle = try RealBundle("dsse-statement-unknown-type.sigstore.json")
        let error = #expect(throws: ModelError.self) { try InTotoStatement(decoding: bundle.payload) }
        #expect(error?.field == "_type")
    }
}
