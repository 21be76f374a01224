/// Writes a `Double` the way ECMAScript's `Number.prototype.toString` does (ECMA-262 §6.1.6.1.20),
/// which RFC 8785 §3.2.2.3 adopts for JSON numbers.
enum ECMAScriptNumberFormat {
    /// Formats a finite value. The shortest round-trip digits come from Swift's own `description`,
    /// which, like ECMAScript, picks the shortest digit string that reads back to the same `Double`
    /// and the one closest to it when several qualify; only the layout rules differ.
    static func format(_ value: Double) -> String {
        precondition(value.isFinite, "ECMAScript number formatting needs a finite value")
        if value == 0 { return "0" }  // also -0, which ECMAScript prints as "0"

        let (digits, pointPosition) = decimalDigits(of: value.magnitude)
        var result = value < 0 ? "-" : ""
        result += layout(digits: digits, pointPosition: pointPosition)
        return result
    }

    /// Splits a positive finite value into significant digits `d1…dk` and `n` such that the value
    /// is `0.d1…dk × 10^n`, with no leading or trailing zeros in the digits.
    private static func decimalDigits(of magnitude: Double) -> (digits: [UInt8], pointPosition: Int) {
        var text = Substring(magnitude.description)
        var exponent = 0
        if let marker = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: marker)...]) ?? 0
            text = text[..<marker]
        }
        let integerPart: Substring
        let fractionPart: Substring
        if let point = text.firstIndex(of: ".") {
            integerPart = text[..<point]
            fractionPart = text[text.index(after: point)...]
        } else {
            integerPart = text
            fractionPart = ""
        }
        var digits = Array(integerPart.utf8) + Array(fractionPart.utf8)
        var pointPosition = integerPart.utf8.count + exponent
        while digits.first == UInt8(ascii: "0") {
            digits.removeFirst()
            pointPosition -= 1
        }
        while digits.last == UInt8(ascii: "0") {
            digits.removeLast()
        }
        return (digits, pointPosition)
    }

    /// The layout steps of Number::toString for `k` digits and point position `n`.
    private static func layout(digits: [UInt8], pointPosition n: Int) -> String {
        let k = digits.count
        let digitText = String(decoding: digits, as: UTF8.self)
        if k <= n && n <= 21 {
            return digitText + String(repeating: "0", count: n - k)
        }
        if 0 < n && n <= 21 {
            return String(decoding: digits[..<n], as: UTF8.self) + "." + String(decoding: digits[n...], as: UTF8.self)
        }
        if -6 < n && n <= 0 {
            return "0." + String(repeating: "0", count: -n) + digitText
        }
        let exponent = n - 1
        let exponentText = (exponent < 0 ? "-" : "+") + String(exponent.magnitude)
        if k == 1 {
            return digitText + "e" + exponentText
        }
        return String(decoding: digits[..<1], as: UTF8.self) + "." + String(decoding: digits[1...], as: UTF8.self)
            + "e" + exponentText
    }
}
