import Foundation
import Testing

@testable import SigstoreModels

/// `CanonicalJSON.encode` builds the tree directly; it must give exactly the bytes of the
/// `JSONEncoder` route (encode, parse strictly, canonicalize) for every shape a model can take.
@Suite struct CanonicalJSONEncoderTests {
    /// The reference: JSONEncoder's text, parsed strictly and canonicalized.
    static func encodeThroughText(_ value: some Encodable) throws -> [UInt8] {
        try CanonicalJSON.canonicalize(try JSONEncoder().encode(value), limits: JSONLimits(maxBytes: .max, maxDepth: 512))
    }

    struct Shapes: Encodable {
        struct Inner: Encodable {
            var name: String
            var tags: [String]
            var weight: Double?
        }

        var text = "quote \" backslash \\ control \u{01} newline \n emoji 😀 é"
        var flag = true
        var smallest = Int64.min
        var largest = UInt64.max
        var int = -42
        var int8: Int8 = -8
        var uint16: UInt16 = 65_535
        var float: Float = 0.25
        var doubles: [Double] = [0, -0.0, 0.1, 1e21, 1e-7, 123_456_789.125, -5e-324]
        var missing: String?
        var present: String? = "here"
        var nested = Inner(name: "inner", tags: ["b", "a", ""], weight: 1.5)
        var emptyNested = Inner(name: "", tags: [], weight: nil)
        var matrix: [[Int]] = [[1, 2], [], [3]]
        var dictionary: [String: Int] = ["z": 1, "a": 2, "\u{00e9}": 3, "\u{212A}": 4]
        var json: JSONValue = .object(try! JSONObject(members: [
            .init(key: "n", value: .number(JSONNumber(literal: "1.50")!)), .init(key: "s", value: .string("x")),
        ]))
    }

    /// Containers made by hand: nested keyed and unkeyed, a super encoder, a key written twice.
    struct HandWritten: Encodable {
        enum Key: String, CodingKey { case a, b, c }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(1, forKey: .a)
            try container.encode(2, forKey: .a)
            var list = container.nestedUnkeyedContainer(forKey: .b)
            try list.encode("x")
            try list.encodeNil()
            var inner = list.nestedContainer(keyedBy: Key.self)
            try inner.encode(true, forKey: .c)
            _ = container.nestedContainer(keyedBy: Key.self, forKey: .c)
            try "parent".encode(to: container.superEncoder())
        }
    }

    @Test func matchesTheJSONEncoderRouteForEveryShape() throws {
        let direct = try CanonicalJSON.encode(Shapes())
        #expect(direct == (try Self.encodeThroughText(Shapes())))
        #expect(try CanonicalJSON.encode(HandWritten()) == (try Self.encodeThroughText(HandWritten())))
        #expect(String(decoding: try CanonicalJSON.encode(HandWritten()), as: UTF8.self)
                == #"{"a":2,"b":["x",null,{"c":true}],"c":{},"super":"parent"}"#)
    }

    @Test func matchesTheJSONEncoderRouteForRealLogEntries() throws {
        for name in RekorEntryTests.realBundles {
            let bundle = try RealBundle(name)
            let entry = try RekorEntry(decoding: bundle.body)
            #expect(try CanonicalJSON.encode(entry) == (try Self.encodeThroughText(entry)), "\(name)")
            #expect(try CanonicalJSON.encode(entry) == bundle.body, "\(name)")
        }
    }

    @Test func refusesWhatJSONEncoderRefuses() {
        struct NotANumber: Encodable { var value = Double.nan }
        #expect(throws: EncodingError.self) { try CanonicalJSON.encode(NotANumber()) }
        struct Nothing: Encodable { func encode(to encoder: any Encoder) throws {} }
        #expect(throws: (any Error).self) { try CanonicalJSON.encode(Nothing()) }
    }

    /// `Data` and `Date` as `JSONEncoder` writes them by default: base64 text and seconds since 2001.
    @Test func writesDataAndDatesAsJSONEncoderDoes() throws {
        struct Stamped: Encodable {
            var data = Data([0, 1, 2, 250])
            var date = Date(timeIntervalSinceReferenceDate: 12.5)
        }
        #expect(String(decoding: try CanonicalJSON.encode(Stamped()), as: UTF8.self) == #"{"data":"AAEC+g==","date":12.5}"#)
    }
}
