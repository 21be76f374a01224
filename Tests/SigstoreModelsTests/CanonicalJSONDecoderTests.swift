import Foundation
import Testing

@testable import SigstoreModels

@Suite("Decoding from JSONValue")
struct CanonicalJSONDecoderTests {
    struct Inner: Codable, Equatable {
        var flag: Bool
        var note: String?
    }

    struct Outer: Codable, Equatable {
        var index: Int64
        var size: UInt64
        var ratio: Double
        var items: [Inner]
        var tags: [String: String]
    }

    static let document = #"{"index":9223372036854775807,"size":18446744073709551615,"ratio":0.5,"items":[{"flag":true},{"flag":false,"note":null}],"tags":{"k":"v"}}"#

    @Test func decodesSynthesizedCodableTypesExactly() throws {
        let value = try JSONValue(parsing: Array(Self.document.utf8), limits: unlimited)
        let outer = try value.decode(Outer.self)
        #expect(outer == Outer(index: .max, size: .max, ratio: 0.5,
                               items: [Inner(flag: true, note: nil), Inner(flag: false, note: nil)], tags: ["k": "v"]))
    }

    static let failures: [(String, ModelError.Code, String)] = [
        (#"{"index":1,"size":1,"ratio":1,"items":[{"flag":true,"extra":1}],"tags":{}}"#, .unknownField, "items[0].extra"),
        (#"{"index":1,"size":1,"ratio":1,"items":[{}],"tags":{}}"#, .missingField, "items[0].flag"),
        (#"{"index":1.5,"size":1,"ratio":1,"items":[],"tags":{}}"#, .invalidValue, "index"),
        (#"{"index":1,"size":-1,"ratio":1,"items":[],"tags":{}}"#, .invalidValue, "size"),
        (#"{"index":"1","size":1,"ratio":1,"items":[],"tags":{}}"#, .wrongType, "index"),
        (#"{"index":1,"size":1,"ratio":1,"items":{},"tags":{}}"#, .wrongType, "items"),
        (#"{"index":1,"size":1,"ratio":1e999,"items":[],"tags":{}}"#, .invalidValue, "ratio"),
        (#"{"index":1,"size":1,"ratio":1,"items":[],"tags":{"k":2}}"#, .wrongType, "tags.k"),
    ]

    @Test(arguments: failures)
    func reportsThePathOfTheProblem(_ json: String, _ code: ModelError.Code, _ field: String) throws {
        let value = try JSONValue(parsing: Array(json.utf8), limits: unlimited)
        let error = #expect(throws: ModelError.self) { try value.decode(Outer.self) }
        #expect(error?.code == code, "\(String(describing: error))")
        #expect(error?.field == field, "\(String(describing: error))")
    }

    @Test func unknownMembersCanBeAllowed() throws {
        let value = try JSONValue(parsing: Array(#"{"flag":true,"later":[1]}"#.utf8), limits: unlimited)
        #expect(throws: ModelError.self) { try value.decode(Inner.self) }
        #expect(try value.decode(Inner.self, rejectingUnknownMembers: false) == Inner(flag: true, note: nil))
    }

    /// `JSONValue` also works with Foundation's coders, for callers outside this module's reader.
    @Test func roundTripsThroughFoundationCoders() throws {
        let value = try JSONValue(parsing: Array(#"{"a":[1,-2,3.25,null,true,"x"],"b":{"c":{}}}"#.utf8), limits: unlimited)
        let data = try JSONEncoder().encode(value)
        let decoded = try JSONDecoder().decode(JSONValue.self, from: data)
        #expect(decoded == value)
        #expect(try CanonicalJSON.serialize(decoded) == CanonicalJSON.serialize(value))
    }
}
