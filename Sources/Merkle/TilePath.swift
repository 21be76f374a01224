/// The C2SP tlog-tiles path grammar shared by hash tiles and entry bundles:
/// `tile/<L>/<N>[.p/<W>]` and `tile/entries/<N>[.p/<W>]`.
enum TilePath {
    static let fullWidth = 256

    /// `<N>` as zero-padded 3-digit elements, all but the last prefixed with `x`
    /// (`1234067` → `x001/x234/067`), followed by `.p/<W>` for partial widths.
    static func encode(index: UInt64, width: Int) -> String {
        var groups: [UInt64] = []
        var rest = index
        repeat {
            groups.append(rest % 1000)
            rest /= 1000
        } while rest != 0
        var path = ""
        for (position, group) in groups.reversed().enumerated() {
            if position > 0 { path += "/" }
            if position < groups.count - 1 { path += "x" }
            path += threeDigits(group)
        }
        if width < fullWidth {
            path += ".p/\(width)"
        }
        return path
    }

    /// Parses the path elements after `tile/<L>/` (or `tile/entries/`).
    static func decode(_ elements: ArraySlice<Substring>, path: some StringProtocol) throws -> (index: UInt64, width: Int) {
        var elements = Array(elements)
        var width = fullWidth
        if elements.count >= 2, elements[elements.count - 2].hasSuffix(".p") {
            guard let parsed = decimal(elements.removeLast(), allowZero: false), parsed < UInt64(fullWidth) else {
                throw malformed(path, "the partial width must be 1...255 without leading zeros")
            }
            width = Int(parsed)
            elements[elements.count - 1] = elements[elements.count - 1].dropLast(2)
        }
        guard !elements.isEmpty else { throw malformed(path, "the tile index is missing") }
        var index: UInt64 = 0
        for (position, element) in elements.enumerated() {
            var digits = element
            if position < elements.count - 1 {
                guard digits.first == "x" else { throw malformed(path, "index elements before the last must start with x") }
                digits = digits.dropFirst()
            }
            guard digits.count == 3, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let group = UInt64(digits) else {
                throw malformed(path, "index elements must be three decimal digits")
            }
            if position == 0, group == 0, elements.count > 1 {
                throw malformed(path, "the index has a redundant leading x000 element")
            }
            let (scaled, overflow1) = index.multipliedReportingOverflow(by: 1000)
            let (sum, overflow2) = scaled.addingReportingOverflow(group)
            guard !overflow1, !overflow2 else { throw malformed(path, "the index does not fit in 64 bits") }
            index = sum
        }
        return (index, width)
    }

    /// A decimal with no sign and no leading zeros; nil otherwise.
    static func decimal(_ text: Substring, allowZero: Bool) -> UInt64? {
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }), text.count <= 20 else { return nil }
        if text.first == "0" {
            return allowZero && text.count == 1 ? 0 : nil
        }
        return UInt64(text)
    }

    static func malformed(_ path: some StringProtocol, _ reason: String) -> MerkleError {
        MerkleError(.malformedTilePath, "'\(path.prefix(200))' is not a tile path: \(reason)")
    }

    private static func threeDigits(_ value: UInt64) -> String {
        let digits = String(value)
        return String(repeating: "0", count: 3 - digits.count) + digits
    }
}
