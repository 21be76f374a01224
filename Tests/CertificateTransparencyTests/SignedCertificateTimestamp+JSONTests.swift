import CertificateTransparency
import Foundation
import Testing

@Suite struct SignedCertificateTimestampJSONTests {
    /// The fields certificate-transparency's own client test expects from this Pilot response.
    @Test func parsesARealAddChainResponse() throws {
        let sct = try SignedCertificateTimestamp(jsonEncoded: Fixture.bytes("ct-add-chain-response-pilot.json"))
        #expect(Data(sct.logID).base64EncodedString() == "pLkJkLQYWBSHuxOizGdwCjw1mAT5G9+443fNDsgN3BA=")
        #expect(sct.timestamp == 1_373_015_623_951)
        #expect(sct.extensions.isEmpty)
        #expect(sct.signature.hashAlgorithm == .sha256)
        #expect(sct.signature.signatureAlgorithm == .ecdsa)
        #expect(sct.signature.signature.hex == "304402202080fb4a50c159e3398d9cf85cec0b3b551d4379db1d820b3d6bca52107a32180220286b2f20f0d98039f14e3198f1f481c24975e5d0344d4a96e5ec761c253bc84f")
    }

    @Test func writesTheResponseAsCTFEDoes() throws {
        let original = try Fixture.bytes("ct-add-chain-response-pilot.json")
        let sct = try SignedCertificateTimestamp(jsonEncoded: original)
        // The fixture differs from the compact form only by the newlines the test author added.
        let compact = original.filter { $0 != UInt8(ascii: "\n") }
        #expect(sct.jsonEncoded == compact)
        #expect(try SignedCertificateTimestamp(jsonEncoded: sct.jsonEncoded) == sct)
    }

    @Test func roundTripsThroughCodable() throws {
        let sct = try SignedCertificateTimestamp(tlsEncoded: Fixture.vector("testCertProof"))
        let encoded = try JSONEncoder().encode(sct)
        #expect(try JSONDecoder().decode(SignedCertificateTimestamp.self, from: encoded) == sct)
        #expect(try SignedCertificateTimestamp(jsonEncoded: encoded) == sct)
    }

    @Test func readsAMissingExtensionsFieldAsEmpty() throws {
        let json = #"{"sct_version":0,"id":"pLkJkLQYWBSHuxOizGdwCjw1mAT5G9+443fNDsgN3BA=","timestamp":1,"signature":"BAMAAA=="}"#
        let sct = try SignedCertificateTimestamp(jsonEncoded: Array(json.utf8))
        #expect(sct.extensions.isEmpty)
        #expect(sct.signature.signature.isEmpty)
    }

    static let rejected: [(name: String, json: String, code: CTError.Code)] = [
        // certificate-transparency python client: test_fails_parsing_sct_invalid_version.
        ("version 2", #"{"sct_version":2,"id":"pLkJkLQYWBSHuxOizGdwCjw1mAT5G9+443fNDsgN3BA=","timestamp":1,"extensions":"","signature":"BAMAAA=="}"#, .unsupportedAlgorithm),
        // certificate-transparency python client: test_fails_parsing_sct_missing_contents.
        ("missing timestamp", #"{"sct_version":0,"id":"pLkJkLQYWBSHuxOizGdwCjw1mAT5G9+443fNDsgN3BA=","extensions":"","signature":"BAMAAA=="}"#, .malformedEncoding),
        ("missing signature", #"{"sct_version":0,"id":"pLkJkLQYWBSHuxOizGdwCjw1mAT5G9+443fNDsgN3BA=","timestamp":1,"extensions":""}"#, .malformedEncoding),
        ("short log ID", #"{"sct_version":0,"id":"AAAA","timestamp":1,"extensions":"","signature":"BAMAAA=="}"#, .malformedEncoding),
        ("unpadded base64", #"{"sct_version":0,"id":"pLkJkLQYWBSHuxOizGdwCjw1mAT5G9+443fNDsgN3BA","timestamp":1,"extensions":"","signature":"BAMAAA=="}"#, .malformedEncoding),
        ("URL-safe base64", #"{"sct_version":0,"id":"pLkJkLQYWBSHuxOizGdwCjw1mAT5G9-443fNDsgN3BA=","timestamp":1,"extensions":"","signature":"BAMAAA=="}"#, .malformedEncoding),
        ("negative timestamp", #"{"sct_version":0,"id":"pLkJkLQYWBSHuxOizGdwCjw1mAT5G9+443fNDsgN3BA=","timestamp":-1,"extensions":"","signature":"BAMAAA=="}"#, .malformedEncoding),
        ("timestamp as string", #"{"sct_version":0,"id":"pLkJkLQYWBSHuxOizGdwCjw1mAT5G9+443fNDsgN3BA=","timestamp":"1","extensions":"","signature":"BAMAAA=="}"#, .malformedEncoding),
        ("signature with trailing byte", #"{"sct_version":0,"id":"pLkJkLQYWBSHuxOizGdwCjw1mAT5G9+443fNDsgN3BA=","timestamp":1,"extensions":"","signature":"BAMAAAA="}"#, .malformedEncoding),
        ("truncated signature", #"{"sct_version":0,"id":"pLkJkLQYWBSHuxOizGdwCjw1mAT5G9+443fNDsgN3BA=","timestamp":1,"extensions":"","signature":"BAMAAQ=="}"#, .malformedEncoding),
        ("not an object", #"[]"#, .malformedEncoding),
        ("not JSON", #"{"sct_version":0,"#, .malformedEncoding),
    ]

    @Test(arguments: rejected)
    func rejectsMalformedResponses(_ testCase: (name: String, json: String, code: CTError.Code)) {
        let error = #expect(throws: CTError.self, "\(testCase.name)") { try SignedCertificateTimestamp(jsonEncoded: Array(testCase.json.utf8)) }
        #expect(error?.code == testCase.code, "\(testCase.name)")
    }
}
