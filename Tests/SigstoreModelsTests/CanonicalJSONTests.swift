import Foundation
import Testing

@testable import SigstoreModels

/// Loads a file from `Fixtures/<directory>`.
func fixtureBytes(_ name: String, in directory: String) throws -> [UInt8] {
    let url = try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures/\(directory)"),
                           "missing fixture \(directory)/\(name)")
    return Array(try Data(contentsOf: url))
}

let unlimited = JSONLimits(maxBytes: 1 << 24)

@Suite("RFC 8785 canonical JSON")
struct CanonicalJSONTests {
    /// cyberphone/json-canonicalization `testdata/input` → `testdata/output`, the reference vectors
    /// RFC 8785 points to.
    @Test(arguments: ["arrays", "french", "simpleString", "structures", "unicode", "values", "weird"])
    func cyberphoneVector(name: String) throws {
        let input = try fixtureBytes("\(name).json", in: "canonical/input")
        let expected = try fixtureBytes("\(name).json", in: "canonical/output")
        let output = try CanonicalJSON.canonicalize(input, limits: unlimited)
        #expect(String(decoding: output, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
        #expect(output == expected)
        // Canonical output is a fixed point.
        #expect(try CanonicalJSON.canonicalize(output, limits: unlimited) == output)
    }

    @Test func simpleStringMatchesPublishedHex() throws {
        let hex = String(decoding: try fixtureBytes("simpleString.txt", in: "canonical/outhex"), as: UTF8.self)
        let expected = hex.split(separator: " ").map { UInt8($0, radix: 16)! }
        let input = try fixtureBytes("simpleString.json", in: "canonical/input")
        #expect(try CanonicalJSON.canonicalize(input, limits: unlimited) == expected)
    }

    /// RFC 8785 §3.2.2: the example with numbers, escapes and literals.
    @Test func rfcSerializationExample() throws {
        let input = #"""
            {
              "numbers": [333333333.33333329, 1E30, 4.50,
                          2e-3, 0.000000000000000000000000001],
              "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
              "literals": [null, true, false]
            }
            """#
        let expected = #"{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}"#
        #expect(try CanonicalJSON.canonicalize(Array(input.utf8), limits: unlimited) == Array(expected.utf8))
    }

    /// RFC 8785 §3.2.3: members sorted by UTF-16 code units, so U+1F600 (D83D DE00) sorts
    /// before U+FB33 although its scalar value is larger.
    @Test func rfcSortingExample() throws {
        let input = #"""
            {
              "\u20ac": "Euro Sign",
              "\r": "Carriage Return",
              "\ufb33": "Hebrew Letter Dalet With Dagesh",
              "1": "One",
              "\ud83d\ude00": "Emoji: Grinning Face",
              "\u0080": "Control",
              "\u00f6": "Latin Small Letter O With Diaeresis"
            }
            """#
        let value = try JSONValue(parsing: Array(input.utf8), limits: unlimited)
        let values = try #require(value.objectValue).members.map { $0.value.stringValue! }
        #expect(values == ["Carriage Return", "One", "Control", "Latin Small Letter O With Diaeresis", "Euro Sign",
                           "Emoji: Grinning Face", "Hebrew Letter Dalet With Dagesh"])
        let output = String(decoding: try CanonicalJSON.serialize(value), as: UTF8.self)
        #expect(output.hasPrefix(#"{"\r":"Carriage Return","1":"One","\#u{80}":"Control""#))
    }

    /// RFC 8785 Appendix B and the cyberphone es6testfile samples: IEEE 754 bits → ECMAScript text.
    @Test func es6NumberSamples() throws {
        let lines = String(decoding: try fixtureBytes("es6-numbers.csv", in: "canonical"), as: UTF8.self)
            .split(separator: "\n")
        #expect(lines.count == 26)
        for line in lines {
            let parts = line.split(separator: ",")
            let bits = try #require(UInt64(parts[0], radix: 16))
            let expected = String(parts[1])
            let number = try JSONNumber(Double(bitPattern: bits))
            #expect(try number.canonicalText() == expected, "bits \(parts[0])")
            // The expected text, read back as JSON, canonicalizes to itself.
            #expect(try CanonicalJSON.canonicalize(Array(expected.utf8), limits: unlimited) == Array(expected.utf8))
        }
    }

    @Test(arguments: [Double.nan, .infinity, -.infinity])
    func nonFiniteNumbersAreRejected(value: Double) {
        #expect(throws: ModelError.self) { try JSONNumber(value) }
    }

    @Test func numbersBeyondDoubleRangeCannotBeCanonicalized() throws {
        let value = try JSONValue(parsing: Array("[1e400]".utf8), limits: unlimited)
        #expect { try CanonicalJSON.serialize(value) } throws: { ($0 as? ModelError)?.code == .invalidValue }
    }

    /// Integer literals within 64 bits keep every digit, so log indexes survive a round trip.
    @Test func integersStayExact() throws {
        let input = "[9007199254740993,-0,18446744073709551615,-9223372036854775808,1E2,1.0,-0.0]"
        let output = try CanonicalJSON.canonicalize(Array(input.utf8), limits: unlimited)
        #expect(String(decoding: output, as: UTF8.self)
            == "[9007199254740993,0,18446744073709551615,-9223372036854775808,100,1,0]")
    }

    @Test func onlyMandatoryEscapesAreWritten() throws {
        let value = JSONValue.string("\u{0}\u{1}\u{8}\u{9}\u{A}\u{C}\u{D}\u{1F}\u{7F}\u{2028}/<\"\\é")
        let output = String(decoding: try CanonicalJSON.serialize(value), as: UTF8.self)
        #expect(output == "\"\\u0000\\u0001\\b\\t\\n\\f\\r\\u001f\u{7F}\u{2028}/<\\\"\\\\é\"")
    }

    /// Swift's `String ==` treats canonically equivalent strings as equal; JSON does not.
    @Test func keysCompareByCodeUnitsNotByCanonicalEquivalence() throws {
        let input = #"{"\u212a":1,"K":2,"e\u0301":3,"\u00e9":4}"#
        let value = try JSONValue(parsing: Array(input.utf8), limits: unlimited)
        #expect(value.objectValue?.count == 4)
        #expect(value["K"] == 2)
        #expect(value["\u{212A}"] == 1)
        let output = String(decoding: try CanonicalJSON.serialize(value), as: UTF8.self)
        #expect(output == "{\"K\":2,\"e\u{301}\":3,\"\u{E9}\":4,\"\u{212A}\":1}")
        #expect(JSONValue.string("\u{E9}") != JSONValue.string("e\u{301}"))
    }

    @Test func encodableValuesAreCanonicalized() throws {
        struct Sample: Encodable {
            let zeta = "last"
            let alpha = [3, 1, 2]
            let middle = ["b": true, "a": false]
            let ratio = 0.1
        }
        let output = String(decoding: try CanonicalJSON.encode(Sample()), as: UTF8.self)
        #expect(output == #"{"alpha":[3,1,2],"middle":{"a":false,"b":true},"ratio":0.1,"zeta":"last"}"#)
    }

    @Test func numberEqualityFollowsCanonicalForm() throws {
        #expect(JSONNumber(literal: "1.0") == JSONNumber(literal: "1"))
        #expect(JSONNumber(literal: "1e2") == JSONNumber(100))
        #expect(JSONNumber(literal: "0.1") != JSONNumber(literal: "0.2"))
        #expect(JSONNumber(literal: "01") == nil)
        #expect(JSONNumber(literal: "1.") == nil)
    }
}
