import Foundation
@testable import OIDC
import Testing

@Suite struct JSONValueTests {
    @Test(arguments: [
        (#"{"a":1,"b":1.5,"c":"x","d":true,"e":null,"f":[1,"y"],"g":{"h":false}}"#, [
            "a": JSONValue.integer(1), "b": .number(1.5), "c": .string("x"), "d": .bool(true), "e": .null,
            "f": .array([.integer(1), .string("y")]), "g": .object(["h": .bool(false)]),
        ] as [String: JSONValue]),
        (#"{"big":9007199254740993,"neg":-3}"#, ["big": .integer(9_007_199_254_740_993), "neg": .integer(-3)]),
    ])
    func decodesEveryKindOfValue(_ json: String, _ expected: [String: JSONValue]) throws {
        let decoded = try JSONDecoder().decode([String: JSONValue].self, from: Data(json.utf8))
        #expect(decoded == expected)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(try JSONDecoder().decode([String: JSONValue].self, from: encoder.encode(decoded)) == expected)
        // The fast path tokens are parsed with must agree with Codable.
        #expect(JSONValue.parseObject(Array(json.utf8)) == expected)
    }

    @Test(arguments: ["[]", "1", "\"s\"", "{", "{\"a\":}", ""])
    func parsesOnlyJSONObjects(_ json: String) {
        #expect(JSONValue.parseObject(Array(json.utf8)) == nil)
    }

    @Test func keepsBooleansAndNumbersApart() {
        let parsed = JSONValue.parseObject(Array(#"{"t":true,"f":false,"one":1,"zero":0,"half":0.5,"huge":18446744073709551615}"#.utf8))
        #expect(parsed == ["t": .bool(true), "f": .bool(false), "one": .integer(1), "zero": .integer(0), "half": .number(0.5), "huge": .number(18_446_744_073_709_551_615)])
    }

    @Test func exposesTypedAccessors() {
        let value: JSONValue = ["n": 2, "s": "t", "b": false, "a": [1.5]]
        #expect(value["n"]?.numberValue == 2)
        #expect(value["s"]?.stringValue == "t")
        #expect(value["b"]?.boolValue == false)
        #expect(value["a"]?.arrayValue == [.number(1.5)])
        #expect(value["s"]?.numberValue == nil)
        #expect(value["missing"] == nil)
        #expect(JSONValue.string("x")["n"] == nil)
    }
}
