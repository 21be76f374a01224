import Testing

@testable import SigstoreModels

@Suite("Strict JSON parsing")
struct CanonicalJSONParserTests {
    struct Malformed: CustomTestStringConvertible, Sendable {
        let name: String
        let bytes: [UInt8]
        var testDescription: String { name }

        init(_ name: String, _ text: String) {
            self.name = name
            self.bytes = Array(text.utf8)
        }

        init(_ name: String, bytes: [UInt8]) {
            self.name = name
            self.bytes = bytes
        }
    }

    static let malformed: [Malformed] = [
        Malformed("empty", ""),
        Malformed("whitespace only", " \n"),
        Malformed("unclosed object", "{"),
        Malformed("unclosed array", "[1"),
        Malformed("trailing comma in array", "[1,]"),
        Malformed("trailing comma in object", #"{"a":1,}"#),
        Malformed("missing colon", #"{"a" 1}"#),
        Malformed("unquoted key", "{a:1}"),
        Malformed("single quotes", "'a'"),
        Malformed("duplicate key", #"{"a":1,"a":2}"#),
        Malformed("duplicate key after unescaping", #"{"a":1,"\u0061":2}"#),
        Malformed("duplicate nested key", #"{"x":{"b":1,"b":1}}"#),
        Malformed("leading zero", "01"),
        Malformed("bare fraction point", "1."),
        Malformed("leading fraction point", ".5"),
        Malformed("lone minus", "-"),
        Malformed("plus sign", "+1"),
        Malformed("empty exponent", "1e"),
        Malformed("NaN", "NaN"),
        Malformed("Infinity", "Infinity"),
        Malformed("hex number", "0x10"),
        Malformed("truncated literal", "tru"),
        Malformed("capitalized literal", "True"),
        Malformed("lone high surrogate", #""\uD800""#),
        Malformed("lone low surrogate", #""\uDC00""#),
        Malformed("high surrogate then letter", #""\uD800\u0041""#),
        Malformed("reversed surrogate pair", #""\uDE00\uD83D""#),
        Malformed("unknown escape", #""\x41""#),
        Malformed("short unicode escape", #""\u12""#),
        Malformed("non-hex unicode escape", #""\u12G4""#),
        Malformed("raw control character", "\"a\u{1}b\""),
        Malformed("raw newline in string", "\"a\nb\""),
        Malformed("unterminated string", "\"abc"),
        Malformed("invalid UTF-8", bytes: [0x22, 0xC3, 0x28, 0x22]),
        Malformed("overlong UTF-8", bytes: [0x22, 0xC0, 0xAF, 0x22]),
        Malformed("UTF-8 encoded surrogate", bytes: [0x22, 0xED, 0xA0, 0x80, 0x22]),
        Malformed("code point above U+10FFFF", bytes: [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22]),
        Malformed("byte order mark", bytes: [0xEF, 0xBB, 0xBF, 0x7B, 0x7D]),
        Malformed("UTF-16 text", bytes: [0xFF, 0xFE, 0x7B, 0x00, 0x7D, 0x00]),
        Malformed("trailing garbage", "{} x"),
        Malformed("two documents", "[] []"),
        Malformed("comment", "[1] // note"),
        Malformed("non-ASCII outside strings", "[1]\u{A0}"),
        Malformed("too deep", String(repeating: "[", count: 65) + String(repeating: "]", count: 65)),
    ]

    @Test(arguments: malformed)
    func rejects(_ input: Malformed) {
        #expect(throws: ModelError.self) {
            try JSONValue(parsing: input.bytes, limits: JSONLimits(maxBytes: 1024))
        }
        do {
            _ = try JSONValue(parsing: input.bytes, limits: JSONLimits(maxBytes: 1024))
        } catch {
            #expect(error.code == .malformedJSON)
        }
    }

    @Test func depthLimitIsInclusive() throws {
        let deepest = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        _ = try JSONValue(parsing: Array(deepest.utf8), limits: JSONLimits(maxBytes: 1024))
        let shallow = JSONLimits(maxBytes: 1024, maxDepth: 2)
        _ = try JSONValue(parsing: Array(#"{"a":[1]}"#.utf8), limits: shallow)
        #expect(throws: ModelError.self) { try JSONValue(parsing: Array(#"{"a":[[1]]}"#.utf8), limits: shallow) }
    }

    @Test func sizeLimitIsEnforced() throws {
        let text = Array(#"{"a":"bcd"}"#.utf8)
        _ = try JSONValue(parsing: text, limits: JSONLimits(maxBytes: text.count))
        #expect { try JSONValue(parsing: text, limits: JSONLimits(maxBytes: text.count - 1)) } throws: { error in
            (error as? ModelError)?.code == .malformedJSON
        }
    }

    @Test func errorsNameTheLocation() {
        #expect {
            try JSONValue(parsing: Array(#"{"spec":{"signatures":[{"sig":"\uD800"}]}}"#.utf8), limits: unlimited)
        } throws: { ($0 as? ModelError)?.field == "spec.signatures[0].sig" }
        #expect {
            try JSONValue(parsing: Array(#"{"spec":{"a":1,"a":2}}"#.utf8), limits: unlimited)
        } throws: { ($0 as? ModelError)?.field == "spec.a" }
    }

    @Test func acceptsEveryJSONConstruct() throws {
        let text = #" {"s":"\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00","n":[0,-0,1.5e+3,-2E-2,10],"l":[true,false,null],"o":{},"a":[]} "#
        let value = try JSONValue(parsing: Array(text.utf8), limits: unlimited)
        #expect(value["s"] == .string("\"\\/\u{8}\u{C}\n\r\té😀"))
        #expect(value["n"]?.arrayValue?.count == 5)
        #expect(value["l"] == [true, false, nil])
        #expect(value["o"] == .object(JSONObject()))
        #expect(value["a"] == [])
        #expect(value["n"]?.arrayValue?[2].numberValue?.literal == "1.5e+3")
    }
}
