import Foundation

/// One PEM block as log entry bodies carry keys and certificates, read leniently: producers
/// differ in line length and trailing newlines (npm's intoto entries put the key on one line),
/// and only the label and the DER inside matter for comparing signers.
struct PEMBlock {
    let label: String
    let der: [UInt8]

    /// `nil` unless `bytes` is exactly one PEM block (surrounding whitespace allowed).
    init?(_ bytes: [UInt8]) {
        guard let text = String(validating: bytes, as: UTF8.self)?.trimmingCharacters(in: .whitespacesAndNewlines),
            text.hasPrefix("-----BEGIN "), text.hasSuffix("-----"),
            let headerEnd = text.range(of: "-----", range: text.index(text.startIndex, offsetBy: 11)..<text.endIndex)
        else { return nil }
        let label = String(text[text.index(text.startIndex, offsetBy: 11)..<headerEnd.lowerBound])
        let footer = "-----END \(label)-----"
        guard text.hasSuffix(footer), headerEnd.upperBound <= text.index(text.endIndex, offsetBy: -footer.count) else { return nil }
        let body = text[headerEnd.upperBound..<text.index(text.endIndex, offsetBy: -footer.count)].filter { !$0.isWhitespace }
        guard !body.contains("-"), let der = Data(base64Encoded: String(body)), !der.isEmpty else { return nil }
        self.label = label
        self.der = Array(der)
    }
}
