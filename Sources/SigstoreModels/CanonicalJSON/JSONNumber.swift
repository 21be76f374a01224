/// A JSON number, kept as the exact text it was written with.
///
/// Keeping the text (rather than a `Double`) lets 64-bit integers such as log indexes survive a
/// parse and re-serialization unchanged. Two numbers are equal when their RFC 8785 canonical
/// forms are equal, so `1.0`, `1` and `1e0` compare equal.
public struct JSONNumber: Sendable, CustomStringConvertible {
    /// The number as written, guaranteed to follow the RFC 8259 number grammar.
    public let literal: String

    /// Creates a number from JSON number text, or returns `nil` when the text is not a JSON number.
    public init?(literal: String) {
        guard JSONNumber.isValidLiteral(Array(literal.utf8)) else { return nil }
        self.literal = literal
    }

    /// Wraps text the parser has already checked against the number grammar.
    init(validatedLiteral: String) {
        self.literal = validatedLiteral
    }

    /// An integer, written exactly.
    public init(_ value: Int64) {
        self.literal = String(value)
    }

    public init(_ value: UInt64) {
        self.literal = String(value)
    }

    public init(_ value: Int) {
        self.literal = String(value)
    }

    /// Creates a number from a `Double`, written in its ECMAScript form.
    ///
    /// - Throws: `ModelError` with code `.invalidValue` for NaN and infinities, which JSON cannot express.
    public init(_ value: Double) throws(ModelError) {
        guard value.isFinite else {
            throw ModelError(.invalidValue, field: "", "JSON cannot represent the number \(value)")
        }
        self.literal = ECMAScriptNumberFormat.format(value)
    }

    public var description: String { literal }

    /// Whether the text has neither a fraction nor an exponent.
    public var isIntegerLiteral: Bool {
        !literal.utf8.contains { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }
    }

    /// The value as a signed 64-bit integer, when the text is an integer literal in range.
    public var int64Value: Int64? {
        isIntegerLiteral ? Int64(literal) : nil
    }

    /// The value as an unsigned 64-bit integer, when the text is a non-negative integer literal in range.
    public var uint64Value: UInt64? {
        isIntegerLiteral ? UInt64(literal) : nil
    }

    /// The nearest `Double` (infinite when the text is beyond the `Double` range).
    public var doubleValue: Double {
        Double(literal) ?? .nan
    }

    /// The RFC 8785 serialization of this number.
    ///
    /// Integer literals that fit in 64 bits are written exactly; everything else is written the way
    /// ECMAScript's `Number.prototype.toString` writes the nearest `Double`. The two agree for every
    /// integer up to 2^53, which covers all numbers in Sigstore documents; beyond that JCS would
    /// silently round, and keeping the exact digits is the lesser surprise.
    ///
    /// - Throws: `ModelError` with code `.invalidValue` when the number is outside the `Double` range.
    public func canonicalText() throws(ModelError) -> String {
        if isIntegerLiteral {
            if let value = Int64(literal) { return String(value) }
            if let value = UInt64(literal) { return String(value) }
        }
        let value = doubleValue
        guard value.isFinite else {
            throw ModelError(.invalidValue, field: "", "the number \(literal) is outside the IEEE 754 double range")
        }
        return ECMAScriptNumberFormat.format(value)
    }

    /// RFC 8259: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
    static func isValidLiteral(_ bytes: [UInt8]) -> Bool {
        var index = 0
        func digits() -> Int {
            let start = index
            while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
                index += 1
            }
            return index - start
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count else { return false }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else if digits() == 0 {
            return false
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { return false }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            guard digits() > 0 else { return false }
        }
        return index == bytes.count
    }
}

extension JSONNumber: Hashable {
    /// Numbers outside the `Double` range have no canonical form; they compare by their text.
    private var comparisonKey: String {
        (try? canonicalText()) ?? literal
    }

    public static func == (lhs: JSONNumber, rhs: JSONNumber) -> Bool {
        lhs.literal == rhs.literal || lhs.comparisonKey == rhs.comparisonKey
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(comparisonKey)
    }
}
